import { describe, expect, it } from 'vitest';
import { compareTimes, isoInstant } from '../../scoring/time.ts';

describe('isoInstant', () => {
  it.each([
    ['2026-03-01', Date.UTC(2026, 2, 1)],
    ['2026-03-01T10:20:30Z', Date.UTC(2026, 2, 1, 10, 20, 30)],
    ['2026-03-01T10:20:30.123Z', Date.UTC(2026, 2, 1, 10, 20, 30, 123)],
    ['2026-03-01T10:20:30.123456789Z', Date.UTC(2026, 2, 1, 10, 20, 30, 123.456789)],
    ['2026-03-01T10:20', Date.UTC(2026, 2, 1, 10, 20)], // no offset: UTC, never the machine's zone
    ['2026-03-01T12:20:30+02:00', Date.UTC(2026, 2, 1, 10, 20, 30)],
    ['2026-03-01T05:20:30-0500', Date.UTC(2026, 2, 1, 10, 20, 30)],
    ['2026-03-01 10:20:30z', Date.UTC(2026, 2, 1, 10, 20, 30)],
  ])('%s', (s, t) => {
    expect(isoInstant(s)).toBe(t);
  });

  it.each(['Sat Jan 01 2000', '01/02/2026', '2026-02-30', '2026-13-01', '2026-01-01T25:00Z', '2026-01-01T10:00+25:00', '', ' 2026-01-01', 'x'.repeat(100), 12, null, undefined])(
    'refuses %j',
    (s) => {
      expect(isoInstant(s)).toBeUndefined();
    },
  );

  it('orders as instants, not strings', () => {
    expect(compareTimes('Sat Jan 01 2000', '2026-01-01T00:00:00Z')).toBeLessThan(0); // not ISO: loses to any ISO time
    expect(compareTimes('2026-01-01T10:00:00+02:00', '2026-01-01T09:00:00Z')).toBeLessThan(0); // 08:00Z < 09:00Z
    expect(compareTimes('2026-01-01T08:00:00Z', '2026-01-01T10:00:00+02:00')).not.toBe(0); // same instant: a fixed order by string
    expect(Math.sign(compareTimes('2026-01-01T08:00:00Z', '2026-01-01T10:00:00+02:00'))).toBe(-Math.sign(compareTimes('2026-01-01T10:00:00+02:00', '2026-01-01T08:00:00Z')));
  });
});
