// The curator's model and the crawl queue in the extension (issue 11), against the crawler's real
// sync handler on a real SQLite store: the model is taken on sync and re-scores the stored pages
// from their vectors (pages without one are left for their next bookmark); a malformed model is
// refused with a reason and scoring goes on; the bookmarks queue their sites and the crawler's status
// comes back per site.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../crawler/store/index.ts';
import { closeMentorDb, getCandidate, openMentorDb, pagesOfSite, savePageAndCandidate } from '../../extension/lib/db.ts';
import { checkServerModel, crawlStatusOf, currentModel } from '../../extension/lib/learning.ts';
import { describeLearning, syncBookmarks, syncModel } from '../../extension/lib/sync.ts';
import { SCORER_VERSION } from '../../scoring/index.ts';
import { MODEL, ModelError, type LinearModel } from '../../scoring/model.ts';
import { scorerVersionOf } from '../../scoring/model-version.ts';
import { decodeVector, encodeVector, scorePageWithVector, vectorScore } from '../../scoring/vector.ts';
import { mentoringHtml } from '../crawler/commands/helpers.ts';
import { startSyncServer, type SyncServerUnderTest } from './sync-server.ts';
import { freshIndexedDb } from './fixtures.ts';

let sync: SyncServerUnderTest;
let store: Store;
let base: string;
let token: string;
const curator: LinearModel = { ...MODEL, id: 'curator-4', share: 0.6, bias: MODEL.bias + 1.5 };

/** Bookmarks the page as the background does (scored, with its vector unless `noVector`). */
async function bookmark(url: string, title: string, opts: { noVector?: boolean; at?: string } = {}): Promise<void> {
  const { page, vector } = scorePageWithVector({ url, html: mentoringHtml(title), roundupYear: 2026 });
  await savePageAndCandidate(page, opts.at ?? '2026-05-01T10:00:00.000Z', opts.noVector ? undefined : encodeVector(vector));
}

beforeEach(async () => {
  await freshIndexedDb();
  sync = await startSyncServer(() => new Date().toISOString(), 'mentor-radar-learning-');
  ({ store, base, token } = sync);
});

afterEach(async () => {
  await sync.close();
  await closeMentorDb();
});

describe("the curator's model", () => {
  it('is taken on sync and re-scores the stored pages from their vectors; a page without one waits for its next bookmark', async () => {
    await bookmark('https://blog.example/first-meeting', 'Your first meeting as a mentor');
    await bookmark('https://blog.example/goals', 'Setting goals with your mentee');
    await bookmark('https://old.example/notes', 'Mentoring notes', { noVector: true });
    expect((await syncModel(base, token)).state).toBe('same');

    store.saveModel(4, curator, '2026-06-01T00:00:00.000Z');
    const r = await syncModel(base, token);
    expect(r).toMatchObject({ state: 'taken', taken: { before: SCORER_VERSION, after: scorerVersionOf(curator), rescored: 2, withoutVector: 1, sites: 1 } });
    expect(describeLearning(r, { queued: 2 })).toBe(
      'Now scoring with your model curator-4; re-scored 2 pages (1 bookmarked before this version: re-scored when you bookmark them again). 2 bookmarked sites queued for a crawl.',
    );
    expect(scorerVersionOf(await currentModel())).toBe(scorerVersionOf(curator));
    for (const p of await pagesOfSite('blog.example')) {
      expect(p.scorerVersion).toBe(scorerVersionOf(curator));
      expect(p.score).toBe(vectorScore(decodeVector(p.vector)!, curator));
    }
    expect((await pagesOfSite('old.example'))[0].scorerVersion).toBe(SCORER_VERSION);
    const site = (await getCandidate('blog.example'))!;
    expect(site.siteScore.scorerVersion).toBe(scorerVersionOf(curator));
    expect(site.siteScore.pagesScored).toBe(2);

    // Taken once: the next sync changes nothing; back to the shipped model when the server resets.
    expect((await syncModel(base, token)).state).toBe('same');
    store.saveModel(5, undefined, '2026-06-02T00:00:00.000Z');
    expect(await syncModel(base, token)).toMatchObject({ state: 'taken', taken: { after: SCORER_VERSION, rescored: 2 } });
    expect(await currentModel()).toBe(MODEL);
  });

  it('refuses a malformed model with a reason and keeps scoring with the model in use', async () => {
    const serve = (body: unknown) => (async () => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } })) as unknown as typeof fetch;
    const bad = [
      { scorerVersion: 'x', model: { bias: 'nope', dense: {}, terms: {} } },
      { scorerVersion: 'x', model: { ...MODEL, terms: { mentor: 'NaN' } } },
      { scorerVersion: `${SCORER_VERSION}.curator-9`, model: { ...MODEL, id: 'curator-9' } }, // its version does not match its weights
      { scorerVersion: '1.0.0+deadbeef', model: null }, // a server with another shipped scorer
      'not an object',
    ];
    for (const body of bad) {
      const r = await syncModel(base, token, { fetch: serve(body) });
      expect(r.state).toBe('refused');
      expect(describeLearning(r, undefined)).toMatch(/^The server's model was refused: .+\. Scoring goes on with the model in use\.$/);
      expect(await currentModel()).toBe(MODEL);
    }
    expect(() => checkServerModel({ scorerVersion: 'x', model: { bias: 1 } })).toThrow(ModelError);
    // A server without the route (an older mentor-radar): nothing to take, no failure.
    const old = (async () => new Response('{"error":"not found"}', { status: 404 })) as unknown as typeof fetch;
    expect((await syncModel(base, token, { fetch: old })).state).toBe('unavailable');
  });

  it('a stored model that no longer reads (damaged storage) never breaks scoring', async () => {
    const db = await openMentorDb();
    await db.put('meta', { model: { bias: 'x' }, scorerVersion: 'y', takenAt: '2026-01-01' }, 'model');
    expect(await currentModel()).toBe(MODEL);
    await db.put('meta', { model: curator, scorerVersion: 'not its version', takenAt: '2026-01-01' }, 'model');
    expect(await currentModel()).toBe(MODEL);
  });
});

describe('the crawl queue through sync', () => {
  it('sends the bookmarks, and keeps what the crawler says of each site: queued, then crawled', async () => {
    await bookmark('https://new.example/post', 'A mentoring post');
    const r = await syncBookmarks(base, token);
    expect(r).toEqual({ queued: 1, statuses: 1 });
    expect(await crawlStatusOf('new.example')).toMatchObject({ state: 'queued' });
    // The crawler reads the site (as crawl --queued does) and the queue entry goes.
    const { page, vector } = scorePageWithVector({ url: 'https://new.example/', html: mentoringHtml('Home of a mentoring blog') });
    store.savePage({ url: 'https://new.example/', status: 'scored', fetchedAt: new Date().toISOString(), page, vector, crawlId: 1 });
    store.clearQueued(store.queuedSites());
    expect(await syncBookmarks(base, token)).toEqual({ queued: 0, statuses: 1 });
    expect(await crawlStatusOf('new.example')).toMatchObject({ state: 'crawled', pages: 1 });
    expect(await crawlStatusOf('unknown.example')).toBeUndefined();
  });
});
