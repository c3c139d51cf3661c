// The SQLite store (better-sqlite3, WAL, busy timeout): pages, sites (candidates), curation
// (decisions/tags/notes), per-year snapshots, crawls, and the crawler's persisted state
// (frontier, robots cache). Schema migrations are numbered in code and run on open, each in
// its own transaction. Every page write and its site's re-aggregation happen in one transaction.
import Database from './sqlite.ts';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  mergeCandidates,
  newCandidate,
  rankCandidates,
  scoreSite,
  siteKey,
  type Candidate,
  type Decision,
  type HistoryEntry,
  type PageScore,
  type SiteActivityInput,
  type SiteScore,
  type Source,
} from '../../scoring/index.ts';
import { isDecision } from '../../scoring/index.ts';
import type { CrawlReport } from '../report.ts';

export const DEFAULT_DB = 'data/mentor-radar.db';

export type PageStatus = 'scored' | 'skipped' | 'failed';

export interface PageRecord {
  url: string;
  status: PageStatus;
  fetchedAt: string;
  httpStatus?: number;
  error?: string;
  errorKind?: string;
  page?: PageScore;
  crawlId?: number;
  /** Hash of the page's main text, for change detection (schedule). */
  contentHash?: string;
}

export interface PageRow {
  url: string;
  site: string;
  status: PageStatus;
  fetchedAt: string;
  httpStatus?: number;
  error?: string;
  errorKind?: string;
  score?: number;
  contentHash?: string;
  changedAt?: string;
  crawlId?: number;
}

export interface SiteFreshness {
  site: string;
  /** Newest fetch of any of its pages. */
  lastFetchedAt?: string;
  /** Newest time a page's content hash changed (or first appeared). */
  lastChangedAt?: string;
  pages: number;
}

export interface Store {
  readonly path: string;
  /** The connection, for the crawler's own modules (frontier, robots cache). */
  readonly db: Database.Database;
  close(): void;
  schemaVersion(): number;
  savePage(rec: PageRecord, source?: Source): void;
  hasPage(url: string): boolean;
  getPage(url: string): PageRow | undefined;
  pagesOfSite(site: string): PageScore[];
  pageCount(filter?: { status?: PageStatus; crawlId?: number }): number;
  setSiteActivity(site: string, activity: SiteActivityInput): void;
  getSiteActivity(site: string): SiteActivityInput | undefined;
  listCandidates(opts?: { year?: number; top?: number }): Candidate[];
  getCandidate(site: string): Candidate | undefined;
  upsertCandidate(c: Candidate): Candidate;
  decide(site: string, change: { decision?: Decision; note?: string; tags?: string[] }): Candidate;
  snapshotYear(year: number): void;
  snapshot(year: number): Map<string, number>;
  snapshotYears(): number[];
  siteFreshness(): SiteFreshness[];
  beginCrawl(options: unknown): number;
  finishCrawl(id: number, report: CrawlReport): void;
  lastCrawl(): { id: number; report: CrawlReport } | undefined;
  /** The newest crawl that never finished (killed or interrupted), with its options. */
  unfinishedCrawl(): { id: number; options: unknown; startedAt: string } | undefined;
  getCrawl(id: number): { id: number; options: unknown; startedAt: string; finishedAt?: string; report?: CrawlReport } | undefined;
}

// ---------------------------------------------------------------------------------------------
// Migrations: append only. Each runs once, in a transaction, and bumps user_version.

