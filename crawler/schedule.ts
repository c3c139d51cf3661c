// `mentor-radar schedule --cron EXPR`: a long-running process that runs a crawl on each tick
// (never two at once: croner's `protect` in this process, the store's lease across processes),
// recrawls known candidates whose content is older than an adaptive interval (shorter for
// sites whose pages changed at the last visit, longer for those that did not), and logs each
// run's report. Beside the cron it polls the bookmark queue (issue 11): a site a bookmark queued is
// crawled within QUEUE_POLL_MS, under the same rules (never two crawls at once, the store's lease).
import { Cron } from 'croner';
import { DEFAULT_DB_PATH, QUEUE_POLL_MS } from './constants.ts';
import { runCrawl, type CrawlOptions } from './crawl/run.ts';
import { LeaseHeldError } from './crawl/lease.ts';
import { QueueBlockedError, runQueuedCrawl } from './crawl/queued.ts';
import { openStore, type SiteFreshness, type Store } from './store/index.ts';
import { formatReport, type CrawlReport } from './report.ts';

const DAY = 24 * 3600 * 1000;

export interface RecrawlPolicy {
  /** Interval for a site seen once (default 7 days). */
  baseDays?: number;
  /** Bounds of the adaptive interval (default 1 and 60 days). */
  minDays?: number;
  maxDays?: number;
}

/**
 * The adaptive interval of a site: it halves when the site changed at its last visit and
 * doubles for every base interval it has stayed unchanged, within [min, max].
 */
export function recrawlIntervalMs(f: SiteFreshness, policy: RecrawlPolicy = {}): number {
  const base = (policy.baseDays ?? 7) * DAY;
  const min = (policy.minDays ?? 1) * DAY;
  const max = (policy.maxDays ?? 60) * DAY;
  if (!f.lastFetchedAt) return min;
  const fetched = Date.parse(f.lastFetchedAt);
  const changed = Date.parse(f.lastChangedAt ?? f.lastFetchedAt);
  const unchangedFor = Math.max(0, fetched - changed);
  let interval: number;
  if (unchangedFor < DAY / 2) interval = base / 2; // changed at the last visit
  else interval = base * 2 ** Math.min(6, Math.floor(unchangedFor / base) + 1);
  return Math.min(max, Math.max(min, interval));
}

/**
 * Known sites whose newest fetch is older than their interval, most overdue first. A candidate
 * the crawler never fetched (bookmarked or imported only) is due at once.
 */
export function dueSites(store: Store, now = Date.now(), policy: RecrawlPolicy = {}): { site: string; overdueMs: number; intervalMs: number }[] {
  const freshness = new Map(store.siteFreshness().map((f) => [f.site, f]));
  return store
    .listCandidates()
    .filter((c) => c.decision !== 'exclude')
    .map((c) => freshness.get(c.site) ?? { site: c.site, pages: 0 })
    .map((f) => {
      const intervalMs = recrawlIntervalMs(f, policy);
      const overdueMs = now - (f.lastFetchedAt ? Date.parse(f.lastFetchedAt) : 0) - intervalMs;
      return { site: f.site, overdueMs, intervalMs };
    })
    .filter((d) => d.overdueMs >= 0)
    .sort((a, b) => b.overdueMs - a.overdueMs);
}

/** URLs to fetch again for the due sites: each site's home and its stored scored pages. */
export function recrawlUrls(store: Store, sites: string[], perSite = 12): string[] {
  const urls: string[] = [];
  for (const site of sites) {
    const c = store.getCandidate(site);
    if (c) urls.push(`${new URL(c.siteScore.site).origin}/`);
    urls.push(...store.topPageUrls(site, perSite));
  }
  return [...new Set(urls)];
}

export interface ScheduleOptions {
  cron: string;
  crawlOptions: Omit<CrawlOptions, 'db' | 'signal'> & { db?: string };
  recrawl?: RecrawlPolicy;
  /** Each run's report (default: formatted to stderr). */
  log?: (line: string, report?: CrawlReport) => void;
  /** Stop the schedule (and a running crawl, cleanly). */
  signal?: AbortSignal;
  /** Run once right away too. */
  runAtStart?: boolean;
  /** Stop after this many ticks (a tick another crawl kept off the store counts). */
  maxRuns?: number;
  timezone?: string;
  /** How often the bookmark queue is looked at (default 30 s; 0 = never). */
  queuePollMs?: number;
}

export interface ScheduleHandle {
  /** Runs one tick now (skipped, resolving undefined, when a run is in progress). */
  runNow(): Promise<CrawlReport | undefined>;
  stop(): void;
  nextRun(): Date | null;
  /** Resolves when the schedule has stopped. */
  done: Promise<void>;
  /** Ticks skipped because a run was still going. */
  readonly skipped: number;
  readonly runs: number;
  /** Ticks that could not crawl: another crawl held the store, or the crawl failed. */
  readonly failed: number;
  /** Crawls of the bookmark queue run so far. */
  readonly queueRuns: number;
  /** Looks at the bookmark queue now (as the poll does): the report of the crawl it ran, if any. */
  pollQueue(): Promise<CrawlReport | undefined>;
}

