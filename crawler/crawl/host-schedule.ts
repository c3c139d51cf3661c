// Which host to fetch from next, without looking at every host: free hosts whose delay is over
// sit in a max-heap by their best queued entry, hosts still waiting out their delay in a min-heap
// by the time they are free again. The dispatcher asks for the next host (best entry first) and
// tells the schedule when a host is released; the frontier tells it when a host's queue changed.
// Heap items are snapshots checked when they come out (a host may have been taken, dropped or
// changed since), so pumping costs O(log hosts) per dispatch however many hosts are known.
import type { Frontier } from '../frontier/frontier.ts';
import { Heap } from '../frontier/heap.ts';
import type { Politeness } from '../net/politeness.ts';

interface ReadyHost {
  origin: string;
  priority: number;
  seq: number;
}

interface WaitingHost {
  origin: string;
  at: number;
}

export class HostSchedule {
  private ready = new Heap<ReadyHost>((x, y) => x.priority > y.priority || (x.priority === y.priority && x.seq < y.seq));
  private waiting = new Heap<WaitingHost>((x, y) => x.at < y.at);
  /** Hosts whose queue changed since the last pick (looked at once, at the next pick). */
  private touched = new Set<string>();
  /** Highest priority pushed to `ready` per host and not yet taken out (no duplicate snapshots). */
  private inReady = new Map<string, number>();
  /** The time each waiting host was scheduled for (no duplicates in `waiting`). */
  private waitingAt = new Map<string, number>();

  constructor(
    private frontier: Frontier,
    private politeness: Politeness,
  ) {
    for (const origin of frontier.origins()) this.touched.add(origin);
    frontier.onQueued = (origin) => this.touched.add(origin);
  }

  /** A host's request (or robots.txt) finished: it is free again after its delay. */
  released(origin: string): void {
    this.touched.add(origin);
  }

  /** Epoch ms at which a waiting host becomes free (Infinity: none waiting). */
  nextWake(): number {
    return this.waiting.peek()?.at ?? Infinity;
  }

  /** Places a host by its state now: busy (left out until released), waiting, or ready. */
  private place(origin: string, now: number): void {
    const h = this.politeness.host(origin);
    if (h.busy) return;
    if (h.readyAt > now) {
      if (this.waitingAt.get(origin) === h.readyAt) return;
      this.waitingAt.set(origin, h.readyAt);
      this.waiting.push({ origin, at: h.readyAt });
      return;
    }
    const top = this.frontier.peek(origin);
    if (!top) return;
    if ((this.inReady.get(origin) ?? -Infinity) >= top.priority) return;
    this.inReady.set(origin, top.priority);
    this.ready.push({ origin, priority: top.priority, seq: top.seq });
  }

  private settle(now: number): void {
    for (let w = this.waiting.peek(); w && w.at <= now; w = this.waiting.peek()) {
      this.waiting.pop();
      if (this.waitingAt.get(w.origin) === w.at) {
        this.waitingAt.delete(w.origin);
        this.touched.add(w.origin);
      }
    }
    for (const origin of this.touched) this.place(origin, now);
    this.touched.clear();
  }

  /**
   * The free host whose best queued entry is the best of all free hosts, or undefined. The
   * caller dispatches from it (the host becomes busy) or lets it go with `released`.
   */
  next(now = Date.now()): string | undefined {
    this.settle(now);
    for (let r = this.ready.pop(); r; r = this.ready.pop()) {
      if (this.inReady.get(r.origin) === r.priority) this.inReady.delete(r.origin);
      const h = this.politeness.host(r.origin);
      if (h.busy) continue; // back with `released`
      const top = this.frontier.peek(r.origin);
      if (!top) {
        this.frontier.pruneEmpty(r.origin);
        continue;
      }
      if (h.readyAt > now || top.priority !== r.priority) {
        this.place(r.origin, now); // its state changed since this snapshot
        continue;
      }
      return r.origin;
    }
    return undefined;
  }
}
