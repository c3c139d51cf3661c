// The roundup as a list: which sites are in it, in what order, and the best three. The CLI
// (`decide --rank/--best`) and the dashboard (drag, keyboard, best buttons) apply the same edits
// through these pure helpers, which return the new list and the records they changed.
import type { BestPlace, Candidate } from './types.ts';
import { PickError, applyPicks, isBestPlace, rankCandidates, stampPick, type PicksChange } from './candidate.ts';
import { siteKey } from './url.ts';
import { isoInstant } from './time.ts';
import { PICK_LIMITS } from './candidate.ts';

export interface RoundupOptions {
  /** Also the shortlisted sites (marked as such wherever they are shown). */
  withShortlist?: boolean;
}

/** Whether a site is in the roundup: included, or shortlisted when asked for. */
export function inRoundup(c: Candidate, opts: RoundupOptions = {}): boolean {
  return c.decision === 'include' || (opts.withShortlist === true && c.decision === 'shortlist');
}

/**
 * The roundup in the curator's order: the sites in it, those with a rank first (1, 2, …), then
 * the rest by score (rankCandidates). Ties in rank fall back to the score order.
 */
export function roundupOrder(candidates: Candidate[], opts: RoundupOptions = {}): Candidate[] {
  const members = rankCandidates(candidates.filter((c) => inRoundup(c, opts)));
  const byScore = new Map(members.map((c, i) => [c, i]));
  return members.sort((a, b) => rankOf(a) - rankOf(b) || (byScore.get(a) as number) - (byScore.get(b) as number));
}

function rankOf(c: Candidate): number {
  return typeof c.roundupRank === 'number' && c.roundupRank >= 1 ? c.roundupRank : Infinity;
}

/**
 * The best three in the curator's order (places 1, 2, 3) among the ordered roundup; when the
 * curator has marked none, the first three of the roundup.
 */
export function bestThree(ordered: Candidate[]): Candidate[] {
  const marked = ordered.filter((c) => isBestPlace(c.best)).sort((a, b) => (a.best as number) - (b.best as number));
  return marked.length > 0 ? marked.slice(0, 3) : ordered.slice(0, 3);
}

/** A site of the roundup with where it stands, as the Markdown draft prints it. */
export interface PlacedCandidate {
  c: Candidate;
  /** 1-based position in the roundup's list. */
  position: number;
  /** Its place among the best three (the curator's, or the list's top three when none is marked). */
  place?: BestPlace;
}

/** The roundup in the curator's order, each site with its position and its place among the best three. */
export function roundupPlaces(candidates: Candidate[], opts: RoundupOptions = {}): PlacedCandidate[] {
  const ordered = roundupOrder(candidates, opts);
  const best = bestThree(ordered);
  return ordered.map((c, i) => {
    const b = best.indexOf(c);
    const place = b < 0 ? undefined : (c.best ?? b + 1);
    return place === 1 || place === 2 || place === 3 ? { c, position: i + 1, place } : { c, position: i + 1 };
  });
}

/** Where a site stands in the roundup: what its badge says. */
export interface RoundupPlace {
  /** 1-based position in the roundup's list; undefined when the site is not in the roundup. */
  position?: number;
  place?: BestPlace;
}

/** The position and best place of `site` (a site key) in the roundup of `candidates`. */
export function roundupPlace(candidates: Candidate[], site: string, opts: RoundupOptions = {}): RoundupPlace {
  const found = roundupPlaces(candidates, opts).find((p) => p.c.site === site);
  if (!found) return {};
  return found.place ? { position: found.position, place: found.place } : { position: found.position };
}

export interface ListEdit {
  /** The whole list with the edit applied (same order as given). */
  candidates: Candidate[];
  /** The records that changed: what a store has to write. */
  changed: Candidate[];
}

function indexOfSite(candidates: Candidate[], site: string): number {
  let key: string;
  try {
    key = siteKey(site);
  } catch {
    throw new PickError(`not a site: ${JSON.stringify(site.slice(0, 100))}`);
  }
  const i = candidates.findIndex((c) => c.site === key);
  if (i < 0) throw new PickError(`unknown site: ${key}`);
  return i;
}

function checkAt(at: string): void {
  if (isoInstant(at) === undefined) throw new PickError(`not an ISO 8601 time: ${JSON.stringify(String(at).slice(0, 40))}`);
}

