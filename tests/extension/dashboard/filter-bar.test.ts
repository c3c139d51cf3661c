// @vitest-environment happy-dom
// The filter bar on the dashboard's real markup: reads validated filters and sort, shows a view
// from the hash, keeps the year options in step with the candidates.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { FilterBar } from '../../../extension/lib/dashboard/filter-bar.ts';
import { NO_FILTERS, SORT_KEYS } from '../../../extension/lib/dashboard/model.ts';

const HTML = readFileSync(resolve(process.cwd(), 'extension/entrypoints/dashboard/index.html'), 'utf8');

beforeEach(() => {
  document.body.innerHTML = /<body[^>]*>([\s\S]*)<\/body>/.exec(HTML)![1].replace(/<script[\s\S]*?<\/script>/g, '');
});

describe('FilterBar', () => {
  it('offers every sort, reads the fields, and calls back on each change', () => {
    let changes = 0;
    const bar = new FilterBar(document, () => changes++);
    expect([...(document.getElementById('sort') as HTMLSelectElement).options].map((o) => o.value)).toEqual([...SORT_KEYS]);
    expect(bar.filters()).toEqual(NO_FILTERS);
    expect(bar.sort()).toBe('score');
    bar.show({ filters: { ...NO_FILTERS, query: 'first meeting', decision: 'include' }, sort: 'quality' });
    expect(bar.filters()).toMatchObject({ query: 'first meeting', decision: 'include' });
    expect(bar.sort()).toBe('quality');
    const search = document.getElementById('search') as HTMLInputElement;
    search.value = 'x';
    search.dispatchEvent(new Event('input'));
    document.getElementById('filter-kind')!.dispatchEvent(new Event('change'));
    expect(changes).toBe(2);
  });

  it('fills the years newest first and keeps the wanted one only if candidates have it', () => {
    const bar = new FilterBar(document, () => undefined);
    bar.fillYears([2026, 2025], 2025);
    expect(bar.filters().year).toBe(2025);
    bar.fillYears([2026], 0);
    expect(bar.filters().year).toBe(0);
    expect([...(document.getElementById('filter-year') as HTMLSelectElement).options].map((o) => o.value)).toEqual(['', '2026']);
  });
});
