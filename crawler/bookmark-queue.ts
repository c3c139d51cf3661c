// Which merged candidates queue their site for a crawl (issue 11): the rule for `import` and the sync
// server's POST of candidates. Apart from crawl/queued.ts so those commands do not load the crawler.
import type { Candidate } from '../scoring/index.ts';
import type { Store } from './store/index.ts';

/**
 * The bookmark a candidate speaks for: its newest bookmarked page record (JSON version 3 carries
 * the pages, each with when it was scored: a page bookmarked after the last crawl queues the site
 * again), else — a CSV row, an older export — its best page with no time (queued only when the
 * crawler never read the site).
 */
function bookmarkOf(c: Candidate): { url: string; bookmarkedAt?: string } {
  const marked = (c.pages ?? []).filter((p) => p.source === 'bookmark' && !p.removedAt).sort((a, b) => Date.parse(b.scoredAt) - Date.parse(a.scoredAt));
  if (marked.length) return { url: marked[0].url, bookmarkedAt: marked[0].scoredAt };
  return { url: c.siteScore.bestPageUrl || c.siteScore.site };
}

/**
 * The bookmarks among merged candidates (import, the sync server's POST): a site with the source
 * 'bookmark' that the crawler has not read since its newest bookmarked page was saved (or, without
 * page records, never) is queued. The extension also sends its bookmarks alone: POST /api/bookmarks.
 */
export function queueBookmarkedCandidates(store: Store, candidates: Candidate[], at: string): string[] {
  const bookmarks = candidates
    .filter((c) => c.sources.includes('bookmark'))
    .map(bookmarkOf)
    .filter((b) => /^https?:\/\//i.test(b.url));
  return bookmarks.length ? store.queueBookmarks(bookmarks, at) : [];
}
