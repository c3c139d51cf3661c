// The dashboard's pure logic: index, search, filters, sort, virtual-list window math, keyboard triage.
import { describe, expect, it } from 'vitest';
import { newCandidate } from '../../scoring/index.ts';
import type { Candidate, Decision, SiteKind, Source } from '../../scoring/index.ts';
import {
  CandidateIndex,
  NO_FILTERS,
  SORT_KEYS,
  UndoStack,
  cleanFilters,
  countText,
  followCursor,
  formatDate,
  keyAction,
  moveCursor,
  poolSize,
  scrollToReveal,
  searchText,
  sortComponent,
  visibleWindow,
  yearOf,
  type Filters,
} from '../../extension/lib/dashboard.ts';

interface Opts {
  score: number;
  name?: string;
  kind?: SiteKind;
  decision?: Decision;
  sources?: Source[];
  tags?: string[];
  notes?: string;
  at?: string;
  comp?: Partial<Record<'relevance' | 'mentorGuidance' | 'programGuidance' | 'actionability' | 'quality' | 'freshness' | 'activity' | 'coverage', number>>;
  mentoringPages?: number;
}

function cand(host: string, o: Opts): Candidate {
  const c = newCandidate(
    {
      site: `https://${host}`,
      name: o.name ?? host,
      score: o.score,
      components: { relevance: 0.5, mentorGuidance: 0.5, programGuidance: 0.5, actionability: 0.5, quality: 0.5, freshness: 0.5, activity: 0.5, coverage: 0.5, ...o.comp },
      pagesScored: 3,
      mentoringPages: o.mentoringPages ?? 2,
      bestPageUrl: `https://${host}/`,
      siteKind: o.kind ?? 'blog',
      reasons: [],
      scorerVersion: 't',
    },
    o.sources?.[0] ?? 'crawl',
    o.at ?? '2026-03-01T00:00:00.000Z',
  );
  return { ...c, sources: o.sources ?? c.sources, decision: o.decision ?? 'undecided', tags: o.tags ?? [], notes: o.notes ?? '' };
}

const sample = (): Candidate[] => [
  cand('alpha.example', { score: 40, name: 'Alpha Mentoring', kind: 'blog', sources: ['crawl'], comp: { programGuidance: 0.9 }, at: '2025-05-01T00:00:00Z' }),
  cand('beta.example', { score: 80, name: 'Beta Mentors', kind: 'company', sources: ['bookmark'], decision: 'include', tags: ['Program'], comp: { programGuidance: 0.2 } }),
  cand('gamma.example', { score: 60, name: 'Gamma', kind: 'nonprofit', sources: ['crawl', 'import'], notes: 'Great first-meeting checklist', comp: { programGuidance: 0.5 } }),
  cand('delta.example', { score: 60, name: 'Delta', kind: 'blog', sources: ['import'], decision: 'exclude', mentoringPages: 5, comp: { programGuidance: 0.5 } }),
];

const f = (p: Partial<Filters>): Filters => ({ ...NO_FILTERS, ...p });
const sites = (list: { c: Candidate }[]) => list.map((e) => e.c.site);

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

describe('virtual list window', () => {
  it('renders only the visible rows plus overscan', () => {
    expect(visibleWindow(0, 340, 34, 10_000, 5)).toEqual({ start: 0, end: 16, offset: 0, totalHeight: 340_000 });
    const w = visibleWindow(34 * 1000 + 10, 340, 34, 10_000, 5);
    expect(w.start).toBe(995);
    expect(w.end).toBe(1016);
    expect(w.offset).toBe(995 * 34);
    expect(w.end - w.start).toBeLessThanOrEqual(poolSize(340, 34, 5));
  });

  it('clamps a stale scrollTop and handles empty and short lists', () => {
    expect(visibleWindow(1e9, 340, 34, 100, 5)).toEqual({ start: 85, end: 100, offset: 85 * 34, totalHeight: 3400 });
    expect(visibleWindow(500, 340, 34, 0, 5)).toEqual({ start: 0, end: 0, offset: 0, totalHeight: 0 });
    expect(visibleWindow(-20, 340, 34, 3, 5)).toEqual({ start: 0, end: 3, offset: 0, totalHeight: 102 });
  });

  it('scrollToReveal scrolls just enough, or not at all', () => {
    expect(scrollToReveal(5, 0, 340, 34)).toBeNull();
    expect(scrollToReveal(10, 0, 340, 34)).toBe(11 * 34 - 340);
    expect(scrollToReveal(2, 200, 340, 34)).toBe(68);
  });
});

