// Page rows: one per URL, the latest fetch of it (a failed re-fetch keeps the last score), with the
// page's vector (issue 11: what the model reads, so `train` and a new model need no refetch).
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { siteKey, type PageScore } from '../../scoring/index.ts';
import { decodeVector, encodeVector, type PageVector } from '../../scoring/vector.ts';
import type Database from './sqlite.ts';

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
  /** Links found on the page (the crawl follows at most a few thousand of them). */
  linkCount?: number;
  /** What the model reads of the page (scoring/vector.ts), stored deflated. */
  vector?: PageVector;
}

/** A scored page with its vector, when it has one (pages scored before issue 11, or by another scorer, have none). */
export interface VectorPage {
  url: string;
  site: string;
  page: PageScore;
  vector?: PageVector;
}

/** The vector as stored: its compact text, deflated (~1.7 KB a page). */
export function packVector(v: PageVector): Buffer {
  return deflateRawSync(encodeVector(v));
}

/** A stored vector, or undefined when there is none, or it is damaged or of another scorer version. */
export function unpackVector(blob: Buffer | null | undefined): PageVector | undefined {
  if (!blob) return undefined;
  try {
    return decodeVector(inflateRawSync(blob).toString('utf8'));
  } catch {
    return undefined;
  }
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
  linkCount?: number;
}

export interface SiteFreshness {
  site: string;
  /** Newest fetch of any of its pages. */
  lastFetchedAt?: string;
  /** Newest time a page's content hash changed (or first appeared). */
  lastChangedAt?: string;
  pages: number;
}

/** A page row of one crawl, for a resumed crawl's counters. */
export interface CrawlPageRow {
  url: string;
  site: string;
  status: PageStatus;
  errorKind?: string;
  relevance?: number;
}

const KEEP_SCORED = `(excluded.status <> 'scored' AND pages.status = 'scored' AND pages.page_json IS NOT NULL)`;

type RawPage = {
  url: string;
  site: string;
  status: PageStatus;
  fetched_at: string;
  http_status: number | null;
  error: string | null;
  error_kind: string | null;
  score: number | null;
  content_hash: string | null;
  changed_at: string | null;
  crawl_id: number | null;
  link_count: number | null;
};

function toRow(r: RawPage): PageRow {
  const row: PageRow = { url: r.url, site: r.site, status: r.status, fetchedAt: r.fetched_at };
  if (r.http_status !== null) row.httpStatus = r.http_status;
  if (r.error !== null) row.error = r.error;
  if (r.error_kind !== null) row.errorKind = r.error_kind;
  if (r.score !== null) row.score = r.score;
  if (r.content_hash !== null) row.contentHash = r.content_hash;
  if (r.changed_at !== null) row.changedAt = r.changed_at;
  if (r.crawl_id !== null) row.crawlId = r.crawl_id;
  if (r.link_count !== null) row.linkCount = r.link_count;
  return row;
}

/** The site key a page row is filed under: its final URL's, else its own. */
export function pageSiteKey(rec: PageRecord): string {
  try {
    return siteKey(rec.page?.finalUrl ?? rec.url);
  } catch {
    return siteKey(rec.url);
  }
}

