// Candidates (table `sites`), the curator's curation (table `curation`) and site activity.
// A site's candidate is computed from the union of its pages from every source (the crawl's rows
// and the records imports and sync brought, store/site-pages.ts) and merged with what is there by
// scoring's one merge rule (mergeCandidates, settleCandidate): no rule of our own here.
import {
  isDecision,
  livePages,
  mergeCandidates,
  pagesCandidate,
  rankCandidates,
  recordScoreInHistory,
  scoreSite,
  settleCandidate,
  siteKey,
  type Candidate,
  type Decision,
  type HistoryEntry,
  type SiteActivity,
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
}

const SITE_SELECT = `
  SELECT s.site, s.name, s.score, s.site_score_json, s.sources_json, s.first_seen_at, s.last_scored_at,
         s.history_json, c.decision AS c_decision, c.tags_json AS c_tags_json, c.notes AS c_notes,
         c.curated_at AS c_curated_at
  FROM sites s LEFT JOIN curation c ON c.site = s.site`;

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
  return c;
}

export interface CurationChange {
  decision?: Decision;
  note?: string;
  tags?: string[];
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
      INSERT INTO curation (site, decision, tags_json, notes, curated_at) VALUES (@site, @decision, @tags_json, @notes, @curated_at)
      ON CONFLICT(site) DO UPDATE SET decision=excluded.decision, tags_json=excluded.tags_json, notes=excluded.notes, curated_at=excluded.curated_at`),
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

  function writeCandidate(c: Candidate): void {
    q.upsertSite.run({
      site: c.site,
      name: c.name,
      score: c.siteScore.score,
      site_score_json: JSON.stringify(c.siteScore),
      sources_json: JSON.stringify(c.sources),
      first_seen_at: c.firstSeenAt,
      last_scored_at: c.lastScoredAt,
      history_json: JSON.stringify(c.history),
    });
    q.upsertCuration.run({ site: c.site, decision: c.decision, tags_json: JSON.stringify(c.tags), notes: c.notes, curated_at: c.curatedAt ?? null });
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
    listCandidates(opts: { year?: number; top?: number } = {}): Candidate[] {
      let cands = (q.allSites.all() as SiteRow[]).map(rowToCandidate);
      if (opts.year !== undefined) {
        const year = opts.year;
        const end = `${year + 1}-01-01`;
        cands = cands.map((c) => {
          const scored = livePages(pages.sitePages(c.site)).filter((p) => !p.publishedAt || p.publishedAt < end);
          if (scored.length === 0) return c;
          const activity = pages.getActivity(c.site);
          const options = {
            site: c.siteScore.site,
            roundupYear: year,
            ...(activity ? { activity: { ...activity, postDates: activity.postDates.filter((d) => d < end) } } : {}),
          };
          return { ...c, siteScore: scoreSite(scored, options) };
        });
      }
      const ranked = rankCandidates(cands);
      return opts.top !== undefined ? ranked.slice(0, opts.top) : ranked;
    },
    decide(site: string, change: CurationChange): Candidate {
      const c = getCandidate(site);
      if (!c) throw new Error(`unknown site: ${site}`);
      if (change.decision !== undefined) {
        if (!isDecision(change.decision)) throw new Error(`not a decision: ${String(change.decision)}`);
        c.decision = change.decision;
      }
      if (change.note !== undefined && change.note.trim()) {
        c.notes = c.notes.trim() ? `${c.notes.trim()}\n${change.note.trim()}` : change.note.trim();
      }
      if (change.tags) {
        const seen = new Set(c.tags.map((t) => t.toLowerCase()));
        for (const t of change.tags.map((x) => x.trim()).filter(Boolean)) {
          if (!seen.has(t.toLowerCase())) {
            seen.add(t.toLowerCase());
            c.tags.push(t);
          }
        }
      }
      c.curatedAt = new Date().toISOString();
      writeCandidate(c);
      return c;
    },
  };
}
