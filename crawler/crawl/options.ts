// What a crawl is asked to do (CrawlOptions), and the settings it runs with: the options given
// now, else those stored with the crawl being resumed, else the defaults.
import { CRAWL_DEFAULTS, DEFAULT_DELAY_MS, DEFAULT_RECRAWL_AFTER_MS, DEFAULT_TIMEOUT_MS, MAX_BODY_BYTES } from '../constants.ts';
import { linkPolicy, type LinkPolicy, type PolicyName } from '../frontier/policy.ts';
import type { CrawlReport } from '../report.ts';
import type { Store } from '../store/index.ts';
import type { ProgressMode } from './stats.ts';

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
  /** Hosts fetched in parallel (default in constants.ts); always one request at a time per host. */
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
  /** Live progress on stderr (default 'off'): a line in place ('tty') or a line every 10 s. */
  progress?: ProgressMode;
  /** Where progress lines go (default stderr). */
  progressOut?: (s: string) => void;
  onProgress?: (r: CrawlReport) => void;
  /** Abort = stop cleanly: in-flight pages finish or stay queued, everything scored is saved. */
  signal?: AbortSignal;
  /** 'best-first' (default) or 'breadth-first' (FIFO, no focus; the benchmark's baseline). */
  strategy?: PolicyName;
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
  /** Another crawl holds the store: wait for it instead of failing at once. */
  wait?: boolean;
  /** A crawl of the bookmark queue (crawl --queued; stored with the crawl, so a resumed one is known). */
  queued?: boolean;
  /** Crawlee's own log level (default: off). */
  crawleeLogLevel?: 'off' | 'error' | 'warning' | 'info' | 'debug';
}

export interface CrawlSettings {
  maxPages: number;
  maxSites: number;
  pagesPerSite: number;
  depth: number;
  concurrency: number;
  delayMs: number;
  timeoutMs: number;
  maxBytes: number;
  roundupYear?: number;
  recrawlAfterMs: number;
  policy: LinkPolicy;
}

type NumericOption = 'maxPages' | 'maxSites' | 'pagesPerSite' | 'depth' | 'concurrency' | 'politenessDelayMs' | 'timeoutMs' | 'maxBytes' | 'roundupYear' | 'recrawlAfterMs';

/** A resumed crawl keeps its stored options, except those given explicitly now. */
export function resolveSettings(options: CrawlOptions, storedOptions: unknown): CrawlSettings {
  const stored = (storedOptions ?? {}) as Partial<Record<keyof CrawlOptions, unknown>>;
  const num = (k: NumericOption): number | undefined => {
    const v = options[k];
    if (v !== undefined) return v;
    const sv = stored[k];
    return typeof sv === 'number' && Number.isFinite(sv) ? sv : undefined;
  };
  const strategy = options.strategy ?? (stored.strategy === 'breadth-first' ? 'breadth-first' : undefined);
  const roundupYear = num('roundupYear');
  return {
    maxPages: num('maxPages') ?? CRAWL_DEFAULTS.maxPages,
    maxSites: num('maxSites') ?? Infinity,
    pagesPerSite: num('pagesPerSite') ?? CRAWL_DEFAULTS.pagesPerSite,
    depth: num('depth') ?? CRAWL_DEFAULTS.depth,
    concurrency: Math.max(1, num('concurrency') ?? CRAWL_DEFAULTS.concurrency),
    delayMs: num('politenessDelayMs') ?? DEFAULT_DELAY_MS,
    timeoutMs: num('timeoutMs') ?? DEFAULT_TIMEOUT_MS,
    maxBytes: num('maxBytes') ?? MAX_BODY_BYTES,
    ...(roundupYear ? { roundupYear } : {}),
    recrawlAfterMs: num('recrawlAfterMs') ?? DEFAULT_RECRAWL_AFTER_MS,
    policy: linkPolicy(strategy),
  };
}

/** What is stored with a new crawl (so a resumed run can use it): the options, minus the live objects. */
export function optionsToStore(options: CrawlOptions, dbPath: string): Record<string, unknown> {
  const { db: _db, signal: _s, onProgress: _p, progressOut: _o, ...rest } = options;
  return { ...rest, db: dbPath };
}
