// @vitest-environment happy-dom
// The Roundup view on the dashboard's real markup: counts, the roundup in the curator's order with
// the best three marked, each edit (keyboard, buttons, drag, best menu, blurb) handed to the one
// edit rule as a RoundupChange, the Markdown preview and download exactly the CLI's draft, and the
// badge (the CLI's SVG and snippet). Page-derived names stay text.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { RoundupView, countsText, decisionCounts, dropRank, movedRank, type RoundupDeps } from '../../../extension/lib/dashboard/roundup.ts';
import type { ExportFile } from '../../../extension/lib/transfer.ts';
import { applyRoundupChange, badgeDataUri, badgeEmbedHtml, badgeSvg, candidatesToMarkdown, roundupPlaces } from '../../../scoring/index.ts';
import type { Candidate, RoundupChange } from '../../../scoring/index.ts';
import { cand } from './candidates.ts';

const HTML = readFileSync(resolve(process.cwd(), 'extension/entrypoints/dashboard/index.html'), 'utf8');

beforeEach(() => {
  document.body.innerHTML = /<body[^>]*>([\s\S]*)<\/body>/.exec(HTML)![1].replace(/<script[\s\S]*?<\/script>/g, '');
});

const HOSTILE = '<img src=x onerror=alert(1)> Hostile';

function sample(): Candidate[] {
  return [
    cand('alpha.example', { score: 80, name: 'Alpha Mentoring', decision: 'include' }),
    cand('bravo.example', { score: 70, name: 'Bravo', decision: 'include' }),
    cand('charlie.example', { score: 60, name: HOSTILE, decision: 'include' }),
    cand('delta.example', { score: 90, name: 'Delta Hub', decision: 'shortlist' }),
    cand('echo.example', { score: 95, name: 'Echo Tutoring', decision: 'undecided' }),
    cand('fox.example', { score: 99, name: 'Fox', decision: 'exclude' }),
  ];
}

