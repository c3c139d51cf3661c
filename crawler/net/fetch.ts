// One polite HTTP GET with the crawler's rules: an honest User-Agent, manual redirects (loops and
// chains detected), a streamed body capped at maxBytes (aborted past it), a timeout covering the
// whole exchange, HTML-only on request, decoded by net/decode.ts (BOM, header charset, <meta>,
// UTF-8 or windows-1252). Failures are FetchErrors with a kind, never anything else.
import { DEFAULT_TIMEOUT_MS, MAX_BODY_BYTES } from '../constants.ts';
import { decodeBody } from './decode.ts';

export const USER_AGENT =
  'MentorRadar/0.1 (+https://github.com/mentor-radar/mentor-radar; crawler for a mentoring-blogs roundup)';

const DEFAULT_MAX_REDIRECTS = 5;

export interface FetchedPage {
  url: string;
  finalUrl: string;
  status: number;
  contentType: string;
  charset: string;
  body: string;
  bytes: number;
  truncated: boolean;
  /** Raw response headers (lower-case names). */
  headers?: Record<string, string>;
}

export type FetchErrorKind =
  | 'dns'
  | 'refused'
  | 'timeout'
  | 'too-many-redirects'
  | 'redirect-loop'
  | 'too-large'
  | 'not-html'
  | 'http'
  | 'bad-url'
  | 'robots'
  | 'other';

export class FetchError extends Error {
  kind: FetchErrorKind;
  status?: number;
  url?: string;
  constructor(kind: FetchErrorKind, message: string, opts: { status?: number; url?: string } = {}) {
    super(message);
    this.name = 'FetchError';
    this.kind = kind;
    if (opts.status !== undefined) this.status = opts.status;
    if (opts.url !== undefined) this.url = opts.url;
  }
}

export interface FetchOptions {
  /** Default 5 MB; the body is streamed and the download aborted past it. */
  maxBytes?: number;
  /** Whole exchange (connect, headers, body, redirects). Default 20 s. */
  timeoutMs?: number;
  /** 'html' (default): anything but HTML/XHTML is refused before its body is read. */
  accept?: 'html' | 'any';
  signal?: AbortSignal;
  maxRedirects?: number;
  /** Past maxBytes, return the first maxBytes with truncated: true instead of failing with 'too-large'. */
  truncate?: boolean;
  /** HTTP statuses >= 400 are returned rather than thrown (robots.txt needs to see them). */
  allowErrorStatus?: boolean;
  /** Asked before a redirect is followed; return false (or throw a FetchError) to stop there. */
  followRedirect?: (to: string, from: string) => boolean;
  /** Called right before each request goes out (redirect hops included). */
  onRequest?: (url: string) => void;
}

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

