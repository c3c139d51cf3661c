// A sitemap: child sitemaps (a few per site), entries with mentoring words (their lastmod for
// the site's activity) and the site's structural pages (about, blog index, categories).
import { linkPriority, normaliseUrl, siteSelectionBonus } from '../../frontier/link-priority.ts';
import type { FetchedPage } from '../../net/fetch.ts';
import { parseSitemap } from '../../net/sitemaps.ts';
import { keyOf, SITEMAP_PRIORITY } from '../admission.ts';
import { isBusyError, type CrawlContext, type Dispatch } from '../context.ts';
import { addActivity } from './feed.ts';

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function handleSitemap(ctx: CrawlContext, d: Dispatch, fetched: FetchedPage): void {
  const sm = parseSitemap(fetched.body, fetched.finalUrl);
  for (const child of sm.sitemaps) {
    if (keyOf(child) === d.site) ctx.admission.addSitemap(child, d.site, d.hops, SITEMAP_PRIORITY - 0.5, d.url);
  }
  const { policy } = ctx.settings;
  const dates: string[] = [];
  for (const entry of sm.urls) {
    const n = normaliseUrl(entry.loc);
    if (!n || keyOf(n) !== d.site) continue;
    const u = new URL(n);
    const mentoring = /mentor/i.test(decodeURIComponentSafe(u.pathname));
    if (mentoring && entry.lastmod) dates.push(entry.lastmod);
    if (mentoring || siteSelectionBonus(u) > 0) {
      const pr = 0.8 + linkPriority(u, { anchor: '', nearby: '', parentScore: 40, parentRelevance: 0.4, sameSite: true, fromHub: false });
      ctx.admission.addUrl(n, policy.priority(pr), d.hops, 'page', d.url);
    }
  }
  try {
    addActivity(ctx, d.site, dates);
  } catch (err) {
    if (!isBusyError(err)) throw err;
    ctx.writer.requeueBusy(d);
    return;
  }
  ctx.writer.markDone(d);
}
