// The extension in real Chromium (Debian's /usr/bin/chromium, the e2e build loaded):
//  1. bookmark-click-to-score-shown for a ~50 KB and a ~1 MB page (median of several), as a ratio to
//     reading the same page's outerHTML with scripting.executeScript alone (measured in the same run);
//  2. the dashboard with 10,000 candidates: load-to-rendered, search/filter/sort and scroll times, as a
//     ratio to rendering 10,000 plain rows in a blank page (same browser, same run);
//  3. the JS size of each built entrypoint of the production build (.output/chrome-mv3).
// Run alone: node bin/run-ts.js bench/index.ts extension
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { SCORER_VERSION, candidatesToJson, newCandidate } from '../scoring/index.ts';
import type { Candidate, Decision, SiteKind, Source } from '../scoring/index.ts';
import {
  PROD_EXT_DIR,
  bigPage,
  buildExtension,
  closeSites,
  currentWorker,
  extUrl,
  guidePage,
  haveChromium,
  launch,
  NO_CHROMIUM_MESSAGE,
  openDashboard,
  openPopupFor,
  openSitePage,
  removeDir,
  serveSite,
  tempProfile,
  type Launched,
} from '../tests/e2e/harness.ts';

const RUNS = 9;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x: number) => `${x.toFixed(1)} ms`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;

// ------------------------------------------------------------------ 1. bookmark latency

/** Click #bookmark (re-score) in the popup and wait until the new score is on screen (next frame). */
async function clickToScore(popup: Page): Promise<number> {
  return popup.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const body = document.body;
        const t0 = performance.now();
        let seenLoading = false;
        const obs = new MutationObserver(() => {
          const s = body.getAttribute('data-state');
          if (s === 'loading') seenLoading = true;
          else if (seenLoading && (s === 'done' || s === 'error')) {
            obs.disconnect();
            if (s === 'error') reject(new Error(document.getElementById('status')?.textContent ?? 'error'));
            else requestAnimationFrame(() => resolve(performance.now() - t0));
          }
        });
        obs.observe(body, { attributes: true, attributeFilter: ['data-state'] });
        document.getElementById('bookmark')!.click();
      }),
  );
}

/** The baseline: scripting.executeScript returning the page's outerHTML to the service worker, nothing else. */
async function readOnly(l: Launched, tabId: number): Promise<number> {
  const worker = await currentWorker(l);
  // A string, not a function: tsx's keepNames would wrap the inner function in a `__name` call the
  // worker does not have.
  return worker.evaluate(`(async () => {
    const t0 = performance.now();
    const r = await chrome.scripting.executeScript({ target: { tabId: ${Number(tabId)} }, func: function () { return document.documentElement.outerHTML; } });
    if (typeof r[0]?.result !== 'string') throw new Error('no html');
    return performance.now() - t0;
  })()`) as Promise<number>;
}

async function benchBookmark(l: Launched, label: string, url: string, bytes: number): Promise<void> {
  const { page, tabId } = await openSitePage(l, url);
  const popup = await openPopupFor(l, tabId); // first bookmark (cold), then warm re-scores
  if ((await popup.getAttribute('body', 'data-state')) !== 'done') throw new Error(`bookmark failed: ${await popup.textContent('#status')}`);
  const clicks: number[] = [];
  const reads: number[] = [];
  const opens: number[] = [];
  await readOnly(l, tabId);
  for (let i = 0; i < RUNS; i++) {
    reads.push(await readOnly(l, tabId));
    clicks.push(await clickToScore(popup));
  }
  // Opening the popup (page load + bookmark + render), timed from outside.
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    await popup.goto(extUrl(l, `popup.html?tabId=${tabId}&n=${i}`));
    await popup.waitForFunction(() => document.body.getAttribute('data-state') === 'done', undefined, { timeout: 30_000 });
    opens.push(performance.now() - t0);
  }
  const click = median(clicks);
  const read = median(reads);
  console.log(
    `bookmark ${label} (${(bytes / 1024).toFixed(0)} KB): click-to-score-shown median ${ms(click)} (min ${ms(Math.min(...clicks))}, max ${ms(Math.max(...clicks))}, n=${RUNS})` +
      ` | baseline executeScript(outerHTML) alone ${ms(read)} | ratio ${ratio(click, read)} | popup open-to-score ${ms(median(opens))}` +
      (label === '1 MB' ? ` | target <= 300 ms: ${click <= 300 ? 'met' : 'MISSED'}` : ''),
  );
  await popup.close();
  await page.close();
}

