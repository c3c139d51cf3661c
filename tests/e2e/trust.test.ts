// End to end, in real Chromium with the built extension: what a curator must be able to trust.
// Only real pages reach a site's score (PDF, plain text, 404, 500, a page still loading are
// refused and store nothing; a utm duplicate is the same page); a slow page shows progress and
// Cancel; a tab without a grant gets its own message; typed tags and notes survive a row switch;
// a page can be removed from its site; sites compare side by side; sync needs the server's
// token; and axe-core finds no serious or critical violation on the popup or any dashboard view.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSyncServer } from '../../crawler/commands/serve.ts';
import { openStore, type Store } from '../../crawler/store/index.ts';
import { newToken } from '../../crawler/sync-token.ts';
import { parseCandidates } from '../../scoring/index.ts';
import {
  SCREENSHOTS,
  closeSites,
  e2eEnabled,
  errorPage,
  guidePage,
  irrelevantPage,
  launch,
  openDashboard,
  openPopupFor,
  openPopupPage,
  openSitePage,
  pdfBytes,
  popupResult,
  removeDir,
  seriousViolations,
  storedSiteKeys,
  serveSite,
  tabIdOf,
  tabIds,
  tempProfile,
  type Launched,
  type Site,
} from './harness.ts';
import { fixtureExportJson } from './import-fixture.ts';

const enabled = e2eEnabled();

/** A chapter of the guide on its own: a second page of the guide's site. */
function chapterPage(): string {
  const section = (guidePage().match(/<section>[\s\S]*?<\/section>/g) ?? [])[2] ?? '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Working with your mentee</title></head>
<body><main><article><h1>Working with your mentee</h1>${section}</article></main></body></html>`;
}

/** Every dashboard view the accessibility run covers, by URL hash. */
const DASHBOARD_VIEWS: { name: string; hash: (sites: string[]) => string; ready: (p: Page, sites: string[]) => Promise<unknown> }[] = [
  {
    name: 'list with detail',
    hash: () => '',
    ready: async (p, sites) => {
      await p.locator(`#rows .row[data-site="${sites[0]}"] .name`).click();
      await p.waitForSelector('#detail-pages .page');
    },
  },
  { name: 'compare', hash: (s) => `#compare=${s.slice(0, 2).join(',')}`, ready: (p) => p.waitForSelector('#compare .compare-table') },
  {
    name: 'roundup',
    hash: () => '#view=roundup',
    ready: async (p, sites) => {
      await p.waitForFunction(() => document.body.getAttribute('data-roundup') === 'ready');
      await p.waitForSelector(`#roundup-list .roundup-item[data-site="${sites[0]}"]`);
    },
  },
];

