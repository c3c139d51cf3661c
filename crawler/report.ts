// The crawl report: what `crawl --json` prints, what the store keeps per crawl, what the
// progress line shows. Field names are stable (documented in the README).

export interface CrawlReport {
  crawlId?: number;
  startedAt: string;
  finishedAt?: string;
  /** Pages requested and answered (scored, skipped or failed), robots.txt/feeds/sitemaps excluded. */
  pagesFetched: number;
  /** HTML pages scored. */
  pagesScored: number;
  /** Sites (site keys) with at least one scored page. */
  sites: number;
  /** Scored pages whose relevance component is >= RELEVANT_THRESHOLD. */
  relevantPages: number;
  /** relevantPages / pagesFetched (0 when nothing was fetched). */
  harvestRate: number;
  /** Failures by kind: timeout, http, too-large, not-html, redirect-loop, robots, dns, refused, ... */
  errors: Record<string, number>;
  /** Hosts skipped as a whole (robots.txt 5xx/unreachable). */
  blockedHosts: number;
  /** URLs not fetched because robots.txt disallows them. */
  disallowed: number;
  /** URLs left in the frontier when the crawl ended. */
  queued: number;
  /** Pages not fetched because the store has them from the last `recrawlAfterMs` (7 days); `--recrawl` fetches them. */
  skippedFresh: number;
  /** Pages with more links than the crawl reads from one page (the rest are not followed). */
  linksCapped: number;
  durationMs: number;
  pagesPerSecond: number;
  /** Stopped early by a signal (Ctrl-C) or an abort; the state is saved and `--resume` continues. */
  interrupted: boolean;
  /** Why the crawl ended: 'done' (frontier empty), 'max-pages', 'interrupted'. */
  stoppedBecause: 'done' | 'max-pages' | 'interrupted';
  resumed: boolean;
}

export function emptyReport(startedAt: string, resumed = false): CrawlReport {
  return {
    startedAt,
    pagesFetched: 0,
    pagesScored: 0,
    sites: 0,
    relevantPages: 0,
    harvestRate: 0,
    errors: {},
    blockedHosts: 0,
    disallowed: 0,
    queued: 0,
    skippedFresh: 0,
    linksCapped: 0,
    durationMs: 0,
    pagesPerSecond: 0,
    interrupted: false,
    stoppedBecause: 'done',
    resumed,
  };
}

export function totalErrors(r: CrawlReport): number {
  return Object.values(r.errors).reduce((a, b) => a + b, 0);
}

/**
 * The crawl tried and could fetch no page at all (offline, every seed unreachable, blocked by
 * robots.txt or answering 4xx/5xx): the CLI exits 3. Pages skipped as fresh are not a failure.
 */
export function fetchedNothing(r: CrawlReport): boolean {
  if (r.interrupted || r.pagesScored > 0 || (r.skippedFresh ?? 0) > 0) return false;
  return r.pagesFetched > 0 || r.blockedHosts > 0 || r.disallowed > 0;
}

export function formatReport(r: CrawlReport): string {
  const errs = Object.entries(r.errors)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  return [
    `crawl ${r.crawlId ?? ''} ${r.interrupted ? 'interrupted' : r.stoppedBecause}${r.resumed ? ' (resumed)' : ''}`.replace(/\s+/g, ' '),
    `  pages fetched  ${r.pagesFetched} (scored ${r.pagesScored})`,
    `  sites          ${r.sites}`,
    `  relevant pages ${r.relevantPages}  harvest rate ${(r.harvestRate * 100).toFixed(1)}%`,
    `  errors         ${totalErrors(r)}${errs ? ` (${errs})` : ''}${r.blockedHosts ? `, ${r.blockedHosts} host(s) blocked by robots.txt/unreachable` : ''}${r.disallowed ? `; ${r.disallowed} URL(s) disallowed by robots.txt` : ''}`,
    `  duration       ${(r.durationMs / 1000).toFixed(1)} s, ${r.pagesPerSecond.toFixed(1)} pages/s, ${r.queued} URL(s) left in the frontier`,
    ...((r.skippedFresh ?? 0) > 0 ? [`  fresh          ${r.skippedFresh} page(s) skipped: fetched in the last 7 days (--recrawl fetches them again)`] : []),
    ...((r.linksCapped ?? 0) > 0 ? [`  links          ${r.linksCapped} page(s) had more links than the crawl follows from one page`] : []),
    // A crawl that reached no host at all is almost always a network problem, not a policy one.
    ...(fetchedNothing(r)
      ? [
          r.pagesFetched === 0 && r.blockedHosts > 0
            ? '  note           no host could be reached: check the network (or try `npm run demo`, which needs none)'
            : '  note           no page could be fetched (exit 3)',
        ]
      : []),
  ].join('\n');
}
