// A bounded input for the HTML parser. htmlparser2 (cheerio/slim) keeps its open elements in an
// array it unshifts and searches on every tag, so deep or unclosed nesting costs depth × tags:
// 960k `<div>`s ran for minutes, 600k unclosed headings took 556 s and 1.1 GB. This linear
// pre-scan replays the parser's stack rules (void elements, implied closes, raw-text elements,
// foreign content) without building anything, and before any parse:
//   - nesting deeper than `maxDepth`, or stack work over `maxStackWork` (what the parser would
//     spend moving and searching its stack), is refused with a TooComplexError;
//   - a page with more than `maxElements` elements is cut just before the first element over
//     the budget (a tag boundary), so a huge flat page is still read, its first part.
// No Node built-ins, no DOM: it runs wherever scoring/ runs.

export interface MarkupBudget {
  /** Open elements at once (browsers flatten beyond a few hundred). */
  maxDepth: number;
  /** Elements parsed; past this the input is cut. */
  maxElements: number;
  /** Stack entries the parser would move or compare, summed over all tags. */
  maxStackWork: number;
}

export const MARKUP_BUDGET: MarkupBudget = { maxDepth: 1500, maxElements: 200_000, maxStackWork: 150_000_000 };

export interface MarkupStats {
  /** Elements seen (up to the cut, when there is one). */
  elements: number;
  /** `<a>` elements seen (up to the cut). */
  links: number;
  maxDepth: number;
  stackWork: number;
  /** Character index the input is cut at (the element budget), if it is. */
  cutAt?: number;
  /** Why the input is refused, if it is. */
  tooComplex?: string;
}

/** Markup the parser would choke on. `scorePage` throws it; the crawl records the page as `too-complex`. */
export class TooComplexError extends Error {
  readonly kind = 'too-complex';
  constructor(readonly reason: string) {
    super(`page markup too complex to score: ${reason}`);
    this.name = 'TooComplexError';
  }
}

const VOID = new Set(['area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea']);
const FOREIGN = new Set(['math', 'svg']);
const INTEGRATION = new Set(['mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'foreignobject', 'desc', 'title']);

// htmlparser2's openImpliesClose: opening the key closes these while they are on top of the stack.
const P = ['p'];
const FORM = ['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea'];
const IMPLIES_CLOSE = new Map<string, Set<string>>([
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])],
  ['li', new Set(['li'])],
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['dd', new Set(['dd', 'dt'])],
  ['dt', new Set(['dd', 'dt'])],
  ['rt', new Set(['rt', 'rp'])],
  ['rp', new Set(['rt', 'rp'])],
  ['tbody', new Set(['thead', 'tbody'])],
  ['tfoot', new Set(['thead', 'tbody'])],
  ...['select', 'input', 'output', 'button', 'datalist', 'textarea'].map((t): [string, Set<string>] => [t, new Set(FORM)]),
  ...['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hr', 'main', 'nav', 'ol', 'pre', 'section', 'table', 'ul'].map(
    (t): [string, Set<string>] => [t, new Set(P)],
  ),
]);

const isNameStart = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 12 || c === 13;

/** The parser's open-element stack, replayed with O(1) pushes, pops and membership tests. */
class OpenStack {
  private names: string[] = [];
  private counts = new Map<string, number>();
  private foreign: boolean[] = [];
  work = 0;
  maxDepth = 0;

  get depth(): number {
    return this.names.length;
  }

  inForeign(): boolean {
    return this.foreign.length > 0 && this.foreign[this.foreign.length - 1];
  }

  private push(name: string): void {
    this.work += this.names.length; // unshift moves every entry
    this.names.push(name);
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    if (this.names.length > this.maxDepth) this.maxDepth = this.names.length;
  }

  private pop(): void {
    const name = this.names.pop();
    if (name === undefined) return;
    this.work += 1;
    const n = (this.counts.get(name) ?? 1) - 1;
    if (n > 0) this.counts.set(name, n);
    else this.counts.delete(name);
  }

  open(name: string, html: boolean, selfClosing: boolean): void {
    if (html) {
      const closes = IMPLIES_CLOSE.get(name);
      while (closes && this.names.length > 0 && closes.has(this.names[this.names.length - 1])) this.pop();
      if (VOID.has(name)) return;
      if (FOREIGN.has(name)) this.foreign.push(true);
      else if (INTEGRATION.has(name)) this.foreign.push(false);
    }
    this.push(name);
    // Self-closing is honoured in XML and inside <svg>/<math> only.
    if (selfClosing && (!html || this.inForeign()) && this.names[this.names.length - 1] === name) this.pop();
  }

  close(name: string, html: boolean): void {
    if (html && (FOREIGN.has(name) || INTEGRATION.has(name))) this.foreign.pop();
    if (html && VOID.has(name)) return;
    if (!this.counts.has(name)) {
      this.work += this.names.length; // indexOf finds nothing after a full scan
      return;
    }
    for (;;) {
      const top = this.names[this.names.length - 1];
      this.pop();
      if (top === name) break;
    }
  }
}

