// Where issue 11 (a curator's model re-scores the stored pages from their vectors) meets issue 10 (a
// site is scored from the union of its pages from every source), on a real SQLite store: `train`'s
// re-score feeds the union (crawled rows re-scored, the records imports and sync brought keep their
// score), a stale copy brought back by an import or sync never undoes it, the extension's re-scored
// bookmark joins it, the site's scorerVersion says which model scored it; a store at migration 5 or
// 6 with data upgrades to 7 and learns.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { queueBookmarkedCandidates } from '../../crawler/bookmark-queue.ts';
import { decidedSites, rescoreStore } from '../../crawler/learning.ts';
import { openStore, type Store } from '../../crawler/store/index.ts';
import { SCHEMA_VERSION, migrate } from '../../crawler/store/schema.ts';
import Database from '../../crawler/store/sqlite.ts';
import { SCORER_VERSION, candidatesToJson, livePages, pagesCandidate, parseCandidates, siteScoreOfPages, toSitePage, type Candidate, type SitePage } from '../../scoring/index.ts';
import { MODEL, type LinearModel } from '../../scoring/model.ts';
import { scorerVersionOf } from '../../scoring/model-version.ts';
import { rescorePage, scorePageWithVector, type PageVector } from '../../scoring/vector.ts';
import { BOOKMARKED_PAGE, CRAWLED_PAGES } from '../scoring/site-fixture.ts';

const ORIGIN = 'https://bridgeway.example';
const KEY = 'bridgeway.example';
const CRAWLED_AT = '2026-10-01T08:00:00.000Z';
const BOOKMARKED_AT = '2026-10-05T09:00:00.000Z';
const TRAINED_AT = '2026-11-01T00:00:00.000Z';
const RESET_AT = '2026-11-15T00:00:00.000Z';
const curator: LinearModel = { ...MODEL, id: 'curator-1', share: 0.6, bias: MODEL.bias + 1.5 };

const crawled = CRAWLED_PAGES.map((p) => scorePageWithVector({ url: ORIGIN + p.path, html: p.html, roundupYear: 2026 }));
const bookmark = scorePageWithVector({ url: ORIGIN + BOOKMARKED_PAGE.path, html: BOOKMARKED_PAGE.html, roundupYear: 2026 });
const bookmarkRecord = toSitePage(bookmark.page, BOOKMARKED_AT, 'bookmark');

function crawl(store: Store, withVectors = true): void {
  for (const { page, vector } of crawled) store.savePage({ url: page.url, status: 'scored', fetchedAt: CRAWLED_AT, httpStatus: 200, page, crawlId: 1, ...(withVectors ? { vector } : {}) });
}

/** A JSON export (version 3) of `list` read back: what an import or the sync server's POST merges. */
const viaJson = (list: Candidate[]): Candidate[] => parseCandidates(candidatesToJson(list, '2026-11-20T00:00:00.000Z'), '2026-11-20T00:00:00.000Z');

/** The extension's bookmark of the site, as it sends it (its page record; `record` re-scored or not). */
const extensionSite = (record: SitePage): Candidate[] => viaJson([{ ...pagesCandidate([record], 'bookmark', BOOKMARKED_AT), decision: 'include' }]);

/** What `train` does once its model is saved: the store re-scored with it (crawler/learning.ts). */
function train(store: Store, model: LinearModel | undefined, version: number, at: string): ReturnType<typeof rescoreStore> {
  store.saveModel(version, model, at);
  return rescoreStore(store, model ?? MODEL, at);
}

