// Candidates out as JSON (full fidelity) and back in from JSON or CSV. CSV and the Markdown
// roundup live in csv.ts and markdown.ts.
// Import is all or nothing: the first bad record throws an ImportError naming it.
import Papa from 'papaparse';
import { PICK_LIMITS, isBestPlace, isDecision, isSource, rankCandidates, settleCandidate } from './candidate.ts';
import { mergeActivity, toSitePage } from './site-pages.ts';
import { CSV_COLUMNS, csvUncell, decodeList } from './csv.ts';
import { siteKey } from './url.ts';
import { isoOrUndefined } from './time.ts';
import { socialProfile } from './outreach.ts';
import type { Candidate, ComponentName, CurationField, PageScore, SiteActivity, SiteComponents, SiteKind, SiteOutreach, SitePage, SiteQuote, SiteScore, SocialNetwork, Source } from './types.ts';
import { COMPONENT_NAMES, CURATION_FIELDS, SITE_KINDS, SOCIAL_NETWORKS } from './types.ts';


export const JSON_FORMAT = 'mentor-radar/candidates';
/**
 * 2: the curator's picks (roundupRank, best, blurb, nameOverride, pickedAt) and the site's quotes
 * and outreach. 3: each site's `pages` (the page records its score is computed from, removed ones
 * as tombstones; see site-pages.ts) and `activity`. Versions 1 and 2 are still read (their sites
 * have no pages: each keeps the score it came with until a page of it is known).
 */
export const JSON_VERSION = 3;
const READABLE_VERSIONS = [1, 2, 3];

export interface CandidatesFile {
  format: typeof JSON_FORMAT;
  version: typeof JSON_VERSION;
  exportedAt: string;
  candidates: Candidate[];
}

/** Full-fidelity JSON: what `mentor-radar import` and the extension's import read back. */
export function candidatesToJson(candidates: Candidate[], exportedAt: string, opts: { top?: number } = {}): string {
  const file: CandidatesFile = {
    format: JSON_FORMAT,
    version: JSON_VERSION,
    exportedAt,
    candidates: rankCandidates(candidates).slice(0, opts.top ?? Infinity),
  };
  return JSON.stringify(file, null, 2) + '\n';
}

// ---------------------------------------------------------------- import

