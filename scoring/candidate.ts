// The Candidate and the one merge rule: the same site from a crawl, a bookmark, an import or a
// sync becomes one candidate, and nothing the curator typed is lost. The merge is commutative and
// idempotent (merge(a, b) = merge(b, a); merging the result with either side again changes
// nothing), so the store, IndexedDB and sync converge whatever order records arrive in.
// A site's score is computed from the union of its pages from every source (site-pages.ts): the
// merge never picks one side's score when pages are known, so the score of the union does not
// depend on who had more pages, nor on the order or grouping of the merges.
import type { BestPlace, Candidate, CurationField, Decision, HistoryEntry, PickField, SiteActivity, SitePage, SiteScore, Source } from './types.ts';
import { BEST_PLACES, CURATION_FIELDS, DECISIONS, PICK_FIELDS, SOURCES } from './types.ts';
import { siteKey } from './url.ts';
import { compareStrings, compareTimes, isoInstant, isoOrUndefined } from './time.ts';
import { oneLine } from './text.ts';
import { livePages, mergeActivity, roundupYearOfPages, siteScoreOfPages, unionPages } from './site-pages.ts';

export function newCandidate(siteScore: SiteScore, source: Source, at: string): Candidate {
  return {
    site: siteKey(siteScore.site),
    name: siteScore.name,
    siteScore,
    sources: [source],
    decision: 'undecided',
    tags: [],
    notes: '',
    firstSeenAt: at,
    lastScoredAt: at,
    history: [{ year: Number(at.slice(0, 4)), score: siteScore.score }],
  };
}

/**
 * The name to show anywhere: the curator's rename, else the record's name (the computed one, or
 * what an import said), else the computed one, else the site key. Reading `nameOverride` first
 * means no writer of `name` (a re-score, an old store) can hide a rename.
 */
export function candidateName(c: Pick<Candidate, 'site' | 'name' | 'siteScore' | 'nameOverride'>): string {
  return c.nameOverride || c.name || c.siteScore?.name || c.site;
}

/** Sort order of SOURCES, so merged lists compare equal whatever the merge order. */
function unionSources(a: Source[], b: Source[]): Source[] {
  const set = new Set([...a, ...b]);
  return SOURCES.filter((s) => set.has(s));
}

const tagKey = (t: string) => t.trim().toLowerCase();

/** Which record the curator touched last (> 0: `a`); a time that is not ISO 8601 counts as none (the merge drops it). */
function curatedOrder(a: Candidate, b: Candidate): number {
  return compareTimes(isoOrUndefined(a.curatedAt), isoOrUndefined(b.curatedAt));
}

/** One tag per case-insensitive trimmed spelling, blanks dropped, as typed (not trimmed). */
function tagSet(tags: string[]): Map<string, string> {
  const byKey = new Map<string, string>();
  for (const tag of tags) {
    if (typeof tag !== 'string') continue;
    const key = tagKey(tag);
    if (key && !byKey.has(key)) byKey.set(key, tag);
  }
  return byKey;
}

/**
 * Tags are a set (case-insensitive). When one side already has every tag of the other, its list
 * is kept as the curator ordered it; when both add tags, the union is in a canonical order (the
 * code-unit-smallest spelling of each), so that the merge commutes either way.
 */
function unionTags(a: Candidate, b: Candidate): string[] {
  const x = tagSet(a.tags);
  const y = tagSet(b.tags);
  const covers = (p: Map<string, string>, q: Map<string, string>) => [...q.keys()].every((k) => p.has(k));
  const aCovers = covers(x, y);
  const bCovers = covers(y, x);
  if (aCovers && bCovers) {
    // The same set: the list of the later edit (then a fixed order) wins, spellings and order together.
    const order = curatedOrder(a, b) || compareStrings(JSON.stringify([...y.values()]), JSON.stringify([...x.values()]));
    return [...(order >= 0 ? x : y).values()];
  }
  if (aCovers) return [...x.values()];
  if (bCovers) return [...y.values()];
  const byKey = new Map<string, string>(x);
  for (const [k, t] of y) {
    const prev = byKey.get(k);
    if (prev === undefined || t < prev) byKey.set(k, t);
  }
  return [...byKey.entries()].sort((p, q) => compareStrings(p[0], q[0]) || compareStrings(p[1], q[1])).map((e) => e[1]);
}

