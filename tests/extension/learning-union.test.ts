// Where the curator's model in the extension (issue 11) meets the union of a site's pages (issue 10),
// against the crawler's real sync handler on a real SQLite store: `train` re-scores the crawled
// pages there; the extension takes the model on sync and re-scores its bookmarks through their v5
// page records (same reading: `scoredAt`, `source`, `savedAt`, removals and vectors kept; `rescoredAt`
// the model's time); after the sync both sides hold the same union, every page scored by the model,
// and the site score is scoreSite over that union. A stale copy never undoes a re-score; a newer
// bookmark of a page beats its re-score.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { rescoreStore } from '../../crawler/learning.ts';
import type { Store } from '../../crawler/store/index.ts';
import { closeMentorDb, getCandidate, importCandidates, openMentorDb, removePageAndRescore, savePageAndCandidate, withStoredPages, type StoredPage } from '../../extension/lib/db.ts';
import { currentModel } from '../../extension/lib/learning.ts';
import { syncModel, syncWithServer } from '../../extension/lib/sync.ts';
import { livePages, scoreSite, siteScoreOfPages, toSitePage } from '../../scoring/index.ts';
import { MODEL, type LinearModel } from '../../scoring/model.ts';
import { scorerVersionOf } from '../../scoring/model-version.ts';
import { decodeVector, encodeVector, scorePageWithVector, vectorScore } from '../../scoring/vector.ts';
import { BOOKMARKED_PAGE, CRAWLED_PAGES } from '../scoring/site-fixture.ts';
import { mentoringHtml } from '../crawler/commands/helpers.ts';
import { startSyncServer, type SyncServerUnderTest } from './sync-server.ts';
import { freshIndexedDb } from './fixtures.ts';

const ORIGIN = 'https://bridgeway.example';
const KEY = 'bridgeway.example';
const CRAWLED_AT = '2026-10-01T08:00:00.000Z';
const TRAINED_AT = '2026-11-01T00:00:00.000Z';
const curator: LinearModel = { ...MODEL, id: 'curator-1', share: 0.6, bias: MODEL.bias + 1.5 };
const CURATOR = scorerVersionOf(curator);

let sync: SyncServerUnderTest;
let store: Store;
let base: string;
let token: string;

/** Bookmarks a page as the background does: scored with the model in use, its vector kept. */
async function bookmark(url: string, html: string, at: string): Promise<void> {
  const { page, vector } = scorePageWithVector({ url, html, roundupYear: 2026 }, await currentModel());
  await savePageAndCandidate(page, at, encodeVector(vector));
}

/** Every record stored for a site, removals too. */
async function records(site: string): Promise<StoredPage[]> {
  return (await openMentorDb()).getAllFromIndex('pages', 'bySite', site);
}

beforeEach(async () => {
  await freshIndexedDb();
  sync = await startSyncServer(() => '2026-11-10T00:00:00.000Z', 'mr-ext-learning-union-');
  ({ store, base, token } = sync);
});

afterEach(async () => {
  await sync.close();
  await closeMentorDb();
});

