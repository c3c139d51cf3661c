// The page read once, straight from htmlparser2's events (the parser cheerio/slim wraps; no DOM is
// built), into a flat index: the block-level elements in document order with their subtree ranges,
// per-subtree counters (text, link text, commas, paragraphs, images, list items, inputs, embeds,
// heading and list text), the paragraph scores credited to their ancestors (Readability's content
// score), the text as segments with block breaks, and the head elements, anchors and date-like
// elements the metadata readers need. It reads the page exactly as a depth-first walk of the
// parser's document tree (domhandler's) would: adjacent text events are one text node, comments
// and declarations are nodes, and an element's subtree is read or skipped as a whole. No
// recursion (deep nesting cannot overflow), no per-node allocation beyond the index itself.
import { Parser } from 'htmlparser2';

/** Block boundary in the segment list (NULs are stripped from the input, so it is unique). */
export const BLOCK_MARK = '\u0000';

// Per-subtree counters (index into the counts of an element).
export const C_TEXT = 0;
export const C_LINK = 1;
export const C_COMMA = 2;
export const C_P = 3;
export const C_IMG = 4;
export const C_LI = 5;
export const C_INPUT = 6;
export const C_EMBED = 7;
export const C_HEAD = 8;
export const C_LIST = 9;
export const NC = 10;

// Element flags.
/** Boilerplate by tag or role (nav, aside, footer, header, dialog, menu, figcaption). */
export const F_HARD = 1;
/** Boilerplate by class or id (sidebar, comments, share, related, ...): a guess. */
export const F_UNLIKELY = 2;
/** Inside a <table> or <pre>/<code> (class guesses are not applied there). */
export const F_IN_TABLE = 4;

const INDEXED = new Set([
  'html', 'body', 'main', 'article', 'section', 'div', 'p', 'pre', 'blockquote', 'ul', 'ol', 'li', 'dl', 'dd', 'dt', 'table', 'thead', 'tbody',
  'tfoot', 'tr', 'td', 'th', 'caption', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'footer', 'nav', 'aside', 'form', 'fieldset', 'figure',
  'figcaption', 'address', 'details', 'summary', 'center', 'dialog', 'menu', 'hgroup', 'legend',
]);
/** Never read: no text of theirs is content. */
const SKIP_TAGS = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'video', 'audio', 'select', 'button', 'textarea', 'head']);
const HARD_TAGS = new Set(['nav', 'aside', 'footer', 'header', 'dialog', 'menu', 'figcaption']);
const HARD_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'dialog', 'alertdialog', 'menu', 'menubar', 'alert', 'tablist']);
const DATE_HINT_RE = /date|datum|fecha|time|publi|posted|byline|stamp|meta|dato/i;
const BREAK_TAGS = new Set(['br', 'hr']);
/**
 * A <base> below one of these is not the document's: template contents are a separate fragment,
 * svg/math are other namespaces, the others' content is text to a browser (scripting on) or ignored.
 */
const NOT_BASE_PARENTS = new Set(['template', 'svg', 'math', 'noscript', 'iframe', 'textarea', 'title', 'xmp', 'noembed', 'noframes', 'select', 'script', 'style']);

// Class and id guesses, in the manner of Readability (generic words, not per-site names).
const UNLIKELY_RE =
  /-ad-|\bads?\b|advert|agegate|banner|breadcrumb|combx|comment|community|consent|cookie|cover-wrap|disqus|footer|gdpr|masthead|menu|modal|newsletter|outbrain|pager|pagination|popup|promo|related|remark|replies|rss|share|sharing|shoutbox|sidebar|skyscraper|social|sponsor|subscribe|supplemental|taboola|most-?popular|recommend|signup|sign-up|toolbar|navbar|masthead|trending|tags?-?list|byline|author-?bio|about-?the-?author/i;
const MAYBE_RE = /and|article|body|column|content|main|shadow|story|entry|post-?text/i;
const POSITIVE_RE = /article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|prose|markdown/i;
const NEGATIVE_RE =
  /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|byline|author|caption|credit|newsletter|subscribe|social|teaser|card|thumb|rating|timestamp|dateline/i;

/** Readability's class weight: +25 / -25 for the class and again for the id. */
export function classWeight(cls: string | undefined, id: string | undefined): number {
  let w = 0;
  if (cls) {
    if (NEGATIVE_RE.test(cls)) w -= 25;
    if (POSITIVE_RE.test(cls)) w += 25;
  }
  if (id) {
    if (NEGATIVE_RE.test(id)) w -= 25;
    if (POSITIVE_RE.test(id)) w += 25;
  }
  return w;
}