/** A view whose edits go through scoring's rule on an in-memory list, as the store's editRoundup does. */
function mount(list = sample()) {
  const log: { edits: [string, RoundupChange][]; downloads: ExportFile[]; copied: string[]; said: string[]; options: number } = { edits: [], downloads: [], copied: [], said: [], options: 0 };
  let data = list;
  const deps: RoundupDeps = {
    edit: async (site, change) => {
      log.edits.push([site, change]);
      data = applyRoundupChange(data, site, change, '2026-10-01T00:00:00.000Z', { withShortlist: view.withShortlist }).candidates;
      view.show(data);
      return true;
    },
    saveRoundupUrl: async (url) => (/^https?:\/\//.test(url) ? url : ''),
    download: (f) => log.downloads.push(f),
    copy: async (t) => (log.copied.push(t), true),
    say: (t) => log.said.push(t),
    optionsChanged: () => log.options++,
  };
  const view = new RoundupView(document, deps);
  view.year = 2026;
  view.show(data);
  return { view, log, data: () => data };
}

const items = () => [...document.querySelectorAll<HTMLElement>('#roundup-list .roundup-item')];
const order = () => items().map((li) => li.getAttribute('data-site'));
const item = (site: string) => items().find((li) => li.getAttribute('data-site') === site)!;
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('the rules', () => {
  it('counts decisions and says them in words', () => {
    expect(countsText(decisionCounts(sample()))).toBe('3 included · 1 shortlisted · 1 excluded · 1 undecided');
  });

  it('a move by one place or a drop onto another site is a rank; no move is none', () => {
    const rows = roundupPlaces(sample());
    expect(rows.map((r) => r.c.site)).toEqual(['alpha.example', 'bravo.example', 'charlie.example']);
    expect(movedRank(rows, 'charlie.example', -1)).toBe(2);
    expect(movedRank(rows, 'alpha.example', -1)).toBeUndefined();
    expect(movedRank(rows, 'charlie.example', 1)).toBeUndefined();
    expect(dropRank(rows, 'charlie.example', 'alpha.example')).toBe(1);
    expect(dropRank(rows, 'alpha.example', 'charlie.example')).toBe(3);
    expect(dropRank(rows, 'alpha.example', 'alpha.example')).toBeUndefined();
    expect(dropRank(rows, 'echo.example', 'alpha.example')).toBeUndefined();
  });
});

describe('RoundupView', () => {
  it('shows the counts, the included sites in order with the implied best three, and the CLI’s draft as the preview', () => {
    const { view } = mount();
    expect(document.getElementById('roundup-title')!.textContent).toBe('Roundup 2026');
    expect(document.getElementById('roundup-counts')!.textContent).toBe('3 included · 1 shortlisted · 1 excluded · 1 undecided');
    expect(order()).toEqual(['alpha.example', 'bravo.example', 'charlie.example']);
    expect(items().map((li) => li.querySelector('.ri-place')?.textContent)).toEqual(['Best #1', 'Best #2', 'Best #3']);
    // The hostile name is text, in the item and in its labels.
    expect(item('charlie.example').querySelector('.ri-name')!.textContent).toBe(HOSTILE);
    expect(document.querySelector('#roundup-list img')).toBeNull();
    expect(document.getElementById('roundup-preview')!.textContent).toBe(candidatesToMarkdown(sample(), { year: 2026 }));
    expect(view.markdown()).toMatchObject({ filename: 'mentor-radar-roundup-2026.md', text: candidatesToMarkdown(sample(), { year: 2026 }) });
    expect(document.getElementById('roundup-empty')!.hidden).toBe(true);
  });

  it('reorders by Alt+↑/↓ and by the buttons, keeping focus on the moved site', async () => {
    const { log } = mount();
    item('charlie.example').focus();
    item('charlie.example').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', altKey: true, bubbles: true }));
    await settle();
    expect(log.edits).toEqual([['charlie.example', { rank: 2 }]]);
    expect(order()).toEqual(['alpha.example', 'charlie.example', 'bravo.example']);
    expect(document.activeElement?.getAttribute('data-site')).toBe('charlie.example');
    expect(log.said.at(-1)).toBe(`${HOSTILE} moved to 2 of 3 (keyboard).`);
    // Without Alt, or in the blurb, an arrow is the browser's.
    item('charlie.example').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true }));
    item('charlie.example').querySelector('textarea')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', altKey: true, bubbles: true }));
    await settle();
    expect(log.edits).toHaveLength(1);
    (item('alpha.example').querySelector('.ri-down') as HTMLButtonElement).click();
    await settle();
    expect(order()).toEqual(['charlie.example', 'alpha.example', 'bravo.example']);
    expect((item('charlie.example').querySelector('.ri-up') as HTMLButtonElement).disabled).toBe(true);
  });

  it('drops a dragged site where the target is', async () => {
    const { log } = mount();
    const handle = item('bravo.example').querySelector('.handle')!;
    expect(handle.getAttribute('draggable')).toBe('true');
    handle.dispatchEvent(new Event('dragstart', { bubbles: true }));
    const over = new Event('dragover', { bubbles: true, cancelable: true });
    item('alpha.example').dispatchEvent(over);
    expect(over.defaultPrevented).toBe(true);
    expect(item('alpha.example').classList.contains('drop-target')).toBe(true);
    item('alpha.example').dispatchEvent(new Event('drop', { bubbles: true, cancelable: true }));
    await settle();
    expect(log.edits).toEqual([['bravo.example', { rank: 1 }]]);
    expect(order()).toEqual(['bravo.example', 'alpha.example', 'charlie.example']);
    expect(document.querySelector('.drop-target')).toBeNull();
  });

  it('sets the best three from the menus (marked places replace the implied ones) and saves a blurb', async () => {
    const { log, data } = mount();
    const best = item('charlie.example').querySelector('select')!;
    best.value = '1';
    best.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(log.edits.at(-1)).toEqual(['charlie.example', { best: 1 }]);
    expect(items().map((li) => li.querySelector('.ri-place')?.textContent ?? '')).toEqual(['', '', 'Best #1']);
    expect((item('charlie.example').querySelector('select') as HTMLSelectElement).value).toBe('1');
    const blurb = item('bravo.example').querySelector('textarea')!;
    blurb.value = 'A blurb | with (parens).';
    blurb.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(log.edits.at(-1)).toEqual(['bravo.example', { blurb: 'A blurb | with (parens).' }]);
    expect(data().find((c) => c.site === 'bravo.example')?.blurb).toBe('A blurb | with (parens).');
    expect(document.getElementById('roundup-preview')!.textContent).toContain('— A blurb | with (parens).');
  });

  it('with the shortlist, the shortlisted site joins the list (and the preview); the hash is told', () => {
    const { view, log } = mount();
    const box = document.getElementById('roundup-shortlist') as HTMLInputElement;
    box.checked = true;
    box.dispatchEvent(new Event('change'));
    expect(view.withShortlist).toBe(true);
    expect(log.options).toBe(1);
    expect(order()).toEqual(['delta.example', 'alpha.example', 'bravo.example', 'charlie.example']);
    expect(item('delta.example').querySelector('.ri-shortlisted')?.textContent).toBe('shortlisted');
    expect(document.getElementById('roundup-preview')!.textContent).toBe(candidatesToMarkdown(sample(), { year: 2026, withShortlist: true }));
  });

  it('Badge downloads the CLI’s SVG and shows and copies the snippet linked to the roundup URL', async () => {
    const { view, log } = mount();
    const url = document.getElementById('roundup-url') as HTMLInputElement;
    url.value = 'https://mentoring.example/best-2026';
    url.dispatchEvent(new Event('change'));
    await settle();
    expect(view.roundupUrl).toBe('https://mentoring.example/best-2026');
    (item('alpha.example').querySelector('.ri-badge') as HTMLButtonElement).click();
    await settle();
    const svg = badgeSvg({ name: 'Alpha Mentoring', year: 2026, place: 1 });
    expect(log.downloads).toEqual([{ text: svg, filename: 'badge-alpha.example-2026.svg', mime: 'image/svg+xml' }]);
    const html = badgeEmbedHtml({ name: 'Alpha Mentoring', year: 2026, place: 1, svgUrl: badgeDataUri(svg), roundupUrl: 'https://mentoring.example/best-2026' });
    expect((document.getElementById('roundup-embed') as HTMLTextAreaElement).value).toBe(html);
    expect(log.copied).toEqual([html]);
    expect(log.said.at(-1)).toBe('Downloaded the badge of Alpha Mentoring (#1); its embed snippet is copied.');
    // A URL that is not http(s) is refused with a message.
    url.value = 'javascript:alert(1)';
    url.dispatchEvent(new Event('change'));
    await settle();
    expect(view.roundupUrl).toBe('');
    expect(log.said.at(-1)).toMatch(/must be an http\(s\) address/);
  });

  it('Markdown downloads the draft; an empty roundup says how to fill it', () => {
    const { log } = mount(sample().map((c) => ({ ...c, decision: 'undecided' as const })));
    expect(items()).toHaveLength(0);
    expect(document.getElementById('roundup-empty')!.hidden).toBe(false);
    (document.getElementById('roundup-md') as HTMLButtonElement).click();
    expect(log.downloads[0].filename).toBe('mentor-radar-roundup-2026.md');
    expect(log.downloads[0].text).toContain('No site is included yet');
  });
});
