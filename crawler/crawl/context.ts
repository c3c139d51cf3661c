// What the crawl's parts share: the dispatched entry (a frontier entry being fetched), the crawl
// context the route handlers receive, and the page writer (a page row and its frontier marks
// in one transaction; on SQLITE_BUSY the page goes back to the frontier, never lost).
import type { LinearModel } from '../../scoring/model.ts';
import type { FetchedPage } from '../net/fetch.ts';
import type { Frontier, FrontierEntry } from '../frontier/frontier.ts';
import type { PageRecord, Store } from '../store/index.ts';
import type { Admission } from './admission.ts';
import type { CrawlSettings } from './options.ts';
import type { CrawlStats } from './stats.ts';

/** A frontier entry handed to Crawlee, with its response once fetched. */
export type Dispatch = FrontierEntry & { fetched?: FetchedPage; startedAt: number };

export interface CrawlContext {
  store: Store;
  crawlId: number;
  settings: CrawlSettings;
  frontier: Frontier;
  admission: Admission;
  stats: CrawlStats;
  writer: PageWriter;
  /** Aborted = stopping (Ctrl-C, the caller's signal). */
  signal: AbortSignal;
  /** Final URLs scored this run (a second URL redirecting to one is a duplicate). */
  scoredFinal: Set<string>;
  /** The model pages are scored with: the store's (the curator's, issue 11) as the crawl began. */
  model: LinearModel;
}

/** SQLITE_BUSY / SQLITE_LOCKED (another process holds the write lock past the busy timeout). */
export function isBusyError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/** A page whose write still met SQLITE_BUSY is fetched again later, at most this many times per run. */
const MAX_BUSY_REQUEUES = 4;
/** ... after a back-off of n × this (the other writer is busy right now). */
const BUSY_BACKOFF_MS = 500;

export class PageWriter {
  /** Pages waiting out a SQLITE_BUSY back-off before going back to the frontier. */
  busyWaiting = 0;
  private busyRequeues = new Map<string, number>();

  constructor(
    private store: Store,
    private frontier: Frontier,
    private admission: Admission,
    private stats: CrawlStats,
    /** Called when a requeued page is back in the frontier. */
    private onRequeued: () => void,
  ) {}

  /** Writes buffered frontier changes; a store error is counted, never thrown (timers, robots callbacks). */
  flushQuietly(): void {
    try {
      if (this.frontier.dirty) this.store.transaction(() => this.frontier.flush());
    } catch (err) {
      this.stats.bump(isBusyError(err) ? 'store-busy' : 'store'); // the writes stay buffered for the next flush
    }
  }

  /** Saves a page row with its frontier marks; false (and the page requeued) on SQLITE_BUSY. */
  savePage(d: Dispatch, rec: PageRecord): boolean {
    try {
      this.store.transaction(() => {
        this.store.savePage(rec, 'crawl');
        this.frontier.markDone(d.url);
        this.frontier.flush();
      });
    } catch (err) {
      if (!isBusyError(err)) throw err;
      this.requeueBusy(d);
      return false;
    }
    this.admission.pageDone(d.url);
    return true;
  }

  /** Marks a feed/sitemap done; on SQLITE_BUSY the marks stay buffered for the next flush. */
  markDone(d: Dispatch): void {
    this.frontier.markDone(d.url);
    try {
      this.store.transaction(() => this.frontier.flush());
    } catch (err) {
      if (!isBusyError(err)) throw err;
    }
  }

  /**
   * The write still met SQLITE_BUSY after the busy timeout: nothing of the page was recorded,
   * so it goes back to the frontier (fetched again later) and its budget is given back. Its
   * persisted frontier row is still 'queued', so after MAX_BUSY_REQUEUES it is simply left
   * there for the next run.
   */
  requeueBusy(d: Dispatch): void {
    const n = (this.busyRequeues.get(d.url) ?? 0) + 1;
    this.busyRequeues.set(d.url, n);
    if (d.kind === 'page') this.admission.giveBack(d.site);
    if (n > MAX_BUSY_REQUEUES) {
      this.stats.bump('store-busy');
      return;
    }
    const e: FrontierEntry = { url: d.url, site: d.site, origin: d.origin, priority: d.priority, hops: d.hops, kind: d.kind, seq: d.seq };
    if (d.parent) e.parent = d.parent;
    this.busyWaiting++;
    const t = setTimeout(() => {
      this.busyWaiting--;
      this.frontier.requeue(e);
      this.onRequeued();
    }, BUSY_BACKOFF_MS * n);
    t.unref?.();
  }
}
