// The dashboard's model: index, search, filters, sort (10,000 candidates included).
import { describe, expect, it } from 'vitest';
import { CandidateIndex, NO_FILTERS, SORT_KEYS, cleanFilters, searchText, sortComponent, yearOf } from '../../../extension/lib/dashboard/model.ts';
import { countText, formatDate } from '../../../extension/lib/dashboard/format.ts';
import { cand, f, sample, sites } from './candidates.ts';

describe('CandidateIndex', () => {
  it('ranks by site score like rankCandidates (ties: more mentoring pages, then site)', () => {
    const idx = new CandidateIndex(sample());
    expect(sites(idx.view(NO_FILTERS, 'score'))).toEqual(['beta.example', 'delta.example', 'gamma.example', 'alpha.example']);
    expect(idx.get('beta.example')?.rank).toBe(1);
    expect(idx.get('alpha.example')?.rank).toBe(4);
  });

  it('sorts by any component (descending, ties by rank) and by name', () => {
    const idx = new CandidateIndex(sample());
    expect(sites(idx.view(NO_FILTERS, 'programGuidance'))).toEqual(['alpha.example', 'delta.example', 'gamma.example', 'beta.example']);
    expect(sites(idx.view(NO_FILTERS, 'name'))).toEqual(['alpha.example', 'beta.example', 'delta.example', 'gamma.example']);
    expect(sites(idx.view(NO_FILTERS, 'lastScored'))[3]).toBe('alpha.example');
    for (const k of SORT_KEYS) expect(idx.view(NO_FILTERS, k)).toHaveLength(4);
  });

  it('searches name, site, tags and notes, case-insensitively, every word must match', () => {
    const idx = new CandidateIndex(sample());
    expect(sites(idx.view(f({ query: 'MENTOR' }), 'score'))).toEqual(['beta.example', 'alpha.example']);
    expect(sites(idx.view(f({ query: 'program' }), 'score'))).toEqual(['beta.example']); // a tag
    expect(sites(idx.view(f({ query: 'first-meeting' }), 'score'))).toEqual(['gamma.example']); // the note
    expect(sites(idx.view(f({ query: 'delta.example' }), 'score'))).toEqual(['delta.example']);
    expect(sites(idx.view(f({ query: '  gamma   checklist ' }), 'score'))).toEqual(['gamma.example']);
    expect(idx.view(f({ query: 'gamma beta' }), 'score')).toHaveLength(0);
  });

  it('filters by kind, decision, source and year, combined', () => {
    const idx = new CandidateIndex(sample());
    expect(sites(idx.view(f({ kind: 'blog' }), 'score'))).toEqual(['delta.example', 'alpha.example']);
    expect(sites(idx.view(f({ decision: 'undecided' }), 'score'))).toEqual(['gamma.example', 'alpha.example']);
    expect(sites(idx.view(f({ source: 'import' }), 'score'))).toEqual(['delta.example', 'gamma.example']);
    expect(sites(idx.view(f({ year: 2025 }), 'score'))).toEqual(['alpha.example']);
    expect(sites(idx.view(f({ kind: 'blog', source: 'crawl' }), 'score'))).toEqual(['alpha.example']);
    expect(idx.years()).toEqual([2026, 2025]);
  });

  it('keeps the rank of the whole list when filtered', () => {
    const idx = new CandidateIndex(sample());
    const v = idx.view(f({ kind: 'blog' }), 'score');
    expect(v.map((e) => e.rank)).toEqual([2, 4]);
  });

  it('updates one candidate without re-sorting when only the curation changed', () => {
    const idx = new CandidateIndex(sample());
    const before = idx.order('score');
    const g = idx.get('gamma.example')!.c;
    // As read back from IndexedDB: an equal but new siteScore object.
    idx.update({ ...structuredClone(g), decision: 'shortlist', tags: ['Toolkit'] });
    expect(idx.order('score')).toBe(before); // the cached order was patched, not rebuilt
    expect(sites(idx.view(f({ decision: 'shortlist' }), 'score'))).toEqual(['gamma.example']);
    expect(sites(idx.view(f({ query: 'toolkit' }), 'score'))).toEqual(['gamma.example']);
  });

  it('re-ranks when a score changes, and on add/remove', () => {
    const idx = new CandidateIndex(sample());
    const a = idx.get('alpha.example')!.c;
    idx.update({ ...a, siteScore: { ...a.siteScore, score: 99 } });
    expect(idx.get('alpha.example')?.rank).toBe(1);
    expect(idx.remove('beta.example')?.c.site).toBe('beta.example');
    expect(idx.size).toBe(3);
    expect(idx.remove('nope')).toBeUndefined();
    idx.add(cand('epsilon.example', { score: 70 }));
    expect(sites(idx.view(NO_FILTERS, 'score'))).toEqual(['alpha.example', 'epsilon.example', 'delta.example', 'gamma.example']);
  });

  it('handles 10,000 candidates (index, sort, filter) and returns a copy for the unfiltered view', () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      cand(`site${i}.example`, { score: (i * 37) % 101, name: `Site ${i}`, kind: i % 2 ? 'blog' : 'company', tags: i % 10 === 0 ? ['ten'] : [] }),
    );
    const idx = new CandidateIndex(many);
    const all = idx.view(NO_FILTERS, 'score');
    expect(all).toHaveLength(10_000);
    expect(all).not.toBe(idx.order('score'));
    for (let i = 1; i < all.length; i++) expect(all[i - 1].c.siteScore.score).toBeGreaterThanOrEqual(all[i].c.siteScore.score);
    expect(idx.view(f({ query: 'ten' }), 'score')).toHaveLength(1000);
    expect(idx.view(f({ query: 'site 999', kind: 'blog' }), 'quality').map((e) => e.c.site)).toContain('site999.example');
  });
});