// ------------------------------------------------------------------ 2. dashboard with 10,000 candidates

const KINDS: SiteKind[] = ['blog', 'company', 'nonprofit', 'academic', 'directory', 'other'];
const DECS: Decision[] = ['undecided', 'undecided', 'undecided', 'shortlist', 'include', 'exclude'];
const SRCS: Source[][] = [['crawl'], ['crawl'], ['bookmark'], ['import'], ['crawl', 'bookmark']];
const WORDS = ['mentor', 'mentoring', 'program', 'guide', 'youth', 'career', 'women', 'tech', 'peer', 'network', 'circle', 'academy'];

export function manyCandidates(n: number): Candidate[] {
  let seed = 42;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const out: Candidate[] = [];
  for (let i = 0; i < n; i++) {
    const w1 = WORDS[i % WORDS.length];
    const w2 = WORDS[Math.floor(i / WORDS.length) % WORDS.length];
    const host = `${w1}-${w2}-${i}.example`;
    const comp = () => Math.round(rnd() * 1000) / 1000;
    const year = 2022 + (i % 5);
    const c = newCandidate(
      {
        site: `https://${host}`,
        name: `${w1[0].toUpperCase()}${w1.slice(1)} ${w2} site ${i}`,
        score: Math.round(rnd() * 1000) / 10,
        components: { relevance: comp(), mentorGuidance: comp(), programGuidance: comp(), actionability: comp(), quality: comp(), freshness: comp(), activity: comp(), coverage: comp() },
        pagesScored: 1 + (i % 30),
        mentoringPages: i % 20,
        bestPageUrl: `https://${host}/mentoring`,
        lastPostAt: `${year}-0${1 + (i % 9)}-15T00:00:00.000Z`,
        feedUrl: `https://${host}/feed.xml`,
        siteKind: KINDS[i % KINDS.length],
        reasons: ['Practical advice for new mentors', 'Program templates', 'Posts monthly'],
        scorerVersion: SCORER_VERSION,
      },
      SRCS[i % SRCS.length][0],
      `${year}-11-0${1 + (i % 9)}T10:00:00.000Z`,
    );
    out.push({ ...c, sources: SRCS[i % SRCS.length], decision: DECS[i % DECS.length], tags: i % 7 === 0 ? ['roundup', w2] : [], notes: i % 11 === 0 ? `Checked in ${year}; good ${w1} material.` : '' });
  }
  return out;
}

/** Baseline: 10,000 plain rows (7 text cells each) appended to a blank page, laid out and painted. */
async function plainRows(page: Page, n: number): Promise<number> {
  return page.evaluate(async (count: number) => {
    document.body.textContent = '';
    await new Promise((r) => requestAnimationFrame(() => r(undefined)));
    const t0 = performance.now();
    const box = document.createElement('div');
    for (let i = 0; i < count; i++) {
      const row = document.createElement('div');
      for (let j = 0; j < 7; j++) {
        const s = document.createElement('span');
        s.textContent = `cell ${i}.${j}`;
        row.appendChild(s);
      }
      box.appendChild(row);
    }
    document.body.appendChild(box);
    void box.offsetHeight;
    await new Promise((r) => requestAnimationFrame(() => r(undefined)));
    return performance.now() - t0;
  }, n);
}

/** Change a control the way the curator does and wait until the list is repainted. */
async function timed(dash: Page, action: string, value: string): Promise<number> {
  return dash.evaluate(
    async ([kind, v]) => {
      await new Promise((r) => requestAnimationFrame(() => r(undefined)));
      const t0 = performance.now();
      if (kind === 'search') {
        const input = document.getElementById('search') as HTMLInputElement;
        input.value = v;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      } else if (kind === 'noop') {
        // nothing: the two-frame wait alone (the floor of every figure below)
      } else if (kind === 'scroll') {
        document.getElementById('rows')!.scrollTop = Number(v);
      } else {
        const sel = document.getElementById(kind) as HTMLSelectElement;
        sel.value = v;
        sel.dispatchEvent(new Event('change', { bubbles: true }));
      }
      await new Promise((r) => requestAnimationFrame(() => r(undefined)));
      void document.getElementById('rows')!.offsetHeight;
      await new Promise((r) => requestAnimationFrame(() => r(undefined)));
      return performance.now() - t0;
    },
    [action, value] as const,
  );
}

