// Page extraction: one htmlparser2 parse (cheerio/slim), then one iterative walk of the tree that
// collects metadata, the main text without boilerplate, headings, lists, links and markers.
// Never throws: malformed, empty, huge or binary-looking input yields a (mostly empty) result.
import { load } from 'cheerio/slim';
import type { AnyNode, Element } from 'domhandler';
import { guardMarkup } from './guard.ts';

/** HTML beyond this many characters is not parsed (a few MB of markup is plenty for a page). */
export const MAX_HTML_CHARS = 3_000_000;
/** Main text beyond this many characters is not analysed. */
export const MAX_TEXT_CHARS = 200_000;
const MAX_LINKS = 3000;
const MAX_JSONLD_CHARS = 200_000;

export interface ExtractedLink {
  href: string;
  text: string;
  internal: boolean;
  /** true when the link sits in navigation, header, footer, sidebar or similar chrome. */
  chrome: boolean;
  rel: string;
}

export interface Extracted {
  url: string;
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
}

const SKIP_TAGS = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'video', 'audio', 'select', 'button', 'pre']);
const BOILER_TAGS = new Set(['nav', 'aside', 'form', 'dialog', 'menu']);
const BLOCK_TAGS = new Set([
  'p', 'div', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'br', 'tr', 'td', 'th', 'table', 'section', 'article', 'main', 'blockquote',
  'pre', 'dd', 'dt', 'dl', 'figure', 'figcaption', 'hr', 'header', 'footer', 'nav', 'aside', 'form', 'address', 'details', 'summary', 'body', 'center', 'caption',
]);
const BOILER_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'dialog', 'alertdialog', 'menu', 'menubar']);
const BOILER_CLASS_RE = /(?:^|[-_\s])(?:comments?|comment-list|cookies?|cookie-notice|consent|gdpr|sidebar|widget-area|widgets?|share|sharing|social|related-posts|related|newsletter|subscribe|breadcrumbs?|navbar|nav|navigation|menu|advert|ads|popup|modal|skip-link)(?:[-_\s]|$)/i;
const RESOURCE_EXT_RE = /\.(?:pdf|docx?|pptx?|xlsx?|odt|odp|ods|rtf|epub)(?:[?#]|$)/i;
const RESOURCE_TEXT_RE = /\b(?:toolkit|template|worksheet|checklist|workbook|download|handbook|playbook|guidebook)s?\b/i;
const FEED_HREF_RE = /(?:\/feed\/?|\/rss\/?|\.rss|atom\.xml|feed\.xml|rss\.xml|index\.xml|\/atom\/?)$/i;
const URL_DATE_RE = /\/((?:19|20)\d{2})\/(0[1-9]|1[0-2])(?:\/(0[1-9]|[12]\d|3[01]))?(?:\/|$)/;

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

function hasMarker(text: string, literals: string[], re: RegExp): boolean {
  for (const l of literals) if (text.includes(l)) return re.test(text);
  return false;
}

/**
 * Whitespace that is not a lone plain space (a single space between words is left alone, so a
 * global replace touches only the few runs that change, not every word gap). Same result as /\s+/ -> ' '.
 */
const WS_RUN_RE = /(?:[^\S ]| (?=\s))\s*/g;

/** Any character String#trim keeps (\s is exactly the set trim removes), tested without allocating. */
const NON_SPACE_RE = /\S/;

// eslint-disable-next-line no-control-regex
const BLOCK_RUN_RE = / ?\u0000[\u0000 ]*/g;

/** The main text from the text buffer: whitespace collapsed, one newline per block break (two native regex passes). */
function toMainText(text: string): string {
  return text.replace(WS_RUN_RE, ' ').replace(BLOCK_RUN_RE, '\n').trim();
}


/** true when `s` has at least `n` non-whitespace characters (stops counting early). */
function hasNonSpace(s: string, n: number): boolean {
  let k = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 32 && c !== 160 && ++k >= n) return true;
  }
  return false;
}

function clean(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\s\u0000]+/g, ' ').trim();
}

function attr(el: Element, name: string): string {
  const v = el.attribs?.[name];
  return typeof v === 'string' ? v : '';
}

function resolve(href: string, base: URL | null): URL | null {
  if (!href || href.length > 2048) return null;
  try {
    return base ? new URL(href.trim(), base) : new URL(href.trim());
  } catch {
    return null;
  }
}