describe.skipIf(!enabled)('a curator can trust the extension (Chromium)', () => {
  let profile: string;
  let l: Launched;
  let guide: Site, docs: Site, other: Site;
  let syncDir: string;
  let store: Store;
  let syncServer: Server;
  let syncBase: string;
  const token = newToken();
  const key = (s: Site) => s.origin.replace(/^http:\/\//, '');
  const storedSites = () => storedSiteKeys(l);

  beforeAll(async () => {
    guide = await serveSite({ '/guide': { body: guidePage() }, '/chapter': { body: chapterPage() } });
    const text = guidePage().replace(/<[^>]+>/g, ' ');
    docs = await serveSite({
      '/guide.pdf': { body: pdfBytes(), type: 'application/pdf' },
      '/notes.txt': { body: text, type: 'text/plain; charset=utf-8' },
      '/missing': { body: errorPage(404), status: 404 },
      '/broken': { body: errorPage(500), status: 500 },
      '/slow': { body: guidePage(), slowMs: 60_000 },
    });
    other = await serveSite({ '/sauce': { body: irrelevantPage() } });
    syncDir = mkdtempSync(join(tmpdir(), 'mentor-radar-e2e-sync-'));
    store = openStore(join(syncDir, 'store.db'));
    for (const c of parseCandidates(fixtureExportJson(), new Date().toISOString()).slice(0, 2)) store.upsertCandidate(c);
    syncServer = createSyncServer({ store, now: () => new Date().toISOString(), token });
    await new Promise<void>((r) => syncServer.listen(0, '127.0.0.1', () => r()));
    syncBase = `http://127.0.0.1:${(syncServer.address() as AddressInfo).port}`;
    mkdirSync(SCREENSHOTS, { recursive: true });
    profile = tempProfile();
    l = await launch(profile);
  });

  afterAll(async () => {
    await l?.context.close().catch(() => undefined);
    await closeSites([guide, docs, other].filter(Boolean));
    await new Promise<void>((r) => {
      syncServer?.closeAllConnections();
      syncServer?.close(() => r());
    });
    store?.close();
    rmSync(syncDir, { recursive: true, force: true });
    removeDir(profile);
  });

  it('refuses a PDF, plain text, a 404 page and a 500 page with a one-line reason, and stores nothing', async () => {
    const cases: [string, RegExp][] = [
      ['/guide.pdf', /^This is a PDF document, not a web page/],
      ['/notes.txt', /^This is plain text, not a web page/],
      ['/missing', /^The server answered 404 Not Found for this page/],
      ['/broken', /^The server answered 500 Internal Server Error for this page/],
    ];
    // Side by side: four tabs, four popups at once.
    await Promise.all(
      cases.map(async ([path, message]) => {
        const { page, tabId } = await openSitePage(l, `${docs.origin}${path}`);
        const popup = await openPopupFor(l, tabId);
        const r = await popupResult(popup);
        expect(r.state, path).toBe('error');
        expect(r.status, path).toMatch(message);
        expect(r.status).toMatch(/Nothing was stored\.$/);
        expect(await popup.isHidden('#result')).toBe(true);
        if (path === '/guide.pdf') await popup.screenshot({ path: join(SCREENSHOTS, 'popup-refused.png') });
        await popup.close();
        await page.close();
      }),
    );
    expect(await storedSites()).toEqual([]);
  });

  it('a page still loading: progress and Cancel store nothing; after a short wait it says so', async () => {
    const page = await l.context.newPage();
    await page.goto(`${docs.origin}/slow`, { waitUntil: 'commit' });
    const tabId = await tabIdOf(l, `${docs.origin}/slow`);

    const popup = await openPopupPage(l, tabId, 'wait=20000');
    await popup.waitForSelector('#cancel:not([hidden])');
    await popup.waitForFunction(() => /^Reading the page… \d+ s$/.test(document.getElementById('status')?.textContent ?? ''));
    expect(await popup.isVisible('#progress')).toBe(true);
    await popup.click('#cancel');
    const cancelled = await popupResult(popup);
    expect(cancelled).toMatchObject({ state: 'error', reason: 'cancelled', status: 'Cancelled: nothing was stored.' });
    expect(await popup.isHidden('#cancel')).toBe(true);
    await popup.close();

    const started = Date.now();
    const waited = await openPopupPage(l, tabId, 'wait=1500');
    const r = await popupResult(waited);
    expect(r).toMatchObject({ state: 'error', reason: 'loading' });
    expect(r.status).toMatch(/^This page is still loading \(waited 2 s\)\. Try again when it has loaded; nothing was stored\.$/);
    expect(Date.now() - started).toBeLessThan(10_000);
    await waited.close();
    await page.close();
    expect(await storedSites()).toEqual([]);
  });

  it('a tab the extension has no grant for gets its own message', async () => {
    // The e2e build may read http://127.0.0.1/* only; localhost is another host (whose tab URL
    // the extension cannot even see: the new tab is the one that was not there before).
    const before = await tabIds(l);
    const page = await l.context.newPage();
    await page.goto(`${guide.origin.replace('127.0.0.1', 'localhost')}/guide`, { waitUntil: 'load' });
    const [tabId] = (await tabIds(l)).filter((id) => !before.includes(id));
    const r = await popupResult(await openPopupFor(l, tabId));
    expect(r.reason).toBe('no-permission');
    expect(r.status).toMatch(/^Mentor Radar may read a tab only right after you click its toolbar button/);
    expect(r.status).not.toMatch(/can't be read/);
    await page.close();
  });

  it('the same post with ?utm_source=newsletter is the same page: "Re-scored", still one page; the popup shows the site kind', async () => {
    const first = await openSitePage(l, `${guide.origin}/guide`);
    const popup = await openPopupFor(l, first.tabId);
    expect((await popupResult(popup)).status).toBe('Bookmarked.');
    const kind = await popup.textContent('#site-kind');
    await popup.close();

    const tracked = await openSitePage(l, `${guide.origin}/guide?utm_source=newsletter&utm_medium=email#top`);
    const again = await openPopupFor(l, tracked.tabId);
    expect((await popupResult(again)).status).toBe('Re-scored.');
    expect(await again.textContent('#candidate-status')).toBe('Already a candidate — 1 page');
    expect(await again.textContent('#site-score')).toMatch(/ · 1 page scored/);
    expect(await again.textContent('#site-kind')).toBe(kind);
    // The popup's Re-score button says the same.
    await again.click('#bookmark');
    await again.waitForFunction(() => document.body.getAttribute('data-state') === 'done' && document.getElementById('status')?.textContent === 'Re-scored.');
    await again.close();

    const chapter = await openSitePage(l, `${guide.origin}/chapter`);
    const added = await openPopupFor(l, chapter.tabId);
    expect((await popupResult(added)).status).toBe('Page added to the candidate.');
    expect(await added.textContent('#candidate-status')).toBe('Already a candidate — 2 pages');
    await added.close();
    const sauce = await openSitePage(l, `${other.origin}/sauce`);
    await (await openPopupFor(l, sauce.tabId)).close();
    for (const p of [first.page, tracked.page, chapter.page, sauce.page]) await p.close();
    expect(await storedSites()).toEqual([key(guide), key(other)].sort());
  });

  it('typed tags and notes survive a row switch; Tab into Tags keeps them; a page can be removed and the site re-scores', async () => {
    const dash = await openDashboard(l);
    const select = async (site: string) => {
      await dash.locator(`#rows .row[data-site="${site}"] .name`).click();
      await dash.waitForFunction((s) => document.getElementById('detail')?.getAttribute('data-site') === s, site);
    };
    await select(key(guide));
    await dash.waitForFunction(() => document.querySelectorAll('#detail-pages .page').length === 2);
    await dash.fill('#detail-tags', 'mentors, programs');
    await dash.fill('#detail-note', 'Typed, never saved with the button.');
    await select(key(other)); // move on without Save
    await dash.waitForFunction(() => /^Saved the tags and note for /.test(document.getElementById('message')?.textContent ?? ''));
    await select(key(guide));
    expect(await dash.inputValue('#detail-tags')).toBe('mentors, programs');
    expect(await dash.inputValue('#detail-note')).toBe('Typed, never saved with the button.');
    // j/k move too: the typing is saved as well.
    await dash.fill('#detail-note', 'Typed again.');
    await dash.focus('#rows');
    await dash.keyboard.press('j');
    await dash.keyboard.press('k');
    await dash.waitForFunction((s) => document.getElementById('detail')?.getAttribute('data-site') === s, key(guide));
    expect(await dash.inputValue('#detail-note')).toBe('Typed again.');

    // Tab into Tags puts the caret at the end: the next key adds, it does not replace.
    await dash.focus('#detail-decision');
    await dash.keyboard.press('Tab');
    expect(await dash.evaluate(() => document.activeElement?.id)).toBe('detail-tags');
    await dash.keyboard.type(', x');
    expect(await dash.inputValue('#detail-tags')).toBe('mentors, programs, x');

    // Remove the chapter page: the site is scored from the guide alone.
    await dash.click('#detail-save');
    await dash.waitForFunction(() => /^Saved the decision/.test(document.getElementById('message')?.textContent ?? ''));
    await dash.locator(`#detail-pages .page[data-url="${guide.origin}/chapter"] .remove-page`).click();
    await dash.waitForFunction(() => /^Removed the page\./.test(document.getElementById('message')?.textContent ?? ''));
    await dash.waitForFunction(() => document.querySelectorAll('#detail-pages .page').length === 1);
    expect(await dash.textContent('#detail-pages-scored')).toMatch(/^1 /);
    expect(await dash.isHidden('#detail-pages .remove-page')).toBe(true); // the last page stays
    await dash.close();
  });

  it('compares two sites side by side: components, reasons, best pages with evidence', async () => {
    const dash = await openDashboard(l);
    await dash.locator(`#rows .row[data-site="${key(guide)}"] input.compare`).check();
    expect(await dash.isDisabled('#compare-open')).toBe(true);
    await dash.locator(`#rows .row[data-site="${key(other)}"] .name`).click();
    await dash.keyboard.press('c');
    expect(await dash.textContent('#compare-open')).toBe('Compare (2)');
    await dash.click('#compare-open');
    await dash.waitForSelector('#compare .compare-table');
    expect(await dash.getAttribute('body', 'data-view')).toBe('compare');
    expect(new URL(dash.url()).hash).toMatch(/^#compare=/);
    const heads = await dash.$$eval('#compare thead th', (ths) => ths.map((th) => th.getAttribute('data-site')));
    expect(heads.sort()).toEqual([key(guide), key(other)].sort());
    expect(await dash.locator('#compare meter').count()).toBe(16);
    expect(await dash.locator('#compare tr[data-row="best-pages"] .evidence li').count()).toBeGreaterThan(0);
    expect(await dash.locator('#compare tr[data-row="reasons"] li').count()).toBeGreaterThan(0);
    await dash.screenshot({ path: join(SCREENSHOTS, 'compare.png'), fullPage: true });
    await dash.keyboard.press('Escape');
    expect(await dash.getAttribute('body', 'data-view')).toBe('list');
    await dash.close();
  });

  it('syncs with mentor-radar serve using the address and token typed in Settings: 401 without the token, works with it', async () => {
    expect((await fetch(`${syncBase}/api/candidates`)).status).toBe(401);
    const { page, tabId } = await openSitePage(l, `${guide.origin}/guide`);
    const popup = await openPopupFor(l, tabId);
    await popup.click('#settings summary');
    // The stored address is the default (nothing listens there): the one typed in the field is used.
    expect(await popup.inputValue('#setting-sync')).toBe('http://127.0.0.1:7457');
    await popup.fill('#setting-sync', syncBase);
    await popup.fill('#setting-token', '');
    await popup.click('#sync');
    await popup.waitForFunction(() => document.body.getAttribute('data-state') === 'error');
    expect(await popup.textContent('#status')).toMatch(/needs its token.*--show-token/);
    await popup.fill('#setting-token', newToken());
    await popup.click('#sync');
    await popup.waitForFunction(() => /refused the token/.test(document.getElementById('status')?.textContent ?? ''));
    expect(store.getCandidate(key(guide))).toBeUndefined();
    await popup.fill('#setting-token', token);
    await popup.click('#sync');
    await popup.waitForFunction(() => /^Synced: /.test(document.getElementById('status')?.textContent ?? ''), undefined, { timeout: 30_000 });
    expect(await popup.textContent('#status')).toMatch(/^Synced: 2 new and 0 merged from the server; the server now has 2 new/);
    expect(store.getCandidate(key(guide))?.tags).toEqual(['mentors', 'programs', 'x']);
    await popup.close();
    // Kept for next time: the address and the token.
    const again = await openPopupFor(l, tabId);
    await again.click('#settings summary');
    expect(await again.inputValue('#setting-sync')).toBe(syncBase);
    expect(await again.inputValue('#setting-token')).toBe(token);
    expect(await again.getAttribute('#setting-token', 'type')).toBe('password');
    await again.close();
    await page.close();
    expect((await storedSites()).length).toBe(4);
  });

  it('axe-core: no serious or critical violation on the popup and every dashboard view', async () => {
    // The check itself catches what the issue found (a control): a select inside an option, an image without text.
    const control = await l.context.newPage();
    await control.setContent('<!doctype html><html lang="en"><title>x</title><main><div role="listbox" aria-label="l"><div role="option" aria-selected="false">a <select aria-label="d"><option>x</option></select></div></div><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main></html>');
    expect((await seriousViolations(control)).map((v) => v.id)).toEqual(expect.arrayContaining(['image-alt', 'nested-interactive']));
    await control.close();

    const { page, tabId } = await openSitePage(l, `${guide.origin}/guide`);
    const popup = await openPopupFor(l, tabId);
    await popup.click('#settings summary');
    expect(await seriousViolations(popup), 'popup').toEqual([]);
    await popup.close();
    await page.close();

    const dash = await openDashboard(l);
    // Rows in every state the list can show: excluded, included, selected.
    await dash.locator(`#rows .row[data-site="${key(other)}"] .name`).click();
    await dash.keyboard.press('x');
    await dash.locator(`#rows .row[data-site="${key(guide)}"] .name`).click();
    await dash.keyboard.press('i');
    await dash.waitForFunction((s) => document.querySelector(`#rows .row[data-site="${s}"]`)?.getAttribute('data-decision') === 'include', key(guide));
    const sites = [key(guide), key(other)];
    for (const view of DASHBOARD_VIEWS) {
      await dash.goto(dash.url().replace(/#.*$/, '') + view.hash(sites));
      await dash.reload();
      await dash.waitForFunction(() => document.body.getAttribute('data-state') === 'ready');
      await view.ready(dash, sites);
      expect(await seriousViolations(dash), view.name).toEqual([]);
    }
    await dash.close();
    expect(l.dialogs).toEqual([]);
  });
});
