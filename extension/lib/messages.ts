// Messages between the extension's contexts (popup/dashboard <-> background), typed and validated.
// Anything that is not exactly one of these shapes, or that does not come from one of our own
// extension pages, is ignored: web pages and other extensions cannot drive the store.
import { isDecision } from '../../scoring/index.ts';
import type { Candidate, Decision, PageScore } from '../../scoring/index.ts';

export const MAX_SITE = 300;
export const MAX_TAGS = 50;
export const MAX_TAG = 100;
export const MAX_NOTES = 20_000;
const MAX_URL = 8192;
export const MAX_TOKEN = 256;
/** How long a bookmark may wait for a page that is still loading (ms): the bounds of `waitMs`. */
export const MIN_WAIT_MS = 200;
export const MAX_WAIT_MS = 30_000;

/** Score the tab (default: the active tab of the current window) and store it as a candidate page. */
export interface BookmarkRequest {
  type: 'bookmark';
  tabId?: number;
  /** Names this bookmark for `cancel-bookmark` and its progress notices. */
  requestId?: string;
  /** How long to wait for a page still loading before giving up (default BOOKMARK_WAIT_MS). */
  waitMs?: number;
}
/** Stop the bookmark `requestId`: nothing is stored. */
export interface CancelBookmarkRequest {
  type: 'cancel-bookmark';
  requestId: string;
}
/** Remove one stored page from its site; the site is scored again from the pages left. */
export interface RemovePageRequest {
  type: 'remove-page';
  url: string;
}
/** Sync with `mentor-radar serve` at `url` with `token` (both as typed in Settings; saved first). */
export interface SyncRequest {
  type: 'sync';
  url: string;
  token: string;
}
/** Set decision/tags/notes of a stored candidate (from an extension page only). */
export interface CurateRequest {
  type: 'curate';
  site: string;
  decision?: Decision;
  tags?: string[];
  notes?: string;
}
/** Stored candidates changed (dashboard edits, import, delete): the background refreshes badges. */
export interface ChangedNotice {
  type: 'candidates-changed';
  sites?: string[];
}

export type Request = BookmarkRequest | CancelBookmarkRequest | CurateRequest | ChangedNotice | RemovePageRequest | SyncRequest;

/** Why a bookmark stored nothing (the popup's `data-reason`, and tests). */
export type RefusalReason = 'cannot-read' | 'no-permission' | 'not-html' | 'http-error' | 'loading' | 'cancelled' | 'timeout' | 'closed' | 'failed';

export type BookmarkReply =
  | { ok: true; page: PageScore; candidate: Candidate; wasKnown: boolean; pageWasKnown: boolean }
  | { ok: false; error: string; reason?: RefusalReason };
export type CurateReply = { ok: true; candidate: Candidate } | { ok: false; error: string };
export type RemovePageReply = { ok: true; candidate: Candidate; message: string } | { ok: false; error: string };
export type SyncReply = { ok: true; message: string } | { ok: false; error: string };

/** Sent by the background while a bookmark runs (to every extension page; the popup listens). */
export interface BookmarkProgress {
  type: 'bookmark-progress';
  requestId: string;
  stage: 'reading' | 'scoring' | 'saving';
}

