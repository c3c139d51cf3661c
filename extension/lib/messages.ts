// Messages between the extension's contexts (popup/dashboard <-> background), typed and validated.
// Anything that is not exactly one of these shapes, or that does not come from one of our own
// extension pages, is ignored: web pages and other extensions cannot drive the store.
import { isDecision } from '../../scoring/index.ts';
import type { Candidate, Decision, PageScore } from '../../scoring/index.ts';

export const MAX_SITE = 300;
export const MAX_TAGS = 50;
export const MAX_TAG = 100;
export const MAX_NOTES = 20_000;

/** Score the tab (default: the active tab of the current window) and store it as a candidate page. */
export interface BookmarkRequest {
  type: 'bookmark';
  tabId?: number;
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

export type Request = BookmarkRequest | CurateRequest | ChangedNotice;

export type BookmarkReply =
  | { ok: true; page: PageScore; candidate: Candidate; wasKnown: boolean }
  | { ok: false; error: string };
export type CurateReply = { ok: true; candidate: Candidate } | { ok: false; error: string };

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const onlyKeys = (x: Record<string, unknown>, keys: string[]) => Object.keys(x).every((k) => keys.includes(k));
const isTabId = (x: unknown) => Number.isSafeInteger(x) && (x as number) >= 0;
const shortString = (x: unknown, max: number) => typeof x === 'string' && x.length > 0 && x.length <= max;

/** The message if it has exactly one of the known shapes, else null (ignore it). */
export function parseRequest(raw: unknown): Request | null {
  if (!isObj(raw) || typeof raw.type !== 'string') return null;
  switch (raw.type) {
    case 'bookmark':
      if (!onlyKeys(raw, ['type', 'tabId'])) return null;
      if (raw.tabId !== undefined && !isTabId(raw.tabId)) return null;
      return raw.tabId === undefined ? { type: 'bookmark' } : { type: 'bookmark', tabId: raw.tabId as number };
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
