// The crawl queue (issue 11): sites a bookmark asked the crawler to read now. A site is queued when
// a bookmark of it arrives (sync, import) and the crawler has never tried it, or tried it before
// the bookmarked page was saved and has not read that page. `crawl --queued` (and a running schedule)
// crawls them and marks the entries it took done (`done_at`: a site that could not be fetched at all
// counts as tried, so every sync does not queue it again); an entry re-queued meanwhile stays waiting.
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

type Row = { site: string; url: string; reason: 'bookmark'; queued_at: string; bookmarked_at: string | null; done_at: string | null };

const toEntry = (r: Row): QueueEntry => ({ site: r.site, url: r.url, reason: r.reason, queuedAt: r.queued_at, ...(r.bookmarked_at ? { bookmarkedAt: r.bookmarked_at } : {}) });

export function queueQueries(db: Database.Database, pages: PageQueries) {
  const q = {
    upsert: db.prepare(`
      INSERT INTO crawl_queue (site, url, reason, queued_at, bookmarked_at, done_at) VALUES (?, ?, ?, ?, ?, NULL)
      ON CONFLICT(site) DO UPDATE SET url = excluded.url, queued_at = excluded.queued_at, bookmarked_at = excluded.bookmarked_at, done_at = NULL`),
    waiting: db.prepare(`SELECT site, url, reason, queued_at, bookmarked_at, done_at FROM crawl_queue WHERE done_at IS NULL ORDER BY queued_at, site`),
    one: db.prepare(`SELECT site, url, reason, queued_at, bookmarked_at, done_at FROM crawl_queue WHERE site = ?`),
    count: db.prepare(`SELECT COUNT(*) AS n FROM crawl_queue WHERE done_at IS NULL`),
    done: db.prepare(`UPDATE crawl_queue SET done_at = ? WHERE site = ? AND queued_at = ? AND done_at IS NULL`),
  };
  /** When the crawler last tried the site: its newest crawled page row, or a queued crawl of it that ended. */
  function lastTry(site: string, entry: Row | undefined): string | undefined {
    const at = [pages.lastCrawlOf(site)?.at, entry?.done_at ?? undefined].filter((t): t is string => Boolean(t)).sort((a, b) => Date.parse(a) - Date.parse(b));
    return at.pop();
  }
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
      const entry = q.one.get(site) as Row | undefined;
      const tried = lastTry(site, entry);
      if (tried && (bookmarkedAt === undefined || Date.parse(bookmarkedAt) <= Date.parse(tried))) return false;
      // Bookmarked again after the crawl, but a page the crawler has read: a re-score, not news.
      const row = tried ? pages.getPage(normalisePageUrl(url) ?? url) : undefined;
      if (row && row.status === 'scored' && row.crawlId !== undefined) return false;
      const waiting = entry && !entry.done_at ? entry : undefined;
      if (waiting && (!bookmarkedAt || (waiting.bookmarked_at && Date.parse(waiting.bookmarked_at) >= Date.parse(bookmarkedAt)))) return false;
      q.upsert.run(site, url, 'bookmark', at, bookmarkedAt ?? null);
      return true;
    },
    queuedSites(): QueueEntry[] {
      return (q.waiting.all() as Row[]).map(toEntry);
    },
    queueLength(): number {
      return (q.count.get() as { n: number }).n;
    },
    /** Marks done the entries a crawl took (an entry queued again since, with a new time, stays waiting). */
    clearQueued(entries: QueueEntry[], at = new Date().toISOString()): number {
      let n = 0;
      for (const e of entries) n += q.done.run(at, e.site, e.queuedAt).changes;
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
        const entry = q.one.get(site) as Row | undefined;
        const last = pages.lastCrawlOf(site);
        const tried = lastTry(site, entry);
        if (entry && !entry.done_at) out[site] = { state: 'queued', queuedAt: entry.queued_at };
        else if (tried) out[site] = { state: 'crawled', pages: last?.pages ?? 0, at: tried };
      }
      return out;
    },
  };
}