export const MIGRATIONS: { version: number; name: string; up: string }[] = [
  {
    version: 1,
    name: 'pages, sites, crawls',
    up: `
      CREATE TABLE pages (
        url TEXT PRIMARY KEY,
        site TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('scored','skipped','failed')),
        fetched_at TEXT NOT NULL,
        http_status INTEGER,
        error TEXT,
        score REAL,
        page_json TEXT
      );
      CREATE INDEX pages_site ON pages(site);
      CREATE TABLE sites (
        site TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        score REAL NOT NULL,
        site_score_json TEXT NOT NULL,
        sources_json TEXT NOT NULL,
        decision TEXT NOT NULL DEFAULT 'undecided',
        tags_json TEXT NOT NULL DEFAULT '[]',
        notes TEXT NOT NULL DEFAULT '',
        first_seen_at TEXT NOT NULL,
        last_scored_at TEXT NOT NULL,
        history_json TEXT NOT NULL DEFAULT '[]'
      );
      CREATE TABLE crawls (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        options_json TEXT NOT NULL,
        report_json TEXT
      );
    `,
  },
  {
    version: 2,
    name: 'curation table, per-year snapshots, site activity, error kinds, crawl id on pages',
    up: `
      CREATE TABLE curation (
        site TEXT PRIMARY KEY,
        decision TEXT NOT NULL DEFAULT 'undecided',
        tags_json TEXT NOT NULL DEFAULT '[]',
        notes TEXT NOT NULL DEFAULT '',
        curated_at TEXT
      );
      INSERT INTO curation (site, decision, tags_json, notes)
        SELECT site, decision, tags_json, notes FROM sites
        WHERE decision <> 'undecided' OR tags_json <> '[]' OR notes <> '';
      CREATE TABLE snapshots (
        year INTEGER NOT NULL,
        site TEXT NOT NULL,
        score REAL NOT NULL,
        taken_at TEXT NOT NULL,
        PRIMARY KEY (year, site)
      );
      CREATE TABLE site_activity (
        site TEXT PRIMARY KEY,
        post_dates_json TEXT NOT NULL,
        feed_url TEXT,
        updated_at TEXT NOT NULL
      );
      ALTER TABLE pages ADD COLUMN error_kind TEXT;
      ALTER TABLE pages ADD COLUMN crawl_id INTEGER;
    `,
  },
  {
    version: 3,
    name: 'crawler state: frontier, robots cache, content hashes',
    up: `
      CREATE TABLE frontier (
        url TEXT PRIMARY KEY,
        site TEXT NOT NULL,
        origin TEXT NOT NULL,
        priority REAL NOT NULL,
        hops INTEGER NOT NULL DEFAULT 0,
        kind TEXT NOT NULL DEFAULT 'page',
        state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued','inflight','done')),
        parent TEXT,
        added_at TEXT NOT NULL
      );
      CREATE INDEX frontier_pick ON frontier(state, priority DESC);
      CREATE INDEX frontier_site ON frontier(site);
      CREATE TABLE robots (
        origin TEXT PRIMARY KEY,
        status TEXT NOT NULL,
        body TEXT,
        fetched_at TEXT NOT NULL
      );
      ALTER TABLE pages ADD COLUMN content_hash TEXT;
      ALTER TABLE pages ADD COLUMN changed_at TEXT;
    `,
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/** Brings a database up to `target` (default: the newest version). Exported for tests. */
export function migrate(db: Database.Database, target = SCHEMA_VERSION): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new Error(`database schema ${current} is newer than this Mentor Radar (${SCHEMA_VERSION}); upgrade the program`);
  }
  for (const m of MIGRATIONS) {
    if (m.version <= current || m.version > target) continue;
    db.transaction(() => {
      db.exec(m.up);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
  return db.pragma('user_version', { simple: true }) as number;
}

// ---------------------------------------------------------------------------------------------

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

function safeSiteKey(urlOrKey: string): string {
  return siteKey(urlOrKey);
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

const KEEP_SCORED = `(excluded.status <> 'scored' AND pages.status = 'scored' AND pages.page_json IS NOT NULL)`;

export function openStore(path: string = DEFAULT_DB): Store {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  migrate(db);

  const q = {
    upsertPage: db.prepare(`
      INSERT INTO pages (url, site, status, fetched_at, http_status, error, error_kind, score, page_json, crawl_id, content_hash, changed_at)
      VALUES (@url, @site, @status, @fetched_at, @http_status, @error, @error_kind, @score, @page_json, @crawl_id, @content_hash, @changed_at)
      ON CONFLICT(url) DO UPDATE SET site=excluded.site,
        http_status=excluded.http_status, error=excluded.error, error_kind=excluded.error_kind, crawl_id=excluded.crawl_id,
        -- A failed or skipped re-fetch of a page scored before keeps its score (a passing 503 must
        -- not erase it); only the error of the attempt is recorded.
        status=CASE WHEN ${KEEP_SCORED} THEN pages.status ELSE excluded.status END,
        fetched_at=CASE WHEN ${KEEP_SCORED} THEN pages.fetched_at ELSE excluded.fetched_at END,
        score=CASE WHEN ${KEEP_SCORED} THEN pages.score ELSE excluded.score END,
        page_json=CASE WHEN ${KEEP_SCORED} THEN pages.page_json ELSE excluded.page_json END,
        content_hash=CASE WHEN ${KEEP_SCORED} THEN pages.content_hash ELSE excluded.content_hash END,
        changed_at=CASE WHEN ${KEEP_SCORED} THEN pages.changed_at ELSE excluded.changed_at END`),
    pageByUrl: db.prepare(`SELECT url, site, status, fetched_at, http_status, error, error_kind, score, content_hash, changed_at, crawl_id FROM pages WHERE url = ?`),
    hasPage: db.prepare(`SELECT 1 FROM pages WHERE url = ?`),
    pagesOfSite: db.prepare(`SELECT page_json FROM pages WHERE site = ? AND status = 'scored' AND page_json IS NOT NULL ORDER BY url`),
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
    activity: db.prepare(`SELECT post_dates_json, feed_url FROM site_activity WHERE site = ?`),
    upsertActivity: db.prepare(`
      INSERT INTO site_activity (site, post_dates_json, feed_url, updated_at) VALUES (?, ?, ?, ?)
      ON CONFLICT(site) DO UPDATE SET post_dates_json=excluded.post_dates_json, feed_url=excluded.feed_url, updated_at=excluded.updated_at`),
    upsertSnapshot: db.prepare(`
      INSERT INTO snapshots (year, site, score, taken_at) VALUES (?, ?, ?, ?)
      ON CONFLICT(year, site) DO UPDATE SET score=excluded.score, taken_at=excluded.taken_at`),
    snapshot: db.prepare(`SELECT site, score FROM snapshots WHERE year = ?`),
    snapshotYears: db.prepare(`SELECT DISTINCT year FROM snapshots ORDER BY year`),
    beginCrawl: db.prepare(`INSERT INTO crawls (started_at, options_json) VALUES (?, ?)`),
    finishCrawl: db.prepare(`UPDATE crawls SET finished_at = ?, report_json = ? WHERE id = ?`),
    lastCrawl: db.prepare(`SELECT id, report_json FROM crawls WHERE report_json IS NOT NULL ORDER BY id DESC LIMIT 1`),
    unfinished: db.prepare(`SELECT id, options_json, started_at FROM crawls WHERE finished_at IS NULL ORDER BY id DESC LIMIT 1`),
    crawl: db.prepare(`SELECT id, options_json, started_at, finished_at, report_json FROM crawls WHERE id = ?`),
    freshness: db.prepare(`SELECT site, MAX(fetched_at) AS last_fetched, MAX(COALESCE(changed_at, fetched_at)) AS last_changed, COUNT(*) AS n FROM pages WHERE status = 'scored' GROUP BY site`),
  };

  function getCandidate(site: string): Candidate | undefined {
    let key: string;
    try {
      key = safeSiteKey(site);
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
    q.upsertCuration.run({
      site: c.site,
      decision: c.decision,
      tags_json: JSON.stringify(c.tags),
      notes: c.notes,
      curated_at: c.curatedAt ?? null,
    });
  }

  function upsertCandidate(c: Candidate): Candidate {
    const incoming = { ...c, site: safeSiteKey(c.site) };
    const existing = getCandidate(incoming.site);
    const merged = existing ? mergeCandidates(existing, incoming) : incoming;
    writeCandidate(merged);
    return merged;
  }

  function pagesOfSite(site: string): PageScore[] {
    const key = safeSiteKey(site);
    return (q.pagesOfSite.all(key) as { page_json: string }[]).map((r) => JSON.parse(r.page_json) as PageScore);
  }

  function getSiteActivity(site: string): SiteActivityInput | undefined {
    const r = q.activity.get(safeSiteKey(site)) as { post_dates_json: string; feed_url: string | null } | undefined;
    if (!r) return undefined;
    const a: SiteActivityInput = { postDates: JSON.parse(r.post_dates_json) as string[] };
    if (r.feed_url) a.feedUrl = r.feed_url;
    return a;
  }

  /** Re-aggregates a site from its scored pages and merges it into its candidate. */
  function reaggregate(key: string, origin: string | undefined, at: string, source: Source): void {
    const pages = pagesOfSite(key);
    if (pages.length === 0) return;
    const activity = getSiteActivity(key);
    const siteScore = scoreSite(pages, { site: origin ?? new URL(pages[0].finalUrl).origin, ...(activity ? { activity } : {}) });
    const fresh = newCandidate(siteScore, source, at);
    const existing = getCandidate(key);
    if (!existing) {
      writeCandidate(fresh);
      return;
    }
    // The merge rule keeps sources, curation and history. The store's own aggregate over all the
    // site's stored pages replaces a previous aggregate of no more pages; a score built from more
    // pages elsewhere (the extension's bookmarks, an import) stays, as the merge rule says.
    const merged = mergeCandidates(existing, fresh);
    merged.lastScoredAt = at > existing.lastScoredAt ? at : existing.lastScoredAt;
    if (siteScore.pagesScored >= existing.siteScore.pagesScored) {
      merged.siteScore = siteScore;
      merged.name = siteScore.name || merged.name;
      const year = Number(at.slice(0, 4));
      merged.history = [...merged.history.filter((h) => h.year !== year), { year, score: siteScore.score }].sort((a, b) => a.year - b.year);
    }
    writeCandidate(merged);
  }

  const savePageTx = db.transaction((rec: PageRecord, source: Source) => {
    const target = rec.page?.finalUrl ?? rec.url;
    let key: string;
    try {
      key = safeSiteKey(target);
    } catch {
      key = safeSiteKey(rec.url);
    }
    const prev = q.pageByUrl.get(rec.url) as { content_hash: string | null; changed_at: string | null } | undefined;
    const changedAt =
      rec.contentHash === undefined
        ? (prev?.changed_at ?? rec.fetchedAt)
        : prev?.content_hash === rec.contentHash
          ? (prev.changed_at ?? rec.fetchedAt)
          : rec.fetchedAt;
    q.upsertPage.run({
      url: rec.url,
      site: key,
      status: rec.status,
      fetched_at: rec.fetchedAt,
      http_status: rec.httpStatus ?? null,
      error: rec.error ?? null,
      error_kind: rec.errorKind ?? null,
      score: rec.page?.score ?? null,
      page_json: rec.page ? JSON.stringify(rec.page) : null,
      crawl_id: rec.crawlId ?? null,
      content_hash: rec.contentHash ?? prev?.content_hash ?? null,
      changed_at: changedAt,
    });
    if (rec.status === 'scored' && rec.page) reaggregate(key, originOf(target), rec.fetchedAt, source);
  });

  const store: Store = {
    path,
    db,
    close() {
      if (db.open) db.close();
    },
    schemaVersion() {
      return db.pragma('user_version', { simple: true }) as number;
    },
    savePage(rec, source = 'crawl') {
      savePageTx.immediate(rec, source);
    },
    hasPage(url) {
      return q.hasPage.get(url) !== undefined;
    },
    getPage(url) {
      const r = q.pageByUrl.get(url) as
        | { url: string; site: string; status: PageStatus; fetched_at: string; http_status: number | null; error: string | null; error_kind: string | null; score: number | null; content_hash: string | null; changed_at: string | null; crawl_id: number | null }
        | undefined;
      if (!r) return undefined;
      const row: PageRow = { url: r.url, site: r.site, status: r.status, fetchedAt: r.fetched_at };
      if (r.http_status !== null) row.httpStatus = r.http_status;
      if (r.error !== null) row.error = r.error;
      if (r.error_kind !== null) row.errorKind = r.error_kind;
      if (r.score !== null) row.score = r.score;
      if (r.content_hash !== null) row.contentHash = r.content_hash;
      if (r.changed_at !== null) row.changedAt = r.changed_at;
      if (r.crawl_id !== null) row.crawlId = r.crawl_id;
      return row;
    },
    pagesOfSite,
    pageCount(filter = {}) {
      const where: string[] = [];
      const args: (string | number)[] = [];
      if (filter.status) {
        where.push('status = ?');
        args.push(filter.status);
      }
      if (filter.crawlId !== undefined) {
        where.push('crawl_id = ?');
        args.push(filter.crawlId);
      }
      const sql = `SELECT COUNT(*) AS n FROM pages${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
      return (db.prepare(sql).get(...args) as { n: number }).n;
    },
    setSiteActivity(site, activity) {
      const key = safeSiteKey(site);
      db.transaction(() => {
        q.upsertActivity.run(key, JSON.stringify([...new Set(activity.postDates)].sort()), activity.feedUrl ?? null, new Date().toISOString());
        const c = getCandidate(key);
        if (c) reaggregate(key, c.siteScore.site, new Date().toISOString(), c.sources[0] ?? 'crawl');
      }).immediate();
    },
    getSiteActivity,
    listCandidates(opts = {}) {
      let cands = (q.allSites.all() as SiteRow[]).map(rowToCandidate);
      if (opts.year !== undefined) {
        const year = opts.year;
        const end = `${year + 1}-01-01`;
        cands = cands.map((c) => {
          const pages = pagesOfSite(c.site).filter((p) => !p.publishedAt || p.publishedAt < end);
          if (pages.length === 0) return c;
          const activity = getSiteActivity(c.site);
          const options = {
            site: c.siteScore.site,
            roundupYear: year,
            ...(activity ? { activity: { ...activity, postDates: activity.postDates.filter((d) => d < end) } } : {}),
          };
          return { ...c, siteScore: scoreSite(pages, options) };
        });
      }
      const ranked = rankCandidates(cands);
      return opts.top !== undefined ? ranked.slice(0, opts.top) : ranked;
    },
    getCandidate,
    upsertCandidate(c) {
      return db.transaction(() => upsertCandidate(c)).immediate();
    },
    decide(site, change) {
      return db
        .transaction(() => {
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
        })
        .immediate();
    },
    snapshotYear(year) {
      const cands = store.listCandidates({ year });
      const at = new Date().toISOString();
      db.transaction(() => {
        for (const c of cands) q.upsertSnapshot.run(year, c.site, c.siteScore.score, at);
      }).immediate();
    },
    snapshot(year) {
      return new Map((q.snapshot.all(year) as { site: string; score: number }[]).map((r) => [r.site, r.score]));
    },
    snapshotYears() {
      return (q.snapshotYears.all() as { year: number }[]).map((r) => r.year);
    },
    siteFreshness() {
      return (q.freshness.all() as { site: string; last_fetched: string | null; last_changed: string | null; n: number }[]).map((r) => {
        const f: SiteFreshness = { site: r.site, pages: r.n };
        if (r.last_fetched) f.lastFetchedAt = r.last_fetched;
        if (r.last_changed) f.lastChangedAt = r.last_changed;
        return f;
      });
    },
    beginCrawl(options) {
      return Number(q.beginCrawl.run(new Date().toISOString(), JSON.stringify(options ?? {})).lastInsertRowid);
    },
    finishCrawl(id, report) {
      q.finishCrawl.run(report.finishedAt ?? new Date().toISOString(), JSON.stringify({ ...report, crawlId: id }), id);
    },
    lastCrawl() {
      const r = q.lastCrawl.get() as { id: number; report_json: string } | undefined;
      return r ? { id: r.id, report: JSON.parse(r.report_json) as CrawlReport } : undefined;
    },
    unfinishedCrawl() {
      const r = q.unfinished.get() as { id: number; options_json: string; started_at: string } | undefined;
      return r ? { id: r.id, options: JSON.parse(r.options_json) as unknown, startedAt: r.started_at } : undefined;
    },
    getCrawl(id) {
      const r = q.crawl.get(id) as { id: number; options_json: string; started_at: string; finished_at: string | null; report_json: string | null } | undefined;
      if (!r) return undefined;
      return {
        id: r.id,
        options: JSON.parse(r.options_json) as unknown,
        startedAt: r.started_at,
        ...(r.finished_at ? { finishedAt: r.finished_at } : {}),
        ...(r.report_json ? { report: JSON.parse(r.report_json) as CrawlReport } : {}),
      };
    },
  };
  return store;
}
