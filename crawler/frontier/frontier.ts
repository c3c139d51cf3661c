// The best-first frontier: per-origin max-heaps in memory (so per-host politeness can pick the
// best URL of any host that is free right now), persisted in SQLite (table `frontier`) so a
// killed crawl resumes where it stopped. Crawlee's own queue only ever sees the few URLs
// being fetched right now.
import type { EntryKind, Store } from '../store/index.ts';

export type { EntryKind } from '../store/index.ts';

/** The part of the store the frontier persists itself in. */
type FrontierStore = Pick<Store, 'frontierRows' | 'writeFrontier' | 'clearFrontier'>;

export interface FrontierEntry {
  url: string;
  site: string;
  origin: string;
  priority: number;
  hops: number;
  kind: EntryKind;
  parent?: string;
  seq: number;
}

class MaxHeap {
  private a: FrontierEntry[] = [];
  get size(): number {
    return this.a.length;
  }
  private better(i: number, j: number): boolean {
    const x = this.a[i];
    const y = this.a[j];
    return x.priority > y.priority || (x.priority === y.priority && x.seq < y.seq);
  }
  push(e: FrontierEntry): void {
    this.a.push(e);
    let i = this.a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.better(i, p)) break;
      [this.a[i], this.a[p]] = [this.a[p], this.a[i]];
      i = p;
    }
  }
  peek(): FrontierEntry | undefined {
    return this.a[0];
  }
  pop(): FrontierEntry | undefined {
    const top = this.a[0];
    const last = this.a.pop();
    if (this.a.length > 0 && last) {
      this.a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.a.length && this.better(l, m)) m = l;
        if (r < this.a.length && this.better(r, m)) m = r;
        if (m === i) break;
        [this.a[i], this.a[m]] = [this.a[m], this.a[i]];
        i = m;
      }
    }
    return top;
  }
  drain(): FrontierEntry[] {
    const all = this.a;
    this.a = [];
    return all;
  }
}

export class Frontier {
  private heaps = new Map<string, MaxHeap>();
  /** Queued entries by URL (the live version; heap copies with another priority are stale). */
  private queued = new Map<string, FrontierEntry>();
  /** Every URL this crawl has seen (queued, in flight or done). */
  private seen = new Set<string>();
  private seq = 0;
  /** Queued page entries per site (for the per-site cap and dropSite). */
  private sitePages = new Map<string, Set<string>>();
  /** Queued entries per origin (heap copies beyond these are stale; compacted when they pile up). */
  private originLive = new Map<string, number>();
  /** URLs with a row in the frontier table. */
  private persisted = new Set<string>();
  private pendingWrites = new Map<string, FrontierEntry>();
  private pendingDone: string[] = [];

  constructor(private store: FrontierStore) {}

  /** A fresh crawl: forget the previous frontier. */
  clear(): void {
    this.store.clearFrontier();
  }

  /**
   * Loads a persisted frontier (resume). `isDone(url)` says whether a queued URL was in fact
   * finished (its page row was written before the process died).
   */
  load(isDone: (url: string) => boolean): { queued: number; done: number } {
    const rows = this.store.frontierRows();
    let queued = 0;
    let done = 0;
    for (const r of rows) {
      this.seen.add(r.url);
      this.persisted.add(r.url);
      if (r.done || isDone(r.url)) {
        done++;
        if (!r.done) this.pendingDone.push(r.url);
        continue;
      }
      const e: FrontierEntry = { url: r.url, site: r.site, origin: r.origin, priority: r.priority, hops: r.hops, kind: r.kind, seq: this.seq++ };
      if (r.parent) e.parent = r.parent;
      this.queued.set(e.url, e);
      this.track(e);
      this.heapOf(e.origin).push(e);
      queued++;
    }
    return { queued, done };
  }

  private heapOf(origin: string): MaxHeap {
    let h = this.heaps.get(origin);
    if (!h) {
      h = new MaxHeap();
      this.heaps.set(origin, h);
    }
    return h;
  }

  has(url: string): boolean {
    return this.seen.has(url);
  }

  private track(e: FrontierEntry): void {
    this.originLive.set(e.origin, (this.originLive.get(e.origin) ?? 0) + 1);
    if (e.kind !== 'page') return;
    let set = this.sitePages.get(e.site);
    if (!set) {
      set = new Set();
      this.sitePages.set(e.site, set);
    }
    set.add(e.url);
  }

  private untrack(e: FrontierEntry): void {
    const n = (this.originLive.get(e.origin) ?? 1) - 1;
    if (n > 0) this.originLive.set(e.origin, n);
    else this.originLive.delete(e.origin);
    if (e.kind !== 'page') return;
    const set = this.sitePages.get(e.site);
    if (!set) return;
    set.delete(e.url);
    if (set.size === 0) this.sitePages.delete(e.site);
  }

  /** Removes a queued entry for good (dropped, evicted): done in the table if it has a row. */
  private discard(e: FrontierEntry): void {
    this.queued.delete(e.url);
    this.untrack(e);
    this.pendingWrites.delete(e.url);
    if (this.persisted.has(e.url)) this.pendingDone.push(e.url);
  }

