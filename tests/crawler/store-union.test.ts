// The store scores a site from the union of its pages from every source (issue 10): the crawl's
// rows, the pages an import or the sync server's POST brings (bookmarks, removals), in any order,
// once or twice; the JSON export carries them; migration 6 keeps an older store's data.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../crawler/store/index.ts';
import { SCHEMA_VERSION, migrate } from '../../crawler/store/schema.ts';
import Database from '../../crawler/store/sqlite.ts';
import { candidatesToJson, livePages, pagesCandidate, parseCandidates, scorePage, scoreSite, toSitePage, type Candidate, type PageScore } from '../../scoring/index.ts';
import { BOOKMARKED_PAGE, CRAWLED_PAGES } from '../scoring/site-fixture.ts';

const ORIGIN = 'https://bridgeway.example';
const KEY = 'bridgeway.example';
const CRAWLED_AT = '2026-10-01T08:00:00.000Z';
const BOOKMARKED_AT = '2026-10-05T09:00:00.000Z';

const crawled: PageScore[] = CRAWLED_PAGES.map((p) => scorePage({ url: ORIGIN + p.path, html: p.html, roundupYear: 2026 }));
const bookmarked = scorePage({ url: ORIGIN + BOOKMARKED_PAGE.path, html: BOOKMARKED_PAGE.html, roundupYear: 2026 });
const union = scoreSite([...crawled, bookmarked], { site: ORIGIN, roundupYear: 2026 });

/** What the extension exports after the bookmark: the site with its one page, through JSON version 3. */
function extensionExport(over: Partial<Candidate> = {}): Candidate[] {
  const c = { ...pagesCandidate([toSitePage(bookmarked, BOOKMARKED_AT, 'bookmark')], 'bookmark', BOOKMARKED_AT), decision: 'include' as const, notes: 'from the extension', curatedAt: BOOKMARKED_AT, ...over };
  return parseCandidates(candidatesToJson([c], BOOKMARKED_AT), BOOKMARKED_AT);
}

