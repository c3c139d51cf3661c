// What may enter the frontier: depth (site hops from the seeds), the per-site page budget, the
// number of sites, blocked hosts, pages already done (this crawl's, or fresh in the store), and
// every new site entered at its home page too. Also the crawl's page budget (--max-pages).
import { siteKey } from '../../scoring/index.ts';
import type { EntryKind, Frontier, FrontierEntry } from '../frontier/frontier.ts';
import type { CrawlSettings } from './options.ts';
import type { CrawlStats } from './stats.ts';

const HOME_PRIORITY = 6;
const FEED_PRIORITY = 5;
export const SITEMAP_PRIORITY = 4.5;
const MAX_FEEDS_PER_SITE = 1;
export const MAX_SITEMAPS_PER_SITE = 3;
/** Queued page entries kept per site: this × pagesPerSite, the best ones (sitemaps can list 50k URLs). */
const SITE_QUEUE_FACTOR = 5;

export function keyOf(url: string): string | undefined {
  try {
    return siteKey(url);
  } catch {
    return undefined;
  }
}

export class Admission {
  readonly admittedSites = new Set<string>();
  /** Pages dispatched per site (the per-site budget). */
  readonly sitePages = new Map<string, number>();
  /** Origins whose robots.txt blocks everything (5xx, unreachable). */
  readonly blocked = new Set<string>();
  private dispatchedPages = 0;
  /** After a --max-pages stop the resumed crawl gets a fresh page budget. */
  private budgetBase = 0;
  private countedFresh = new Set<string>();
  private siteFeeds = new Map<string, number>();
  private siteSitemaps = new Map<string, number>();

  constructor(
    private settings: CrawlSettings,
    private frontier: Frontier,
    private stats: CrawlStats,
    /** URLs not to fetch again: this crawl's pages and those fresh in the store. */
    private done: Set<string>,
    /** The part of `done` that is fresh from earlier crawls (counted as skipped when met). */
    private fresh: Set<string>,
  ) {}

  /** A resumed crawl's pages so far count against its budgets. */
  countStored(site: string): void {
    this.dispatchedPages++;
    this.sitePages.set(site, (this.sitePages.get(site) ?? 0) + 1);
    this.admittedSites.add(site);
  }

  freshBudget(): void {
    this.budgetBase = this.dispatchedPages;
  }

  budgetSpent(): boolean {
    return this.dispatchedPages - this.budgetBase >= this.settings.maxPages;
  }

  siteFull(site: string): boolean {
    return (this.sitePages.get(site) ?? 0) >= this.settings.pagesPerSite;
  }

  /** A page of `site` is dispatched; when that spends the site's budget its queued pages go. */
  dispatched(site: string): void {
    const n = (this.sitePages.get(site) ?? 0) + 1;
    this.sitePages.set(site, n);
    this.dispatchedPages++;
    if (n >= this.settings.pagesPerSite) this.frontier.dropSite(site);
  }

  /** A dispatched page that recorded nothing (SQLITE_BUSY) gives its budget back. */
  giveBack(site: string): void {
    this.sitePages.set(site, Math.max(0, (this.sitePages.get(site) ?? 0) - 1));
    this.dispatchedPages--;
  }

  pageDone(url: string): void {
    this.done.add(url);
    this.fresh.delete(url);
  }

  /** A URL the schedule asks to refetch although it is stored. */
  forget(url: string): void {
    this.done.delete(url);
    this.fresh.delete(url);
  }

  private isDone(url: string): boolean {
    if (!this.done.has(url)) return false;
    if (this.fresh.has(url) && !this.countedFresh.has(url)) {
      this.countedFresh.add(url);
      this.stats.skippedFresh++;
    }
    return true;
  }

  private admit(site: string): boolean {
    if (this.admittedSites.has(site)) return true;
    if (this.admittedSites.size >= this.settings.maxSites) return false;
    this.admittedSites.add(site);
    return true;
  }

  /** Queues a URL if admitted; `priority` is already the policy's. */
  addUrl(url: string, priority: number, hops: number, kind: EntryKind, parent?: string): boolean {
    const site = keyOf(url);
    if (!site || hops > this.settings.depth) return false;
    if (this.isDone(url)) return false;
    const origin = new URL(url).origin;
    if (this.blocked.has(origin)) return false;
    if (kind === 'page' && this.siteFull(site)) return false;
    const isNewSite = !this.admittedSites.has(site);
    if (!this.admit(site)) return false;
    const e: Omit<FrontierEntry, 'seq'> = { url, site, origin, priority, hops, kind };
    if (parent) e.parent = parent;
    const cap = { siteCap: SITE_QUEUE_FACTOR * this.settings.pagesPerSite };
    const added = this.frontier.add(e, cap);
    if (isNewSite && kind === 'page') {
      // Every site is entered at its home page too.
      const home = `${origin}/`;
      if (home !== url && !this.isDone(home)) this.frontier.add({ url: home, site, origin, priority: this.settings.policy.priority(HOME_PRIORITY), hops, kind: 'page', ...(parent ? { parent } : {}) }, cap);
    }
    return added;
  }

  /** A site's feed (one per site), read for post dates and post links; not a page of the budget. */
  addFeed(url: URL, site: string, hops: number, parent: string): void {
    if ((this.siteFeeds.get(site) ?? 0) >= MAX_FEEDS_PER_SITE) return;
    url.hash = '';
    if (this.frontier.add({ url: url.href, site, origin: url.origin, priority: FEED_PRIORITY, hops, kind: 'feed', parent })) this.siteFeeds.set(site, (this.siteFeeds.get(site) ?? 0) + 1);
  }

  /** One of a site's sitemaps (at most MAX_SITEMAPS_PER_SITE); not a page of the budget. */
  addSitemap(url: string, site: string, hops: number, priority = SITEMAP_PRIORITY, parent?: string): void {
    if ((this.siteSitemaps.get(site) ?? 0) >= MAX_SITEMAPS_PER_SITE) return;
    const e = { url, site, origin: new URL(url).origin, priority, hops, kind: 'sitemap' as const, ...(parent ? { parent } : {}) };
    if (this.frontier.add(e)) this.siteSitemaps.set(site, (this.siteSitemaps.get(site) ?? 0) + 1);
  }
}
