// End to end, in real Chromium with the built extension loaded: bookmark pages served on loopback
// through the real popup, see score and evidence, see them ranked in the dashboard, triage with the
// keyboard, export CSV, import a crawler export, close the browser, relaunch the same profile and
// find everything still there; a hostile page stays inert throughout.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS, COMPONENT_NAMES } from '../../scoring/index.ts';
import {
  FEED_XML,
  SCREENSHOTS,
  bigPage,
  closeSites,
  e2eEnabled,
  guidePage,
  hostilePage,
  irrelevantPage,
  launch,
  openDashboard,
  openPopupFor,
  openSitePage,
  removeDir,
  serveSite,
  tempProfile,
  type Launched,
  type Site,
} from './harness.ts';
import { fixtureExportJson } from './import-fixture.ts';

const enabled = e2eEnabled();

/** A second page of the guide site: one chapter of the guide on its own. */
function expectationsPage(): string {
  const g = guidePage();
  const section = (g.match(/<section>[\s\S]*?<\/section>/g) ?? [])[3] ?? '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Setting expectations with your mentee</title></head>
<body><main><article><h1>Setting expectations with your mentee</h1>${section}</article></main></body></html>`;
}

async function rowSites(dash: Page): Promise<string[]> {
  return dash.$$eval('#rows .row', (rows) => rows.map((r) => r.getAttribute('data-site') ?? ''));
}

async function selectRow(dash: Page, site: string): Promise<void> {
  await dash.locator(`#rows .row[data-site="${site}"] .name`).click();
  await dash.waitForFunction((s) => document.querySelector('#rows .row.selected')?.getAttribute('data-site') === s, site);
}

