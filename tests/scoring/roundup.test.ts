import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PickError } from '../../scoring/candidate.ts';
import { applyRoundupChange, bestThree, roundupOrder, roundupPlace, roundupPlaces, setBestPlace, setRoundupRank } from '../../scoring/roundup.ts';
import type { Candidate } from '../../scoring/types.ts';
import { candidate } from './fixtures-candidates.ts';

const AT = '2026-06-01T00:00:00Z';
const sites = (list: Candidate[]) => list.map((c) => c.site);

function roundup(): Candidate[] {
  return [
    candidate('https://a.example', 90, { decision: 'include' }),
    candidate('https://b.example', 80, { decision: 'include' }),
    candidate('https://c.example', 70, { decision: 'shortlist' }),
    candidate('https://d.example', 60, { decision: 'include' }),
    candidate('https://e.example', 99, { decision: 'undecided' }),
    candidate('https://f.example', 95, { decision: 'exclude', roundupRank: 1 }),
  ];
}

describe('roundupOrder', () => {
  it('is the included sites (and the shortlisted when asked), ranked ones first, then by score', () => {
    const list = roundup();
    expect(sites(roundupOrder(list))).toEqual(['a.example', 'b.example', 'd.example']);
    expect(sites(roundupOrder(list, { withShortlist: true }))).toEqual(['a.example', 'b.example', 'c.example', 'd.example']);
    list[3] = { ...list[3], roundupRank: 1 };
    expect(sites(roundupOrder(list))).toEqual(['d.example', 'a.example', 'b.example']);
  });
});

describe('setRoundupRank', () => {
  it('moves a site to rank N and shifts the others; ranks stay 1..n', () => {
    let list = setRoundupRank(roundup(), 'd.example', 1, AT).candidates;
    expect(sites(roundupOrder(list))).toEqual(['d.example', 'a.example', 'b.example']);
    const edit = setRoundupRank(list, 'b.example', 1, AT);
    list = edit.candidates;
    expect(sites(roundupOrder(list))).toEqual(['b.example', 'd.example', 'a.example']);
    expect(roundupOrder(list).map((c) => c.roundupRank)).toEqual([1, 2, undefined]);
    expect(sites(edit.changed).sort()).toEqual(['b.example', 'd.example']);
    expect(edit.changed.every((c) => c.pickedAt?.roundupRank === AT && c.curatedAt === AT)).toBe(true);
  });

  it('moving below the ranked sites pins the sites shown above it, so it lands exactly there', () => {
    const list = setRoundupRank(roundup(), 'a.example', 3, AT, { withShortlist: true }).candidates;
    expect(sites(roundupOrder(list, { withShortlist: true }))).toEqual(['b.example', 'c.example', 'a.example', 'd.example']);
    expect(roundupOrder(list, { withShortlist: true }).map((c) => c.roundupRank)).toEqual([1, 2, 3, undefined]);
  });

  it('taking a rank away closes the gap; a rank past the end goes last; bad input changes nothing', () => {
    let list = setRoundupRank(roundup(), 'd.example', 1, AT).candidates;
    list = setRoundupRank(list, 'b.example', 2, AT).candidates;
    list = setRoundupRank(list, 'd.example', 0, AT).candidates;
    expect(roundupOrder(list).map((c) => [c.site, c.roundupRank])).toEqual([['b.example', 1], ['a.example', undefined], ['d.example', undefined]]);
    expect(roundupOrder(setRoundupRank(roundup(), 'a.example', 99, AT).candidates).map((c) => c.site)).toEqual(['b.example', 'd.example', 'a.example']);
    expect(() => setRoundupRank(roundup(), 'a.example', -1, AT)).toThrow(PickError);
    expect(() => setRoundupRank(roundup(), 'a.example', 1.5, AT)).toThrow(/whole number/);
    expect(() => setRoundupRank(roundup(), 'zzz.example', 1, AT)).toThrow(/unknown site/);
  });

  it('any sequence of moves keeps the ranks of the roundup 1..k, unique, with the last moved site where it was put', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('a.example', 'b.example', 'd.example'), fc.integer({ min: 0, max: 5 })), { minLength: 1, maxLength: 12 }), (moves) => {
        let list = roundup();
        for (const [site, rank] of moves) list = setRoundupRank(list, site, rank, AT).candidates;
        const ranks = roundupOrder(list).map((c) => c.roundupRank).filter((r) => r !== undefined);
        expect(ranks).toEqual(ranks.map((_, i) => i + 1));
        const [site, rank] = moves[moves.length - 1];
        const at = sites(roundupOrder(list)).indexOf(site) + 1;
        if (rank > 0) expect(at).toBe(Math.min(rank, 3));
      }),
      { numRuns: 300 },
    );
  });
});

