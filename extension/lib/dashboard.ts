// The dashboard's pure logic: the search/filter/sort model over all candidates, the virtual list's
// window math and the keyboard triage state machine. No DOM, no storage: unit-tested on its own
// (tests/extension/dashboard.test.ts) and driven by entrypoints/dashboard/main.ts.
//
// Built for 10,000 candidates: every candidate is indexed once (lower-cased search text, year,
// global rank), each sort order is computed once and cached, and a view is one linear filter pass
// over the cached order (no re-sort while typing in the search box).
import { COMPONENT_LABELS, COMPONENT_NAMES, DECISIONS, SITE_KINDS, SOURCES, rankCandidates } from '../../scoring/index.ts';
import type { Candidate, Decision, SiteComponentName, SiteKind, Source } from '../../scoring/index.ts';

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
  /** Lower-cased name, site, tags and notes, joined: the search text. */
  text: string;
  /** UTC year of lastScoredAt (null when unparseable). */
  year: number | null;
}

const num = (x: unknown): number => (typeof x === 'number' && Number.isFinite(x) ? x : 0);

export function searchText(c: Candidate): string {
  return [c.name, c.site, c.siteScore?.name ?? '', (c.tags ?? []).join(' '), c.notes ?? ''].join('\n').toLowerCase();
}

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
        const x = (a.c.name || a.c.site).toLowerCase();
        const y = (b.c.name || b.c.site).toLowerCase();
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

