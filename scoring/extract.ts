// Page extraction: one htmlparser2 parse (cheerio/slim), then one iterative walk of the tree that
// collects metadata, the main text without boilerplate, headings, lists, links and markers.
// Never throws: malformed, empty, huge or binary-looking input yields a (mostly empty) result.
import { load } from 'cheerio/slim';
import type { AnyNode, Element } from 'domhandler';
import { indexPage } from './page-index.ts';
import { mainContent } from './content.ts';

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

/** Extract everything the scorer needs from one page. Never throws. */
export function extract(input: { url: string; html: string }): Extracted {
  try {
    return extractUnsafe(input);
  } catch {
    return emptyExtracted(typeof input?.url === 'string' ? input.url : '');
  }
}

/** Below this many characters of main text, the class/id guesses are suspected of hiding the post. */
const RETRY_CHARS = 500;

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

  const ix = indexPage(root, true);
  const meta: Record<string, string> = {};
  for (const el of ix.metas) {
    const key = (attr(el, 'property') || attr(el, 'name') || attr(el, 'itemprop') || attr(el, 'http-equiv')).toLowerCase();
    if (key && !(key in meta)) meta[key] = attr(el, 'content').slice(0, 1000);
  }
  for (const el of ix.headLinks) {
    const rel = attr(el, 'rel').toLowerCase();
    const href = attr(el, 'href');
    if (rel.includes('canonical') && !out.canonical) out.canonical = resolve(href, base)?.href;
    if (rel.includes('alternate') && /(?:rss|atom)\+xml/i.test(attr(el, 'type'))) {
      const u = resolve(href, base);
      if (u && /^https?:$/.test(u.protocol) && !out.feedUrls.includes(u.href) && out.feedUrls.length < 10) out.feedUrls.push(u.href);
    }
  }
  const titleText = clean(ix.title);
  const titleHint = titleText || clean(meta['og:title'] ?? '');
  let main = mainContent(ix, titleHint, MAX_TEXT_CHARS);
  if (main.text.length < RETRY_CHARS) {
    const loose = mainContent(indexPage(root, false), titleHint, MAX_TEXT_CHARS);
    if (loose.text.length > main.text.length) main = loose;
  }
  out.mainText = main.text;
  out.headings = main.headings;
  out.lists = { ...main.lists, checkboxes: ix.checkboxes };
  out.tables = main.tables;
  out.lang = ix.htmlLang;
  const seg = ix.seg;
  let chromeText = '';
  for (let k = 0; k < seg.length && chromeText.length < 5000; k++) if (ix.segEx[k] === 1) chromeText += seg[k];
  const ldTexts = ix.ldJson.filter((t) => t.length <= MAX_JSONLD_CHARS);

  // Meta.
  out.title = clean(titleText || meta['og:title'] || out.headings[0] || '').slice(0, 500);
  out.description = clean(meta['description'] || meta['og:description'] || '').slice(0, 1000);
  out.generator = meta['generator'] ? clean(meta['generator']).slice(0, 200) : undefined;
  if (!out.generator) delete out.generator;
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
  for (const { el, segStart: start, segEnd: end, chrome } of ix.anchors) {
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
  let timeDate: string | undefined;
  for (const t of ix.times) if (!t.chrome && (timeDate = normaliseDate(attr(t.el, 'datetime')))) break;
  const published = ld.published ?? metaDate ?? timeDate ?? urlDate;
  if (published) out.publishedAt = published;
  return out;
}
