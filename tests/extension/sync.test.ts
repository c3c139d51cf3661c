// Sync against the crawler's real loopback API (`mentor-radar serve`'s handler on a real SQLite
// store in a temp dir, behind its token): pull page by page + merge here, push back in batches;
// curation survives both ways; a missing or wrong token is refused with what to do.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSyncServer } from '../../crawler/commands/serve.ts';
import { newToken } from '../../crawler/sync-token.ts';
import type { Store } from '../../crawler/store/index.ts';
import { closeMentorDb, getCandidate, listCandidates, pagesOfSite, putCandidate, removePageAndRescore, savePageAndCandidate, updateCuration, withStoredPages } from '../../extension/lib/db.ts';
import { SyncError, checkSyncToken, checkSyncUrl, pushAll, syncWithServer } from '../../extension/lib/sync.ts';
import { livePages, scorePage, scoreSite } from '../../scoring/index.ts';
import { BOOKMARKED_PAGE, CRAWLED_PAGES } from '../scoring/site-fixture.ts';
import { startSyncServer, type SyncServerUnderTest } from './sync-server.ts';
import { candidateOf, freshIndexedDb } from './fixtures.ts';

let sync: SyncServerUnderTest;
let store: Store;
let server: Server;
let base: string;
let token: string;
let requests: { method: string; path: string; auth: string | undefined }[];

beforeEach(async () => {
  await freshIndexedDb();
  sync = await startSyncServer(() => '2026-06-01T00:00:00.000Z', 'mentor-radar-sync-');
  ({ store, server, base, token } = sync);
  requests = [];
  server.prependListener('request', (req) => requests.push({ method: req.method ?? '', path: req.url ?? '', auth: req.headers.authorization }));
});

afterEach(async () => {
  await sync.close();
  await closeMentorDb();
});

