// The curator's year in the dashboard, in real Chromium with the built extension (issue 9): a crawl
// of the demo web (real names, quotes, an author to reach) imported through the dashboard; triage
// in the list; a rename and the author's profiles in the detail; the Roundup view reordered by
// keyboard and by drag, the best three set, a blurb written; its Markdown preview and download
// exactly what `mentor-radar export --format md` writes for the same data, its badge exactly what
// `mentor-radar badge` writes; kept over a reload. Takes docs/screenshots/roundup.png (under
// UPDATE_SCREENSHOTS=1; otherwise into .output/screenshots).
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCrawl } from '../../crawler/crawl/run.ts';
import { demoSites } from '../../demo/fixture-web/demo-sites.ts';
import { startFixtureWeb, type FixtureWeb } from '../../demo/fixture-web/server.ts';
import { siteKey } from '../../scoring/index.ts';
import { run } from '../crawler/commands/helpers.ts';
import { SCREENSHOTS, e2eEnabled, launch, openDashboard, removeDir, tempProfile, type Launched } from './harness.ts';

const enabled = e2eEnabled();
// The extension's roundup year when none is set: this year (settings.ts); the CLI is given the same.
const YEAR = String(new Date().getUTCFullYear());

describe.skipIf(!enabled)('the Roundup view in Chromium', () => {
  let web: FixtureWeb;
  let dir: string;
  let profile: string;
  let l: Launched;
  let dash: Page;
  const key = (name: string) => siteKey(web.origin(name));
  const cli = (argv: string[]) => run(argv, { cwd: dir });
  const message = () => dash.textContent('#message');
  const waitMessage = (re: RegExp) => dash.waitForFunction((src) => new RegExp(src).test(document.getElementById('message')?.textContent ?? ''), re.source);
  const order = () => dash.$$eval('#roundup-list .roundup-item', (lis) => lis.map((li) => li.getAttribute('data-site')));
  const item = (site: string) => dash.locator(`#roundup-list .roundup-item[data-site="${site}"]`);
  /** Wait until the list shows `sites` in this order. */
  const waitOrder = (sites: string[]) =>
    dash.waitForFunction((want) => JSON.stringify([...document.querySelectorAll('#roundup-list .roundup-item')].map((li) => li.getAttribute('data-site'))) === want, JSON.stringify(sites));
  async function download(click: () => Promise<unknown>, name: string): Promise<{ filename: string; text: string }> {
    const [d] = await Promise.all([dash.waitForEvent('download'), click()]);
    const path = join(dir, name);
    await d.saveAs(path);
    return { filename: d.suggestedFilename(), text: readFileSync(path, 'utf8') };
  }

  beforeAll(async () => {
    web = await startFixtureWeb(demoSites());
    dir = mkdtempSync(join(tmpdir(), 'mentor-radar-e2e-roundup-'));
    await runCrawl({ seeds: [web.url('mentorwise'), web.url('tutorly')], db: join(dir, 'crawl.db'), politenessDelayMs: 100, concurrency: 6, timeoutMs: 5000, progress: 'off' });
    const exported = await cli(['export', '--format', 'json', '--year', YEAR, '--db', 'crawl.db', '--out', 'crawl.json']);
    expect(exported.code, exported.stderr).toBe(0);
    mkdirSync(SCREENSHOTS, { recursive: true });
    profile = tempProfile();
    l = await launch(profile);
  }, 120_000);

  afterAll(async () => {
    await l?.context.close().catch(() => undefined);
    await web?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    removeDir(profile);
  });

  it('imports the crawl, triages it, renames a site and shows how to reach an author', async () => {
    dash = await openDashboard(l);
    await dash.setViewportSize({ width: 1360, height: 860 });
    await dash.setInputFiles('#import-file', join(dir, 'crawl.json'));
    await waitMessage(/^Imported 7 candidates/);
    // Real names, found by name.
    await dash.fill('#search', 'youthbridge mentoring');
    expect(await dash.$$eval('#rows .row', (rows) => rows.map((r) => r.getAttribute('data-site')))).toEqual([key('youthbridge')]);
    await dash.fill('#search', '');
    const decide = async (site: string, k: string, decision: string) => {
      await dash.locator(`#rows .row[data-site="${site}"] .name`).click();
      await dash.keyboard.press(k);
      await dash.waitForFunction(([s, d]) => document.querySelector(`#rows .row[data-site="${s}"]`)?.getAttribute('data-decision') === d, [site, decision] as const);
    };
    for (const s of ['mentorwise', 'youthbridge', 'mentorcraft']) await decide(key(s), 'i', 'include');
    await decide(key('programhub'), 's', 'shortlist');
    await decide(key('coachcorner'), 'x', 'exclude');

    // The detail: how to reach Mentorwise's author; a rename of MentorCraft.
    await dash.locator(`#rows .row[data-site="${key('mentorwise')}"] .name`).click();
    await dash.waitForFunction((s) => document.getElementById('detail')?.getAttribute('data-site') === s, key('mentorwise'));
    expect(await dash.textContent('#detail-author')).toBe('Ann Berg');
    expect(await dash.getAttribute('#detail-email a', 'href')).toBe('mailto:ann@mentorwise.example');
    expect(await dash.$$eval('#detail-social a', (as) => as.map((a) => a.getAttribute('href')))).toEqual(['https://www.linkedin.com/in/ann-berg-mentorwise', 'https://www.youtube.com/@mentorwise']);
    await dash.locator(`#rows .row[data-site="${key('mentorcraft')}"] .name`).click();
    await dash.waitForFunction((s) => document.getElementById('detail')?.getAttribute('data-site') === s, key('mentorcraft'));
    expect(await dash.getAttribute('#detail-rename', 'placeholder')).toBe('MentorCraft');
    await dash.fill('#detail-rename', 'MentorCraft Blog');
    await dash.click('#detail-save');
    await waitMessage(/^Saved the .*name for MentorCraft Blog\.$/);
    expect(await dash.textContent('#detail-name')).toBe('MentorCraft Blog');
  });

  it('orders the roundup by keyboard and by drag, sets the best three and a blurb; the preview is the CLI’s draft', async () => {
    await dash.click('#roundup-open');
    await dash.waitForFunction(() => document.body.getAttribute('data-roundup') === 'ready');
    expect(new URL(dash.url()).hash).toBe('#view=roundup');
    expect(await dash.textContent('#roundup-title')).toBe(`Roundup ${YEAR}`);
    expect(await dash.textContent('#roundup-counts')).toBe('3 included · 1 shortlisted · 1 excluded · 2 undecided');
    const start = await order();
    expect([...start].sort()).toEqual([key('mentorwise'), key('youthbridge'), key('mentorcraft')].sort());

    // Keyboard: YouthBridge to the top with Alt+↑, focus staying on it.
    await item(key('youthbridge')).focus();
    for (let i = start.indexOf(key('youthbridge')); i > 0; i--) {
      const before = await order();
      await dash.keyboard.press('Alt+ArrowUp');
      await dash.waitForFunction((b) => JSON.stringify([...document.querySelectorAll('#roundup-list .roundup-item')].map((li) => li.getAttribute('data-site'))) !== b, JSON.stringify(before));
    }
    expect((await order())[0]).toBe(key('youthbridge'));
    expect(await dash.evaluate(() => document.activeElement?.getAttribute('data-site'))).toBe(key('youthbridge'));
    expect(await message()).toMatch(/^YouthBridge Mentoring moved to 1 of 3 \(keyboard\)\.$/);
    // Then Mentorwise second (it may be there already) and MentorCraft third, by keyboard.
    if ((await order())[1] !== key('mentorwise')) {
      await item(key('mentorwise')).focus();
      await dash.keyboard.press('Alt+ArrowUp');
    }
    await waitOrder([key('youthbridge'), key('mentorwise'), key('mentorcraft')]);

    // Drag: MentorCraft by its handle onto Mentorwise takes its place.
    await item(key('mentorcraft')).locator('.handle').dragTo(item(key('mentorwise')));
    await waitOrder([key('youthbridge'), key('mentorcraft'), key('mentorwise')]);
    expect(await message()).toMatch(/^MentorCraft Blog moved to 2 of 3 \(dragged\)\.$/);

    // The best three, in the curator's order: MentorCraft, YouthBridge, Mentorwise.
    for (const [site, place] of [
      [key('mentorcraft'), '1'],
      [key('youthbridge'), '2'],
      [key('mentorwise'), '3'],
    ]) {
      await item(site).locator('select.ri-best').selectOption(place);
      await dash.waitForFunction(([s, p]) => document.querySelector(`#roundup-list .roundup-item[data-site="${s}"]`)?.getAttribute('data-place') === p, [site, place] as const);
    }
    // A blurb, saved when the field is left.
    await item(key('youthbridge')).locator('textarea.ri-blurb').fill('Honest advice for volunteer mentors of young people | with a free toolkit (2025).');
    await dash.keyboard.press('Tab');
    await waitMessage(/^Saved the blurb of YouthBridge Mentoring\.$/);

    const preview = (await dash.textContent('#roundup-preview')) ?? '';
    expect(preview).toMatch(new RegExp(`^# Best Mentoring Blogs ${YEAR}\\n`));
    const listed = [...preview.matchAll(/^\d+\. \*\*\[([^\]]+)\]/gm)].map((m) => m[1]);
    expect(listed).toEqual(['YouthBridge Mentoring', 'MentorCraft Blog', 'Mentorwise']);
    expect([...preview.matchAll(/^### (.+)$/gm)].map((m) => m[1])).toEqual(['1. MentorCraft Blog', '2. YouthBridge Mentoring', '3. Mentorwise']);
    expect(preview).toContain('— Honest advice for volunteer mentors of young people | with a free toolkit (2025).');
    for (const gone of ['Mentoring Program Hub', 'Coach Corner', 'Tutorly']) expect(preview).not.toContain(gone);

    // The Markdown button downloads the preview; the CLI writes the same file from the dashboard's export.
    const md = await download(() => dash.click('#roundup-md'), 'dashboard.md');
    expect(md).toEqual({ filename: `mentor-radar-roundup-${YEAR}.md`, text: preview });
    const json = await download(() => dash.click('#export-json'), 'dashboard.json');
    expect((await cli(['import', 'dashboard.json', '--db', 'roundup.db'])).code).toBe(0);
    const fromCli = await cli(['export', '--format', 'md', '--year', YEAR, '--db', 'roundup.db']);
    expect(fromCli.stdout).toBe(preview);
    expect(json.text).toContain('"nameOverride": "MentorCraft Blog"');

    // With the shortlist: the shortlisted hub joins, marked, in the preview and the CLI's --with-shortlist.
    await dash.check('#roundup-shortlist');
    await dash.waitForFunction(() => document.querySelectorAll('#roundup-list .roundup-item').length === 4);
    expect(new URL(dash.url()).hash).toBe('#view=roundup&shortlist=1');
    expect(await dash.textContent('#roundup-preview')).toBe((await cli(['export', '--format', 'md', '--year', YEAR, '--with-shortlist', '--db', 'roundup.db'])).stdout);
    await dash.uncheck('#roundup-shortlist');
    await dash.waitForFunction(() => document.querySelectorAll('#roundup-list .roundup-item').length === 3);
  });

  it('a badge per site: the CLI’s SVG downloaded and its embed snippet, linked to the roundup URL', async () => {
    await dash.fill('#roundup-url', 'https://mentoring.example/best-2026');
    await dash.keyboard.press('Tab');
    await waitMessage(/^Saved the roundup URL/);
    const svg = await download(() => item(key('mentorcraft')).locator('.ri-badge').click(), 'dashboard-badge.svg');
    await waitMessage(/^Downloaded the badge of MentorCraft Blog \(#1\)/);
    const fromCli = JSON.parse(
      (await cli(['badge', key('mentorcraft'), '--year', YEAR, '--roundup-url', 'https://mentoring.example/best-2026', '--out', 'cli-badge.svg', '--json', '--db', 'roundup.db'])).stdout,
    );
    expect(svg.filename).toBe(`badge-${key('mentorcraft').replace(':', '_')}-${YEAR}.svg`);
    expect(svg.text).toBe(readFileSync(join(dir, 'cli-badge.svg'), 'utf8'));
    expect(await dash.inputValue('#roundup-embed')).toBe(fromCli.embedHtml);

    await dash.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await dash.screenshot({ path: join(SCREENSHOTS, 'roundup.png') });
  });

  it('keeps everything over a reload of #view=roundup', async () => {
    await dash.reload();
    await dash.waitForFunction(() => document.body.getAttribute('data-roundup') === 'ready');
    expect(await order()).toEqual([key('youthbridge'), key('mentorcraft'), key('mentorwise')]);
    expect(await dash.$$eval('#roundup-list .roundup-item', (lis) => lis.map((li) => li.getAttribute('data-place')))).toEqual(['2', '1', '3']);
    expect(await item(key('youthbridge')).locator('textarea.ri-blurb').inputValue()).toMatch(/^Honest advice/);
    expect(await dash.inputValue('#roundup-url')).toBe('https://mentoring.example/best-2026');
    // Escape (outside a field) goes back to the list.
    await item(key('youthbridge')).focus();
    await dash.keyboard.press('Escape');
    expect(await dash.getAttribute('body', 'data-view')).toBe('list');
    await dash.close();
    expect(l.dialogs).toEqual([]);
  });
});
