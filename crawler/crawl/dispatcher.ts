// Dispatch: hands Crawlee the best URL of every host that is free right now (robots.txt known,
// politeness delay over), never more than `concurrency` in flight, within the page budget;
// resolves each origin's robots.txt once; says when the crawl is finished.
import type { CheerioCrawler } from '@crawlee/cheerio';
import { isAllowed, type Robots, type RobotsCache } from '../net/robots.ts';
import type { Politeness } from '../net/politeness.ts';
import { FetchError } from '../net/fetch.ts';
import { normaliseUrl } from '../frontier/link-priority.ts';
import type { FrontierEntry } from '../frontier/frontier.ts';
import { keyOf, MAX_SITEMAPS_PER_SITE } from './admission.ts';
import { isBusyError, type CrawlContext, type Dispatch } from './context.ts';

export class Dispatcher {
  readonly inflight = new Map<string, Dispatch>();
  private robotsOf = new Map<string, Robots>();
  private robotsPending = new Set<string>();
  private robotsInflight = 0;
  private dispatchSeq = 0;
  private pumpTimer: NodeJS.Timeout | undefined;
  crawler: CheerioCrawler | undefined;

  constructor(
    private ctx: CrawlContext,
    private politeness: Politeness,
    private robotsCache: RobotsCache,
    /** A request Crawlee never handed back is failed through this (the route's failure handler). */
    private fail: (d: Dispatch, err: unknown) => void,
  ) {}

  robots(origin: string): Robots | undefined {
    return this.robotsOf.get(origin);
  }

  stopping(): boolean {
    return this.ctx.signal.aborted || this.ctx.admission.budgetSpent();
  }

  stop(): void {
    if (this.pumpTimer) clearTimeout(this.pumpTimer);
    this.pumpTimer = undefined;
  }

  finish(d: Dispatch): void {
    this.inflight.delete(d.url);
    this.politeness.release(d.origin);
  }

  /** Fetches an origin's robots.txt once (as a request of that host), then its sitemaps are queued. */
  resolveRobots(origin: string): void {
    if (this.robotsPending.has(origin)) return;
    this.robotsPending.add(origin);
    this.robotsInflight++;
    this.politeness.acquire(origin);
    const { admission, frontier, stats, writer } = this.ctx;
    void this.robotsCache
      .get(origin)
      .then((r) => {
        this.robotsOf.set(origin, r);
        this.politeness.setCrawlDelay(origin, r.rules.crawlDelaySec);
        if (r.status === 'blocked') {
          admission.blocked.add(origin);
          stats.blockedHosts.add(origin);
          frontier.dropOrigin(origin);
          stats.bump('robots-unreachable');
          return;
        }
        // Sitemaps of an admitted site: robots.txt's Sitemap lines, else /sitemap.xml.
        const site = keyOf(origin);
        if (!site || !admission.admittedSites.has(site)) return;
        const maps = r.rules.sitemaps.filter((s) => {
          try {
            return new URL(s).origin === origin;
          } catch {
            return false;
          }
        });
        for (const s of maps.length ? maps.slice(0, MAX_SITEMAPS_PER_SITE) : [`${origin}/sitemap.xml`]) admission.addSitemap(normaliseUrl(s) ?? s, site, 0);
      })
      .catch(() => {
        admission.blocked.add(origin);
        stats.blockedHosts.add(origin);
        frontier.dropOrigin(origin);
      })
      .finally(() => {
        this.robotsInflight--;
        this.politeness.release(origin);
        writer.flushQuietly(); // nothing awaits this chain: a store error is counted, never thrown
        this.safePump();
      })
      .catch(() => undefined);
  }

  /** pump() where nothing catches: a store error is counted (kind 'store'), never a crash. */
  safePump(): void {
    try {
      this.pump();
    } catch (err) {
      this.ctx.stats.bump(isBusyError(err) ? 'store-busy' : 'store');
    }
  }

  private busySlots(extra = 0): boolean {
    return this.inflight.size + this.robotsInflight + extra >= this.ctx.settings.concurrency;
  }

  /** This host's best entry that may be fetched, taken from the frontier (undefined: none). */
  private takeFetchable(origin: string): FrontierEntry | undefined {
    const { frontier, admission, stats } = this.ctx;
    const robots = this.robotsOf.get(origin);
    for (;;) {
      const e = frontier.take(origin);
      if (!e) {
        frontier.pruneEmpty(origin);
        return undefined;
      }
      if (!robots || !isAllowed(robots, e.url)) {
        stats.disallowed++;
        frontier.markDone(e.url);
        continue;
      }
      if (e.kind !== 'page') return e;
      if (admission.budgetSpent()) {
        frontier.requeue(e); // stays queued (persisted) for a `resume: true` run
        return undefined;
      }
      if (admission.siteFull(e.site)) {
        frontier.markDone(e.url);
        continue;
      }
      admission.dispatched(e.site);
      return e;
    }
  }

  pump(): void {
    this.stop();
    if (this.stopping() || this.busySlots()) return;
    const { frontier, admission } = this.ctx;
    const now = Date.now();
    let nextReady = Infinity;
    // One pass over the hosts (not one per free slot): the best entry of every free host, best first.
    const ready: { origin: string; top: FrontierEntry }[] = [];
    const empty: string[] = [];
    for (const origin of frontier.origins()) {
      const h = this.politeness.host(origin);
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
      if (this.busySlots(batch.length) || admission.budgetSpent()) break;
      if (!this.robotsOf.has(origin)) {
        this.resolveRobots(origin);
        continue;
      }
      const e = this.takeFetchable(origin);
      if (!e) continue;
      this.politeness.acquire(origin);
      batch.push({ ...e, startedAt: Date.now() });
    }
    if (batch.length) {
      for (const d of batch) this.inflight.set(d.url, d);
      void this.crawler
        // A unique key per dispatch: a page requeued (SQLITE_BUSY) must not be deduplicated by Crawlee.
        ?.addRequests(batch.map((d) => ({ url: d.url, uniqueKey: `${d.url}#${++this.dispatchSeq}`, label: d.kind })))
        .catch(() => undefined);
    }
    if (Number.isFinite(nextReady)) this.pumpTimer = setTimeout(() => this.safePump(), Math.max(1, nextReady - Date.now()));
  }

  isFinished(): boolean {
    // Safety net: a request Crawlee never handed back (it should not happen) is failed after
    // its timeout plus a minute, so the crawl cannot hang on it.
    const now = Date.now();
    for (const d of [...this.inflight.values()]) {
      if (now - d.startedAt > this.ctx.settings.timeoutMs + 60_000) {
        this.fail(d, new FetchError('timeout', `no response from the crawler pipeline: ${d.url}`, { url: d.url }));
        this.finish(d);
      }
    }
    if (this.inflight.size > 0 || this.robotsInflight > 0 || this.ctx.writer.busyWaiting > 0) return false;
    if (this.stopping()) return true;
    for (const origin of this.ctx.frontier.origins()) {
      if (this.ctx.frontier.peek(origin)) {
        this.pump();
        return false;
      }
    }
    return true;
  }
}
