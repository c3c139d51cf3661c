// Service worker: the bookmark flow (popup, context menu, keyboard shortcut), curation writes from
// our own pages, and the toolbar badge with the site's score on tabs of known candidates.
import { browser, type Browser } from 'wxt/browser';
import { bookmarkTab, refreshBadge, toolbarAction } from '../lib/bookmark.ts';
import { updateCuration } from '../lib/db.ts';
import { isTrustedSender, parseRequest, type BookmarkReply, type Request } from '../lib/messages.ts';

export const MENU_ID = 'mentor-radar-bookmark';
export const COMMAND = 'bookmark';

async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/**
 * A bookmark made from the context menu or the shortcut, kept a few seconds for the popup that
 * opens right after it (openPopup): the popup shows it instead of reading and scoring again.
 */
const GESTURE_REUSE_MS = 10_000;
const recentGestures = new Map<number, { at: number; url: string; reply: BookmarkReply }>();

async function reuseGesture(tabId: number): Promise<BookmarkReply | undefined> {
  const hit = recentGestures.get(tabId);
  recentGestures.delete(tabId);
  if (!hit || Date.now() - hit.at > GESTURE_REUSE_MS) return undefined;
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  if (!tab?.url) return undefined;
  const url = new URL(tab.url);
  url.hash = '';
  return url.href === hit.url ? hit.reply : undefined;
}

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

/** Badges on every open tab whose URL we may see (the optional `tabs` permission or host access). */
export async function refreshAllBadges(): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(tabs.map((t) => (t.id !== undefined ? refreshBadge(t.id, t.url).catch(() => undefined) : undefined)));
}

/** Bookmark from the context menu or the shortcut: score, badge, then show the popup if the browser lets us. */
export async function bookmarkFromGesture(tab: Browser.tabs.Tab | undefined): Promise<void> {
  const tabId = tab?.id ?? (await activeTabId());
  if (tabId === undefined) return;
  const reply = await bookmarkTab(tabId);
  if (reply.ok) recentGestures.set(tabId, { at: Date.now(), url: reply.page.url, reply });
  if (!reply.ok) {
    await toolbarAction().setBadgeText({ tabId, text: '!' }).catch(() => undefined);
    await toolbarAction().setTitle({ tabId, title: `Mentor Radar: ${reply.error}` }).catch(() => undefined);
  }
  // Shows the score right away where supported (Chrome 127+); the popup re-reads the stored result.
  try {
    await (toolbarAction() as { openPopup?: () => Promise<void> }).openPopup?.();
  } catch {
    /* not supported here, or no focused window: the badge shows the score */
  }
}

export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.removeAll().then(() =>
      browser.contextMenus.create({ id: MENU_ID, title: 'Bookmark page in Mentor Radar', contexts: ['page'] }),
    );
  });

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_ID) void bookmarkFromGesture(tab);
  });

  browser.commands.onCommand.addListener((command, tab) => {
    if (command === COMMAND) void bookmarkFromGesture(tab);
  });

  // sendResponse + `return true` (not a returned Promise): works in every Chrome and Firefox.
  browser.runtime.onMessage.addListener((raw: unknown, sender, sendResponse: (reply: unknown) => void) => {
    const req = parseRequest(raw);
    if (!req) return false; // unknown or malformed: ignored
    if (!isTrustedSender(sender, browser.runtime.id, browser.runtime.getURL('/'))) return false;
    handleRequest(req).then(sendResponse, (e: unknown) => sendResponse({ ok: false, error: String((e as Error)?.message ?? e) }));
    return true;
  });

  // The curator granted the optional `tabs` permission: badges on every open candidate tab now.
  browser.permissions?.onAdded?.addListener(() => void refreshAllBadges().catch(() => undefined));

  browser.tabs.onUpdated.addListener((tabId, changeInfo, tab) => {
    const url = tab.url ?? changeInfo.url;
    if (url) {
      if (changeInfo.url || changeInfo.status === 'complete') void refreshBadge(tabId, url).catch(() => undefined);
    } else if (changeInfo.status === 'loading') {
      // A navigation we may not see (no `tabs` permission): drop a badge that may belong to the old page.
      void toolbarAction().setBadgeText({ tabId, text: '' }).catch(() => undefined);
    }
  });
  browser.tabs.onActivated.addListener(({ tabId }) => {
    void browser.tabs
      .get(tabId)
      .then((t) => refreshBadge(tabId, t.url))
      .catch(() => undefined);
  });
});
