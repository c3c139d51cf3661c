// The focused crawl, wired: the store (leased), the persisted best-first frontier, admission,
// the dispatcher in front of Crawlee's CheerioCrawler and its labelled routes, the stats.
// Pages are scored by scoring/ and written with their site's re-aggregation in one transaction.
import { AsyncResource } from 'node:async_hooks';
import { setMaxListeners } from 'node:events';
import { CheerioCrawler, Configuration, log as crawleeLog, LogLevel, type RequestProvider } from '@crawlee/cheerio';
import { DEFAULT_DB_PATH } from '../constants.ts';
import { Frontier } from '../frontier/frontier.ts';
import { normaliseUrl } from '../frontier/link-priority.ts';
import { Politeness } from '../net/politeness.ts';
import { RobotsCache } from '../net/robots.ts';
import type { CrawlReport } from '../report.ts';
import { openStore, type Store } from '../store/index.ts';
import { Admission } from './admission.ts';
import { PageWriter, type CrawlContext } from './context.ts';
import { Dispatcher } from './dispatcher.ts';
import { HandoffQueue } from './handoff.ts';
import { politeFetcher, PoliteHttpClient } from './http-client.ts';
import { acquireLease } from './lease.ts';
import { optionsToStore, resolveSettings, type CrawlOptions } from './options.ts';
import { findResume, restoreProgress } from './resume.ts';
import { createRoutes } from './routes.ts';
import { handleFailure } from './handlers/failure.ts';
import { CrawlStats, startProgress } from './stats.ts';

export type { CrawlOptions } from './options.ts';

const SEED_PRIORITY = 10;
const LEVELS = { off: LogLevel.OFF, error: LogLevel.ERROR, warning: LogLevel.WARNING, info: LogLevel.INFO, debug: LogLevel.DEBUG };

/** Runs a crawl to its end (frontier empty, --max-pages reached, or aborted) and returns its report. */
export async function runCrawl(options: CrawlOptions): Promise<CrawlReport> {
  const store = typeof options.db === 'object' ? options.db : openStore(options.db ?? DEFAULT_DB_PATH);
  const abort = new AbortController();
  setMaxListeners(0, abort.signal); // one listener per request in flight
  const onOuterAbort = () => abort.abort();
  if (options.signal?.aborted) abort.abort();
  else options.signal?.addEventListener('abort', onOuterAbort, { once: true });
  let release: (() => void) | undefined;
  try {
    release = await acquireLease(store, { wait: options.wait, signal: abort.signal });
    return await crawl(store, options, abort.signal);
  } finally {
    release?.();
    options.signal?.removeEventListener('abort', onOuterAbort);
    if (typeof options.db !== 'object') store.close();
  }
}