/**
 * Both notes are kept when they differ (the earlier-curated one first): a merge never drops what
 * the curator wrote. A note that already contains the other is kept whole.
 */
function mergeNotes(a: Candidate, b: Candidate): string {
  const order = curatedOrder(a, b) || compareStrings(a.notes, b.notes);
  const [first, second] = order <= 0 ? [a.notes, b.notes] : [b.notes, a.notes];
  const x = first.trim();
  const y = second.trim();
  // Two spellings of the same note (spaces around it): the longer, then the code-unit smaller.
  const either = first.length !== second.length ? (first.length > second.length ? first : second) : first < second ? first : second;
  if (!x && !y) return either;
  if (!x) return second;
  if (!y) return first;
  if (x === y) return either;
  if (x.includes(y)) return first;
  if (y.includes(x)) return second;
  return `${x}\n---\n${y}`;
}

/**
 * Per year, the best site score the site had that year on any side (a max: commutative,
 * associative, idempotent). A writer then records the merged score as the entry of its year
 * (recordScoreInHistory), so that the year of the current score shows the current score.
 */
function mergeHistory(a: HistoryEntry[], b: HistoryEntry[]): HistoryEntry[] {
  const byYear = new Map<number, HistoryEntry>();
  for (const h of [...a, ...b]) {
    const prev = byYear.get(h.year);
    if (!prev || h.score > prev.score) byYear.set(h.year, { year: h.year, score: h.score });
  }
  return [...byYear.values()].sort((p, q) => p.year - q.year);
}

/**
 * Between two site scores that came without pages (CSV, JSON before version 3): the one built
 * from more pages, then the higher, then (for a total order) the serialised score. > 0 when `a`
 * wins. A max over a total order of the scores alone, so the choice is associative too.
 */
function compareScoresWithoutPages(a: SiteScore, b: SiteScore): number {
  return a.pagesScored - b.pagesScored || a.score - b.score || compareStrings(JSON.stringify(a), JSON.stringify(b));
}

/**
 * The site score of the merge: scoreSite over the union of the pages when either side has pages
 * (site-pages.ts); else the one of the two scores built from more pages. A side that has pages
 * carries the score of its own pages (settleCandidate), so when only one side has pages and the
 * other brings no activity, that score is the union's and is not computed again.
 */
function mergedSiteScore(a: Candidate, b: Candidate, pages: SitePage[] | undefined, activity: SiteActivity | undefined): SiteScore {
  if (pages && pages.length > 0) {
    const only = !b.pages ? a : !a.pages ? b : undefined;
    const other = only === a ? b : a;
    if (only && !other.activity) return only.siteScore;
    return siteScoreOfPages(pages, activity) ?? only?.siteScore ?? a.siteScore;
  }
  return compareScoresWithoutPages(a.siteScore, b.siteScore) >= 0 ? a.siteScore : b.siteScore;
}

/**
 * The candidate with its pages and activity in canonical form and the site score computed from
 * them (site-pages.ts), that score its history's entry for the roundup year it was measured
 * against. A candidate without pages is returned as it is. Every reader of a candidate with pages
 * settles it (an import, a bookmark, a re-aggregation); mergeCandidates keeps it settled.
 */
export function settleCandidate(c: Candidate): Candidate {
  if (!c.pages) return c;
  const pages = unionPages(c.pages);
  const activity = mergeActivity(c.activity);
  const out: Candidate = { ...c, pages };
  if (activity) out.activity = activity;
  else delete out.activity;
  const siteScore = siteScoreOfPages(pages, activity);
  if (siteScore) out.siteScore = siteScore;
  out.name = out.nameOverride || out.siteScore.name || out.site;
  return recordScoreInHistory(out);
}

/**
 * The candidate with its current site score as its history's entry for the year that score was
 * measured against (the year of its newest page score), replacing that year's entry: what a writer
 * (the store, the extension) keeps after a merge, whose history is the per-year best of both sides.
 * A candidate without pages is returned as it is.
 */
export function recordScoreInHistory(c: Candidate): Candidate {
  const year = c.pages?.length ? roundupYearOfPages(livePages(c.pages)) : undefined;
  if (year === undefined) return c;
  const current = c.history.find((h) => h.year === year);
  if (current?.score === c.siteScore.score) return c;
  const history = [...c.history.filter((h) => h.year !== year), { year, score: c.siteScore.score }].sort((p, q) => p.year - q.year);
  return { ...c, history };
}

