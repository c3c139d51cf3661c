// What the background does for a (validated, trusted) message from one of our extension pages.
import { browser } from 'wxt/browser';
import { candidateName } from '../../../scoring/index.ts';
import { removePageAndRescore, updateCuration } from '../db.ts';
import { isTrustedSender, parseRequest, type BookmarkProgress, type Request } from '../messages.ts';
import { saveSettings, saveSyncToken } from '../settings.ts';
import { checkSyncToken, checkSyncUrl, describeLearning, describeSync, syncBookmarks, syncModel, syncWithServer } from '../sync.ts';
import { refreshAllBadges } from './badge.ts';
import { bookmarkTab } from './bookmark.ts';
import { activeTabId, reuseGesture } from './gestures.ts';

/** Bookmarks in flight, by the popup's request id, so Cancel can stop them. */
const running = new Map<string, AbortController>();

function progress(requestId: string | undefined, stage: BookmarkProgress['stage']): void {
  if (!requestId) return;
  const notice: BookmarkProgress = { type: 'bookmark-progress', requestId, stage };
  // To our own pages (the popup that asked listens); nobody listening is fine.
  void Promise.resolve()
    .then(() => browser.runtime.sendMessage(notice))
    .catch(() => undefined);
}

async function bookmark(req: Extract<Request, { type: 'bookmark' }>): Promise<unknown> {
  const tabId = req.tabId ?? (await activeTabId());
  if (tabId === undefined) return { ok: false, error: 'No tab to bookmark.', reason: 'failed' };
  const reused = await reuseGesture(tabId);
  if (reused) return reused;
  const controller = new AbortController();
  if (req.requestId) running.set(req.requestId, controller);
  try {
    return await bookmarkTab(tabId, { waitMs: req.waitMs, signal: controller.signal, onProgress: (stage) => progress(req.requestId, stage) });
  } finally {
    if (req.requestId) running.delete(req.requestId);
  }
}

async function removePage(url: string): Promise<unknown> {
  try {
    const r = await removePageAndRescore(url);
    const s = r.candidate.siteScore;
    const message = `Removed the page. ${candidateName(r.candidate)} now scores ${Math.round(s.score)} from ${s.pagesScored} ${s.pagesScored === 1 ? 'page' : 'pages'}.`;
    return { ok: true, candidate: r.candidate, message };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}

async function sync(url: string, token: string): Promise<unknown> {
  try {
    // What the curator typed is what we use, and what we keep for next time (when it is usable).
    const origin = checkSyncUrl(url);
    const key = checkSyncToken(token);
    await saveSettings({ syncUrl: origin });
    await saveSyncToken(key);
    // The curator's model first (the pages it re-scores go out with this sync), then the bookmarks
    // (the server queues the sites it has not crawled since, and says so: issue 11; the candidates'
    // bookmarked pages would queue them too, unsaid), then the candidates with their pages.
    const model = await syncModel(origin, key);
    const queue = await syncBookmarks(origin, key);
    const result = await syncWithServer(origin, key);
    await refreshAllBadges().catch(() => undefined);
    return { ok: true, message: [describeSync(result), describeLearning(model, queue)].filter(Boolean).join(' ') };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}

export async function handleRequest(req: Request): Promise<unknown> {
  switch (req.type) {
    case 'bookmark':
      return bookmark(req);
    case 'cancel-bookmark': {
      const c = running.get(req.requestId);
      c?.abort();
      return { ok: Boolean(c) };
    }
    case 'curate': {
      try {
        const { site, ...patch } = req;
        const { type: _t, ...curation } = patch;
        return { ok: true, candidate: await updateCuration(site, curation) };
      } catch (e) {
        return { ok: false, error: (e as Error).message };
      }
    }
    case 'remove-page':
      return removePage(req.url);
    case 'sync':
      return sync(req.url, req.token);
    case 'candidates-changed':
      await refreshAllBadges();
      return { ok: true };
  }
}

/**
 * The runtime.onMessage listener: unknown or malformed messages, and messages from anything but our
 * own extension pages, are ignored. Replies through sendResponse + `return true` (not a returned
 * Promise): that works in every Chrome and Firefox.
 */
export function onMessage(raw: unknown, sender: { id?: string; url?: string }, sendResponse: (reply: unknown) => void): boolean {
  const req = parseRequest(raw);
  if (!req) return false;
  if (!isTrustedSender(sender, browser.runtime.id, browser.runtime.getURL('/'))) return false;
  handleRequest(req).then(sendResponse, (e: unknown) => sendResponse({ ok: false, error: String((e as Error)?.message ?? e) }));
  return true;
}
