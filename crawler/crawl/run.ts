// The focused crawl: Crawlee's CheerioCrawler does the fetching pipeline and parsing; our own
// best-first frontier (persisted in SQLite) decides what goes next, honouring robots.txt and
// per-host politeness, and feeds Crawlee a few URLs at a time. Pages are scored by scoring/
// and written with their site's re-aggregation in one transaction.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { setMaxListeners } from 'node:events';
import { CheerioCrawler, Configuration, log as crawleeLog, LogLevel } from '@crawlee/cheerio';
import type { BaseHttpClient, HttpRequest, HttpResponse, RedirectHandler, ResponseTypes, StreamingHttpResponse } from '@crawlee/cheerio';
import type { CheerioAPI } from 'cheerio';
import { scorePage, siteKey, type PageScore } from '../../scoring/index.ts';
import { fetchPage, FetchError, DEFAULT_MAX_BYTES, type FetchedPage } from '../net/fetch.ts';
import { openStore, DEFAULT_DB, type Store } from '../store/index.ts';
import { Frontier, type EntryKind, type FrontierEntry } from '../frontier/frontier.ts';
import { RobotsCache, isAllowed, type Robots } from '../net/robots.ts';
import { Politeness, DEFAULT_DELAY_MS } from '../net/politeness.ts';
import { linkPriority, normaliseUrl, isHub, MENTOR_RE, siteSelectionBonus, MIN_LINK_PRIORITY } from '../frontier/link-priority.ts';
import { parseFeed } from '../net/feeds.ts';
import { parseSitemap } from '../net/sitemaps.ts';
import { ProgressDisplay, type ProgressMode } from '../progress.ts';
import { emptyReport, RELEVANT_THRESHOLD, type CrawlReport } from '../report.ts';

export interface CrawlOptions {
  /** Seed URLs (http/https). Optional when resuming. */
  seeds?: string[];
  /** A db path (default data/mentor-radar.db) or an open Store (left open). */
  db?: string | Store;
  /** Stop after this many pages fetched (default 1000). */
  maxPages?: number;
  /** Visit at most this many sites (default unlimited). */
  maxSites?: number;
  /** Page budget per site (default 12). */
  pagesPerSite?: number;
  /** Site hops away from the seeds (default 2; 0 = the seed sites only). */
  depth?: number;
  /** Hosts fetched in parallel (default 8); always one request at a time per host. */
  concurrency?: number;
  /**
   * Continue the last unfinished/interrupted crawl (also done automatically when one exists),
   * or the last crawl stopped by --max-pages (only when asked; with a fresh page budget). Its
   * stored options apply except those given here. Throws when there is nothing to resume.
   */
  resume?: boolean;
  /** Pause between two requests to one host, ms (default 1000; robots Crawl-delay wins when longer). */
  politenessDelayMs?: number;
  /** Per request, ms (default 20000). */
  timeoutMs?: number;
  /** Body cap, bytes (default 5 MB). */
  maxBytes?: number;
  /** Accepted for the CLI's convenience; the report is the same (the CLI prints it as JSON). */
  json?: boolean;
  /** Live progress on stderr (default 'auto': TTY line, else a line every 5 s). */
  progress?: ProgressMode;
  onProgress?: (r: CrawlReport) => void;
  /** Abort = stop cleanly: in-flight pages finish or stay queued, everything scored is saved. */
  signal?: AbortSignal;
  /** Install SIGINT/SIGTERM handlers for the crawl's duration (the CLI does). */
  handleSignals?: boolean;
  /** 'best-first' (default) or 'breadth-first' (FIFO, no focus; the benchmark's baseline). */
  strategy?: 'best-first' | 'breadth-first';
  /** Start a new crawl even when an unfinished one exists. */
  fresh?: boolean;
  /** Pages to fetch again although stored (the schedule's recrawl); they seed the crawl too. */
  recrawl?: string[];
  /**
   * A URL whose stored page row (from any crawl) was fetched less than this long ago is not
   * fetched again, unless it is in `recrawl` (default 7 days; 0 = refetch everything).
   */
  recrawlAfterMs?: number;
  /** Roundup year for scoring freshness (default: current year). */
  roundupYear?: number;
  /** Crawlee's own log level (default: off). */
  crawleeLogLevel?: 'off' | 'error' | 'warning' | 'info' | 'debug';
}

type Dispatch = FrontierEntry & { fetched?: FetchedPage; startedAt: number };

const SEED_PRIORITY = 10;
const HOME_PRIORITY = 6;
const FEED_PRIORITY = 5;
const SITEMAP_PRIORITY = 4.5;
const MAX_FEEDS_PER_SITE = 1;
const MAX_SITEMAPS_PER_SITE = 3;
const MAX_LINKS_PER_PAGE = 400;
/** Queued page entries kept per site: this × pagesPerSite, the best ones (sitemaps can list 50k URLs). */
const SITE_QUEUE_FACTOR = 5;
/** Stored pages younger than this are not fetched again by a new crawl. */
export const DEFAULT_RECRAWL_AFTER_MS = 7 * 24 * 3600 * 1000;