/** A new candidate from a site's pages (a bookmark, a crawl's re-aggregation), its score computed from them. */
export function pagesCandidate(pages: SitePage[], source: Source, at: string, activity?: SiteActivity): Candidate {
  const union = unionPages(pages);
  const merged = mergeActivity(activity);
  const siteScore = siteScoreOfPages(union, merged);
  if (!siteScore) throw new Error('a candidate from pages needs at least one page');
  const c = newCandidate(siteScore, source, at);
  c.pages = union;
  if (merged) c.activity = merged;
  return recordScoreInHistory(c);
}

// ------------------------------------------------------------------ picks

/**
 * The time of one pick: its own; or, for a record without pick times or one changed since by a
 * writer that does not date picks (its `curatedAt` is later than all its pick times), `curatedAt`
 * — the rule before picks had times, so no such change is ever taken for an older one.
 */
export function pickTime(c: Candidate, field: PickField): string | undefined {
  const curated = isoOrUndefined(c.curatedAt);
  if (!c.pickedAt) return curated;
  let latest: string | undefined;
  for (const f of CURATION_FIELDS) latest = laterOf(latest, isoOrUndefined(c.pickedAt[f]));
  if (curated && (!latest || compareTimes(curated, latest) > 0)) return curated;
  return isoOrUndefined(c.pickedAt[field]);
}

/** The later of two ISO times (either may be missing); equal instants by string, so the choice is symmetric. */
function laterOf(a: string | undefined, b: string | undefined): string | undefined {
  if (!a) return b;
  if (!b) return a;
  return compareTimes(a, b) >= 0 ? a : b;
}

function pickValue(c: Candidate, field: PickField): string | number | undefined {
  const v = c[field];
  if (field === 'decision') return v === 'undecided' ? undefined : (v as string);
  return v === '' || v === null ? undefined : (v as string | number | undefined);
}

const DECISION_WEIGHT: Record<Decision, number> = { include: 3, shortlist: 2, exclude: 1, undecided: 0 };

/** Between two set values with no time to tell them apart: a fixed order, so the result never depends on the merge order. */
function tieBreak(field: PickField, x: string | number, y: string | number): number {
  if (field === 'decision') return DECISION_WEIGHT[x as Decision] - DECISION_WEIGHT[y as Decision];
  if (typeof x === 'number' && typeof y === 'number') return y - x; // the smaller rank or place
  const s = String(x);
  const t = String(y);
  return s.length - t.length || compareStrings(t, s); // the longer text, then the code-unit smaller
}

/**
 * Which side's pick wins: the later edit when both are dated differently; else a set value over
 * an unset one, then a dated value over an undated one, then the fixed order. > 0 when `a` wins.
 */
function comparePick(a: Candidate, b: Candidate, field: PickField): number {
  const va = pickValue(a, field);
  const vb = pickValue(b, field);
  const ta = pickTime(a, field);
  const tb = pickTime(b, field);
  if (va === vb) return compareTimes(ta, tb);
  const ia = isoInstant(ta);
  const ib = isoInstant(tb);
  if (ia !== undefined && ib !== undefined && ia !== ib) return ia - ib;
  if ((va === undefined) !== (vb === undefined)) return va === undefined ? -1 : 1;
  if ((ia === undefined) !== (ib === undefined)) return ia === undefined ? -1 : 1;
  return tieBreak(field, va as string | number, vb as string | number);
}

function setPick(c: Candidate, field: PickField, from: Candidate): void {
  const v = from[field];
  if (field === 'decision') c.decision = from.decision;
  else if (v === undefined || v === '' || v === null) delete c[field];
  else (c as unknown as Record<string, unknown>)[field] = v;
}