/** Replace the records of `updates` (by site) in `candidates`. */
function withUpdates(candidates: Candidate[], updates: Map<string, Candidate>): ListEdit {
  return { candidates: candidates.map((c) => updates.get(c.site) ?? c), changed: [...updates.values()] };
}

/**
 * Give `site` the best place `place` (1–3), or clear its place (`undefined` or 0). The site that
 * held that place loses it: the best three stay unique.
 */
export function setBestPlace(candidates: Candidate[], site: string, place: BestPlace | 0 | undefined, at: string): ListEdit {
  checkAt(at);
  if (place !== undefined && place !== 0 && !isBestPlace(place)) throw new PickError(`a best place is 1, 2 or 3 (0 clears), got ${JSON.stringify(place)}`);
  const target = candidates[indexOfSite(candidates, site)];
  const updates = new Map<string, Candidate>();
  const set = (c: Candidate, best: BestPlace | undefined) => {
    if (c.best === best) return;
    const next: Candidate = { ...c };
    if (best === undefined) delete next.best;
    else next.best = best;
    stampPick(next, 'best', at);
    updates.set(c.site, next);
  };
  if (place) for (const c of candidates) if (c !== target && c.best === place) set(c, undefined);
  set(target, place || undefined);
  return withUpdates(candidates, updates);
}

/**
 * Move `site` to rank `rank` of the roundup (1 = first), or take its rank away (`undefined`/0).
 * The others shift: ranks stay 1..n without gaps or ties. Moving below the ranked sites pins the
 * sites shown above it (in score order today) at their places, so the site lands exactly where
 * the curator put it. `opts` says which sites make up the roundup (the target always counts).
 */
export function setRoundupRank(candidates: Candidate[], site: string, rank: number | undefined, at: string, opts: RoundupOptions = {}): ListEdit {
  checkAt(at);
  if (rank !== undefined && rank !== 0 && !(Number.isInteger(rank) && rank >= 1 && rank <= PICK_LIMITS.rank)) {
    throw new PickError(`a rank is a whole number from 1 to ${PICK_LIMITS.rank} (0 clears), got ${JSON.stringify(rank)}`);
  }
  const target = candidates[indexOfSite(candidates, site)];
  const order = roundupOrder(candidates, opts).filter((c) => c !== target);
  const ranked = order.filter((c) => rankOf(c) !== Infinity);
  const unranked = order.filter((c) => rankOf(c) === Infinity);
  if (rank) {
    while (ranked.length < rank - 1 && unranked.length > 0) ranked.push(unranked.shift() as Candidate);
    ranked.splice(Math.min(rank - 1, ranked.length), 0, target);
  }
  const wanted = new Map<Candidate, number | undefined>(ranked.map((c, i) => [c, i + 1]));
  if (!rank) wanted.set(target, undefined);
  const updates = new Map<string, Candidate>();
  for (const [c, r] of wanted) {
    if (c.roundupRank === r) continue;
    const next: Candidate = { ...c };
    if (r === undefined) delete next.roundupRank;
    else next.roundupRank = r;
    stampPick(next, 'roundupRank', at);
    updates.set(c.site, next);
  }
  return withUpdates(candidates, updates);
}

/** Everything `decide` can set at once: the single-candidate picks plus rank and best place. */
export interface RoundupChange extends PicksChange {
  /** 1.. moves the site there; 0 takes its rank away. */
  rank?: number;
  /** 1–3 gives the place; 0 clears it. */
  best?: BestPlace | 0;
}

/**
 * Apply one curator edit to a site within the list: picks on the site, then its rank and best
 * place (moving the others as needed). All checked before anything changes.
 */
export function applyRoundupChange(candidates: Candidate[], site: string, change: RoundupChange, at: string, opts: RoundupOptions = {}): ListEdit {
  const i = indexOfSite(candidates, site);
  const { rank, best, ...picks } = change;
  let list = candidates.slice();
  const changed = new Map<string, Candidate>();
  const merge = (edit: ListEdit) => {
    list = edit.candidates;
    for (const c of edit.changed) changed.set(c.site, c);
  };
  if (Object.keys(picks).length > 0) {
    const next = applyPicks(list[i], picks, at);
    list[i] = next;
    changed.set(next.site, next);
  }
  if (rank !== undefined) merge(setRoundupRank(list, list[i].site, rank, at, opts));
  if (best !== undefined) merge(setBestPlace(list, list[i].site, best, at));
  return { candidates: list, changed: [...changed.values()] };
}
