// The virtualised candidate list: the window math (pure: which rows of a fixed-row-height list
// exist in the DOM), then the DOM side (a pool of row nodes recycled while scrolling).
import { el } from '../dom.ts';

export interface WindowRange {
  /** First row index to render (inclusive). */
  start: number;
  /** Last row index to render (exclusive). */
  end: number;
  /** translateY of the first rendered row, px. */
  offset: number;
  /** Height of the whole (virtual) list, px. */
  totalHeight: number;
}

/**
 * Which rows of a fixed-row-height list are visible in a viewport, plus `overscan` rows above
 * and below. Every input is clamped, so a stale scrollTop after the list shrank is harmless.
 */
export function visibleWindow(scrollTop: number, viewportHeight: number, rowHeight: number, total: number, overscan = 6): WindowRange {
  const h = Math.max(1, rowHeight);
  const n = Math.max(0, Math.floor(total));
  const totalHeight = n * h;
  const maxTop = Math.max(0, totalHeight - Math.max(0, viewportHeight));
  const top = Math.min(Math.max(0, scrollTop || 0), maxTop);
  const first = Math.floor(top / h);
  const visible = Math.ceil(Math.max(0, viewportHeight) / h) + 1;
  const start = Math.max(0, first - overscan);
  const end = Math.min(n, first + visible + overscan);
  return { start, end: Math.max(start, end), offset: start * h, totalHeight };
}

/** How many row nodes the pool needs for a viewport (never more than the rows). */
export function poolSize(viewportHeight: number, rowHeight: number, overscan = 6): number {
  return Math.ceil(Math.max(0, viewportHeight) / Math.max(1, rowHeight)) + 1 + 2 * overscan;
}

/** The scrollTop that brings row `index` fully into view, or null if it already is. */
export function scrollToReveal(index: number, scrollTop: number, viewportHeight: number, rowHeight: number): number | null {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight);
  return null;
}


// ------------------------------------------------------------------ the DOM side

/** How a row node shows one item; `fill` writes only what changed since the node last showed it. */
export interface RowRenderer<T, N extends { root: HTMLElement }> {
  make(doc: Document): N;
  /** `index`: the item's position in the whole list (0-based). */
  fill(node: N, item: T, selected: boolean, index: number): void;
  /** Forget what the node shows (it left the window, or must be redrawn from the data). */
  reset(node: N): void;
}

/**
 * A virtualised list with fixed row height: only the visible rows (plus overscan) exist, and their
 * nodes are recycled while scrolling. Each frame reads layout once (scrollTop) before writing.
 */
export class VirtualList<T, N extends { root: HTMLElement }> {
  readonly pool: N[] = [];
  private readonly win: HTMLElement;
  private items: readonly T[] = [];
  private cursor = -1;
  private viewportH: number;
  private frameQueued = false;

  constructor(
    private readonly doc: Document,
    /** The scrolling element. */
    readonly scroller: HTMLElement,
    /** Sized to the whole list's height inside the scroller. */
    private readonly spacer: HTMLElement,
    private readonly rows: RowRenderer<T, N>,
    readonly rowHeight: number,
    readonly overscan = 8,
  ) {
    this.win = el(doc, 'div', { class: 'window', role: 'presentation' });
    spacer.appendChild(this.win);
    this.viewportH = scroller.clientHeight || 600;
    scroller.addEventListener('scroll', () => this.schedule(), { passive: true });
    const RO = (doc.defaultView as (Window & typeof globalThis) | null)?.ResizeObserver;
    if (RO) {
      new RO((entries) => {
        const h = entries[entries.length - 1]?.contentRect.height;
        if (h && Math.abs(h - this.viewportH) > 0.5) this.resize(h);
      }).observe(scroller);
    }
  }

  get viewportHeight(): number {
    return this.viewportH;
  }

  /** How many rows fill the viewport (the first screen of a load). */
  get rowsPerScreen(): number {
    return Math.ceil(this.viewportH / this.rowHeight) + this.overscan;
  }

  resize(h: number): void {
    this.viewportH = h;
    // Keep enough nodes for the new height ready (no growth mid-scroll).
    while (this.pool.length < poolSize(h, this.rowHeight, this.overscan)) this.pool.push(this.rows.make(this.doc));
    this.schedule();
  }

  /** New items and/or cursor: draw now. */
  set(items: readonly T[], cursor: number): void {
    this.items = items;
    this.cursor = cursor;
    this.render();
  }

  /** Scroll so row `index` is fully visible (no-op when it already is). */
  reveal(index: number): void {
    if (index < 0) return;
    const top = scrollToReveal(index, this.scroller.scrollTop, this.viewportH, this.rowHeight);
    if (top !== null) this.scroller.scrollTop = top;
  }

  /** Redraw `node` from the data on the next render (e.g. after a select was changed in it). */
  invalidate(node: N): void {
    this.rows.reset(node);
  }

  render(): void {
    const w = visibleWindow(this.scroller.scrollTop, this.viewportH, this.rowHeight, this.items.length, this.overscan);
    const h = `${w.totalHeight}px`;
    if (this.spacer.style.height !== h) this.spacer.style.height = h;
    this.win.style.transform = `translateY(${w.offset}px)`;
    const n = w.end - w.start;
    while (this.pool.length < n) this.pool.push(this.rows.make(this.doc));
    let active = '';
    for (let i = 0; i < n; i++) {
      const node = this.pool[i];
      if (node.root.parentNode !== this.win) this.win.appendChild(node.root);
      const selected = w.start + i === this.cursor;
      this.rows.fill(node, this.items[w.start + i], selected, w.start + i);
      if (selected) active = node.root.id;
    }
    // Assistive technology follows the selected row while focus stays on the list.
    if (active) this.scroller.setAttribute('aria-activedescendant', active);
    else this.scroller.removeAttribute('aria-activedescendant');
    for (let i = n; i < this.pool.length; i++) {
      const node = this.pool[i];
      if (node.root.parentNode) {
        node.root.remove();
        this.rows.reset(node);
      }
    }
  }

  private schedule(): void {
    if (this.frameQueued) return;
    this.frameQueued = true;
    const raf = this.doc.defaultView?.requestAnimationFrame ?? ((f: FrameRequestCallback) => setTimeout(() => f(0), 16));
    raf(() => {
      this.frameQueued = false;
      this.render();
    });
  }
}
