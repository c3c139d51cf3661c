// The publication day of a page, from the most to the least reliable source: the article's JSON-LD,
// publication meta tags (Open Graph, Dublin Core, Parse.ly, Sailthru, ...), itemprop/pubdate/<time>
// markup, a full date in the URL path, dates written in date-like elements of the article header
// or in its first lines ("12. März 2019", "3 de mayo de 2020", "November 19, 2019"), and only then
// the modified date. The day is taken as written (no time-zone shift). A URL's year and month
// alone are not a day.
import type { JsonLdInfo } from './jsonld.ts';
import type { Attribs, DateRef } from './page-index.ts';
import { classOf } from './chars.ts';

const MIN_YEAR = 1995;
const MAX_YEAR = 2100;

function ymd(y: number, m: number, d: number): string | undefined {
  if (!(y >= MIN_YEAR && y <= MAX_YEAR && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return undefined;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  if (d > days) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

// Month names and abbreviations, lower case, in the curator's languages and a few neighbours
// (Italian, Portuguese, Dutch) that share the pages of a multilingual web.
const MONTHS: Record<string, number> = {};
const MONTH_LISTS: string[][] = [
  ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'], // en
  ['januar', 'februar', 'märz', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'dezember'], // de, da, no
  ['jänner', 'feber', 'maerz', '', '', '', '', '', '', '', '', ''], // de-AT
  ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'], // fr
  ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'], // es
  ['', '', '', '', '', '', '', '', 'setiembre', '', '', ''],
  ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'], // sv
  ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'], // da
  ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'], // nb, nn
  ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'], // it
  ['janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'], // pt
  ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'], // nl
];
const ABBREVIATIONS: [string, number][] = [
  ['jan', 1], ['feb', 2], ['febr', 2], ['mar', 3], ['mär', 3], ['mrz', 3], ['apr', 4], ['jun', 6], ['jul', 7], ['aug', 8], ['sep', 9], ['sept', 9], ['oct', 10],
  ['okt', 10], ['nov', 11], ['dec', 12], ['dez', 12], ['des', 12], ['ene', 1], ['abr', 4], ['ago', 8], ['dic', 12], ['janv', 1], ['févr', 2], ['fevr', 2],
  ['avr', 4], ['juil', 7], ['déc', 12], ['set', 9], ['out', 10], ['fev', 2], ['mei', 5], ['mrt', 3], ['mag', 5], ['giu', 6], ['lug', 7], ['ott', 10],
  ['gen', 1], ['maj', 5], ['sen', 9],
];
for (const list of MONTH_LISTS) list.forEach((name, i) => name && (MONTHS[name] = i + 1));
for (const [a, m] of ABBREVIATIONS) MONTHS[a] = m;

function monthOf(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  return MONTHS[w];
}

// Written dates. Each pattern is linear (no nested quantifiers); month words are looked up.
const L = '\\p{L}';
const ISO_RE = /(?<![\d])((?:19|20)\d{2})([-/.])(\d{1,2})\2(\d{1,2})(?![\d])/;
const DMY_DOT_RE = /(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?((?:19|20)\d{2})(?![\d])/;
const SLASH_RE = /(?<![\d/])(\d{1,2})([/-])(\d{1,2})\2((?:19|20)\d{2})(?![\d])/;
// "12. März 2019", "3 de mayo de 2020": its day number is not preceded by a digit or a letter. The
// engine runs a pattern that opens with a look-behind and Unicode letter classes slowly at every
// position, so the pattern is tried (sticky) only where a day number can start: dayMonth below.
const DAY_MONTH_AT = new RegExp(`(\\d{1,2})(?:\\.|er|st|nd|rd|th|º|°|e)?\\s{0,3}(?:de\\s+|of\\s+)?(${L}{3,10})\\.?,?\\s{0,3}(?:de\\s+|del\\s+)?((?:19|20)\\d{2})(?![\\d])`, 'uy');
const LETTER_RE = /^\p{L}$/u;
const MONTH_DAY_RE = new RegExp(`(?<![${L}])(${L}{3,10})\\.?\\s{1,3}(\\d{1,2})(?:st|nd|rd|th)?,?\\s{1,3}((?:19|20)\\d{2})(?![\\d])`, 'u');
const CJK_RE = /((?:19|20)\d{2})\s?[年년]\s?(\d{1,2})\s?[月월]\s?(\d{1,2})\s?[日일]/;

export interface DateHint {
  /** true when slashed dates read month first (US English). */
  monthFirst: boolean;
  /** Accept two-digit years (31.10.23), only where the element says it holds a date. */
  shortYear?: boolean;
}
const YEAR_G = /(?:19|20)\d\d/g;
const DIGIT_RE = /\d/;
const DMY_SHORT_RE = /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{2})(?![\d.])/;

/** The first full date written in `s` (ISO, 12.3.2019, 3/12/2019, 12. März 2019, March 12, 2019, 2019年3月12日), or undefined. */
export function parseWrittenDate(s: string, hint: DateHint = { monthFirst: false }): string | undefined {
  if (s.length > 2000) s = s.slice(0, 2000);
  // Every pattern but the short one has a four-digit year: read only around the years, in order.
  YEAR_G.lastIndex = 0;
  for (let y = YEAR_G.exec(s); y; y = YEAR_G.exec(s)) {
    const from = Math.max(0, y.index - 40);
    const before = s.slice(from, y.index);
    const after = s.slice(y.index + 4, y.index + 14);
    // Every pattern has a day number besides the year ("in 2019 we ..." has none).
    if (!DIGIT_RE.test(before) && !DIGIT_RE.test(after)) continue;
    const d = dateIn(before + y[0] + after, hint);
    if (d) return d;
  }
  if (hint.shortYear) {
    const m = DMY_SHORT_RE.exec(s);
    if (m) return ymd(+m[3] + (+m[3] > 70 ? 1900 : 2000), +m[2], +m[1]);
  }
  return undefined;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/** Whether the code point ending just before `p` is a digit or a letter. */
function digitOrLetterBefore(s: string, p: number): boolean {
  const c = s.charCodeAt(p - 1);
  if (isDigit(c)) return true;
  if (c >= 0xdc00 && c <= 0xdfff && p >= 2) {
    const h = s.charCodeAt(p - 2);
    if (h >= 0xd800 && h <= 0xdbff) return LETTER_RE.test(s.slice(p - 2, p));
  }
  return classOf(c) === 1;
}

/** The first day-month-year date in `s` (the leftmost, as `(?<![\d\p{L}])` + DAY_MONTH_AT would find it). */
function dayMonth(s: string): RegExpExecArray | null {
  for (let p = 0; p < s.length; p++) {
    if (!isDigit(s.charCodeAt(p)) || (p > 0 && digitOrLetterBefore(s, p))) continue;
    DAY_MONTH_AT.lastIndex = p;
    const m = DAY_MONTH_AT.exec(s);
    if (m) return m;
  }
  return null;
}

/** The first full date in a short window of text. */
function dateIn(s: string, hint: DateHint): string | undefined {
  let best: { at: number; date: string } | undefined;
  const consider = (at: number, date: string | undefined) => {
    if (date && (!best || at < best.at)) best = { at, date };
  };
  let m = ISO_RE.exec(s);
  if (m) consider(m.index, ymd(+m[1], +m[3], +m[4]));
  m = DMY_DOT_RE.exec(s);
  if (m) consider(m.index, ymd(+m[3], +m[2], +m[1]));
  m = SLASH_RE.exec(s);
  if (m) {
    const a = +m[1];
    const b = +m[3];
    const monthFirst = a > 12 ? false : b > 12 ? true : hint.monthFirst;
    consider(m.index, monthFirst ? ymd(+m[4], a, b) : ymd(+m[4], b, a));
  }
  m = dayMonth(s);
  // A range ("14. - 20. Januar 2022") names no single day.
  if (m && !/\d\.?\s{0,2}[-–]\s{0,2}$/.test(s.slice(Math.max(0, m.index - 8), m.index))) {
    const mo = monthOf(m[2]);
    if (mo) consider(m.index, ymd(+m[3], mo, +m[1]));
  }
  m = MONTH_DAY_RE.exec(s);
  if (m) {
    const mo = monthOf(m[1]);
    if (mo) consider(m.index, ymd(+m[3], mo, +m[2]));
  }
  m = CJK_RE.exec(s);
  if (m) consider(m.index, ymd(+m[1], +m[2], +m[3]));
  return best?.date;
}

/** A machine-readable date (ISO 8601 and its common variants, RFC 822, 20190312) as YYYY-MM-DD, the day as written. */
export function parseMachineDate(s: unknown): string | undefined {
  if (typeof s !== 'string') return undefined;
  const t = s.trim();
  if (t.length < 8 || t.length > 80) return undefined;
  let m = /^((?:19|20)\d{2})-?(\d{2})-?(\d{2})(?:$|[T\s_])/.exec(t);
  if (m) return ymd(+m[1], +m[2], +m[3]);
  m = /^((?:19|20)\d{2})[/.](\d{1,2})[/.](\d{1,2})(?!\d)/.exec(t);
  if (m) return ymd(+m[1], +m[2], +m[3]);
  // RFC 822 / 1123: "Tue, 19 Nov 2019 10:00:00 GMT"; or other written forms.
  return parseWrittenDate(t);
}

// Publication and modification keys of <meta> (name, property or itemprop; lower case).
export const PUBLISHED_META = [
  'article:published_time', 'article:published', 'og:published_time', 'og:article:published_time', 'datepublished', 'dc.date.issued', 'dcterms.issued',
  'dc.date.created', 'dcterms.created', 'dc.date', 'dcterms.date', 'date', 'parsely-pub-date', 'sailthru.date', 'publish-date', 'publish_date',
  'publishdate', 'published_time', 'published-date', 'published_date', 'publication_date', 'publication-date', 'pubdate', 'pub_date', 'article.published',
  'article_date_original', 'original-publish-date', 'originalpublicationdate', 'cxenseparse:recs:publishtime', 'citation_publication_date',
  'citation_date', 'citation_online_date', 'dc.date.published', 'date_published', 'release_date', 'og:pubdate', 'bt:pubdate', 'rnews:datepublished',
  'article.created', 'displaydate', 'dateCreated'.toLowerCase(), 'created', 'creation_date', 'date.created', 'live_date', 'ptime', 'parsely-metadata-date',
];
export const MODIFIED_META = ['article:modified_time', 'og:updated_time', 'datemodified', 'dcterms.modified', 'dc.date.modified', 'last-modified', 'lastmod', 'revised', 'modified', 'utime', 'article.updated'];

/** A date-like element (class, id or itemprop) or <time>, with where it sits. */
export interface DateElement {
  el: DateRef;
  /** In navigation, footer, sidebar, comments, related posts: another page's date. */
  foreign: boolean;
  /** Before the end of the main content (the article header and body), in document order. */
  beforeEnd: boolean;
}

export interface DateInput {
  url: string;
  meta: Record<string, string>;
  ld: JsonLdInfo;
  /** <time> elements and elements whose class/id/itemprop names a date, in document order (computed when needed). */
  elements: () => DateElement[];
  title: string;
  mainText: string;
  /** The page's visible text outside chrome (computed when needed). */
  pageText: () => string;
  /** Visible text right after the article's heading (where bylines and dates sit, ~300 characters) and right before it (~100); computed when needed. */
  aroundHeading: () => { after: string; before: string };
  lang: string;
}

const PUBLISHED_WORD_RE =
  /\b(?:published|posted|first published|veröffentlicht|erschienen|publié|publicado|publicada|publicerad|publicerat|publisert|publisert|publicert|udgivet|offentliggjort|date de publication|fecha de publicación)(?: on| am| le| el| den| am| on the| d\.)?\s*:?\s*/i;
const UPDATED_RE = /updat|modif|aktualisi|geändert|actualiz|mis à jour|mise à jour|oppdater|uppdater|opdater|revid|edited|bearbeitet/i;
const PUBLISHED_CLASS_RE = /publi|posted|entry-date|post-date|article-date|created|pubdate|dateline|byline|datum|fecha|dato/i;
const FOREIGN_RE = /comment|related|sidebar|widget|recommend|popular|trending|teaser|more-?stories|read-?more|promo|breadcrumb|respon[sd]|reply|disqus/i;

function attr(at: Attribs, name: string): string {
  const v = at[name];
  return typeof v === 'string' ? v : '';
}

/** Text of an element, bounded (date elements are small; a huge one is not a date): its first text nodes up to about `max` characters. */
export function shortText(el: DateRef, max = 300): string {
  let s = '';
  for (let k = 0; k < el.nodes.length && s.length < max; k++) s += el.nodes[k];
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * Whether a date element sits in chrome or in other items (comments, related posts, sidebars,
 * teasers), walking up its ancestors until the main content or one of its ancestors (`main`, their
 * positions in the index): a wrapper that holds the article is not chrome, whatever its class says.
 * A footer counts only outside the article (an article's own footer often carries its date).
 */
export function isForeign(el: DateRef, main: Set<number>): boolean {
  let footer = false;
  for (const n of el.ancestors) {
    if (n.indexed >= 0 && main.has(n.indexed)) return false;
    const name = n.name;
    if (name === 'nav' || name === 'aside') return true;
    if (name === 'article' || name === 'main') return false;
    if (name === 'body') return footer;
    const both = `${n.cls} ${n.id}`;
    if (name === 'footer' || (both.length > 1 && /footer/i.test(both))) footer = true;
    if (both.length > 1 && both.length < 300 && FOREIGN_RE.test(both)) return true;
  }
  return footer;
}

/** The part of a text before it speaks of an update ("Published 3 May 2020, updated 5 May 2020"). */
function beforeUpdate(text: string): string {
  const m = UPDATED_RE.exec(text);
  return m ? text.slice(0, m.index) : text;
}

function hintOf(input: DateInput): DateHint {
  let host = '';
  try {
    host = new URL(input.url).hostname;
  } catch {
    host = '';
  }
  const lang = input.lang.toLowerCase();
  const monthFirst = (lang === 'en' || lang === 'en-us' || lang === '') && !/\.(?:uk|au|nz|ie|in|za|eu|de|fr|es|it|nl|se|no|dk|at|ch|be|pt|br|mx|ar)$/.test(host);
  return { monthFirst };
}

/** A full date in the URL path (/2019/11/19/, /2019-11-19-, /20191119/); year and month alone are not a day. */
export function urlDate(url: string): string | undefined {
  let path = '';
  try {
    path = decodeURIComponent(new URL(url).pathname);
  } catch {
    return undefined;
  }
  let m = /\/((?:19|20)\d{2})\/(\d{1,2})\/(\d{1,2})(?:\/|$|[-_])/.exec(path);
  if (m) return ymd(+m[1], +m[2], +m[3]);
  m = /(?:^|[/_-])((?:19|20)\d{2})[-_](\d{2})[-_](\d{2})(?:[/_.-]|$)/.exec(path);
  if (m) return ymd(+m[1], +m[2], +m[3]);
  m = /\/((?:19|20)\d{2})(\d{2})(\d{2})(?:[/_.-]|$)/.exec(path);
  if (m) return ymd(+m[1], +m[2], +m[3]);
  m = /(?:^|[/_-])(\d{2})[-_.](\d{2})[-_.]((?:19|20)\d{2})(?:[/_.-]|$)/.exec(path);
  if (m) return ymd(+m[3], +m[2], +m[1]);
  return undefined;
}

/** The publication day of the page (YYYY-MM-DD), or undefined when it does not say. */
export function publicationDate(input: DateInput): string | undefined {
  const fromUrl = urlDate(input.url);
  const found = publicationDateFrom(input, fromUrl);
  // Metadata in UTC can move a late-evening post to the next day: the URL's full date says which.
  if (found && fromUrl && found !== fromUrl && Math.abs(Date.parse(found) - Date.parse(fromUrl)) === 86_400_000) return fromUrl;
  return found;
}

function publicationDateFrom(input: DateInput, fromUrl: string | undefined): string | undefined {
  // How to read 03/04/2020 (US English or not): needed only for slashed dates, so worked out when first asked.
  let monthFirst: boolean | undefined;
  const hint: DateHint = {
    get monthFirst() {
      return (monthFirst ??= hintOf(input).monthFirst);
    },
  };
  const short: DateHint = {
    shortYear: true,
    get monthFirst() {
      return hint.monthFirst;
    },
  };
  const { meta, ld } = input;
  for (const s of ld.published) {
    const d = parseMachineDate(s);
    if (d) return d;
  }
  for (const k of PUBLISHED_META) {
    const d = parseMachineDate(meta[k]);
    if (d) return d;
  }
  // The article's own date elements: those up to the end of the main content first, then its footer.
  const notForeign = input.elements().filter((e) => !e.foreign);
  const own = [...notForeign.filter((e) => e.beforeEnd), ...notForeign.filter((e) => !e.beforeEnd)];
  // Markup that says "published": itemprop, pubdate, a published class on a <time>.
  for (const { el } of own) {
    const ip = attr(el.attribs, 'itemprop').toLowerCase();
    const cls = `${attr(el.attribs, 'class')} ${attr(el.attribs, 'id')}`;
    const isPub = ip === 'datepublished' || ip === 'datecreated' || 'pubdate' in el.attribs || (el.name === 'time' && PUBLISHED_CLASS_RE.test(cls) && !UPDATED_RE.test(cls));
    if (!isPub) continue;
    const d = parseMachineDate(attr(el.attribs, 'datetime') || attr(el.attribs, 'content')) ?? parseWrittenDate(shortText(el), hint);
    if (d) return d;
  }
  if (fromUrl) return fromUrl;
  // Any <time> or date-like element of the article that is not an update.
  for (const { el } of own) {
    const cls = `${attr(el.attribs, 'class')} ${attr(el.attribs, 'id')} ${attr(el.attribs, 'itemprop')}`;
    if (UPDATED_RE.test(cls)) continue;
    const text = shortText(el, 200);
    if (text.length > 160) continue;
    const d = parseMachineDate(attr(el.attribs, 'datetime')) ?? parseWrittenDate(beforeUpdate(text), short);
    if (d) return d;
  }
  const around = input.aroundHeading();
  const afterHeading = parseWrittenDate(beforeUpdate(around.after), short);
  if (afterHeading) return afterHeading;
  const inTitle = parseWrittenDate(input.title, hint);
  if (inTitle) return inTitle;
  // A date in the first lines of the article ("Posted on 3 March 2019 by ...").
  const head = input.mainText.slice(0, 400);
  const lines = head.split('\n').slice(0, 4).filter((l) => l.length < 100);
  for (const l of lines) {
    const d = parseWrittenDate(beforeUpdate(l), hint);
    if (d) return d;
  }
  // A dateline right above the title.
  const lastLine = around.before.split('\n').filter((l) => l.trim()).pop() ?? '';
  const above = parseWrittenDate(lastLine, short);
  if (above) return above;
  // "Published on 16.08.2019" anywhere in the page's own text, in the seven languages: looked for
  // just before each year written in it (years are few; the words are many).
  const text = input.pageText();
  YEAR_G.lastIndex = 0;
  for (let y = YEAR_G.exec(text), n = 0; y && n < 50; y = YEAR_G.exec(text), n++) {
    const from = Math.max(0, y.index - 60);
    const m = PUBLISHED_WORD_RE.exec(text.slice(from, y.index));
    if (!m) continue;
    const d = parseWrittenDate(text.slice(from + m.index + m[0].length, y.index + 14), short);
    if (d) return d;
    YEAR_G.lastIndex = y.index + 4;
  }
  // Last resort: the modified date (often the same day on news and blog posts).
  for (const s of ld.modified) {
    const d = parseMachineDate(s);
    if (d) return d;
  }
  for (const k of MODIFIED_META) {
    const d = parseMachineDate(meta[k]);
    if (d) return d;
  }
  return undefined;
}
