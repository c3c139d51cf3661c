// Which merged candidates queue their site for a crawl (issue 11): the rule for `import` and the sync
// server's POST of candidates. Apart from crawl/queued.ts so those commands do not load the crawler.
import type { Candidate } from '../scoring/index.ts';
import type { Store } from './store/index.ts';

/**
 * The bookmarks among merged candidates (import, the sync server's POST): a site with the source
 * 'bookmark' that the crawler never fetched is queued. (When it was crawled, only the extension's
 * own bookmarks, with their times, can say a newer page waits: POST /api/bookmarks.)
 */
export function queueBookmarkedCandidates(store: Store, candidates: Candidate[], at: string): string[] {
  const bookmarks = candidates
    .filter((c) => c.sources.includes('bookmark'))
    .map((c) => ({ url: c.siteScore.bestPageUrl || c.siteScore.site }))
    .filter((b) => /^https?:\/\//i.test(b.url));
  return bookmarks.length ? store.queueBookmarks(bookmarks, at) : [];
}
