// Curation from the dashboard: decisions, tags, notes, the rename and the blurb written to the
// store, delete with undo. The store functions come in as dependencies, so this runs against
// fake-indexeddb in unit tests.
import { candidateName, isDecision } from '../../../scoring/index.ts';
import type { Candidate } from '../../../scoring/index.ts';
import type { Curation, DeletedCandidate } from '../db.ts';
import { DECISION_LABELS } from '../labels.ts';
import { parseTags } from '../popup/view.ts';
import type { TypedCuration } from './detail-panel.ts';

/** Deleted candidates, most recent last, for the undo button (bounded). */
export class UndoStack<T> {
  private items: T[] = [];
  constructor(private readonly max = 50) {}
  push(item: T): void {
    this.items.push(item);
    if (this.items.length > this.max) this.items.shift();
  }
  pop(): T | undefined {
    return this.items.pop();
  }
  peek(): T | undefined {
    return this.items[this.items.length - 1];
  }
  get size(): number {
    return this.items.length;
  }
}

export interface CurationStore {
  updateCuration(site: string, patch: Curation): Promise<Candidate>;
  deleteCandidate(site: string): Promise<DeletedCandidate | undefined>;
  restoreCandidate(deleted: DeletedCandidate): Promise<Candidate>;
}

export interface CurationEvents {
  /** A candidate was written (curation) or put back (undo). */
  changed(c: Candidate): void;
  removed(site: string): void;
  /** What happened, in words, for the message line ('' clears it). */
  say(text: string): void;
  /** A curation write went through: say what was saved. */
  saved(c: Candidate, patch: Curation): void;
  fail(e: unknown): void;
  /** The undo button: the label of the next undo, or undefined to hide it. */
  undoLabel(label: string | undefined): void;
  /** The background refreshes badges of these sites. */
  notify(sites: string[]): void;
}

const nameOf = (c: Candidate) => candidateName(c);

/** The text fields of the detail panel (and its decision) as a store patch: only the fields given. */
export function typedPatch(typed: Partial<TypedCuration> & { decision?: string }): Curation {
  const patch: Curation = {};
  if (typed.decision !== undefined && isDecision(typed.decision)) patch.decision = typed.decision;
  if (typed.tags !== undefined) patch.tags = parseTags(typed.tags).slice(0, 50);
  if (typed.notes !== undefined) patch.notes = typed.notes;
  if (typed.name !== undefined) patch.name = typed.name;
  if (typed.blurb !== undefined) patch.blurb = typed.blurb;
  return patch;
}

/** "a", "a and b", "a, b and c". */
function joinWords(words: string[]): string {
  return words.length < 2 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** What a curation write did, in words ("Saved the tags and note for X.", "X: Include.", "Saved the blurb for X."). */
export function savedText(c: Candidate, patch: Curation): string {
  const name = nameOf(c);
  const typed = patch.tags !== undefined || patch.notes !== undefined;
  const words: string[] = [];
  if (patch.decision && (typed || patch.name !== undefined || patch.blurb !== undefined)) words.push(`decision (${DECISION_LABELS[c.decision]})`);
  if (typed) words.push('tags', 'note');
  if (patch.name !== undefined) words.push('name');
  if (patch.blurb !== undefined) words.push('blurb');
  if (words.length === 0) return `${name}: ${DECISION_LABELS[c.decision]}.`;
  return `Saved the ${joinWords(words)} for ${name}.`;
}

export class Curator {
  readonly undo = new UndoStack<DeletedCandidate>();

  constructor(
    private readonly store: CurationStore,
    private readonly on: CurationEvents,
  ) {}

  /** Write a curation patch; true when it was stored. */
  async curate(site: string, patch: Curation): Promise<boolean> {
    try {
      const c = await this.store.updateCuration(site, patch);
      this.on.changed(c);
      this.on.notify([site]);
      this.on.saved(c, patch);
      return true;
    } catch (e) {
      this.on.fail(e);
      return false;
    }
  }

  async remove(site: string): Promise<void> {
    try {
      const deleted = await this.store.deleteCandidate(site);
      if (!deleted) return;
      this.undo.push(deleted);
      this.on.removed(site);
      this.on.undoLabel(`Undo delete of ${nameOf(deleted.candidate)}`);
      this.on.say(`Deleted ${nameOf(deleted.candidate)} and its pages.`);
      this.on.notify([site]);
    } catch (e) {
      this.on.fail(e);
    }
  }

  async undoDelete(): Promise<Candidate | undefined> {
    const deleted = this.undo.pop();
    if (!deleted) return undefined;
    let restored: Candidate | undefined;
    try {
      restored = await this.store.restoreCandidate(deleted);
      this.on.changed(restored);
      this.on.say(`Restored ${nameOf(restored)}.`);
      this.on.notify([restored.site]);
    } catch (e) {
      this.undo.push(deleted);
      this.on.fail(e);
    }
    const next = this.undo.peek();
    this.on.undoLabel(next ? `Undo delete of ${nameOf(next.candidate)}` : undefined);
    return restored;
  }
}
