// The Candidate and the one merge rule: the same site from a crawl, a bookmark or an import
// becomes one candidate, and nothing the curator wrote is lost.
import type { Candidate, Decision, HistoryEntry, SiteScore, Source } from './types.ts';
import { DECISIONS, SOURCES } from './types.ts';
import { siteKey } from './url.ts';

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

/** Sort order of SOURCES, so merged lists compare equal whatever the merge order. */
function unionSources(a: Source[], b: Source[]): Source[] {
  const set = new Set([...a, ...b]);
  return SOURCES.filter((s) => set.has(s));
}

function unionTags(a: string[], b: string[]): string[] {
  const seen = new Map<string, string>();
  for (const t of [...a, ...b]) {
    const tag = t.trim();
    if (tag && !seen.has(tag.toLowerCase())) seen.set(tag.toLowerCase(), tag);
  }
  return [...seen.values()];
}

/** Both notes are kept when they differ: a merge never drops what the curator wrote. */
function mergeNotes(a: string, b: string): string {
  const x = a.trim();
  const y = b.trim();
  if (!x) return y;
  if (!y || x === y || x.includes(y)) return x;
  if (y.includes(x)) return y;
  return `${x}\n---\n${y}`;
}

function mergeHistory(a: HistoryEntry[], b: HistoryEntry[], preferB: boolean): HistoryEntry[] {
  const byYear = new Map<number, HistoryEntry>();
  for (const h of preferB ? [...a, ...b] : [...b, ...a]) byYear.set(h.year, { year: h.year, score: h.score });
  return [...byYear.values()].sort((p, q) => p.year - q.year);
}

/** The site score built from more pages wins; on a tie, the newer one. */
function preferSecondScore(a: Candidate, b: Candidate): boolean {
  if (b.siteScore.pagesScored !== a.siteScore.pagesScored) {
    return b.siteScore.pagesScored > a.siteScore.pagesScored;
  }
  return b.lastScoredAt > a.lastScoredAt;
}

/**
 * The decision the curator made last wins; without timestamps a made decision beats
 * 'undecided', and on a true tie the first (local) candidate's decision stays.
 */
function mergeDecision(a: Candidate, b: Candidate): { decision: Decision; curatedAt?: string } {
  if (a.curatedAt && b.curatedAt) {
    return b.curatedAt > a.curatedAt
      ? { decision: b.decision, curatedAt: b.curatedAt }
      : { decision: a.decision, curatedAt: a.curatedAt };
  }
  if (a.decision === 'undecided' && b.decision !== 'undecided') {
    return { decision: b.decision, curatedAt: b.curatedAt ?? a.curatedAt };
  }
  return { decision: a.decision, curatedAt: a.curatedAt ?? b.curatedAt };
}

/** Merge two records of the same site. `a` is the local one, `b` the incoming one. */
export function mergeCandidates(a: Candidate, b: Candidate): Candidate {
  if (siteKey(a.site) !== siteKey(b.site)) {
    throw new Error(`cannot merge different sites: ${a.site} and ${b.site}`);
  }
  const takeB = preferSecondScore(a, b);
  const scored = takeB ? b : a;
  const { decision, curatedAt } = mergeDecision(a, b);
  const merged: Candidate = {
    site: siteKey(a.site),
    name: scored.name || a.name || b.name,
    siteScore: scored.siteScore,
    sources: unionSources(a.sources, b.sources),
    decision,
    tags: unionTags(a.tags, b.tags),
    notes: mergeNotes(a.notes, b.notes),
    firstSeenAt: a.firstSeenAt < b.firstSeenAt ? a.firstSeenAt : b.firstSeenAt,
    lastScoredAt: a.lastScoredAt > b.lastScoredAt ? a.lastScoredAt : b.lastScoredAt,
    history: mergeHistory(a.history, b.history, takeB),
  };
  if (curatedAt) merged.curatedAt = curatedAt;
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

/** Ranked best first: site score, then more mentoring pages, then site key (stable, deterministic). */
export function rankCandidates(candidates: Candidate[]): Candidate[] {
  return [...candidates].sort(
    (a, b) =>
      b.siteScore.score - a.siteScore.score ||
      b.siteScore.mentoringPages - a.siteScore.mentoringPages ||
      (a.site < b.site ? -1 : a.site > b.site ? 1 : 0),
  );
}

export function isDecision(value: unknown): value is Decision {
  return typeof value === 'string' && (DECISIONS as readonly string[]).includes(value);
}

export function isSource(value: unknown): value is Source {
  return typeof value === 'string' && (SOURCES as readonly string[]).includes(value);
}