/** Merge two records of the same site. Commutative and idempotent (see the top of this file). */
export function mergeCandidates(a: Candidate, b: Candidate): Candidate {
  const key = siteKey(a.site);
  if (key !== siteKey(b.site)) {
    throw new Error(`cannot merge different sites: ${a.site} and ${b.site}`);
  }
  const pages = a.pages || b.pages ? unionPages(a.pages, b.pages) : undefined;
  const activity = mergeActivity(a.activity, b.activity);
  const siteScore = mergedSiteScore(a, b, pages, activity);
  const merged: Candidate = {
    site: key,
    name: '',
    siteScore,
    sources: unionSources(a.sources, b.sources),
    decision: 'undecided',
    tags: unionTags(a, b),
    notes: mergeNotes(a, b),
    firstSeenAt: compareTimes(a.firstSeenAt, b.firstSeenAt) <= 0 ? a.firstSeenAt : b.firstSeenAt,
    lastScoredAt: compareTimes(a.lastScoredAt, b.lastScoredAt) >= 0 ? a.lastScoredAt : b.lastScoredAt,
    history: mergeHistory(a.history, b.history),
  };
  // Each pick's time is the later of the two: the last time the curator looked at it anywhere
  // (also when an undated value won over a dated clear), so curatedAt stays the latest time.
  const pickedAt: Partial<Record<CurationField, string>> = {};
  for (const field of PICK_FIELDS) {
    setPick(merged, field, comparePick(a, b, field) >= 0 ? a : b);
    const t = laterOf(pickTime(a, field), pickTime(b, field));
    if (t) pickedAt[field] = t;
  }
  for (const field of ['notes', 'tags'] as const) {
    const t = laterOf(isoOrUndefined(a.pickedAt?.[field]), isoOrUndefined(b.pickedAt?.[field]));
    if (t) pickedAt[field] = t;
  }
  merged.name = merged.nameOverride || siteScore.name || (siteScore === a.siteScore ? b : a).siteScore.name || key;
  const curatedAt = [a.curatedAt, b.curatedAt].filter((t) => isoInstant(t) !== undefined).sort(compareTimes).pop();
  if (curatedAt) merged.curatedAt = curatedAt;
  // Present whenever the curator has touched the record, so no pick falls back to curatedAt again.
  if (curatedAt || Object.keys(pickedAt).length > 0 || a.pickedAt || b.pickedAt) merged.pickedAt = pickedAt;
  if (pages) merged.pages = pages;
  if (activity) merged.activity = activity;
  return merged;
}

/** Merge a list by site key, keeping first-seen order. */
export function mergeAll(candidates: Candidate[]): Candidate[] {
  const bySite = new Map<string, Candidate>();
  for (const c of candidates) {
    const key = siteKey(c.site);
    const prev = bySite.get(key);
    bySite.set(key, prev ? mergeCandidates(prev, c) : { ...c, site: key });
  }
  return [...bySite.values()];
}

/**
 * Ranked best first: site score, then more mentoring pages, then site key (stable, deterministic).
 * The keys are read once into flat arrays and the sort compares those: on 100k candidates of
 * varied shapes a comparator reading c.siteScore.score costs seconds, this a fraction of it.
 */
export function rankCandidates(candidates: Candidate[]): Candidate[] {
  const n = candidates.length;
  const score = new Float64Array(n);
  const pages = new Float64Array(n);
  const site: string[] = new Array(n);
  const order: number[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const c = candidates[i];
    score[i] = c.siteScore.score;
    pages[i] = c.siteScore.mentoringPages;
    site[i] = c.site;
    order[i] = i;
  }
  order.sort((i, j) => score[j] - score[i] || pages[j] - pages[i] || (site[i] < site[j] ? -1 : site[i] > site[j] ? 1 : 0));
  return order.map((i) => candidates[i]);
}

export function isDecision(value: unknown): value is Decision {
  return typeof value === 'string' && (DECISIONS as readonly string[]).includes(value);
}

export function isSource(value: unknown): value is Source {
  return typeof value === 'string' && (SOURCES as readonly string[]).includes(value);
}

export function isBestPlace(value: unknown): value is BestPlace {
  return typeof value === 'number' && (BEST_PLACES as readonly number[]).includes(value);
}

// ------------------------------------------------------------------ the curator's edits

/** The longest blurb, rename, tag and rank the curator can set (a blurb is a paragraph, not an essay). */
export const PICK_LIMITS = { blurb: 2000, name: 200, tag: 100, rank: 100_000 } as const;

/** A pick the curator asked for that cannot be (the CLI prints it, the dashboard shows it). */
export class PickError extends Error {
  override name = 'PickError';
}

