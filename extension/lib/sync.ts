// Two-way sync with the crawler's loopback API (`mentor-radar serve`): pull its candidates (with
// their pages) a page at a time and merge them here (by site, curation kept, each site scored from
// the union of its pages), then push the merged set back with our pages, in batches, so both sides
// agree. Every request carries the server's token (`Authorization: Bearer`); the
// token is never logged nor put in a message. Loopback only: the list never leaves the machine.
import { candidatesToJson, parseCandidates } from '../../scoring/index.ts';
import type { Candidate } from '../../scoring/index.ts';
import { importCandidates, listCandidates, withStoredPages } from './db.ts';
import { ModelError } from '../../scoring/model.ts';
import { scorerModelLabel, scorerVersionOf } from '../../scoring/model-version.ts';
import { bookmarkedPages, checkServerModel, currentModel, saveCrawlStatus, takeModel, type TakenModel } from './learning.ts';

/** The most bookmarks one sync sends (the server takes at most 10,000 a request). */
const MAX_BOOKMARKS = 10_000;

export class SyncError extends Error {
  override name = 'SyncError';
}

/** Candidates asked for per GET (the server's maximum is 1000). */
export const PULL_PAGE = 500;
/** Candidates sent per POST at most (each POST is merged all or nothing). */
export const PUSH_BATCH = 500;
/** A POST body's size at most: a batch that would be larger is split (the server takes 20 MB). */
export const PUSH_MAX_BYTES = 8 * 1024 * 1024;
/** No sync reads more pages than this, whatever `total` says (a confused server cannot loop us). */
const MAX_PAGES = 1000;
const TOKEN_RE = /^[A-Za-z0-9_-]{16,256}$/;

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

export const TOKEN_HELP = 'Run "mentor-radar serve --show-token" and paste the token into Settings → Sync token.';

/** The token as pasted (spaces trimmed), or a SyncError saying what to do. */
export function checkSyncToken(input: string): string {
  const token = input.trim();
  if (!token) throw new SyncError(`The sync server needs its token. ${TOKEN_HELP}`);
  if (!TOKEN_RE.test(token)) throw new SyncError(`That is not a sync token. ${TOKEN_HELP}`);
  return token;
}

export interface SyncResult {
  pulled: { added: number; merged: number; total: number };
  pushed: { imported: number; added: number; merged: number };
}

export interface SyncOptions {
  fetch?: typeof fetch;
  now?: Date;
  pullPage?: number;
  pushBatch?: number;
}

type Call = (path: string, init?: RequestInit) => Promise<Response>;

