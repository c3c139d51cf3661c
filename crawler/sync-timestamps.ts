// Timestamps that arrive from a sync client: only ISO 8601 is accepted (a date, or a date and
// time with a zone), each is read as an instant, and none may lie in the server's future. A client
// whose clock (or whose data) says "2099-01-01" would otherwise win every later merge; a string
// like "Sat Jan 01 2000" would compare as text, not as a time.
import type { Candidate } from '../scoring/index.ts';

export class TimestampError extends Error {
  override name = 'TimestampError';
}

const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/;

/** The instant (ms since the epoch) of an ISO 8601 date or date-time with a zone, else undefined. */
export function isoInstant(value: string): number | undefined {
  const m = ISO_8601.exec(value);
  if (!m) return undefined;
  const [y, mo, d, h = '0', mi = '0', s = '0'] = m.slice(1, 7).map((x) => x ?? undefined) as string[];
  const day = new Date(Date.UTC(+y, +mo - 1, +d));
  if (day.getUTCFullYear() !== +y || day.getUTCMonth() !== +mo - 1 || day.getUTCDate() !== +d) return undefined;
  if (+h > 23 || +mi > 59 || +s > 59) return undefined;
  const zone = m[7];
  const ms = Date.parse(zone && !zone.includes(':') && zone !== 'Z' ? value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2') : value);
  return Number.isFinite(ms) ? ms : undefined;
}

/** The value as a canonical UTC ISO string, never later than `nowMs`. Throws TimestampError. */
export function clampedInstant(value: unknown, where: string, nowMs: number): string {
  const ms = typeof value === 'string' ? isoInstant(value) : undefined;
  if (ms === undefined) {
    throw new TimestampError(`${where}: not an ISO 8601 timestamp (like 2026-05-01T12:00:00Z): ${JSON.stringify(String(value).slice(0, 60))}`);
  }
  return new Date(Math.min(ms, nowMs)).toISOString();
}

const TIMESTAMP_FIELDS = ['firstSeenAt', 'lastScoredAt', 'curatedAt'] as const;

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Check every timestamp of a JSON export as sent (before parseCandidates, which would quietly
 * replace a bad one): present fields must be ISO 8601. Throws TimestampError naming the first bad one.
 */
export function checkSentTimestamps(file: unknown): void {
  const list = Array.isArray(file) ? file : isObj(file) ? file.candidates : undefined;
  if (!Array.isArray(list)) return; // not an export at all: parseCandidates says so
  const never = Number.POSITIVE_INFINITY;
  list.forEach((c, i) => {
    if (!isObj(c)) return;
    for (const f of TIMESTAMP_FIELDS) if (c[f] !== undefined && c[f] !== '') clampedInstant(c[f], `candidate ${i + 1} ${f}`, never);
    if (isObj(c.pickedAt)) for (const [f, t] of Object.entries(c.pickedAt)) if (t !== undefined && t !== '') clampedInstant(t, `candidate ${i + 1} pickedAt.${f.slice(0, 40)}`, never);
    const s = c.siteScore;
    if (isObj(s) && s.lastPostAt !== undefined && s.lastPostAt !== '') clampedInstant(s.lastPostAt, `candidate ${i + 1} siteScore.lastPostAt`, never);
    (Array.isArray(c.pages) ? c.pages : []).forEach((p, j) => {
      if (!isObj(p)) return;
      clampedInstant(p.scoredAt, `candidate ${i + 1} page ${j + 1} scoredAt`, never);
      if (p.removedAt !== undefined) clampedInstant(p.removedAt, `candidate ${i + 1} page ${j + 1} removedAt`, never);
      if (p.rescoredAt !== undefined) clampedInstant(p.rescoredAt, `candidate ${i + 1} page ${j + 1} rescoredAt`, never);
    });
    if (isObj(c.activity) && c.activity.updatedAt !== undefined && c.activity.updatedAt !== '') clampedInstant(c.activity.updatedAt, `candidate ${i + 1} activity.updatedAt`, never);
  });
}

/** `at` if it is not later than `nowMs`, else the server's now: a time that is already right keeps its spelling. */
function notLater(at: string, nowMs: number): string {
  const ms = isoInstant(at);
  return ms !== undefined && ms > nowMs ? new Date(nowMs).toISOString() : at;
}

/** The pages' scoredAt/removedAt/rescoredAt and the activity's times, none later than the server's clock. */
function clampPagesAndActivity(c: Candidate, nowMs: number): Pick<Candidate, 'pages' | 'activity'> {
  const out: Pick<Candidate, 'pages' | 'activity'> = {};
  if (c.pages) {
    out.pages = c.pages.map((p) => ({
      ...p,
      scoredAt: notLater(p.scoredAt, nowMs),
      ...(p.removedAt ? { removedAt: notLater(p.removedAt, nowMs) } : {}),
      // A re-score "by a model of 2099" would otherwise beat every later model's re-score of the page.
      ...(p.rescoredAt ? { rescoredAt: notLater(p.rescoredAt, nowMs) } : {}),
    }));
  }
  if (c.activity) {
    const today = new Date(nowMs).toISOString().slice(0, 10);
    out.activity = { ...c.activity, postDates: c.activity.postDates.map((d) => (d > today ? today : d)) };
    if (c.activity.updatedAt) out.activity.updatedAt = notLater(c.activity.updatedAt, nowMs);
  }
  return out;
}

/** The candidates with every timestamp canonical and clamped to the server's clock. */
export function clampTimestamps(candidates: Candidate[], now: string): Candidate[] {
  const nowMs = Date.parse(now);
  return candidates.map((c, i) => {
    const where = `candidate ${i + 1}`;
    const out: Candidate = {
      ...c,
      firstSeenAt: clampedInstant(c.firstSeenAt, `${where} firstSeenAt`, nowMs),
      lastScoredAt: clampedInstant(c.lastScoredAt, `${where} lastScoredAt`, nowMs),
    };
    if (c.curatedAt) out.curatedAt = clampedInstant(c.curatedAt, `${where} curatedAt`, nowMs);
    // Each pick's own time decides its merge (issue 9): a future one would win every later edit.
    if (c.pickedAt) {
      const pickedAt: typeof c.pickedAt = {};
      for (const [field, t] of Object.entries(c.pickedAt) as [keyof typeof c.pickedAt, string][]) pickedAt[field] = clampedInstant(t, `${where} pickedAt.${field}`, nowMs);
      out.pickedAt = pickedAt;
    }
    // A page "scored in 2099" would otherwise beat every later score of the page.
    Object.assign(out, clampPagesAndActivity(c, nowMs));
    const post = c.siteScore.lastPostAt;
    if (post) {
      // A post date is a day (scoring writes YYYY-MM-DD): it stays one.
      const clamped = clampedInstant(post, `${where} siteScore.lastPostAt`, nowMs);
      out.siteScore = { ...c.siteScore, lastPostAt: /^\d{4}-\d{2}-\d{2}$/.test(post) ? clamped.slice(0, 10) : clamped };
    }
    return out;
  });
}