/** No element a page-derived string could have smuggled in, and no javascript: link. */
async function assertInert(page: Page): Promise<void> {
  expect(await page.locator('img, script:not([src]), iframe, object, embed').count()).toBe(0);
  const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href') ?? ''));
  for (const h of hrefs) expect(h).toMatch(/^https?:\/\//);
  expect(await page.$$eval('[onerror], [onclick], [onload]', (x) => x.length)).toBe(0);
}

describe.skipIf(!enabled)('Mentor Radar extension in Chromium', () => {
  let profile: string;
  let l: Launched;
  const sites: Site[] = [];
  let guide: Site, big: Site, hostile: Site, irrelevant: Site;
  const key = (s: Site) => s.origin.replace(/^http:\/\//, '');

  beforeAll(async () => {
    guide = await serveSite({
      '/guide': { body: guidePage() },
      '/expectations': { body: expectationsPage() },
      '/feed.xml': { body: FEED_XML, type: 'application/rss+xml' },
    });
    big = await serveSite({ '/handbook': { body: bigPage() } });
    hostile = await serveSite({ '/tips': { body: hostilePage() } });
    irrelevant = await serveSite({ '/sauce': { body: irrelevantPage() } });
    sites.push(guide, big, hostile, irrelevant);
    mkdirSync(SCREENSHOTS, { recursive: true });
    profile = tempProfile();
    l = await launch(profile);
  });

  afterAll(async () => {
    await l?.context.close().catch(() => undefined);
    await closeSites(sites);
    removeDir(profile);
  });

  it('bookmarks a mentoring guide through the popup: score, six components, evidence, new candidate', async () => {
    const { tabId } = await openSitePage(l, `${guide.origin}/guide`);
    const popup = await openPopupFor(l, tabId);
    expect(await popup.getAttribute('body', 'data-state'), await popup.textContent('#status') ?? '').toBe('done');
    const score = Number(await popup.textContent('#score'));
    expect(score).toBeGreaterThan(0);
    expect(score).toBeLessThanOrEqual(100);
    expect(await popup.textContent('#candidate-status')).toBe('New candidate');
    expect(await popup.textContent('#title')).toContain('The Mentor Guide');
    for (const name of COMPONENT_NAMES) {
      const v = Number(await popup.getAttribute(`[data-component="${name}"] meter`, 'value'));
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
    // Evidence: sentences of the page, each tagged with its component.
    const evidence = popup.locator('#evidence li[data-component]');
    expect(await evidence.count(), 'evidence sentences in the popup').toBeGreaterThan(0);
    expect(((await evidence.first().textContent()) ?? '').length).toBeGreaterThan(20);
    await popup.close();

    // A second page of the same site merges into the same candidate.
    const second = await openSitePage(l, `${guide.origin}/expectations`);
    const popup2 = await openPopupFor(l, second.tabId);
    expect(await popup2.getAttribute('body', 'data-state')).toBe('done');
    expect(await popup2.textContent('#candidate-status')).toBe('Already a candidate — 2 pages');
    expect(await popup2.textContent('#site-score')).toMatch(/^Site score \d+ · 2 pages scored/);
    // The popup's own curation: a tag and a note, saved through the background.
    await popup2.fill('#tags', 'guide, gsoc');
    await popup2.fill('#note', 'Strong first-meeting advice.');
    await popup2.click('#save');
    await popup2.waitForFunction(() => document.body.getAttribute('data-state') === 'saved');
    await popup2.close();
    await second.page.close();

    // The screenshot of the popup on the guide page (for the README).
    const again = await openPopupFor(l, tabId, { width: 400, height: 760 });
    expect(await again.textContent('#candidate-status')).toBe('Already a candidate — 2 pages');
    await again.screenshot({ path: join(SCREENSHOTS, 'popup.png'), fullPage: true });
    // "Open dashboard" opens the dashboard in a tab, with this candidate in it.
    const [dash] = await Promise.all([l.context.waitForEvent('page'), again.click('#open-dashboard')]);
    await dash.waitForFunction(() => document.body.getAttribute('data-state') === 'ready');
    expect(dash.url()).toMatch(/^chrome-extension:\/\/[a-p]{32}\/dashboard\.html$/);
    expect(await rowSites(dash)).toEqual([key(guide)]);
    await dash.close();
    await again.close();
  });

  it('bookmarks a 1 MB page, an irrelevant page and a hostile page; the hostile page stays inert', async () => {
    for (const url of [`${big.origin}/handbook`, `${irrelevant.origin}/sauce`]) {
      const { page, tabId } = await openSitePage(l, url);
      const popup = await openPopupFor(l, tabId);
      expect(await popup.getAttribute('body', 'data-state'), await popup.textContent('#status') ?? '').toBe('done');
      expect(await popup.textContent('#candidate-status')).toBe('New candidate');
      await popup.close();
      await page.close();
    }

    const { page, tabId } = await openSitePage(l, `${hostile.origin}/tips`);
    const popup = await openPopupFor(l, tabId);
    expect(await popup.getAttribute('body', 'data-state'), await popup.textContent('#status') ?? '').toBe('done');
    // The title's markup is shown as text, not parsed.
    const title = (await popup.textContent('#title')) ?? '';
    expect(title).toContain('img src=x onerror=alert(1)');
    // Exactly the page's title text, decoded once (not `&lt;img…`), and as text.
    expect(title, 'title decoded once').toContain('<img src=x onerror=alert(1)>');
    await assertInert(popup);
    const evidenceText = (await popup.locator('#evidence').textContent()) ?? '';
    expect(evidenceText.length).toBeGreaterThan(0);
    await popup.close();
    await page.close();
    expect(l.dialogs).toEqual([]);
  });

  it('ranks the candidates in the dashboard, imports a crawler export, triages with keys and selects, deletes with undo, exports CSV', async () => {
    const dash = await openDashboard(l);
    await dash.setViewportSize({ width: 1280, height: 720 });
    expect(await dash.textContent('#count')).toBe('4 candidates');
    const ranked = await rowSites(dash);
    expect(ranked).toHaveLength(4);
    expect(ranked.indexOf(key(guide))).toBeLessThan(ranked.indexOf(key(irrelevant)));
    // Ranks shown are 1..n in order of the site score.
    const shown = await dash.$$eval('#rows .row', (rows) => rows.map((r) => Number(r.querySelector('.score')?.textContent)));
    expect([...shown].sort((a, b) => b - a)).toEqual(shown);
    expect(await dash.$$eval('#rows .row .rank', (r) => r.map((x) => x.textContent))).toEqual(['1', '2', '3', '4']);

    // Import a crawler export through the file input.
    const importPath = join(profile, 'crawler-export.json');
    writeFileSync(importPath, fixtureExportJson());
    await dash.setInputFiles('#import-file', importPath);
    await dash.waitForFunction(() => /^Imported 5 candidates/.test(document.getElementById('message')?.textContent ?? ''));
    expect(await dash.textContent('#count')).toBe('9 candidates');

    // A bad import file changes nothing and says why.
    const badPath = join(profile, 'bad.json');
    writeFileSync(badPath, '{"format":"something-else","candidates":[]}');
    await dash.setInputFiles('#import-file', badPath);
    await dash.waitForFunction(() => document.getElementById('message')?.getAttribute('data-kind') === 'error');
    expect(await dash.textContent('#message')).toMatch(/Nothing was changed/);
    expect(await dash.textContent('#count')).toBe('9 candidates');

    // Filters and search.
    await dash.selectOption('#filter-source', 'bookmark');
    expect(await dash.textContent('#count')).toBe('4 of 9 candidates');
    await dash.selectOption('#filter-source', '');
    await dash.fill('#search', 'gsoc');
    expect(await rowSites(dash)).toEqual([key(guide)]);
    await dash.fill('#search', '');
    await dash.selectOption('#sort', 'programGuidance');
    expect(await dash.textContent('#comp-head')).toBe('Program guidance');
    await dash.selectOption('#sort', 'score');

    // Keyboard triage: select the guide, `i` includes it.
    await selectRow(dash, key(guide));
    await dash.keyboard.press('i');
    await dash.waitForFunction((s) => document.querySelector(`#rows .row[data-site="${s}"]`)?.getAttribute('data-decision') === 'include', key(guide));
    // j moves the cursor down one row.
    const before = await rowSites(dash);
    await dash.keyboard.press('j');
    const selected = await dash.getAttribute('#rows .row.selected', 'data-site');
    expect(selected).toBe(before[before.indexOf(key(guide)) + 1]);
    // x / s / u on the selected row; `/` focuses the search box, where letters are just text.
    const next = selected!;
    const decisionOf = (s: string) => dash.getAttribute(`#rows .row[data-site="${s}"]`, 'data-decision');
    for (const [k, d] of [['x', 'exclude'], ['s', 'shortlist'], ['u', 'undecided']] as const) {
      await dash.keyboard.press(k);
      await dash.waitForFunction(([s, want]) => document.querySelector(`#rows .row[data-site="${s}"]`)?.getAttribute('data-decision') === want, [next, d] as const);
    }
    await dash.keyboard.press('/');
    expect(await dash.evaluate(() => document.activeElement?.id)).toBe('search');
    await dash.keyboard.type('xi');
    expect(await dash.inputValue('#search')).toBe('xi');
    await dash.keyboard.press('Escape');
    await dash.fill('#search', '');
    expect(await decisionOf(next)).toBe('undecided');
    // The row's select sets a decision too.
    await dash.selectOption(`#rows .row[data-site="${key(big)}"] select.decision`, 'shortlist');
    await dash.waitForFunction((s) => document.querySelector(`#rows .row[data-site="${s}"]`)?.getAttribute('data-decision') === 'shortlist', key(big));

    // The detail of the guide: pages scored, evidence, feed, and the tags/note set in the popup.
    await selectRow(dash, key(guide));
    await dash.waitForFunction(() => document.querySelectorAll('#detail-pages .page').length === 2);
    expect(await dash.textContent('#detail-pages-scored')).toMatch(/^2 /);
    expect(await dash.inputValue('#detail-tags')).toBe('guide, gsoc');
    expect(await dash.inputValue('#detail-note')).toBe('Strong first-meeting advice.');
    expect(await dash.locator('#detail-pages .evidence li').count(), 'evidence in the dashboard detail').toBeGreaterThan(0);

    // The hostile candidate: inert in the list and in the detail.
    await selectRow(dash, key(hostile));
    await dash.waitForFunction(() => document.querySelectorAll('#detail-pages .page').length === 1);
    await assertInert(dash);
    expect(await dash.textContent('#detail-pages .page-title')).toContain('<img src=x onerror=alert(1)>');

    // Delete with `d`, then undo.
    await selectRow(dash, key(irrelevant));
    await dash.keyboard.press('d');
    await dash.waitForFunction(() => document.getElementById('count')?.textContent === '8 candidates');
    expect(await rowSites(dash)).not.toContain(key(irrelevant));
    expect(await dash.isVisible('#undo')).toBe(true);
    await dash.click('#undo');
    await dash.waitForFunction(() => document.getElementById('count')?.textContent === '9 candidates');
    expect(await rowSites(dash)).toContain(key(irrelevant));
    expect(await dash.isHidden('#undo')).toBe(true);

    // Export CSV: the crawler's columns, the decision in the row.
    const [download] = await Promise.all([dash.waitForEvent('download'), dash.click('#export-csv')]);
    const csvPath = join(profile, 'export.csv');
    await download.saveAs(csvPath);
    const csv = readFileSync(csvPath, 'utf8').replace(/^\uFEFF/, '');
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
    expect(parsed.meta.fields).toEqual([...CSV_COLUMNS]);
    expect(parsed.data).toHaveLength(9);
    const guideRow = parsed.data.find((r) => r.site === key(guide));
    expect(guideRow?.decision).toBe('include');
    expect(guideRow?.tags).toBe('guide; gsoc');
    expect(guideRow?.pages_scored).toBe('2');
    expect(parsed.data.find((r) => r.site === key(big))?.decision).toBe('shortlist');
    expect(parsed.data.map((r) => Number(r.rank))).toEqual(parsed.data.map((_, i) => i + 1));

    // The screenshot of the dashboard with a few candidates, the guide selected.
    await selectRow(dash, key(guide));
    await dash.waitForFunction(() => document.querySelectorAll('#detail-pages .page').length === 2);
    await dash.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await dash.screenshot({ path: join(SCREENSHOTS, 'dashboard.png') });
    await dash.close();
    expect(l.dialogs).toEqual([]);
  });

  it('finds everything still there after the browser is closed and relaunched with the same profile', async () => {
    await l.context.close();
    l = await launch(profile);
    const dash = await openDashboard(l);
    expect(await dash.textContent('#count')).toBe('9 candidates');
    const decisions = await dash.$$eval('#rows .row', (rows) => Object.fromEntries(rows.map((r) => [r.getAttribute('data-site'), r.getAttribute('data-decision')])));
    expect(decisions[key(guide)]).toBe('include');
    expect(decisions[key(big)]).toBe('shortlist');
    expect(decisions['mentoring-circle.example']).toBe('undecided');
    await selectRow(dash, key(guide));
    await dash.waitForFunction(() => document.querySelectorAll('#detail-pages .page').length === 2);
    expect(await dash.inputValue('#detail-note')).toBe('Strong first-meeting advice.');

    // Filters and sort live in the URL hash (kept over a reload); junk values there mean "any".
    await dash.selectOption('#filter-decision', 'include');
    await dash.selectOption('#sort', 'quality');
    expect(new URL(dash.url()).hash).toBe('#decision=include&sort=quality');
    await dash.reload();
    await dash.waitForFunction(() => document.body.getAttribute('data-state') === 'ready');
    expect(await dash.inputValue('#filter-decision')).toBe('include');
    expect(await dash.inputValue('#sort')).toBe('quality');
    expect(await rowSites(dash)).toEqual([key(guide)]);
    await dash.goto(dash.url().replace(/#.*$/, '#kind=<img>&decision=evil&year=x&sort=__proto__'));
    await dash.reload();
    await dash.waitForFunction(() => document.body.getAttribute('data-state') === 'ready');
    expect(await dash.textContent('#count')).toBe('9 candidates');
    await dash.close();

    // Bookmarking the guide again: known candidate, curation kept.
    const { page, tabId } = await openSitePage(l, `${guide.origin}/guide`);
    const popup = await openPopupFor(l, tabId);
    expect(await popup.textContent('#candidate-status')).toBe('Already a candidate — 2 pages');
    expect(await popup.inputValue('#decision')).toBe('include');
    expect(await popup.inputValue('#tags')).toBe('guide, gsoc');
    await popup.close();
    await page.close();
    expect(l.dialogs).toEqual([]);
  });
});