describe('keyboard triage', () => {
  it('maps keys to actions', () => {
    expect(keyAction({ key: 'j' })).toEqual({ type: 'move', delta: 1 });
    expect(keyAction({ key: 'k' })).toEqual({ type: 'move', delta: -1 });
    expect(keyAction({ key: 'i' })).toEqual({ type: 'decide', decision: 'include' });
    expect(keyAction({ key: 'x' })).toEqual({ type: 'decide', decision: 'exclude' });
    expect(keyAction({ key: 's' })).toEqual({ type: 'decide', decision: 'shortlist' });
    expect(keyAction({ key: 'u' })).toEqual({ type: 'decide', decision: 'undecided' });
    expect(keyAction({ key: 'd' })).toEqual({ type: 'delete' });
    expect(keyAction({ key: 'Delete' })).toEqual({ type: 'delete' });
    expect(keyAction({ key: '/' })).toEqual({ type: 'focus-search' });
    expect(keyAction({ key: 'z', ctrlKey: true })).toEqual({ type: 'undo' });
    expect(keyAction({ key: 'q' })).toBeNull();
  });

  it('ignores shortcuts while typing in a field (except Escape) and with modifiers', () => {
    expect(keyAction({ key: 'x', inField: true })).toBeNull();
    expect(keyAction({ key: '/', inField: true })).toBeNull();
    expect(keyAction({ key: 'Escape', inField: true })).toEqual({ type: 'escape' });
    expect(keyAction({ key: 'i', ctrlKey: true })).toBeNull();
    expect(keyAction({ key: 'j', altKey: true })).toBeNull();
  });

  it('moves the cursor within the list', () => {
    expect(moveCursor(-1, { type: 'move', delta: 1 }, 5)).toBe(0);
    expect(moveCursor(-1, { type: 'move', delta: -1 }, 5)).toBe(4);
    expect(moveCursor(4, { type: 'move', delta: 1 }, 5)).toBe(4);
    expect(moveCursor(0, { type: 'move', delta: -1 }, 5)).toBe(0);
    expect(moveCursor(2, { type: 'move', delta: 10 }, 5)).toBe(4);
    expect(moveCursor(2, { type: 'last' }, 5)).toBe(4);
    expect(moveCursor(2, { type: 'first' }, 5)).toBe(0);
    expect(moveCursor(2, { type: 'move', delta: 1 }, 0)).toBe(-1);
  });

  it('follows the selected site after the view changed, else keeps the position', () => {
    const idx = new CandidateIndex(sample());
    const view = idx.view(NO_FILTERS, 'score');
    expect(followCursor('gamma.example', 0, view)).toBe(2);
    // Triage with a decision filter: the decided row leaves the view, the cursor lands on the next one.
    const undecided = idx.view(f({ decision: 'undecided' }), 'score');
    expect(followCursor('beta.example', 0, undecided)).toBe(0);
    expect(followCursor('gone.example', 9, undecided)).toBe(1);
    expect(followCursor(undefined, -1, undecided)).toBe(0);
    expect(followCursor('x', 0, [])).toBe(-1);
  });

  it('UndoStack is LIFO and bounded', () => {
    const u = new UndoStack<number>(2);
    u.push(1);
    u.push(2);
    u.push(3);
    expect(u.size).toBe(2);
    expect(u.peek()).toBe(3);
    expect(u.pop()).toBe(3);
    expect(u.pop()).toBe(2);
    expect(u.pop()).toBeUndefined();
  });
});
