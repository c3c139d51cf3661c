// Site identity, one rule (DESIGN.md, "The roundup"): a site's name is its og:site_name, else its
// JSON-LD WebSite/Organization name, else the part of the title its pages share ("Five habits –
// Second Chair" → "Second Chair"), else its feed's title, else its home page's title, else its host.
// The curator's rename (Candidate.nameOverride) wins over all of this; see candidate.ts.
import { oneLine } from './text.ts';
import { compareStrings } from './time.ts';
import { jsonLdTypes, walkJsonLd } from './jsonld.ts';

/** Names are one line and short: a badge and a table cell have to hold them. */
export const MAX_NAME_CHARS = 120;

/** What identity needs of a page (a PageScore has all of it). */
export interface IdentityPage {
  url: string;
  finalUrl?: string;
  title: string;
  /** og:site_name (or application-name, or the JSON-LD publisher; see extract.ts). */
  siteName?: string;
  /** JSON-LD WebSite or Organization name. */
  jsonLdSiteName?: string;
}

export type NameSource = 'site-name' | 'json-ld' | 'shared-title' | 'feed-title' | 'home-title' | 'host';

export interface SiteIdentity {
  name: string;
  source: NameSource;
}

/** A name as shown: one line, bounded; empty when nothing but punctuation or space is left. */
export function cleanName(s: unknown): string {
  const t = oneLine(s, MAX_NAME_CHARS);
  return /[\p{L}\p{N}]/u.test(t) ? t : '';
}

/** The most frequent non-empty value (case-insensitively), ties to the code-unit-smallest; its most frequent spelling. */
function mostCommon(values: (string | undefined)[]): string {
  const byKey = new Map<string, { n: number; spellings: Map<string, number> }>();
  for (const v of values) {
    const name = cleanName(v);
    if (!name) continue;
    const key = name.toLowerCase();
    const e = byKey.get(key) ?? { n: 0, spellings: new Map() };
    e.n++;
    e.spellings.set(name, (e.spellings.get(name) ?? 0) + 1);
    byKey.set(key, e);
  }
  let best: { key: string; n: number; spellings: Map<string, number> } | undefined;
  for (const [key, e] of byKey) if (!best || e.n > best.n || (e.n === best.n && key < best.key)) best = { key, ...e };
  if (!best) return '';
  return [...best.spellings].sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0]))[0][0];
}

// Title separators: – — | · : - (a hyphen or colon only as a separator, with space around it / after it).
const TITLE_SEP_RE = /\s+[-–—|·•»:]\s+|\s*[|·•»]\s*|\s+[–—]|[–—]\s+|:\s+/;
/** Title parts that say where a page is, not whose it is. */
const GENERIC_PARTS = new Set([
  'home', 'homepage', 'home page', 'welcome', 'start', 'index', 'blog', 'news', 'about', 'about us', 'contact', 'contact us',
  'archive', 'archives', 'posts', 'articles', 'page', 'resources', 'untitled', 'forside', 'hjem', 'startseite', 'inicio', 'accueil', 'hem',
]);

/** The parts of a title, cleaned, generic ones and ones too long for a name dropped. */
export function titleParts(title: string): string[] {
  const parts: string[] = [];
  for (const raw of oneLine(title, 600).split(TITLE_SEP_RE).slice(0, 12)) {
    const part = cleanName(raw);
    if (part && part.length <= 80 && !GENERIC_PARTS.has(part.toLowerCase()) && !/^(?:page\s*)?\d+$/i.test(part)) parts.push(part);
  }
  return parts;
}

/**
 * The title part at least half of the titled pages share (and at least two): the one most pages
 * have, then the one that comes last in more titles (where sites put their name), then the
 * code-unit-smallest. '' when no part is shared.
 */