it('a model synced after train re-scores the bookmarks through their page records; both sides score the site from the same union', async () => {
  // The crawler read six pages of the site; the curator bookmarked a seventh, and two pages of another site (one removed).
  for (const p of CRAWLED_PAGES) {
    const { page, vector } = scorePageWithVector({ url: ORIGIN + p.path, html: p.html, roundupYear: 2026 });
    store.savePage({ url: page.url, status: 'scored', fetchedAt: CRAWLED_AT, httpStatus: 200, page, crawlId: 1, vector });
  }
  await bookmark(ORIGIN + BOOKMARKED_PAGE.path, BOOKMARKED_PAGE.html, '2026-10-05T09:00:00.000Z');
  await bookmark('https://solo.example/first-meeting', mentoringHtml('Your first meeting as a mentor'), '2026-10-06T00:00:00.000Z');
  await bookmark('https://solo.example/goals', mentoringHtml('Setting goals with your mentee'), '2026-10-07T00:00:00.000Z');
  await removePageAndRescore('https://solo.example/goals', '2026-10-08T00:00:00.000Z');
  await syncWithServer(base, token);
  expect((await getCandidate(KEY))!.siteScore.pagesScored).toBe(7);
  const beforeModel = await withStoredPages([(await getCandidate(KEY))!]);
  const stored = new Map((await records('solo.example')).map((p) => [p.url, p]));

  // `mentor-radar train`: the model saved, the crawled pages re-scored from their vectors.
  store.saveModel(1, curator, TRAINED_AT);
  rescoreStore(store, curator, TRAINED_AT);

  // The extension takes it: its three bookmarked records (the removed one too) are re-scored; the crawler's are the store's to re-score.
  const taken = await syncModel(base, token, { now: new Date('2026-11-10T00:00:00.000Z') });
  expect(taken).toMatchObject({ state: 'taken', taken: { after: CURATOR, rescored: 3, withoutVector: 0, sites: 2 } });
  for (const p of await records('solo.example')) {
    const was = stored.get(p.url)!;
    expect([p.scorerVersion, p.rescoredAt, p.scoredAt, p.source, p.savedAt, p.removedAt, p.vector]).toEqual([CURATOR, TRAINED_AT, was.scoredAt, 'bookmark', was.savedAt, was.removedAt, was.vector]);
    expect(p.score).toBe(vectorScore(decodeVector(p.vector)!, curator));
  }
  const solo = (await getCandidate('solo.example'))!;
  expect(solo.siteScore).toEqual(siteScoreOfPages((await records('solo.example')).map((p) => toSitePage(p, p.scoredAt, p.source, p.removedAt))));
  expect([solo.siteScore.pagesScored, solo.siteScore.scorerVersion]).toEqual([1, CURATOR]);

  // The same sync goes on: the crawled pages come back re-scored, the bookmark goes out re-scored.
  await syncWithServer(base, token, { now: new Date('2026-11-10T00:00:00.000Z') });
  const union = (await records(KEY)).map((p) => toSitePage(p, p.scoredAt, p.source, p.removedAt));
  expect(union).toHaveLength(7);
  expect(union.map((p) => p.scorerVersion)).toEqual(Array(7).fill(CURATOR));
  const here = (await getCandidate(KEY))!;
  expect(here.siteScore).toEqual(scoreSite(livePages(union), { site: ORIGIN, roundupYear: 2026, scorerVersion: CURATOR }));
  expect(store.sitePages(KEY)).toEqual(union);
  expect(store.getCandidate(KEY)!.siteScore).toEqual(here.siteScore);

  // A copy from before the model (the crawler's and the bookmark's old scores, same readings) changes nothing.
  await importCandidates(beforeModel);
  expect((await getCandidate(KEY))!.siteScore).toEqual(here.siteScore);
  // A newer reading of a page beats its re-score: the curator bookmarks a crawled page again, after the model.
  await bookmark(`${ORIGIN}${CRAWLED_PAGES[0].path}`, CRAWLED_PAGES[0].html, '2026-11-12T00:00:00.000Z');
  const again = (await records(KEY)).find((p) => p.url === `${ORIGIN}${CRAWLED_PAGES[0].path}`)!;
  expect([again.source, again.scoredAt, again.rescoredAt, again.scorerVersion]).toEqual(['bookmark', '2026-11-12T00:00:00.000Z', undefined, CURATOR]);
  expect(again.vector).toBeDefined();
  await syncWithServer(base, token, { now: new Date('2026-11-13T00:00:00.000Z') });
  expect(store.getCandidate(KEY)!.siteScore).toEqual((await getCandidate(KEY))!.siteScore);
  expect(store.sitePages(KEY).find((p) => p.url === again.url)?.source).toBe('bookmark');
});