/** ISO 8601 date (YYYY-MM-DD) from a machine-readable date string, or undefined. */
export function normaliseDate(s: unknown): string | undefined {
  if (typeof s !== 'string') return undefined;
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?/.exec(s);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < 1990 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  let t = Date.UTC(y, mo - 1, d, Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
  if (m[7] && m[7] !== 'Z') {
    const sign = m[7][0] === '-' ? -1 : 1;
    const hh = Number(m[7].slice(1, 3));
    const mm = Number(m[7].slice(-2));
    t -= sign * (hh * 60 + mm) * 60_000;
  }
  if (!Number.isFinite(t)) return undefined;
  return new Date(t).toISOString().slice(0, 10);
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
  };
}

interface LdInfo {
  types: string[];
  published?: string;
  publisher?: string;
  author?: string;
}

function walkJsonLd(root: unknown, info: LdInfo): void {
  const stack: [unknown, number][] = [[root, 0]];
  let seen = 0;
  while (stack.length > 0 && seen < 500) {
    const [v, depth] = stack.pop()!;
    seen++;
    if (v === null || typeof v !== 'object' || depth > 8) continue;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], depth + 1]);
      continue;
    }
    const o = v as Record<string, unknown>;
    const t = o['@type'];
    for (const ty of Array.isArray(t) ? t : [t]) if (typeof ty === 'string' && info.types.length < 50) info.types.push(ty.slice(0, 60));
    if (!info.published) info.published = normaliseDate(o.datePublished) ?? normaliseDate(o.dateCreated);
    const pub = o.publisher;
    if (!info.publisher && pub && typeof pub === 'object' && typeof (pub as Record<string, unknown>).name === 'string') info.publisher = clean((pub as Record<string, string>).name).slice(0, 200);
    for (const key of Object.keys(o)) {
      const c = o[key];
      if (c && typeof c === 'object') stack.push([c, depth + 1]);
    }
  }
}

/** Block boundary marker in the text buffer (NULs are stripped from the input, so it is unique). */
const BLOCK_MARK = '\u0000';
const EXIT = 0;
const ENTER = 1;

/** Extract everything the scorer needs from one page. Never throws. */
export function extract(input: { url: string; html: string }): Extracted {
  // Bounded input before any parse (scoring/guard.ts): nesting the parser would choke on throws
  // a TooComplexError (outside the try below, so scorePage surfaces it to the crawl and the
  // extension); a page with too many elements is cut at a tag boundary.
  if (typeof input?.html === 'string') input = { ...input, html: guardMarkup(input.html) };
  try {
    return extractUnsafe(input);
  } catch {
    return emptyExtracted(typeof input?.url === 'string' ? input.url : '');
  }
}