describe('setBestPlace and bestThree', () => {
  it('gives a place and takes it from its previous holder; 0 clears', () => {
    let edit = setBestPlace(roundup(), 'd.example', 1, AT);
    expect(edit.changed.map((c) => [c.site, c.best])).toEqual([['d.example', 1]]);
    edit = setBestPlace(edit.candidates, 'b.example', 1, AT);
    expect(edit.changed.map((c) => [c.site, c.best]).sort()).toEqual([['b.example', 1], ['d.example', undefined]]);
    expect(edit.candidates.filter((c) => c.best === 1).map((c) => c.site)).toEqual(['b.example']);
    expect(setBestPlace(edit.candidates, 'b.example', 0, AT).candidates.some((c) => c.best !== undefined)).toBe(false);
    expect(() => setBestPlace(roundup(), 'a.example', 4 as never, AT)).toThrow(/1, 2 or 3/);
  });

  it('the best three are the curator’s places in order, else the top three of the list', () => {
    let list = roundup();
    expect(sites(bestThree(roundupOrder(list)))).toEqual(['a.example', 'b.example', 'd.example']);
    list = setBestPlace(list, 'd.example', 1, AT).candidates;
    list = setBestPlace(list, 'a.example', 2, AT).candidates;
    expect(sites(bestThree(roundupOrder(list)))).toEqual(['d.example', 'a.example']);
  });
});

describe('applyRoundupChange', () => {
  it('applies picks, rank and best place in one edit and returns every changed record', () => {
    const edit = applyRoundupChange(roundup(), 'https://www.c.example/some/page', { decision: 'include', blurb: 'Great', rank: 1, best: 3, name: 'C Site' }, AT);
    const c = edit.candidates.find((x) => x.site === 'c.example') as Candidate;
    expect([c.decision, c.blurb, c.roundupRank, c.best, c.name]).toEqual(['include', 'Great', 1, 3, 'C Site']);
    expect(sites(roundupOrder(edit.candidates))[0]).toBe('c.example');
    expect(sites(edit.changed)).toEqual(['c.example']);
  });

  it('changes nothing when any part is bad', () => {
    const list = roundup();
    expect(() => applyRoundupChange(list, 'a.example', { blurb: 'ok', best: 5 as never }, AT)).toThrow(PickError);
    expect(list).toEqual(roundup());
  });
});

describe('roundupPlaces and roundupPlace (what the badge says)', () => {
  it('gives each site its position, and a place when it is among the best three: the implied top three, else only the marked ones', () => {
    const list = roundup();
    expect(roundupPlaces(list).map((p) => [p.c.site, p.position, p.place])).toEqual([
      ['a.example', 1, 1],
      ['b.example', 2, 2],
      ['d.example', 3, 3],
    ]);
    const marked = setBestPlace(list, 'd.example', 1, AT).candidates;
    expect(roundupPlaces(marked).map((p) => [p.c.site, p.place])).toEqual([
      ['a.example', undefined],
      ['b.example', undefined],
      ['d.example', 1],
    ]);
    expect(roundupPlace(marked, 'd.example')).toEqual({ position: 3, place: 1 });
    expect(roundupPlace(marked, 'a.example')).toEqual({ position: 1 });
    expect(roundupPlace(marked, 'c.example')).toEqual({});
    expect(roundupPlace(marked, 'c.example', { withShortlist: true })).toEqual({ position: 3 });
    expect(roundupPlace(marked, 'e.example')).toEqual({});
  });
});
