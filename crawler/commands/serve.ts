// `mentor-radar serve [--port N] [--db FILE]`: the loopback sync API for the extension.
//   GET  /api/health      {"ok":true,"candidates":N,"scorerVersion":"..."}
//   GET  /api/candidates  the JSON export (candidatesToJson)
//   POST /api/candidates  body: a JSON export; merged like `import`; {"imported","added","merged"}
// Bound to 127.0.0.1 only. CORS only for chrome-extension:// and moz-extension:// origins; any
// other Origin is refused, and so is any Host that is not the loopback address (DNS rebinding).
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ImportError, SCORER_VERSION, candidatesToJson, parseCandidates } from '../../scoring/index.ts';
import type { Store } from '../store/index.ts';
import type { CommandSpec, Context, Values } from './common.ts';
import { CliError, DB_HELP, dbPath, intOption, oneLine } from './common.ts';
import { open } from './db.ts';
import { SYNC_PORT } from '../constants.ts';

export const MAX_BODY_BYTES = 20 * 1024 * 1024;
const EXTENSION_ORIGIN = /^(chrome-extension|moz-extension):\/\/[a-z0-9-]{1,64}$/i;

const help = `Usage: mentor-radar serve [--port N] [--db FILE]

Serves the store to the browser extension on http://127.0.0.1:PORT (loopback only):
  GET  /api/health       liveness and the number of candidates
  GET  /api/candidates   all candidates, as the JSON export
  POST /api/candidates   a JSON export (Content-Type: application/json, at most 20 MB),
                         merged by site like \`mentor-radar import\`
Only extension pages (chrome-extension://, moz-extension://) get CORS access. Ctrl-C stops it.

Options:
  --port N           TCP port (default ${SYNC_PORT}; 0 picks a free one)
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

export interface SyncServerOptions {
  store: Store;
  now: () => string;
  maxBodyBytes?: number;
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
        res.setHeader('Access-Control-Allow-Headers', 'Content-Type');
        res.setHeader('Access-Control-Max-Age', '600');
        res.writeHead(204);
        res.end();
        return;
      }
      if (path === '/api/health') {
        if (req.method !== 'GET') throw new HttpError(405, 'use GET');
        sendJson(res, 200, { ok: true, candidates: store.listCandidates({}).length, scorerVersion: SCORER_VERSION });
        return;
      }
      if (path === '/api/candidates') {
        if (req.method === 'GET') {
          send(res, 200, candidatesToJson(store.listCandidates({}), now()));
          return;
        }
        if (req.method === 'POST') {
          const type = String(req.headers['content-type'] ?? '').toLowerCase();
          if (!/^application\/json\b/.test(type)) throw new HttpError(415, 'send the JSON export as application/json');
          const text = await readBody(req, limit);
          let candidates;
          try {
            candidates = parseCandidates(text, now());
          } catch (e) {
            if (e instanceof ImportError) throw new HttpError(400, e.message);
            throw e;
          }
          const result = store.mergeCandidates(candidates);
          opts.log?.(`merged ${result.imported} candidate(s) (new ${result.added}, merged ${result.merged})`);
          sendJson(res, 200, result);
          return;
        }
        throw new HttpError(405, 'use GET or POST');
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

async function run(values: Values, _pos: string[], ctx: Context): Promise<number> {
  const port = intOption(values, 'port', { min: 0, max: 65535 }) ?? SYNC_PORT;
  const signal = ctx.signal();
  const store = open(dbPath(values, ctx.io));
  const server = createSyncServer({ store, now: ctx.now, log: (l) => ctx.io.stderr(l + '\n') });
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
  options: { port: { type: 'string' }, db: { type: 'string' } },
  positionals: { min: 0, max: 0 },
  run,
};
