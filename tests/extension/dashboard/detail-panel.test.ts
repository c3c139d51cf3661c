// @vitest-environment happy-dom
// The side panel on the dashboard's real markup: facts and named meters, flags in words, pages
// with a Remove button, and typed tags/notes handed over (not lost) when another row is shown.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DetailPanel, type TypedCuration } from '../../../extension/lib/dashboard/detail-panel.ts';
import type { StoredPage } from '../../../extension/lib/db.ts';
import { candidateOf, pageOf } from '../fixtures.ts';
import type { Entry } from '../../../extension/lib/dashboard/model.ts';

const HTML = readFileSync(resolve(process.cwd(), 'extension/entrypoints/dashboard/index.html'), 'utf8');

beforeEach(() => {
  document.body.innerHTML = /<body[^>]*>([\s\S]*)<\/body>/.exec(HTML)![1].replace(/<script[\s\S]*?<\/script>/g, '');
});

const entry = (site: string, over: Partial<ReturnType<typeof candidateOf>> = {}): Entry => {
  const c = { ...candidateOf(site, 60, { tags: ['t1'], notes: `note of ${site}` }), ...over };
  return { c, rank: 1, text: '', year: 2026 };
};

describe('DetailPanel', () => {
  it('shows the site with named meters, pages with flags in words and a Remove button', async () => {
    const page: StoredPage = { ...pageOf('https://a.example/p', 70, { flags: ['thin', 'undated'] }), site: 'a.example', savedAt: '2026-01-01T00:00:00.000Z', scoredAt: '2026-01-01T00:00:00.000Z', source: 'crawl' };
    const panel = new DetailPanel(document, { pagesOfSite: async () => [page, { ...page, url: 'https://a.example/q' }], onError: () => undefined, saveTyped: () => undefined });
    panel.show(entry('a.example'));
    await vi.waitFor(() => expect(document.querySelectorAll('#detail-pages .page')).toHaveLength(2));
    expect(document.getElementById('detail')!.hidden).toBe(false);
    const meters = [...document.querySelectorAll('#detail-components meter')];
    expect(meters).toHaveLength(8);
    for (const m of meters) expect(m.getAttribute('aria-label')).toMatch(/^[A-Z]/);
    expect(document.querySelector('#detail-pages .page .muted')!.textContent).toContain('little text; no publication date');
    // Where each page's score comes from, and when.
    expect(document.querySelector('#detail-pages .page .muted')!.textContent).toMatch(/^crawled 2026-01-01 · /);
    const remove = document.querySelector('#detail-pages .remove-page')!;
    expect(remove.getAttribute('data-url')).toBe('https://a.example/p');
    expect(remove.getAttribute('aria-label')).toMatch(/^Remove the page/);
  });

  it('hands typed tags and note to saveTyped before showing another site; untouched fields are not saved', () => {
    const saved: [string, Partial<TypedCuration>][] = [];
    const panel = new DetailPanel(document, { pagesOfSite: async () => [], onError: () => undefined, saveTyped: (s, t) => saved.push([s, t]) });
    panel.show(entry('a.example'));
    panel.show(entry('b.example'));
    expect(saved).toEqual([]);
    panel.tagsField.value = 't1, typed';
    panel.noteField.value = 'typed note';
    // Same site again (a decision by key, a reload): the typing stays in the fields.
    panel.show(entry('b.example', { decision: 'include' }));
    expect(panel.noteField.value).toBe('typed note');
    panel.show(entry('a.example'));
    expect(saved).toEqual([['b.example', { tags: 't1, typed', notes: 'typed note' }]]);
    expect(panel.noteField.value).toBe('note of a.example');
    expect(panel.typed()).toBeUndefined();
  });

  it('edits the rename and the public blurb: only the fields typed are handed over, the name shown is the rename', () => {
    const saved: [string, Partial<TypedCuration>][] = [];
    const panel = new DetailPanel(document, { pagesOfSite: async () => [], onError: () => undefined, saveTyped: (s, t) => saved.push([s, t]) });
    panel.show(entry('a.example', { nameOverride: 'Second Chair', name: 'Second Chair', blurb: 'Old blurb.' }));
    expect(document.getElementById('detail-name')!.textContent).toBe('Second Chair');
    expect(panel.nameField.value).toBe('Second Chair');
    expect(panel.nameField.placeholder).toBe('a.example blog');
    expect(panel.blurbField.value).toBe('Old blurb.');
    panel.blurbField.value = 'New blurb.';
    panel.show(entry('b.example'));
    expect(saved).toEqual([['a.example', { blurb: 'New blurb.' }]]);
    expect(panel.nameField.value).toBe('');
    expect(panel.blurbField.value).toBe('');
  });

  it('shows how to reach the author: text, http(s) links and a mailto: link only', () => {
    const panel = new DetailPanel(document, { pagesOfSite: async () => [], onError: () => undefined, saveTyped: () => undefined });
    const c = candidateOf('a.example', 60);
    c.siteScore.outreach = {
      author: '<img src=x onerror=alert(1)> Ann Berg',
      contactUrl: 'javascript:alert(2)',
      email: 'ann@a.example',
      social: [
        { network: 'linkedin', url: 'https://www.linkedin.com/in/annberg' },
        { network: 'x', url: 'javascript:alert(3)' },
      ],
    };
    panel.show({ c, rank: 1, text: '', year: 2026 });
    expect(document.getElementById('detail-author')!.textContent).toBe('<img src=x onerror=alert(1)> Ann Berg');
    expect(document.querySelector('#detail-author img')).toBeNull();
    expect(document.querySelector('#detail-contact a')).toBeNull();
    expect(document.getElementById('detail-contact')!.textContent).toBe('none found');
    expect(document.querySelector('#detail-email a')!.getAttribute('href')).toBe('mailto:ann@a.example');
    const links = [...document.querySelectorAll('#detail-social a')].map((a) => [a.getAttribute('href'), a.textContent]);
    expect(links).toEqual([['https://www.linkedin.com/in/annberg', 'LinkedIn: linkedin.com/in/annberg']]);
    // An address that smuggles a second recipient or a query is shown, never linked.
    c.siteScore.outreach = { email: 'a@b.example?cc=evil@x.example' };
    panel.show({ c: { ...c }, rank: 1, text: '', year: 2026 });
    expect(document.querySelector('#detail-email a')).toBeNull();
  });

  it('says which model scored the site and what the crawler did with it (as of the last sync)', async () => {
    const statuses: Record<string, { state: 'queued'; queuedAt: string } | { state: 'crawled'; pages: number; at: string }> = {
      'a.example': { state: 'queued', queuedAt: '2026-05-01T10:00:00.000Z' },
      'b.example': { state: 'crawled', pages: 14, at: '2026-05-02T03:00:00.000Z' },
    };
    const panel = new DetailPanel(document, { pagesOfSite: async () => [], onError: () => undefined, saveTyped: () => undefined, crawlStatusOf: async (site) => statuses[site] });
    const crawl = () => document.getElementById('detail-crawl')!;
    panel.show(entry('a.example'));
    await vi.waitFor(() => expect(crawl().textContent).toBe('Crawl queued'));
    expect(document.getElementById('detail-scorer')!.textContent).toBe('the shipped model');
    const b = entry('b.example');
    b.c.siteScore = { ...b.c.siteScore, scorerVersion: '2.0.0+0123abcd.curator-3' };
    panel.show(b);
    await vi.waitFor(() => expect(crawl().textContent).toBe('Crawled 14 pages on 2026-05-02'));
    expect(crawl().getAttribute('data-crawl')).toBe('crawled');
    expect(document.getElementById('detail-scorer')!.textContent).toBe('your model curator-3');
    panel.show(entry('c.example'));
    await vi.waitFor(() => expect(crawl().textContent).toBe('no crawl known (sync to ask the crawler)'));
  });
});
