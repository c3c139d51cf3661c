// The dashboard's model: every candidate indexed once for search, filters and sort. No DOM, no
// storage (tests/extension/dashboard/model.test.ts).
//
// Built for 10,000 candidates: every candidate is indexed once (lower-cased search text, year,
// global rank), each sort order is computed once and cached, and a view is one linear filter pass
// over the cached order (no re-sort while typing in the search box).
import { COMPONENT_LABELS, COMPONENT_NAMES, DECISIONS, SITE_KINDS, SOURCES, candidateName, candidateSearchText, matchesWords, rankCandidates, searchWords } from '../../../scoring/index.ts';
import type { Candidate, Decision, SiteComponentName, SiteKind, Source } from '../../../scoring/index.ts';

// ------------------------------------------------------------------ sorting

export const SORT_KEYS = ['score', ...COMPONENT_NAMES, 'activity', 'coverage', 'name', 'lastScored'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export const SORT_LABELS: Record<SortKey, string> = {
  score: 'Site score',
  ...COMPONENT_LABELS,
  name: 'Name (A–Z)',
  lastScored: 'Last scored',
};

export function isSortKey(x: unknown): x is SortKey {
  return typeof x === 'string' && (SORT_KEYS as readonly string[]).includes(x);
}

/** The component a sort key reads, if it is one (used to show its value in each row). */
export function sortComponent(key: SortKey): SiteComponentName | undefined {
  return key === 'score' || key === 'name' || key === 'lastScored' ? undefined : key;
}

// ------------------------------------------------------------------ index

/** One candidate with everything the filters need precomputed. */
export interface Entry {
  c: Candidate;
  /** 1-based rank by site score among all candidates (the CSV's rank). */
  rank: number;
  /** Lower-cased names (the rename and the computed one), site, tags and notes: the search text (scoring/search.ts). */
  text: string;
  /** UTC year of lastScoredAt (null when unparseable). */
  year: number | null;
}

const num = (x: unknown): number => (typeof x === 'number' && Number.isFinite(x) ? x : 0);

export const searchText = (c: Candidate): string => candidateSearchText(c);

export function yearOf(iso: string | undefined): number | null {
  if (typeof iso !== 'string') return null;
  const m = /^(\d{4})-/.exec(iso);
  return m ? Number(m[1]) : null;
}

function compareSite(a: Entry, b: Entry): number {
  return a.c.site < b.c.site ? -1 : a.c.site > b.c.site ? 1 : 0;
}

function comparator(key: SortKey): (a: Entry, b: Entry) => number {
  switch (key) {
    case 'score':
      return (a, b) => a.rank - b.rank;
    case 'name':
      return (a, b) => {
        const x = candidateName(a.c).toLowerCase();
        const y = candidateName(b.c).toLowerCase();
        return x < y ? -1 : x > y ? 1 : compareSite(a, b);
      };
    case 'lastScored':
      return (a, b) => (a.c.lastScoredAt < b.c.lastScoredAt ? 1 : a.c.lastScoredAt > b.c.lastScoredAt ? -1 : a.rank - b.rank);
    default:
      return (a, b) => num(b.c.siteScore.components?.[key]) - num(a.c.siteScore.components?.[key]) || a.rank - b.rank;
  }
}

export interface Filters {
  /** Free text; every whitespace-separated word must occur in name, site, tags or notes. */
  query: string;
  kind: SiteKind | '';
  decision: Decision | '';
  source: Source | '';
  /** Year of the last score; 0 = any. */
  year: number;
}

export const NO_FILTERS: Filters = { query: '', kind: '', decision: '', source: '', year: 0 };

/** Filter values from untrusted input (URL hash, form fields): anything unknown means "any". */
export function cleanFilters(raw: Partial<Record<keyof Filters, unknown>>): Filters {
  const pick = <T extends string>(v: unknown, allowed: readonly T[]): T | '' =>
    typeof v === 'string' && (allowed as readonly string[]).includes(v) ? (v as T) : '';
  const year = Number(raw.year);
  return {
    query: typeof raw.query === 'string' ? raw.query.slice(0, 500) : '',
    kind: pick(raw.kind, SITE_KINDS),
    decision: pick(raw.decision, DECISIONS),
    source: pick(raw.source, SOURCES),
    year: Number.isInteger(year) && year >= 1990 && year <= 2200 ? year : 0,
  };
}

export function matches(e: Entry, f: Filters, words: string[] = searchWords(f.query)): boolean {
  if (f.kind && e.c.siteScore.siteKind !== f.kind) return false;
  if (f.decision && e.c.decision !== f.decision) return false;
  if (f.source && !e.c.sources.includes(f.source)) return false;
  if (f.year && e.year !== f.year) return false;
  return matchesWords(e.text, words);
}

/**
 * All candidates, indexed once. Curation edits replace one entry (`update`); deletes and restores
 * go through `remove`/`add`. Sorted orders are cached per key and dropped when they may change.
 */
export class CandidateIndex {
  private entries = new Map<string, Entry>();
  private sorted = new Map<SortKey, Entry[]>();

  constructor(candidates: Candidate[] = []) {
    this.reset(candidates);
  }

  reset(candidates: Candidate[]): void {
    this.entries.clear();
    for (const c of candidates) this.entries.set(c.site, { c, rank: 0, text: searchText(c), year: yearOf(c.lastScoredAt) });
    this.rerank();
  }

  get size(): number {
    return this.entries.size;
  }

  get(site: string): Entry | undefined {
    return this.entries.get(site);
  }

  all(): Entry[] {
    return this.order('score');
  }

  private rerank(): void {
    const ranked = rankCandidates([...this.entries.values()].map((e) => e.c));
    ranked.forEach((c, i) => {
      const e = this.entries.get(c.site);
      if (e) e.rank = i + 1;
    });
    this.sorted.clear();
  }

  /** A candidate changed (decision, tags, notes or a new score). */
  update(c: Candidate): void {
    const old = this.entries.get(c.site);
    const entry: Entry = { c, rank: old?.rank ?? 0, text: searchText(c), year: yearOf(c.lastScoredAt) };
    this.entries.set(c.site, entry);
    // A record read back from IndexedDB is a new object even when only the curation changed:
    // compare what the orders depend on by value.
    const scoreChanged =
      !old ||
      old.c.lastScoredAt !== c.lastScoredAt ||
      candidateName(old.c) !== candidateName(c) ||
      (old.c.siteScore !== c.siteScore && JSON.stringify(old.c.siteScore) !== JSON.stringify(c.siteScore));
    if (scoreChanged) {
      this.rerank();
    } else {
      // Same order, new objects: swap the entry in the cached orders.
      for (const list of this.sorted.values()) {
        const i = list.indexOf(old);
        if (i >= 0) list[i] = entry;
      }
    }
  }

  add(c: Candidate): void {
    this.entries.set(c.site, { c, rank: 0, text: searchText(c), year: yearOf(c.lastScoredAt) });
    this.rerank();
  }

  remove(site: string): Entry | undefined {
    const e = this.entries.get(site);
    if (!e) return undefined;
    this.entries.delete(site);
    this.rerank();
    return e;
  }

  /** All entries in `key` order (cached). */
  order(key: SortKey): Entry[] {
    let list = this.sorted.get(key);
    if (!list) {
      const comp = sortComponent(key);
      if (comp) {
        // Decorate once (one property walk per entry), sort numbers, undecorate.
        const keyed = [...this.entries.values()].map((e) => ({ v: num(e.c.siteScore.components?.[comp]), e }));
        keyed.sort((a, b) => b.v - a.v || a.e.rank - b.e.rank);
        list = keyed.map((k) => k.e);
      } else {
        list = [...this.entries.values()].sort(comparator(key));
      }
      this.sorted.set(key, list);
    }
    return list;
  }

  /** The rows to show: filtered, in sort order. */
  view(filters: Filters, sort: SortKey): Entry[] {
    const list = this.order(sort);
    const words = searchWords(filters.query);
    const any = !filters.kind && !filters.decision && !filters.source && !filters.year && words.length === 0;
    return any ? list.slice() : list.filter((e) => matches(e, filters, words));
  }

  /** Years of last score present, newest first (the year filter's options). */
  years(): number[] {
    const set = new Set<number>();
    for (const e of this.entries.values()) if (e.year !== null) set.add(e.year);
    return [...set].sort((a, b) => b - a);
  }
}

