// Client timestamps at the sync boundary: ISO 8601 only, read as instants, clamped to now.
import { describe, expect, it } from 'vitest';
import { TimestampError, checkSentTimestamps, clampTimestamps, clampedInstant, isoInstant } from '../../crawler/sync-timestamps.ts';
import { candidate } from './commands/helpers.ts';

const NOW = '2026-06-01T12:00:00.000Z';
const nowMs = Date.parse(NOW);

describe('client timestamps', () => {
  it('reads ISO 8601 dates and date-times with a zone as instants', () => {
    expect(isoInstant('2026-05-01')).toBe(Date.UTC(2026, 4, 1));
    expect(isoInstant('2026-05-01T10:00:00Z')).toBe(Date.UTC(2026, 4, 1, 10));
    expect(isoInstant('2026-05-01T12:00:00+02:00')).toBe(Date.UTC(2026, 4, 1, 10));
    expect(isoInstant('2026-05-01T12:00+0200')).toBe(Date.UTC(2026, 4, 1, 10));
    expect(isoInstant('2026-05-01T10:00:00.123456Z')).toBe(Date.UTC(2026, 4, 1, 10, 0, 0, 123));
    for (const bad of ['Sat Jan 01 2000', '2025-02-30', '2025-13-01', '2026-05-01T10:00:00', '2026-05-01 10:00Z', '26-05-01', '2026-05-01T24:00Z', '+002026-05-01', '']) {
      expect(isoInstant(bad), bad).toBeUndefined();
    }
  });

  it('clamps the future to now and writes one canonical form (so text order is time order)', () => {
    expect(clampedInstant('2099-01-01', 'x', nowMs)).toBe(NOW);
    expect(clampedInstant('2026-05-01T12:00:00+02:00', 'x', nowMs)).toBe('2026-05-01T10:00:00.000Z');
    expect(() => clampedInstant('Sat Jan 01 2000', 'candidate 1 curatedAt', nowMs)).toThrow(TimestampError);
    expect(() => clampedInstant(42, 'x', nowMs)).toThrow(/ISO 8601/);
  });

  it('checks the sent file before parsing and clamps the parsed candidates', () => {
    const c = { ...candidate('https://a.example/', 'Mentoring'), curatedAt: '2099-01-01', lastScoredAt: '2026-05-01T12:00:00+02:00' };
    c.siteScore = { ...c.siteScore, lastPostAt: '2100-01-01' };
    expect(() => checkSentTimestamps({ candidates: [c] })).not.toThrow();
    expect(() => checkSentTimestamps({ candidates: [{ ...c, curatedAt: 'Sat Jan 01 2000' }] })).toThrow(/candidate 1 curatedAt/);
    expect(() => checkSentTimestamps([{ siteScore: { lastPostAt: 'soon' } }])).toThrow(/lastPostAt/);
    expect(() => checkSentTimestamps('junk')).not.toThrow(); // not an export: parseCandidates says so
    const [out] = clampTimestamps([c], NOW);
    expect(out.curatedAt).toBe(NOW);
    expect(out.lastScoredAt).toBe('2026-05-01T10:00:00.000Z');
    expect(out.siteScore.lastPostAt).toBe('2026-06-01');
    expect(out.firstSeenAt).toBe(new Date(c.firstSeenAt).toISOString());
  });

  it('checks and clamps the time of every pick (a future one would win every later edit of it)', () => {
    const c = { ...candidate('https://a.example/', 'Mentoring'), blurb: 'x', curatedAt: '2026-05-01T00:00:00Z', pickedAt: { blurb: '2099-01-01T00:00:00Z', decision: '2026-05-01T12:00:00+02:00' } };
    expect(() => checkSentTimestamps({ candidates: [c] })).not.toThrow();
    expect(() => checkSentTimestamps({ candidates: [{ ...c, pickedAt: { best: 'tomorrow' } }] })).toThrow(/candidate 1 pickedAt\.best/);
    const [out] = clampTimestamps([c], NOW);
    expect(out.pickedAt).toEqual({ blurb: NOW, decision: '2026-05-01T10:00:00.000Z' });
  });
});