export class ImportError extends Error {
  override name = 'ImportError';
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const str = (x: unknown, fallback = ''): string => (typeof x === 'string' ? x : fallback);
const num01 = (x: unknown): number => {
  const n = typeof x === 'number' ? x : Number(x);
  return Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0;
};
const score100 = (x: unknown, where: string): number => {
  const n = typeof x === 'number' ? x : Number(x);
  if (!Number.isFinite(n) || n < 0 || n > 100) throw new ImportError(`${where}: score must be a number in 0..100`);
  return n;
};
const isoOr = (x: unknown, fallback: string): string => isoOrUndefined(x) ?? fallback;
const kindOf = (x: unknown): SiteKind => ((SITE_KINDS as readonly string[]).includes(str(x)) ? (x as SiteKind) : 'other');

function httpUrl(x: unknown, where: string): string {
  const s = str(x);
  if (!s) return '';
  try {
    const u = new URL(s);
    if (u.protocol === 'http:' || u.protocol === 'https:') return u.href;
  } catch {
    /* fall through */
  }
  throw new ImportError(`${where}: not an http(s) URL: ${JSON.stringify(s.slice(0, 100))}`);
}

function siteComponents(x: unknown): SiteComponents {
  const c = isObj(x) ? x : {};
  return {
    relevance: num01(c.relevance),
    mentorGuidance: num01(c.mentorGuidance),
    programGuidance: num01(c.programGuidance),
    actionability: num01(c.actionability),
    quality: num01(c.quality),
    freshness: num01(c.freshness),
    activity: num01(c.activity),
    coverage: num01(c.coverage),
  };
}

/** Keys that name a host; `__proto__`, `constructor` and the like are not hosts (and must never become object keys). */
const HOST_KEY_RE = /^(?:[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?(?::\d{1,5})?$|^\[[0-9a-f:.]+\](?::\d{1,5})?$/;
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype', 'hasownproperty', 'tostring', 'valueof']);

function siteKeyOf(raw: string, where: string, field: string): string {
  let key: string;
  try {
    key = siteKey(raw);
  } catch (e) {
    throw new ImportError(`${where}: ${field}: ${(e as Error).message}`);
  }
  if (!HOST_KEY_RE.test(key) || RESERVED_KEYS.has(key.replace(/:\d+$/, ''))) {
    throw new ImportError(`${where}: ${field} is not a host name: ${JSON.stringify(raw.slice(0, 100))}`);
  }
  return key;
}

function positiveInt(x: unknown, where: string, field: string, max: number): number | undefined {
  if (x === undefined || x === null || x === '') return undefined;
  const n = typeof x === 'number' ? x : Number(x);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new ImportError(`${where}: ${field} must be a whole number from 1 to ${max}, got ${JSON.stringify(String(x).slice(0, 20))}`);
  return n;
}

function quotesOf(x: unknown, where: string): SiteQuote[] {
  if (!Array.isArray(x)) return [];
  return x.slice(0, 20).filter(isObj).map((q) => {
    const url = httpUrl(q.url, `${where}: quote`);
    if (!url) throw new ImportError(`${where}: a quote has no page URL`);
    const component = (COMPONENT_NAMES as readonly string[]).includes(str(q.component)) ? (q.component as ComponentName) : 'relevance';
    return { url, title: str(q.title), component, text: str(q.text) };
  });
}

function socialOf(x: unknown, where: string): { network: SocialNetwork; url: string }[] {
  if (!Array.isArray(x)) return [];
  return x.slice(0, 20).filter(isObj).map((p) => {
    const url = httpUrl(p.url, `${where}: social profile`);
    const network = str(p.network);
    if (!url || !(SOCIAL_NETWORKS as readonly string[]).includes(network)) throw new ImportError(`${where}: not a social profile: ${JSON.stringify(String(p.url).slice(0, 100))}`);
    return { network: network as SocialNetwork, url };
  });
}

function outreachOf(x: unknown, where: string): SiteOutreach | undefined {
  if (!isObj(x)) return undefined;
  const o: SiteOutreach = {};
  if (str(x.author)) o.author = str(x.author);
  const contact = httpUrl(x.contactUrl, `${where}: contact page`);
  if (contact) o.contactUrl = contact;
  if (str(x.email)) o.email = str(x.email);
  const social = socialOf(x.social, where);
  if (social.length) o.social = social;
  return Object.keys(o).length ? o : undefined;
}

function pickedAtOf(x: unknown): Partial<Record<CurationField, string>> | undefined {
  if (!isObj(x)) return undefined;
  const out: Partial<Record<CurationField, string>> = {};
  // Only the known fields are read: no key of the file ever becomes a key of ours.
  for (const f of CURATION_FIELDS) {
    const t = isoOrUndefined(x[f]);
    if (t) out[f] = t;
  }
  return out;
}

function siteScoreOf(s: Record<string, unknown>, x: Record<string, unknown>, key: string, where: string): SiteScore {
  const origin = httpUrl(s.site, where) || `https://${key}`;
  const siteScore: SiteScore = {
    site: new URL(origin).origin,
    name: str(s.name, str(x.name)),
    score: score100(s.score, where),
    components: siteComponents(s.components),
    pagesScored: Math.max(0, Math.trunc(Number(s.pagesScored) || 0)),
    mentoringPages: Math.max(0, Math.trunc(Number(s.mentoringPages) || 0)),
    bestPageUrl: httpUrl(s.bestPageUrl, where),
    siteKind: kindOf(s.siteKind),
    reasons: Array.isArray(s.reasons) ? s.reasons.filter((r): r is string => typeof r === 'string').slice(0, 3) : [],
    scorerVersion: str(s.scorerVersion, 'unknown'),
  };
  const lastPostAt = isoOrUndefined(s.lastPostAt);
  if (lastPostAt) siteScore.lastPostAt = lastPostAt;
  const feed = httpUrl(s.feedUrl, where);
  if (feed) siteScore.feedUrl = feed;
  const quotes = quotesOf(s.quotes, where);
  if (quotes.length) siteScore.quotes = quotes;
  const outreach = outreachOf(s.outreach, where);
  if (outreach) siteScore.outreach = outreach;
  return siteScore;
}

function pageOf(x: unknown, where: string, key: string): SitePage {
  if (!isObj(x)) throw new ImportError(`${where}: not an object`);
  const url = httpUrl(x.url, where);
  const finalUrl = httpUrl(x.finalUrl, where) || url;
  if (!finalUrl) throw new ImportError(`${where}: missing "url"`);
  if (siteKeyOf(finalUrl, where, 'url') !== key) throw new ImportError(`${where}: ${JSON.stringify(finalUrl.slice(0, 100))} is not a page of ${key}`);
  const scoredAt = isoOrUndefined(x.scoredAt);
  if (!scoredAt) throw new ImportError(`${where}: scoredAt must be an ISO 8601 time`);
  if (x.removedAt !== undefined && !isoOrUndefined(x.removedAt)) throw new ImportError(`${where}: removedAt must be an ISO 8601 time`);
  if (x.rescoredAt !== undefined && !isoOrUndefined(x.rescoredAt)) throw new ImportError(`${where}: rescoredAt must be an ISO 8601 time`);
  const list = (v: unknown) => (Array.isArray(v) ? v : []);
  const outreach = isObj(x.outreach) ? x.outreach : {};
  const page: PageScore & { rescoredAt?: string } = {
    url,
    finalUrl,
    title: str(x.title),
    lang: str(x.lang),
    scorerVersion: str(x.scorerVersion, 'unknown'),
    score: score100(x.score, where),
    components: siteComponents(x.components),
    evidence: list(x.evidence).filter(isObj).map((e) => ({ component: str(e.component) as ComponentName, text: str(e.text) })),
    flags: list(x.flags).filter((f): f is string => typeof f === 'string'),
    feedUrls: list(x.feedUrls).filter((f): f is string => typeof f === 'string'),
    siteKind: kindOf(x.siteKind),
    wordCount: Math.max(0, Math.trunc(Number(x.wordCount) || 0)),
    outreach: {
      authors: list(outreach.authors).filter((a): a is string => typeof a === 'string'),
      contactUrls: list(outreach.contactUrls).filter((a): a is string => typeof a === 'string'),
      emails: list(outreach.emails).filter((a): a is string => typeof a === 'string'),
      social: list(outreach.social).filter(isObj).map((p) => ({ network: str(p.network) as SocialNetwork, url: str(p.url) })),
    },
  };
  if (str(x.publishedAt)) page.publishedAt = str(x.publishedAt);
  if (str(x.siteName)) page.siteName = str(x.siteName);
  if (str(x.jsonLdSiteName)) page.jsonLdSiteName = str(x.jsonLdSiteName);
  const rescoredAt = isoOrUndefined(x.rescoredAt);
  if (rescoredAt) page.rescoredAt = rescoredAt;
  return toSitePage(page, scoredAt, isSource(x.source) ? x.source : 'import', isoOrUndefined(x.removedAt));
}

function activityOf(x: unknown, where: string): SiteActivity | undefined {
  if (!isObj(x)) return undefined;
  const a: SiteActivity = { postDates: (Array.isArray(x.postDates) ? x.postDates : []).filter((d): d is string => typeof d === 'string') };
  const feed = httpUrl(x.feedUrl, `${where}: activity`);
  if (feed) a.feedUrl = feed;
  if (str(x.feedTitle)) a.feedTitle = str(x.feedTitle);
  const at = isoOrUndefined(x.updatedAt);
  if (at) a.updatedAt = at;
  return mergeActivity(a);
}

function candidateFromJson(x: unknown, i: number, now: string): Candidate {
  const where = `candidate ${i + 1}`;
  if (!isObj(x)) throw new ImportError(`${where}: not an object`);
  const rawSite = str(x.site);
  if (!rawSite) throw new ImportError(`${where}: missing "site"`);
  const key = siteKeyOf(rawSite, where, 'site');
  const s = isObj(x.siteScore) ? x.siteScore : null;
  if (!s) throw new ImportError(`${where}: missing "siteScore"`);
  // The record's key is the host of its score's site: "__proto__" or another site's key would
  // otherwise file this site's score under a second, wrong key.
  if (str(s.site) && siteKeyOf(str(s.site), where, 'siteScore.site') !== key) {
    throw new ImportError(`${where}: site ${JSON.stringify(rawSite.slice(0, 100))} is not the host of its siteScore.site ${JSON.stringify(str(s.site).slice(0, 100))}`);
  }
  const siteScore = siteScoreOf(s, x, key, where);
  const decision = x.decision === undefined ? 'undecided' : x.decision;
  if (!isDecision(decision)) throw new ImportError(`${where}: unknown decision ${JSON.stringify(decision)}`);
  const sources = (Array.isArray(x.sources) ? x.sources : []).filter(isSource) as Source[];
  const history = (Array.isArray(x.history) ? x.history : [])
    .filter(isObj)
    .map((h) => ({ year: Math.trunc(Number(h.year)), score: Number(h.score) }))
    .filter((h) => Number.isFinite(h.year) && Number.isFinite(h.score) && h.score >= 0 && h.score <= 100);
  const c: Candidate = {
    site: key,
    name: '',
    siteScore,
    sources: sources.length ? sources : ['import'],
    decision,
    tags: (Array.isArray(x.tags) ? x.tags : []).filter((t): t is string => typeof t === 'string' && t.trim() !== ''),
    notes: str(x.notes),
    firstSeenAt: isoOr(x.firstSeenAt, now),
    lastScoredAt: isoOr(x.lastScoredAt, now),
    history,
  };
  const rank = positiveInt(x.roundupRank, where, 'roundupRank', PICK_LIMITS.rank);
  if (rank !== undefined) c.roundupRank = rank;
  if (x.best !== undefined && x.best !== null && x.best !== 0 && x.best !== '') {
    const best = typeof x.best === 'string' ? Number(x.best) : x.best;
    if (!isBestPlace(best)) throw new ImportError(`${where}: best must be 1, 2 or 3, got ${JSON.stringify(String(x.best).slice(0, 20))}`);
    c.best = best;
  }
  if (str(x.blurb)) c.blurb = str(x.blurb);
  if (str(x.nameOverride)) c.nameOverride = str(x.nameOverride);
  // The record's own name as exported (old stores kept it apart from the computed one).
  c.name = c.nameOverride || str(x.name) || siteScore.name || key;
  const curatedAt = isoOrUndefined(x.curatedAt);
  if (curatedAt) c.curatedAt = curatedAt;
  const pickedAt = pickedAtOf(x.pickedAt);
  if (pickedAt) c.pickedAt = pickedAt;
  const activity = activityOf(x.activity, where);
  if (activity) c.activity = activity;
  if (Array.isArray(x.pages)) {
    c.pages = x.pages.map((p, j) => pageOf(p, `${where}: page ${j + 1}`, key));
    // The score of a site with pages is always the score of its pages, whatever the file says.
    return settleCandidate(c);
  }
  return c;
}

/** Strip the leading quote a version-1 exporter put before formula-like cells only. */
const uncellV1 = (v: string): string => (v.startsWith("'") && /^[=+\-@\t\r]/.test(v.slice(1)) ? v.slice(1) : v);
/** Version-1 lists: joined with "; ", no escapes. */
const splitListV1 = (v: string): string[] =>
  v
    .split(/;\s/)
    .map((t) => t.trim())
    .filter(Boolean);

function candidatesFromCsv(text: string, now: string): Candidate[] {
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy' });
  const fields = parsed.meta.fields ?? [];
  const missing = ['site', 'score'].filter((f) => !fields.includes(f));
  if (missing.length) throw new ImportError(`CSV is missing the column(s): ${missing.join(', ')}`);
  const bad = parsed.errors.find((e) => e.type !== 'FieldMismatch' || e.code !== 'TooFewFields');
  if (bad) throw new ImportError(`CSV row ${(bad.row ?? 0) + 2}: ${bad.message}`);
  // Files with site_url are this exporter's (every leading apostrophe is ours, lists escaped).
  const current = fields.includes('site_url');
  const uncell = current ? csvUncell : uncellV1;
  const list = current ? decodeList : splitListV1;
  return parsed.data.map((raw, i) => {
    const r: Partial<Record<(typeof CSV_COLUMNS)[number], string>> = {};
    for (const col of CSV_COLUMNS) if (typeof raw[col] === 'string') r[col] = uncell(raw[col]);
    const site = r.site ?? '';
    const where = `CSV row ${i + 2}`;
    try {
      const social = list(r.social_links ?? '').map((u) => {
        const p = socialProfile(u);
        if (!p) throw new ImportError(`candidate ${i + 1}: social_links: not a profile URL: ${JSON.stringify(u.slice(0, 100))}`);
        return p;
      });
      return candidateFromJson(
        {
          site,
          name: r.name,
          sources: list(r.sources ?? ''),
          decision: r.decision || 'undecided',
          roundupRank: r.roundup_rank,
          best: r.best,
          blurb: r.blurb,
          tags: list(r.tags ?? ''),
          notes: r.notes ?? '',
          firstSeenAt: r.first_seen_at,
          lastScoredAt: r.last_scored_at,
          history: [],
          siteScore: {
            site: r.site_url || (site && !site.includes('://') ? `https://${site}` : site),
            name: r.name,
            score: r.score === '' ? NaN : Number(r.score),
            components: {
              relevance: r.relevance,
              mentorGuidance: r.mentor_guidance,
              programGuidance: r.program_guidance,
              actionability: r.actionability,
              quality: r.quality,
              freshness: r.freshness,
              activity: r.activity,
            },
            pagesScored: r.pages_scored,
            mentoringPages: r.mentoring_pages,
            bestPageUrl: r.best_page_url,
            lastPostAt: r.last_post_at,
            feedUrl: r.feed_url,
            siteKind: r.site_kind,
            reasons: list(r.reasons ?? ''),
            scorerVersion: r.scorer_version,
            outreach: { author: r.author, contactUrl: r.contact_url, email: r.email, social },
          },
        },
        i,
        now,
      );
    } catch (e) {
      // Name the spreadsheet's row, not the record's index.
      if (e instanceof ImportError) throw new ImportError(`${e.message} (${where})`);
      throw e;
    }
  });
}

/**
 * Read an export (ours or the extension's): JSON (the candidates file or a bare array) or CSV.
 * All or nothing: the first bad record throws an ImportError naming it (its number, or its CSV row).
 */
export function parseCandidates(text: string, now: string): Candidate[] {
  const body = text.replace(/^\uFEFF+/, '').trim();
  if (!body) throw new ImportError('the file is empty');
  if (body.startsWith('{') || body.startsWith('[')) {
    let data: unknown;
    try {
      data = JSON.parse(body);
    } catch (e) {
      throw new ImportError(`not valid JSON: ${(e as Error).message}`);
    }
    let list: unknown;
    if (Array.isArray(data)) list = data;
    else if (isObj(data) && data.format === JSON_FORMAT) {
      if (!READABLE_VERSIONS.includes(data.version as number)) throw new ImportError(`unsupported export version ${String(data.version)}`);
      list = data.candidates;
    } else throw new ImportError(`not a Mentor Radar export (expected "format": "${JSON_FORMAT}")`);
    if (!Array.isArray(list)) throw new ImportError('"candidates" is not a list');
    return list.map((x, i) => candidateFromJson(x, i, now));
  }
  const firstLine = body.split(/\r?\n/, 1)[0];
  if (!/(^|,)"?site"?(,|$)/.test(firstLine)) {
    throw new ImportError('neither JSON nor a CSV with a "site" column');
  }
  return candidatesFromCsv(body, now);
}
