// The crawler side's shared numbers, defined once: the CLI, the crawl, the store and the sync
// server read them from here.

/** Default SQLite store, relative to the working directory (`--db`, `MENTOR_RADAR_DB` override it). */
export const DEFAULT_DB_PATH = 'data/mentor-radar.db';

/** Response bodies (crawl, `score URL`) and local HTML files (`score FILE`) are capped at this. */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

/** One HTTP exchange (connect, headers, body, redirects), ms. */
export const DEFAULT_TIMEOUT_MS = 20_000;

/** `mentor-radar serve` listens on 127.0.0.1 at this port by default. */
export const SYNC_PORT = 7457;

/** A scored page counts as relevant (harvest rate, hard focus) from this relevance on. */
export const RELEVANT_THRESHOLD = 0.5;

/** Pause between two requests to one host, ms (a longer robots.txt Crawl-delay wins). */
export const DEFAULT_DELAY_MS = 1000;

/** Stored pages younger than this are not fetched again by a new crawl (`--recrawl` does). */
export const DEFAULT_RECRAWL_AFTER_MS = 7 * 24 * 3600 * 1000;

/** Crawl defaults (`mentor-radar crawl --help`). */
export const CRAWL_DEFAULTS = {
  maxPages: 1000,
  pagesPerSite: 12,
  depth: 2,
  /** Hosts fetched in parallel, one request at a time per host (set from `npm run bench`). */
  concurrency: 8,
} as const;

/** A crawl's lease on its store is renewed this often ... */
export const LEASE_HEARTBEAT_MS = 30_000;
/** ... and taken over by another crawl once its heartbeat is older than this. */
export const LEASE_STALE_MS = 2 * 60_000;

/** Pages per site of a crawl of the bookmark queue (crawl --queued) unless --pages-per-site says otherwise: a deep crawl. */
export const DEEP_PAGES_PER_SITE = 40;
/** How often a running schedule looks at the bookmark queue (issue 11: "within a minute"). */
export const QUEUE_POLL_MS = 30_000;
