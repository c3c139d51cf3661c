// A site's feed: mentoring posts' dates for the site's activity, their links for the frontier, and
// the feed's title (a source of the site's name: scoring/identity.ts).
import { linkPriority, normaliseUrl } from '../../frontier/link-priority.ts';
import { parseFeed } from '../../net/feeds.ts';
import type { FetchedPage } from '../../net/fetch.ts';
import { keyOf } from '../admission.ts';
import { isBusyError, type CrawlContext, type Dispatch } from '../context.ts';

export function addActivity(ctx: CrawlContext, site: string, dates: string[], feed?: { url: string; title: string }): void {
  if (!dates.length && !feed) return;
  const prev = ctx.store.getSiteActivity(site);
  const all = [...new Set([...(prev?.postDates ?? []), ...dates])].sort();
  const feedUrl = feed?.url ?? prev?.feedUrl;
  // The title of the feed read last; a feed without one keeps the title read before.
  const feedTitle = feed?.title.replace(/\s+/g, ' ').trim().slice(0, 300) || prev?.feedTitle;
  ctx.store.setSiteActivity(site, { postDates: all, ...(feedUrl ? { feedUrl } : {}), ...(feedTitle ? { feedTitle } : {}) });
}

export function handleFeed(ctx: CrawlContext, d: Dispatch, fetched: FetchedPage): void {
  const feed = parseFeed(fetched.body, fetched.finalUrl);
  const mentoring = feed.items.filter((i) => i.mentoring);
  try {
    const dates = mentoring.map((i) => i.publishedAt).filter((x): x is string => Boolean(x));
    addActivity(ctx, d.site, dates, feed.kind !== 'unknown' ? { url: fetched.finalUrl, title: feed.title } : undefined);
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