/** An element's attributes as the parser gives them (lower-case names). */
export type Attribs = Record<string, string>;

export interface AnchorRef {
  attribs: Attribs;
  segStart: number;
  segEnd: number;
  /** Inside navigation, header, footer, sidebar or similar chrome. */
  chrome: boolean;
  /** The indexed (block) element it sits in: its nearest indexed ancestor (0, the document, when none). */
  block: number;
}

export interface PageIndex {
  /** Indexed (block-level) elements in document order (the document itself is the first, '#root'). */
  n: number;
  /** Their attributes (undefined for the document). */
  attribs: (Attribs | undefined)[];
  tag: string[];
  /** Index of the nearest indexed ancestor, -1 for none. */
  parent: Int32Array;
  /** One past the index of the last indexed descendant: descendants are (i, end[i]). */
  end: Int32Array;
  flags: Int32Array;
  /** Class weight, computed when first asked for (NaN until then): see weightOf. */
  weight: Float64Array;
  /** Readability content score credited from paragraphs (NaN = never credited, not a candidate). */
  score: Float64Array;
  /** Elements credited with a content score, in the order first credited. */
  candidates: number[];
  segStart: Int32Array;
  segEnd: Int32Array;
  /** Subtree counters, NC per element. */
  counts: Int32Array;
  /** Own (not in an indexed descendant) text length and commas, per element. */
  own: Int32Array;
  ownCommas: Int32Array;
  /** Text segments and block marks in document order; segEx[k] is 1 for text inside boilerplate. */
  seg: string[];
  segEx: number[];
  anchors: AnchorRef[];
  /** Attributes of the <meta> and <link> elements. */
  metas: Attribs[];
  headLinks: Attribs[];
  ldJson: string[];
  title: string;
  htmlLang: string;
  /**
   * The href of the first `<base>` element that has one, in tree order (head or body, as the HTML
   * standard reads it), as written; undefined when there is none. extract.ts resolves and vets it.
   */
  baseHref?: string;
  /** <time> elements and elements whose class, id or itemprop names a date, in document order. */
  dateEls: DateRef[];
  checkboxes: number;
  /** Indexed h1, h2 and h3 elements, in document order. */
  titleHeadings: number[];
  /** The first few thousand characters of boilerplate text (company and nonprofit markers read it). */
  chromeText: string;
  /** Elements left out by a class/id guess (when none were, a retry without the guesses changes nothing). */
  unlikely: number;
}

/** An element of the tree above a date element (or the date element itself). */
export interface AncestorRef {
  name: string;
  cls: string;
  id: string;
  /** Its position in the index, -1 when it is not indexed (the document is 0). */
  indexed: number;
}

export interface DateRef {
  name: string;
  attribs: Attribs;
  /** The indexed element it sits in (its nearest indexed ancestor). */
  pos: number;
  /** The element and its ancestors, nearest first, up to MAX_DATE_ANCESTORS (the document last when reached). */
  ancestors: AncestorRef[];
  /**
   * The nodes of its subtree in document order (not below <script>/<style>), up to MAX_DATE_NODES:
   * a text node's text, '' for any other node (dates.ts shortText reads them).
   */
  nodes: string[];
}

const MAX_DATE_ANCESTORS = 40;
const MAX_DATE_NODES = 199;
const MAX_DATE_ELS = 100;
const MAX_STEPS = 2_000_000;
const MAX_SEG_CHARS = 600_000;
const MAX_ANCHORS = 6000;
const MAX_CHROME_CHARS = 5000;

const NON_SPACE_RE = /\S/;

/** Commas, also the CJK ones (native indexOf scans; no per-character loop). */
function countCommas(s: string): number {
  let n = 0;
  for (let i = s.indexOf(','); i !== -1; i = s.indexOf(',', i + 1)) n++;
  for (let i = s.indexOf('，'); i !== -1; i = s.indexOf('，', i + 1)) n++;
  for (let i = s.indexOf('、'); i !== -1; i = s.indexOf('、', i + 1)) n++;
  return n;
}

