// The crawl's counters, turned into a CrawlReport on demand, and the one progress printer (a
// line rewritten in place on a terminal, a plain line every 10 s otherwise).
import { emptyReport, totalErrors, type CrawlReport } from '../report.ts';

export type ProgressMode = 'tty' | 'lines' | 'off';

export class CrawlStats {
  fetched = 0;
  scored = 0;
  relevant = 0;
  errors: Record<string, number> = {};
  readonly sites = new Set<string>();
  readonly blockedHosts = new Set<string>();
  disallowed = 0;
  skippedFresh = 0;
  linksCapped = 0;
  /** Pages fetched by an earlier run of a resumed crawl (not counted in pages/s). */
  fetchedAtStart = 0;
  private readonly t0 = Date.now();

  constructor(
    private readonly startedAt: string,
    private readonly resumed: boolean,
  ) {}

  bump(kind: string): void {
    this.errors[kind] = (this.errors[kind] ?? 0) + 1;
  }

  report(crawlId: number, queued: number): CrawlReport {
    const r = emptyReport(this.startedAt, this.resumed);
    r.crawlId = crawlId;
    r.pagesFetched = this.fetched;
    r.pagesScored = this.scored;
    r.sites = this.sites.size;
    r.relevantPages = this.relevant;
    r.harvestRate = this.fetched ? this.relevant / this.fetched : 0;
    r.errors = { ...this.errors };
    r.blockedHosts = this.blockedHosts.size;
    r.disallowed = this.disallowed;
    r.queued = queued;
    r.skippedFresh = this.skippedFresh;
    r.linksCapped = this.linksCapped;
    r.durationMs = Date.now() - this.t0;
    r.pagesPerSecond = r.durationMs > 0 ? (this.fetched - this.fetchedAtStart) / (r.durationMs / 1000) : 0;
    return r;
  }
}

export function progressLine(r: CrawlReport): string {
  return (
    `pages ${r.pagesFetched}  sites ${r.sites}  relevant ${r.relevantPages}  ` +
    `harvest ${(r.harvestRate * 100).toFixed(0)}%  errors ${totalErrors(r)}  ` +
    `${r.pagesPerSecond.toFixed(1)} pages/s  queued ${r.queued}`
  );
}

/** Prints progress while a crawl runs; `stop()` clears the terminal line. */
export function startProgress(snapshot: () => CrawlReport, mode: ProgressMode, write: (s: string) => void = (s) => void process.stderr.write(s)): () => void {
  if (mode === 'off') return () => undefined;
  let shown = false;
  const timer = setInterval(
    () => {
      const line = progressLine(snapshot());
      if (mode === 'tty') {
        shown = true;
        write(`\r\x1b[2K${line}`);
      } else write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);
    },
    mode === 'tty' ? 250 : 10_000,
  );
  timer.unref();
  return () => {
    clearInterval(timer);
    if (shown) write('\r\x1b[2K');
  };
}
