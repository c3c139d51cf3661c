// Page extraction: one htmlparser2 pass (the parser cheerio/slim wraps, without the wrapper and
// without a tree) into a flat index (page-index.ts), then the main text (content.ts), metadata,
// JSON-LD (jsonld.ts), the publication day (dates.ts), links and markers. The contract other tools measure through:
// extract({ url, html }) -> { mainText (one line per block), publishedAt (YYYY-MM-DD), ... }.
// Never throws: malformed, empty, huge or binary-looking input yields a (mostly empty) result.
import { BLOCK_MARK, indexHtml, type AnchorRef, type Attribs, type PageIndex } from './page-index.ts';
import { mainContent, type MainContent } from './content.ts';
import { readJsonLd, type JsonLdInfo } from './jsonld.ts';
import { isForeign, parseMachineDate, publicationDate } from './dates.ts';
import { classOf } from './chars.ts';
import { guardPage } from './guard.ts';

/** HTML beyond this many characters is not parsed (a few MB of markup is plenty for a page). */
export const MAX_HTML_CHARS = 3_000_000;
/** Main text beyond this many characters is not analysed. */
export const MAX_TEXT_CHARS = 200_000;
const MAX_LINKS = 3000;
/** The anchors' text the company and nonprofit markers read (their first characters). */
const MARKER_ANCHOR_CHARS = 10_000;
/** A link's nearby text: at most this many characters of its block around it. */
export const NEARBY_CHARS = 240;
/** A `<base href>` longer than this is ignored (as is a link's href: resolve()). */
const MAX_HREF_CHARS = 2048;

export interface ExtractedLink {
  href: string;
  text: string;
  internal: boolean;
  /** true when the link sits in navigation, header, footer, sidebar or similar chrome. */
  chrome: boolean;
  rel: string;
  /**
   * The text of the link's nearest enclosing block (paragraph, list item, table cell, heading, div, ...),
   * whitespace-collapsed, the anchor's text included: the whole block when it fits in NEARBY_CHARS,
   * else a window of that many characters around the anchor. Absent when the block has no text.
   * What a focused crawler's link classifier reads beside the anchor (ACHE, best-first crawlers).
   */
  nearby?: string;
}

export interface Extracted {
  url: string;
  /**
   * The page's `<a>` elements as the guard counted them over the whole input (up to its element
   * budget), when it replayed the markup: pages over 100 KB or 1,500 tags. The crawl reads it
   * (links capped, the stored link count) instead of replaying the page a second time.
   */
  markupLinks?: number;
  title: string;
  description: string;
  canonical?: string;
  lang: string;
  siteName?: string;
  /** Issue 9 (outreach): `<meta name="author">`, one source of the page author's name. */
  metaAuthor?: string;
  generator?: string;
  /** Normalised platform guess: wordpress, ghost, blogger, medium, substack, hugo, jekyll, ... */
  platform?: string;
  feedUrls: string[];
  jsonLd: unknown[];
  jsonLdTypes: string[];
  publishedAt?: string;
  /** Main text without boilerplate, whitespace-collapsed, one line per block (paragraph, list item, heading). */
  mainText: string;
  headings: string[];
  lists: { unordered: number; ordered: number; items: number; checkboxes: number };
  links: ExtractedLink[];
  resources: { href: string; text: string }[];
  companyMarkers: string[];
  nonprofitMarkers: string[];
  authorLinks: string[];
  contactLinks: string[];
  tables: number;
  /** <pre> blocks (code) in the main content. */
  codeBlocks: number;
}

