// What the curator sees of the crawler's work on a bookmarked site (issue 11): queued for a crawl of
// its own, or crawled (how many pages, when). The sync server sends it per site (POST /api/bookmarks);
// the popup and the dashboard say it in words. One shape and one wording for both sides.

export type CrawlStatus = { state: 'queued'; queuedAt: string } | { state: 'crawled'; pages: number; at: string };

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isTime = (x: unknown): x is string => typeof x === 'string' && x.length <= 40 && Number.isFinite(Date.parse(x));

/** One status from untrusted JSON, or undefined. */
export function parseCrawlStatus(x: unknown): CrawlStatus | undefined {
  if (!isObj(x)) return undefined;
  if (x.state === 'queued' && isTime(x.queuedAt)) return { state: 'queued', queuedAt: x.queuedAt };
  if (x.state === 'crawled' && isTime(x.at) && Number.isSafeInteger(x.pages) && (x.pages as number) >= 0) return { state: 'crawled', pages: x.pages as number, at: x.at };
  return undefined;
}

/** "Crawl queued" / "Crawled 14 pages on 2026-05-02". */
export function crawlStatusText(s: CrawlStatus): string {
  if (s.state === 'queued') return 'Crawl queued';
  return `Crawled ${s.pages} ${s.pages === 1 ? 'page' : 'pages'} on ${s.at.slice(0, 10)}`;
}
