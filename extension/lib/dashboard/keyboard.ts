// Keyboard triage: which action a key press means, and where the cursor goes. Pure (no DOM).
import type { Decision } from '../../../scoring/index.ts';
import type { Entry } from './model.ts';


export type TriageAction =
  | { type: 'move'; delta: number }
  | { type: 'first' }
  | { type: 'last' }
  | { type: 'decide'; decision: Decision }
  | { type: 'delete' }
  | { type: 'undo' }
  | { type: 'focus-search' }
  | { type: 'open' }
  | { type: 'toggle-compare' }
  | { type: 'escape' };

export interface KeyLike {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  /** The event came from a text field, select or button the curator is typing in. */
  inField?: boolean;
}

const DECISION_KEYS: Record<string, Decision> = { i: 'include', x: 'exclude', s: 'shortlist', u: 'undecided' };

/**
 * The triage shortcut a key press means, or null (let the browser have it). In a text field only
 * Escape counts, so typing "six" in the search box never excludes anything.
 */
export function keyAction(k: KeyLike): TriageAction | null {
  if (k.inField) return k.key === 'Escape' ? { type: 'escape' } : null;
  if ((k.ctrlKey || k.metaKey) && !k.altKey && (k.key === 'z' || k.key === 'Z')) return { type: 'undo' };
  if (k.ctrlKey || k.metaKey || k.altKey) return null;
  switch (k.key) {
    case 'j':
    case 'ArrowDown':
      return { type: 'move', delta: 1 };
    case 'k':
    case 'ArrowUp':
      return { type: 'move', delta: -1 };
    case 'PageDown':
      return { type: 'move', delta: 10 };
    case 'PageUp':
      return { type: 'move', delta: -10 };
    case 'Home':
      return { type: 'first' };
    case 'End':
      return { type: 'last' };
    case 'd':
    case 'Delete':
      return { type: 'delete' };
    case '/':
      return { type: 'focus-search' };
    case 'Enter':
    case 'o':
      return { type: 'open' };
    case 'Escape':
      return { type: 'escape' };
    case 'c':
      return { type: 'toggle-compare' };
    default: {
      const decision = DECISION_KEYS[k.key];
      return decision ? { type: 'decide', decision } : null;
    }
  }
}

/** The cursor after a move, clamped to the list (-1 for an empty list). */
export function moveCursor(cursor: number, action: TriageAction, length: number): number {
  if (length <= 0) return -1;
  const from = cursor < 0 ? -1 : Math.min(cursor, length - 1);
  switch (action.type) {
    case 'move':
      return from < 0 ? (action.delta > 0 ? 0 : length - 1) : Math.min(length - 1, Math.max(0, from + action.delta));
    case 'first':
      return 0;
    case 'last':
      return length - 1;
    default:
      return from;
  }
}

/**
 * Where the cursor goes after the view changed (a filter, a decision that hid the row, a delete):
 * stay on the same site if it is still shown, else on the same position (the next row), clamped.
 */
export function followCursor(prevSite: string | undefined, prevIndex: number, view: readonly Entry[]): number {
  if (view.length === 0) return -1;
  if (prevSite !== undefined) {
    // Usually the row did not move: check there first (O(1)), then search.
    if (prevIndex >= 0 && prevIndex < view.length && view[prevIndex].c.site === prevSite) return prevIndex;
    const at = view.findIndex((e) => e.c.site === prevSite);
    if (at >= 0) return at;
  }
  if (prevIndex < 0) return 0;
  return Math.min(prevIndex, view.length - 1);
}


/**
 * True when a key press belongs to the element it happened in: any key in a text field, select or
 * editable element; Enter and Space on a button.
 */
export function inField(t: EventTarget | null, key: string): boolean {
  const node = t as { tagName?: unknown; isContentEditable?: boolean } | null;
  if (!node || typeof node.tagName !== 'string') return false;
  if (node.isContentEditable) return true;
  const tag = node.tagName.toUpperCase();
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return true;
  return tag === 'BUTTON' && (key === 'Enter' || key === ' ');
}