export function runSchedule(opts: ScheduleOptions): ScheduleHandle {
  const dbPath = opts.crawlOptions.db ?? DEFAULT_DB_PATH;
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const abort = new AbortController();
  let running: Promise<CrawlReport | undefined> | undefined;
  let skipped = 0;
  let runs = 0;
  let failed = 0;
  let queueRuns = 0;
  let lastQueueNote = '';
  let resolveDone: () => void = () => undefined;
  const done = new Promise<void>((r) => {
    resolveDone = r;
  });

  async function tick(): Promise<CrawlReport | undefined> {
    if (running || abort.signal.aborted) {
      skipped++;
      log(`${new Date().toISOString()} tick skipped: the previous crawl is still running`);
      return undefined;
    }
    const run = (async () => {
      try {
        const store = openStore(dbPath);
        let recrawl: string[];
        let due: string[];
        try {
          due = dueSites(store, Date.now(), opts.recrawl).map((d) => d.site);
          recrawl = recrawlUrls(store, due, opts.crawlOptions.pagesPerSite ?? 12);
        } finally {
          store.close();
        }
        log(`${new Date().toISOString()} crawl starting: ${opts.crawlOptions.seeds?.length ?? 0} seed(s), ${due.length} known site(s) due for a recrawl`);
        const report = await runCrawl({ ...opts.crawlOptions, db: dbPath, recrawl, signal: abort.signal, progress: opts.crawlOptions.progress ?? 'off' });
        runs++;
        log(`${new Date().toISOString()} ${formatReport(report)}`, report);
        return report;
      } catch (err) {
        failed++;
        const why = err instanceof LeaseHeldError ? `tick skipped: ${err.message}` : `crawl failed: ${(err as Error)?.message ?? String(err)}`;
        log(`${new Date().toISOString()} ${why}`);
        return undefined;
      }
    })();
    return alone(run, () => {
      if (opts.maxRuns !== undefined && runs + failed >= opts.maxRuns) handle.stop();
    });
  }

  /** Awaits `run` as the one crawl of this schedule (ticks and queue polls wait their turn), then `after`. */
  async function alone(run: Promise<CrawlReport | undefined>, after?: () => void): Promise<CrawlReport | undefined> {
    running = run;
    try {
      return await run;
    } finally {
      running = undefined;
      after?.();
    }
  }

  /** One crawl of the bookmark queue when there is one and nothing else is crawling. */
  async function pollQueue(): Promise<CrawlReport | undefined> {
    if (running || abort.signal.aborted) return undefined;
    let waiting = 0;
    try {
      const store = openStore(dbPath);
      try {
        waiting = store.queueLength();
      } finally {
        store.close();
      }
    } catch (err) {
      log(`${new Date().toISOString()} queue poll failed: ${(err as Error)?.message ?? String(err)}`);
      return undefined;
    }
    if (waiting === 0) return undefined;
    const run = (async () => {
      try {
        const { seeds: _s, recrawl: _r, resume: _re, ...crawl } = opts.crawlOptions;
        const result = await runQueuedCrawl({ ...crawl, db: dbPath, signal: abort.signal, progress: crawl.progress ?? 'off' });
        lastQueueNote = '';
        if (!result.report) return undefined;
        queueRuns++;
        log(`${new Date().toISOString()} crawled ${result.entries.length} site(s) a bookmark queued (${result.entries.map((e) => e.site).join(', ')}): ${formatReport(result.report)}`, result.report);
        return result.report;
      } catch (err) {
        const why = err instanceof LeaseHeldError || err instanceof QueueBlockedError ? `queue waits: ${err.message}` : `queued crawl failed: ${(err as Error)?.message ?? String(err)}`;
        if (why !== lastQueueNote) log(`${new Date().toISOString()} ${why}`);
        lastQueueNote = why;
        return undefined;
      }
    })();
    return alone(run);
  }
  const pollMs = opts.queuePollMs ?? QUEUE_POLL_MS;
  const poll = pollMs > 0 ? setInterval(() => void pollQueue(), pollMs) : undefined;

  const job = new Cron(opts.cron, { protect: true, catch: true, ...(opts.timezone ? { timezone: opts.timezone } : {}) }, async () => {
    await tick();
  });

  const handle: ScheduleHandle = {
    runNow: tick,
    stop() {
      job.stop();
      if (poll) clearInterval(poll);
      abort.abort();
      void Promise.resolve(running).finally(() => resolveDone());
    },
    nextRun: () => job.nextRun(),
    done,
    get skipped() {
      return skipped;
    },
    get runs() {
      return runs;
    },
    get failed() {
      return failed;
    },
    get queueRuns() {
      return queueRuns;
    },
    pollQueue,
  };
  opts.signal?.addEventListener('abort', () => handle.stop(), { once: true });
  if (opts.runAtStart) void tick();
  return handle;
}
