// The bookmark flow, run in the background: read the tab (activeTab + scripting), refuse what is
// not a real page (not HTML, an HTTP error, still loading), score it here with scoring/ (never in
// the page), store the page under its normalised URL, score the site again from its pages from
// every source (scoring's one merge rule), update the badge. A bookmark can be cancelled until it
// is saved; a cancelled or timed-out bookmark stores nothing.
import { browser } from 'wxt/browser';
import { normalisePageUrl } from '../../../scoring/index.ts';
import { encodeVector, scorePageWithVector } from '../../../scoring/vector.ts';
import { savePageAndCandidate } from '../db.ts';
import { currentModel } from '../learning.ts';
import type { BookmarkProgress, BookmarkReply, RefusalReason } from '../messages.ts';
import { getSettings, roundupYearOf } from '../settings.ts';
import { setBadgeFor } from './badge.ts';

/** Pages bigger than this are cut (the scorer reads the start of the document). */
export const MAX_HTML = 5 * 1024 * 1024;
/** How long a page still loading is waited for, by default. */
export const BOOKMARK_WAIT_MS = 8_000;
/** Beyond the wait: the page's own scripts may keep the injected function from answering. */
const ANSWER_GRACE_MS = 5_000;

export interface PageRead {
  url: string;
  html: string;
  truncated: boolean;
  /** `document.contentType`: text/html for a web page, application/pdf in the PDF viewer… */
  contentType: string;
  /** The navigation's HTTP status (0 when the browser does not say, e.g. from the cache). */
  status: number;
  readyState: string;
}

/**
 * Runs inside the page (serialised by scripting.executeScript, injected at once, not at idle):
 * waits up to `waitMs` for a page still loading to be parsed, then reads it. No closures, no
 * imports, no async syntax (a bundler's helper would not travel with the function).
 */
export function readDocument(max: number, waitMs = 0): Promise<PageRead> {
  const parsed = new Promise<void>((resolve) => {
    if (document.readyState !== 'loading' || waitMs <= 0) return resolve();
    const timer = setTimeout(resolve, waitMs);
    document.addEventListener('DOMContentLoaded', () => (clearTimeout(timer), resolve()), { once: true });
  });
  return parsed.then(() => {
    const nav = performance.getEntriesByType('navigation')[0] as (PerformanceEntry & { responseStatus?: number }) | undefined;
    const html = document.documentElement ? document.documentElement.outerHTML : '';
    return {
      url: location.href,
      html: html.length > max ? html.slice(0, max) : html,
      truncated: html.length > max,
      contentType: String(document.contentType || ''),
      status: typeof nav?.responseStatus === 'number' ? nav.responseStatus : 0,
      readyState: document.readyState,
    };
  });
}

export const CANNOT_READ =
  "This page can't be read by an extension (browser pages, the extension store and other extensions' pages are off limits). Open a web page and try again.";
export const NO_PERMISSION =
  'Mentor Radar may read a tab only right after you click its toolbar button, its menu item or its shortcut on that tab. Click the Mentor Radar button on the page and try again.';
export const CANCELLED = 'Cancelled: nothing was stored.';

const HTML_TYPES = ['text/html', 'application/xhtml+xml'];

/** "a PDF document", "plain text", "an image (image/png)", "a application/json file". */
export function describeType(contentType: string): string {
  const t = contentType.toLowerCase().split(';')[0].trim();
  if (t === 'application/pdf') return 'a PDF document';
  if (t === 'text/plain') return 'plain text';
  if (t.startsWith('image/')) return `an image (${t})`;
  if (t.startsWith('video/') || t.startsWith('audio/')) return `a media file (${t})`;
  return t ? `a ${t} file` : 'not a web page';
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 410: 'Gone', 429: 'Too Many Requests',
  500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

/** Why this read is not a real page to score, or undefined when it is one. */
export function refusal(read: PageRead, waitMs: number): { reason: RefusalReason; error: string } | undefined {
  let u: URL;
  try {
    u = new URL(read.url);
  } catch {
    return { reason: 'cannot-read', error: CANNOT_READ };
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return { reason: 'cannot-read', error: CANNOT_READ };
  const type = read.contentType.toLowerCase().split(';')[0].trim();
  if (!HTML_TYPES.includes(type)) {
    return { reason: 'not-html', error: `This is ${describeType(type)}, not a web page: Mentor Radar scores HTML pages only. Nothing was stored.` };
  }
  if (read.status >= 400) {
    const text = STATUS_TEXT[read.status] ? ` ${STATUS_TEXT[read.status]}` : '';
    return { reason: 'http-error', error: `The server answered ${read.status}${text} for this page: an error page is not scored. Nothing was stored.` };
  }
  if (read.readyState === 'loading') {
    return { reason: 'loading', error: `This page is still loading (waited ${Math.round(waitMs / 1000)} s). Try again when it has loaded; nothing was stored.` };
  }
  return undefined;
}

/** An executeScript failure in the curator's words. */
export function describeFailure(e: unknown): { reason: RefusalReason; error: string } {
  const msg = e instanceof Error ? e.message : String(e);
  if (/no tab with id/i.test(msg)) return { reason: 'closed', error: 'That tab is closed. Open the page again and retry.' };
  // chrome:// and the Web Store say "Cannot access a chrome:// URL" / "cannot be scripted".
  if (/chrome:\/\/|chrome-extension:\/\/|about:|moz-extension:|extensions gallery|cannot be scripted|file:\/\//i.test(msg)) {
    return { reason: 'cannot-read', error: CANNOT_READ };
  }
  // A web page we have no grant for: "Cannot access contents of the page. Extension manifest must request permission…"
  if (/cannot access contents|must request permission|missing host permission|host permission|permission/i.test(msg)) {
    return { reason: 'no-permission', error: NO_PERMISSION };
  }
  if (/cannot access/i.test(msg)) return { reason: 'cannot-read', error: CANNOT_READ };
  return { reason: 'failed', error: `Could not score this page: ${msg.slice(0, 300)}` };
}

class Stop extends Error {
  constructor(
    readonly reason: RefusalReason,
    message: string,
  ) {
    super(message);
  }
}

/** `work`, unless `signal` aborts first or `ms` pass: then a Stop. */
function raceStop<T>(work: Promise<T>, signal: AbortSignal | undefined, ms: number, onTimeout: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Stop('timeout', onTimeout)), ms);
    const onAbort = () => reject(new Stop('cancelled', CANCELLED));
    if (signal?.aborted) onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    });
  });
}