async function benchDashboard(l: Launched, dir: string): Promise<void> {
  const n = 10_000;
  const file = join(dir, 'ten-thousand.json');
  writeFileSync(file, candidatesToJson(manyCandidates(n), '2026-11-01T00:00:00.000Z'));
  const size = statSync(file).size;

  let dash = await openDashboard(l);
  await dash.setViewportSize({ width: 1280, height: 800 });
  const t0 = performance.now();
  await dash.setInputFiles('#import-file', file);
  await dash.waitForFunction(() => /^Imported/.test(document.getElementById('message')?.textContent ?? ''), undefined, { timeout: 120_000 });
  const importMs = performance.now() - t0;
  console.log(`dashboard: import of ${n} candidates (${(size / 1024 / 1024).toFixed(1)} MB JSON, one transaction) + reload: ${ms(importMs)}`);

  const loads: number[] = [];
  const reads: number[] = [];
  const firsts: number[] = [];
  for (let i = 0; i < 5; i++) {
    dash = await openDashboard(l, dash);
    const t = await dash.evaluate(async () => {
      await new Promise((r) => requestAnimationFrame(() => r(undefined)));
      const load = performance.getEntriesByName('mr:load')[0];
      const read = performance.getEntriesByName('mr:db-read')[0];
      const first = performance.getEntriesByName('mr:first-rows')[0];
      return { first: first ? first.duration : load.startTime + load.duration, rendered: load.startTime + load.duration, painted: performance.now(), read: read.duration, rows: document.querySelectorAll('#rows .row').length, count: document.getElementById('count')?.textContent };
    });
    // The n imported plus the two pages bookmarked above.
    if (t.count !== `${n + 2} candidates`) throw new Error(`dashboard shows ${t.count}`);
    loads.push(t.painted);
    firsts.push(t.first);
    reads.push(t.read);
    if (i === 0) console.log(`dashboard: ${t.rows} row nodes in the DOM for ${n} candidates (virtualised)`);
  }

  const blank = await l.context.newPage();
  await blank.setViewportSize({ width: 1280, height: 800 });
  await blank.goto('about:blank');
  const base: number[] = [];
  for (let i = 0; i < 5; i++) base.push(await plainRows(blank, n));
  await blank.close();
  const baseline = median(base);
  const load = median(loads);
  console.log(
    `dashboard: open-to-first-paint with ${n} candidates median ${ms(load)} (of which IndexedDB getAll ${ms(median(reads))})` +
      ` | baseline: ${n} plain rows rendered ${ms(baseline)} | ratio ${ratio(load, baseline)}`,
  );
  console.log(`dashboard: first screen of rows (top of the byScore index, before the full read) median ${ms(median(firsts))} | ratio ${ratio(median(firsts), baseline)}`);

  const floors: number[] = [];
  for (let i = 0; i < 10; i++) floors.push(await timed(dash, 'noop', ''));
  const floor = median(floors);
  console.log(`dashboard: frame floor (the same two-frame wait with no change) median ${ms(floor)}`);
  const measure = async (label: string, steps: [string, string][]) => {
    const times: number[] = [];
    for (const [a, v] of steps) times.push(await timed(dash, a, v));
    const m = median(times);
    console.log(
      `dashboard: ${label} median ${ms(m)} (n=${times.length}) | ratio to the no-change frame floor ${ratio(m, floor)} | ratio to the plain-rows baseline ${ratio(m, baseline)}`,
    );
  };
  // Typing a query one key at a time, then clearing it.
  const typed = 'mentor youth 12';
  await measure(
    'search keystroke (filter 10,000 + repaint)',
    [...typed].map((_, i) => ['search', typed.slice(0, i + 1)] as [string, string]).concat([['search', '']]),
  );
  await measure('filter change (kind/decision/source/year)', [
    ['filter-kind', 'blog'],
    ['filter-decision', 'undecided'],
    ['filter-source', 'crawl'],
    ['filter-year', '2025'],
    ['filter-year', ''],
    ['filter-source', ''],
    ['filter-decision', ''],
    ['filter-kind', ''],
  ]);
  await measure('sort change (first sort by a component, then cached)', [
    ['sort', 'quality'],
    ['sort', 'mentorGuidance'],
    ['sort', 'freshness'],
    ['sort', 'quality'],
    ['sort', 'score'],
  ]);
  await measure(
    'scroll jump (recycled rows + repaint)',
    Array.from({ length: 20 }, (_, i) => ['scroll', String(((i * 7919) % n) * 34)] as [string, string]),
  );
  // Keyboard triage on the selected row: keydown -> IndexedDB write -> re-filter -> repaint.
  const keys: number[] = [];
  await timed(dash, 'scroll', '0');
  await dash.click('#rows .row .name'); // select the first row
  for (let i = 0; i < 12; i++) {
    keys.push(
      await dash.evaluate(
        (key: string) =>
          new Promise<number>((resolve) => {
            const row = document.querySelector('#rows .row.selected')!;
            const t0 = performance.now();
            const obs = new MutationObserver(() => {
              obs.disconnect();
              requestAnimationFrame(() => resolve(performance.now() - t0));
            });
            obs.observe(row, { attributes: true, attributeFilter: ['data-decision'] });
            document.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
          }),
        ['x', 's', 'i', 'u'][i % 4],
      ),
    );
  }
  console.log(`dashboard: keyboard decision (keydown -> IndexedDB write -> re-filter -> next frame) median ${ms(median(keys))} (n=${keys.length}) | ratio to the frame floor ${ratio(median(keys), floor)}`);
  // The dashboard's own JS time per refresh (filter + sort + window render + detail), from its performance.measure entries.
  const js = await dash.evaluate(() => performance.getEntriesByName('mr:refresh').map((e) => e.duration));
  console.log(`dashboard: JS per refresh (filter/sort + render of the window) median ${ms(median(js))}, max ${ms(Math.max(...js))} (n=${js.length})`);
  await dash.close();
}