async function crawl(store: Store, options: CrawlOptions, signal: AbortSignal): Promise<CrawlReport> {
  const resumeFrom = findResume(store, options);
  const settings = resolveSettings(options, resumeFrom?.options);
  const crawlId = resumeFrom ? resumeFrom.id : store.beginCrawl(optionsToStore(options, store.path));
  if (resumeFrom?.afterMaxPages) store.reopenCrawl(crawlId); // unfinished again until it ends
  const stats = new CrawlStats(resumeFrom ? resumeFrom.startedAt : new Date().toISOString(), Boolean(resumeFrom));
  const frontier = new Frontier(store);
  // Finished work is not redone: this crawl's pages, and pages of any crawl (or import) fetched
  // within recrawlAfterMs (they stay in the store, so their site's aggregation still counts them).
  const since = settings.recrawlAfterMs > 0 ? new Date(Date.now() - settings.recrawlAfterMs).toISOString() : undefined;
  const done = store.donePageUrls(crawlId, since);
  const own = store.crawlPages(crawlId);
  const fresh = new Set(done);
  for (const r of own) fresh.delete(r.url);
  const admission = new Admission(settings, frontier, stats, done, fresh);
  if (resumeFrom) store.transaction(() => (frontier.load((url) => done.has(url)), frontier.flush()));
  else frontier.clear();
  if (resumeFrom) restoreProgress(own, { stats, admission, frontier, settings, afterMaxPages: resumeFrom.afterMaxPages });
  stats.fetchedAtStart = stats.fetched;

  const active = store.activeModel();
  if (active.error) options.progressOut?.(`mentor-radar: ${active.error}\n`);
  const ctx: CrawlContext = { store, crawlId, settings, frontier, admission, stats, signal, scoredFinal: new Set(), writer: undefined as unknown as PageWriter, model: active.model };
  const handoff = new HandoffQueue();
  const dispatcher = new Dispatcher(ctx, new Politeness(settings.delayMs), new RobotsCache({ store, timeoutMs: settings.timeoutMs, signal }), handoff, (d, err) => handleFailure(ctx, d, err));
  ctx.writer = new PageWriter(store, frontier, admission, stats, () => dispatcher.safePump());

  const seeds = (options.seeds ?? []).map((s) => normaliseUrl(s)).filter((u): u is string => Boolean(u));
  for (const n of seeds) admission.addUrl(n, settings.policy.priority(SEED_PRIORITY), 0, 'page');
  for (const u of (options.recrawl ?? []).map((x) => normaliseUrl(x)).filter((x): x is string => Boolean(x))) {
    admission.forget(u);
    if (!frontier.has(u)) admission.addUrl(u, settings.policy.priority(SEED_PRIORITY - 1), 0, 'page');
  }
  store.transaction(() => frontier.flush());

  const prevLevel = crawleeLog.getLevel();
  crawleeLog.setLevel(LEVELS[options.crawleeLogLevel ?? 'off']);
  const { router, failedRequestHandler } = createRoutes(ctx, dispatcher);
  const crawler = new CheerioCrawler(
    {
      httpClient: new PoliteHttpClient(politeFetcher(ctx, dispatcher)),
      // Crawlee 3.18's option check rejects `requestManager`; a `requestQueue` with
      // fetchNextRequest/addRequest becomes the crawler's request manager all the same.
      requestQueue: handoff as unknown as RequestProvider,
      maxRequestRetries: 0,
      minConcurrency: settings.concurrency,
      maxConcurrency: settings.concurrency,
      requestHandlerTimeoutSecs: 120,
      navigationTimeoutSecs: Math.ceil(settings.timeoutMs / 1000) + 30,
      useSessionPool: false,
      persistCookiesPerSession: false,
      statusMessageLoggingInterval: 24 * 3600,
      autoscaledPoolOptions: { isFinishedFunction: async () => dispatcher.isFinished(), maybeRunIntervalSecs: 0.01, loggingIntervalSecs: null },
      requestHandler: router,
      failedRequestHandler,
    },
    new Configuration({ persistStorage: false, purgeOnStart: false, availableMemoryRatio: 0.5 }),
  );
  // A host freed by its delay timer is fetched now, not at the pool's next poll. Bound to this
  // (root) async context: called from a request handler, the next task would otherwise inherit
  // the handler's timeout context and chain every task's context to the last (a leak).
  handoff.onPush = AsyncResource.bind(() => void crawler.autoscaledPool?.notify());

  const snapshot = () => stats.report(crawlId, frontier.size);
  const stopProgress = startProgress(snapshot, options.progress ?? 'off', options.progressOut);
  const progressTimer = options.onProgress ? setInterval(() => options.onProgress?.(snapshot()), 1000) : undefined;
  progressTimer?.unref();
  try {
    // The seeds' robots.txt is checked (cache permitting) even when every seed page is still
    // fresh in the store and nothing else of its host is queued.
    for (const n of seeds) {
      const origin = new URL(n).origin;
      if (!dispatcher.robots(origin) && !admission.blocked.has(origin) && !frontier.peek(origin)) dispatcher.resolveRobots(origin);
    }
    dispatcher.pump();
    await crawler.run();
  } finally {
    stopProgress();
    if (progressTimer) clearInterval(progressTimer);
    dispatcher.stop();
    crawleeLog.setLevel(prevLevel);
  }

  const report = snapshot();
  report.finishedAt = new Date().toISOString();
  report.interrupted = signal.aborted;
  report.stoppedBecause = signal.aborted ? 'interrupted' : admission.budgetSpent() && frontier.size > 0 ? 'max-pages' : 'done';
  if (!report.interrupted) store.finishCrawl(crawlId, report);
  else store.saveCrawlReport(crawlId, report);
  options.onProgress?.(report);
  return report;
}