describe('sync with mentor-radar serve', () => {
  it('pulls the crawler candidates, merges them with bookmarks, and pushes the merged set back', async () => {
    store.upsertCandidate(candidateOf('crawled.example', 61, { source: 'crawl', pages: 12 }));
    store.upsertCandidate(candidateOf('both.example', 70, { source: 'crawl', pages: 9, notes: 'crawler note' }));
    await putCandidate(candidateOf('both.example', 75, { source: 'bookmark', pages: 1, decision: 'include', tags: ['best'], curatedAt: '2026-05-01T00:00:00.000Z' }));
    await putCandidate(candidateOf('bookmarked.example', 44, { source: 'bookmark', decision: 'shortlist' }));

    const r = await syncWithServer(base, token, { now: new Date('2026-06-01T00:00:00.000Z') });
    expect(r.pulled).toEqual({ added: 1, merged: 1, total: 2 });
    expect(r.pushed).toMatchObject({ imported: 3, added: 1, merged: 2 });

    const both = (await getCandidate('both.example'))!;
    expect(both).toMatchObject({ decision: 'include', tags: ['best'], sources: ['crawl', 'bookmark'] });
    expect(both.notes).toBe('crawler note');
    expect(both.siteScore.pagesScored).toBe(9);
    expect((await listCandidates()).map((c) => c.site).sort()).toEqual(['bookmarked.example', 'both.example', 'crawled.example']);

    // The crawler's store now has the extension's bookmark and curation too.
    expect(store.getCandidate('bookmarked.example')?.decision).toBe('shortlist');
    expect(store.getCandidate('both.example')?.decision).toBe('include');
  });

  it('pages through a server with more candidates than one page, and pushes in batches', async () => {
    for (let i = 0; i < 7; i++) store.upsertCandidate(candidateOf(`site${i}.example`, 40 + i, { source: 'crawl' }));
    await putCandidate(candidateOf('local.example', 50, { source: 'bookmark' }));
    const r = await syncWithServer(base, token, { now: new Date('2026-06-01T00:00:00.000Z'), pullPage: 3, pushBatch: 4 });
    expect(r.pulled).toEqual({ added: 7, merged: 0, total: 7 });
    expect(r.pushed).toMatchObject({ imported: 8, added: 1, merged: 7 });
    expect((await listCandidates()).length).toBe(8);
    expect(requests.filter((q) => q.method === 'GET').map((q) => q.path)).toEqual([
      '/api/candidates?offset=0&limit=3',
      '/api/candidates?offset=3&limit=3',
      '/api/candidates?offset=6&limit=3',
    ]);
    expect(requests.filter((q) => q.method === 'POST')).toHaveLength(2);
    expect(requests.every((q) => q.auth === `Bearer ${token}`)).toBe(true);
  });

  it("issue 10: the crawler's six pages and one page bookmarked here give the same site on both sides, synced both ways; again changes nothing", async () => {
    const origin = 'https://bridgeway.example';
    for (const p of CRAWLED_PAGES) {
      const page = scorePage({ url: origin + p.path, html: p.html, roundupYear: 2026 });
      store.savePage({ url: page.url, status: 'scored', fetchedAt: '2026-05-20T00:00:00.000Z', page });
    }
    store.decide('bridgeway.example', { note: 'crawler side' });
    const bookmarked = scorePage({ url: origin + BOOKMARKED_PAGE.path, html: BOOKMARKED_PAGE.html, roundupYear: 2026 });
    await savePageAndCandidate(bookmarked, '2026-05-25T00:00:00.000Z');
    await updateCuration('bridgeway.example', { decision: 'include' }); // after the note above (both dated by the clock)

    await syncWithServer(base, token, { now: new Date('2026-06-01T00:00:00.000Z') });
    const here = (await getCandidate('bridgeway.example'))!;
    const there = store.getCandidate('bridgeway.example')!;
    expect(here.siteScore.pagesScored).toBe(7);
    expect(here.siteScore).toEqual(there.siteScore);
    expect(here.siteScore.score).toBe(scoreSite([...store.pagesOfSite('bridgeway.example'), bookmarked], { site: origin, roundupYear: 2026 }).score);
    expect((await pagesOfSite('bridgeway.example')).length).toBe(here.siteScore.pagesScored);
    expect(livePages(store.sitePages('bridgeway.example')).length).toBe(there.siteScore.pagesScored);
    expect([here.decision, there.decision]).toEqual(['include', 'include']);

    // Synced again: nothing moves on either side.
    await syncWithServer(base, token, { now: new Date('2026-06-01T00:00:00.000Z') });
    expect(await getCandidate('bridgeway.example')).toEqual(here);
    expect(store.getCandidate('bridgeway.example')).toEqual(there);

    // A page removed here leaves the site on the server too.
    await removePageAndRescore(`${origin}/about`, '2026-05-30T00:00:00.000Z');
    await syncWithServer(base, token, { now: new Date('2026-06-01T00:00:00.000Z') });
    expect(store.getCandidate('bridgeway.example')!.siteScore.pagesScored).toBe(6);
    expect(store.getCandidate('bridgeway.example')!.siteScore).toEqual((await getCandidate('bridgeway.example'))!.siteScore);
  });

  it('splits a push whose body would pass the byte bound, and sends each batch with its pages', async () => {
    for (let i = 0; i < 5; i++) await savePageAndCandidate(scorePage({ url: `https://s${i}.example${BOOKMARKED_PAGE.path}`, html: BOOKMARKED_PAGE.html, roundupYear: 2026 }), '2026-05-25T00:00:00.000Z');
    const bodies: string[] = [];
    const call = async (_path: string, init?: RequestInit) => {
      bodies.push(String(init?.body));
      const n = JSON.parse(String(init?.body)).candidates.length;
      return new Response(JSON.stringify({ imported: n, added: n, merged: 0 }));
    };
    const sum = await pushAll(call, await listCandidates(), new Date('2026-06-01T00:00:00.000Z'), 500, withStoredPages, 9_000);
    expect(sum).toEqual({ imported: 5, added: 5, merged: 0 });
    expect(bodies.length).toBeGreaterThan(1);
    for (const b of bodies) {
      const file = JSON.parse(b);
      expect(file.version).toBe(3);
      if (file.candidates.length > 1) expect(b.length).toBeLessThanOrEqual(9_000);
      for (const c of file.candidates) expect(c.pages).toHaveLength(1);
    }
  });

  it('without the token or with a wrong one: refused with what to do, and nothing changes on either side', async () => {
    store.upsertCandidate(candidateOf('crawled.example', 61, { source: 'crawl' }));
    await putCandidate(candidateOf('mine.example', 44, { source: 'bookmark' }));
    await expect(syncWithServer(base, '')).rejects.toThrow(/needs its token.*--show-token/);
    await expect(syncWithServer(base, 'not a token!')).rejects.toThrow(/not a sync token/);
    const wrong = newToken();
    const err = await syncWithServer(base, wrong).catch((e: Error) => e);
    expect(err).toBeInstanceOf(SyncError);
    expect((err as Error).message).toMatch(/refused the token.*--show-token/);
    expect((err as Error).message).not.toContain(wrong);
    expect((await listCandidates()).map((c) => c.site)).toEqual(['mine.example']);
    expect(store.getCandidate('mine.example')).toBeUndefined();
    expect(checkSyncToken(`  ${token}\n`)).toBe(token);
  });

  it('refuses non-loopback servers and reports an unreachable one', async () => {
    expect(() => checkSyncUrl('https://sync.evil.example')).toThrow(SyncError);
    expect(() => checkSyncUrl('file:///tmp/x')).toThrow(SyncError);
    expect(checkSyncUrl('http://127.0.0.1:7457/')).toBe('http://127.0.0.1:7457');
    // mentor-radar serve listens on 127.0.0.1 only, so an IPv6 loopback URL could never connect.
    expect(() => checkSyncUrl('http://[::1]:7457')).toThrow(SyncError);
    const closedPort = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await new Promise<void>((r) => server.close(() => r()));
    server = createSyncServer({ store, now: () => '', token }); // closed again in afterEach
    await expect(syncWithServer(closedPort, token)).rejects.toThrow(/Cannot reach the sync server/);
    expect(await listCandidates()).toEqual([]);
  });
});
