// `mentor-radar serve [--port N] [--db FILE] [--show-token]`: the loopback sync API for the extension.
//   GET  /api/health      {"ok":true,"scorerVersion":"..."}              (no token needed)
//   GET  /api/candidates?offset=&limit=   one page of the JSON export (each candidate with its
//                         pages), in site order, at most MAX_ANSWER_BYTES, with "total", "offset"
//                         and "limit" beside "candidates"
//   POST /api/candidates  body: a JSON export; merged like `import`; {"imported","added","merged"}
//                         (a bookmarked site the crawler never read is queued for a crawl)
//   GET  /api/model       the store's model (issue 11): {"scorerVersion","modelId","trainedAt","modelAt","model"}
//                         ("model" null: the shipped one; "modelAt": when the store took it into use)
//   POST /api/bookmarks   {"bookmarks":[{"url","savedAt"}]}: the extension's bookmarked pages; a site
//                         not read by the crawler since is queued; {"queued":[site],"status":{site: ...}}
// Every /api/ request but health needs `Authorization: Bearer <token>` (crawler/sync-token.ts;
// 401 without). Bound to 127.0.0.1 only. CORS only for chrome-extension:// and moz-extension://
// origins; any other Origin is refused, and so is any Host that is not the loopback address
// (DNS rebinding). Client timestamps must be ISO 8601 and are clamped to the server's clock.
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ImportError, JSON_FORMAT, JSON_VERSION, SCORER_VERSION, parseCandidates, siteKey } from '../../scoring/index.ts';
import type { Candidate } from '../../scoring/index.ts';
import type { Store } from '../store/index.ts';
import { TimestampError, checkSentTimestamps, clampTimestamps, clampedInstant } from '../sync-timestamps.ts';
import { queueBookmarkedCandidates } from '../bookmark-queue.ts';
import { bearerMatches, loadOrCreateToken, tokenPathFor } from '../sync-token.ts';
import type { CommandSpec, Context, Values } from './common.ts';
import { CliError, DB_HELP, dbPath, intOption, oneLine } from './common.ts';
import { open } from './db.ts';
import { SYNC_PORT } from '../constants.ts';

export const MAX_BODY_BYTES = 20 * 1024 * 1024;
/** Candidates per GET page: the default, and the most one request may ask for. */
export const DEFAULT_PAGE = 500;
export const MAX_PAGE = 1000;
/** The most a GET answer holds (about; its candidates as JSON): each candidate carries its pages. */
export const MAX_ANSWER_BYTES = 8 * 1024 * 1024;
const EXTENSION_ORIGIN = /^(chrome-extension|moz-extension):\/\/[a-z0-9-]{1,64}$/i;

const help = `Usage: mentor-radar serve [--port N] [--db FILE] [--show-token]

Serves the store to the browser extension on http://127.0.0.1:PORT (loopback only):
  GET  /api/health       liveness (no token needed)
  GET  /api/candidates   candidates as the JSON export (each with its pages), a page at a time:
                         ?offset=N&limit=N (default ${DEFAULT_PAGE}, at most ${MAX_PAGE}; fewer when
                         they would pass ${MAX_ANSWER_BYTES / 1024 / 1024} MB), with "total"
  POST /api/candidates   a JSON export (Content-Type: application/json, at most 20 MB),
                         merged by site like \`mentor-radar import\`; timestamps must be ISO 8601
  GET  /api/model        the model \`mentor-radar train\` made (the extension scores with it)
  POST /api/bookmarks    the extension's bookmarked pages: their sites are queued for a crawl
                         when the crawler has not read them since; answers each site's crawl status
Every request but health needs "Authorization: Bearer TOKEN". The token is made on the first
run and kept beside the store (FILE.token, readable by you only); paste it into the extension's
Settings. Only extension pages (chrome-extension://, moz-extension://) get CORS access.
Ctrl-C stops it.

Options:
  --port N           TCP port (default ${SYNC_PORT}; 0 picks a free one)
  --show-token       print the sync token (made if there is none yet) and exit
${DB_HELP}
  -h, --help         this help
`;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function send(res: ServerResponse, status: number, body: string, type = 'application/json; charset=utf-8'): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(body);
}