export function pageQueries(db: Database.Database) {
  const q = {
    upsert: db.prepare(`
      INSERT INTO pages (url, site, status, fetched_at, http_status, error, error_kind, score, page_json, crawl_id, content_hash, changed_at, link_count, vector)
      VALUES (@url, @site, @status, @fetched_at, @http_status, @error, @error_kind, @score, @page_json, @crawl_id, @content_hash, @changed_at, @link_count, @vector)
      ON CONFLICT(url) DO UPDATE SET site=excluded.site,
        http_status=excluded.http_status, error=excluded.error, error_kind=excluded.error_kind, crawl_id=excluded.crawl_id,
        -- A failed or skipped re-fetch of a page scored before keeps its score (a passing 503 must
        -- not erase it); only the error of the attempt is recorded.
        status=CASE WHEN ${KEEP_SCORED} THEN pages.status ELSE excluded.status END,
        fetched_at=CASE WHEN ${KEEP_SCORED} THEN pages.fetched_at ELSE excluded.fetched_at END,
        score=CASE WHEN ${KEEP_SCORED} THEN pages.score ELSE excluded.score END,
        page_json=CASE WHEN ${KEEP_SCORED} THEN pages.page_json ELSE excluded.page_json END,
        content_hash=CASE WHEN ${KEEP_SCORED} THEN pages.content_hash ELSE excluded.content_hash END,
        changed_at=CASE WHEN ${KEEP_SCORED} THEN pages.changed_at ELSE excluded.changed_at END,
        link_count=CASE WHEN ${KEEP_SCORED} THEN pages.link_count ELSE excluded.link_count END,
        vector=CASE WHEN ${KEEP_SCORED} THEN pages.vector ELSE excluded.vector END`),
    byUrl: db.prepare(`SELECT url, site, status, fetched_at, http_status, error, error_kind, score, content_hash, changed_at, crawl_id, link_count FROM pages WHERE url = ?`),
    has: db.prepare(`SELECT 1 FROM pages WHERE url = ?`),
    ofSite: db.prepare(`SELECT page_json FROM pages WHERE site = ? AND status = 'scored' AND page_json IS NOT NULL ORDER BY url`),
    topOfSite: db.prepare(`SELECT url FROM pages WHERE site = ? AND status = 'scored' ORDER BY score DESC LIMIT ?`),
    done: db.prepare(`SELECT url FROM pages WHERE crawl_id = ? OR (? > 0 AND fetched_at >= ?)`),
    ofCrawl: db.prepare(
      `SELECT url, site, status, error_kind, json_extract(page_json, '$.components.relevance') AS rel FROM pages WHERE crawl_id = ?`,
    ),
    vectorsOfSite: db.prepare(`SELECT url, site, page_json, vector FROM pages WHERE site = ? AND status = 'scored' AND page_json IS NOT NULL ORDER BY url`),
    scoredBatch: db.prepare(`SELECT rowid AS rid, url, site, page_json, vector FROM pages WHERE status = 'scored' AND page_json IS NOT NULL AND rowid > ? ORDER BY rowid LIMIT ?`),
    rescore: db.prepare(`UPDATE pages SET score = ?, page_json = ? WHERE url = ?`),
    lastCrawl: db.prepare(`SELECT MAX(fetched_at) AS at, COALESCE(SUM(status = 'scored'), 0) AS n FROM pages WHERE site = ? AND crawl_id IS NOT NULL`),
    freshness: db.prepare(
      `SELECT site, MAX(fetched_at) AS last_fetched, MAX(COALESCE(changed_at, fetched_at)) AS last_changed, COUNT(*) AS n FROM pages WHERE status = 'scored' GROUP BY site`,
    ),
  };

  return {
    /** Writes a page row (no re-aggregation: the facade does that in the same transaction). */
    writePage(rec: PageRecord, key: string): void {
      const prev = q.byUrl.get(rec.url) as RawPage | undefined;
      const changedAt =
        rec.contentHash === undefined ? (prev?.changed_at ?? rec.fetchedAt) : prev?.content_hash === rec.contentHash ? (prev.changed_at ?? rec.fetchedAt) : rec.fetchedAt;
      q.upsert.run({
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
        link_count: rec.linkCount ?? null,
        vector: rec.vector ? packVector(rec.vector) : null,
      });
    },
    hasPage(url: string): boolean {
      return q.has.get(url) !== undefined;
    },
    getPage(url: string): PageRow | undefined {
      const r = q.byUrl.get(url) as RawPage | undefined;
      return r ? toRow(r) : undefined;
    },
    pagesOfSite(site: string): PageScore[] {
      return (q.ofSite.all(siteKey(site)) as { page_json: string }[]).map((r) => JSON.parse(r.page_json) as PageScore);
    },
    /** A site's scored pages with their vectors (train reads the decided sites' pages). */
    vectorPagesOfSite(site: string): VectorPage[] {
      return (q.vectorsOfSite.all(siteKey(site)) as VectorRow[]).map(toVectorPage);
    },
    /** Scored pages after `afterRowid`, `limit` at a time, with their vectors and row ids (re-scoring the store). */
    scoredPagesAfter(afterRowid: number, limit: number): (VectorPage & { rowid: number })[] {
      return (q.scoredBatch.all(afterRowid, limit) as (VectorRow & { rid: number })[]).map((r) => ({ ...toVectorPage(r), rowid: r.rid }));
    },
    /** A page's new score (a new model), leaving everything else of its row as it is. */
    updatePageScore(url: string, page: PageScore): void {
      q.rescore.run(page.score, JSON.stringify(page), url);
    },
    /**
     * When the crawler last tried a page of `site` (a failed fetch counts: a dead site is not queued
     * again by every sync), and how many of its pages it has scored.
     */
    lastCrawlOf(site: string): { at: string; pages: number } | undefined {
      const r = q.lastCrawl.get(siteKey(site)) as { at: string | null; n: number };
      return r.at ? { at: r.at, pages: r.n } : undefined;
    },
    pageCount(filter: { status?: PageStatus; crawlId?: number } = {}): number {
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
    /** A site's best-scored page URLs (the schedule refetches them). */
    topPageUrls(site: string, limit: number): string[] {
      return (q.topOfSite.all(site, limit) as { url: string }[]).map((r) => r.url);
    },
    /** URLs a crawl must not fetch again: its own pages, and any fetched since `since` (ISO) when given. */
    donePageUrls(crawlId: number, since: string | undefined): Set<string> {
      return new Set((q.done.all(crawlId, since ? 1 : 0, since ?? '') as { url: string }[]).map((r) => r.url));
    },
    crawlPages(crawlId: number): CrawlPageRow[] {
      return (q.ofCrawl.all(crawlId) as { url: string; site: string; status: PageStatus; error_kind: string | null; rel: number | null }[]).map((r) => ({
        url: r.url,
        site: r.site,
        status: r.status,
        ...(r.error_kind !== null ? { errorKind: r.error_kind } : {}),
        ...(r.rel !== null ? { relevance: r.rel } : {}),
      }));
    },
    siteFreshness(): SiteFreshness[] {
      return (q.freshness.all() as { site: string; last_fetched: string | null; last_changed: string | null; n: number }[]).map((r) => {
        const f: SiteFreshness = { site: r.site, pages: r.n };
        if (r.last_fetched) f.lastFetchedAt = r.last_fetched;
        if (r.last_changed) f.lastChangedAt = r.last_changed;
        return f;
      });
    },
  };
}

type VectorRow = { url: string; site: string; page_json: string; vector: Buffer | null };

function toVectorPage(r: VectorRow): VectorPage {
  const out: VectorPage = { url: r.url, site: r.site, page: JSON.parse(r.page_json) as PageScore };
  const v = unpackVector(r.vector);
  if (v) out.vector = v;
  return out;
}

export type PageQueries = ReturnType<typeof pageQueries>;