/** Index just past the `>` that ends a tag starting at `from` (quoted attribute values skipped). */
function tagEnd(s: string, from: number): { end: number; selfClosing: boolean } {
  let i = from;
  const n = s.length;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === 62 /* > */) return { end: i + 1, selfClosing: s.charCodeAt(i - 1) === 47 /* / */ };
    if (c === 61 /* = */) {
      i++;
      while (i < n && isSpace(s.charCodeAt(i))) i++;
      const q = s.charCodeAt(i);
      if (q === 34 || q === 39) {
        const close = s.indexOf(q === 34 ? '"' : "'", i + 1);
        if (close < 0) return { end: n, selfClosing: false };
        i = close + 1;
        continue;
      }
      continue;
    }
    i++;
  }
  return { end: n, selfClosing: false };
}

function skipTo(s: string, needle: string, from: number): number {
  const at = s.indexOf(needle, from);
  return at < 0 ? s.length : at + needle.length;
}

/** Where a raw-text element (script, style, title, textarea) ends: at its `</name`, case-insensitively. */
function rawTextEnd(s: string, from: number, name: string): number {
  const lower = `</${name}`;
  let i = from;
  for (;;) {
    const at = s.indexOf('</', i);
    if (at < 0) return s.length;
    if (s.substr(at, lower.length).toLowerCase() === lower) return at;
    i = at + 2;
  }
}

/**
 * One linear pass over the markup. Stops early once a budget is exceeded: `tooComplex` says
 * why, or `cutAt` says where the element budget ends.
 */
export function measureMarkup(input: string, budget: MarkupBudget = MARKUP_BUDGET, mode: 'html' | 'xml' = 'html'): MarkupStats {
  const html = mode === 'html';
  const stack = new OpenStack();
  const stats: MarkupStats = { elements: 0, links: 0, maxDepth: 0, stackWork: 0 };
  const s = input;
  const n = s.length;
  let i = s.indexOf('<');
  while (i >= 0 && i < n) {
    const c = s.charCodeAt(i + 1);
    let next: number;
    if (c === 33 /* ! */) {
      next = s.startsWith('<!--', i) ? skipTo(s, '-->', i + 4) : s.startsWith('<![CDATA[', i) ? skipTo(s, html ? '>' : ']]>', i + 9) : skipTo(s, '>', i + 2);
    } else if (c === 63 /* ? */) {
      next = skipTo(s, '>', i + 2);
    } else if (c === 47 /* / */ && isNameStart(s.charCodeAt(i + 2))) {
      let j = i + 2;
      while (j < n && !isSpace(s.charCodeAt(j)) && s.charCodeAt(j) !== 62 && s.charCodeAt(j) !== 47) j++;
      const raw = s.slice(i + 2, j);
      stack.close(html ? raw.toLowerCase() : raw, html);
      next = skipTo(s, '>', j);
    } else if (c === 47) {
      next = skipTo(s, '>', i + 2); // `</ ...>` or `</>`: a bogus comment
    } else if (isNameStart(c)) {
      if (stats.elements >= budget.maxElements) {
        stats.cutAt = i;
        break;
      }
      let j = i + 1;
      while (j < n && !isSpace(s.charCodeAt(j)) && s.charCodeAt(j) !== 62 && s.charCodeAt(j) !== 47) j++;
      const raw = s.slice(i + 1, j);
      const name = html ? raw.toLowerCase() : raw;
      const tag = tagEnd(s, j);
      stats.elements++;
      if (name === 'a') stats.links++;
      stack.open(name, html, tag.selfClosing);
      next = tag.end;
      if (html && RAW_TEXT.has(name) && !(tag.selfClosing && stack.inForeign())) next = rawTextEnd(s, next, name);
    } else {
      next = i + 1; // a lone `<` in text
    }
    if (stack.maxDepth > budget.maxDepth) {
      stats.tooComplex = `more than ${budget.maxDepth} elements open at once`;
      break;
    }
    if (stack.work > budget.maxStackWork) {
      stats.tooComplex = `deeply nested or unclosed elements (parser stack work over ${budget.maxStackWork})`;
      break;
    }
    i = s.indexOf('<', next);
  }
  stats.maxDepth = stack.maxDepth;
  stats.stackWork = stack.work;
  return stats;
}

/**
 * The input the parser may see: unchanged, or cut at the element budget. Throws a
 * TooComplexError for nesting over the budget.
 */
export function guardMarkup(input: string, mode: 'html' | 'xml' = 'html', budget: MarkupBudget = MARKUP_BUDGET): string {
  const stats = measureMarkup(input, budget, mode);
  if (stats.tooComplex) throw new TooComplexError(stats.tooComplex);
  return stats.cutAt === undefined ? input : input.slice(0, stats.cutAt);
}
