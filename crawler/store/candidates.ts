// Candidates (table `sites`), the curator's curation (table `curation`: decision, tags, notes and
// the roundup picks: rank, best place, blurb, rename, each pick's time) and site activity.
// A site's candidate is computed from the union of its pages from every source (the crawl's rows
// and the records imports and sync brought, store/site-pages.ts) and merged with what is there by
// scoring's one merge rule (mergeCandidates, settleCandidate); the curator's edits go through
// scoring's one edit rule (applyRoundupChange): no rule of our own here.
import {
  CURATION_FIELDS,
  applyRoundupChange,
  isBestPlace,
  isDecision,
  isoInstant,
  livePages,
  mergeCandidates,
  pagesCandidate,
  rankCandidates,
  recordScoreInHistory,
  scoreSite,
  scorerVersionOfPages,
  settleCandidate,
  siteKey,
  type Candidate,
  type CurationField,
  type HistoryEntry,
  type RoundupChange,
  type RoundupOptions,
  type SiteActivity,
  type SitePage,
  type SiteScore,
  type Source,
} from '../../scoring/index.ts';
import type Database from './sqlite.ts';
import type { SitePageQueries } from './site-pages.ts';

interface SiteRow {
  site: string;
  name: string;
  score: number;
  site_score_json: string;
  sources_json: string;
  first_seen_at: string;
  last_scored_at: string;
  history_json: string;
  c_decision: string | null;
  c_tags_json: string | null;
  c_notes: string | null;
  c_curated_at: string | null;
  c_roundup_rank: number | null;
  c_best: number | null;
  c_blurb: string | null;
  c_name_override: string | null;
  c_picked_at_json: string | null;
}

const SITE_SELECT = `
  SELECT s.site, s.name, s.score, s.site_score_json, s.sources_json, s.first_seen_at, s.last_scored_at,
         s.history_json, c.decision AS c_decision, c.tags_json AS c_tags_json, c.notes AS c_notes,
         c.curated_at AS c_curated_at, c.roundup_rank AS c_roundup_rank, c.best AS c_best, c.blurb AS c_blurb,
         c.name_override AS c_name_override, c.picked_at_json AS c_picked_at_json
  FROM sites s LEFT JOIN curation c ON c.site = s.site`;

/** Only the pick times of known fields that are ISO 8601 (a hand-edited row cannot smuggle in a key). */
function pickedAtOf(json: string | null): Partial<Record<CurationField, string>> | undefined {
  if (!json) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null) return undefined;
  const out: Partial<Record<CurationField, string>> = {};
  for (const f of CURATION_FIELDS) {
    const t = (raw as Record<string, unknown>)[f];
    if (typeof t === 'string' && isoInstant(t) !== undefined) out[f] = t;
  }
  return out;
}

/** The roundup picks of a curation row onto `c`. */
function readPicks(c: Candidate, r: SiteRow): void {
  if (typeof r.c_roundup_rank === 'number' && Number.isInteger(r.c_roundup_rank) && r.c_roundup_rank >= 1) c.roundupRank = r.c_roundup_rank;
  if (isBestPlace(r.c_best)) c.best = r.c_best;
  if (r.c_blurb) c.blurb = r.c_blurb;
  if (r.c_name_override) {
    c.nameOverride = r.c_name_override;
    c.name = r.c_name_override;
  }
  const pickedAt = pickedAtOf(r.c_picked_at_json);
  if (pickedAt) c.pickedAt = pickedAt;
}

function rowToCandidate(r: SiteRow): Candidate {
  const c: Candidate = {
    site: r.site,
    name: r.name,
    siteScore: JSON.parse(r.site_score_json) as SiteScore,
    sources: JSON.parse(r.sources_json) as Source[],
    decision: r.c_decision && isDecision(r.c_decision) ? r.c_decision : 'undecided',
    tags: r.c_tags_json ? (JSON.parse(r.c_tags_json) as string[]) : [],
    notes: r.c_notes ?? '',
    firstSeenAt: r.first_seen_at,
    lastScoredAt: r.last_scored_at,
    history: JSON.parse(r.history_json) as HistoryEntry[],
  };
  if (r.c_curated_at) c.curatedAt = r.c_curated_at;
  readPicks(c, r);
  return c;
}

/** What `decide` changes: scoring's RoundupChange; `tags` is an older spelling of `addTags`. */
export interface CurationChange extends RoundupChange {
  tags?: string[];
}

export interface DecideResult {
  before: Candidate;
  candidate: Candidate;
  /** Every record the edit wrote (the site, and those a rank or best place moved), before and after. */
  changed: { before: Candidate; after: Candidate }[];
}

