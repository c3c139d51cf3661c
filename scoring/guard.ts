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

const VOID = ['area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr'];
const RAW_TEXT = ['script', 'style', 'title', 'textarea'];
const FOREIGN = ['math', 'svg'];
const INTEGRATION = ['mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'foreignobject', 'desc', 'title'];

// htmlparser2's openImpliesClose: opening the key closes these while they are on top of the stack.
const P = ['p'];
const FORM = ['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea'];
const IMPLIES_CLOSE: [string, string[]][] = [
  ['tr', ['tr', 'th', 'td']],
  ['th', ['th']],
  ['td', ['thead', 'th', 'td']],
  ['body', ['head', 'link', 'script']],
  ['li', ['li']],
  ['option', ['option']],
  ['optgroup', ['optgroup', 'option']],
  ['dd', ['dd', 'dt']],
  ['dt', ['dd', 'dt']],
  ['rt', ['rt', 'rp']],
  ['rp', ['rt', 'rp']],
  ['tbody', ['thead', 'tbody']],
  ['tfoot', ['thead', 'tbody']],
  ...['select', 'input', 'output', 'button', 'datalist', 'textarea'].map((t): [string, string[]] => [t, FORM]),
  ...['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hr', 'main', 'nav', 'ol', 'pre', 'section', 'table', 'ul'].map(
    (t): [string, string[]] => [t, P],
  ),
];

// Tag names are numbered, so the replay compares and counts integers: the names above and the
// common ones get fixed numbers (found from the markup's characters, no string made); any other
// name gets the next number in the pass that meets it.
const KNOWN_NAMES = [
  ...new Set([
    ...VOID, ...RAW_TEXT, ...FOREIGN, ...INTEGRATION, ...IMPLIES_CLOSE.flatMap(([k, v]) => [k, ...v]),
    'html', 'head', 'a', 'span', 'b', 'i', 'em', 'strong', 'code', 'small', 'sup', 'sub', 'u', 's', 'abbr', 'cite', 'q', 'time', 'mark', 'label', 'noscript',
    'iframe', 'video', 'audio', 'picture', 'canvas', 'object', 'template', 'dialog', 'menu', 'summary', 'caption', 'thead', 'center', 'font', 'g', 'path',
    'circle', 'rect', 'use', 'defs', 'symbol', 'polygon', 'line', 'ellipse', 'polyline', 'clippath', 'lineargradient', 'stop', 'nobr', 'hgroup', 'legend',
  ]),
];
const K = KNOWN_NAMES.length;
const FL_VOID = 1;
const FL_RAW_TEXT = 2;
const FL_FOREIGN = 4;
const FL_INTEGRATION = 8;
const KNOWN_FLAGS = new Uint8Array(K);
/** impliesClose[opened * K + top]: opening `opened` closes `top` while it is on top of the stack. */
const IMPLIES = new Uint8Array(K * K);
const KNOWN_IDS = new Map(KNOWN_NAMES.map((name, id) => [name, id]));
const idOf = (name: string) => KNOWN_IDS.get(name)!;
for (const n of VOID) KNOWN_FLAGS[idOf(n)] |= FL_VOID;
for (const n of RAW_TEXT) KNOWN_FLAGS[idOf(n)] |= FL_RAW_TEXT;
for (const n of FOREIGN) KNOWN_FLAGS[idOf(n)] |= FL_FOREIGN;
for (const n of INTEGRATION) KNOWN_FLAGS[idOf(n)] |= FL_INTEGRATION;
for (const [k, closes] of IMPLIES_CLOSE) for (const c of closes) IMPLIES[idOf(k) * K + idOf(c)] = 1;
const A_ID = idOf('a');

// The known names by hash of their (ASCII, lower-case) characters: open addressing, id + 1 per slot.
const NAME_SLOTS = 512;
const nameSlots = new Int16Array(NAME_SLOTS);
const nameHash = (s: string, from: number, to: number): number => {
  let h = 0;
  for (let i = from; i < to; i++) h = (Math.imul(h, 31) + (s.charCodeAt(i) | 32)) | 0;
  return h;
};
KNOWN_NAMES.forEach((name, id) => {
  let slot = nameHash(name, 0, name.length) & (NAME_SLOTS - 1);
  while (nameSlots[slot] !== 0) slot = (slot + 1) & (NAME_SLOTS - 1);
  nameSlots[slot] = id + 1;
});

/** The fixed number of the HTML tag name s[from, to) (any case), or -1 when it is not a known name. */
function knownId(s: string, from: number, to: number): number {
  const len = to - from;
  let slot = nameHash(s, from, to) & (NAME_SLOTS - 1);
  for (let e = nameSlots[slot]; e !== 0; slot = (slot + 1) & (NAME_SLOTS - 1), e = nameSlots[slot]) {
    const name = KNOWN_NAMES[e - 1];
    if (name.length !== len) continue;
    let k = 0;
    while (k < len) {
      const c = s.charCodeAt(from + k);
      if ((c >= 65 && c <= 90 ? c + 32 : c) !== name.charCodeAt(k)) break;
      k++;
    }
    if (k === len) return e - 1;
  }
  return -1;
}

const isNameStart = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 12 || c === 13;

/** The parser's open-element stack, replayed with O(1) pushes, pops and membership tests, over tag numbers. */
class OpenStack {
  private ids = new Int32Array(64);
  private top = 0;
  private counts = new Int32Array(K + 64);
  private foreign: boolean[] = [];
  /** Numbers of the names that are not known, in this pass (as the parser reads them: lower case in HTML). */
  private others = new Map<string, number>();
  work = 0;
  maxDepth = 0;

  constructor(private readonly html: boolean) {}

  get depth(): number {
    return this.top;
  }

  /** The number of the tag name s[from, to). */
  id(s: string, from: number, to: number): number {
    if (this.html) {
      const known = knownId(s, from, to);
      if (known >= 0) return known;
    }
    const raw = s.slice(from, to);
    const name = this.html ? raw.toLowerCase() : raw;
    // A name that lower-cases to a known one only outside ASCII (the Kelvin sign's k).
    let id = this.html ? KNOWN_IDS.get(name) : undefined;
    if (id !== undefined) return id;
    id = this.others.get(name);
    if (id === undefined) {
      id = K + this.others.size;
      this.others.set(name, id);
      if (id >= this.counts.length) {
        const c = new Int32Array(this.counts.length * 2);
        c.set(this.counts);
        this.counts = c;
      }
    }
    return id;
  }

  flags(id: number): number {
    return this.html && id < K ? KNOWN_FLAGS[id] : 0;
  }

  inForeign(): boolean {
    return this.foreign.length > 0 && this.foreign[this.foreign.length - 1];
  }

  private push(id: number): void {
    this.work += this.top; // unshift moves every entry
    if (this.top === this.ids.length) {
      const a = new Int32Array(this.ids.length * 2);
      a.set(this.ids);
      this.ids = a;
    }
    this.ids[this.top++] = id;
    this.counts[id]++;
    if (this.top > this.maxDepth) this.maxDepth = this.top;
  }

  private pop(): void {
    if (this.top === 0) return;
    this.work += 1;
    this.counts[this.ids[--this.top]]--;
  }

  open(id: number, selfClosing: boolean): void {
    const html = this.html;
    if (html && id < K) {
      while (this.top > 0 && this.ids[this.top - 1] < K && IMPLIES[id * K + this.ids[this.top - 1]] === 1) this.pop();
      const f = KNOWN_FLAGS[id];
      if (f & FL_VOID) return;
      if (f & FL_FOREIGN) this.foreign.push(true);
      else if (f & FL_INTEGRATION) this.foreign.push(false);
    }
    this.push(id);
    // Self-closing is honoured in XML and inside <svg>/<math> only.
    if (selfClosing && (!html || this.inForeign()) && this.ids[this.top - 1] === id) this.pop();
  }

  close(id: number): void {
    const f = this.flags(id);
    if (f & (FL_FOREIGN | FL_INTEGRATION)) this.foreign.pop();
    if (f & FL_VOID) return;
    if (this.counts[id] === 0) {
      this.work += this.top; // indexOf finds nothing after a full scan
      return;
    }
    for (;;) {
      const top = this.ids[this.top - 1];
      this.pop();
      if (top === id) break;
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
  const stack = new OpenStack(html);
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
      stack.close(stack.id(s, i + 2, j));
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
      const id = stack.id(s, i + 1, j);
      const tag = tagEnd(s, j);
      stats.elements++;
      if (html ? id === A_ID : j === i + 2 && s.charCodeAt(i + 1) === 97) stats.links++;
      stack.open(id, tag.selfClosing);
      next = tag.end;
      if (stack.flags(id) & FL_RAW_TEXT && !(tag.selfClosing && stack.inForeign())) next = rawTextEnd(s, next, KNOWN_NAMES[id]);
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

/** Inputs longer than this are not counted first: they have more tags than a count could clear. */
const COUNT_CHARS = 100_000;

/**
 * Whether the input is within the budget by its number of '<' alone, so the replay can be skipped
 * (most pages of a few KB): every tag starts with one, so n of them open at most n elements, nest
 * at most n deep, and cost the parser's stack at most 2n per tag (a push moves every entry, a
 * close scans them, implied closes pop at most all), 2n² in all.
 */
function withinBudgetByCount(input: string, budget: MarkupBudget): boolean {
  if (input.length > COUNT_CHARS) return false;
  const max = Math.min(budget.maxDepth, budget.maxElements, Math.floor(Math.sqrt(budget.maxStackWork / 2)));
  let n = 0;
  for (let i = input.indexOf('<'); i >= 0; i = input.indexOf('<', i + 1)) if (++n > max) return false;
  return true;
}

/**
 * The input the parser may see (unchanged, or cut at the element budget) and, when the markup was
 * replayed, the count of its `<a>` elements (`links`; absent when the count of '<' alone cleared
 * it: at most 1,500 tags). Throws a TooComplexError for nesting over the budget.
 */
export function guardPage(input: string, mode: 'html' | 'xml' = 'html', budget: MarkupBudget = MARKUP_BUDGET): { html: string; links?: number } {
  if (withinBudgetByCount(input, budget)) return { html: input };
  const stats = measureMarkup(input, budget, mode);
  if (stats.tooComplex) throw new TooComplexError(stats.tooComplex);
  return { html: stats.cutAt === undefined ? input : input.slice(0, stats.cutAt), links: stats.links };
}

/** guardPage's input alone. */
export function guardMarkup(input: string, mode: 'html' | 'xml' = 'html', budget: MarkupBudget = MARKUP_BUDGET): string {
  return guardPage(input, mode, budget).html;
}
