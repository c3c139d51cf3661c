// The main content of a page from its index (page-index.ts): Readability's choice of the element
// that holds the article (paragraph scores credited to ancestors, scaled by link density, with its
// related siblings), then a conditional clean-up inside it (link-heavy lists and blocks, image
// galleries, forms, headings that repeat the title) and the text one line per block.
import {
  weightOf,
  BLOCK_MARK, C_COMMA, C_EMBED, C_HEAD, C_IMG, C_INPUT, C_LI, C_LINK, C_LIST, C_P, C_TEXT, F_HARD, F_UNLIKELY, NC, type PageIndex,
} from './page-index.ts';
import { isSpace } from './chars.ts';

export interface MainContent {
  /** Whitespace-collapsed, one line per block. */
  text: string;
  /** Headings inside the main content (not the ones dropped). */
  headings: string[];
  lists: { unordered: number; ordered: number; items: number };
  tables: number;
  /** <pre> blocks (code) in the main content. */
  codeBlocks: number;
  /** Index (in the page index) one past the last element of the main content. */
  end: number;
  /** The elements (page-index indices) the main content was read from. */
  roots: number[];
}

const EXCLUDED = F_HARD | F_UNLIKELY;

/** Final candidate score: the credited score scaled by (1 - link density). */
export function finalScores(ix: PageIndex): Float64Array {
  const out = new Float64Array(ix.n).fill(NaN);
  for (const i of ix.candidates) {
    const t = ix.counts[i * NC + C_TEXT];
    const ld = t === 0 ? 0 : ix.counts[i * NC + C_LINK] / t;
    out[i] = ix.score[i] * (1 - ld);
  }
  return out;
}

const isAncestor = (ix: PageIndex, a: number, d: number) => a < d && d < ix.end[a];

function indexedChildren(ix: PageIndex, p: number): number[] {
  const out: number[] = [];
  for (let j = p + 1; j < ix.end[p]; j = ix.end[j]) out.push(j);
  return out;
}

function bodyIndex(ix: PageIndex): number {
  for (let i = 0; i < Math.min(ix.n, 50); i++) if (ix.tag[i] === 'body') return i;
  return 0;
}

/** The document, <html> and <body>: the page as a whole, never a candidate's parent to climb to. */
const isPage = (ix: PageIndex, i: number) => ix.tag[i] === 'body' || ix.tag[i] === 'html' || ix.tag[i] === '#root';

/** The element holding the article, Readability's way; -1 when the page has no indexed element. */
export function topCandidate(ix: PageIndex, fs: Float64Array): number {
  if (ix.n === 0) return -1;
  const body = bodyIndex(ix);
  const ranked = ix.candidates.filter((i) => !Number.isNaN(fs[i])).sort((a, b) => fs[b] - fs[a] || a - b);
  if (ranked.length === 0 || isPage(ix, ranked[0])) return body;
  let top = ranked[0];
  // Several near-equal candidates under one ancestor: the article is that ancestor.
  const alternatives = ranked.slice(1, 5).filter((i) => fs[i] / fs[top] >= 0.75);
  if (alternatives.length >= 3) {
    for (let p = ix.parent[top]; p >= 0 && !isPage(ix, p); p = ix.parent[p]) {
      if (alternatives.filter((a) => isAncestor(ix, p, a)).length >= 3) {
        top = p;
        break;
      }
    }
  }
  // Climb while the parent scores better (the article wrapper rather than its first section).
  let lastScore = fs[top];
  const threshold = lastScore / 3;
  for (let p = ix.parent[top]; p >= 0 && !isPage(ix, p); p = ix.parent[p]) {
    if (Number.isNaN(fs[p])) continue;
    if (fs[p] < threshold) break;
    if (fs[p] > lastScore) {
      top = p;
      break;
    }
    lastScore = fs[p];
  }
  // An only child stands for its parent.
  for (let p = ix.parent[top]; p >= 0 && !isPage(ix, p) && indexedChildren(ix, p).length === 1; p = ix.parent[p]) top = p;
  return top;
}

function text(ix: PageIndex, i: number): string {
  let s = '';
  for (let k = ix.segStart[i]; k < ix.segEnd[i]; k++) if (ix.segEx[k] === 0 && ix.seg[k] !== BLOCK_MARK) s += ix.seg[k];
  return s.replace(/\s+/g, ' ').trim();
}

