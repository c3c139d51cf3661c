// @vitest-environment happy-dom
// Compare: two or three sites, picked and refused by one rule; the table shows each site's score,
// components, reasons and best pages with evidence, as text only.
import { describe, expect, it } from 'vitest';
import { CompareView, bestPages, toggleCompared } from '../../../extension/lib/dashboard/compare.ts';
import type { StoredPage } from '../../../extension/lib/db.ts';
import { candidateOf, pageOf } from '../fixtures.ts';

const stored = (url: string, score: number, evidence?: string): StoredPage => ({
  ...pageOf(url, score, evidence ? { evidence: [{ component: 'mentorGuidance', text: evidence }] } : {}),
  site: new URL(url).host,
  savedAt: '2026-01-01T00:00:00.000Z',
  scoredAt: '2026-01-01T00:00:00.000Z',
  source: 'bookmark',
});

describe('compare', () => {
  it('ticks up to three sites; a fourth is refused and the list stays', () => {
    let r = toggleCompared([], 'a');
    r = toggleCompared(r.list, 'b');
    r = toggleCompared(r.list, 'c');
    expect(r.list).toEqual(['a', 'b', 'c']);
    const refused = toggleCompared(r.list, 'd');
    expect(refused.list).toEqual(['a', 'b', 'c']);
    expect(refused.refused).toMatch(/up to 3/);
    expect(toggleCompared(r.list, 'b').list).toEqual(['a', 'c']);
  });

  it('best pages: highest score first, at most three', () => {
    const pages = [stored('https://a.example/1', 40), stored('https://a.example/2', 80), stored('https://a.example/3', 60), stored('https://a.example/4', 70)];
    expect(bestPages(pages).map((p) => p.score)).toEqual([80, 70, 60]);
  });

  it('draws one column per site: score, kind, eight named meters, reasons, best pages with evidence', async () => {
    const a = candidateOf('a.example', 71);
    a.siteScore.reasons = ['Practical advice for new mentors'];
    const b = candidateOf('b.example', 44);
    b.name = '<img src=x onerror=alert(1)>';
    const pages: Record<string, StoredPage[]> = {
      'a.example': [stored('https://a.example/guide', 75, 'Listen more than you talk.'), stored('https://a.example/x', 20)],
      'b.example': [],
    };
    const body = document.createElement('div');
    await new CompareView(document, body, async (site) => pages[site] ?? []).show([a, b]);
    const heads = [...body.querySelectorAll('thead th')].map((th) => th.getAttribute('data-site'));
    expect(heads).toEqual(['a.example', 'b.example']);
    expect(body.querySelector('thead th[data-site="b.example"] a')?.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(body.querySelectorAll('img').length).toBe(0);
    const cells = (row: string) => [...body.querySelectorAll(`tr[data-row="${row}"] td`)].map((td) => td.textContent);
    expect(cells('score')).toEqual(['71', '44']);
    expect(body.querySelectorAll('meter')).toHaveLength(16);
    for (const m of body.querySelectorAll('meter')) expect(m.getAttribute('aria-label')).toMatch(/^[A-Z][a-z ]+, /);
    expect(cells('reasons')[0]).toContain('Practical advice for new mentors');
    expect(cells('best-pages')[0]).toContain('Listen more than you talk.');
    expect(cells('best-pages')[1]).toMatch(/No pages stored here/);
  });
});
