// `mentor-radar schedule --cron EXPR`: a long-running process that runs a crawl on each tick
// (never two at once: croner's `protect` in this process, a lock file next to the db across
// processes), recrawls known candidates whose content is older than an adaptive interval
// (shorter for sites whose pages changed at the last visit, longer for those that did not),
// and logs each run's report.
import { Cron } from 'croner';
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { runCrawl, type CrawlOptions } from './crawl/run.ts';
import { openStore, DEFAULT_DB, type SiteFreshness, type Store } from './store/index.ts';
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
  const stmt = store.db.prepare(`SELECT url FROM pages WHERE site = ? AND status = 'scored' ORDER BY score DESC LIMIT ?`);
  for (const site of sites) {
    const c = store.getCandidate(site);
    if (c) urls.push(`${new URL(c.siteScore.site).origin}/`);
    for (const r of stmt.all(site, perSite) as { url: string }[]) urls.push(r.url);
  }
  return [...new Set(urls)];
}

/** A lock file next to the db so two schedule processes never crawl the same db at once. */
export function acquireLock(path: string): (() => void) | undefined {
  const tryCreate = (): boolean => {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return true;
    } catch {
      return false;
    }
  };
  if (!tryCreate()) {
    let pid = NaN;
    try {
      pid = Number(readFileSync(path, 'utf8').trim());
    } catch {
      /* vanished */
    }
    let alive = false;
    if (Number.isInteger(pid) && pid > 0) {
      try {
        process.kill(pid, 0);
        alive = true;
      } catch (e) {
        alive = (e as NodeJS.ErrnoException).code === 'EPERM';
      }
    }
    if (alive) return undefined;
    rmSync(path, { force: true }); // stale lock of a dead process
    if (!tryCreate()) return undefined;
  }
  return () => rmSync(path, { force: true });
}

export interface ScheduleOptions {
  cron: string;
  crawlOptions: Omit<CrawlOptions, 'db' | 'signal' | 'handleSignals'> & { db?: string };
  recrawl?: RecrawlPolicy;
  /** Each run's report (default: formatted to stderr). */
  log?: (line: string, report?: CrawlReport) => void;
  /** Stop the schedule (and a running crawl, cleanly). */
  signal?: AbortSignal;
  /** Run once right away too. */
  runAtStart?: boolean;
  /** Stop after this many runs (tests). */
  maxRuns?: number;
  timezone?: string;
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
}

export function runSchedule(opts: ScheduleOptions): ScheduleHandle {
  const dbPath = opts.crawlOptions.db ?? DEFAULT_DB;
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const abort = new AbortController();
  let running: Promise<CrawlReport | undefined> | undefined;
  let skipped = 0;
  let runs = 0;
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
    const release = acquireLock(`${dbPath}.schedule.lock`);
    if (!release) {
      skipped++;
      log(`${new Date().toISOString()} tick skipped: another process holds ${dbPath}.schedule.lock`);
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
        log(`${new Date().toISOString()} crawl failed: ${(err as Error)?.message ?? String(err)}`);
        return undefined;
      } finally {
        release();
      }
    })();
    running = run;
    try {
      return await run;
    } finally {
      running = undefined;
      if (opts.maxRuns !== undefined && runs >= opts.maxRuns) handle.stop();
    }
  }

  const job = new Cron(opts.cron, { protect: true, catch: true, ...(opts.timezone ? { timezone: opts.timezone } : {}) }, async () => {
    await tick();
  });

  const handle: ScheduleHandle = {
    runNow: tick,
    stop() {
      job.stop();
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
  };
  opts.signal?.addEventListener('abort', () => handle.stop(), { once: true });
  if (opts.runAtStart) void tick();
  return handle;
}
