// What the dashboard shows, in one object: the indexed candidates, the filters and sort, the rows
// they select, and the cursor (kept on the same site when the rows change). No DOM.
import type { Candidate } from '../../../scoring/index.ts';
import { followCursor, moveCursor, type TriageAction } from './keyboard.ts';
import { CandidateIndex, NO_FILTERS, type Entry, type Filters, type SortKey } from './model.ts';

export class DashboardState {
  readonly index = new CandidateIndex();
  filters: Filters = NO_FILTERS;
  sort: SortKey = 'score';
  /** The rows shown: filtered, in sort order. */
  view: Entry[] = [];
  /** Row index of the selected candidate in `view`, -1 for none. */
  cursor = -1;
  /** The selected candidate's site: followed when the view changes. */
  cursorSite: string | undefined;

  /** Recompute the rows (filters + sort); the cursor stays on its site if still shown. */
  recompute(): void {
    this.view = this.index.view(this.filters, this.sort);
    this.cursor = followCursor(this.cursorSite, this.cursor, this.view);
    this.cursorSite = this.cursor >= 0 ? this.view[this.cursor].c.site : undefined;
  }

  setCursor(next: number): void {
    this.cursor = next >= 0 && next < this.view.length ? next : -1;
    this.cursorSite = this.cursor >= 0 ? this.view[this.cursor].c.site : undefined;
  }

  /** The cursor after a move action (j/k, Home/End, PageUp/PageDown). */
  moved(action: TriageAction): number {
    return moveCursor(this.cursor, action, this.view.length);
  }

  /** Put the cursor on `site` (recompute first if the view may have changed). */
  selectSite(site: string): void {
    this.cursorSite = site;
    this.recompute();
  }

  indexOfSite(site: string): number {
    return this.view.findIndex((e) => e.c.site === site);
  }

  selected(): Entry | undefined {
    return this.cursorSite ? this.index.get(this.cursorSite) : undefined;
  }

  /** Replace or add one candidate (a curation edit, a restore, a new score). */
  upsert(c: Candidate): void {
    if (this.index.get(c.site)) this.index.update(c);
    else this.index.add(c);
  }
}
