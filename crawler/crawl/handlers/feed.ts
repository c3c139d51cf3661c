// A site's feed: mentoring posts' dates for the site's activity, their links for the frontier.
import { linkPriority, normaliseUrl } from '../../frontier/link-priority.ts';
import { parseFeed } from '../../net/feeds.ts';
import type { FetchedPage } from '../../net/fetch.ts';
import { keyOf } from '../admission.ts';
import { isBusyError, type CrawlContext, type Dispatch } from '../context.ts';

export function addActivity(ctx: CrawlContext, site: string, dates: string[], feedUrl?: string): void {
  if (!dates.length && !feedUrl) return;
  const prev = ctx.store.getSiteActivity(site);
  const all = [...new Set([...(prev?.postDates ?? []), ...dates])].sort();
  ctx.store.setSiteActivity(site, { postDates: all, ...(feedUrl ? { feedUrl } : prev?.feedUrl ? { feedUrl: prev.feedUrl } : {}) });
}

export function handleFeed(ctx: CrawlContext, d: Dispatch, fetched: FetchedPage): void {
  const feed = parseFeed(fetched.body, fetched.finalUrl);
  const mentoring = feed.items.filter((i) => i.mentoring);
  try {
    addActivity(ctx, d.site, mentoring.map((i) => i.publishedAt).filter((x): x is string => Boolean(x)), feed.kind !== 'unknown' ? fetched.finalUrl : undefined);
  } catch (err) {
    if (!isBusyError(err)) throw err;
    ctx.writer.requeueBusy(d);
    return;
  }
  const { policy } = ctx.settings;
  for (const it of mentoring.slice(0, 50)) {
    if (!it.link) continue;
    const n = normaliseUrl(it.link);
    if (!n || keyOf(n) !== d.site) continue;
    const pr = 1.2 + linkPriority(new URL(n), { anchor: it.title, nearby: '', parentScore: 50, parentRelevance: 0.5, sameSite: true, fromHub: false }) * 0.5;
    ctx.admission.addUrl(n, policy.priority(pr), d.hops, 'page', d.url);
  }
  ctx.writer.markDone(d);
}
