// Sync against the crawler's real loopback API (`mentor-radar serve`'s handler on a real SQLite
// store in a temp dir): pull + merge here, push back; curation survives both ways.
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSyncServer } from '../../crawler/commands/serve.ts';
import { open } from '../../crawler/commands/db.ts';
import type { Store } from '../../crawler/store/index.ts';
import { closeMentorDb, getCandidate, listCandidates, putCandidate } from '../../extension/lib/db.ts';
import { SyncError, checkSyncUrl, syncWithServer } from '../../extension/lib/sync.ts';
import { candidateOf, freshIndexedDb } from './fixtures.ts';

let dir: string;
let store: Store;
let server: Server;
let base: string;

beforeEach(async () => {
  await freshIndexedDb();
  dir = mkdtempSync(join(tmpdir(), 'mentor-radar-sync-'));
  store = open(join(dir, 'store.db'));
  server = createSyncServer({ store, now: () => '2026-06-01T00:00:00.000Z' });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  await new Promise<void>((r) => {
    server.close(() => r());
    server.closeAllConnections();
  });
  store.close();
  rmSync(dir, { recursive: true, force: true });
  await closeMentorDb();
});

describe('sync with mentor-radar serve', () => {
  it('pulls the crawler candidates, merges them with bookmarks, and pushes the merged set back', async () => {
    store.upsertCandidate(candidateOf('crawled.example', 61, { source: 'crawl', pages: 12 }));
    store.upsertCandidate(candidateOf('both.example', 70, { source: 'crawl', pages: 9, notes: 'crawler note' }));
    await putCandidate(candidateOf('both.example', 75, { source: 'bookmark', pages: 1, decision: 'include', tags: ['best'], curatedAt: '2026-05-01T00:00:00.000Z' }));
    await putCandidate(candidateOf('bookmarked.example', 44, { source: 'bookmark', decision: 'shortlist' }));

    const r = await syncWithServer(base, { now: new Date('2026-06-01T00:00:00.000Z') });
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

  it('refuses non-loopback servers and reports an unreachable one', async () => {
    expect(() => checkSyncUrl('https://sync.evil.example')).toThrow(SyncError);
    expect(() => checkSyncUrl('file:///tmp/x')).toThrow(SyncError);
    expect(checkSyncUrl('http://127.0.0.1:7457/')).toBe('http://127.0.0.1:7457');
    // mentor-radar serve listens on 127.0.0.1 only, so an IPv6 loopback URL could never connect.
    expect(() => checkSyncUrl('http://[::1]:7457')).toThrow(SyncError);
    const closedPort = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await new Promise<void>((r) => server.close(() => r()));
    server = createSyncServer({ store, now: () => '' }); // closed again in afterEach
    await expect(syncWithServer(closedPort)).rejects.toThrow(/Cannot reach the sync server/);
    expect(await listCandidates()).toEqual([]);
  });
});