/** The top candidate and those of its siblings that belong to the article. */
export function contentRoots(ix: PageIndex, fs: Float64Array, top: number): number[] {
  const p = ix.parent[top];
  if (p < 0 || isPage(ix, top)) return [top];
  const topScore = fs[top];
  const threshold = Math.max(10, topScore * 0.2);
  const topClass = ix.attribs[top]?.class ?? '';
  const roots: number[] = [];
  for (const j of indexedChildren(ix, p)) {
    if (j === top) {
      roots.push(j);
      continue;
    }
    if (ix.flags[j] & EXCLUDED) continue;
    const bonus = topClass !== '' && ix.attribs[j]?.class === topClass ? topScore * 0.2 : 0;
    if (!Number.isNaN(fs[j]) && fs[j] + bonus >= threshold) roots.push(j);
    else if (ix.tag[j] === 'p') {
      const len = ix.counts[j * NC + C_TEXT];
      const ld = len === 0 ? 0 : ix.counts[j * NC + C_LINK] / len;
      if ((len > 80 && ld < 0.25) || (len > 0 && len < 80 && ld === 0 && /\.( |$)/.test(text(ix, j)))) roots.push(j);
    }
  }
  return roots;
}

const CLEANED = new Set(['form', 'fieldset', 'table', 'ul', 'ol', 'div', 'section', 'figure', 'dl']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

function normalTitle(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * Readability's conditional clean-up, innermost first, with counters updated as blocks go (a
 * dropped link list no longer makes its container look link-heavy). Returns the dropped elements.
 */
export function cleanUp(ix: PageIndex, roots: number[], title: string): Set<number> {
  const dropped = new Set<number>();
  const titleKey = normalTitle(title);
  // Counters of the elements whose subtrees lost a dropped block (few): counts = index counts - lost.
  const lost = new Map<number, number[]>();
  const get = (i: number, k: number) => ix.counts[i * NC + k] - (lost.get(i)?.[k] ?? 0);
  for (const r of roots) {
    const rootText = get(r, C_TEXT);
    // A heading that repeats the title opens the article: only the first few h1/h2 can.
    const titleHeadings = new Set<number>();
    for (let i = r; i < ix.end[r] && titleHeadings.size < 3; i++) if (ix.tag[i] === 'h1' || ix.tag[i] === 'h2') titleHeadings.add(i);
    for (let i = ix.end[r] - 1; i >= r; i--) {
      const name = ix.tag[i];
      if (ix.flags[i] & EXCLUDED) continue;
      let drop = false;
      if (HEADINGS.has(name)) {
        if (weightOf(ix, i) < 0) drop = true;
        else if (titleHeadings.has(i) && titleKey !== '') {
          const h = normalTitle(text(ix, i));
          if (h.length > 0 && (titleKey.includes(h) || h.includes(titleKey)) && h.length >= titleKey.length * 0.5) drop = true;
        }
      } else if (CLEANED.has(name) && i !== r) {
        // A div of inline content only is a paragraph (Readability turns it into a <p>): it goes only when it is mostly links.
        const paragraph = ix.end[i] === i + 1 && (name === 'div' || name === 'section');
        drop = paragraph ? get(i, C_LINK) > 0.5 * get(i, C_TEXT) && get(i, C_TEXT) < 0.2 * rootText : shouldDrop(ix, i, get, rootText);
      }
      if (!drop) continue;
      dropped.add(i);
      const own: number[] = [];
      for (let k = 0; k < NC; k++) own.push(get(i, k));
      for (let a = ix.parent[i]; a >= r && a >= 0; a = ix.parent[a]) {
        let l = lost.get(a);
        if (!l) lost.set(a, (l = new Array<number>(NC).fill(0)));
        for (let k = 0; k < NC; k++) l[k] += own[k];
      }
    }
  }
  return dropped;
}

function shouldDrop(ix: PageIndex, i: number, get: (i: number, k: number) => number, rootText: number): boolean {
  const c = (k: number) => get(i, k);
  const name = ix.tag[i];
  const weight = weightOf(ix, i);
  const textLen = c(C_TEXT);
  // A wrapper that holds most of the article stays, whatever its class name says.
  if (textLen > 0.6 * rootText && c(C_LINK) < 0.2 * textLen) return false;
  if (weight < 0) return true;
  const isList = name === 'ul' || name === 'ol' || (textLen > 0 && c(C_LIST) / textLen > 0.9);
  if (c(C_COMMA) >= 10) return false;
  const p = c(C_P);
  const img = c(C_IMG);
  const li = c(C_LI) - 100;
  const input = c(C_INPUT);
  const headingDensity = textLen === 0 ? 0 : c(C_HEAD) / textLen;
  const embeds = c(C_EMBED);
  const ld = textLen === 0 ? 0 : c(C_LINK) / textLen;
  return (
    (img > 1 && p / img < 0.5) ||
    (!isList && li > p) ||
    input > Math.floor(p / 3) ||
    (!isList && headingDensity < 0.9 && textLen < 25 && (img === 0 || img > 2)) ||
    (!isList && weight < 25 && ld > 0.2) ||
    (weight >= 25 && ld > 0.5) ||
    (embeds === 1 && textLen < 75) ||
    embeds > 1
  );
}

/** Where a run that changes starts: white space other than a plain space, a block mark, or a space before more. */
// eslint-disable-next-line no-control-regex
const RUN_START_RE = /[^\S ]|\u0000| (?=[\s\u0000])/g;

const isRunChar = (c: number) => c === 0 || isSpace(c);

/**
 * Each run of white space and block marks becomes one newline when it holds a block mark, else one
 * space (a lone plain space is left as it is); none at either end. The engine finds the runs that
 * change (few: block ends, double spaces); only around them is the text copied.
 */
export function collapseRuns(s: string): string {
  const n = s.length;
  let a = 0;
  while (a < n && isRunChar(s.charCodeAt(a))) a++;
  let b = n;
  while (b > a && isRunChar(s.charCodeAt(b - 1))) b--;
  const out: string[] = [];
  let from = a;
  RUN_START_RE.lastIndex = a;
  // Every match is one character long (test() makes no match object): it starts just before lastIndex.
  while (RUN_START_RE.test(s) && RUN_START_RE.lastIndex - 1 < b) {
    const i = RUN_START_RE.lastIndex - 1;
    let j = i + 1;
    let block = s.charCodeAt(i) === 0;
    for (; j < b && isRunChar(s.charCodeAt(j)); j++) if (s.charCodeAt(j) === 0) block = true;
    out.push(s.slice(from, i), block ? '\n' : ' ');
    from = j;
    RUN_START_RE.lastIndex = j;
  }
  if (out.length === 0) return a === 0 && b === n ? s : s.slice(a, b);
  out.push(s.slice(from, b));
  return out.join('');
}

function emit(ix: PageIndex, roots: number[], dropped: Set<number>, maxChars: number): MainContent {
  const parts: string[] = [];
  const headings: string[] = [];
  const lists = { unordered: 0, ordered: 0, items: 0 };
  let tables = 0;
  let codeBlocks = 0;
  let chars = 0;
  for (const r of roots) {
    // Elements of the root in document order, skipping dropped and excluded subtrees.
    let k = ix.segStart[r];
    const emitTo = (to: number) => {
      for (; k < to && chars < maxChars; k++) {
        if (ix.segEx[k] !== 0) continue;
        parts.push(ix.seg[k]);
        chars += ix.seg[k].length;
      }
      k = Math.max(k, to);
    };
    for (let i = r; i < ix.end[r]; ) {
      if (i !== r && (dropped.has(i) || ix.flags[i] & EXCLUDED)) {
        emitTo(ix.segStart[i]);
        parts.push(BLOCK_MARK);
        k = ix.segEnd[i];
        i = ix.end[i];
        continue;
      }
      const name = ix.tag[i];
      if (HEADINGS.has(name) && headings.length < 200) {
        const h = text(ix, i);
        if (h) headings.push(h.slice(0, 300));
      } else if (name === 'ul' || name === 'ol') {
        const items = indexedChildren(ix, i).filter((j) => ix.tag[j] === 'li').length;
        if (items >= 2) {
          if (name === 'ol') lists.ordered++;
          else lists.unordered++;
          lists.items += items;
        }
      } else if (name === 'table') tables++;
      else if (name === 'pre') codeBlocks++;
      i++;
    }
    emitTo(ix.segEnd[r]);
    parts.push(BLOCK_MARK);
  }
  const out = collapseRuns(parts.join(''));
  return { text: out, headings, lists, tables, codeBlocks, end: roots.length > 0 ? ix.end[roots[roots.length - 1]] : 0, roots };
}

/** The page's main content: the article element Readability would pick, cleaned, as text. */
export function mainContent(ix: PageIndex, title: string, maxChars: number): MainContent {
  const fs = finalScores(ix);
  const top = topCandidate(ix, fs);
  if (top < 0) return { text: '', headings: [], lists: { unordered: 0, ordered: 0, items: 0 }, tables: 0, codeBlocks: 0, end: 0, roots: [] };
  const roots = contentRoots(ix, fs, top);
  return emit(ix, roots, cleanUp(ix, roots, title), maxChars);
}
