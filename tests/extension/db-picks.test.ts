// The curator's roundup picks in IndexedDB: the dashboard's edits go through scoring's rules
// (applyPicks, applyRoundupChange) in one transaction, each pick dated, nothing re-dated by a save
// that changes nothing, and every pick survives a reopen, an import of an older copy and a merge.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DbError, closeMentorDb, editRoundup, getCandidate, importCandidates, listCandidates, putCandidate, updateCuration } from '../../extension/lib/db.ts';
import { candidateName, parseCandidates, candidatesToJson } from '../../scoring/index.ts';
import { candidateOf, freshIndexedDb } from './fixtures.ts';

beforeEach(() => freshIndexedDb('mentor-radar-picks-test'));
afterEach(() => closeMentorDb());

const T1 = '2026-10-01T00:00:00.000Z';
const T2 = '2026-10-02T00:00:00.000Z';
const T3 = '2026-10-03T00:00:00.000Z';

describe('picks in IndexedDB', () => {
  it('updateCuration renames and writes the blurb, dated per pick; a save of the same values re-dates nothing', async () => {
    await putCandidate(candidateOf('chair.example', 60));
    const c = await updateCuration('chair.example', { name: '  Second Chair ', blurb: ' A blurb | with (parens).\n', decision: 'include' }, T1);
    expect(c).toMatchObject({ nameOverride: 'Second Chair', name: 'Second Chair', blurb: 'A blurb | with (parens).', decision: 'include', curatedAt: T1 });
    expect(c.pickedAt).toMatchObject({ nameOverride: T1, blurb: T1, decision: T1 });
    // The same values again, and the tags typed in another order: only the tags are an edit.
    await updateCuration('chair.example', { tags: ['b', 'a'] }, T1);
    const again = await updateCuration('chair.example', { name: 'Second Chair', blurb: 'A blurb | with (parens).', decision: 'include', tags: ['a', 'b'] }, T2);
    expect(again.pickedAt).toMatchObject({ nameOverride: T1, blurb: T1, decision: T1, tags: T2 });
    expect(again.tags).toEqual(['a', 'b']);
    // Cleared: the computed name comes back.
    const cleared = await updateCuration('chair.example', { name: '' }, T3);
    expect(cleared.nameOverride).toBeUndefined();
    expect(candidateName(cleared)).toBe('chair.example blog');
    // What the rule refuses changes nothing.
    await expect(updateCuration('chair.example', { blurb: 'x'.repeat(2001) }, T3)).rejects.toBeInstanceOf(DbError);
    expect(await getCandidate('chair.example')).toEqual(cleared);
  });

  it('editRoundup moves ranks and best places of the other sites in the same transaction', async () => {
    for (const [site, score] of [
      ['a.example', 80],
      ['b.example', 70],
      ['c.example', 60],
      ['d.example', 50],
    ] as const) {
      await putCandidate(candidateOf(site, score, { decision: site === 'd.example' ? 'shortlist' : 'include' }));
    }
    await editRoundup('a.example', { best: 1 }, {}, T1);
    // C to the top (the others follow by score, unranked), and best place 1: A loses it.
    const r = await editRoundup('c.example', { rank: 1, best: 1 }, {}, T2);
    expect(r.changed.map((c) => c.site).sort()).toEqual(['a.example', 'c.example']);
    const stored = new Map((await listCandidates()).map((c) => [c.site, c]));
    expect(stored.get('c.example')).toMatchObject({ roundupRank: 1, best: 1 });
    expect(stored.get('a.example')?.best).toBeUndefined();
    expect(stored.get('a.example')?.roundupRank).toBeUndefined();
    expect(stored.get('b.example')?.roundupRank).toBeUndefined();
    // With the shortlist, the shortlisted D can be moved within the roundup; moving B below A pins A.
    await editRoundup('d.example', { rank: 2 }, { withShortlist: true }, T3);
    await editRoundup('b.example', { rank: 4 }, { withShortlist: true }, T3);
    const after = new Map((await listCandidates()).map((c) => [c.site, c.roundupRank]));
    expect(Object.fromEntries(after)).toEqual({ 'a.example': 3, 'b.example': 4, 'c.example': 1, 'd.example': 2 });
    await expect(editRoundup('a.example', { best: 7 as never }, {}, T3)).rejects.toBeInstanceOf(DbError);
    await expect(editRoundup('nobody.example', { rank: 1 }, {}, T3)).rejects.toThrow(/unknown site/);
  });

  it('an import of an older copy keeps the picks; a JSON export carries them into another profile', async () => {
    await putCandidate(candidateOf('chair.example', 60));
    await updateCuration('chair.example', { name: 'Second Chair', blurb: 'Ours.' }, T2);
    await editRoundup('chair.example', { decision: 'include', rank: 1, best: 2 }, {}, T2);
    const before = await getCandidate('chair.example');
    await importCandidates([{ ...candidateOf('chair.example', 60), blurb: 'Older.', curatedAt: T1, pickedAt: { blurb: T1 } }]);
    expect(await getCandidate('chair.example')).toMatchObject({ nameOverride: 'Second Chair', blurb: 'Ours.', roundupRank: 1, best: 2 });

    const json = candidatesToJson(await listCandidates(), T3);
    await freshIndexedDb('mentor-radar-picks-other');
    await putCandidate(candidateOf('chair.example', 60));
    await importCandidates(parseCandidates(json, T3));
    const got = await getCandidate('chair.example');
    expect(got).toMatchObject({ name: 'Second Chair', nameOverride: 'Second Chair', blurb: 'Ours.', decision: 'include', roundupRank: 1, best: 2 });
    expect(got?.pickedAt).toEqual(before?.pickedAt);
  });
});
