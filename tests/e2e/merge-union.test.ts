// End to end, issue 10's scenario: a site crawled by the CLI, one more of its pages bookmarked in
// the extension (real Chromium), synced both ways through `mentor-radar serve`'s handler: the same
// site score on both sides, computed from the union of the pages, and "Pages scored" in the
// dashboard is the number of pages it lists.
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../crawler/cli.ts';
import { createSyncServer } from '../../crawler/commands/serve.ts';
import { openStore } from '../../crawler/store/index.ts';
import { newToken } from '../../crawler/sync-token.ts';
import { livePages, scorePage, scoreSite, type Candidate } from '../../scoring/index.ts';
import { BOOKMARKED_PAGE, CRAWLED_PAGES } from '../scoring/site-fixture.ts';
import { closeSites, currentWorker, e2eEnabled, launch, openDashboard, openPopupFor, openSitePage, popupResult, removeDir, serveSite, tempProfile, type Launched, type Site } from './harness.ts';

const enabled = e2eEnabled();

/** The home page links the six pages the crawl finds; nothing links the handbook the curator bookmarks. */
function homePage(): string {
  const links = CRAWLED_PAGES.map((p) => `<li><a href="${p.path}">${p.path.slice(1).replace(/-/g, ' ')} (mentoring)</a></li>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bridgeway Mentors</title></head><body><main><h1>Mentoring guides</h1><ul>${links}</ul></main></body></html>`;
}

/** The extension's stored candidate of `site`, read in its service worker. */
async function storedCandidate(l: Launched, site: string): Promise<Candidate | undefined> {
  const worker = await currentWorker(l);
  return worker.evaluate(
    (key) =>
      new Promise<Candidate | undefined>((resolve, reject) => {
        const open = indexedDB.open('mentor-radar');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('candidates').objectStore('candidates').get(key);
          req.onsuccess = () => (open.result.close(), resolve(req.result as Candidate | undefined));
          req.onerror = () => reject(req.error);
        };
      }),
    site,
  );
}

describe.skipIf(!enabled)('one site from the crawler and the extension (Chromium)', () => {
  let site: Site;
  let dir: string;
  let profile: string;
  let l: Launched;
  let server: Server;
  let base: string;
  const token = newToken();

  beforeAll(async () => {
    const routes: Record<string, { body: string }> = { '/': { body: homePage() }, [BOOKMARKED_PAGE.path]: { body: BOOKMARKED_PAGE.html } };
    for (const p of CRAWLED_PAGES) routes[p.path] = { body: p.html };
    site = await serveSite(routes);
    dir = mkdtempSync(join(tmpdir(), 'mentor-radar-e2e-union-'));
    profile = tempProfile();
    l = await launch(profile);
  });

  afterAll(async () => {
    await l?.context.close().catch(() => undefined);
    await closeSites([site].filter(Boolean));
    if (server) await new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r())));
    rmSync(dir, { recursive: true, force: true });
    removeDir(profile);
  });

  it('crawled by the CLI, one more page bookmarked, synced both ways: the same score on both sides, as many pages listed as scored', async () => {
    const db = join(dir, 'store.db');
    const io = { stdout: () => undefined, stderr: () => undefined, env: {}, cwd: dir, columns: 120, isTTY: false };
    expect(await main(['crawl', `${site.origin}/`, '--db', db, '--delay', '0', '--max-pages', '30'], io)).toBe(0);
    const key = site.origin.replace(/^http:\/\//, '');
    const store = openStore(db);
    try {
      const crawled = store.getCandidate(key)!;
      const crawledPages = crawled.siteScore.pagesScored;
      expect(crawledPages).toBe(CRAWLED_PAGES.length + 1); // the six and the home page
      server = createSyncServer({ store, now: () => new Date().toISOString(), token });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

      // The curator bookmarks the handbook: the extension knows only that page yet.
      const { page, tabId } = await openSitePage(l, site.origin + BOOKMARKED_PAGE.path);
      const popup = await openPopupFor(l, tabId);
      expect((await popupResult(popup)).state).toBe('done');
      expect((await storedCandidate(l, key))?.siteScore.pagesScored).toBe(1);

      // Sync both ways from the popup's settings.
      await popup.click('#settings summary');
      await popup.fill('#setting-sync', base);
      await popup.fill('#setting-token', token);
      await popup.click('#sync');
      await popup.waitForFunction(() => /^Synced: /.test(document.getElementById('status')?.textContent ?? ''), undefined, { timeout: 30_000 });
      await popup.close();

      const here = (await storedCandidate(l, key))!;
      const there = store.getCandidate(key)!;
      expect(here.siteScore.pagesScored).toBe(crawledPages + 1);
      expect(here.siteScore).toEqual(there.siteScore);
      expect(livePages(store.sitePages(key))).toHaveLength(crawledPages + 1);
      // The score of the union: the crawl's pages and the bookmark, scored as one site.
      const pages = [...store.pagesOfSite(key), scorePage({ url: site.origin + BOOKMARKED_PAGE.path, html: BOOKMARKED_PAGE.html })];
      expect(here.siteScore.score).toBe(scoreSite(pages, { site: site.origin }).score);
      expect(here.siteScore.score).toBeGreaterThanOrEqual(crawled.siteScore.score);

      // The dashboard lists as many pages as it says were scored.
      const dash = await openDashboard(l);
      await dash.locator(`#rows .row[data-site="${key}"] .name`).click();
      await dash.waitForFunction((n) => document.querySelectorAll('#detail-pages .page').length === n, crawledPages + 1);
      expect(await dash.textContent('#detail-pages-scored')).toMatch(new RegExp(`^${crawledPages + 1} `));
      expect(await dash.locator('#detail-pages .page .muted', { hasText: /^crawled / }).count()).toBe(crawledPages);
      expect(await dash.locator('#detail-pages .page .muted', { hasText: /^bookmarked / }).count()).toBe(1);
      await dash.close();

      // Re-scored (the popup on the same page) and synced again: nothing moves on either side.
      const popup2 = await openPopupFor(l, tabId);
      expect((await popupResult(popup2)).status).toMatch(/^Re-scored/);
      await popup2.click('#settings summary');
      await popup2.click('#sync');
      await popup2.waitForFunction(() => /^Synced: /.test(document.getElementById('status')?.textContent ?? ''), undefined, { timeout: 30_000 });
      await popup2.close();
      await page.close();
      expect((await storedCandidate(l, key))!.siteScore).toEqual(here.siteScore);
      expect(store.getCandidate(key)!.siteScore).toEqual(there.siteScore);
    } finally {
      store.close();
    }
  });
});