class OffsiteRedirect extends FetchError {
  constructor(
    public target: string,
    from: string,
  ) {
    super('other', `redirects to another host: ${target}`, { url: from });
    this.name = 'OffsiteRedirect';
  }
}

/** Crawlee's HTTP client slot: every request goes through fetchPage (cap, charset, errors, robots on redirects). */
class PoliteHttpClient implements BaseHttpClient {
  constructor(private doFetch: (url: string) => Promise<FetchedPage>) {}

  async sendRequest<T extends keyof ResponseTypes = 'text'>(request: HttpRequest<T>): Promise<HttpResponse<T>> {
    const page = await this.doFetch(String(request.url));
    return {
      url: page.finalUrl,
      redirectUrls: [],
      statusCode: page.status,
      headers: { 'content-type': 'text/html; charset=utf-8' },
      trailers: {},
      complete: true,
      request,
      body: page.body as ResponseTypes[T],
    };
  }

  async stream(request: HttpRequest, _onRedirect?: RedirectHandler): Promise<StreamingHttpResponse> {
    const page = await this.doFetch(String(request.url));
    const stream = Readable.from([Buffer.from(page.body, 'utf8')]);
    const xml = page.contentType.includes('xml') && !page.contentType.includes('xhtml');
    return {
      stream,
      request,
      url: page.finalUrl,
      redirectUrls: page.finalUrl !== page.url ? [new URL(page.finalUrl)] : [],
      statusCode: page.status,
      headers: { 'content-type': xml ? 'application/xml; charset=utf-8' : 'text/html; charset=utf-8' },
      trailers: {},
      complete: true,
      downloadProgress: { percent: 1, transferred: page.bytes, total: page.bytes },
      uploadProgress: { percent: 1, transferred: 0, total: 0 },
    };
  }
}

function originOf(url: string): string {
  return new URL(url).origin;
}

