// One crawl per store: a lease row (pid, host, start, heartbeat). A second crawl on a leased
// store fails at once with who holds it (or waits, with `wait`). A lease whose process is gone
// (same host, pid not alive) or whose heartbeat is older than LEASE_STALE_MS is taken over.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { LEASE_HEARTBEAT_MS, LEASE_STALE_MS } from '../constants.ts';
import type { LeaseHolder, Store } from '../store/index.ts';

export class LeaseHeldError extends Error {
  constructor(
    readonly holder: LeaseHolder,
    file: string,
  ) {
    const where = holder.host === hostname() ? '' : ` on ${holder.host}`;
    super(`another crawl (pid ${holder.pid}${where}, since ${holder.startedAt}) is using ${file}`);
    this.name = 'LeaseHeldError';
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The holder is gone: its heartbeat stopped, or its process no longer exists on this host. */
function isStale(holder: LeaseHolder, now = Date.now()): boolean {
  if (now - Date.parse(holder.heartbeatAt) > LEASE_STALE_MS) return true;
  return holder.host === hostname() && !pidAlive(holder.pid);
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
  });

/** Takes the store's lease (renewed in the background); resolves to its release. */
export async function acquireLease(store: Store, opts: { wait?: boolean; signal?: AbortSignal; pollMs?: number } = {}): Promise<() => void> {
  const now = new Date().toISOString();
  const mine: LeaseHolder = { token: randomUUID(), pid: process.pid, host: hostname(), startedAt: now, heartbeatAt: now };
  for (;;) {
    const holder = store.tryLease(mine, (h) => isStale(h));
    if (!holder) break;
    if (!opts.wait || opts.signal?.aborted) throw new LeaseHeldError(holder, store.path);
    await sleep(opts.pollMs ?? 1000, opts.signal);
  }
  const beat = setInterval(() => {
    try {
      store.heartbeatLease(mine.token, new Date().toISOString());
    } catch {
      /* busy right now: the next beat renews it, long before it goes stale */
    }
  }, LEASE_HEARTBEAT_MS);
  beat.unref();
  return () => {
    clearInterval(beat);
    try {
      store.releaseLease(mine.token);
    } catch {
      /* a lease left behind goes stale: its pid is gone */
    }
  };
}