export function queryWords(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

export function matches(e: Entry, f: Filters, words: string[] = queryWords(f.query)): boolean {
  if (f.kind && e.c.siteScore.siteKind !== f.kind) return false;
  if (f.decision && e.c.decision !== f.decision) return false;
  if (f.source && !e.c.sources.includes(f.source)) return false;
  if (f.year && e.year !== f.year) return false;
  for (const w of words) if (!e.text.includes(w)) return false;
  return true;
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
      old.c.name !== c.name ||
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
    const words = queryWords(filters.query);
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

// ------------------------------------------------------------------ virtual list window

export interface WindowRange {
  /** First row index to render (inclusive). */
  start: number;
  /** Last row index to render (exclusive). */
  end: number;
  /** translateY of the first rendered row, px. */
  offset: number;
  /** Height of the whole (virtual) list, px. */
  totalHeight: number;
}

/**
 * Which rows of a fixed-row-height list are visible in a viewport, plus `overscan` rows above
 * and below. Every input is clamped, so a stale scrollTop after the list shrank is harmless.
 */
export function visibleWindow(scrollTop: number, viewportHeight: number, rowHeight: number, total: number, overscan = 6): WindowRange {
  const h = Math.max(1, rowHeight);
  const n = Math.max(0, Math.floor(total));
  const totalHeight = n * h;
  const maxTop = Math.max(0, totalHeight - Math.max(0, viewportHeight));
  const top = Math.min(Math.max(0, scrollTop || 0), maxTop);
  const first = Math.floor(top / h);
  const visible = Math.ceil(Math.max(0, viewportHeight) / h) + 1;
  const start = Math.max(0, first - overscan);
  const end = Math.min(n, first + visible + overscan);
  return { start, end: Math.max(start, end), offset: start * h, totalHeight };
}

/** How many row nodes the pool needs for a viewport (never more than the rows). */
export function poolSize(viewportHeight: number, rowHeight: number, overscan = 6): number {
  return Math.ceil(Math.max(0, viewportHeight) / Math.max(1, rowHeight)) + 1 + 2 * overscan;
}

/** The scrollTop that brings row `index` fully into view, or null if it already is. */
export function scrollToReveal(index: number, scrollTop: number, viewportHeight: number, rowHeight: number): number | null {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight);
  return null;
}

// ------------------------------------------------------------------ keyboard triage

export type TriageAction =
  | { type: 'move'; delta: number }
  | { type: 'first' }
  | { type: 'last' }
  | { type: 'decide'; decision: Decision }
  | { type: 'delete' }
  | { type: 'undo' }
  | { type: 'focus-search' }
  | { type: 'open' }
  | { type: 'escape' };

export interface KeyLike {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  /** The event came from a text field, select or button the curator is typing in. */
  inField?: boolean;
}

const DECISION_KEYS: Record<string, Decision> = { i: 'include', x: 'exclude', s: 'shortlist', u: 'undecided' };

/**
 * The triage shortcut a key press means, or null (let the browser have it). In a text field only
 * Escape counts, so typing "six" in the search box never excludes anything.
 */
export function keyAction(k: KeyLike): TriageAction | null {
  if (k.inField) return k.key === 'Escape' ? { type: 'escape' } : null;
  if ((k.ctrlKey || k.metaKey) && !k.altKey && (k.key === 'z' || k.key === 'Z')) return { type: 'undo' };
  if (k.ctrlKey || k.metaKey || k.altKey) return null;
  switch (k.key) {
    case 'j':
    case 'ArrowDown':
      return { type: 'move', delta: 1 };
    case 'k':
    case 'ArrowUp':
      return { type: 'move', delta: -1 };
    case 'PageDown':
      return { type: 'move', delta: 10 };
    case 'PageUp':
      return { type: 'move', delta: -10 };
    case 'Home':
      return { type: 'first' };
    case 'End':
      return { type: 'last' };
    case 'd':
    case 'Delete':
      return { type: 'delete' };
    case '/':
      return { type: 'focus-search' };
    case 'Enter':
    case 'o':
      return { type: 'open' };
    case 'Escape':
      return { type: 'escape' };
    default: {
      const decision = DECISION_KEYS[k.key];
      return decision ? { type: 'decide', decision } : null;
    }
  }
}

/** The cursor after a move, clamped to the list (-1 for an empty list). */
export function moveCursor(cursor: number, action: TriageAction, length: number): number {
  if (length <= 0) return -1;
  const from = cursor < 0 ? -1 : Math.min(cursor, length - 1);
  switch (action.type) {
    case 'move':
      return from < 0 ? (action.delta > 0 ? 0 : length - 1) : Math.min(length - 1, Math.max(0, from + action.delta));
    case 'first':
      return 0;
    case 'last':
      return length - 1;
    default:
      return from;
  }
}

/**
 * Where the cursor goes after the view changed (a filter, a decision that hid the row, a delete):
 * stay on the same site if it is still shown, else on the same position (the next row), clamped.
 */
export function followCursor(prevSite: string | undefined, prevIndex: number, view: readonly Entry[]): number {
  if (view.length === 0) return -1;
  if (prevSite !== undefined) {
    // Usually the row did not move: check there first (O(1)), then search.
    if (prevIndex >= 0 && prevIndex < view.length && view[prevIndex].c.site === prevSite) return prevIndex;
    const at = view.findIndex((e) => e.c.site === prevSite);
    if (at >= 0) return at;
  }
  if (prevIndex < 0) return 0;
  return Math.min(prevIndex, view.length - 1);
}

// ------------------------------------------------------------------ undo

/** Deleted candidates, most recent last, for the undo button (bounded). */
export class UndoStack<T> {
  private items: T[] = [];
  constructor(private readonly max = 50) {}
  push(item: T): void {
    this.items.push(item);
    if (this.items.length > this.max) this.items.shift();
  }
  pop(): T | undefined {
    return this.items.pop();
  }
  peek(): T | undefined {
    return this.items[this.items.length - 1];
  }
  get size(): number {
    return this.items.length;
  }
}

// ------------------------------------------------------------------ formatting

export function formatScore(score: number): string {
  return String(Math.round(num(score)));
}

export function formatComponent(v: number): string {
  return String(Math.round(Math.max(0, Math.min(1, num(v))) * 100));
}

/** `2025-09-15` from an ISO date (or '' for none/garbage). */
export function formatDate(iso: string | undefined): string {
  if (typeof iso !== 'string') return '';
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(iso);
  return m ? m[1] : '';
}

export function countText(shown: number, total: number): string {
  const noun = (n: number) => (n === 1 ? 'candidate' : 'candidates');
  return shown === total ? `${total} ${noun(total)}` : `${shown} of ${total} ${noun(total)}`;
}
