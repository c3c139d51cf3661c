// A site's pages from every source — the crawl, bookmarks, imports, sync — as one set, and the
// site score computed from it. One rule for the crawler's store and the extension alike:
//
//   * one record per page, keyed by its normalised final URL (normalisePageUrl); of two records of
//     the same page the newer wins (`removedAt ?? scoredAt`, compared as instants; then a removal
//     over a score; then the later re-score by a model, `rescoredAt`; then the canonical JSON, so
//     that the choice is total). A re-score from the page's vector (issue 11) keeps `scoredAt`, the
//     time the page was read: it never beats a newer reading, and the roundup year stays;
//   * of all pages, the MAX_SITE_PAGES newest are kept (same order). Newest-per-URL and top-N in
//     the same total order make the union a semilattice: cap(cap(A) ∪ cap(B)) = cap(A ∪ B), so the
//     union of any lists, in any grouping or order, taken once or twice, is the same set;
//   * the site score is scoreSite over the live pages (not removed) of that set, measured against
//     the roundup year of its newest page score, its scorerVersion the one that scored most of those
//     pages, so it is a function of the set alone;
//   * the activity (post dates, feed) merges the same way: a set of days, the newest
//     MAX_POST_DATES kept; the feed URL and title of the latest reading.
import type { Evidence, PageComponents, PageOutreach, PageScore, SiteActivity, SiteKind, SitePage, SiteScore, Source } from './types.ts';
import { COMPONENT_NAMES, SITE_KINDS, SOCIAL_NETWORKS } from './types.ts';
import { scoreSite } from './site.ts';
import { normalisePageUrl } from './url.ts';
import { oneLine } from './text.ts';
import { compareStrings, compareTimes, isoDay, isoInstant, isoOrUndefined } from './time.ts';

/**
 * The most pages a site keeps. The crawler scores 12 pages of a site per crawl (--pages-per-site)
 * and a curator bookmarks a few, so this holds years of recrawls; past it the oldest scores go.
 * A page record is 1–3 KB as JSON (at most ~9 KB: the bounds below), a site's pages ≤ ~1 MB.
 */
export const MAX_SITE_PAGES = 100;
/** The most post dates (distinct days) a site keeps: the newest. Activity reads the roundup year and the one before. */
export const MAX_POST_DATES = 400;

/** Bounds of one page record (the scorer stays well inside them; an import is cut to them). */
const LIMITS = { title: 300, text: 300, evidence: 18, flags: 20, flag: 40, feeds: 5, name: 200, list: 5, social: 7, lang: 20, version: 100 } as const;

const num = (x: unknown, lo: number, hi: number): number => {
  const n = typeof x === 'number' ? x : Number(x);
  return Number.isFinite(n) ? Math.min(hi, Math.max(lo, n)) : lo;
};

function components(x: PageComponents | undefined): PageComponents {
  const out = {} as PageComponents;
  for (const k of COMPONENT_NAMES) out[k] = num(x?.[k], 0, 1);
  return out;
}

function evidenceOf(list: Evidence[] | undefined): Evidence[] {
  const out: Evidence[] = [];
  for (const e of list ?? []) {
    if (out.length >= LIMITS.evidence) break;
    if (!e || !(COMPONENT_NAMES as readonly string[]).includes(e.component)) continue;
    const text = oneLine(e.text, LIMITS.text);
    if (text) out.push({ component: e.component, text });
  }
  return out;
}

function strings(list: unknown, max: number, each: number): string[] {
  if (!Array.isArray(list)) return [];
  return list.filter((s): s is string => typeof s === 'string').map((s) => oneLine(s, each)).filter(Boolean).slice(0, max);
}

function httpUrls(list: unknown, max: number): string[] {
  if (!Array.isArray(list)) return [];
  const out: string[] = [];
  for (const u of list) {
    const n = typeof u === 'string' ? normalisePageUrl(u) : undefined;
    if (n && !out.includes(n)) out.push(n);
    if (out.length >= max) break;
  }
  return out;
}

function outreachOf(o: PageOutreach | undefined): PageOutreach | undefined {
  if (!o) return undefined;
  const out: PageOutreach = {};
  const authors = strings(o.authors, LIMITS.list, LIMITS.name);
  if (authors.length) out.authors = authors;
  const contactUrls = httpUrls(o.contactUrls, LIMITS.list);
  if (contactUrls.length) out.contactUrls = contactUrls;
  const emails = strings(o.emails, LIMITS.list, LIMITS.name);
  if (emails.length) out.emails = emails;
  const social = (o.social ?? [])
    .filter((s) => s && (SOCIAL_NETWORKS as readonly string[]).includes(s.network) && typeof s.url === 'string' && normalisePageUrl(s.url))
    .slice(0, LIMITS.social)
    .map((s) => ({ network: s.network, url: s.url }));
  if (social.length) out.social = social;
  return Object.keys(out).length ? out : undefined;
}

