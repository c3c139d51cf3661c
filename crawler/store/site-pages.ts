// A site's pages as scoring's one merge rule sees them (scoring/site-pages.ts): the crawler's own
// page rows (table `pages`, each scored at its fetch) and the page records that came from
// elsewhere — an import, the sync server's POST: bookmarks, another store's crawl, removals — in
// table `site_pages`. The union of both is what a site is scored from; `site_pages` keeps only the
// records of that union that are not the crawler's own row (a record that lost can never win
// again, so dropping it changes nothing). The site's activity (post dates, feed) lives in
// `site_activity`, merged by the same rule.
import { mergeActivity, toSitePage, unionPages, type SiteActivity, type SitePage } from '../../scoring/index.ts';
import type Database from './sqlite.ts';

interface ActivityRow {
  post_dates_json: string;
  feed_url: string | null;
  feed_title: string | null;
  updated_at: string;
}

function toActivity(r: ActivityRow): SiteActivity {
  const a: SiteActivity = { postDates: JSON.parse(r.post_dates_json) as string[] };
  if (r.feed_url) a.feedUrl = r.feed_url;
  if (r.feed_title) a.feedTitle = r.feed_title;
  if (r.updated_at) a.updatedAt = r.updated_at;
  return a;
}

/** A crawled row as a page record onto `out` (a row that is not a page of an http(s) URL is left out). */
function pushCrawled(out: SitePage[], pageJson: string, fetchedAt: string): void {
  try {
    out.push(toSitePage(JSON.parse(pageJson), fetchedAt, 'crawl'));
  } catch {
    /* not a record the merge can key: never part of a site */
  }
}

export function sitePageQueries(db: Database.Database) {
  const q = {
    crawled: db.prepare(`SELECT page_json, fetched_at FROM pages WHERE site = ? AND status = 'scored' AND page_json IS NOT NULL`),
    stored: db.prepare(`SELECT page_json FROM site_pages WHERE site = ?`),
    clear: db.prepare(`DELETE FROM site_pages WHERE site = ?`),
    insert: db.prepare(`INSERT OR REPLACE INTO site_pages (url, site, at, page_json) VALUES (?, ?, ?, ?)`),
    // Every site's records from both tables in one statement, by site (pages_site, site_pages_site):
    // a crawled row has its fetch time, a record from elsewhere has none.
    allBySite: db.prepare(`
      SELECT site, page_json, fetched_at FROM pages WHERE status = 'scored' AND page_json IS NOT NULL
      UNION ALL SELECT site, page_json, NULL FROM site_pages
      ORDER BY site`),
    activity: db.prepare(`SELECT post_dates_json, feed_url, feed_title, updated_at FROM site_activity WHERE site = ?`),
    allActivity: db.prepare(`SELECT site, post_dates_json, feed_url, feed_title, updated_at FROM site_activity`),
    upsertActivity: db.prepare(`
      INSERT INTO site_activity (site, post_dates_json, feed_url, feed_title, updated_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT(site) DO UPDATE SET post_dates_json=excluded.post_dates_json, feed_url=excluded.feed_url,
        feed_title=excluded.feed_title, updated_at=excluded.updated_at`),
  };

  /** The crawler's scored rows of a site as page records (a row that is not a page of an http(s) URL is left out). */
  function crawledPages(site: string): SitePage[] {
    const out: SitePage[] = [];
    for (const r of q.crawled.all(site) as { page_json: string; fetched_at: string }[]) pushCrawled(out, r.page_json, r.fetched_at);
    return out;
  }

  function storedPages(site: string): SitePage[] {
    return (q.stored.all(site) as { page_json: string }[]).map((r) => JSON.parse(r.page_json) as SitePage);
  }

  function getActivity(site: string): SiteActivity | undefined {
    const r = q.activity.get(site) as ActivityRow | undefined;
    return r ? toActivity(r) : undefined;
  }

  return {
    /** The site's pages from every source: newest per URL, at most MAX_SITE_PAGES (scoring's rule). */
    sitePages(site: string): SitePage[] {
      return unionPages(crawledPages(site), storedPages(site));
    },
    /** Keep `kept` (a union that includes this site's crawled rows) as the site's records from elsewhere. */
    writeSitePages(site: string, kept: readonly SitePage[]): void {
      const own = new Map(crawledPages(site).map((p) => [p.url, JSON.stringify(p)]));
      q.clear.run(site);
      for (const p of kept) {
        const json = JSON.stringify(p);
        if (own.get(p.url) !== json) q.insert.run(p.url, site, p.removedAt ?? p.scoredAt, json);
      }
    },
    /**
     * Every site's pages as sitePages gives them, one site at a time (one statement streamed: no
     * other query may run on the store until it ends).
     */
    *sitePagesBySite(): Generator<{ site: string; pages: SitePage[] }> {
      let site: string | undefined;
      let crawled: SitePage[] = [];
      let stored: SitePage[] = [];
      for (const r of q.allBySite.iterate() as IterableIterator<{ site: string; page_json: string; fetched_at: string | null }>) {
        if (r.site !== site) {
          if (site !== undefined) yield { site, pages: unionPages(crawled, stored) };
          site = r.site;
          crawled = [];
          stored = [];
        }
        if (r.fetched_at === null) stored.push(JSON.parse(r.page_json) as SitePage);
        else pushCrawled(crawled, r.page_json, r.fetched_at);
      }
      if (site !== undefined) yield { site, pages: unionPages(crawled, stored) };
    },
    getActivity,
    /** Every site's activity (one read of the table). */
    allActivity(): Map<string, SiteActivity> {
      const out = new Map<string, SiteActivity>();
      for (const r of q.allActivity.iterate() as IterableIterator<ActivityRow & { site: string }>) out.set(r.site, toActivity(r));
      return out;
    },
    /** Merge `activity` into the site's stored activity (a union of post dates; the latest feed). */
    mergeActivity(site: string, activity: SiteActivity): SiteActivity {
      const merged = mergeActivity(getActivity(site), activity) as SiteActivity;
      q.upsertActivity.run(site, JSON.stringify(merged.postDates), merged.feedUrl ?? null, merged.feedTitle ?? null, merged.updatedAt ?? '');
      return merged;
    },
  };
}

export type SitePageQueries = ReturnType<typeof sitePageQueries>;