function keyOf(url: string): string | undefined {
  try {
    return siteKey(url);
  } catch {
    return undefined;
  }
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

function errorKey(err: unknown): string {
  if (err instanceof FetchError) return err.kind;
  return 'other';
}

const LEVELS = { off: LogLevel.OFF, error: LogLevel.ERROR, warning: LogLevel.WARNING, info: LogLevel.INFO, debug: LogLevel.DEBUG };

/** Runs a crawl to its end (frontier empty, --max-pages reached, or aborted) and returns its report. */
export async function runCrawl(options: CrawlOptions): Promise<CrawlReport> {
  const store = typeof options.db === 'object' ? options.db : openStore(options.db ?? DEFAULT_DB);
  const ownStore = typeof options.db !== 'object';

  // ---- crawl record: resume or start -------------------------------------------------------
  // A plain re-run continues an unfinished (interrupted, killed) crawl; `resume: true` also
  // continues the last crawl when --max-pages stopped it and its frontier is still queued.
  let resumeFrom: ResumePoint | undefined;
  if (!options.fresh) {
    const u = store.unfinishedCrawl();
    if (u) resumeFrom = { ...u, afterMaxPages: false };
    else if (options.resume) resumeFrom = maxPagesStop(store);
  }
  if (options.resume && !resumeFrom) {
    if (ownStore) store.close();
    throw new Error(
      options.fresh
        ? 'crawl: --resume and a fresh crawl cannot be combined'
        : 'crawl: nothing to resume (no interrupted crawl and no crawl stopped by --max-pages with queued URLs); start a new crawl with seeds',
    );
  }
  // A resumed crawl keeps its stored options, except those given explicitly now.
  const stored = (resumeFrom?.options ?? {}) as Partial<Record<keyof CrawlOptions, unknown>>;
  const num = (k: 'maxPages' | 'maxSites' | 'pagesPerSite' | 'depth' | 'concurrency' | 'politenessDelayMs' | 'timeoutMs' | 'maxBytes' | 'roundupYear' | 'recrawlAfterMs'): number | undefined => {
    const v = options[k];
    if (v !== undefined) return v;
    const sv = stored[k];
    return typeof sv === 'number' && Number.isFinite(sv) ? sv : undefined;
  };
  const maxPages = num('maxPages') ?? 1000;
  const maxSites = num('maxSites') ?? Infinity;
  const pagesPerSite = num('pagesPerSite') ?? 12;
  const depth = num('depth') ?? 2;
  const concurrency = Math.max(1, num('concurrency') ?? 8);
  const delayMs = num('politenessDelayMs') ?? DEFAULT_DELAY_MS;
  const timeoutMs = num('timeoutMs') ?? 20_000;
  const maxBytes = num('maxBytes') ?? DEFAULT_MAX_BYTES;
  const roundupYear = num('roundupYear');
  const bfs = (options.strategy ?? stored.strategy) === 'breadth-first';
  const recrawl = new Set((options.recrawl ?? []).map((u) => normaliseUrl(u)).filter((u): u is string => Boolean(u)));

  const abort = new AbortController();
  setMaxListeners(0, abort.signal); // one listener per request in flight
  const onOuterAbort = () => abort.abort();
  if (options.signal) {
    if (options.signal.aborted) abort.abort();
    else options.signal.addEventListener('abort', onOuterAbort, { once: true });
  }
  let sigints = 0;
  const onSignal = () => {
    sigints++;
    if (sigints > 1) process.exit(130);
    process.stderr.write('\nstopping: finishing the pages in flight (Ctrl-C again to quit at once)\n');
    abort.abort();
  };
  if (options.handleSignals) {
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }

  const resumed = Boolean(resumeFrom);
  const crawlId = resumeFrom ? resumeFrom.id : store.beginCrawl({ ...options, db: typeof options.db === 'string' ? options.db : store.path, signal: undefined, onProgress: undefined });
  // Running again: unfinished until it ends (a kill -9 now resumes like any unfinished crawl).
  if (resumeFrom?.afterMaxPages) store.db.prepare(`UPDATE crawls SET finished_at = NULL WHERE id = ?`).run(crawlId);
  const startedAt = resumeFrom ? resumeFrom.startedAt : new Date().toISOString();
  const t0 = Date.now();
  const frontier = new Frontier(store.db);
  // Every outer transaction takes the write lock at BEGIN (IMMEDIATE), so a concurrent writer
  // (import, decide, serve in another process) makes us wait the busy timeout instead of
  // failing at once when a deferred read transaction tries to upgrade (the store's own
  // .immediate() becomes a mere savepoint inside ours).
  const tx = (fn: () => void): void => store.db.transaction(fn).immediate();
  // Finished work is not redone: pages of this crawl, and pages of any crawl (or import)
  // fetched within recrawlAfterMs, are not fetched again (the schedule's `recrawl` list excepted).
  // They stay in the store, so their site's aggregation still counts them.
  const recrawlAfterMs = num('recrawlAfterMs') ?? DEFAULT_RECRAWL_AFTER_MS;
  const freshSince = new Date(Date.now() - Math.max(0, recrawlAfterMs)).toISOString();
  const crawlDone = new Set<string>(
    (
      store.db.prepare(`SELECT url FROM pages WHERE crawl_id = ? OR (? > 0 AND fetched_at >= ?)`).all(crawlId, recrawlAfterMs, freshSince) as { url: string }[]
    ).map((r) => r.url),
  );
  if (resumed) {
    tx(() => {
      frontier.load((url) => crawlDone.has(url));
      frontier.flush();
    });
  } else {
    frontier.clear();
  }

  // ---- state -------------------------------------------------------------------------------
  const politeness = new Politeness(delayMs);
  const robotsCache = new RobotsCache({ db: store.db, timeoutMs, signal: abort.signal });
  const robotsOf = new Map<string, Robots>();
  const robotsPending = new Set<string>();
  const blocked = new Set<string>();
  const admittedSites = new Set<string>();
  const sitePages = new Map<string, number>();
  const siteFeeds = new Map<string, number>();
  const siteSitemaps = new Map<string, number>();
  const scoredFinal = new Set<string>();
  const inflight = new Map<string, Dispatch>();
  let robotsInflight = 0;
  /** Pages waiting out a SQLITE_BUSY back-off before going back to the frontier. */
  let busyWaiting = 0;
  let dispatchSeq = 0;
  let dispatchedPages = 0;
  let disallowed = 0;
  const live = { fetched: 0, scored: 0, relevant: 0, errors: {} as Record<string, number>, sites: new Set<string>() };

  // Counters of a resumed crawl start from what it already stored.
  for (const r of store.db.prepare(`SELECT url, site, status, error_kind, http_status, json_extract(page_json, '$.components.relevance') AS rel FROM pages WHERE crawl_id = ?`).all(crawlId) as {
    url: string;
    site: string;
    status: string;
    error_kind: string | null;
    http_status: number | null;
    rel: number | null;
  }[]) {
    live.fetched++;
    dispatchedPages++;
    sitePages.set(r.site, (sitePages.get(r.site) ?? 0) + 1);
    admittedSites.add(r.site);
    if (r.status === 'scored') {
      live.scored++;
      live.sites.add(r.site);
      if ((r.rel ?? 0) >= RELEVANT_THRESHOLD) live.relevant++;
    } else if (r.status === 'failed') {
      const k = r.error_kind ?? 'other';
      live.errors[k] = (live.errors[k] ?? 0) + 1;
    }
  }
  const fetchedAtStart = live.fetched;
  for (const [site, n] of sitePages) if (n >= pagesPerSite) frontier.dropSite(site);
  // After a --max-pages stop the resumed crawl gets a fresh page budget.
  const budgetBase = resumeFrom?.afterMaxPages ? dispatchedPages : 0;
  const budgetSpent = (): boolean => dispatchedPages - budgetBase >= maxPages;
  if (resumed) {
    for (const o of frontier.origins()) {
      const e = frontier.peek(o);
      if (e) admittedSites.add(e.site);
    }
  }

  function snapshot(): CrawlReport {
    const r = emptyReport(startedAt, resumed);
    r.crawlId = crawlId;
    r.pagesFetched = live.fetched;
    r.pagesScored = live.scored;
    r.sites = live.sites.size;
    r.relevantPages = live.relevant;
    r.harvestRate = live.fetched ? live.relevant / live.fetched : 0;
    r.errors = { ...live.errors };
    r.blockedHosts = blocked.size;
    r.disallowed = disallowed;
    r.queued = frontier.size;
    r.durationMs = Date.now() - t0;
    r.pagesPerSecond = r.durationMs > 0 ? (live.fetched - fetchedAtStart) / (r.durationMs / 1000) : 0;
    return r;
  }

  // ---- adding URLs -------------------------------------------------------------------------
  function admit(site: string): boolean {
    if (admittedSites.has(site)) return true;
    if (admittedSites.size >= maxSites) return false;
    admittedSites.add(site);
    return true;
  }

  function addUrl(url: string, priority: number, hops: number, kind: EntryKind, parent?: string): boolean {
    const site = keyOf(url);
    if (!site) return false;
    if (hops > depth) return false;
    if (crawlDone.has(url)) return false;
    const origin = originOf(url);
    if (blocked.has(origin)) return false;
    if (kind === 'page' && (sitePages.get(site) ?? 0) >= pagesPerSite) return false;
    const isNewSite = !admittedSites.has(site);
    if (!admit(site)) return false;
    const e: Omit<FrontierEntry, 'seq'> = { url, site, origin, priority: bfs ? 0 : priority, hops, kind };
    if (parent) e.parent = parent;
    const cap = { siteCap: SITE_QUEUE_FACTOR * pagesPerSite };
    const added = frontier.add(e, cap);
    if (isNewSite && kind === 'page') {
      // Every site is entered at its home page too.
      const home = `${origin}/`;
      if (home !== url && !crawlDone.has(home)) frontier.add({ url: home, site, origin, priority: bfs ? 0 : HOME_PRIORITY, hops, kind: 'page', ...(parent ? { parent } : {}) }, cap);
    }
    return added;
  }

  function siteOfEntry(e: FrontierEntry): string {
    return e.site;
  }

  // ---- dispatching -------------------------------------------------------------------------
  // eslint-disable-next-line prefer-const -- assigned once below, used by pump() before that line runs
  let crawler: CheerioCrawler;
  let pumpTimer: NodeJS.Timeout | undefined;
  let stopReason: CrawlReport['stoppedBecause'] = 'done';

  function stopping(): boolean {
    return abort.signal.aborted || budgetSpent();
  }

  function resolveRobots(origin: string): void {
    if (robotsPending.has(origin)) return;
    robotsPending.add(origin);
    robotsInflight++;
    politeness.acquire(origin);
    void robotsCache
      .get(origin)
      .then((r) => {
        robotsOf.set(origin, r);
        politeness.setCrawlDelay(origin, r.rules.crawlDelaySec);
        if (r.status === 'blocked') {
          blocked.add(origin);
          const dropped = frontier.dropOrigin(origin);
          live.errors['robots-unreachable'] = (live.errors['robots-unreachable'] ?? 0) + 1;
          void dropped;
        } else {
          // Sitemaps of an admitted site: robots.txt's Sitemap lines, else /sitemap.xml.
          const site = keyOf(origin);
          if (site && admittedSites.has(site)) {
            const maps = r.rules.sitemaps.filter((s) => {
              try {
                return new URL(s).origin === origin;
              } catch {
                return false;
              }
            });
            for (const s of maps.length ? maps.slice(0, MAX_SITEMAPS_PER_SITE) : [`${origin}/sitemap.xml`]) {
              const n = normaliseUrl(s.replace(/\.xml$/i, '.xml'));
              const u = n ?? s;
              if ((siteSitemaps.get(site) ?? 0) < MAX_SITEMAPS_PER_SITE) {
                if (frontier.add({ url: u, site, origin, priority: SITEMAP_PRIORITY, hops: 0, kind: 'sitemap' })) siteSitemaps.set(site, (siteSitemaps.get(site) ?? 0) + 1);
              }
            }
          }
        }
      })
      .catch(() => {
        blocked.add(origin);
        frontier.dropOrigin(origin);
      })
      .finally(() => {
        robotsInflight--;
        politeness.release(origin);
        // Nothing awaits this chain: a store error here is counted, never an unhandled rejection.
        try {
          if (frontier.dirty) tx(() => frontier.flush());
        } catch (err) {
          // On SQLITE_BUSY the frontier writes stay buffered for the next flush.
          bump(isBusyError(err) ? 'store-busy' : 'store');
        }
        safePump();
      })
      .catch(() => undefined);
  }

  function pump(): void {
    if (pumpTimer) {
      clearTimeout(pumpTimer);
      pumpTimer = undefined;
    }
    if (stopping()) return;
    if (inflight.size + robotsInflight >= concurrency) return;
    const now = Date.now();
    let nextReady = Infinity;
    // One pass over the hosts (not one per free slot): the best entry of every host that is
    // free right now, best first.
    const ready: { origin: string; top: FrontierEntry }[] = [];
    const empty: string[] = [];
    for (const origin of frontier.origins()) {
      const h = politeness.host(origin);
      if (h.busy) continue;
      if (h.readyAt > now) {
        nextReady = Math.min(nextReady, h.readyAt);
        continue;
      }
      const top = frontier.peek(origin);
      if (top) ready.push({ origin, top });
      else empty.push(origin);
    }
    for (const o of empty) frontier.pruneEmpty(o);
    ready.sort((a, b) => b.top.priority - a.top.priority || a.top.seq - b.top.seq);
    const batch: Dispatch[] = [];
    for (const { origin } of ready) {
      if (inflight.size + robotsInflight + batch.length >= concurrency || budgetSpent()) break;
      if (!robotsOf.has(origin)) {
        resolveRobots(origin);
        continue;
      }
      const robots = robotsOf.get(origin);
      // This host's best entry that may be fetched.
      for (;;) {
        const e = frontier.take(origin);
        if (!e) {
          frontier.pruneEmpty(origin);
          break;
        }
        if (!robots || !isAllowed(robots, e.url)) {
          disallowed++;
          frontier.markDone(e.url);
          continue;
        }
        const site = siteOfEntry(e);
        if (e.kind === 'page') {
          if (budgetSpent()) {
            // Stays queued (persisted) for a `resume: true` run.
            frontier.requeue(e);
            break;
          }
          if ((sitePages.get(site) ?? 0) >= pagesPerSite) {
            frontier.markDone(e.url);
            continue;
          }
          const n = (sitePages.get(site) ?? 0) + 1;
          sitePages.set(site, n);
          dispatchedPages++;
          // The site's page budget is spent: its other queued pages go.
          if (n >= pagesPerSite) frontier.dropSite(site);
        }
        politeness.acquire(origin);
        batch.push({ ...e, startedAt: Date.now() });
        break;
      }
    }
    if (batch.length) {
      for (const d of batch) inflight.set(d.url, d);
      void crawler
        // A unique key per dispatch: a page requeued (SQLITE_BUSY) must not be deduplicated by Crawlee.
        .addRequests(batch.map((d) => ({ url: d.url, uniqueKey: `${d.url}#${++dispatchSeq}`, userData: { kind: d.kind } })))
        .catch(() => undefined);
    }
    if (nextReady !== Infinity && Number.isFinite(nextReady)) {
      pumpTimer = setTimeout(safePump, Math.max(1, nextReady - Date.now()));
    }
  }

  /** pump() where nothing catches: a store error is counted (kind 'store'), never a crash. */
  function safePump(): void {
    try {
      pump();
    } catch (err) {
      bump(isBusyError(err) ? 'store-busy' : 'store');
    }
  }

  function isFinished(): boolean {
    // Safety net: a request Crawlee never handed back (it should not happen) is failed after
    // its timeout plus a minute, so the crawl cannot hang on it.
    const now = Date.now();
    for (const d of [...inflight.values()]) {
      if (now - d.startedAt > timeoutMs + 60_000) {
        handleFailure(d, new FetchError('timeout', `no response from the crawler pipeline: ${d.url}`, { url: d.url }));
        finish(d);
      }
    }
    if (inflight.size > 0 || robotsInflight > 0 || busyWaiting > 0) return false;
    if (stopping()) return true;
    for (const origin of frontier.origins()) {
      if (frontier.peek(origin)) {
        pump();
        return false;
      }
    }
    return true;
  }

  // ---- fetching (inside Crawlee's HTTP client slot) ----------------------------------------
  async function doFetch(url: string): Promise<FetchedPage> {
    const d = inflight.get(url) ?? inflight.get(normaliseUrl(url) ?? url);
    const kind = d?.kind ?? 'page';
    const origin = originOf(url);
    const robots = robotsOf.get(origin);
    const page = await fetchPage(url, {
      accept: kind === 'page' ? 'html' : 'any',
      maxBytes,
      timeoutMs,
      signal: abort.signal,
      followRedirect: (to) => {
        if (new URL(to).origin !== origin) throw new OffsiteRedirect(to, url);
        if (robots && !isAllowed(robots, to)) throw new FetchError('robots', `redirect target disallowed by robots.txt: ${to}`, { url });
        return true;
      },
    });
    if (d) d.fetched = page;
    return page;
  }

  // ---- handling ----------------------------------------------------------------------------
  function finish(d: Dispatch): void {
    inflight.delete(d.url);
    politeness.release(d.origin);
  }

  function bump(kind: string): void {
    live.errors[kind] = (live.errors[kind] ?? 0) + 1;
  }

  const busyRequeues = new Map<string, number>();

  /**
   * The write still met SQLITE_BUSY after the busy timeout: nothing of the page was recorded,
   * so it goes back to the frontier (fetched again later) and its budget is given back. Its
   * persisted frontier row is still 'queued', so after MAX_BUSY_REQUEUES it is simply left
   * there for the next run.
   */
  function requeueBusy(d: Dispatch): void {
    const n = (busyRequeues.get(d.url) ?? 0) + 1;
    busyRequeues.set(d.url, n);
    if (d.kind === 'page') {
      sitePages.set(d.site, Math.max(0, (sitePages.get(d.site) ?? 0) - 1));
      dispatchedPages--;
    }
    if (n > MAX_BUSY_REQUEUES) {
      bump('store-busy');
      return;
    }
    const e: FrontierEntry = { url: d.url, site: d.site, origin: d.origin, priority: d.priority, hops: d.hops, kind: d.kind, seq: d.seq };
    if (d.parent) e.parent = d.parent;
    busyWaiting++;
    const t = setTimeout(() => {
      busyWaiting--;
      frontier.requeue(e);
      safePump();
    }, BUSY_BACKOFF_MS * n);
    t.unref?.();
  }

  /** Marks a feed/sitemap done; on SQLITE_BUSY the marks stay buffered for the next flush. */
  function markDoneTx(d: Dispatch): void {
    frontier.markDone(d.url);
    try {
      tx(() => frontier.flush());
    } catch (err) {
      if (!isBusyError(err)) throw err;
    }
  }

  /** Saves a page row with its frontier marks; false (and the page requeued) on SQLITE_BUSY. */
  function savePage(d: Dispatch, rec: Parameters<Store['savePage']>[0]): boolean {
    try {
      tx(() => {
        store.savePage(rec, 'crawl');
        frontier.markDone(d.url);
        frontier.flush();
      });
    } catch (err) {
      if (!isBusyError(err)) throw err;
      requeueBusy(d);
      return false;
    }
    crawlDone.add(d.url);
    return true;
  }

  function handlePage(d: Dispatch, $: CheerioAPI, fetched: FetchedPage): void {
    const at = new Date().toISOString();
    // Counters move only once the row is written (a page requeued on SQLITE_BUSY is not counted).
    if (fetched.finalUrl !== d.url && scoredFinal.has(fetched.finalUrl)) {
      if (savePage(d, { url: d.url, status: 'skipped', fetchedAt: at, httpStatus: fetched.status, error: `duplicate of ${fetched.finalUrl}`, errorKind: 'duplicate', crawlId })) live.fetched++;
      return;
    }
    let page: PageScore;
    try {
      page = scorePage({ url: d.url, html: fetched.body, finalUrl: fetched.finalUrl, ...(roundupYear ? { roundupYear } : {}) });
    } catch (err) {
      if (savePage(d, { url: d.url, status: 'failed', fetchedAt: at, httpStatus: fetched.status, error: String((err as Error)?.message ?? err).slice(0, 300), errorKind: 'score', crawlId })) {
        live.fetched++;
        bump('score');
      }
      return;
    }
    const relevance = page.components.relevance;
    const relevant = relevance >= RELEVANT_THRESHOLD;
    const text = $('body').text().replace(/\s+/g, ' ').trim();
    const contentHash = createHash('sha1').update(text).digest('hex');

    // ---- links ----
    const base = $('base[href]').attr('href');
    let baseUrl = fetched.finalUrl;
    if (base) {
      try {
        baseUrl = new URL(base, fetched.finalUrl).href;
      } catch {
        /* keep */
      }
    }
    const links: { url: URL; anchor: string; nearby: string }[] = [];
    const seenHere = new Set<string>();
    $('a[href]').each((i, el) => {
      if (links.length >= MAX_LINKS_PER_PAGE) return false;
      const href = $(el).attr('href') ?? '';
      if (!href || href.startsWith('#') || /^(mailto|tel|javascript):/i.test(href)) return undefined;
      const norm = normaliseUrl(href, baseUrl);
      if (!norm || seenHere.has(norm)) return undefined;
      seenHere.add(norm);
      const a = $(el);
      const anchor = (a.text() || a.attr('title') || a.find('img').attr('alt') || '').replace(/\s+/g, ' ').trim();
      const nearby = MENTOR_RE.test(anchor) ? '' : a.parent().text().replace(/\s+/g, ' ').slice(0, 240);
      links.push({ url: new URL(norm), anchor, nearby });
      return undefined;
    });
    const otherSites = new Set<string>();
    for (const l of links) {
      const k = keyOf(l.url.href);
      if (k && k !== d.site) otherSites.add(k);
    }
    const headings = $('h1, h2').slice(0, 10).text();
    const blogrollMarkup = $('[class*="blogroll" i], [id*="blogroll" i], [class*="blog-roll" i]').length > 0;
    const hub = isHub(page.title, headings, otherSites.size, blogrollMarkup);
    const followOffsite = bfs || relevant || hub;
    for (const l of links) {
      const k = keyOf(l.url.href);
      if (!k) continue;
      const sameSite = k === d.site;
      if (!sameSite && !followOffsite) continue; // hard focus
      const hops = sameSite ? d.hops : d.hops + 1;
      const pr = linkPriority(l.url, { anchor: l.anchor, nearby: l.nearby, parentScore: page.score, parentRelevance: relevance, sameSite, fromHub: hub });
      if (!bfs && pr < MIN_LINK_PRIORITY) continue;
      addUrl(l.url.href, pr, hops, 'page', d.url);
    }
    // ---- feeds ----
    const feeds = new Set(page.feedUrls ?? []);
    $('link[rel~="alternate"][href]').each((_, el) => {
      const type = ($(el).attr('type') ?? '').toLowerCase();
      if (type.includes('rss') || type.includes('atom')) {
        try {
          feeds.add(new URL($(el).attr('href') ?? '', baseUrl).href);
        } catch {
          /* ignore */
        }
      }
    });
    for (const f of feeds) {
      let fu: URL;
      try {
        fu = new URL(f);
      } catch {
        continue;
      }
      const site = keyOf(fu.href);
      if (site !== d.site || (siteFeeds.get(site) ?? 0) >= MAX_FEEDS_PER_SITE) continue;
      fu.hash = '';
      if (frontier.add({ url: fu.href, site, origin: fu.origin, priority: FEED_PRIORITY, hops: d.hops, kind: 'feed', parent: d.url })) siteFeeds.set(site, (siteFeeds.get(site) ?? 0) + 1);
    }
    if (!savePage(d, { url: d.url, status: 'scored', fetchedAt: at, httpStatus: fetched.status, page, crawlId, contentHash })) return;
    scoredFinal.add(fetched.finalUrl);
    live.fetched++;
    live.scored++;
    if (relevant) live.relevant++;
    live.sites.add(d.site);
  }

  function addActivity(site: string, dates: string[], feedUrl?: string): void {
    if (!dates.length && !feedUrl) return;
    const prev = store.getSiteActivity(site);
    const all = [...new Set([...(prev?.postDates ?? []), ...dates])].sort();
    store.setSiteActivity(site, { postDates: all, ...(feedUrl ? { feedUrl } : prev?.feedUrl ? { feedUrl: prev.feedUrl } : {}) });
  }

  function handleFeed(d: Dispatch, fetched: FetchedPage): void {
    const feed = parseFeed(fetched.body, fetched.finalUrl);
    const mentoring = feed.items.filter((i) => i.mentoring);
    try {
      addActivity(d.site, mentoring.map((i) => i.publishedAt).filter((x): x is string => Boolean(x)), feed.kind !== 'unknown' ? fetched.finalUrl : undefined);
    } catch (err) {
      if (!isBusyError(err)) throw err;
      requeueBusy(d);
      return;
    }
    for (const it of mentoring.slice(0, 50)) {
      if (!it.link) continue;
      const n = normaliseUrl(it.link);
      if (!n || keyOf(n) !== d.site) continue;
      const u = new URL(n);
      addUrl(n, 1.2 + linkPriority(u, { anchor: it.title, nearby: '', parentScore: 50, parentRelevance: 0.5, sameSite: true, fromHub: false }) * 0.5, d.hops, 'page', d.url);
    }
    markDoneTx(d);
  }

  function handleSitemap(d: Dispatch, fetched: FetchedPage): void {
    const sm = parseSitemap(fetched.body, fetched.finalUrl);
    for (const child of sm.sitemaps) {
      if ((siteSitemaps.get(d.site) ?? 0) >= MAX_SITEMAPS_PER_SITE) break;
      if (keyOf(child) !== d.site) continue;
      if (frontier.add({ url: child, site: d.site, origin: originOf(child), priority: SITEMAP_PRIORITY - 0.5, hops: d.hops, kind: 'sitemap', parent: d.url })) {
        siteSitemaps.set(d.site, (siteSitemaps.get(d.site) ?? 0) + 1);
      }
    }
    const dates: string[] = [];
    for (const entry of sm.urls) {
      const n = normaliseUrl(entry.loc);
      if (!n || keyOf(n) !== d.site) continue;
      const u = new URL(n);
      const words = decodeURIComponentSafe(u.pathname);
      const mentoring = /mentor/i.test(words);
      if (mentoring && entry.lastmod) dates.push(entry.lastmod);
      if (mentoring || siteSelectionBonus(u) > 0) {
        addUrl(n, 0.8 + linkPriority(u, { anchor: '', nearby: '', parentScore: 40, parentRelevance: 0.4, sameSite: true, fromHub: false }), d.hops, 'page', d.url);
      }
    }
    try {
      addActivity(d.site, dates);
    } catch (err) {
      if (!isBusyError(err)) throw err;
      requeueBusy(d);
      return;
    }
    markDoneTx(d);
  }

  function handleFailure(d: Dispatch, err: unknown): void {
    const at = new Date().toISOString();
    if (abort.signal.aborted && !(err instanceof FetchError && err.kind !== 'other')) {
      // Interrupted mid-fetch: not a result. It stays queued in the persisted frontier.
      return;
    }
    if (isBusyError(err)) {
      // A store write of this page met SQLITE_BUSY: not a result, fetch it again later.
      requeueBusy(d);
      return;
    }
    if (d.kind !== 'page') {
      markDoneTx(d);
      return;
    }
    if (err instanceof OffsiteRedirect) {
      const site = keyOf(err.target);
      const hops = site === d.site ? d.hops : d.hops + 1;
      addUrl(err.target, d.priority, hops, 'page', d.url);
      if (savePage(d, { url: d.url, status: 'skipped', fetchedAt: at, error: `redirects to ${err.target}`, errorKind: 'redirect', crawlId })) live.fetched++;
      return;
    }
    let kind = errorKey(err);
    if (err instanceof FetchError && err.kind === 'http' && err.status) kind = `http-${err.status}`;
    const rec: Parameters<Store['savePage']>[0] = {
      url: d.url,
      status: err instanceof FetchError && (err.kind === 'not-html' || err.kind === 'robots') ? 'skipped' : 'failed',
      fetchedAt: at,
      error: String((err as Error)?.message ?? err).slice(0, 300),
      errorKind: kind,
      crawlId,
    };
    if (err instanceof FetchError && err.status) rec.httpStatus = err.status;
    if (savePage(d, rec)) {
      live.fetched++;
      bump(kind);
    }
  }

  // ---- seeds -------------------------------------------------------------------------------
  for (const s of options.seeds ?? []) {
    const n = normaliseUrl(s);
    if (n) addUrl(n, SEED_PRIORITY, 0, 'page');
  }
  for (const u of recrawl) {
    crawlDone.delete(u);
    if (!frontier.has(u)) addUrl(u, SEED_PRIORITY - 1, 0, 'page');
  }
  tx(() => frontier.flush());

  // ---- Crawlee -----------------------------------------------------------------------------
  const prevLevel = crawleeLog.getLevel();
  crawleeLog.setLevel(LEVELS[options.crawleeLogLevel ?? 'off']);
  const config = new Configuration({ persistStorage: false, purgeOnStart: false, availableMemoryRatio: 0.5 });
  crawler = new CheerioCrawler(
    {
      httpClient: new PoliteHttpClient(doFetch),
      maxRequestRetries: 0,
      minConcurrency: concurrency,
      maxConcurrency: concurrency,
      maxRequestsPerCrawl: undefined,
      requestHandlerTimeoutSecs: 120,
      navigationTimeoutSecs: Math.ceil(timeoutMs / 1000) + 30,
      useSessionPool: false,
      persistCookiesPerSession: false,
      additionalMimeTypes: ['application/rss+xml', 'application/atom+xml', 'text/xml', 'application/xml'],
      statusMessageLoggingInterval: 24 * 3600,
      autoscaledPoolOptions: {
        isFinishedFunction: async () => isFinished(),
        maybeRunIntervalSecs: 0.01,
        loggingIntervalSecs: null,
      },
      requestHandler: async (ctx) => {
        const d = inflight.get(ctx.request.url);
        if (!d) return;
        try {
          const fetched = d.fetched;
          if (!fetched) throw new FetchError('other', 'no response');
          if (d.kind === 'page') handlePage(d, ctx.$ as unknown as CheerioAPI, fetched);
          else if (d.kind === 'feed') handleFeed(d, fetched);
          else handleSitemap(d, fetched);
        } catch (err) {
          handleFailure(d, err);
        } finally {
          finish(d);
          pump();
        }
      },
      failedRequestHandler: async (ctx, err) => {
        const d = inflight.get(ctx.request.url);
        if (!d) return;
        try {
          handleFailure(d, err);
        } finally {
          finish(d);
          pump();
        }
      },
    },
    config,
  );

  const progress = new ProgressDisplay(snapshot, options.progress ?? 'auto');
  const progressTimer = options.onProgress
    ? setInterval(() => options.onProgress?.(snapshot()), 1000)
    : undefined;
  progressTimer?.unref();
  try {
    // The seeds' robots.txt is checked as before (cache permitting) even when every seed page
    // is still fresh in the store and nothing else of its host is queued.
    for (const s of options.seeds ?? []) {
      const n = normaliseUrl(s);
      if (!n) continue;
      const origin = originOf(n);
      if (!robotsOf.has(origin) && !blocked.has(origin) && !frontier.peek(origin)) resolveRobots(origin);
    }
    pump();
    await crawler.run();
  } finally {
    progress.stop();
    if (progressTimer) clearInterval(progressTimer);
    if (pumpTimer) clearTimeout(pumpTimer);
    crawleeLog.setLevel(prevLevel);
    if (options.handleSignals) {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
    options.signal?.removeEventListener('abort', onOuterAbort);
  }

  if (abort.signal.aborted) stopReason = 'interrupted';
  else if (budgetSpent() && frontier.size > 0) stopReason = 'max-pages';
  const report = snapshot();
  report.finishedAt = new Date().toISOString();
  report.interrupted = abort.signal.aborted;
  report.stoppedBecause = stopReason;
  if (!report.interrupted) store.finishCrawl(crawlId, report);
  else store.db.prepare(`UPDATE crawls SET report_json = ? WHERE id = ?`).run(JSON.stringify(report), crawlId);
  options.onProgress?.(report);
  if (ownStore) store.close();
  return report;
}

interface ResumePoint {
  id: number;
  options: unknown;
  startedAt: string;
  afterMaxPages: boolean;
}

/** The newest crawl, when --max-pages stopped it and its frontier still has queued URLs. */
function maxPagesStop(store: Store): ResumePoint | undefined {
  const last = store.db.prepare(`SELECT id, options_json, started_at, report_json FROM crawls ORDER BY id DESC LIMIT 1`).get() as
    | { id: number; options_json: string; started_at: string; report_json: string | null }
    | undefined;
  if (!last?.report_json) return undefined;
  let stoppedBecause: unknown;
  let options: unknown;
  try {
    stoppedBecause = (JSON.parse(last.report_json) as { stoppedBecause?: unknown }).stoppedBecause;
    options = JSON.parse(last.options_json) as unknown;
  } catch {
    return undefined;
  }
  if (stoppedBecause !== 'max-pages') return undefined;
  const queued = store.db.prepare(`SELECT COUNT(*) AS n FROM frontier WHERE state = 'queued'`).get() as { n: number };
  if (queued.n === 0) return undefined;
  return { id: last.id, options, startedAt: last.started_at, afterMaxPages: true };
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
