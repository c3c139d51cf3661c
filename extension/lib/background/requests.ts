// What the background does for a (validated, trusted) message from one of our extension pages.
import { browser } from 'wxt/browser';
import { updateCuration } from '../db.ts';
import { isTrustedSender, parseRequest, type Request } from '../messages.ts';
import { refreshAllBadges } from './badge.ts';
import { bookmarkTab } from './bookmark.ts';
import { activeTabId, reuseGesture } from './gestures.ts';

export async function handleRequest(req: Request): Promise<unknown> {
  switch (req.type) {
    case 'bookmark': {
      const tabId = req.tabId ?? (await activeTabId());
      if (tabId === undefined) return { ok: false, error: 'No tab to bookmark.' };
      return (await reuseGesture(tabId)) ?? bookmarkTab(tabId);
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