  /** Rebuilds an origin's heap when stale copies outnumber its live entries. */
  private compact(origin: string): void {
    const h = this.heaps.get(origin);
    if (!h) return;
    const live = this.originLive.get(origin) ?? 0;
    if (h.size <= 2 * live + 64) return;
    const entries = h.drain().filter((e) => this.queued.get(e.url) === e);
    if (entries.length === 0) {
      this.heaps.delete(origin);
      return;
    }
    for (const e of entries) h.push(e);
  }

  /** Queued page entries of a site. */
  queuedPages(site: string): number {
    return this.sitePages.get(site)?.size ?? 0;
  }

  /**
   * Adds a URL, or raises the priority of a queued one. Returns false if already seen and not
   * raised. With `siteCap`, a site never has more than that many queued page entries: a new
   * page entry replaces the site's worst one when it is better, else it is not queued.
   */
  add(e: Omit<FrontierEntry, 'seq'>, opts: { siteCap?: number } = {}): boolean {
    const q = this.queued.get(e.url);
    if (q) {
      if (e.priority <= q.priority) return false;
      const up: FrontierEntry = { ...q, priority: e.priority, seq: q.seq };
      this.queued.set(e.url, up);
      this.heapOf(up.origin).push(up);
      this.pendingWrites.set(up.url, up);
      return true;
    }
    if (this.seen.has(e.url)) return false;
    if (e.kind === 'page' && opts.siteCap !== undefined) {
      const set = this.sitePages.get(e.site);
      if ((set?.size ?? 0) >= opts.siteCap) {
        if (!set || set.size === 0) return false;
        let worst: FrontierEntry | undefined;
        for (const u of set) {
          const x = this.queued.get(u);
          if (x && (!worst || x.priority < worst.priority || (x.priority === worst.priority && x.seq > worst.seq))) worst = x;
        }
        // Not better than the worst queued: not queued (and not marked seen, so it may come back better).
        if (!worst || e.priority <= worst.priority) return false;
        this.discard(worst);
        this.compact(worst.origin);
      }
    }
    const entry: FrontierEntry = { ...e, seq: this.seq++ };
    this.seen.add(entry.url);
    this.queued.set(entry.url, entry);
    this.track(entry);
    this.heapOf(entry.origin).push(entry);
    this.pendingWrites.set(entry.url, entry);
    return true;
  }

  /** Drops a site's queued page entries (its page budget is spent); returns how many. */
  dropSite(site: string): number {
    const set = this.sitePages.get(site);
    if (!set) return 0;
    const origins = new Set<string>();
    let n = 0;
    for (const u of [...set]) {
      const e = this.queued.get(u);
      if (!e) continue;
      this.discard(e);
      origins.add(e.origin);
      n++;
    }
    for (const o of origins) this.compact(o);
    return n;
  }

  /** Best live entry of an origin without removing it. */
  peek(origin: string): FrontierEntry | undefined {
    const h = this.heaps.get(origin);
    if (!h) return undefined;
    for (;;) {
      const top = h.peek();
      if (!top) return undefined;
      const live = this.queued.get(top.url);
      if (live && live.priority === top.priority) return top;
      h.pop(); // stale copy
    }
  }

  take(origin: string): FrontierEntry | undefined {
    const top = this.peek(origin);
    if (!top) return undefined;
    this.heaps.get(origin)?.pop();
    this.queued.delete(top.url);
    this.untrack(top);
    return top;
  }

  /** Origins that have queued URLs. */
  origins(): IterableIterator<string> {
    return this.heaps.keys();
  }

  /** Drops every queued URL of an origin (blocked host); returns them. */
  dropOrigin(origin: string): FrontierEntry[] {
    const h = this.heaps.get(origin);
    if (!h) return [];
    const live = h.drain().filter((e) => this.queued.get(e.url) === e);
    for (const e of live) {
      this.queued.delete(e.url);
      this.untrack(e);
      this.pendingDone.push(e.url);
    }
    this.heaps.delete(origin);
    return live;
  }

  pruneEmpty(origin: string): void {
    if (!this.peek(origin)) this.heaps.delete(origin);
  }

  markDone(url: string): void {
    this.pendingDone.push(url);
  }

  /** Re-queues an entry that was taken but not finished (interrupted). */
  requeue(e: FrontierEntry): void {
    if (this.queued.has(e.url)) return;
    this.queued.set(e.url, e);
    this.track(e);
    this.heapOf(e.origin).push(e);
  }

  get size(): number {
    return this.queued.size;
  }

  /** Buffered writes or done marks not yet flushed. */
  get dirty(): boolean {
    return this.pendingWrites.size > 0 || this.pendingDone.length > 0;
  }

  /** Writes buffered inserts and done marks; call inside the page's transaction. */
  flush(): void {
    if (this.pendingWrites.size === 0 && this.pendingDone.length === 0) return;
    this.store.writeFrontier(this.pendingWrites.values(), this.pendingDone);
    for (const u of this.pendingWrites.keys()) this.persisted.add(u);
    this.pendingWrites = new Map();
    this.pendingDone = [];
  }
}