// What the walk does with an element's children (the parent's mode decides whether a node is read).
const SKIP = 0;
const VISIT = 1;
/** <head>: only its element children are read (its text, comments and <style> are not). */
const HEAD = 2;
// What closing an element does.
const NO_EXIT = 0;
const EXIT = 1;
const EXIT_LINK = 2;
// Text an element keeps for the metadata readers.
const NO_CAPTURE = 0;
const CAPTURE_TITLE = 1;
const CAPTURE_LD = 2;

/**
 * Reads the page once (one htmlparser2 pass, no tree), crediting paragraph scores to ancestors as it
 * goes. `stripUnlikely` applies the class/id guesses (extract.ts reads again without them when they
 * hid the post).
 */
export function indexHtml(html: string, stripUnlikely: boolean): PageIndex {
  const ix: PageIndex = {
    n: 0, attribs: [], tag: [], parent: new Int32Array(0), end: new Int32Array(0), flags: new Int32Array(0), weight: new Float64Array(0), score: new Float64Array(0),
    candidates: [], segStart: new Int32Array(0), segEnd: new Int32Array(0), counts: new Int32Array(0), own: new Int32Array(0), ownCommas: new Int32Array(0),
    seg: [], segEx: [], anchors: [], metas: [], headLinks: [], ldJson: [], title: '', htmlLang: '', dateEls: [], checkboxes: 0, unlikely: 0, chromeText: '', titleHeadings: [],
  };
  const { tag, seg, segEx } = ix;
  grow(ix, 128);
  const C = new Int32Array(NC);
  /** Open indexed elements. */
  const open: number[] = [];
  const openAnchors: number[] = [];
  let exDepth = 0;
  let linkDepth = 0;
  let headDepth = 0;
  let listDepth = 0;
  let tableDepth = 0;
  let segChars = 0;
  let steps = 0;
  /** Past the step limit: nothing more is read (what is open is closed at the end). */
  let stopped = false;

  // Every open element (the document at the bottom), side by side.
  const rName: string[] = ['#root'];
  const rAttribs: (Attribs | undefined)[] = [undefined];
  const rIndexed: number[] = [0];
  const rMode: number[] = [VISIT];
  const rExit: number[] = [EXIT];
  const rCapture: number[] = [NO_CAPTURE];
  let captured = '';
  /** Date elements whose subtree is being recorded, and the depth (rName index) of each. */
  const recording: DateRef[] = [];
  const recordingAt: number[] = [];
  /** Text of the current text node (adjacent text events are one node, as in the parser's tree). */
  let text = '';
  let inText = false;

  const record = (node: string) => {
    for (const r of recording) if (r.nodes.length < MAX_DATE_NODES) r.nodes.push(node);
  };
  /** Counts a node the walk reads; false once past the step limit. */
  const step = (): boolean => {
    if (stopped) return false;
    if (++steps > MAX_STEPS) stopped = true;
    return !stopped;
  };

  const enterIndexed = (name: string, at: Attribs | undefined) => {
    if (ix.n === ix.parent.length) grow(ix, ix.n * 2);
    const i = ix.n++;
    ix.attribs.push(at);
    tag.push(name);
    ix.parent[i] = open.length > 0 ? open[open.length - 1] : -1;
    ix.end[i] = i + 1;
    const cls = at?.class;
    const id = at?.id;
    ix.weight[i] = cls !== undefined || id !== undefined ? NaN : 0;
    let f = tableDepth > 0 ? F_IN_TABLE : 0;
    if (exDepth === 0) {
      const role = at?.role;
      if (HARD_TAGS.has(name) || (role !== undefined && HARD_ROLES.has(role.toLowerCase()))) f |= F_HARD;
      else if (
        stripUnlikely &&
        tableDepth === 0 &&
        name !== 'html' && name !== 'body' && name !== 'article' && name !== 'main' &&
        (cls !== undefined || id !== undefined)
      ) {
        const both = `${cls ?? ''} ${id ?? ''}`;
        if (both.length < 400 && UNLIKELY_RE.test(both) && !MAYBE_RE.test(both)) {
          f |= F_UNLIKELY;
          ix.unlikely++;
        }
      }
      if (f & (F_HARD | F_UNLIKELY)) exDepth++;
    }
    ix.flags[i] = f;
    ix.score[i] = NaN;
    const counts = ix.counts;
    for (let k = 0; k < NC; k++) counts[i * NC + k] = -C[k];
    if (exDepth === 0) {
      if (name === 'p') C[C_P]++;
      else if (name === 'li') C[C_LI]++;
    }
    if (name === 'ul' || name === 'ol') listDepth++;
    else if (name.length === 2 && name.charCodeAt(0) === 104 && name !== 'hr') {
      headDepth++;
      if ((name === 'h1' || name === 'h2' || name === 'h3') && ix.titleHeadings.length < 200) ix.titleHeadings.push(i);
    } else if (name === 'table' || name === 'pre') tableDepth++;
    if (seg.length > 0 && seg[seg.length - 1] !== BLOCK_MARK) {
      seg.push(BLOCK_MARK);
      segEx.push(0);
    }
    ix.segStart[i] = seg.length;
    ix.segEnd[i] = seg.length;
    open.push(i);
    return i;
  };

  const exitIndexed = () => {
    const i = open.pop()!;
    const name = tag[i];
    // A div or section of inline content only is a paragraph too (Readability turns it into a <p>).
    if (ix.own[i] > 0 && ix.n === i + 1 && (name === 'div' || name === 'section') && exDepth === 0) C[C_P]++;
    const counts = ix.counts;
    for (let k = 0; k < NC; k++) counts[i * NC + k] += C[k];
    ix.end[i] = ix.n;
    ix.segEnd[i] = seg.length;
    if (seg[seg.length - 1] !== BLOCK_MARK) {
      seg.push(BLOCK_MARK);
      segEx.push(0);
    }
    if (ix.flags[i] & (F_HARD | F_UNLIKELY)) exDepth--;
    if (name === 'ul' || name === 'ol') listDepth--;
    else if (name.length === 2 && name.charCodeAt(0) === 104 && name !== 'hr' && name !== 'hgroup') headDepth--;
    else if (name === 'table' || name === 'pre') tableDepth--;
    if (ix.own[i] >= 25) creditParagraph(ix, i, ix.own[i], ix.ownCommas[i]);
  };

  /** The text node ends: the walk reads it, date elements record it, <title>/<script> keep it. */
  const flushText = () => {
    if (!inText) return;
    inText = false;
    let data = text;
    text = '';
    const top = rName.length - 1;
    const parent = rName[top];
    if (parent !== 'script' && parent !== 'style') record(data);
    if (rCapture[top] !== NO_CAPTURE) captured += data;
    if (rMode[top] !== VISIT || !step()) return;
    if (data.length === 0) return;
    // NULs carry no text (and mark blocks here): binary-looking input becomes spaces.
    if (data.indexOf(BLOCK_MARK) !== -1) data = data.replaceAll(BLOCK_MARK, ' ');
    if (data.charCodeAt(0) <= 32 && !NON_SPACE_RE.test(data)) {
      const prev = seg.length > 0 ? seg[seg.length - 1] : BLOCK_MARK;
      if (prev === BLOCK_MARK || prev === ' ') return;
      data = ' ';
    } else if (segChars > MAX_SEG_CHARS) return;
    seg.push(data);
    segChars += data.length;
    segEx.push(exDepth > 0 ? 1 : 0);
    if (exDepth > 0 && ix.chromeText.length < MAX_CHROME_CHARS) ix.chromeText += data;
    if (exDepth === 0 && data !== ' ') {
      const len = data.length;
      const commas = countCommas(data);
      C[C_TEXT] += len;
      C[C_COMMA] += commas;
      if (linkDepth > 0) C[C_LINK] += len;
      if (headDepth > 0) C[C_HEAD] += len;
      if (listDepth > 0) C[C_LIST] += len;
      if (open.length > 0) {
        const o = open[open.length - 1];
        ix.own[o] += len;
        ix.ownCommas[o] += commas;
      }
    }
  };

  /** A comment or a declaration: a node of the tree, read and skipped. */
  const otherNode = () => {
    flushText();
    record('');
    if (rMode[rName.length - 1] === VISIT) step();
  };

  /** Whether a <base> opening now is one of the document's (no ancestor hides it). */
  const isDocumentBase = (): boolean => {
    for (let d = rName.length - 1; d > 0; d--) if (NOT_BASE_PARENTS.has(rName[d])) return false;
    return true;
  };

  const onopentag = (name: string, at: Attribs) => {
    flushText();
    record('');
    // Read before the walk's own tests: a hidden or step-limited <base> still sets the document's base.
    if (name === 'base' && ix.baseHref === undefined && typeof at.href === 'string' && isDocumentBase()) ix.baseHref = at.href;
    const parentMode = rMode[rName.length - 1];
    const visited = (parentMode === VISIT || (parentMode === HEAD && name !== 'style')) && step();
    let mode = SKIP;
    let exit = NO_EXIT;
    let capture = NO_CAPTURE;
    let indexed = -1;
    let dateRef: DateRef | undefined;
    if (visited) {
      if (name === 'meta') {
        if (ix.metas.length < 500) ix.metas.push(at);
      } else if (name === 'link') {
        if (ix.headLinks.length < 200) ix.headLinks.push(at);
      } else if (name === 'script') {
        if (ix.ldJson.length < 20 && /ld\+json/i.test(at.type ?? '')) capture = CAPTURE_LD;
      } else if (name === 'title') {
        if (!ix.title) capture = CAPTURE_TITLE;
      } else if (name === 'head') {
        // Only the head's metadata matters: its element children (meta, link, script, title).
        mode = HEAD;
      } else if (name === 'img') {
        if (exDepth === 0) C[C_IMG]++;
      } else if (name === 'input') {
        if (exDepth === 0) C[C_INPUT]++;
        if ((at.type ?? '').toLowerCase() === 'checkbox') ix.checkboxes++;
      } else if (SKIP_TAGS.has(name)) {
        if (exDepth === 0 && (name === 'iframe' || name === 'object' || name === 'embed' || name === 'video')) C[C_EMBED]++;
      } else if (!('hidden' in at || at['aria-hidden'] === 'true' || (at.style !== undefined && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(at.style)))) {
        if (name === 'html' && !ix.htmlLang) ix.htmlLang = at.lang || at['xml:lang'] || '';
        if (
          ix.dateEls.length < MAX_DATE_ELS &&
          (name === 'time' || ((at.class !== undefined || at.id !== undefined || at.itemprop !== undefined) && DATE_HINT_RE.test(`${at.class ?? ''} ${at.id ?? ''} ${at.itemprop ?? ''}`.slice(0, 300))))
        ) {
          dateRef = { name, attribs: at, pos: open.length > 0 ? open[open.length - 1] : -1, ancestors: [], nodes: [] };
          ix.dateEls.push(dateRef);
        }
        if (BREAK_TAGS.has(name)) {
          if (seg[seg.length - 1] !== BLOCK_MARK) {
            seg.push(BLOCK_MARK);
            segEx.push(0);
          }
        } else if (name === 'a') {
          if (ix.anchors.length < MAX_ANCHORS) {
            openAnchors.push(ix.anchors.length);
            ix.anchors.push({ attribs: at, segStart: seg.length, segEnd: -1, chrome: exDepth > 0, block: open.length > 0 ? open[open.length - 1] : 0 });
          } else openAnchors.push(-1);
          linkDepth++;
          mode = VISIT;
          exit = EXIT_LINK;
        } else if (!INDEXED.has(name)) {
          mode = VISIT;
        } else {
          indexed = enterIndexed(name, at);
          mode = VISIT;
          exit = EXIT;
        }
      }
    }
    rName.push(name);
    rAttribs.push(at);
    rIndexed.push(indexed);
    rMode.push(mode);
    rExit.push(exit);
    rCapture.push(capture);
    if (capture !== NO_CAPTURE) captured = '';
    if (dateRef) {
      for (let d = rName.length - 1; d >= 0 && dateRef.ancestors.length < MAX_DATE_ANCESTORS; d--) {
        const a = rAttribs[d];
        dateRef.ancestors.push({ name: d === 0 ? '' : rName[d], cls: a?.class ?? '', id: a?.id ?? '', indexed: rIndexed[d] });
      }
      recording.push(dateRef);
      recordingAt.push(rName.length - 1);
    }
  };

  const onclosetag = () => {
    flushText();
    const top = rName.length - 1;
    if (top === 0) return;
    const exit = rExit[top];
    const capture = rCapture[top];
    if (exit !== NO_EXIT && step()) {
      if (exit === EXIT) exitIndexed();
      else {
        linkDepth--;
        const k = openAnchors.pop()!;
        if (k >= 0) ix.anchors[k].segEnd = seg.length;
      }
    }
    if (capture === CAPTURE_TITLE) {
      if (!ix.title) ix.title = captured;
    } else if (capture === CAPTURE_LD) ix.ldJson.push(captured);
    if (recordingAt.length > 0 && recordingAt[recordingAt.length - 1] === top) {
      recording.pop();
      recordingAt.pop();
    }
    rName.pop();
    rAttribs.pop();
    rIndexed.pop();
    rMode.pop();
    rExit.pop();
    rCapture.pop();
  };

  step(); // the document
  enterIndexed('#root', undefined);
  const parser = new Parser({
    onopentag,
    onclosetag,
    ontext(data: string) {
      if (inText) text += data;
      else {
        text = data;
        inText = true;
      }
    },
    oncomment: otherNode,
    onprocessinginstruction: otherNode,
  });
  parser.end(html);
  flushText();
  // The document closes last.
  if (step()) exitIndexed();
  // Close what a step limit left open.
  while (open.length > 0) {
    const i = open.pop()!;
    for (let k = 0; k < NC; k++) ix.counts[i * NC + k] += C[k];
    ix.end[i] = ix.n;
    ix.segEnd[i] = seg.length;
  }
  for (const a of ix.anchors) if (a.segEnd < 0) a.segEnd = seg.length;
  return ix;
}

