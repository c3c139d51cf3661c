// `mentor-radar train` (issue 11) on a real SQLite store filled as a crawl fills it (pages with their
// vectors), with the fixture pages as the graded corpus: the model changes `score --db`'s
// scorerVersion, decisions move look-alikes the right way, --reset goes back, nothing is fetched.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { createSyncServer } from '../../../crawler/commands/serve.ts';
import { openStore } from '../../../crawler/store/index.ts';
import { SCORER_VERSION } from '../../../scoring/page.ts';
import { parseModel } from '../../../scoring/model.ts';
import { scorerVersionOf } from '../../../scoring/model-version.ts';
import { expectOneLineError, run, tempDir } from './helpers.ts';
import { fixtureCorpus, saveSites, webSites } from '../helpers/learning.ts';

const tmp = tempDir('mr-train-');
const corpus = join(tmp.dir, 'corpus');
const sites = webSites(['guide', 'preceptor', 'trading', 'offtopic'], 2);
const lookAlikeIn = 'preceptor-2.example';
const lookAlikeOut = 'trading-2.example';

function siteScores(db: string): Record<string, number> {
  const store = openStore(db);
  try {
    return Object.fromEntries(store.listCandidates().map((c) => [c.site, c.siteScore.score]));
  } finally {
    store.close();
  }
}

async function decide(db: string, pairs: [string, string][]): Promise<void> {
  for (const [site, d] of pairs) expect((await run(['decide', site, '--decision', d, '--db', db])).code).toBe(0);
}

beforeAll(() => {
  fixtureCorpus(corpus);
  writeFileSync(join(tmp.dir, 'page.html'), sites.find((s) => s.site.includes(lookAlikeIn))!.pages[0].html);
});
afterAll(() => tmp.cleanup());

