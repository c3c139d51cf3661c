// End to end, in real Chromium with the built extension (issue 11): the curator's model travels to
// the extension through sync and re-scores what was bookmarked; a bookmark synced to serve queues its
// site, `crawl --queued` crawls it, and after the next sync the popup and the dashboard say so.
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSyncServer } from '../../crawler/commands/serve.ts';
import { runQueuedCrawl } from '../../crawler/crawl/queued.ts';
import { openStore, type Store } from '../../crawler/store/index.ts';
import { newToken } from '../../crawler/sync-token.ts';
import { MODEL, type LinearModel } from '../../scoring/model.ts';
import { scorerVersionOf } from '../../scoring/model-version.ts';
import { closeSites, currentWorker, e2eEnabled, guidePage, launch, openDashboard, openPopupFor, openSitePage, removeDir, serveSite, tempProfile, type Launched, type Site } from './harness.ts';

const enabled = e2eEnabled();

/** The pages stored in the extension's IndexedDB: url, scorerVersion, score, whether it has a vector. */
async function storedPages(l: Launched): Promise<{ url: string; scorerVersion: string; score: number; vector: boolean }[]> {
  const worker = await currentWorker(l);
  return worker.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('mentor-radar');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('pages').objectStore('pages').getAll();
          req.onsuccess = () => {
            open.result.close();
            resolve((req.result as { url: string; scorerVersion: string; score: number; vector?: string }[]).map((p) => ({ url: p.url, scorerVersion: p.scorerVersion, score: p.score, vector: typeof p.vector === 'string' && p.vector.length > 100 })));
          };
          req.onerror = () => reject(req.error);
        };
      }),
  );
}

async function sync(popup: Page, base: string, token: string): Promise<string> {
  await popup.click('#settings summary');
  await popup.fill('#setting-sync', base);
  await popup.fill('#setting-token', token);
  await popup.click('#sync');
  await popup.waitForFunction(() => /^Synced: /.test(document.getElementById('status')?.textContent ?? ''), undefined, { timeout: 30_000 });
  return (await popup.textContent('#status')) ?? '';
}

describe.skipIf(!enabled)("the curator's model and the crawl queue travel through sync (Chromium)", () => {
  let profile: string;
  let l: Launched;
  let blog: Site;
  let dir: string;
  let store: Store;
  let server: Server;
  let base: string;
  const token = newToken();
  const curator: LinearModel = { ...MODEL, id: 'curator-1', share: 0.6, bias: MODEL.bias + 1.2 };

  beforeAll(async () => {
    const post = (title: string) => guidePage().replace(/<title>[^<]*<\/title>/, `<title>${title}</title>`);
    blog = await serveSite({ '/': { body: post('Mentoring blog').replace('<main>', '<main><p><a href="/guide">The guide</a> <a href="/more">More</a></p>') }, '/guide': { body: guidePage() }, '/more': { body: post('More on mentoring') } });
    dir = mkdtempSync(join(tmpdir(), 'mentor-radar-e2e-learning-'));
    store = openStore(join(dir, 'store.db'));
    server = createSyncServer({ store, now: () => new Date().toISOString(), token });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    profile = tempProfile();
    l = await launch(profile);
  });

  afterAll(async () => {
    await l?.context.close().catch(() => undefined);
    await closeSites([blog].filter(Boolean));
    await new Promise<void>((r) => {
      server?.closeAllConnections();
      server?.close(() => r());
    });
    store?.close();
    rmSync(dir, { recursive: true, force: true });
    removeDir(profile);
  });

  it('takes the model on sync, re-scores the bookmark with it, queues the site; after crawl --queued the next sync says it was crawled', async () => {
    const site = blog.origin.replace(/^http:\/\//, '');
    const { page, tabId } = await openSitePage(l, `${blog.origin}/guide`);
    let popup = await openPopupFor(l, tabId);
    expect(await popup.textContent('#scorer')).toBe('Scored with the shipped model.');
    const [before] = await storedPages(l);
    expect(before).toMatchObject({ scorerVersion: scorerVersionOf(MODEL), vector: true });

    // The curator trained a model on the crawler's side; the next sync brings it.
    store.saveModel(1, curator, new Date().toISOString());
    const message = await sync(popup, base, token);
    expect(message).toContain('Now scoring with your model curator-1; re-scored 1 page.');
    expect(message).toContain('1 bookmarked site queued for a crawl.');
    await popup.waitForFunction(() => document.getElementById('crawl-status')?.textContent === 'Crawl queued');
    const [after] = await storedPages(l);
    expect(after.scorerVersion).toBe(scorerVersionOf(curator));
    expect(after.score).not.toBe(before.score);
    expect(store.queuedSites().map((e) => e.site)).toEqual([site]);
    await popup.close();

    // The crawler reads the queued site (as a running schedule would within a minute).
    const crawled = await runQueuedCrawl({ db: store.path, politenessDelayMs: 0 });
    expect(crawled.cleared).toBe(1);
    expect(crawled.report?.pagesScored).toBe(3);

    // A new bookmark is scored with the curator's model; the next sync says what the crawler did.
    popup = await openPopupFor(l, tabId);
    expect(await popup.textContent('#scorer')).toBe('Scored with your model curator-1.');
    expect(await sync(popup, base, token)).not.toContain('Now scoring');
    const today = new Date().toISOString().slice(0, 10);
    await popup.waitForFunction((t) => document.getElementById('crawl-status')?.textContent === `Crawled 3 pages on ${t}`, today);
    await popup.close();
    await page.close();

    const dash = await openDashboard(l);
    await dash.locator(`#rows .row[data-site="${site}"] .name`).click();
    await dash.waitForFunction((t) => document.getElementById('detail-crawl')?.textContent === `Crawled 3 pages on ${t}`, today);
    expect(await dash.textContent('#detail-scorer')).toBe('your model curator-1');
    await dash.close();
  });
});