function crawl(store: Store, at = CRAWLED_AT): void {
  for (const page of crawled) store.savePage({ url: page.url, status: 'scored', fetchedAt: at, httpStatus: 200, page });
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mr-store-union-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('a site scored from the union of its pages', () => {
  it("issue 10: the crawler's six pages and one bookmarked page, imported, score as the seven pages; again changes nothing", () => {
    const store = openStore(join(dir, 'a.db'));
    crawl(store);
    expect(store.getCandidate(KEY)!.siteScore.pagesScored).toBe(6);
    store.mergeCandidates(extensionExport());
    const c = store.getCandidate(KEY)!;
    expect(c.siteScore).toEqual(union);
    expect(c.siteScore.pagesScored).toBe(7);
    expect(livePages(store.sitePages(KEY))).toHaveLength(7);
    expect([c.decision, c.notes, c.sources]).toEqual(['include', 'from the extension', ['crawl', 'bookmark']]);
    // The same file again, or the crawl's pages again: the same site.
    store.mergeCandidates(extensionExport());
    crawl(store);
    expect(store.getCandidate(KEY)).toEqual(c);
    // A new crawl of a page keeps the bookmarked page in the site.
    store.savePage({ url: crawled[1].url, status: 'scored', fetchedAt: '2026-10-09T00:00:00.000Z', page: crawled[1] });
    expect(store.getCandidate(KEY)!.siteScore.pagesScored).toBe(7);
    store.close();
  });

  it('gives the same site whichever arrives first, the crawl or the import', () => {
    const a = openStore(join(dir, 'a.db'));
    crawl(a);
    a.mergeCandidates(extensionExport());
    const b = openStore(join(dir, 'b.db'));
    b.mergeCandidates(extensionExport());
    expect(b.getCandidate(KEY)!.siteScore.pagesScored).toBe(1);
    crawl(b);
    expect(b.getCandidate(KEY)!.siteScore).toEqual(a.getCandidate(KEY)!.siteScore);
    expect(b.sitePages(KEY)).toEqual(a.sitePages(KEY));
    a.close();
    b.close();
  });

  it('a removal made in the extension takes a crawled page out of the site; a newer crawl of it brings it back', () => {
    const store = openStore(join(dir, 'r.db'));
    crawl(store);
    const about = toSitePage(crawled[5], CRAWLED_AT, 'crawl', '2026-10-06T00:00:00.000Z');
    const [withRemoval] = extensionExport();
    store.mergeCandidates([{ ...withRemoval, pages: [...withRemoval.pages!, about] }]);
    const c = store.getCandidate(KEY)!;
    expect(c.siteScore.pagesScored).toBe(6);
    expect(livePages(store.sitePages(KEY)).map((p) => p.url)).not.toContain(`${ORIGIN}/about`);
    expect(c.siteScore).toEqual(scoreSite([...crawled.slice(0, 5), bookmarked], { site: ORIGIN, roundupYear: 2026 }));
    store.savePage({ url: crawled[5].url, status: 'scored', fetchedAt: '2026-10-08T00:00:00.000Z', page: crawled[5] });
    expect(store.getCandidate(KEY)!.siteScore.pagesScored).toBe(7);
    store.close();
  });

  it('the JSON export carries the pages and the activity; importing it into another store gives the same site', () => {
    const store = openStore(join(dir, 'e.db'));
    crawl(store);
    store.setSiteActivity(KEY, { postDates: ['2026-09-01', '2026-08-01'], feedUrl: `${ORIGIN}/feed` });
    store.mergeCandidates(extensionExport());
    const json = candidatesToJson(store.withPages(store.listCandidates()), '2026-10-10T00:00:00.000Z');
    const [exported] = parseCandidates(json, '2026-10-10T00:00:00.000Z');
    expect(exported.pages).toHaveLength(7);
    expect(exported.activity).toMatchObject({ postDates: ['2026-08-01', '2026-09-01'], feedUrl: `${ORIGIN}/feed` });
    const other = openStore(join(dir, 'f.db'));
    other.mergeCandidates([exported]);
    expect(other.getCandidate(KEY)!.siteScore).toEqual(store.getCandidate(KEY)!.siteScore);
    expect(other.getSiteActivity(KEY)?.postDates).toEqual(['2026-08-01', '2026-09-01']);
    // The crawler's next feed reading adds to the imported dates, it does not replace them.
    other.setSiteActivity(KEY, { postDates: ['2026-10-01'], feedUrl: `${ORIGIN}/feed` });
    expect(other.getSiteActivity(KEY)?.postDates).toEqual(['2026-08-01', '2026-09-01', '2026-10-01']);
    store.close();
    other.close();
  });

  it('keeps only records that can count: a page that lost to a newer crawl leaves site_pages', () => {
    const store = openStore(join(dir, 'p.db'));
    const old = toSitePage(crawled[0], '2026-09-01T00:00:00.000Z', 'bookmark');
    const c = pagesCandidate([old], 'bookmark', '2026-09-01T00:00:00.000Z');
    store.mergeCandidates(parseCandidates(candidatesToJson([c], '2026-09-01T00:00:00.000Z'), '2026-09-01T00:00:00.000Z'));
    crawl(store);
    store.mergeCandidates(extensionExport());
    const pages = store.sitePages(KEY);
    expect(pages.find((p) => p.url === crawled[0].url)?.source).toBe('crawl');
    store.close();
    const db = new Database(join(dir, 'p.db'), { readonly: true });
    const rows = db.prepare('SELECT url FROM site_pages ORDER BY url').all() as { url: string }[];
    db.close();
    expect(rows.map((r) => r.url)).toEqual([`${ORIGIN}/mentor-handbook`]);
  });
});

describe('migration 6', () => {
  it('upgrades a version-4 store with data (through 7): pages, sites and activity kept, union tables added', () => {
    const path = join(dir, 'v4.db');
    const old = new Database(path);
    migrate(old, 4);
    const page = crawled[0];
    old.prepare(`INSERT INTO pages (url, site, status, fetched_at, http_status, score, page_json) VALUES (?, ?, 'scored', ?, 200, ?, ?)`).run(page.url, KEY, CRAWLED_AT, page.score, JSON.stringify(page));
    const site = pagesCandidate([toSitePage(page, CRAWLED_AT, 'crawl')], 'crawl', CRAWLED_AT);
    old.prepare(`INSERT INTO sites (site, name, score, site_score_json, sources_json, first_seen_at, last_scored_at, history_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(
      KEY, site.name, site.siteScore.score, JSON.stringify(site.siteScore), JSON.stringify(site.sources), CRAWLED_AT, CRAWLED_AT, JSON.stringify(site.history),
    );
    old.prepare(`INSERT INTO site_activity (site, post_dates_json, feed_url, updated_at) VALUES (?, ?, ?, ?)`).run(KEY, '["2026-09-01"]', `${ORIGIN}/feed`, CRAWLED_AT);
    old.close();

    const store = openStore(path);
    expect(store.schemaVersion()).toBe(SCHEMA_VERSION); // 4 -> 5 -> 6 -> 7 (issue 11's vectors, models, queue)
    expect(store.getCandidate(KEY)!.siteScore).toEqual(site.siteScore);
    expect(store.sitePages(KEY)).toHaveLength(1);
    expect(store.getSiteActivity(KEY)).toEqual({ postDates: ['2026-09-01'], feedUrl: `${ORIGIN}/feed`, updatedAt: CRAWLED_AT });
    store.mergeCandidates(extensionExport());
    expect(store.getCandidate(KEY)!.siteScore.pagesScored).toBe(2);
    store.close();
  });
});