async function readTab(tabId: number, waitMs: number, graceMs: number, signal?: AbortSignal): Promise<PageRead> {
  const run = browser.scripting.executeScript({ target: { tabId }, func: readDocument, args: [MAX_HTML, waitMs], injectImmediately: true } as Parameters<
    typeof browser.scripting.executeScript
  >[0]);
  const timeout = `The page did not answer within ${Math.round((waitMs + graceMs) / 1000)} s; nothing was stored. Try again when it has loaded.`;
  const results = await raceStop(run, signal, waitMs + graceMs, timeout);
  const r = results?.[0]?.result as PageRead | undefined;
  if (!r || typeof r.html !== 'string' || typeof r.url !== 'string') throw new Error('the page returned nothing');
  return { ...r, contentType: String(r.contentType ?? ''), status: Number(r.status) || 0, readyState: String(r.readyState ?? 'complete') };
}

export interface BookmarkOptions {
  now?: () => Date;
  waitMs?: number;
  /** How long past `waitMs` the page may take to answer (default ANSWER_GRACE_MS). */
  graceMs?: number;
  signal?: AbortSignal;
  onProgress?: (stage: BookmarkProgress['stage']) => void;
}

/** Bookmark one tab. Never throws: errors come back as `{ ok: false, error, reason }` for the popup. */
export async function bookmarkTab(tabId: number, opts: BookmarkOptions = {}): Promise<BookmarkReply> {
  const now = opts.now ?? (() => new Date());
  const waitMs = opts.waitMs ?? BOOKMARK_WAIT_MS;
  const { signal } = opts;
  let read: PageRead;
  try {
    opts.onProgress?.('reading');
    read = await readTab(tabId, waitMs, opts.graceMs ?? ANSWER_GRACE_MS, signal);
  } catch (e) {
    return e instanceof Stop ? { ok: false, error: e.message, reason: e.reason } : { ok: false, ...describeFailure(e) };
  }
  if (signal?.aborted) return { ok: false, error: CANCELLED, reason: 'cancelled' };
  const refused = refusal(read, waitMs);
  if (refused) return { ok: false, ...refused };
  const url = normalisePageUrl(read.url);
  if (!url) return { ok: false, error: CANNOT_READ, reason: 'cannot-read' };
  try {
    opts.onProgress?.('scoring');
    const settings = await getSettings();
    const roundupYear = roundupYearOf(settings, now());
    // Score first (no transaction is open while we compute), then write in one transaction. The
    // curator's model when sync brought one (learning.ts); the page's vector is kept for the next model.
    const { page, vector } = scorePageWithVector({ url, html: read.html, roundupYear }, await currentModel());
    if (read.truncated && !page.flags.includes('truncated')) page.flags = [...page.flags, 'truncated'];
    if (signal?.aborted) return { ok: false, error: CANCELLED, reason: 'cancelled' };
    opts.onProgress?.('saving');
    // The site is scored again from all its pages (scoring's merge rule) in the write's transaction;
    // the page keeps its vector (a later model re-scores it: learning.ts).
    const saved = await savePageAndCandidate(page, now().toISOString(), encodeVector(vector));
    await setBadgeFor(tabId, saved.candidate).catch(() => undefined);
    return { ok: true, page, candidate: saved.candidate, wasKnown: saved.wasKnown, pageWasKnown: saved.pageWasKnown };
  } catch (e) {
    const err = e as Error;
    return { ok: false, error: err?.name === 'DbQuotaError' ? err.message : describeFailure(e).error, reason: 'failed' };
  }
}
