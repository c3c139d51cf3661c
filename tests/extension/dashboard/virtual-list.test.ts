// The virtual list: window math, and the DOM list that recycles its row nodes.
import { describe, expect, it } from 'vitest';
import { poolSize, scrollToReveal, visibleWindow } from '../../../extension/lib/dashboard/virtual-list.ts';

describe('virtual list window', () => {
  it('renders only the visible rows plus overscan', () => {
    expect(visibleWindow(0, 340, 34, 10_000, 5)).toEqual({ start: 0, end: 16, offset: 0, totalHeight: 340_000 });
    const w = visibleWindow(34 * 1000 + 10, 340, 34, 10_000, 5);
    expect(w.start).toBe(995);
    expect(w.end).toBe(1016);
    expect(w.offset).toBe(995 * 34);
    expect(w.end - w.start).toBeLessThanOrEqual(poolSize(340, 34, 5));
  });

  it('clamps a stale scrollTop and handles empty and short lists', () => {
    expect(visibleWindow(1e9, 340, 34, 100, 5)).toEqual({ start: 85, end: 100, offset: 85 * 34, totalHeight: 3400 });
    expect(visibleWindow(500, 340, 34, 0, 5)).toEqual({ start: 0, end: 0, offset: 0, totalHeight: 0 });
    expect(visibleWindow(-20, 340, 34, 3, 5)).toEqual({ start: 0, end: 3, offset: 0, totalHeight: 102 });
  });

  it('scrollToReveal scrolls just enough, or not at all', () => {
    expect(scrollToReveal(5, 0, 340, 34)).toBeNull();
    expect(scrollToReveal(10, 0, 340, 34)).toBe(11 * 34 - 340);
    expect(scrollToReveal(2, 200, 340, 34)).toBe(68);
  });
});

describe('VirtualList (DOM)', () => {
  it('creates only the visible rows, recycles nodes while scrolling, marks the cursor row', async () => {
    const { Window } = await import('happy-dom');
    const { VirtualList } = await import('../../../extension/lib/dashboard/virtual-list.ts');
    const win = new Window();
    const doc = win.document as unknown as Document;
    const scroller = doc.createElement('div');
    const spacer = doc.createElement('div');
    scroller.appendChild(spacer);
    doc.body.appendChild(scroller);
    let made = 0;
    const list = new VirtualList<number, { root: HTMLElement; shown?: number }>(
      doc,
      scroller,
      spacer,
      {
        make: (d) => {
          const root = d.createElement('div');
          root.id = `r${made++}`;
          return { root };
        },
        fill: (n, item, selected) => {
          n.shown = item;
          n.root.textContent = String(item);
          n.root.className = selected ? 'selected' : '';
        },
        reset: (n) => (n.shown = undefined),
      },
      10,
      2,
    );
    list.resize(100);
    const items = Array.from({ length: 1000 }, (_, i) => i);
    list.set(items, 3);
    const shown = () => [...spacer.querySelectorAll('.window > div')].map((d) => Number(d.textContent));
    expect(spacer.style.height).toBe('10000px');
    expect(shown()).toEqual(Array.from({ length: 13 }, (_, i) => i));
    expect(spacer.querySelector('.selected')?.textContent).toBe('3');
    expect(scroller.getAttribute('aria-activedescendant')).toBe(spacer.querySelector('.selected')?.id);
    const pool = made;
    scroller.scrollTop = 5000;
    list.render();
    expect(shown()[0]).toBe(498);
    expect(made).toBe(pool);
    list.set(items.slice(0, 2), -1);
    expect(shown()).toEqual([0, 1]);
    expect(scroller.hasAttribute('aria-activedescendant')).toBe(false);
    await win.happyDOM.close();
  });
});
