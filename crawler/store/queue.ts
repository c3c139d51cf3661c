// The crawl queue (issue 11): sites a bookmark asked the crawler to read now. A site is queued when
// a bookmark of it arrives (sync, import) and the crawler has never fetched it, or fetched it before
// the bookmarked page was saved and has not read that page. `crawl --queued` (and a running schedule) crawls them and clears
// the entries it took; an entry re-queued meanwhile (a newer bookmark) stays.
import { normalisePageUrl, siteKey } from '../../scoring/index.ts';
import type { CrawlStatus } from '../../scoring/crawl-status.ts';
import type Database from './sqlite.ts';
import type { PageQueries } from './pages.ts';

export interface QueueEntry {
  site: string;
  /** The bookmarked page (the crawl starts there and at the home page). */
  url: string;
  reason: 'bookmark';
  queuedAt: string;
  bookmarkedAt?: string;
}

export type { CrawlStatus } from '../../scoring/crawl-status.ts';

type Row = { site: string; url: string; reason: 'bookmark'; queued_at: string; bookmarked_at: string | null };

const toEntry = (r: Row): QueueEntry => ({ site: r.site, url: r.url, reason: r.reason, queuedAt: r.queued_at, ...(r.bookmarked_at ? { bookmarkedAt: r.bookmarked_at } : {}) });

export function queueQueries(db: Database.Database, pages: PageQueries) {
  const q = {
    upsert: db.prepare(`
      INSERT INTO crawl_queue (site, url, reason, queued_at, bookmarked_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT(site) DO UPDATE SET url = excluded.url, queued_at = excluded.queued_at, bookmarked_at = excluded.bookmarked_at`),
    all: db.prepare(`SELECT site, url, reason, queued_at, bookmarked_at FROM crawl_queue ORDER BY queued_at, site`),
    one: db.prepare(`SELECT site, url, reason, queued_at, bookmarked_at FROM crawl_queue WHERE site = ?`),
    count: db.prepare(`SELECT COUNT(*) AS n FROM crawl_queue`),
    clear: db.prepare(`DELETE FROM crawl_queue WHERE site = ? AND queued_at = ?`),
  };
  return {
    /**
     * Queues the site of a bookmarked page when the crawler has not read it since the page was
     * bookmarked (never, or before `bookmarkedAt`; undefined = only when never). True when queued.
     */
    queueBookmark(url: string, bookmarkedAt: string | undefined, at: string): boolean {
      let site: string;
      try {
        site = siteKey(url);
      } catch {
        return false;
      }
      const last = pages.lastCrawlOf(site);
      if (last && (bookmarkedAt === undefined || Date.parse(bookmarkedAt) <= Date.parse(last.at))) return false;
      // Bookmarked again after the crawl, but a page the crawler has read: a re-score, not news.
      const row = last ? pages.getPage(normalisePageUrl(url) ?? url) : undefined;
      if (row && row.status === 'scored' && row.crawlId !== undefined) return false;
      const queued = q.one.get(site) as Row | undefined;
      if (queued && (!bookmarkedAt || (queued.bookmarked_at && Date.parse(queued.bookmarked_at) >= Date.parse(bookmarkedAt)))) return false;
      q.upsert.run(site, url, 'bookmark', at, bookmarkedAt ?? null);
      return true;
    },
    queuedSites(): QueueEntry[] {
      return (q.all.all() as Row[]).map(toEntry);
    },
    queueLength(): number {
      return (q.count.get() as { n: number }).n;
    },
    /** Removes the entries a crawl took (an entry queued again since, with a new time, stays). */
    clearQueued(entries: QueueEntry[]): number {
      let n = 0;
      for (const e of entries) n += q.clear.run(e.site, e.queuedAt).changes;
      return n;
    },
    /** Each site's crawl status (sites neither queued nor crawled are left out). */
    crawlStatus(sites: string[]): Record<string, CrawlStatus> {
      const out: Record<string, CrawlStatus> = {};
      for (const raw of sites) {
        let site: string;
        try {
          site = siteKey(raw);
        } catch {
          continue;
        }
        const queued = q.one.get(site) as Row | undefined;
        const last = pages.lastCrawlOf(site);
        if (queued) out[site] = { state: 'queued', queuedAt: queued.queued_at };
        else if (last) out[site] = { state: 'crawled', pages: last.pages, at: last.at };
      }
      return out;
    },
  };
}