export function candidateQueries(db: Database.Database, pages: SitePageQueries) {
  const q = {
    site: db.prepare(`${SITE_SELECT} WHERE s.site = ?`),
    allSites: db.prepare(SITE_SELECT),
    upsertSite: db.prepare(`
      INSERT INTO sites (site, name, score, site_score_json, sources_json, first_seen_at, last_scored_at, history_json)
      VALUES (@site, @name, @score, @site_score_json, @sources_json, @first_seen_at, @last_scored_at, @history_json)
      ON CONFLICT(site) DO UPDATE SET name=excluded.name, score=excluded.score, site_score_json=excluded.site_score_json,
        sources_json=excluded.sources_json, first_seen_at=excluded.first_seen_at, last_scored_at=excluded.last_scored_at,
        history_json=excluded.history_json`),
    upsertCuration: db.prepare(`
      INSERT INTO curation (site, decision, tags_json, notes, curated_at, roundup_rank, best, blurb, name_override, picked_at_json)
      VALUES (@site, @decision, @tags_json, @notes, @curated_at, @roundup_rank, @best, @blurb, @name_override, @picked_at_json)
      ON CONFLICT(site) DO UPDATE SET decision=excluded.decision, tags_json=excluded.tags_json, notes=excluded.notes,
        curated_at=excluded.curated_at, roundup_rank=excluded.roundup_rank, best=excluded.best, blurb=excluded.blurb,
        name_override=excluded.name_override, picked_at_json=excluded.picked_at_json`),
    // What an edit of the roundup can touch: the site itself, the sites in the roundup (a rank
    // moves them) and the sites holding a best place (a place taken from them). Not the whole store.
    roundupSites: db.prepare(`${SITE_SELECT} WHERE s.site = ? OR c.decision IN ('include', 'shortlist') OR c.best IS NOT NULL`),
    decided: db.prepare(`SELECT c.site, c.decision FROM curation c JOIN sites s ON s.site = c.site WHERE c.decision IN ('include', 'shortlist', 'exclude') ORDER BY c.site`),
  };

  function getCandidate(site: string): Candidate | undefined {
    let key: string;
    try {
      key = siteKey(site);
    } catch {
      return undefined;
    }
    const r = q.site.get(key) as SiteRow | undefined;
    return r ? rowToCandidate(r) : undefined;
  }

  function siteRowOf(c: Candidate) {
    return {
      site: c.site,
      name: c.name,
      score: c.siteScore.score,
      site_score_json: JSON.stringify(c.siteScore),
      sources_json: JSON.stringify(c.sources),
      first_seen_at: c.firstSeenAt,
      last_scored_at: c.lastScoredAt,
      history_json: JSON.stringify(c.history),
    };
  }

  function writeCandidate(c: Candidate): void {
    q.upsertSite.run(siteRowOf(c));
    writeCuration(c);
  }

  function writeCuration(c: Candidate): void {
    q.upsertCuration.run({
      site: c.site,
      decision: c.decision,
      tags_json: JSON.stringify(c.tags),
      notes: c.notes,
      curated_at: c.curatedAt ?? null,
      roundup_rank: c.roundupRank ?? null,
      best: c.best ?? null,
      blurb: c.blurb ?? null,
      name_override: c.nameOverride ?? null,
      picked_at_json: c.pickedAt ? JSON.stringify(c.pickedAt) : null,
    });
  }

  /** The candidate with the site's pages and activity as the store knows them (none: as it is). */
  function withPages(c: Candidate): Candidate {
    const sitePages = pages.sitePages(c.site);
    const activity = pages.getActivity(c.site);
    if (sitePages.length === 0 && !activity) return c;
    const out: Candidate = { ...c };
    if (sitePages.length) out.pages = sitePages;
    if (activity) out.activity = activity;
    return out;
  }

  /** Merge `c` (an import, a sync POST) into the store: its pages join the site's, the score is the union's. */
  function upsertCandidate(c: Candidate): Candidate {
    const incoming = settleCandidate({ ...c, site: siteKey(c.site) });
    const existing = getCandidate(incoming.site);
    const merged = existing ? recordScoreInHistory(mergeCandidates(withPages(existing), incoming)) : incoming;
    writeCandidate(merged);
    if (merged.pages) pages.writeSitePages(merged.site, merged.pages);
    if (merged.activity) pages.mergeActivity(merged.site, merged.activity);
    return merged;
  }

  /**
   * A site's score as of a roundup year (list --year): its live pages of the union published by the
   * year's end, its post dates up to then. No page by then: the candidate as it is.
   */
  function scoredAsOf(c: Candidate, sitePages: readonly SitePage[], activity: SiteActivity | undefined, year: number): Candidate {
    const end = `${year + 1}-01-01`;
    const scored = livePages(sitePages).filter((p) => !p.publishedAt || p.publishedAt < end);
    if (scored.length === 0) return c;
    const scorerVersion = scorerVersionOfPages(scored);
    const options = {
      site: c.siteScore.site,
      roundupYear: year,
      ...(scorerVersion ? { scorerVersion } : {}),
      ...(activity ? { activity: { ...activity, postDates: activity.postDates.filter((d) => d < end) } } : {}),
    };
    return { ...c, siteScore: scoreSite(scored, options) };
  }

  /** Every candidate re-scored as of `year` (in place): one streamed pass over every site's union of pages, one read of the activity table. */
  function rescoreAsOf(cands: Candidate[], year: number): void {
    const index = new Map(cands.map((c, i) => [c.site, i]));
    const activities = pages.allActivity();
    for (const { site, pages: sitePages } of pages.sitePagesBySite()) {
      const i = index.get(site);
      if (i !== undefined) cands[i] = scoredAsOf(cands[i], sitePages, activities.get(site), year);
    }
  }

  /** Re-computes a site from the union of its pages (crawled rows and records from elsewhere) and merges it into its candidate. */
  function reaggregate(key: string, at: string, source: Source): void {
    const sitePages = pages.sitePages(key);
    if (sitePages.length === 0) return;
    const incoming = pagesCandidate(sitePages, source, at, pages.getActivity(key));
    const existing = getCandidate(key);
    const { pages: _pages, activity: _activity, ...merged } = existing ? recordScoreInHistory(mergeCandidates(existing, incoming)) : incoming;
    writeCandidate(merged);
  }

  return {
    getCandidate,
    upsertCandidate,
    /** The sites the curator decided (include, shortlist, exclude): the labels `train` learns from. */
    decisions(): { site: string; decision: 'include' | 'shortlist' | 'exclude' }[] {
      return q.decided.all() as { site: string; decision: 'include' | 'shortlist' | 'exclude' }[];
    },
    getSiteActivity: (site: string): SiteActivity | undefined => pages.getActivity(siteKey(site)),
    reaggregate,
    /** The site's pages from every source (newest per URL, removed ones as tombstones): what its score is computed from. */
    sitePages: (site: string) => pages.sitePages(siteKey(site)),
    /** The candidates with their pages and activity, for a JSON export or the sync server. */
    withPages: (list: Candidate[]): Candidate[] => list.map(withPages),
    setSiteActivity(site: string, activity: SiteActivity): void {
      const key = siteKey(site);
      pages.mergeActivity(key, { ...activity, updatedAt: new Date().toISOString() });
      const c = getCandidate(key);
      if (c) reaggregate(key, new Date().toISOString(), c.sources[0] ?? 'crawl');
    },
    /**
     * Every candidate, ranked (scoring's rankCandidates). One statement iterated (rows parsed as
     * they come, none kept as text); with `year`, every site re-scored as of that roundup year
     * from one ordered pass over the scored pages and one read of the activity table.
     */
    listCandidates(opts: { year?: number; top?: number } = {}): Candidate[] {
      const cands: Candidate[] = [];
      for (const r of q.allSites.iterate() as IterableIterator<SiteRow>) cands.push(rowToCandidate(r));
      if (opts.year !== undefined) rescoreAsOf(cands, opts.year);
      const ranked = rankCandidates(cands);
      return opts.top !== undefined ? ranked.slice(0, opts.top) : ranked;
    },
    /**
     * One curator edit through scoring's rule (applyRoundupChange): the site's picks, and its rank
     * and best place with the other sites they move. Returns the site before and after, and every
     * record written with what it was. Throws PickError on a value the rule refuses.
     */
    decide(site: string, change: CurationChange, at = new Date().toISOString(), opts: RoundupOptions = {}): DecideResult {
      const key = getCandidate(site)?.site;
      if (!key) throw new Error(`unknown site: ${site}`);
      const { tags, ...rest } = change;
      const roundupChange: RoundupChange = tags ? { ...rest, addTags: [...(rest.addTags ?? []), ...tags] } : rest;
      const list = (q.roundupSites.all(key) as SiteRow[]).map(rowToCandidate);
      const was = new Map(list.map((c) => [c.site, c]));
      const edit = applyRoundupChange(list, key, roundupChange, at, opts);
      for (const c of edit.changed) writeCuration(c);
      const before = was.get(key) as Candidate;
      const candidate = edit.candidates.find((c) => c.site === key) as Candidate;
      // A rename is the shown name: keep the site row's copy in step.
      if (candidate.nameOverride !== before.nameOverride) q.upsertSite.run(siteRowOf(candidate));
      return { before, candidate, changed: edit.changed.map((c) => ({ before: was.get(c.site) as Candidate, after: c })) };
    },
  };
}