/** The single-candidate edits; rank and best place go through roundup.ts (they move other sites too). */
export interface PicksChange {
  decision?: Decision;
  /** '' clears the blurb. Kept as typed (trimmed), newlines allowed. */
  blurb?: string;
  /** '' clears the rename (back to the computed name). One line. */
  name?: string;
  /** Appends a line to the private notes (the CLI's --note). */
  note?: string;
  /** Replaces the private notes (the dashboard's editor). */
  notes?: string;
  addTags?: string[];
  /** Removed case-insensitively. (A merge with a copy that still has the tag brings it back: tags are a union.) */
  removeTags?: string[];
}

/**
 * Stamp one curated field with its time (and curatedAt), writing down first the times the record's
 * other picks have now (pickTime), so a record from a writer that did not date picks keeps its meaning.
 */
export function stampPick(c: Candidate, field: CurationField, at: string): void {
  const times: Partial<Record<CurationField, string>> = {};
  for (const f of PICK_FIELDS) {
    const t = pickTime(c, f);
    if (t) times[f] = t;
  }
  for (const f of ['notes', 'tags'] as const) {
    const t = isoOrUndefined(c.pickedAt?.[f]);
    if (t) times[f] = t;
  }
  times[field] = at;
  c.pickedAt = times;
  c.curatedAt = at;
}

function checkTime(at: string): void {
  if (isoInstant(at) === undefined) throw new PickError(`not an ISO 8601 time: ${JSON.stringify(String(at).slice(0, 40))}`);
}

function cleanTag(t: string): string {
  const tag = oneLine(t, PICK_LIMITS.tag + 1);
  if (!tag) throw new PickError('a tag cannot be empty');
  if (tag.length > PICK_LIMITS.tag) throw new PickError(`a tag is at most ${PICK_LIMITS.tag} characters`);
  return tag;
}

/** The blurb as typed, minus control characters other than line breaks and tabs, trimmed. */
function cleanBlurb(s: string): string {
  // eslint-disable-next-line no-control-regex
  const t = s.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g, '').trim();
  if (t.length > PICK_LIMITS.blurb) throw new PickError(`the blurb is at most ${PICK_LIMITS.blurb} characters (got ${t.length})`);
  return t;
}

/**
 * Apply the curator's edits to one candidate (a new object), stamping each changed pick with
 * `at`. Throws PickError on a bad value; nothing is half-applied.
 */
export function applyPicks(c: Candidate, change: PicksChange, at: string): Candidate {
  checkTime(at);
  const next: Candidate = { ...c, tags: [...c.tags] };
  if (change.decision !== undefined) {
    if (!isDecision(change.decision)) throw new PickError(`not a decision: ${JSON.stringify(String(change.decision).slice(0, 30))}`);
    next.decision = change.decision;
    stampPick(next, 'decision', at);
  }
  if (change.blurb !== undefined) {
    const blurb = cleanBlurb(change.blurb);
    if (blurb) next.blurb = blurb;
    else delete next.blurb;
    stampPick(next, 'blurb', at);
  }
  if (change.name !== undefined) {
    const name = oneLine(change.name, PICK_LIMITS.name + 1);
    if (name.length > PICK_LIMITS.name) throw new PickError(`a name is at most ${PICK_LIMITS.name} characters`);
    if (name) next.nameOverride = name;
    else delete next.nameOverride;
    stampPick(next, 'nameOverride', at);
  }
  if (change.notes !== undefined) next.notes = change.notes;
  if (change.note !== undefined && change.note.trim()) {
    next.notes = next.notes.trim() ? `${next.notes.trimEnd()}\n${change.note.trim()}` : change.note.trim();
  }
  if (change.addTags) {
    const have = new Set(next.tags.map((t) => t.trim().toLowerCase()));
    for (const raw of change.addTags) {
      const tag = cleanTag(raw);
      if (!have.has(tag.toLowerCase())) next.tags.push(tag);
      have.add(tag.toLowerCase());
    }
  }
  if (change.removeTags) {
    const drop = new Set(change.removeTags.map((t) => t.trim().toLowerCase()));
    next.tags = next.tags.filter((t) => !drop.has(t.trim().toLowerCase()));
  }
  if (change.notes !== undefined || (change.note !== undefined && change.note.trim())) stampPick(next, 'notes', at);
  if (change.addTags || change.removeTags) stampPick(next, 'tags', at);
  next.name = next.nameOverride || next.siteScore.name || c.name || c.site;
  return next;
}