/**
 * The canonical record of a page scored at `scoredAt` by `source`: url and finalUrl both the
 * normalised final URL, the known fields only, in a fixed order, each bounded, the times as UTC
 * (`toISOString`). A page re-scored from its vector keeps its `rescoredAt` (it belongs to the reading
 * of `scoredAt`: pass a record's own). Idempotent.
 * Throws when the page has no http(s) URL or `scoredAt` is not ISO 8601.
 */
export function toSitePage(page: PageScore & { rescoredAt?: string }, scoredAt: string, source: Source, removedAt?: string): SitePage {
  const url = normalisePageUrl(page.finalUrl || page.url);
  if (!url) throw new Error(`not an http(s) page URL: ${JSON.stringify(String(page.finalUrl || page.url).slice(0, 200))}`);
  const scored = canonicalTime(scoredAt);
  if (scored === undefined) throw new Error(`scoredAt is not an ISO 8601 time: ${JSON.stringify(String(scoredAt).slice(0, 40))}`);
  const removed = canonicalTime(removedAt);
  const rescored = canonicalTime(page.rescoredAt);
  const published = isoOrUndefined(page.publishedAt);
  const siteName = oneLine(page.siteName, LIMITS.name);
  const jsonLdSiteName = oneLine(page.jsonLdSiteName, LIMITS.name);
  const outreach = outreachOf(page.outreach);
  // Built in one fixed key order: the canonical JSON breaks ties between records (compareRecords).
  return {
    url,
    finalUrl: url,
    title: oneLine(page.title, LIMITS.title),
    lang: String(page.lang ?? '').slice(0, LIMITS.lang),
    scorerVersion: String(page.scorerVersion ?? '').slice(0, LIMITS.version),
    score: num(page.score, 0, 100),
    components: components(page.components),
    evidence: evidenceOf(page.evidence),
    flags: strings(page.flags, LIMITS.flags, LIMITS.flag),
    ...(published ? { publishedAt: published } : {}),
    feedUrls: httpUrls(page.feedUrls, LIMITS.feeds),
    siteKind: (SITE_KINDS as readonly string[]).includes(page.siteKind) ? page.siteKind : ('other' as SiteKind),
    wordCount: Math.trunc(num(page.wordCount, 0, 10_000_000)),
    ...(siteName ? { siteName } : {}),
    ...(jsonLdSiteName ? { jsonLdSiteName } : {}),
    ...(outreach ? { outreach } : {}),
    scoredAt: scored,
    ...(rescored ? { rescoredAt: rescored } : {}),
    source,
    ...(removed ? { removedAt: removed } : {}),
  };
}

/** An ISO 8601 time as UTC with milliseconds (`Date#toISOString`): one spelling per instant. */
function canonicalTime(s: string | undefined): string | undefined {
  const t = isoInstant(s);
  return t === undefined ? undefined : new Date(t).toISOString();
}

/** The time a record speaks for: its removal, else its score. */
const recordTime = (p: SitePage): string => p.removedAt ?? p.scoredAt;

/**
 * A total order on records (> 0: `a` wins): the newer instant, then a removal over a score, then
 * the later re-score (a record never re-scored comes first), then the canonical JSON.
 */
export function compareRecords(a: SitePage, b: SitePage): number {
  return (
    compareTimes(recordTime(a), recordTime(b)) ||
    (a.removedAt ? 1 : 0) - (b.removedAt ? 1 : 0) ||
    compareTimes(a.rescoredAt, b.rescoredAt) ||
    compareStrings(JSON.stringify(a), JSON.stringify(b))
  );
}

/**
 * The union of page lists (canonical records, see toSitePage): the newest record per URL, the
 * MAX_SITE_PAGES newest of those, sorted by URL. Commutative, associative and idempotent.
 */
export function unionPages(...lists: (readonly SitePage[] | undefined)[]): SitePage[] {
  const byUrl = new Map<string, SitePage>();
  for (const list of lists) {
    for (const p of list ?? []) {
      const prev = byUrl.get(p.url);
      if (!prev || compareRecords(p, prev) > 0) byUrl.set(p.url, p);
    }
  }
  let kept = [...byUrl.values()];
  if (kept.length > MAX_SITE_PAGES) kept = kept.sort((a, b) => compareRecords(b, a)).slice(0, MAX_SITE_PAGES);
  return kept.sort((a, b) => compareStrings(a.url, b.url));
}

/**
 * The pages a site is scored from and lists: the records not removed. Should every kept record be
 * a removal (two devices each removing a different last page), all of them count, so that a site
 * with pages always has a score and the rule stays a function of the set.
 */
export function livePages<T extends SitePage>(records: readonly T[]): T[] {
  const live = records.filter((p) => !p.removedAt);
  return live.length > 0 ? live : [...records];
}

