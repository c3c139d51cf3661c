// Times the curator's edits carry (curatedAt, pickedAt) are compared as instants, and only when
// they are ISO 8601: "Sat Jan 01 2000" must never beat "2026-…" because "S" > "2" as a string.

// YYYY-MM-DD, optionally THH:MM[:SS[.fraction]] and an offset (Z, ±HH:MM, ±HHMM); T may be a space.
const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?([Zz]|[+-]\d{2}:?\d{2})?)?$/;

/** Milliseconds since the epoch of an ISO 8601 date or date-time, or undefined for anything else. A time without an offset is UTC. */
export function isoInstant(s: unknown): number | undefined {
  if (typeof s !== 'string' || s.length > 40) return undefined;
  const m = ISO_RE.exec(s);
  if (!m) return undefined;
  const [y, mo, d, h, mi, se] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(Number);
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 59) return undefined;
  let t = Date.UTC(y, mo - 1, d, h, mi, se, Number(`0.${m[7] ?? '0'}`) * 1000);
  // Date.UTC rolls 2026-02-30 over into March: such a date is not a date.
  if (new Date(t).getUTCDate() !== d) return undefined;
  const off = m[8];
  if (off && off !== 'Z' && off !== 'z') {
    const sign = off[0] === '-' ? -1 : 1;
    const hh = Number(off.slice(1, 3));
    const mm = Number(off.slice(-2));
    if (hh > 23 || mm > 59) return undefined;
    t -= sign * (hh * 60 + mm) * 60_000;
  }
  return Number.isFinite(t) ? t : undefined;
}

/** The ISO string itself when it is one, else undefined. */
export function isoOrUndefined(s: unknown): string | undefined {
  return isoInstant(s) === undefined ? undefined : (s as string);
}

/**
 * Order of two optional ISO times: later instant first; equal instants (or two non-ISO values)
 * by the strings themselves, so the order is total and the same whichever side comes first.
 * Returns > 0 when `a` is later.
 */
export function compareTimes(a: string | undefined, b: string | undefined): number {
  const ta = isoInstant(a);
  const tb = isoInstant(b);
  if (ta !== undefined && tb !== undefined && ta !== tb) return ta - tb;
  if (ta !== undefined && tb === undefined) return 1;
  if (ta === undefined && tb !== undefined) return -1;
  return compareStrings(a ?? '', b ?? '');
}

/** Code-unit order, the same in every engine and locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The UTC day (YYYY-MM-DD) of an ISO 8601 date or date-time, or undefined for anything else. */
export function isoDay(s: unknown): string | undefined {
  const t = isoInstant(s);
  return t === undefined ? undefined : new Date(t).toISOString().slice(0, 10);
}
