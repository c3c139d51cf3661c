// The dashboard's state: the rows a filter and sort select, and a cursor that stays on its site.
import { describe, expect, it } from 'vitest';
import { DashboardState } from '../../../extension/lib/dashboard/state.ts';
import { cand, f, sample } from './candidates.ts';

function loaded(): DashboardState {
  const s = new DashboardState();
  s.index.reset(sample());
  s.recompute();
  return s;
}

describe('DashboardState', () => {
  it('selects the rows of the filters and sort; the cursor starts on the first row', () => {
    const s = new DashboardState();
    expect(s.selected()).toBeUndefined();
    s.index.reset(sample());
    s.recompute();
    expect(s.view.map((e) => e.c.site)).toEqual(['beta.example', 'delta.example', 'gamma.example', 'alpha.example']);
    expect(s.cursor).toBe(0);
    expect(s.selected()?.c.site).toBe('beta.example');
  });

  it('keeps the cursor on its site when the rows change, and moves it by actions', () => {
    const s = loaded();
    s.setCursor(s.indexOfSite('gamma.example'));
    expect(s.cursorSite).toBe('gamma.example');
    s.sort = 'name';
    s.recompute();
    expect(s.view[s.cursor].c.site).toBe('gamma.example');
    expect(s.moved({ type: 'move', delta: -1 })).toBe(s.cursor - 1);
    s.setCursor(s.moved({ type: 'first' }));
    expect(s.cursorSite).toBe('alpha.example');
    s.setCursor(99);
    expect(s.cursor).toBe(-1);
    expect(s.cursorSite).toBeUndefined();
  });

  it('a decision that hides the selected row under a filter lands the cursor on the next row', () => {
    const s = loaded();
    s.filters = f({ decision: 'undecided' });
    s.recompute();
    s.setCursor(0);
    const first = s.cursorSite!;
    s.upsert({ ...s.index.get(first)!.c, decision: 'include' });
    s.recompute();
    expect(s.view.map((e) => e.c.site)).not.toContain(first);
    expect(s.cursor).toBe(0);
  });

  it('upsert adds a new candidate and re-ranks; selectSite follows it', () => {
    const s = loaded();
    s.upsert(cand('top.example', { score: 99 }));
    s.selectSite('top.example');
    expect(s.cursor).toBe(0);
    expect(s.selected()?.rank).toBe(1);
  });
});
