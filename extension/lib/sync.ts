// Two-way sync with the crawler's loopback API (`mentor-radar serve`): pull its JSON export and
// merge it here (by site, curation kept), then push the merged set back so both sides agree.
// Loopback only: the candidate list never leaves the machine.
import { candidatesToJson, parseCandidates } from '../../scoring/index.ts';
import { importCandidates, listCandidates } from './db.ts';

export class SyncError extends Error {
  override name = 'SyncError';
}

/** The server's base URL if it is http(s) on a loopback address, else a SyncError. */
export function checkSyncUrl(input: string): string {
  let u: URL;
  try {
    u = new URL(input);
  } catch {
    throw new SyncError(`Sync server: not a URL: ${JSON.stringify(input.slice(0, 100))}`);
  }
  const host = u.hostname.replace(/^\[|\]$/g, '');
  const loopback = host === 'localhost' || /^127(\.\d{1,3}){3}$/.test(host);
  if ((u.protocol !== 'http:' && u.protocol !== 'https:') || !loopback) {
    throw new SyncError('Sync server must be http://127.0.0.1:PORT (the machine running mentor-radar serve).');
  }
  return u.origin;
}

export interface SyncResult {
  pulled: { added: number; merged: number; total: number };
  pushed: { imported: number; added: number; merged: number };
}

async function call(url: string, init: RequestInit, fetchImpl: typeof fetch): Promise<Response> {
  let res: Response;
  try {
    res = await fetchImpl(url, { ...init, signal: AbortSignal.timeout(30_000), credentials: 'omit', cache: 'no-store' });
  } catch (e) {
    throw new SyncError(`Cannot reach the sync server at ${new URL(url).origin} (is "mentor-radar serve" running?): ${(e as Error).message}`);
  }
  if (!res.ok) {
    let detail = '';
    try {
      detail = String(((await res.json()) as { error?: unknown }).error ?? '');
    } catch {
      /* no JSON body */
    }
    throw new SyncError(`Sync server answered ${res.status}${detail ? `: ${detail.slice(0, 200)}` : ''}`);
  }
  return res;
}

export async function syncWithServer(baseUrl: string, opts: { fetch?: typeof fetch; now?: Date } = {}): Promise<SyncResult> {
  const origin = checkSyncUrl(baseUrl);
  const fetchImpl = opts.fetch ?? fetch.bind(globalThis);
  const now = opts.now ?? new Date();
  const text = await (await call(`${origin}/api/candidates`, { method: 'GET' }, fetchImpl)).text();
  let incoming;
  try {
    incoming = parseCandidates(text, now.toISOString());
  } catch (e) {
    throw new SyncError(`The sync server sent a file we cannot read: ${(e as Error).message}`);
  }
  const pulled = incoming.length ? { ...(await importCandidates(incoming)), total: incoming.length } : { added: 0, merged: 0, total: 0 };
  const local = await listCandidates();
  const res = await call(
    `${origin}/api/candidates`,
    { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: candidatesToJson(local, now.toISOString()) },
    fetchImpl,
  );
  const pushed = (await res.json()) as SyncResult['pushed'];
  return { pulled, pushed };
}

export function describeSync(r: SyncResult): string {
  return `Synced: ${r.pulled.added} new and ${r.pulled.merged} merged from the server; the server now has ${r.pushed.added} new and ${r.pushed.merged} updated.`;
}