/** The origin most of the pages have (ties: code-unit order, descending: https before http). */
function originOf(pages: readonly SitePage[]): string {
  const counts = new Map<string, number>();
  for (const p of pages) {
    const o = new URL(p.url).origin;
    counts.set(o, (counts.get(o) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || compareStrings(b[0], a[0]))[0][0];
}

/**
 * The roundup year a merged site is measured against: the UTC year of its newest page score. From
 * the data, so that the same pages give the same site score on every side, on any day. (A view for
 * another year — `list --year` — scores the pages again for that year.)
 */
export function roundupYearOfPages(pages: readonly SitePage[]): number | undefined {
  let newest: number | undefined;
  for (const p of pages) {
    const t = isoInstant(p.scoredAt);
    if (t !== undefined && (newest === undefined || t > newest)) newest = t;
  }
  return newest === undefined ? undefined : new Date(newest).getUTCFullYear();
}

/**
 * Which model scored a site's pages, as its site score says it (issue 11): the scorerVersion of most
 * of `pages` (ties: the one of the newest page — its re-score, else its score — then code-unit
 * order); undefined when none has one. From the pages alone, like the rest of the site score: a
 * site whose pages were scored by two models (a curator's model re-scored the crawled pages, a
 * bookmark not yet re-scored) names the one most of them have until the others are re-scored too.
 */
export function scorerVersionOfPages(pages: readonly SitePage[]): string | undefined {
  const tally = new Map<string, { n: number; newest: string }>();
  for (const p of pages) {
    if (!p.scorerVersion) continue;
    const at = compareTimes(p.rescoredAt, p.scoredAt) > 0 ? (p.rescoredAt as string) : p.scoredAt;
    const t = tally.get(p.scorerVersion);
    if (!t) tally.set(p.scorerVersion, { n: 1, newest: at });
    else tally.set(p.scorerVersion, { n: t.n + 1, newest: compareTimes(at, t.newest) > 0 ? at : t.newest });
  }
  const ranked = [...tally].sort(([va, a], [vb, b]) => b.n - a.n || compareTimes(b.newest, a.newest) || compareStrings(vb, va));
  return ranked[0]?.[0];
}

/** scoreSite over the live pages of `records` with the merged activity; undefined when there is no page. */
export function siteScoreOfPages(records: readonly SitePage[], activity?: SiteActivity): SiteScore | undefined {
  const live = livePages(records);
  if (live.length === 0) return undefined;
  const roundupYear = roundupYearOfPages(live);
  const scorerVersion = scorerVersionOfPages(live);
  return scoreSite(live, {
    site: originOf(live),
    ...(roundupYear !== undefined ? { roundupYear } : {}),
    ...(scorerVersion ? { scorerVersion } : {}),
    ...(activity ? { activity: { postDates: activity.postDates, ...(activity.feedUrl ? { feedUrl: activity.feedUrl } : {}), ...(activity.feedTitle ? { feedTitle: activity.feedTitle } : {}) } } : {}),
  });
}

/** The feed part of an activity: URL, title and when they were read. */
function feedOf(a: SiteActivity): { at: string; url: string; title: string } | undefined {
  const url = typeof a.feedUrl === 'string' ? (normalisePageUrl(a.feedUrl) ?? '') : '';
  const title = oneLine(a.feedTitle, LIMITS.name);
  if (!url && !title) return undefined;
  return { at: isoOrUndefined(a.updatedAt) ?? '', url, title };
}

/**
 * The union of activities, canonical: post dates as a sorted set of UTC days (the newest
 * MAX_POST_DATES), the feed URL and title of the latest reading (then code-unit order), its time as
 * `updatedAt` (the latest time of all when no side read a feed). Commutative, associative, idempotent.
 */
export function mergeActivity(...list: (SiteActivity | undefined)[]): SiteActivity | undefined {
  const present = list.filter((a): a is SiteActivity => Boolean(a));
  if (present.length === 0) return undefined;
  const days = new Set<string>();
  for (const a of present) for (const d of Array.isArray(a.postDates) ? a.postDates : []) {
    const day = isoDay(d);
    if (day) days.add(day);
  }
  const out: SiteActivity = { postDates: [...days].sort().slice(-MAX_POST_DATES) };
  let feed: ReturnType<typeof feedOf>;
  for (const a of present) {
    const f = feedOf(a);
    if (f && (!feed || (compareTimes(f.at || undefined, feed.at || undefined) || compareStrings(`${f.url}\n${f.title}`, `${feed.url}\n${feed.title}`)) > 0)) feed = f;
  }
  let updatedAt = feed?.at;
  if (!feed) for (const a of present) if (isoOrUndefined(a.updatedAt) && compareTimes(a.updatedAt, updatedAt) > 0) updatedAt = a.updatedAt;
  if (feed?.url) out.feedUrl = feed.url;
  if (feed?.title) out.feedTitle = feed.title;
  if (updatedAt) out.updatedAt = updatedAt;
  return out;
}
