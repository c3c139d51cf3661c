// Per-host politeness: one request at a time per origin, then a pause of
// max(--delay, robots Crawl-delay) before the next one; many origins in parallel.

export const DEFAULT_DELAY_MS = 1000;
/** A Crawl-delay longer than this is capped at it. */
export const MAX_CRAWL_DELAY_MS = 60_000;

export interface HostState {
  origin: string;
  busy: boolean;
  /** Epoch ms from which the next request may start. */
  readyAt: number;
  delayMs: number;
  requests: number;
}

export class Politeness {
  private hosts = new Map<string, HostState>();
  constructor(private defaultDelayMs: number = DEFAULT_DELAY_MS) {}

  host(origin: string): HostState {
    let h = this.hosts.get(origin);
    if (!h) {
      h = { origin, busy: false, readyAt: 0, delayMs: this.defaultDelayMs, requests: 0 };
      this.hosts.set(origin, h);
    }
    return h;
  }

  /** Applies robots.txt Crawl-delay (seconds): the longer of it and the default wins. */
  setCrawlDelay(origin: string, seconds: number | undefined): void {
    if (seconds === undefined) return;
    const h = this.host(origin);
    h.delayMs = Math.max(this.defaultDelayMs, Math.min(MAX_CRAWL_DELAY_MS, Math.round(seconds * 1000)));
  }

  acquire(origin: string): void {
    const h = this.host(origin);
    if (h.busy) throw new Error(`politeness: ${origin} is busy`);
    h.busy = true;
    h.requests++;
  }

  release(origin: string, now = Date.now()): void {
    const h = this.host(origin);
    h.busy = false;
    h.readyAt = now + h.delayMs;
  }
}
