// Keyboard triage: keys to actions, cursor moves, the cursor following its site.
import { describe, expect, it } from 'vitest';
import { followCursor, inField, keyAction, moveCursor } from '../../../extension/lib/dashboard/keyboard.ts';
import { CandidateIndex, NO_FILTERS } from '../../../extension/lib/dashboard/model.ts';
import { f, sample } from './candidates.ts';

describe('keyboard triage', () => {
  it('maps keys to actions', () => {
    expect(keyAction({ key: 'j' })).toEqual({ type: 'move', delta: 1 });
    expect(keyAction({ key: 'k' })).toEqual({ type: 'move', delta: -1 });
    expect(keyAction({ key: 'i' })).toEqual({ type: 'decide', decision: 'include' });
    expect(keyAction({ key: 'x' })).toEqual({ type: 'decide', decision: 'exclude' });
    expect(keyAction({ key: 's' })).toEqual({ type: 'decide', decision: 'shortlist' });
    expect(keyAction({ key: 'u' })).toEqual({ type: 'decide', decision: 'undecided' });
    expect(keyAction({ key: 'd' })).toEqual({ type: 'delete' });
    expect(keyAction({ key: 'Delete' })).toEqual({ type: 'delete' });
    expect(keyAction({ key: '/' })).toEqual({ type: 'focus-search' });
    expect(keyAction({ key: 'z', ctrlKey: true })).toEqual({ type: 'undo' });
    expect(keyAction({ key: 'c' })).toEqual({ type: 'toggle-compare' });
    expect(keyAction({ key: 'q' })).toBeNull();
  });

  it('ignores shortcuts while typing in a field (except Escape) and with modifiers', () => {
    expect(keyAction({ key: 'x', inField: true })).toBeNull();
    expect(keyAction({ key: '/', inField: true })).toBeNull();
    expect(keyAction({ key: 'Escape', inField: true })).toEqual({ type: 'escape' });
    expect(keyAction({ key: 'i', ctrlKey: true })).toBeNull();
    expect(keyAction({ key: 'j', altKey: true })).toBeNull();
  });

  it('moves the cursor within the list', () => {
    expect(moveCursor(-1, { type: 'move', delta: 1 }, 5)).toBe(0);
    expect(moveCursor(-1, { type: 'move', delta: -1 }, 5)).toBe(4);
    expect(moveCursor(4, { type: 'move', delta: 1 }, 5)).toBe(4);
    expect(moveCursor(0, { type: 'move', delta: -1 }, 5)).toBe(0);
    expect(moveCursor(2, { type: 'move', delta: 10 }, 5)).toBe(4);
    expect(moveCursor(2, { type: 'last' }, 5)).toBe(4);
    expect(moveCursor(2, { type: 'first' }, 5)).toBe(0);
    expect(moveCursor(2, { type: 'move', delta: 1 }, 0)).toBe(-1);
  });

  it('follows the selected site after the view changed, else keeps the position', () => {
    const idx = new CandidateIndex(sample());
    const view = idx.view(NO_FILTERS, 'score');
    expect(followCursor('gamma.example', 0, view)).toBe(2);
    // Triage with a decision filter: the decided row leaves the view, the cursor lands on the next one.
    const undecided = idx.view(f({ decision: 'undecided' }), 'score');
    expect(followCursor('beta.example', 0, undecided)).toBe(0);
    expect(followCursor('gone.example', 9, undecided)).toBe(1);
    expect(followCursor(undefined, -1, undecided)).toBe(0);
    expect(followCursor('x', 0, [])).toBe(-1);
  });
});

describe('inField', () => {
  it('keys typed into fields, selects and editable elements belong to them; Enter/Space to buttons', () => {
    expect(inField({ tagName: 'INPUT' } as never, 'x')).toBe(true);
    expect(inField({ tagName: 'textarea' } as never, 'i')).toBe(true);
    expect(inField({ tagName: 'SELECT' } as never, 'j')).toBe(true);
    expect(inField({ tagName: 'DIV', isContentEditable: true } as never, 'x')).toBe(true);
    expect(inField({ tagName: 'BUTTON' } as never, 'Enter')).toBe(true);
    expect(inField({ tagName: 'BUTTON' } as never, 'x')).toBe(false);
    expect(inField({ tagName: 'DIV' } as never, 'x')).toBe(false);
    expect(inField(null, 'x')).toBe(false);
  });
});
