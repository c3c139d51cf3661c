// Dispatch: hands Crawlee the best URL of every host that is free right now (robots.txt known,
// politeness delay over), never more than `concurrency` in flight, within the page budget;
// resolves each origin's robots.txt once; says when the crawl is finished.
import { isAllowed, type Robots, type RobotsCache } from '../net/robots.ts';
import type { Politeness } from '../net/politeness.ts';
import { FetchError } from '../net/fetch.ts';
import { normaliseUrl } from '../frontier/link-priority.ts';
import type { FrontierEntry } from '../frontier/frontier.ts';
import { keyOf, MAX_SITEMAPS_PER_SITE } from './admission.ts';
import { isBusyError, type CrawlContext, type Dispatch } from './context.ts';
import type { HandoffQueue } from './handoff.ts';
import { HostSchedule } from './host-schedule.ts';

export class Dispatcher {
  readonly inflight = new Map<string, Dispatch>();
  private robotsOf = new Map<string, Robots>();
  private robotsPending = new Set<string>();
  private robotsInflight = 0;
  private dispatchSeq = 0;
  private pumpTimer: NodeJS.Timeout | undefined;
  private schedule: HostSchedule;

  constructor(
    private ctx: CrawlContext,
    private politeness: Politeness,
    private robotsCache: RobotsCache,
    /** Crawlee's request manager: only what is dispatched right now. */
    private handoff: HandoffQueue,
    /** A request Crawlee never handed back is failed through this (the route's failure handler). */
    private fail: (d: Dispatch, err: unknown) => void,
  ) {
    this.schedule = new HostSchedule(ctx.frontier, politeness);
  }

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
    this.schedule.released(d.origin);
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
        this.schedule.released(origin);
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
    if (this.stopping()) return;
    const now = Date.now();
    // The best entry of every free host, best first, one host at a time from the schedule.
    while (!this.busySlots() && !this.ctx.admission.budgetSpent()) {
      const origin = this.schedule.next(now);
      if (!origin) break;
      if (!this.robotsOf.has(origin)) {
        this.resolveRobots(origin);
        continue;
      }
      const e = this.takeFetchable(origin);
      if (!e) {
        this.schedule.released(origin); // nothing fetchable now: placed again if entries come
        continue;
      }
      this.politeness.acquire(origin);
      const d: Dispatch = { ...e, startedAt: Date.now() };
      this.inflight.set(d.url, d);
      // A unique key per dispatch: a page requeued (SQLITE_BUSY) is a new request for Crawlee.
      this.handoff.push({ url: d.url, uniqueKey: `${d.url}#${++this.dispatchSeq}`, label: d.kind });
    }
    const wake = this.schedule.nextWake();
    if (Number.isFinite(wake)) this.pumpTimer = setTimeout(() => this.safePump(), Math.max(1, wake - Date.now()));
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