/**
 * Room for `capacity` indexed elements in the typed arrays (copies what is there). They are views of
 * one buffer: one allocation per growth instead of one per array.
 */
function grow(ix: PageIndex, capacity: number): void {
  const INTS = 7 + NC;
  const buf = new ArrayBuffer(capacity * (2 * 8 + INTS * 4));
  let at = 0;
  const f64 = (old: Float64Array): Float64Array => {
    const a = new Float64Array(buf, at, capacity);
    a.set(old.subarray(0, Math.min(old.length, capacity)));
    at += capacity * 8;
    return a;
  };
  const i32 = (old: Int32Array, per = 1): Int32Array => {
    const a = new Int32Array(buf, at, capacity * per);
    a.set(old.subarray(0, Math.min(old.length, capacity * per)));
    at += capacity * per * 4;
    return a;
  };
  ix.weight = f64(ix.weight);
  ix.score = f64(ix.score);
  ix.parent = i32(ix.parent);
  ix.end = i32(ix.end);
  ix.flags = i32(ix.flags);
  ix.segStart = i32(ix.segStart);
  ix.segEnd = i32(ix.segEnd);
  ix.own = i32(ix.own);
  ix.ownCommas = i32(ix.ownCommas);
  ix.counts = i32(ix.counts, NC);
}