function extractUnsafe(input: { url: string; html: string }): Extracted {
  const url = typeof input.url === 'string' ? input.url : '';
  const out = emptyExtracted(url);
  let html = typeof input.html === 'string' ? input.html : '';
  if (html.length > MAX_HTML_CHARS) html = html.slice(0, MAX_HTML_CHARS);
  // NULs and other C0 controls (except tab/newline/CR) carry no text: binary-looking input becomes spaces.
  // eslint-disable-next-line no-control-regex
  html = html.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFD]+/g, ' ');
  let base: URL | null = null;
  try {
    base = new URL(url);
  } catch {
    base = null;
  }
  let root: AnyNode;
  try {
    root = load(html, { xml: false })?.root()[0] as AnyNode;
  } catch {
    return out;
  }
  if (!root) return out;

  // Text segments: text, and per segment a flag (1 = boilerplate by tag/role, 4 = boilerplate by class name
  // only, a weaker guess, 2 = inside article/main).
  const seg: string[] = [];
  const segFlag: number[] = [];
  let segChars = 0;
  const meta: Record<string, string> = {};
  const ldTexts: string[] = [];
  let titleText = '';
  let timeDate: string | undefined;
  let mainDepth = 0;
  let mainSeen = false;
  let articleDepth = 0;
  const linkStarts: { el: Element; start: number; end: number; chrome: boolean }[] = [];
  const headingsOut: string[] = [];
  let chromeText = '';

  // Explicit stack in parallel arrays (no recursion: deeply nested input cannot overflow; no per-frame allocation).
  const stNode: AnyNode[] = [root];
  const stOp: number[] = [ENTER];
  const stBoiler: number[] = [0];
  let lenClean = 0;
  let lenWeak = 0;
  const stStart: number[] = [0];
  let steps = 0;
  while (stNode.length > 0) {
    if (++steps > 2_000_000) break;
    const node = stNode.pop()!;
    const op = stOp.pop()!;
    const boiler = stBoiler.pop()!;
    const start = stStart.pop()!;
    if (op === EXIT) {
      const el = node as Element;
      const name = el.name ?? '';
      if (BLOCK_TAGS.has(name) && (seg[seg.length - 1] !== BLOCK_MARK || segFlag[segFlag.length - 1] !== boiler)) {
        seg.push(BLOCK_MARK);
        segFlag.push(boiler);
      }
      if (name === 'article' || name === 'main') {
        if (name === 'main') mainDepth--;
        else articleDepth--;
      } else if (name === 'a') {
        if (linkStarts.length < MAX_LINKS * 2) linkStarts.push({ el, start, end: seg.length, chrome: boiler !== 0 });
      } else if (name === 'title' && !titleText) {
        titleText = clean(seg.slice(start).join(''));
      } else if (name.length === 2 && name.charCodeAt(0) === 104 && name.charCodeAt(1) >= 49 && name.charCodeAt(1) <= 54 && !boiler && headingsOut.length < 200) {
        const h = clean(seg.slice(start).join(''));
        if (h) headingsOut.push(h.slice(0, 300));
      }
      continue;
    }
    const type = node.type;
    if (type === 'text') {
      if (segChars < MAX_TEXT_CHARS * 3) {
        let data = (node as unknown as { data: string }).data;
        // Whitespace-only text between tags (very common) becomes one space, or nothing after a block break.
        if (data.length > 0 && data.charCodeAt(0) <= 32 && !NON_SPACE_RE.test(data)) {
          const prev = seg.length > 0 ? seg[seg.length - 1] : BLOCK_MARK;
          if (prev === BLOCK_MARK || prev === ' ') continue;
          data = ' ';
        }
        seg.push(data);
        segChars += data.length;
        segFlag.push(boiler | (mainDepth > 0 || articleDepth > 0 ? 2 : 0));
        if (boiler === 0) lenClean += data.length;
        else if (boiler === 4) lenWeak += data.length;
        if (boiler !== 0 && chromeText.length < 5000) chromeText += data;
      }
      continue;
    }
    if (type !== 'tag' && type !== 'root' && type !== 'script' && type !== 'style') continue;
    const el = node as Element;
    const name = type === 'root' ? '#root' : el.name || '';
    if (type !== 'root') {
      if (name === 'meta') {
        const key = (attr(el, 'property') || attr(el, 'name') || attr(el, 'itemprop') || attr(el, 'http-equiv')).toLowerCase();
        if (key && !(key in meta)) meta[key] = attr(el, 'content').slice(0, 1000);
        continue;
      }
      if (name === 'link') {
        const rel = attr(el, 'rel').toLowerCase();
        const href = attr(el, 'href');
        if (rel.includes('canonical') && !out.canonical) out.canonical = resolve(href, base)?.href;
        if (rel.includes('alternate') && /(?:rss|atom)\+xml/i.test(attr(el, 'type'))) {
          const u = resolve(href, base);
          if (u && /^https?:$/.test(u.protocol) && !out.feedUrls.includes(u.href) && out.feedUrls.length < 10) out.feedUrls.push(u.href);
        }
        continue;
      }
      if (name === 'html' && !out.lang) out.lang = attr(el, 'lang') || attr(el, 'xml:lang');
      if (name === 'script') {
        if (/ld\+json/i.test(attr(el, 'type')) && ldTexts.length < 20) {
          const t = el.children.map((c) => (c as unknown as { data?: string }).data ?? '').join('');
          if (t.length <= MAX_JSONLD_CHARS) ldTexts.push(t);
        }
        continue;
      }
      if (name === 'title') {
        // <title> text only (inside <head> everything else is skipped)
        if (!titleText) titleText = clean(el.children.map((c) => (c as unknown as { data?: string }).data ?? '').join(''));
        continue;
      }
      if (SKIP_TAGS.has(name)) continue;
      const attribs = el.attribs;
      if (attribs && ('hidden' in attribs || attribs['aria-hidden'] === 'true' || (attribs.style !== undefined && /display\s*:\s*none/i.test(attribs.style)))) continue;
      if (name === 'time' && !timeDate && !boiler) timeDate = normaliseDate(attr(el, 'datetime'));
      if (name === 'input' && attr(el, 'type').toLowerCase() === 'checkbox') out.lists.checkboxes++;
      if (name === 'table' && !boiler) out.tables++;
      if ((name === 'ul' || name === 'ol') && !boiler) {
        const lis = el.children.filter((c) => c.type === 'tag' && (c as Element).name === 'li').length;
        if (lis >= 2) {
          if (name === 'ol') out.lists.ordered++;
          else out.lists.unordered++;
          out.lists.items += lis;
        }
      }
    }
    let b = boiler;
    const wasWeak = b === 4;
    const at = type === 'root' ? undefined : el.attribs;
    if (b !== 1 && type !== 'root' && name !== 'body' && name !== 'html' && name !== 'article' && name !== 'main') {
      if (BOILER_TAGS.has(name) || name === 'head') b = 1;
      else if ((name === 'header' || name === 'footer') && articleDepth === 0 && mainDepth === 0) b = 1;
      else if (at !== undefined) {
        const role = at.role;
        const cls = at.class;
        const id = at.id;
        if (role !== undefined && BOILER_ROLES.has(role.toLowerCase())) b = 1;
        else if (!wasWeak && (cls !== undefined || id !== undefined)) {
          const both = `${cls ?? ''} ${id ?? ''}`;
          if (both.length < 500 && BOILER_CLASS_RE.test(both)) b = 4;
        }
      }
    }
    if (name === 'main' || (at !== undefined && at.role === 'main')) {
      mainDepth++;
      mainSeen = true;
    } else if (name === 'article') {
      articleDepth++;
      mainSeen = true;
    }
    if (BLOCK_TAGS.has(name) && (seg[seg.length - 1] !== BLOCK_MARK || segFlag[segFlag.length - 1] !== b)) {
      seg.push(BLOCK_MARK);
      segFlag.push(b);
    }
    stNode.push(node);
    stOp.push(EXIT);
    stBoiler.push(b);
    stStart.push(seg.length);
    const kids = (el as unknown as { children?: AnyNode[] }).children ?? [];
    for (let i = kids.length - 1; i >= 0; i--) {
      stNode.push(kids[i]);
      stOp.push(ENTER);
      stBoiler.push(b);
      stStart.push(0);
    }
  }

  // Main text: inside article/main when the page has them and they hold real text, else all non-boilerplate text.
  // Class-name boilerplate is a guess ("has-sidebar" on a wrapper would hide the whole post): when it
  // holds most of the text, keep it.
  const skip = lenWeak > 3 * lenClean ? 1 : 5;
  const pick = (needMain: boolean): string => {
    const parts: string[] = [];
    for (let i = 0; i < seg.length; i++) {
      const f = segFlag[i];
      if (f & skip) continue;
      if (needMain && !(f & 2) && seg[i] !== BLOCK_MARK) continue;
      parts.push(seg[i]);
    }
    return parts.join('');
  };
  let text = mainSeen ? pick(true) : '';
  if (!hasNonSpace(text, 200)) text = pick(false);
  if (text.length > MAX_TEXT_CHARS) text = text.slice(0, MAX_TEXT_CHARS);
  out.mainText = toMainText(text);
  out.headings = headingsOut;

  // Meta.
  out.title = clean(titleText || meta['og:title'] || headingsOut[0] || '').slice(0, 500);
  out.description = clean(meta['description'] || meta['og:description'] || '').slice(0, 1000);
  out.generator = meta['generator'] ? clean(meta['generator']).slice(0, 200) : undefined;
  if (!out.generator) delete out.generator;
  // Issue 9 (outreach.ts): the meta author, one of the sources of the page author's name.
  const metaAuthor = clean(meta['author'] || '').slice(0, 200);
  if (metaAuthor) out.metaAuthor = metaAuthor;
  if (!out.lang) out.lang = meta['content-language'] || meta['og:locale'] || '';
  out.lang = out.lang.trim().toLowerCase().replace('_', '-').split(/[-,\s]/)[0].slice(0, 8);

  // JSON-LD, parsed defensively.
  const ld: LdInfo = { types: [] };
  for (const t of ldTexts) {
    try {
      const v: unknown = JSON.parse(t.trim().replace(/^<!--|-->$/g, ''));
      out.jsonLd.push(v);
      walkJsonLd(v, ld);
    } catch {
      /* malformed JSON-LD is ignored */
    }
  }
  out.jsonLdTypes = [...new Set(ld.types)];
  const siteName = clean(meta['og:site_name'] || meta['application-name'] || ld.publisher || '');
  if (siteName) out.siteName = siteName.slice(0, 200);

  // Links, anchors, resources, author and contact.
  const allText = (start: number, end: number) => clean(seg.slice(start, end).join('')).slice(0, 300);
  const seenHref = new Set<string>();
  const hostKey = (h: string) => h.toLowerCase().replace(/^www\./, '');
  const baseHost = base ? hostKey(base.hostname) : '';
  let anchorsText = '';
  for (const { el, start, end, chrome } of linkStarts) {
    if (out.links.length >= MAX_LINKS) break;
    const hrefRaw = attr(el, 'href');
    const text = allText(start, end);
    if (anchorsText.length < 50_000) anchorsText += ` ${text}`;
    if (/^mailto:/i.test(hrefRaw.trim())) {
      if (out.contactLinks.length < 10) out.contactLinks.push(hrefRaw.trim().slice(0, 300));
      continue;
    }
    const u = resolve(hrefRaw, base);
    if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:')) continue;
    u.hash = '';
    const href = u.href;
    const rel = attr(el, 'rel').toLowerCase();
    if (seenHref.has(href)) continue;
    seenHref.add(href);
    const internal = baseHost !== '' && hostKey(u.hostname) === baseHost;
    out.links.push({ href, text, internal, chrome, rel });
    if ((RESOURCE_EXT_RE.test(u.pathname) || (!chrome && RESOURCE_TEXT_RE.test(text))) && out.resources.length < 50) out.resources.push({ href, text });
    if ((rel.includes('author') || /\/(?:author|authors|people|team)\//i.test(u.pathname)) && out.authorLinks.length < 10) out.authorLinks.push(href);
    if ((/\bcontact\b/i.test(text) || /\/contact(?:-us)?\/?$/i.test(u.pathname)) && out.contactLinks.length < 10) out.contactLinks.push(href);
    if (FEED_HREF_RE.test(u.pathname) && internal && out.feedUrls.length < 10 && !out.feedUrls.includes(href)) out.feedUrls.push(href);
  }

  // Platform and markers.
  const hints = `${out.generator ?? ''} ${base?.hostname ?? ''} ${out.links.slice(0, 50).map((l) => l.href).join(' ')}`;
  const platform = platformOf(out.generator ?? '', hints);
  if (platform) out.platform = platform;
  const markerText = `${anchorsText.slice(0, 10_000)} ${chromeText} ${out.mainText.slice(0, 3000)}`.toLowerCase();
  for (const [k, lits, re] of COMPANY_MARKERS) if (hasMarker(markerText, lits, re)) out.companyMarkers.push(k);
  for (const [k, lits, re] of NONPROFIT_MARKERS) if (hasMarker(markerText, lits, re)) out.nonprofitMarkers.push(k);

  // Publication date: JSON-LD, then meta, then <time>, then the URL.
  const metaDate =
    normaliseDate(meta['article:published_time']) ??
    normaliseDate(meta['og:published_time']) ??
    normaliseDate(meta['datepublished']) ??
    normaliseDate(meta['date']) ??
    normaliseDate(meta['dc.date']) ??
    normaliseDate(meta['dc.date.issued']) ??
    normaliseDate(meta['parsely-pub-date']);
  let urlDate: string | undefined;
  const um = base ? URL_DATE_RE.exec(base.pathname) : null;
  if (um) urlDate = `${um[1]}-${um[2]}-${um[3] ?? '01'}`;
  const published = ld.published ?? metaDate ?? timeDate ?? urlDate;
  if (published) out.publishedAt = published;
  return out;
}
