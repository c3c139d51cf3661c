// The sync server carries pages both ways (issue 10): a GET answer holds each site's pages and
// stays within its byte bound (fewer candidates per answer, never a cut one); a POST's pages join
// the site's, whose score is the union's; a page "scored in 2099" is clamped to the server's clock.
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSyncServer } from '../../crawler/commands/serve.ts';
import { openStore, type Store } from '../../crawler/store/index.ts';
import { candidatesToJson, livePages, pagesCandidate, parseCandidates, scorePage, scoreSite, toSitePage, type Candidate } from '../../scoring/index.ts';
import { BOOKMARKED_PAGE, CRAWLED_PAGES } from '../scoring/site-fixture.ts';

const TOKEN = 'test-token-0123456789abcdefghij';
const NOW = '2026-10-10T00:00:00.000Z';
let dir: string;
let store: Store;
let server: Server;
let base: string;

const origin = (i: number) => `https://site${i}.example`;
const pagesOf = (o: string) => CRAWLED_PAGES.map((p) => scorePage({ url: o + p.path, html: p.html, roundupYear: 2026 }));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mr-serve-pages-'));
  store = openStore(join(dir, 'store.db'));
  for (let i = 0; i < 6; i++) for (const page of pagesOf(origin(i))) store.savePage({ url: page.url, status: 'scored', fetchedAt: '2026-10-01T00:00:00.000Z', page });
  // A small bound: one site with its six pages is ~7 KB, so an answer holds two sites.
  server = createSyncServer({ store, now: () => NOW, token: TOKEN, maxAnswerBytes: 16_000 });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((r) => {
    server.closeAllConnections();
    server.close(() => r());
  });
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const auth = { authorization: `Bearer ${TOKEN}` };

describe('the sync server with pages', () => {
  it('answers each site with its pages, within the byte bound, so a client paging by what it got reads every site once', async () => {
    const seen: Candidate[] = [];
    let answers = 0;
    for (let offset = 0; answers < 20; ) {
      answers++;
      const res = await fetch(`${base}/api/candidates?offset=${offset}&limit=500`, { headers: auth });
      const text = await res.text();
      const body = JSON.parse(text);
      expect(body.total).toBe(6);
      if (body.candidates.length === 0) break;
      expect(text.length).toBeLessThan(16_000 + 1_000);
      const page = parseCandidates(text, NOW);
      seen.push(...page);
      offset += page.length;
      if (offset >= body.total) break;
    }
    expect(answers).toBeGreaterThanOrEqual(3);
    expect(seen.map((c) => c.site)).toEqual([0, 1, 2, 3, 4, 5].map((i) => `site${i}.example`));
    for (const c of seen) {
      expect(c.pages).toHaveLength(6);
      expect(c.siteScore).toEqual(store.getCandidate(c.site)!.siteScore);
    }
  });

  it("a POST's pages join the site's: the server scores the union; a page dated 2099 is clamped to its clock", async () => {
    const o = origin(0);
    const bookmarked = scorePage({ url: o + BOOKMARKED_PAGE.path, html: BOOKMARKED_PAGE.html, roundupYear: 2026 });
    const future = { ...pagesCandidate([toSitePage(bookmarked, '2026-10-05T00:00:00.000Z', 'bookmark')], 'bookmark', '2026-10-05T00:00:00.000Z') };
    const body = JSON.parse(candidatesToJson([future], NOW));
    body.candidates[0].pages[0].scoredAt = '2099-01-01T00:00:00.000Z';
    const res = await fetch(`${base}/api/candidates`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(res.status).toBe(200);
    const c = store.getCandidate('site0.example')!;
    expect(c.siteScore).toEqual(scoreSite([...pagesOf(o), bookmarked], { site: o, roundupYear: 2026 }));
    const pages = livePages(store.sitePages('site0.example'));
    expect(pages).toHaveLength(7);
    expect(pages.find((p) => p.source === 'bookmark')?.scoredAt).toBe(NOW);
    const bad = structuredClone(body);
    bad.candidates[0].pages[0].scoredAt = 'Sat Jan 01 2000';
    const refused = await fetch(`${base}/api/candidates`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify(bad) });
    expect(refused.status).toBe(400);
    expect((await refused.json()).error).toMatch(/candidate 1 page 1 scoredAt: not an ISO 8601/);
  });

  it('a re-score "by a model of 2099" is clamped to its clock too, and a rescoredAt that is no time refused', async () => {
    const o = origin(1);
    const bookmarked = scorePage({ url: o + BOOKMARKED_PAGE.path, html: BOOKMARKED_PAGE.html, roundupYear: 2026 });
    const body = JSON.parse(candidatesToJson([pagesCandidate([toSitePage(bookmarked, '2026-10-05T00:00:00.000Z', 'bookmark')], 'bookmark', '2026-10-05T00:00:00.000Z')], NOW));
    body.candidates[0].pages[0].rescoredAt = '2099-01-01T00:00:00.000Z';
    const post = (b: unknown) => fetch(`${base}/api/candidates`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify(b) });
    expect((await post(body)).status).toBe(200);
    expect(store.sitePages('site1.example').find((p) => p.source === 'bookmark')?.rescoredAt).toBe(NOW);
    body.candidates[0].pages[0].rescoredAt = 'soon';
    const refused = await post(body);
    expect(refused.status).toBe(400);
    expect((await refused.json()).error).toMatch(/candidate 1 page 1 rescoredAt: not an ISO 8601/);
  });
});