const SCORED_PARAGRAPH = new Set(['p', 'pre', 'td', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'dd']);
const SCORED_CONTAINER = new Set(['div', 'section', 'article', 'main', 'center', 'form', 'body']);

function initialScore(name: string): number {
  switch (name) {
    case 'div':
    case 'article':
    case 'main':
      return 5;
    case 'section':
    case 'pre':
    case 'td':
    case 'blockquote':
      return 3;
    case 'address':
    case 'ol':
    case 'ul':
    case 'dl':
    case 'dd':
    case 'dt':
    case 'li':
    case 'form':
      return -3;
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
    case 'th':
      return -5;
    default:
      return 0;
  }
}

/**
 * A paragraph (own text of an element, at least 25 characters) scores 1 + commas + 1 per 100
 * characters (up to 3), credited to its ancestors: full to the first, half to the next, then
 * a third of the level, five levels up. Loose text of a container with other blocks counts as a
 * paragraph inside that container.
 */
function creditParagraph(ix: PageIndex, i: number, len: number, commas: number): void {
  const name = ix.tag[i];
  const leaf = ix.end[i] === i + 1;
  let start: number;
  if (SCORED_PARAGRAPH.has(name) || (leaf && SCORED_CONTAINER.has(name))) start = ix.parent[i];
  else if (SCORED_CONTAINER.has(name)) start = i;
  else return;
  const s = 2 + commas + Math.min(Math.floor(len / 100), 3);
  let a = start;
  for (let level = 0; level < 5 && a >= 0; level++) {
    if (Number.isNaN(ix.score[a])) {
      ix.score[a] = initialScore(ix.tag[a]) + weightOf(ix, a);
      ix.candidates.push(a);
    }
    ix.score[a] += s / (level === 0 ? 1 : level === 1 ? 2 : level * 3);
    a = ix.parent[a];
  }
}

/** The class weight of element i (computed once, on demand: most elements never need it). */
export function weightOf(ix: PageIndex, i: number): number {
  let w = ix.weight[i];
  if (Number.isNaN(w)) {
    const at = ix.attribs[i];
    w = classWeight(at?.class, at?.id);
    ix.weight[i] = w;
  }
  return w;
}