function caller(origin: string, token: string, fetchImpl: typeof fetch): Call {
  return async (path, init = {}) => {
    let res: Response;
    try {
      res = await fetchImpl(`${origin}${path}`, {
        ...init,
        headers: { ...(init.headers as Record<string, string> | undefined), Authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(30_000),
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch (e) {
      throw new SyncError(`Cannot reach the sync server at ${origin} (is "mentor-radar serve" running?): ${(e as Error).message}`);
    }
    if (res.status === 401) throw new SyncError(`The sync server refused the token. ${TOKEN_HELP}`);
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
  };
}

/**
 * Every candidate of the server, page by page (`offset`/`limit`, until `total`; an answer may hold
 * fewer than asked when its candidates' pages would make it too large), each page handed to
 * `onPage` as it arrives, so that only one page of the server's candidates and their pages is in
 * memory at a time. Returns how many candidates came.
 */
export async function pullAll(call: Call, now: Date, onPage: (page: Candidate[]) => Promise<void>, pageSize = PULL_PAGE): Promise<number> {
  let offset = 0;
  for (let pages = 0; pages < MAX_PAGES; pages++) {
    const text = await (await call(`/api/candidates?offset=${offset}&limit=${pageSize}`)).text();
    let page: Candidate[];
    let total: number;
    try {
      page = parseCandidates(text, now.toISOString());
      total = Number((JSON.parse(text) as { total?: unknown }).total);
    } catch (e) {
      throw new SyncError(`The sync server sent a page we cannot read: ${(e as Error).message}`);
    }
    if (page.length > 0) await onPage(page);
    offset += page.length;
    if (page.length === 0 || !Number.isFinite(total) || offset >= total) return offset;
  }
  throw new SyncError(`The sync server kept sending pages (more than ${MAX_PAGES}); stopped.`);
}

/**
 * Send `list` in batches of at most `batch` candidates and `maxBytes` of JSON (a batch that would
 * be larger is halved; one candidate — at most MAX_SITE_PAGES pages — goes alone); the server's
 * counts, added up. `withPages` adds each batch's pages just before it is sent, so that the pages
 * of a whole store are never in memory at once.
 */
export async function pushAll(
  call: Call,
  list: Candidate[],
  now: Date,
  batch = PUSH_BATCH,
  withPages: (batch: Candidate[]) => Promise<Candidate[]> = async (b) => b,
  maxBytes = PUSH_MAX_BYTES,
): Promise<SyncResult['pushed']> {
  const sum = { imported: 0, added: 0, merged: 0 };
  const send = async (part: Candidate[]): Promise<void> => {
    const body = candidatesToJson(part, now.toISOString());
    if (part.length > 1 && new TextEncoder().encode(body).length > maxBytes) {
      const half = Math.ceil(part.length / 2);
      await send(part.slice(0, half));
      await send(part.slice(half));
      return;
    }
    const res = await call('/api/candidates', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
    const r = (await res.json()) as Partial<SyncResult['pushed']>;
    sum.imported += Number(r.imported) || 0;
    sum.added += Number(r.added) || 0;
    sum.merged += Number(r.merged) || 0;
  };
  for (let i = 0; i < list.length; i += batch) await send(await withPages(list.slice(i, i + batch)));
  return sum;
}

/** Pull, merge here, push the merged set back. `baseUrl` and `token` are what the curator typed. */
export async function syncWithServer(baseUrl: string, token: string, opts: SyncOptions = {}): Promise<SyncResult> {
  const origin = checkSyncUrl(baseUrl);
  const call = caller(origin, checkSyncToken(token), opts.fetch ?? fetch.bind(globalThis));
  const now = opts.now ?? new Date();
  // Each page of the server's candidates is merged here as it arrives (a merge is idempotent and
  // order-independent, so a sync cut short leaves nothing half-merged: the next one completes it).
  const pulled = { added: 0, merged: 0, total: 0 };
  pulled.total = await pullAll(
    call,
    now,
    async (page) => {
      const r = await importCandidates(page);
      pulled.added += r.added;
      pulled.merged += r.merged;
    },
    opts.pullPage,
  );
  // Pages go both ways: the server scores each site from the union of its pages and ours.
  const pushed = await pushAll(call, await listCandidates(), now, opts.pushBatch, withStoredPages);
  return { pulled, pushed };
}

export function describeSync(r: SyncResult): string {
  return `Synced: ${r.pulled.added} new and ${r.pulled.merged} merged from the server; the server now has ${r.pushed.added} new and ${r.pushed.merged} updated.`;
}

// ------------------------------------------------------------------ issue 11: the model and the crawl queue

/** What taking the server's model did (`refused`: why it was not taken; the model in use stays). */
export type ModelSync = { state: 'same'; scorerVersion: string } | { state: 'taken'; taken: TakenModel } | { state: 'refused'; reason: string } | { state: 'unavailable' };

/** A GET/POST that an older server does not know (404) is `undefined`, not a failure. */
async function optional(call: Call, path: string, init?: RequestInit): Promise<Response | undefined> {
  try {
    return await call(path, init);
  } catch (e) {
    if (e instanceof SyncError && /answered 404/.test(e.message)) return undefined;
    throw e;
  }
}

/**
 * Takes the curator's model from the server (GET /api/model) when it differs from the one in use,
 * and re-scores the stored pages with it. A malformed model is refused with the reason; scoring
 * goes on with the model in use.
 */
export async function syncModel(baseUrl: string, token: string, opts: SyncOptions = {}): Promise<ModelSync> {
  const call = caller(checkSyncUrl(baseUrl), checkSyncToken(token), opts.fetch ?? fetch.bind(globalThis));
  const res = await optional(call, '/api/model');
  if (!res) return { state: 'unavailable' };
  let offer;
  try {
    offer = checkServerModel(await res.json().catch(() => undefined));
  } catch (e) {
    if (e instanceof ModelError) return { state: 'refused', reason: e.message };
    throw e;
  }
  const inUse = scorerVersionOf(await currentModel());
  if (offer.scorerVersion === inUse) return { state: 'same', scorerVersion: inUse };
  const at = (opts.now ?? new Date()).toISOString();
  return { state: 'taken', taken: await takeModel(offer, { at }) };
}

/** Sends the bookmarked pages (POST /api/bookmarks): the server queues the sites it has not crawled since; keeps each site's crawl status. */
export async function syncBookmarks(baseUrl: string, token: string, opts: SyncOptions = {}): Promise<{ queued: number; statuses: number } | undefined> {
  const call = caller(checkSyncUrl(baseUrl), checkSyncToken(token), opts.fetch ?? fetch.bind(globalThis));
  const bookmarks = (await bookmarkedPages()).slice(0, MAX_BOOKMARKS);
  const res = await optional(call, '/api/bookmarks', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ bookmarks }) });
  if (!res) return undefined;
  const body = (await res.json().catch(() => ({}))) as { queued?: unknown; status?: unknown };
  const statuses = await saveCrawlStatus(body.status);
  return { queued: Array.isArray(body.queued) ? body.queued.length : 0, statuses };
}

/** The sync's words about the model and the crawl queue. */
export function describeLearning(model: ModelSync, queue: { queued: number } | undefined): string {
  const parts: string[] = [];
  if (model.state === 'taken') {
    const t = model.taken;
    const later = t.withoutVector ? ` (${t.withoutVector} bookmarked before this version: re-scored when you bookmark them again)` : '';
    parts.push(`Now scoring with ${scorerModelLabel(t.after)}; re-scored ${t.rescored} page${t.rescored === 1 ? '' : 's'}${later}.`);
  } else if (model.state === 'refused') parts.push(`The server's model was refused: ${model.reason}. Scoring goes on with the model in use.`);
  if (queue?.queued) parts.push(`${queue.queued} bookmarked site${queue.queued === 1 ? '' : 's'} queued for a crawl.`);
  return parts.join(' ');
}
