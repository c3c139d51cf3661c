// Curation from the dashboard: the undo stack, and the Curator against the real store (fake-indexeddb).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Curator, UndoStack, savedText, typedPatch, type CurationEvents } from '../../../extension/lib/dashboard/curation.ts';
import { closeMentorDb, deleteCandidate, getCandidate, putCandidate, restoreCandidate, updateCuration } from '../../../extension/lib/db.ts';
import { candidateOf, freshIndexedDb } from '../fixtures.ts';

describe('undo', () => {
  it('UndoStack is LIFO and bounded', () => {
    const u = new UndoStack<number>(2);
    u.push(1);
    u.push(2);
    u.push(3);
    expect(u.size).toBe(2);
    expect(u.peek()).toBe(3);
    expect(u.pop()).toBe(3);
    expect(u.pop()).toBe(2);
    expect(u.pop()).toBeUndefined();
  });
});

describe('savedText', () => {
  it('says what was saved, for whom', () => {
    const c = { ...candidateOf('a.example', 60), decision: 'include' as const };
    expect(savedText(c, { decision: 'include' })).toBe('a.example blog: Include.');
    expect(savedText(c, { tags: ['x'] })).toBe('Saved the tags and note for a.example blog.');
    expect(savedText(c, { decision: 'include', notes: 'n' })).toBe('Saved the decision (Include), tags and note for a.example blog.');
    expect(savedText(c, { blurb: 'b' })).toBe('Saved the blurb for a.example blog.');
    const renamed = { ...c, nameOverride: 'Second Chair', name: 'Second Chair' };
    expect(savedText(renamed, { decision: 'include', tags: [], notes: '', name: 'Second Chair' })).toBe('Saved the decision (Include), tags, note and name for Second Chair.');
  });

  it('typedPatch turns the typed fields into a store patch, only those given', () => {
    expect(typedPatch({ blurb: ' B ' })).toEqual({ blurb: ' B ' });
    expect(typedPatch({ decision: 'maybe', tags: ' a, b ,, ', name: '' })).toEqual({ tags: ['a', 'b'], name: '' });
  });
});

describe('Curator', () => {
  let log: string[];
  let undoLabel: string | undefined;
  let curator: Curator;
  const events = (): CurationEvents => ({
    changed: (c) => log.push(`changed ${c.site} ${c.decision}`),
    removed: (s) => log.push(`removed ${s}`),
    say: (t) => log.push(`say ${t}`),
    saved: (c, patch) => log.push(`saved ${c.site} ${Object.keys(patch).join('+')}`),
    fail: (e) => log.push(`fail ${(e as Error).message}`),
    undoLabel: (l) => (undoLabel = l),
    notify: (s) => log.push(`notify ${s.join(',')}`),
  });

  beforeEach(async () => {
    await freshIndexedDb();
    log = [];
    undoLabel = undefined;
    curator = new Curator({ updateCuration, deleteCandidate, restoreCandidate }, events());
    await putCandidate(candidateOf('a.example', 60, { notes: 'mine' }));
  });
  afterEach(() => closeMentorDb());

  it('writes a decision or tags and notes, says what was saved, and tells the background', async () => {
    expect(await curator.curate('a.example', { decision: 'include' })).toBe(true);
    expect(log).toEqual(['changed a.example include', 'notify a.example', 'saved a.example decision']);
    expect(await curator.curate('a.example', { tags: ['x'], notes: 'new' })).toBe(true);
    expect(log.at(-1)).toBe('saved a.example tags+notes');
    expect(await getCandidate('a.example')).toMatchObject({ decision: 'include', tags: ['x'], notes: 'new' });
  });

  it('reports a failed write (unknown site) and returns false', async () => {
    expect(await curator.curate('nope.example', { decision: 'include' })).toBe(false);
    expect(log).toEqual(['fail no candidate "nope.example"']);
  });

  it('deletes with undo: the candidate and its label come back, in order', async () => {
    await putCandidate(candidateOf('b.example', 50));
    await curator.remove('a.example');
    await curator.remove('b.example');
    expect(undoLabel).toBe('Undo delete of b.example blog');
    expect(log).toContain('say Deleted b.example blog and its pages.');
    expect(await getCandidate('a.example')).toBeUndefined();
    const back = await curator.undoDelete();
    expect(back?.site).toBe('b.example');
    expect(log).toContain('say Restored b.example blog.');
    expect(undoLabel).toMatch(/^Undo delete of /);
    await curator.undoDelete();
    expect(undoLabel).toBeUndefined();
    expect((await getCandidate('a.example'))?.notes).toBe('mine');
    expect(await curator.undoDelete()).toBeUndefined();
  });
});