describe('helpers', () => {
  it('searchText covers name, site, tags and notes', () => {
    const t = searchText(cand('x.example', { score: 1, name: 'Name X', tags: ['TagA'], notes: 'Some Note' }));
    for (const w of ['name x', 'x.example', 'taga', 'some note']) expect(t).toContain(w);
  });

  it('search finds a site by its rename and by the name its pages give; the name sort reads the rename', () => {
    const renamed = { ...cand('chair.example', { score: 50, name: 'Second Chair' }), nameOverride: 'Zed Mentors', name: 'Zed Mentors' };
    const idx = new CandidateIndex([renamed, cand('alpha.example', { score: 40, name: 'Alpha Mentoring' })]);
    const sites = (query: string) => idx.view({ ...NO_FILTERS, query }, 'score').map((e) => e.c.site);
    expect(sites('zed')).toEqual(['chair.example']);
    expect(sites('second CHAIR')).toEqual(['chair.example']);
    expect(sites('mentor')).toEqual(['chair.example', 'alpha.example']);
    expect(idx.view(NO_FILTERS, 'name').map((e) => e.c.site)).toEqual(['alpha.example', 'chair.example']);
  });

  it('yearOf, formatDate, countText, sortComponent', () => {
    expect(yearOf('2024-12-31T23:00:00Z')).toBe(2024);
    expect(yearOf('garbage')).toBeNull();
    expect(yearOf(undefined)).toBeNull();
    expect(formatDate('2025-09-15T09:00:00Z')).toBe('2025-09-15');
    expect(formatDate('x')).toBe('');
    expect(countText(4, 4)).toBe('4 candidates');
    expect(countText(1, 1)).toBe('1 candidate');
    expect(countText(2, 9)).toBe('2 of 9 candidates');
    expect(sortComponent('score')).toBeUndefined();
    expect(sortComponent('activity')).toBe('activity');
  });

  it('cleanFilters drops unknown values', () => {
    expect(cleanFilters({ query: 'x', kind: 'blog', decision: 'include', source: 'crawl', year: '2025' })).toEqual({
      query: 'x',
      kind: 'blog',
      decision: 'include',
      source: 'crawl',
      year: 2025,
    });
    expect(cleanFilters({ query: 5, kind: 'evil', decision: 'maybe', source: '<img>', year: 'x' })).toEqual(NO_FILTERS);
  });
});