/** The site as the store keeps it is the union rule's score of the store's union of pages. */
function expectUnionScore(store: Store): void {
  const c = store.getCandidate(KEY)!;
  expect(c.siteScore).toEqual(siteScoreOfPages(store.sitePages(KEY), store.getSiteActivity(KEY)));
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mr-learning-union-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("train's re-score feeds the union of a site's pages", () => {
  it('train, then a stale copy and the re-scored bookmark come back by import: the union stays right, the site names the model', () => {
    const store = openStore(join(dir, 'a.db'));
    crawl(store);
    store.mergeCandidates(extensionSite(bookmarkRecord));
    // What the extension holds after its last sync: the crawl's records, scored by the shipped model.
    const before = viaJson(store.withPages([store.getCandidate(KEY)!]));
    expect(store.getCandidate(KEY)!.siteScore.pagesScored).toBe(7);

    expect(train(store, curator, 1, TRAINED_AT)).toEqual({ pages: 6, withoutVector: 0, sites: 1 });
    const pages = store.sitePages(KEY);
    const crawledNow = pages.filter((p) => p.source === 'crawl');
    expect(crawledNow).toHaveLength(6);
    for (const p of crawledNow) {
      // Re-scored, not re-read: the reading's time stays, the model's time says which re-score wins.
      expect([p.scorerVersion, p.scoredAt, p.rescoredAt]).toEqual([scorerVersionOf(curator), CRAWLED_AT, TRAINED_AT]);
    }
    // The bookmark's record came by import: the store has no vector for it, it keeps its score.
    expect(pages.find((p) => p.source === 'bookmark')).toEqual(bookmarkRecord);
    expectUnionScore(store);
    expect(store.getCandidate(KEY)!.siteScore.scorerVersion).toBe(scorerVersionOf(curator)); // six pages of seven
    const trained = store.getCandidate(KEY)!;
    expect(trained.siteScore.score).not.toBe(before[0].siteScore.score);

    // The extension syncs its copy of before the train back (same readings, the shipped model's scores): nothing changes.
    store.mergeCandidates(before);
    expect(store.sitePages(KEY)).toEqual(pages);
    expect(store.getCandidate(KEY)!.siteScore).toEqual(trained.siteScore);

    // It takes the model and sends its bookmark re-scored from its vector, stamped with the model's time.
    const rescored = toSitePage(rescorePage(bookmarkRecord, bookmark.vector, curator, TRAINED_AT), BOOKMARKED_AT, 'bookmark');
    store.mergeCandidates(extensionSite(rescored));
    const all = livePages(store.sitePages(KEY));
    expect(all.map((p) => p.scorerVersion)).toEqual(Array(7).fill(scorerVersionOf(curator)));
    expect(all.find((p) => p.source === 'bookmark')).toEqual(rescored);
    expectUnionScore(store);
    const settled = store.getCandidate(KEY)!;
    // Once more, in the other order, or the stale copy again: the same site.
    store.mergeCandidates([...before, ...extensionSite(rescored)]);
    store.mergeCandidates(extensionSite(bookmarkRecord));
    expect(store.getCandidate(KEY)).toEqual(settled);
    expect(settled.decision).toBe('include');
    store.close();
  });

  it('train --reset re-scores with the shipped model, and the curator-era copies do not bring its scores back', () => {
    const store = openStore(join(dir, 'b.db'));
    crawl(store);
    const shipped = store.getCandidate(KEY)!.siteScore;
    train(store, curator, 1, TRAINED_AT);
    const curatorEra = viaJson(store.withPages([store.getCandidate(KEY)!]));
    expect(train(store, undefined, 2, RESET_AT).pages).toBe(6);
    for (const p of store.sitePages(KEY)) expect([p.scorerVersion, p.rescoredAt]).toEqual([SCORER_VERSION, RESET_AT]);
    store.mergeCandidates(curatorEra);
    const site = store.getCandidate(KEY)!.siteScore;
    expect(site.scorerVersion).toBe(SCORER_VERSION);
    // The shipped model's scores again, the same as before any model (the vectors re-score exactly).
    expect([site.score, site.pagesScored, site.components]).toEqual([shipped.score, shipped.pagesScored, shipped.components]);
    expectUnionScore(store);
    store.close();
  });

  it("a page the curator removed (a tombstone in the site's union) does not teach", () => {
    const store = openStore(join(dir, 'c.db'));
    crawl(store);
    store.decide(KEY, { decision: 'include' });
    expect(decidedSites(store).sites[0].pages).toHaveLength(6);
    const about = store.sitePages(KEY).find((p) => p.url.endsWith('/about'))!;
    store.mergeCandidates(viaJson([pagesCandidate([toSitePage(about, about.scoredAt, about.source, '2026-10-02T00:00:00.000Z')], 'bookmark', '2026-10-02T00:00:00.000Z')]));
    const taught = decidedSites(store).sites[0].pages.map((p) => p.page.url);
    expect(taught).toHaveLength(5);
    expect(taught).not.toContain(about.url);
    store.close();
  });
});

describe("a bookmarked page record queues its site (JSON version 3 carries the bookmark's time)", () => {
  it('a page bookmarked after the last crawl queues the site; a crawled page bookmarked again, or an older bookmark, does not', () => {
    const store = openStore(join(dir, 'q.db'));
    crawl(store);
    // A page the crawler never read, bookmarked after its crawl.
    expect(queueBookmarkedCandidates(store, extensionSite(bookmarkRecord), '2026-10-06T00:00:00.000Z')).toEqual([KEY]);
    expect(queueBookmarkedCandidates(store, extensionSite(bookmarkRecord), '2026-10-06T00:01:00.000Z')).toEqual([]); // already waiting
    store.clearQueued(store.queuedSites(), '2026-10-07T00:00:00.000Z');
    // Tried since: the same bookmark is no news.
    expect(queueBookmarkedCandidates(store, extensionSite(bookmarkRecord), '2026-10-08T00:00:00.000Z')).toEqual([]);
    // A crawled page bookmarked again later is a re-score, not news.
    const again = toSitePage(crawled[0].page, '2026-10-09T00:00:00.000Z', 'bookmark');
    expect(queueBookmarkedCandidates(store, extensionSite(again), '2026-10-09T00:00:00.000Z')).toEqual([]);
    store.close();
  });
});

describe('migration 7 on a store with data', () => {
  /** A store at `version` with a crawled page, its site, activity and (from 6) an imported bookmark record. */
  function oldStore(path: string, version: 5 | 6): Candidate {
    const db = new Database(path);
    migrate(db, version);
    const [{ page }] = crawled;
    db.prepare(`INSERT INTO pages (url, site, status, fetched_at, http_status, score, page_json, crawl_id) VALUES (?, ?, 'scored', ?, 200, ?, ?, 1)`).run(page.url, KEY, CRAWLED_AT, page.score, JSON.stringify(page));
    const records = [toSitePage(page, CRAWLED_AT, 'crawl'), ...(version === 6 ? [bookmarkRecord] : [])];
    const site = pagesCandidate(records, 'crawl', CRAWLED_AT);
    db.prepare(`INSERT INTO sites (site, name, score, site_score_json, sources_json, first_seen_at, last_scored_at, history_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(
      KEY, site.name, site.siteScore.score, JSON.stringify(site.siteScore), JSON.stringify(site.sources), CRAWLED_AT, CRAWLED_AT, JSON.stringify(site.history),
    );
    db.prepare(`INSERT INTO site_activity (site, post_dates_json, feed_url, feed_title, updated_at) VALUES (?, ?, ?, ?, ?)`).run(KEY, '["2026-09-01"]', `${ORIGIN}/feed`, 'Bridgeway', CRAWLED_AT);
    if (version === 6) db.prepare(`INSERT INTO site_pages (url, site, at, page_json) VALUES (?, ?, ?, ?)`).run(bookmarkRecord.url, KEY, BOOKMARKED_AT, JSON.stringify(bookmarkRecord));
    db.close();
    return site;
  }

  it.each([5, 6] as const)('upgrades a version-%i store: nothing lost, pages without vectors keep their score, then it learns', (version) => {
    const path = join(dir, `v${version}.db`);
    const site = oldStore(path, version);
    const store = openStore(path);
    expect(store.schemaVersion()).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBe(7);
    expect(store.getCandidate(KEY)!.siteScore).toEqual(site.siteScore);
    expect(store.sitePages(KEY)).toEqual(site.pages);
    expect(store.getSiteActivity(KEY)).toMatchObject({ postDates: ['2026-09-01'], feedTitle: 'Bridgeway' });
    expect([store.activeModel().kind, store.queueLength(), store.vectorPagesOfSite(KEY)[0].vector]).toEqual(['shipped', 0, undefined]);

    // Trained before any page has a vector: every page keeps its score.
    expect(train(store, curator, store.nextModelVersion(), TRAINED_AT)).toEqual({ pages: 0, withoutVector: 1, sites: 0 });
    expect(store.getCandidate(KEY)!.siteScore).toEqual(site.siteScore);
    // The next crawl keeps vectors: the next model re-scores the page, and the site is the union's.
    crawl(store);
    const v: PageVector | undefined = store.vectorPagesOfSite(KEY)[0].vector;
    expect(v).toBeDefined();
    expect(train(store, { ...curator, id: 'curator-2' }, store.nextModelVersion(), RESET_AT).pages).toBe(6);
    expect(store.getCandidate(KEY)!.siteScore.scorerVersion).toBe(scorerVersionOf({ ...curator, id: 'curator-2' }));
    expectUnionScore(store);
    store.close();
  });
});
