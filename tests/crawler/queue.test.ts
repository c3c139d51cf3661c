// A bookmark sends the crawler (issue 11), on a loopback fixture web: a bookmarked site arriving by
// import or by the sync server is queued; `crawl --queued` crawls it and only it, and clears it; an
// interrupted queued crawl leaves it queued; a running schedule picks the queue up by itself; a
// bookmark newer than the last crawl queues the site again, an older one does not.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureWeb, type FixtureWeb } from '../../demo/fixture-web/server.ts';
import { createSyncServer } from '../../crawler/commands/serve.ts';
import { runQueuedCrawl } from '../../crawler/crawl/queued.ts';
import { runSchedule } from '../../crawler/schedule.ts';
import { openStore } from '../../crawler/store/index.ts';
import { candidatesToJson, newCandidate, scorePage, scoreSite } from '../../scoring/index.ts';
import { MODEL } from '../../scoring/model.ts';
import { vectorScore } from '../../scoring/vector.ts';
import { mentoringHtml, run } from './commands/helpers.ts';

let dir: string;
let web: FixtureWeb;
const post = (i: number, links = '') => mentoringHtml(`Mentoring note ${i}`, `<p><a href="/posts/${i + 1}">Next mentoring note</a></p>${links}`);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mr-queue-'));
  const blog = (name: string, address: string, slow = false) => ({
    name,
    address,
    pages: {
      '/': mentoringHtml(`${name}: mentoring for new mentors`, '<p><a href="/posts/1">Our first mentoring note</a> <a href="{{other}}/">Another mentoring blog</a></p>'),
      ...Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`/posts/${i + 1}`, slow && i >= 1 ? { body: post(i + 1), delayMs: 1500 } : post(i + 1)])),
    },
  });
  web = await startFixtureWeb([
    blog('bookmarked', '127.0.41.2'),
    blog('slow', '127.0.41.3', true),
    blog('queued-by-sync', '127.0.41.4'),
    { name: 'other', address: '127.0.41.5', pages: { '/': mentoringHtml('Another mentoring blog', '<p><a href="/guide">A mentoring guide</a></p>'), '/guide': mentoringHtml('A mentoring guide') } },
  ]);
});
afterAll(async () => {
  await web.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The extension's export of one bookmark of `url` (a candidate whose source is 'bookmark'). */
function bookmarkExport(url: string, at = '2026-05-01T10:00:00.000Z'): string {
  const page = scorePage({ url, html: mentoringHtml('Bookmarked mentoring note') });
  return candidatesToJson([newCandidate(scoreSite([page]), 'bookmark', at)], at);
}

const queueOf = (db: string) => {
  const s = openStore(db);
  try {
    return s.queuedSites().map((e) => e.site);
  } finally {
    s.close();
  }
};

describe('crawl --queued', () => {
  it('crawls the site a bookmark queued, and only it, then clears it', async () => {
    const db = join(dir, 'import.db');
    writeFileSync(join(dir, 'bookmarks.json'), bookmarkExport(web.url('bookmarked', '/posts/3')));
    const imp = await run(['import', join(dir, 'bookmarks.json'), '--db', db]);
    expect(imp.stdout).toMatch(/1 bookmarked site\(s\) queued for a crawl/);
    const site = new URL(web.origin('bookmarked')).host;
    expect(queueOf(db)).toEqual([site]);

    const r = await run(['crawl', '--queued', '--db', db, '--delay', '0', '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ queuedSites: [site], cleared: 1, stoppedBecause: 'done' });
    // Its home, the bookmarked page and the rest of the site, deep; nothing of the site it links to.
    expect(web.requests('bookmarked').map((x) => x.path)).toEqual(expect.arrayContaining(['/', '/posts/1', '/posts/2', '/posts/3', '/posts/4', '/posts/5']));
    expect(web.requests('other')).toHaveLength(0);
    expect(queueOf(db)).toEqual([]);
    const s = openStore(db);
    expect(s.crawlStatus([site])[site]).toMatchObject({ state: 'crawled', pages: 6 });
    s.close();

    // Nothing queued now: nothing to do.
    const again = await run(['crawl', '--queued', '--db', db]);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('No site is queued: nothing to crawl.\n');
    expect((await run(['crawl', '--queued', 'https://x.example/', '--db', db])).code).toBe(2);
  }, 60_000);

  it('a site that cannot be fetched is tried once, not queued again by every import or sync', async () => {
    const db = join(dir, 'dead.db');
    writeFileSync(join(dir, 'dead.json'), bookmarkExport('http://127.0.41.9:9/post'));
    expect(JSON.parse((await run(['import', join(dir, 'dead.json'), '--db', db, '--json'])).stdout).queuedForCrawl).toBe(1);
    const r = await run(['crawl', '--queued', '--db', db, '--delay', '0']);
    expect(r.code).toBe(3);
    expect(queueOf(db)).toEqual([]);
    expect(JSON.parse((await run(['import', join(dir, 'dead.json'), '--db', db, '--json'])).stdout).queuedForCrawl).toBe(0);
    const s = openStore(db);
    expect(s.crawlStatus(['127.0.41.9:9'])['127.0.41.9:9']).toMatchObject({ state: 'crawled', pages: 0 });
    s.close();
  }, 30_000);

  it("scores with the store's model and keeps every page's vector", async () => {
    const db = join(dir, 'model.db');
    const s = openStore(db);
    const curator = { ...MODEL, id: 'curator-1', bias: MODEL.bias + 1 };
    s.saveModel(1, curator, '2026-05-01T00:00:00.000Z');
    s.queueBookmarks([{ url: web.url('other', '/guide') }], '2026-05-01T10:00:00.000Z');
    s.close();
    expect((await run(['crawl', '--queued', '--db', db, '--delay', '0'])).code).toBe(0);
    const after = openStore(db);
    const pages = after.vectorPagesOfSite(new URL(web.origin('other')).host);
    after.close();
    expect(pages.length).toBe(2);
    for (const p of pages) {
      expect(p.page.scorerVersion).toMatch(/\.curator-1$/);
      expect(vectorScore(p.vector!, curator)).toBe(p.page.score);
    }
  }, 30_000);

  it('an interrupted queued crawl leaves the site queued', async () => {
    const db = join(dir, 'interrupted.db');
    const s = openStore(db);
    s.queueBookmarks([{ url: web.url('slow', '/posts/1') }], '2026-05-01T10:00:00.000Z');
    s.close();
    const stop = new AbortController();
    const crawling = runQueuedCrawl({ db, politenessDelayMs: 0, signal: stop.signal, concurrency: 1 });
    await new Promise((r) => setTimeout(r, 800));
    stop.abort();
    const result = await crawling;
    expect(result.report?.interrupted).toBe(true);
    expect(result.cleared).toBe(0);
    expect(queueOf(db)).toEqual([new URL(web.origin('slow')).host]);
  }, 30_000);
});

describe('the sync server and the schedule', () => {
  let server: Server;
  let base = '';
  const db = () => join(dir, 'sync.db');
  const token = 'q'.repeat(32);
  beforeAll(async () => {
    const store = openStore(db());
    server = createSyncServer({ store, now: () => new Date().toISOString(), token });
    server.on('close', () => store.close());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  const bookmarks = (list: { url: string; savedAt: string }[]) =>
    fetch(`${base}/api/bookmarks`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ bookmarks: list }) });

  it('a bookmark synced to serve is queued, and a running schedule crawls it within its poll', async () => {
    const url = web.url('queued-by-sync', '/posts/2');
    const site = new URL(url).host;
    expect((await fetch(`${base}/api/bookmarks`, { method: 'POST', body: '{}' })).status).toBe(401);
    const res = await bookmarks([{ url, savedAt: '2026-05-01T10:00:00Z' }]);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ queued: [site], status: { [site]: { state: 'queued' } } });

    const lines: string[] = [];
    const handle = runSchedule({ cron: '0 0 1 1 *', crawlOptions: { db: db(), politenessDelayMs: 0 }, queuePollMs: 200, log: (l) => lines.push(l) });
    try {
      for (let i = 0; i < 150 && handle.queueRuns === 0; i++) await new Promise((r) => setTimeout(r, 100));
      expect(handle.queueRuns).toBe(1);
      expect(handle.runs).toBe(0); // no cron tick: the poll did it
    } finally {
      handle.stop();
      await handle.done;
    }
    expect(lines.some((l) => l.includes(`crawled 1 site(s) a bookmark queued (${site})`))).toBe(true);
    expect(web.requests('queued-by-sync').map((x) => x.path)).toEqual(expect.arrayContaining(['/', '/posts/2', '/posts/5']));
    const status = await (await bookmarks([{ url, savedAt: '2026-05-01T10:00:00Z' }])).json();
    // The bookmark is older than the crawl: not queued again; its status says what was crawled.
    expect(status).toMatchObject({ queued: [], status: { [site]: { state: 'crawled', pages: 6 } } });
    // Bookmarked again after the crawl: a page the crawler read is a re-score, not news; a new one queues the site again.
    await new Promise((r) => setTimeout(r, 1100));
    const later = new Date().toISOString();
    expect(await (await bookmarks([{ url: web.url('queued-by-sync', '/posts/4'), savedAt: later }])).json()).toMatchObject({ queued: [] });
    expect(await (await bookmarks([{ url: web.url('queued-by-sync', '/posts/new-post'), savedAt: later }])).json()).toMatchObject({ queued: [site] });
  }, 60_000);

  it('refuses malformed bookmarks with a reason', async () => {
    for (const [body, why] of [
      ['{"bookmarks": 3}', /bookmarks/],
      ['{"bookmarks": [{"url": "javascript:alert(1)", "savedAt": "2026-05-01T10:00:00Z"}]}', /http\(s\) URL/],
      ['{"bookmarks": [{"url": "https://a.example/", "savedAt": "yesterday"}]}', /ISO 8601/],
    ] as const) {
      const res = await fetch(`${base}/api/bookmarks`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body });
      expect(res.status).toBe(400);
      expect((await res.json()).error).toMatch(why);
    }
  });
});