export function sharedTitlePart(titles: string[]): string {
  const stats = new Map<string, { pages: number; last: number; spellings: string[] }>();
  let titled = 0;
  for (const title of titles) {
    const parts = titleParts(title);
    if (parts.length === 0) continue;
    titled++;
    const seen = new Set<string>();
    parts.forEach((p, i) => {
      const key = p.toLowerCase();
      if (seen.has(key)) return;
      seen.add(key);
      const s = stats.get(key) ?? { pages: 0, last: 0, spellings: [] };
      s.pages++;
      if (i === parts.length - 1 && parts.length > 1) s.last++;
      s.spellings.push(p);
      stats.set(key, s);
    });
  }
  let best: [string, { pages: number; last: number; spellings: string[] }] | undefined;
  for (const e of stats) {
    const [key, s] = e;
    if (s.pages < 2 || s.pages * 2 < titled) continue;
    if (!best || s.pages > best[1].pages || (s.pages === best[1].pages && (s.last > best[1].last || (s.last === best[1].last && key < best[0])))) best = e;
  }
  return best ? mostCommon(best[1].spellings) : '';
}

function pathOf(u: string): string {
  try {
    return new URL(u).pathname;
  } catch {
    return '';
  }
}

const HOME_PATH_RE = /^\/(?:(?:index|default|home)\.(?:html?|php|aspx?))?$|^\/home\/?$/i;

/** The home page's title without the generic parts ("Home | Bridgeway" → "Bridgeway"). */
function homeTitle(pages: IdentityPage[]): string {
  const home = pages.filter((p) => HOME_PATH_RE.test(pathOf(p.finalUrl || p.url))).sort((a, b) => compareStrings(a.finalUrl || a.url, b.finalUrl || b.url))[0];
  if (!home) return '';
  const parts = titleParts(home.title);
  if (parts.length === 1) return parts[0];
  return cleanName(home.title);
}

/** The host without www. and without the port. */
export function hostOf(site: string): string {
  try {
    return new URL(site).hostname.replace(/^www\./, '');
  } catch {
    return cleanName(site) || site.slice(0, MAX_NAME_CHARS);
  }
}

/**
 * The name of a site from its pages (and its feed's title, when a feed was read). `site` is the
 * site's origin (https://example.org), the last resort. Deterministic, whatever the page order.
 */
export function siteIdentity(pages: IdentityPage[], opts: { site: string; feedTitle?: string }): SiteIdentity {
  const siteName = mostCommon(pages.map((p) => p.siteName));
  if (siteName) return { name: siteName, source: 'site-name' };
  const ld = mostCommon(pages.map((p) => p.jsonLdSiteName));
  if (ld) return { name: ld, source: 'json-ld' };
  const shared = sharedTitlePart(pages.map((p) => p.title));
  if (shared) return { name: shared, source: 'shared-title' };
  const feed = cleanName(opts.feedTitle);
  if (feed) return { name: feed, source: 'feed-title' };
  const home = homeTitle(pages);
  if (home) return { name: home, source: 'home-title' };
  return { name: hostOf(opts.site), source: 'host' };
}

// ------------------------------------------------------------------ JSON-LD

const SITE_TYPES = new Set(['website', 'organization', 'ngo', 'nonprofitorganization', 'corporation', 'educationalorganization', 'collegeoruniversity', 'localbusiness', 'onlinebusiness', 'governmentorganization']);

/**
 * The JSON-LD name of the site: a WebSite's name first, else an Organization's (or a subtype's),
 * anywhere in the graph (a publisher too). Bounded walk (jsonld.ts): hostile JSON-LD cannot make it slow.
 */
export function jsonLdSiteName(jsonLd: unknown[]): string | undefined {
  let website = '';
  let org = '';
  walkJsonLd(jsonLd, (o) => {
    const types = jsonLdTypes(o);
    const name = cleanName(typeof o.name === 'string' ? o.name : Array.isArray(o.name) && typeof o.name[0] === 'string' ? o.name[0] : '');
    if (name && types.includes('website') && !website) website = name;
    else if (name && !org && types.some((t) => SITE_TYPES.has(t))) org = name;
    return website !== '';
  });
  return website || org || undefined;
}
