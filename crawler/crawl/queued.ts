// A bookmark sends the crawler (issue 11): the sites in the store's crawl queue get a deep crawl of
// their own (`crawl --queued`, and a running schedule's queue poll): each from its bookmarked page
// and its home page (fetched again even when fresh), staying on those sites, with a deeper page
// budget. Entries are cleared when the crawl is done; an interrupted one stays queued.
import type { CrawlReport } from '../report.ts';
import type { QueueEntry, Store } from '../store/index.ts';
import { openStore } from '../store/index.ts';
import { DEEP_PAGES_PER_SITE, DEFAULT_DB_PATH } from '../constants.ts';
import { runCrawl } from './run.ts';
import type { CrawlOptions } from './options.ts';

/** An unfinished ordinary crawl holds the frontier: the queue waits for it (`crawl --resume`, or the next tick). */
export class QueueBlockedError extends Error {
  override name = 'QueueBlockedError';
}

export interface QueuedCrawl {
  /** The entries the crawl took (empty: nothing was queued; no crawl ran). */
  entries: QueueEntry[];
  report?: CrawlReport;
  /** Entries cleared because the crawl finished. */
  cleared: number;
}

/** Where a queued site's crawl starts: the bookmarked page and the site's home page. */
export function queueSeeds(entries: QueueEntry[]): string[] {
  const urls: string[] = [];
  for (const e of entries) {
    try {
      urls.push(`${new URL(e.url).origin}/`, new URL(e.url).href);
    } catch {
      /* a URL the store should never hold: skipped */
    }
  }
  return [...new Set(urls)];
}

const isQueuedCrawl = (options: unknown) => typeof options === 'object' && options !== null && (options as { queued?: unknown }).queued === true;

/** Runs one crawl of the queued sites (see the top of this file). */
export async function runQueuedCrawl(options: Omit<CrawlOptions, 'seeds' | 'db'> & { db?: string }): Promise<QueuedCrawl> {
  const path = options.db ?? DEFAULT_DB_PATH;
  const store: Store = openStore(path);
  let entries: QueueEntry[];
  let resuming = false;
  try {
    entries = store.queuedSites();
    const unfinished = entries.length ? store.unfinishedCrawl() : undefined;
    if (unfinished && !isQueuedCrawl(unfinished.options)) {
      throw new QueueBlockedError(`crawl ${unfinished.id} is unfinished: the queue (${entries.length} site(s)) waits until it is done (mentor-radar crawl --resume)`);
    }
    resuming = Boolean(unfinished);
  } finally {
    store.close();
  }
  if (entries.length === 0) return { entries, cleared: 0 };
  const seeds = queueSeeds(entries);
  const report = await runCrawl({
    ...options,
    db: path,
    seeds,
    recrawl: seeds,
    depth: 0,
    maxSites: entries.length,
    pagesPerSite: options.pagesPerSite ?? DEEP_PAGES_PER_SITE,
    fresh: !resuming,
    queued: true,
  });
  let cleared = 0;
  if (report.stoppedBecause === 'done') {
    const after = openStore(path);
    try {
      cleared = after.clearQueued(entries);
    } finally {
      after.close();
    }
  }
  return { entries, report, cleared };
}