function classify(err: unknown, url: string, timedOut: boolean, aborted: boolean): FetchError {
  if (err instanceof FetchError) return err;
  if (timedOut) return new FetchError('timeout', `timed out: ${url}`, { url });
  if (aborted) return new FetchError('other', `aborted: ${url}`, { url });
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = e?.cause?.code ?? (err as { code?: string })?.code;
  const msg = e?.cause?.message ?? e?.message ?? String(err);
  if (e?.name === 'TimeoutError' || code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'ETIMEDOUT') {
    return new FetchError('timeout', `timed out: ${url}`, { url });
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') return new FetchError('dns', `DNS lookup failed: ${url}`, { url });
  if (code === 'ECONNREFUSED') return new FetchError('refused', `connection refused: ${url}`, { url });
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE') return new FetchError('other', `connection reset: ${url}`, { url });
  return new FetchError('other', `${msg}: ${url}`, { url });
}

function parseHttpUrl(url: string): URL {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new FetchError('bad-url', `not a URL: ${url.slice(0, 200)}`, { url });
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new FetchError('bad-url', `not an http(s) URL: ${url.slice(0, 200)}`, { url });
  u.hash = '';
  return u;
}

/** Reads the body stream up to maxBytes; past it, cancels the download. */
async function readCapped(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<{ bytes: Uint8Array; over: boolean }> {
  if (!body) return { bytes: new Uint8Array(0), over: false };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  let over = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (total + value.byteLength > maxBytes) {
      chunks.push(value.subarray(0, maxBytes - total));
      total = maxBytes;
      over = true;
      await reader.cancel().catch(() => undefined);
      break;
    }
    chunks.push(value);
    total += value.byteLength;
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return { bytes, over };
}

export async function fetchPage(url: string, opts: FetchOptions = {}): Promise<FetchedPage> {
  const maxBytes = opts.maxBytes ?? MAX_BODY_BYTES;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxRedirects = opts.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const accept = opts.accept ?? 'html';
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onOuterAbort = () => controller.abort();
  if (opts.signal) {
    if (opts.signal.aborted) controller.abort();
    else opts.signal.addEventListener('abort', onOuterAbort, { once: true });
  }
  let current = parseHttpUrl(url);
  const seen = new Set<string>([current.href]);
  try {
    for (let hop = 0; ; hop++) {
      opts.onRequest?.(current.href);
      let res: Response;
      try {
        res = await fetch(current.href, {
          redirect: 'manual',
          signal: controller.signal,
          headers: {
            'user-agent': USER_AGENT,
            accept: accept === 'html' ? 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1' : '*/*',
            'accept-language': 'en',
          },
        });
      } catch (err) {
        throw classify(err, current.href, timedOut, controller.signal.aborted);
      }
      if (res.status >= 300 && res.status < 400 && res.headers.has('location')) {
        await res.body?.cancel().catch(() => undefined);
        let next: URL;
        try {
          next = parseHttpUrl(new URL(res.headers.get('location') ?? '', current).href);
        } catch {
          throw new FetchError('bad-url', `bad redirect target from ${current.href}`, { url, status: res.status });
        }
        if (seen.has(next.href)) throw new FetchError('redirect-loop', `redirect loop at ${next.href}`, { url, status: res.status });
        if (hop + 1 > maxRedirects) throw new FetchError('too-many-redirects', `more than ${maxRedirects} redirects from ${url}`, { url, status: res.status });
        if (opts.followRedirect && !opts.followRedirect(next.href, current.href)) {
          throw new FetchError('other', `redirect to ${next.href} not followed`, { url, status: res.status });
        }
        seen.add(next.href);
        current = next;
        continue;
      }
      const contentTypeHeader = res.headers.get('content-type') ?? '';
      const type = mediaType(contentTypeHeader);
      if (res.status >= 400 && !opts.allowErrorStatus) {
        await res.body?.cancel().catch(() => undefined);
        throw new FetchError('http', `HTTP ${res.status}: ${current.href}`, { url, status: res.status });
      }
      if (accept === 'html' && res.status < 400 && !HTML_TYPES.has(type) && type !== '') {
        await res.body?.cancel().catch(() => undefined);
        throw new FetchError('not-html', `not HTML (${type}): ${current.href}`, { url, status: res.status });
      }
      const declared = Number(res.headers.get('content-length'));
      if (Number.isFinite(declared) && declared > maxBytes && !opts.truncate) {
        await res.body?.cancel().catch(() => undefined);
        throw new FetchError('too-large', `body over ${maxBytes} bytes: ${current.href}`, { url, status: res.status });
      }
      let read: { bytes: Uint8Array; over: boolean };
      try {
        read = await readCapped(res.body, maxBytes);
      } catch (err) {
        throw classify(err, current.href, timedOut, controller.signal.aborted);
      }
      if (read.over && !opts.truncate) {
        throw new FetchError('too-large', `body over ${maxBytes} bytes: ${current.href}`, { url, status: res.status });
      }
      const { text, charset } = decodeBody(read.bytes, contentTypeHeader);
      const headers: Record<string, string> = {};
      res.headers.forEach((v, k) => {
        headers[k] = v;
      });
      return {
        url,
        finalUrl: current.href,
        status: res.status,
        contentType: type,
        charset,
        body: text,
        bytes: read.bytes.byteLength,
        truncated: read.over,
        headers,
      };
    }
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onOuterAbort);
  }
}