// ------------------------------------------------------------------ 3. entrypoint sizes

/** Each entrypoint's JS: its own file plus the chunks it imports (shared chunks counted for each). */
function entrypointSizes(dir: string): void {
  const js = (rel: string) => readFileSync(join(dir, rel));
  const importsOf = (rel: string): string[] => {
    const src = js(rel).toString('utf8');
    const out = new Set<string>();
    for (const m of src.matchAll(/(?:import|from)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) out.add(join(rel, '..', m[1]).replace(/^\/+/, ''));
    return [...out];
  };
  const closure = (entry: string): string[] => {
    const seen = new Set<string>();
    const walk = (f: string) => {
      if (seen.has(f)) return;
      seen.add(f);
      importsOf(f).forEach(walk);
    };
    walk(entry);
    return [...seen];
  };
  const entries: [string, string][] = [['background', 'background.js']];
  for (const html of readdirSync(dir).filter((f) => f.endsWith('.html'))) {
    const src = readFileSync(join(dir, html), 'utf8');
    const m = /<script[^>]+src="\/?([^"]+\.js)"/.exec(src);
    if (m) entries.push([html.replace(/\.html$/, ''), m[1]]);
  }
  for (const [name, file] of entries) {
    const files = closure(file);
    const raw = files.reduce((s, f) => s + js(f).length, 0);
    const gz = files.reduce((s, f) => s + gzipSync(js(f)).length, 0);
    console.log(`size ${name}: ${file} ${js(file).length} B own, ${raw} B with ${files.length - 1} imported chunk(s) (${gz} B gzipped)`);
  }
}

// ------------------------------------------------------------------ run

export async function run(): Promise<void> {
  if (!haveChromium()) {
    console.log(`extension bench skipped: ${NO_CHROMIUM_MESSAGE}`);
    return;
  }
  buildExtension('prod');
  buildExtension('e2e');
  entrypointSizes(PROD_EXT_DIR);

  const guide = guidePage();
  const big = bigPage();
  const a = await serveSite({ '/guide': { body: guide } });
  const b = await serveSite({ '/handbook': { body: big } });
  const profile = tempProfile('mentor-radar-bench-');
  let l: Launched | undefined;
  try {
    l = await launch(profile);
    await benchBookmark(l, '50 KB', `${a.origin}/guide`, Buffer.byteLength(guide));
    await benchBookmark(l, '1 MB', `${b.origin}/handbook`, Buffer.byteLength(big));
    await benchDashboard(l, profile);
  } finally {
    await l?.context.close().catch(() => undefined);
    await closeSites([a, b]);
    removeDir(profile);
  }
}
