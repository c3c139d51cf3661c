// The best-first frontier: per-origin max-heaps in memory (so per-host politeness can pick the
// best URL of any host that is free right now), persisted in SQLite (table `frontier`) so a
// killed crawl resumes where it stopped. Crawlee's own queue only ever sees the few URLs
// being fetched right now.
import type Database from './sqlite.ts';

export type EntryKind = 'page' | 'feed' | 'sitemap';

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
  private pendingWrites: FrontierEntry[] = [];
  private pendingDone: string[] = [];
  private stmt: {
    insert: Database.Statement;
    done: Database.Statement;
  };

  constructor(private db: Database.Database) {
    this.stmt = {
      insert: db.prepare(
        `INSERT INTO frontier (url, site, origin, priority, hops, kind, state, parent, added_at) VALUES (?, ?, ?, ?, ?, ?, 'queued', ?, ?)
         ON CONFLICT(url) DO UPDATE SET priority = MAX(priority, excluded.priority) WHERE state = 'queued'`,
      ),
      done: db.prepare(`UPDATE frontier SET state = 'done' WHERE url = ?`),
    };
  }

  /** A fresh crawl: forget the previous frontier. */
  clear(): void {
    this.db.prepare(`DELETE FROM frontier`).run();
  }

  /**
   * Loads a persisted frontier (resume). `isDone(url)` says whether a queued URL was in fact
   * finished (its page row was written before the process died).
   */
  load(isDone: (url: string) => boolean): { queued: number; done: number } {
    const rows = this.db.prepare(`SELECT url, site, origin, priority, hops, kind, state, parent FROM frontier ORDER BY rowid`).all() as {
      url: string;
      site: string;
      origin: string;
      priority: number;
      hops: number;
      kind: EntryKind;
      state: string;
      parent: string | null;
    }[];
    let queued = 0;
    let done = 0;
    for (const r of rows) {
      this.seen.add(r.url);
      if (r.state === 'done' || isDone(r.url)) {
        done++;
        if (r.state !== 'done') this.pendingDone.push(r.url);
        continue;
      }
      const e: FrontierEntry = { url: r.url, site: r.site, origin: r.origin, priority: r.priority, hops: r.hops, kind: r.kind, seq: this.seq++ };
      if (r.parent) e.parent = r.parent;
      this.queued.set(e.url, e);
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

  /** Adds a URL, or raises the priority of a queued one. Returns false if already seen and not raised. */
  add(e: Omit<FrontierEntry, 'seq'>): boolean {
    const q = this.queued.get(e.url);
    if (q) {
      if (e.priority <= q.priority) return false;
      const up: FrontierEntry = { ...q, priority: e.priority, seq: q.seq };
      this.queued.set(e.url, up);
      this.heapOf(up.origin).push(up);
      this.pendingWrites.push(up);
      return true;
    }
    if (this.seen.has(e.url)) return false;
    const entry: FrontierEntry = { ...e, seq: this.seq++ };
    this.seen.add(entry.url);
    this.queued.set(entry.url, entry);
    this.heapOf(entry.origin).push(entry);
    this.pendingWrites.push(entry);
    return true;
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
      this.pendingDone.push(e.url);
    }
    this.heaps.delete(origin);
    return live;
  }

  /** Drops queued URLs matching a predicate (site budget spent...). */
  drop(origin: string, pred: (e: FrontierEntry) => boolean): number {
    const h = this.heaps.get(origin);
    if (!h) return 0;
    const all = h.drain();
    let n = 0;
    for (const e of all) {
      if (this.queued.get(e.url) !== e) continue;
      if (pred(e)) {
        this.queued.delete(e.url);
        this.pendingDone.push(e.url);
        n++;
      } else h.push(e);
    }
    if (h.size === 0) this.heaps.delete(origin);
    return n;
  }

  pruneEmpty(origin: string): void {
    if (!this.peek(origin)) this.heaps.delete(origin);
  }

  markDone(url: string): void {
    this.pendingDone.push(url);
  }

  /** Re-queues an entry that was taken but not finished (interrupted). */
  requeue(e: FrontierEntry): void {
    this.queued.set(e.url, e);
    this.heapOf(e.origin).push(e);
  }

  get size(): number {
    return this.queued.size;
  }

  /** Buffered writes or done marks not yet flushed. */
  get dirty(): boolean {
    return this.pendingWrites.length > 0 || this.pendingDone.length > 0;
  }

  /** Writes buffered inserts and done marks; call inside the page's transaction. */
  flush(): void {
    if (this.pendingWrites.length === 0 && this.pendingDone.length === 0) return;
    const at = new Date().toISOString();
    for (const e of this.pendingWrites) this.stmt.insert.run(e.url, e.site, e.origin, e.priority, e.hops, e.kind, e.parent ?? null, at);
    for (const u of this.pendingDone) this.stmt.done.run(u);
    this.pendingWrites = [];
    this.pendingDone = [];
  }
}