export function isBookmarkProgress(x: unknown): x is BookmarkProgress {
  return isObj(x) && x.type === 'bookmark-progress' && typeof x.requestId === 'string' && ['reading', 'scoring', 'saving'].includes(x.stage as string);
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const onlyKeys = (x: Record<string, unknown>, keys: string[]) => Object.keys(x).every((k) => keys.includes(k));
const isTabId = (x: unknown) => Number.isSafeInteger(x) && (x as number) >= 0;
const shortString = (x: unknown, max: number) => typeof x === 'string' && x.length > 0 && x.length <= max;
const isRequestId = (x: unknown) => typeof x === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(x);

/** The message if it has exactly one of the known shapes, else null (ignore it). */
export function parseRequest(raw: unknown): Request | null {
  if (!isObj(raw) || typeof raw.type !== 'string') return null;
  switch (raw.type) {
    case 'bookmark': {
      if (!onlyKeys(raw, ['type', 'tabId', 'requestId', 'waitMs'])) return null;
      const out: BookmarkRequest = { type: 'bookmark' };
      if (raw.tabId !== undefined) {
        if (!isTabId(raw.tabId)) return null;
        out.tabId = raw.tabId as number;
      }
      if (raw.requestId !== undefined) {
        if (!isRequestId(raw.requestId)) return null;
        out.requestId = raw.requestId as string;
      }
      if (raw.waitMs !== undefined) {
        if (!Number.isSafeInteger(raw.waitMs) || (raw.waitMs as number) < MIN_WAIT_MS || (raw.waitMs as number) > MAX_WAIT_MS) return null;
        out.waitMs = raw.waitMs as number;
      }
      return out;
    }
    case 'cancel-bookmark':
      if (!onlyKeys(raw, ['type', 'requestId']) || !isRequestId(raw.requestId)) return null;
      return { type: 'cancel-bookmark', requestId: raw.requestId as string };
    case 'remove-page':
      if (!onlyKeys(raw, ['type', 'url']) || !shortString(raw.url, MAX_URL)) return null;
      return { type: 'remove-page', url: raw.url as string };
    case 'sync':
      if (!onlyKeys(raw, ['type', 'url', 'token'])) return null;
      if (!shortString(raw.url, MAX_URL) || typeof raw.token !== 'string' || raw.token.length > MAX_TOKEN) return null;
      return { type: 'sync', url: raw.url as string, token: raw.token as string };
    case 'curate': {
      if (!onlyKeys(raw, ['type', 'site', 'decision', 'tags', 'notes'])) return null;
      if (!shortString(raw.site, MAX_SITE)) return null;
      const out: CurateRequest = { type: 'curate', site: raw.site as string };
      if (raw.decision !== undefined) {
        if (!isDecision(raw.decision)) return null;
        out.decision = raw.decision;
      }
      if (raw.tags !== undefined) {
        if (!Array.isArray(raw.tags) || raw.tags.length > MAX_TAGS) return null;
        if (!raw.tags.every((t) => typeof t === 'string' && t.length <= MAX_TAG)) return null;
        out.tags = [...(raw.tags as string[])];
      }
      if (raw.notes !== undefined) {
        if (typeof raw.notes !== 'string' || raw.notes.length > MAX_NOTES) return null;
        out.notes = raw.notes;
      }
      if (out.decision === undefined && out.tags === undefined && out.notes === undefined) return null;
      return out;
    }
    case 'candidates-changed':
      if (!onlyKeys(raw, ['type', 'sites'])) return null;
      if (raw.sites !== undefined) {
        if (!Array.isArray(raw.sites) || raw.sites.length > 100_000) return null;
        if (!raw.sites.every((s) => shortString(s, MAX_SITE))) return null;
        return { type: 'candidates-changed', sites: [...(raw.sites as string[])] };
      }
      return { type: 'candidates-changed' };
    default:
      return null;
  }
}

/** What we need of `runtime.MessageSender`. */
export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
}

/**
 * True when the message comes from this extension's own pages (popup, dashboard): same extension
 * id, and a URL under the extension's origin. There are no content scripts, so a sender with a
 * web page URL is never trusted.
 */
export function isTrustedSender(sender: SenderLike | undefined, runtimeId: string, extensionBaseUrl: string): boolean {
  if (!sender || !runtimeId || sender.id !== runtimeId) return false;
  if (typeof sender.url !== 'string') return false;
  let base: URL;
  let from: URL;
  try {
    base = new URL(extensionBaseUrl);
    from = new URL(sender.url);
  } catch {
    return false;
  }
  return from.origin === base.origin && from.protocol === base.protocol && from.protocol.endsWith('-extension:');
}