const RESOURCE_EXT_RE = /\.(?:pdf|docx?|pptx?|xlsx?|odt|odp|ods|rtf|epub)(?:[?#]|$)/i;
const RESOURCE_TEXT_RE = /\b(?:toolkit|template|worksheet|checklist|workbook|download|handbook|playbook|guidebook)s?\b/i;
const FEED_HREF_RE = /(?:\/feed\/?|\/rss\/?|\.rss|atom\.xml|feed\.xml|rss\.xml|index\.xml|\/atom\/?)$/i;

// [marker, literals one of which must occur (a cheap includes() gate), precise pattern]
const COMPANY_MARKERS: [string, string[], RegExp][] = [
  ['pricing', ['pricing'], /\bpricing\b/],
  ['demo', ['demo'], /\b(?:book|request|schedule|get|see|watch) a (?:free |live )?demo\b/],
  ['free-trial', ['trial', 'for free'], /\bfree trial\b|\bstart (?:your|a) (?:free )?trial\b|\btry (?:it )?for free\b/],
  ['careers', ['career', 'hiring', 'join our team'], /\bcareers\b|\bwe(?:'|’)re hiring\b|\bjoin our team\b/],
  ['contact-sales', ['sales'], /\bcontact sales\b|\btalk to sales\b/],
  ['customers', ['customer', 'case stud'], /\bcustomers?\b.{0,20}\b(?:stories|love)\b|\bcase stud(?:y|ies)\b/],
];
const NONPROFIT_MARKERS: [string, string[], RegExp][] = [
  ['donate', ['donat'], /\bdonat(?:e|ion|ions)\b/],
  ['nonprofit', ['profit', 'charit', '501('], /\bnon-?profit\b|\bnot-for-profit\b|\bcharit(?:y|able)\b|\b501\(c\)/],
  ['volunteer', ['volunteer'], /\bvolunteers?\b/],
];

/** Every marker literal, found in one pass; a marker's precise pattern runs only when one of its literals is there. */
const MARKER_LITERALS_RE = new RegExp([...COMPANY_MARKERS, ...NONPROFIT_MARKERS].flatMap(([, lits]) => lits).map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');

function markersIn(text: string): { company: string[]; nonprofit: string[] } {
  const found = new Set(text.match(MARKER_LITERALS_RE) ?? []);
  const pick = (markers: [string, string[], RegExp][]) => markers.filter(([, lits, re]) => lits.some((l) => found.has(l)) && re.test(text)).map(([k]) => k);
  return { company: pick(COMPANY_MARKERS), nonprofit: pick(NONPROFIT_MARKERS) };
}

function clean(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\s\u0000]+/g, ' ').trim();
}

function attr(at: Attribs, name: string): string {
  const v = at[name];
  return typeof v === 'string' ? v : '';
}

function resolve(href: string, base: URL | null): URL | null {
  if (!href || href.length > MAX_HREF_CHARS) return null;
  try {
    return base ? new URL(href.trim(), base) : new URL(href.trim());
  } catch {
    return null;
  }
}

/**
 * ISO 8601 day (YYYY-MM-DD) from a machine-readable date string (ISO 8601 and its variants, RFC 822),
 * the day as written (no time-zone shift: a post written late on the 14th was published on the 14th).
 */
export function normaliseDate(s: unknown): string | undefined {
  return parseMachineDate(s);
}

function platformOf(generator: string, hints: string): string | undefined {
  const g = `${generator} ${hints}`.toLowerCase();
  for (const p of ['wordpress', 'ghost', 'blogger', 'medium', 'substack', 'hugo', 'jekyll', 'squarespace', 'wix', 'webflow', 'hubspot', 'drupal', 'joomla', 'tumblr', 'hashnode', 'gatsby', 'eleventy', 'docusaurus', 'mkdocs', 'sphinx', 'pelican']) {
    if (g.includes(p)) return p;
  }
  if (g.includes('wp-content')) return 'wordpress';
  if (g.includes('blogspot')) return 'blogger';
  return undefined;
}

function emptyExtracted(url: string): Extracted {
  return {
    url,
    title: '',
    description: '',
    lang: '',
    feedUrls: [],
    jsonLd: [],
    jsonLdTypes: [],
    mainText: '',
    headings: [],
    lists: { unordered: 0, ordered: 0, items: 0, checkboxes: 0 },
    links: [],
    resources: [],
    companyMarkers: [],
    nonprofitMarkers: [],
    authorLinks: [],
    contactLinks: [],
    tables: 0,
    codeBlocks: 0,
  };
}

/**
 * Extract everything the scorer needs from one page. Never throws, except the guard's
 * TooComplexError for markup the parser would choke on.
 */
export function extract(input: { url: string; html: string }): Extracted {
  // Bounded input before any parse (scoring/guard.ts): nesting the parser would choke on throws
  // a TooComplexError (outside the try below, so scorePage surfaces it to the crawl and the
  // extension); a page with too many elements is cut at a tag boundary.
  let markupLinks: number | undefined;
  if (typeof input?.html === 'string') {
    const guarded = guardPage(input.html);
    input = { ...input, html: guarded.html };
    markupLinks = guarded.links;
  }
  let out: Extracted;
  try {
    out = extractUnsafe(input);
  } catch {
    out = emptyExtracted(typeof input?.url === 'string' ? input.url : '');
  }
  if (markupLinks !== undefined) out.markupLinks = markupLinks;
  return out;
}

function extractUnsafe(input: { url: string; html: string }): Extracted {
  const url = typeof input.url === 'string' ? input.url : '';
  const out = emptyExtracted(url);
  let html = typeof input.html === 'string' ? input.html : '';
  if (html.length > MAX_HTML_CHARS) html = html.slice(0, MAX_HTML_CHARS);
  // The page's own URL says which site this is (internal links, platform hints, the date in the
  // path); the document base URL (a <base href>, else the page URL) is what relative URLs resolve against.
  let pageUrl: URL | null = null;
  try {
    pageUrl = new URL(url);
  } catch {
    pageUrl = null;
  }
  let ix: PageIndex;
  try {
    ix = indexHtml(html, true);
  } catch {
    return out;
  }
  const base = documentBase(ix.baseHref, pageUrl);
  const meta = readMeta(ix);
  readHeadLinks(ix, base, out);
  const ld = readJsonLd(ix.ldJson);
  out.jsonLd = ld.blocks;
  out.jsonLdTypes = [...new Set(ld.types)];
  const titleText = clean(ix.title);
  out.title = clean(titleText || meta['og:title'] || '').slice(0, 500);

  const { main, index: mainIx } = readMainText(html, ix, out.title, ld);
  out.mainText = main.text;
  out.headings = main.headings;
  out.lists = { ...main.lists, checkboxes: ix.checkboxes };
  out.tables = main.tables;
  out.codeBlocks = main.codeBlocks;
  if (!out.title) out.title = (out.headings[0] ?? '').slice(0, 500);
  out.description = clean(meta['description'] || meta['og:description'] || '').slice(0, 1000);
  const generator = meta['generator'] ? clean(meta['generator']).slice(0, 200) : '';
  if (generator) out.generator = generator;
  // Issue 9 (outreach.ts): the meta author, one of the sources of the page author's name.
  const metaAuthor = clean(meta['author'] || '').slice(0, 200);
  if (metaAuthor) out.metaAuthor = metaAuthor;
  out.lang = (ix.htmlLang || meta['content-language'] || meta['og:locale'] || ld.inLanguage || '').trim().toLowerCase().replace('_', '-').split(/[-,\s]/)[0].slice(0, 8);
  const siteName = clean(meta['og:site_name'] || meta['application-name'] || ld.website || ld.publisher || '');
  if (siteName) out.siteName = siteName.slice(0, 200);

  const anchorsText = readLinks(ix, base, pageUrl, out);
  const hints = `${out.generator ?? ''} ${pageUrl?.hostname ?? ''} ${out.links.slice(0, 50).map((l) => l.href).join(' ')}`;
  const platform = platformOf(out.generator ?? '', hints);
  if (platform) out.platform = platform;
  const markerText = `${anchorsText.slice(0, MARKER_ANCHOR_CHARS)} ${ix.chromeText} ${out.mainText.slice(0, 3000)}`.toLowerCase();
  const markers = markersIn(markerText);
  out.companyMarkers = markers.company;
  out.nonprofitMarkers = markers.nonprofit;

  // Date elements, and whether they sit in chrome: inside the main content or one of its ancestors they are the article's.
  const dateElements = () => {
    const mainAncestors = new Set<number>();
    for (const r of main.roots) for (let a = r; a >= 0 && !mainAncestors.has(a); a = mainIx.parent[a]) mainAncestors.add(a);
    return mainIx.dateEls.map((el) => ({ el, foreign: isForeign(el, mainAncestors), beforeEnd: el.pos < main.end }));
  };
  const published = publicationDate({
    url,
    meta,
    ld,
    elements: dateElements,
    title: out.title,
    mainText: out.mainText,
    aroundHeading: () => textAroundHeading(mainIx, out.title),
    pageText: () => visibleText(mainIx, 6000),
    lang: out.lang,
  });
  if (published) out.publishedAt = published;
  return out;
}

/**
 * The document base URL (HTML standard, "document base URL"): the first <base href> resolved against
 * the page URL; the page URL when there is none, or when it is too long, does not parse, or is not
 * http(s) (a javascript: or data: base would make every relative link unresolvable).
 */
function documentBase(baseHref: string | undefined, pageUrl: URL | null): URL | null {
  if (baseHref === undefined || baseHref.length > MAX_HREF_CHARS) return pageUrl;
  const u = resolve(baseHref, pageUrl) ?? (baseHref.trim() === '' ? pageUrl : null);
  return u && (u.protocol === 'http:' || u.protocol === 'https:') ? u : pageUrl;
}

/** First value of each meta key (name, property, itemprop or http-equiv; lower case). */
function readMeta(ix: PageIndex): Record<string, string> {
  const meta: Record<string, string> = {};
  for (const at of ix.metas) {
    const key = (attr(at, 'property') || attr(at, 'name') || attr(at, 'itemprop') || attr(at, 'http-equiv')).toLowerCase();
    if (key && !(key in meta)) meta[key] = attr(at, 'content').slice(0, 1000);
  }
  return meta;
}

function readHeadLinks(ix: PageIndex, base: URL | null, out: Extracted): void {
  for (const at of ix.headLinks) {
    const rel = attr(at, 'rel').toLowerCase();
    const href = attr(at, 'href');
    if (rel.includes('canonical') && !out.canonical) out.canonical = resolve(href, base)?.href;
    if (rel.includes('alternate') && /(?:rss|atom)\+xml/i.test(attr(at, 'type'))) {
      const u = resolve(href, base);
      if (u && /^https?:$/.test(u.protocol) && !out.feedUrls.includes(u.href) && out.feedUrls.length < 10) out.feedUrls.push(u.href);
    }
  }
}

/**
 * The page's text around its article heading (the h1-h3 that repeats the title, else the first h1
 * outside chrome): its own text and about 300 characters after it, where bylines and publication
 * dates are written, and about 80 characters before it (a dateline above the title).
 */
function textAroundHeading(ix: PageIndex, title: string): { after: string; before: string } {
  const key = normalTitle(title);
  let h = -1;
  for (const i of ix.titleHeadings) {
    // Cheap test first: the heading's first word must be in the title.
    const first = firstWord(ix, i);
    if (first === '' || !key.includes(first)) continue;
    const text = normalTitle(ix.seg.slice(ix.segStart[i], ix.segEnd[i]).join(''));
    if (text.length >= 8 && key.includes(text.slice(0, 30))) {
      h = i;
      break;
    }
  }
  if (h < 0) h = ix.titleHeadings.find((i) => ix.tag[i] === 'h1' && ix.segEx[ix.segStart[i]] === 0) ?? -1;
  if (h < 0) return { after: '', before: '' };
  let after = '';
  for (let k = ix.segStart[h]; k < ix.seg.length && after.length < 300 + (ix.segEnd[h] - ix.segStart[h]) * 20; k++) {
    after += ix.seg[k] === BLOCK_MARK ? '\n' : ix.seg[k];
    if (k >= ix.segEnd[h] && after.length > 600) break;
  }
  let before = '';
  for (let k = ix.segStart[h] - 1; k >= 0 && before.length < 80; k--) before = (ix.seg[k] === BLOCK_MARK ? '\n' : ix.seg[k]) + before;
  return { after: after.replace(/[^\S\n]+/g, ' ').slice(0, 800), before: before.replace(/[^\S\n]+/g, ' ').slice(-120) };
}

/** The page's text outside chrome (nav, footer, sidebars, comments), one line per block, up to `max` characters. */
function visibleText(ix: PageIndex, max: number): string {
  const parts: string[] = [];
  let n = 0;
  for (let k = 0; k < ix.seg.length && n < max; k++) {
    if (ix.segEx[k] !== 0) continue;
    parts.push(ix.seg[k] === BLOCK_MARK ? '\n' : ix.seg[k]);
    n += ix.seg[k].length;
  }
  return parts.join('');
}

/** The first word of element i's text, lower case ('' when it has none). */
function firstWord(ix: PageIndex, i: number): string {
  for (let k = ix.segStart[i]; k < ix.segEnd[i]; k++) {
    const s = ix.seg[k];
    let a = 0;
    while (a < s.length && classOf(s.charCodeAt(a)) === 3) a++;
    if (a === s.length) continue;
    let b = a;
    while (b < s.length && classOf(s.charCodeAt(b)) !== 3) b++;
    return s.slice(a, b).toLowerCase();
  }
  return '';
}

function normalTitle(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Below this many characters of main text, the class/id guesses are suspected of hiding the post. */
const RETRY_CHARS = 500;

/**
 * The main text, Readability's way; again without the class/id guesses when they left little; the
 * JSON-LD articleBody when the page's markup holds far less of the article than its JSON-LD does
 * (pages that load the rest of the article with scripts).
 */
function readMainText(html: string, ix: PageIndex, title: string, ld: JsonLdInfo): { main: MainContent; index: PageIndex } {
  let main = mainContent(ix, title, MAX_TEXT_CHARS);
  let index = ix;
  if (main.text.length < RETRY_CHARS && ix.unlikely > 0) {
    const looseIx = indexHtml(html, false);
    const loose = mainContent(looseIx, title, MAX_TEXT_CHARS);
    if (loose.text.length > main.text.length) {
      main = loose;
      index = looseIx;
    }
  }
  const body = ld.articleBody ? ldText(ld.articleBody) : '';
  if (body.length > 500 && body.length > 1.5 * main.text.length) main = { ...main, text: body.slice(0, MAX_TEXT_CHARS) };
  return { main, index };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Plain text of a JSON-LD articleBody (some carry entities or markup). */
function ldText(s: string): string {
  return s
    .replace(/<\/?(?:p|div|br|li|h[1-6])\b[^>]{0,300}>/gi, '\n')
    .replace(/<[^>]{0,300}>/g, ' ')
    .replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (m, e: string) => {
      if (e[0] !== '#') return ENTITIES[e.toLowerCase()] ?? m;
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : ' ';
    })
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n[\n ]*/g, '\n')
    .trim();
}

/**
 * Links of the page (absolute http(s) against the document base, deduplicated, bounded; internal when
 * on the page's own host), resources, author and contact links; returns the anchors' text (its first
 * MARKER_ANCHOR_CHARS at least).
 */
function readLinks(ix: PageIndex, base: URL | null, pageUrl: URL | null, out: Extracted): string {
  const seg = ix.seg;
  const allText = (start: number, end: number) => clean(seg.slice(start, end).join('')).slice(0, 300);
  const seenHref = new Set<string>();
  const seenRaw = new Set<string>();
  const hostKey = (h: string) => h.toLowerCase().replace(/^www\./, '');
  const pageHost = pageUrl ? hostKey(pageUrl.hostname) : '';
  let anchorsText = '';
  for (const anchor of ix.anchors) {
    const { attribs, segStart: start, segEnd: end, chrome } = anchor;
    if (out.links.length >= MAX_LINKS) break;
    const hrefRaw = attr(attribs, 'href');
    const text = allText(start, end);
    if (anchorsText.length < MARKER_ANCHOR_CHARS) anchorsText += ` ${text}`;
    if (/^mailto:/i.test(hrefRaw.trim())) {
      if (out.contactLinks.length < 10) out.contactLinks.push(hrefRaw.trim().slice(0, 300));
      continue;
    }
    // The same href again resolves to the same URL, already taken or refused: no second parse.
    if (seenRaw.has(hrefRaw)) continue;
    seenRaw.add(hrefRaw);
    const u = resolve(hrefRaw, base);
    if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:')) continue;
    u.hash = '';
    const href = u.href;
    const rel = attr(attribs, 'rel').toLowerCase();
    if (seenHref.has(href)) continue;
    seenHref.add(href);
    const internal = pageHost !== '' && hostKey(u.hostname) === pageHost;
    const link: ExtractedLink = { href, text, internal, chrome, rel };
    const nearby = nearbyText(ix, anchor, text);
    if (nearby) link.nearby = nearby;
    out.links.push(link);
    if ((RESOURCE_EXT_RE.test(u.pathname) || (!chrome && RESOURCE_TEXT_RE.test(text))) && out.resources.length < 50) out.resources.push({ href, text });
    if ((rel.includes('author') || /\/(?:author|authors|people|team)\//i.test(u.pathname)) && out.authorLinks.length < 10) out.authorLinks.push(href);
    if ((/\bcontact\b/i.test(text) || /\/contact(?:-us)?\/?$/i.test(u.pathname)) && out.contactLinks.length < 10) out.contactLinks.push(href);
    if (FEED_HREF_RE.test(u.pathname) && internal && out.feedUrls.length < 10 && !out.feedUrls.includes(href)) out.feedUrls.push(href);
  }
  return anchorsText;
}

/** Raw text read on each side of an anchor: the window and some room for white space that collapses. */
const NEARBY_RAW_CHARS = NEARBY_CHARS + 40;
/**
 * The white-space runs that collapsing changes (any but a lone plain space): a regex matching every
 * run would stop at each space between words. Nearby text holds no block marks (read as spaces).
 */
const CHANGING_RUN_RE = /(?:[^\S ]| (?=\s))\s*/g;
const collapse = (s: string) => s.replace(CHANGING_RUN_RE, ' ');
/** Two collapsed strings as one (a space where both meet with one). */
const joinCollapsed = (a: string, b: string) => (a.endsWith(' ') && b.startsWith(' ') ? a + b.slice(1) : a + b);
const isSpace = (c: number) => c <= 32 || c === 0xa0;

/**
 * The anchor's nearby text (ExtractedLink.nearby): its block's text, or a window of NEARBY_CHARS around
 * it. Reads at most NEARBY_RAW_CHARS of raw text on each side, so a block of thousands of links costs
 * each link the same.
 */
function nearbyText(ix: PageIndex, a: AnchorRef, text: string): string {
  if (text.length >= NEARBY_CHARS) return text.slice(0, NEARBY_CHARS).trim();
  const { seg } = ix;
  const lo = ix.segStart[a.block];
  const hi = Math.max(ix.segEnd[a.block], a.segEnd);
  // Each side read up to NEARBY_RAW_CHARS; `cut` when the block goes on beyond what was read.
  let left = '';
  let k = a.segStart - 1;
  for (; k >= lo && left.length < NEARBY_RAW_CHARS; k--) left = (seg[k] === BLOCK_MARK ? ' ' : seg[k].slice(-NEARBY_RAW_CHARS)) + left;
  const leftCut = k >= lo || left.length >= NEARBY_RAW_CHARS;
  let right = '';
  k = a.segEnd;
  for (; k < hi && right.length < NEARBY_RAW_CHARS; k++) right += seg[k] === BLOCK_MARK ? ' ' : seg[k].slice(0, NEARBY_RAW_CHARS);
  const rightCut = k < hi || right.length >= NEARBY_RAW_CHARS;
  // The anchor's text is trimmed: whether it stood apart from its neighbours is in its first and last characters.
  const first = a.segStart < a.segEnd ? seg[a.segStart] : '';
  const last = a.segStart < a.segEnd ? seg[a.segEnd - 1] : '';
  const spaceBefore = first !== '' && isSpace(first.charCodeAt(0));
  const spaceAfter = last !== '' && isSpace(last.charCodeAt(last.length - 1));
  const mid = text === '' ? (spaceBefore || spaceAfter ? ' ' : '') : `${spaceBefore ? ' ' : ''}${text}${spaceAfter ? ' ' : ''}`;
  const l = collapse(left);
  const r = collapse(right);
  // Centred on the anchor; what one side lacks the other side gets.
  const room = NEARBY_CHARS - mid.length;
  const leftRoom = Math.min(l.length, Math.max(room >> 1, room - r.length));
  const rightRoom = Math.min(r.length, room - leftRoom);
  const before = wordsFrom(l, l.length - leftRoom, leftCut);
  const after = wordsUntil(r, rightRoom, rightCut);
  return joinCollapsed(joinCollapsed(before, mid), after).trim();
}

/** s from `start`, moved on to the start of a whole word when it cuts one (a word starting within 24 characters). */
function wordsFrom(s: string, start: number, cutBefore: boolean): string {
  if (start <= 0 ? !cutBefore || s.charCodeAt(0) === 32 : s.charCodeAt(start - 1) === 32) return s.slice(start);
  const i = s.indexOf(' ', start);
  return i >= 0 && i < start + 24 ? s.slice(i + 1) : s.slice(start);
}

/** s up to `end`, moved back to the end of a whole word when it cuts one (a word ending within 24 characters). */
function wordsUntil(s: string, end: number, cutAfter: boolean): string {
  if (end >= s.length ? !cutAfter || s.charCodeAt(s.length - 1) === 32 : s.charCodeAt(end) === 32) return s.slice(0, end);
  const i = s.lastIndexOf(' ', end);
  return i >= 0 && i > end - 24 ? s.slice(0, i) : s.slice(0, end);
}