const sendJson = (res: ServerResponse, status: number, value: unknown) => send(res, status, JSON.stringify(value) + '\n');

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      reject(new HttpError(413, `body larger than ${limit} bytes`));
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        reject(new HttpError(413, `body larger than ${limit} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (failed) return;
      try {
        resolve(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)));
      } catch {
        reject(new HttpError(400, 'body is not UTF-8'));
      }
    });
    req.on('error', (e) => {
      failed = true;
      reject(e);
    });
  });
}

/** `?name=N`: a whole number in 0..max (a larger limit is cut to max); absent means `fallback`. */
function pageParam(url: URL, name: string, fallback: number, max: number): number {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^\d{1,16}$/.test(raw)) throw new HttpError(400, `${name} must be a whole number`);
  return Math.min(Number(raw), max);
}

/**
 * The JSON export's envelope around one page of candidates (site order: stable while re-scored),
 * each with its pages and activity. A page holds `limit` candidates or as many as fit in
 * `maxBytes` (at least one): the client asks again from `offset` + the number it got.
 */
function candidatesPage(store: Store, exportedAt: string, offset: number, limit: number, maxBytes: number): Record<string, unknown> {
  const all = store.listCandidates({}).sort((a, b) => (a.site < b.site ? -1 : a.site > b.site ? 1 : 0));
  const candidates: Candidate[] = [];
  let bytes = 0;
  for (const c of all.slice(offset, offset + limit)) {
    const [withPages] = store.withPages([c]);
    const size = JSON.stringify(withPages).length;
    if (candidates.length > 0 && bytes + size > maxBytes) break;
    candidates.push(withPages);
    bytes += size;
  }
  return { format: JSON_FORMAT, version: JSON_VERSION, exportedAt, total: all.length, offset, limit, candidates };
}

/**
 * GET /api/model: the store's model for the extension (null = the shipped one, which it has).
 * `modelAt`: when the store took it into use (a train, or a reset to the shipped model; null: never
 * trained): the extension stamps the pages it re-scores with it (`rescoredAt`), as `train` stamps
 * the crawled ones, so both sides write the same record of a page re-scored by the same model.
 */
function modelBody(store: Store): Record<string, unknown> {
  const active = store.activeModel();
  return {
    scorerVersion: active.scorerVersion,
    modelId: active.kind === 'curator' ? (active.model.id ?? null) : null,
    trainedAt: active.kind === 'curator' ? (active.createdAt ?? null) : null,
    modelAt: active.createdAt ?? null,
    model: active.kind === 'curator' ? active.model : null,
  };
}

/** The most bookmarks one POST /api/bookmarks may carry. */
export const MAX_BOOKMARKS = 10_000;

/** POST /api/bookmarks's body: [{url, savedAt}] with http(s) URLs and ISO times (clamped to now). */
function parseBookmarks(json: unknown, now: string): { url: string; bookmarkedAt: string }[] {
  const list = typeof json === 'object' && json !== null ? (json as { bookmarks?: unknown }).bookmarks : undefined;
  if (!Array.isArray(list)) throw new HttpError(400, 'send {"bookmarks": [{"url": ..., "savedAt": ...}]}');
  if (list.length > MAX_BOOKMARKS) throw new HttpError(413, `at most ${MAX_BOOKMARKS} bookmarks per request`);
  const nowMs = Date.parse(now);
  return list.map((b, i) => {
    const x = (typeof b === 'object' && b !== null ? b : {}) as { url?: unknown; savedAt?: unknown };
    if (typeof x.url !== 'string' || x.url.length > 8192 || !/^https?:\/\/[^/]/i.test(x.url)) throw new HttpError(400, `bookmark ${i + 1}: "url" must be an http(s) URL`);
    try {
      return { url: x.url, bookmarkedAt: clampedInstant(x.savedAt, `bookmark ${i + 1} savedAt`, nowMs) };
    } catch (e) {
      throw new HttpError(400, (e as Error).message);
    }
  });
}

/** Queues the bookmarks' sites the crawler has not read since, and answers every bookmarked site's crawl status. */
function bookmarksBody(store: Store, json: unknown, now: string): Record<string, unknown> {
  const bookmarks = parseBookmarks(json, now);
  // The newest bookmark of each site is the one that counts.
  const newest = new Map<string, { url: string; bookmarkedAt: string }>();
  for (const b of bookmarks) {
    let site: string;
    try {
      site = siteKey(b.url);
    } catch {
      continue;
    }
    const prev = newest.get(site);
    if (!prev || prev.bookmarkedAt < b.bookmarkedAt) newest.set(site, b);
  }
  const queued = store.queueBookmarks([...newest.values()], now);
  return { queued, status: store.crawlStatus([...newest.keys()]) };
}

/** The body as JSON, or undefined (parseCandidates then says what is wrong with it). */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
}

export interface SyncServerOptions {
  store: Store;
  now: () => string;
  /** Required as `Authorization: Bearer <token>` on every /api/ request but health. */
  token: string;
  maxBodyBytes?: number;
  /** The most one GET page holds (default MAX_ANSWER_BYTES). */
  maxAnswerBytes?: number;
  log?: (line: string) => void;
}

/** The request handler, separate from listening so tests can mount it on any port. */
export function createSyncServer(opts: SyncServerOptions): Server {
  const { store, now } = opts;
  const limit = opts.maxBodyBytes ?? MAX_BODY_BYTES;
  return createServer(async (req, res) => {
    try {
      const port = (req.socket.localPort ?? 0).toString();
      const host = (req.headers.host ?? '').toLowerCase();
      if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) throw new HttpError(403, 'bad Host header');
      const origin = req.headers.origin;
      if (origin !== undefined) {
        if (!EXTENSION_ORIGIN.test(origin)) throw new HttpError(403, 'origin not allowed');
        res.setHeader('Access-Control-Allow-Origin', origin);
        res.setHeader('Vary', 'Origin');
      }
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      if (req.method === 'OPTIONS') {
        res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
        res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type');
        res.setHeader('Access-Control-Max-Age', '600');
        res.writeHead(204);
        res.end();
        return;
      }
      if (path === '/api/health') {
        if (req.method !== 'GET') throw new HttpError(405, 'use GET');
        sendJson(res, 200, { ok: true, scorerVersion: SCORER_VERSION });
        return;
      }
      if (path.startsWith('/api/') && !bearerMatches(req.headers.authorization, opts.token)) {
        res.setHeader('WWW-Authenticate', 'Bearer realm="mentor-radar"');
        throw new HttpError(401, 'missing or wrong token: run "mentor-radar serve --show-token" and paste it into the extension\'s settings');
      }
      if (path === '/api/candidates') {
        if (req.method === 'GET') {
          const url = new URL(req.url ?? '/', 'http://127.0.0.1');
          const offset = pageParam(url, 'offset', 0, Number.MAX_SAFE_INTEGER);
          sendJson(res, 200, candidatesPage(store, now(), offset, pageParam(url, 'limit', DEFAULT_PAGE, MAX_PAGE), opts.maxAnswerBytes ?? MAX_ANSWER_BYTES));
          return;
        }
        if (req.method === 'POST') {
          const type = String(req.headers['content-type'] ?? '').toLowerCase();
          if (!/^application\/json\b/.test(type)) throw new HttpError(415, 'send the JSON export as application/json');
          const text = await readBody(req, limit);
          let candidates;
          try {
            checkSentTimestamps(parseJson(text));
            candidates = clampTimestamps(parseCandidates(text, now()), now());
          } catch (e) {
            if (e instanceof ImportError || e instanceof TimestampError) throw new HttpError(400, e.message);
            throw e;
          }
          const result = store.mergeCandidates(candidates);
          opts.log?.(`merged ${result.imported} candidate(s) (new ${result.added}, merged ${result.merged})`);
          const queued = queueBookmarkedCandidates(store, candidates, now());
          if (queued.length) opts.log?.(`queued for a crawl: ${queued.join(', ')}`);
          sendJson(res, 200, result);
          return;
        }
        throw new HttpError(405, 'use GET or POST');
      }
      if (path === '/api/model') {
        if (req.method !== 'GET') throw new HttpError(405, 'use GET');
        sendJson(res, 200, modelBody(store));
        return;
      }
      if (path === '/api/bookmarks') {
        if (req.method !== 'POST') throw new HttpError(405, 'use POST');
        if (!/^application\/json\b/.test(String(req.headers['content-type'] ?? '').toLowerCase())) throw new HttpError(415, 'send application/json');
        const body = bookmarksBody(store, parseJson(await readBody(req, limit)), now());
        if ((body.queued as string[]).length) opts.log?.(`queued for a crawl: ${(body.queued as string[]).join(', ')}`);
        sendJson(res, 200, body);
        return;
      }
      throw new HttpError(404, 'not found');
    } catch (e) {
      if (e instanceof HttpError) {
        if (e.status === 413) res.setHeader('Connection', 'close');
        sendJson(res, e.status, { error: e.message });
      } else {
        opts.log?.(`error: ${oneLine(e)}`);
        sendJson(res, 500, { error: 'internal error' });
      }
    }
  });
}

/** The store's sync token, made on first use; a token file we cannot use is a one-line failure. */
function tokenOf(db: string): { token: string; created: boolean; path: string } {
  const path = tokenPathFor(db);
  try {
    return { ...loadOrCreateToken(path), path };
  } catch (e) {
    throw new CliError(`sync token ${path}: ${oneLine(e)}`);
  }
}

async function run(values: Values, _pos: string[], ctx: Context): Promise<number> {
  const port = intOption(values, 'port', { min: 0, max: 65535 }) ?? SYNC_PORT;
  const db = dbPath(values, ctx.io);
  if (values['show-token']) {
    const { token } = tokenOf(db);
    ctx.io.stdout(token + '\n');
    return 0;
  }
  const signal = ctx.signal();
  const store = open(db);
  let token: string;
  try {
    const t = tokenOf(db);
    token = t.token;
    if (t.created) ctx.io.stderr(`made a sync token in ${t.path}; "mentor-radar serve --show-token" prints it for the extension's settings\n`);
  } catch (e) {
    store.close();
    throw e;
  }
  const server = createSyncServer({ store, now: ctx.now, token, log: (l) => ctx.io.stderr(l + '\n') });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    }).catch((e: NodeJS.ErrnoException) => {
      throw new CliError(e.code === 'EADDRINUSE' ? `port ${port} is in use (try --port)` : `cannot listen on 127.0.0.1:${port}: ${oneLine(e)}`);
    });
    const actual = (server.address() as AddressInfo).port;
    ctx.io.stdout(`serving on http://127.0.0.1:${actual}/api/candidates (Ctrl-C to stop)\n`);
    if (!signal.aborted) await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    return 0;
  } finally {
    store.close();
  }
}

export const command: CommandSpec = {
  name: 'serve',
  summary: 'loopback sync API for the extension',
  help,
  options: { port: { type: 'string' }, db: { type: 'string' }, 'show-token': { type: 'boolean' } },
  positionals: { min: 0, max: 0 },
  run,
};