describe('train', () => {
  it('learns from the decisions: look-alikes move the right way, score --db names the new model, --reset goes back', async () => {
    const db = join(tmp.dir, 'store.db');
    const store = openStore(db);
    saveSites(store, sites);
    store.close();
    const shipped = siteScores(db);
    const scoreDb = async () => JSON.parse((await run(['score', 'page.html', '--url', `https://${lookAlikeIn}/posts/1`, '--json', '--db', db], { cwd: tmp.dir })).stdout) as { scorerVersion: string; score: number };
    expect((await scoreDb()).scorerVersion).toBe(SCORER_VERSION);

    // First the decisions that teach nothing about nurses or trading courses: the baseline on this corpus.
    await decide(db, [['guide-1.example', 'include'], ['offtopic-1.example', 'exclude']]);
    const first = await run(['train', '--db', db, '--corpus', corpus, '--no-cv']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Model curator-1 saved in the store \(was: the shipped model\)/);
    const baseline = siteScores(db);
    const v1 = (await scoreDb()).scorerVersion;
    expect(v1).toMatch(/^2\.0\.0\+[0-9a-f]{8}\.curator-1$/);

    // Then the curator includes a nurses' preceptorship blog and excludes a trading "mentorship".
    await decide(db, [['preceptor-1.example', 'include'], ['trading-1.example', 'exclude']]);
    const second = await run(['train', '--db', db, '--corpus', corpus]);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/Decisions: 2 included, 0 shortlisted, 2 excluded; 4 site\(s\) teach with 16 page\(s\)/);
    expect(second.stdout).toMatch(/Stems gained: .*precept/);
    expect(second.stdout).toMatch(/Stems lost: .*trade/);
    expect(second.stdout).toMatch(/ROC AUC by cross-validation, before \(corpus alone\) → after \(with your decisions\):\n {2}corpus, 39 documents, 5 folds \(grade ≥ 1 vs 0\): \d\.\d{3} → \d\.\d{3}\n {2}your decided sites, 2 in vs 2 out/);
    expect(second.stdout).toMatch(/Re-scored \d+ page\(s\) from their stored features \(nothing fetched\) and re-aggregated 8 site\(s\)\./);
    const learnt = siteScores(db);
    expect(learnt[lookAlikeIn]).toBeGreaterThan(baseline[lookAlikeIn] + 5);
    expect(learnt[lookAlikeOut]).toBeLessThan(baseline[lookAlikeOut] - 5);
    const scored = await scoreDb();
    expect(scored.scorerVersion).toMatch(/\.curator-2$/);
    expect(scored.score).toBeGreaterThan(0);

    // Stored pages and site scores name the model.
    const s = openStore(db, { readonly: true });
    expect(s.vectorPagesOfSite(lookAlikeIn).every((p) => p.page.scorerVersion.endsWith('.curator-2'))).toBe(true);
    expect(s.getCandidate(lookAlikeIn)?.siteScore.scorerVersion).toMatch(/\.curator-2$/);
    expect(s.activeModel()).toMatchObject({ kind: 'curator', version: 2 });
    s.close();

    // --reset: the shipped model again, and the shipped scores.
    const reset = await run(['train', '--db', db, '--reset']);
    expect(reset.code).toBe(0);
    expect(reset.stdout).toMatch(/Back to the shipped model \(scorerVersion 2\.0\.0\+[0-9a-f]{8}; was curator-2\)/);
    expect((await scoreDb()).scorerVersion).toBe(SCORER_VERSION);
    expect(siteScores(db)).toEqual(shipped);
  });

  it('says which pages have no stored features (scored before they were kept) and keeps their scores', async () => {
    const db = join(tmp.dir, 'old.db');
    const store = openStore(db);
    saveSites(store, webSites(['preceptor'], 1), { noVector: true });
    saveSites(store, webSites(['trading', 'guide'], 1));
    store.close();
    await decide(db, [['preceptor-1.example', 'include'], ['trading-1.example', 'exclude']]);
    const before = siteScores(db)['preceptor-1.example'];
    const r = await run(['train', '--db', db, '--corpus', corpus, '--no-cv', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.decided).toMatchObject({ include: 1, exclude: 1, sitesUsed: 1, pagesWithoutVector: 4, sitesWithoutVector: ['preceptor-1.example'] });
    expect(out.rescored.withoutVector).toBe(4);
    expect(out.model.id).toBe('curator-1');
    expect(siteScores(db)['preceptor-1.example']).toBe(before);
    const text = await run(['train', '--db', db, '--corpus', corpus, '--no-cv']);
    expect(text.stdout).toMatch(/4 page\(s\) of decided sites have no stored features: they were scored before features were kept/);
    expect(text.stdout).toMatch(/4 page\(s\) have no stored features \(scored before features were kept\) and keep their scores/);
  });

  it('serve offers the store\'s model behind the token (GET /api/model): the trained one, then none after --reset', async () => {
    const db = join(tmp.dir, 'serve.db');
    const store = openStore(db);
    saveSites(store, webSites(['preceptor', 'trading'], 1));
    store.close();
    await decide(db, [['preceptor-1.example', 'include'], ['trading-1.example', 'exclude']]);
    const token = 'm'.repeat(32);
    const served = openStore(db);
    const server = createSyncServer({ store: served, now: () => new Date().toISOString(), token });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/model`;
    const get = async () => (await fetch(url, { headers: { Authorization: `Bearer ${token}` } })).json();
    try {
      expect((await fetch(url)).status).toBe(401);
      expect(await get()).toEqual({ scorerVersion: SCORER_VERSION, modelId: null, trainedAt: null, modelAt: null, model: null });
      expect((await run(['train', '--db', db, '--corpus', corpus, '--no-cv'])).code).toBe(0);
      const offered = await get();
      expect(offered).toMatchObject({ modelId: 'curator-1', scorerVersion: expect.stringMatching(/\.curator-1$/) });
      expect(scorerVersionOf(parseModel(offered.model))).toBe(offered.scorerVersion);
      expect(offered.modelAt).toBe(offered.trainedAt);
      expect((await run(['train', '--db', db, '--reset'])).code).toBe(0);
      const reset = await get();
      expect(reset.model).toBeNull();
      // The time of the return to the shipped model: the extension stamps its re-scored pages with it.
      expect(Date.parse(reset.modelAt)).toBeGreaterThanOrEqual(Date.parse(offered.modelAt));
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
      served.close();
    }
  });

  it('fails in one line when there is nothing to learn, no corpus, no store, or a crawl holds the store', async () => {
    const db = join(tmp.dir, 'empty.db');
    const store = openStore(db);
    saveSites(store, webSites(['guide'], 1));
    store.close();
    expect(expectOneLineError(await run(['train', '--db', db, '--corpus', corpus]))).toMatch(/nothing to learn from: no site is decided yet/);
    await decide(db, [['guide-1.example', 'include']]);
    expect(expectOneLineError(await run(['train', '--db', db, '--corpus', join(tmp.dir, 'nope')]))).toMatch(/no graded corpus at .*nope/);
    expect(expectOneLineError(await run(['train', '--db', join(tmp.dir, 'missing.db')]))).toMatch(/no store at/);
    const held = openStore(db);
    held.tryLease({ token: 'other', pid: process.pid, host: (await import('node:os')).hostname(), startedAt: new Date().toISOString(), heartbeatAt: new Date().toISOString() }, () => false);
    held.close();
    expect(expectOneLineError(await run(['train', '--db', db, '--corpus', corpus]))).toMatch(/another crawl .* is using .*: train when it is done/);
  });
});
