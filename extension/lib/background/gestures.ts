// Bookmarks made from the context menu or the keyboard shortcut (no popup click), and the popup
// that opens right after one: it shows that result instead of reading and scoring again.
import { browser, type Browser } from 'wxt/browser';
import { normalisePageUrl } from '../../../scoring/index.ts';
import type { BookmarkReply } from '../messages.ts';
import { toolbarAction } from './badge.ts';
import { bookmarkTab } from './bookmark.ts';

export const MENU_ID = 'mentor-radar-bookmark';
export const COMMAND = 'bookmark';

export async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** How long a gesture's result is kept for the popup that opens right after it (openPopup). */
const GESTURE_REUSE_MS = 10_000;
const recentGestures = new Map<number, { at: number; url: string; reply: BookmarkReply }>();

/** The gesture's result for this tab, once, if it is recent and the tab still shows that page. */
export async function reuseGesture(tabId: number): Promise<BookmarkReply | undefined> {
  const hit = recentGestures.get(tabId);
  recentGestures.delete(tabId);
  if (!hit || Date.now() - hit.at > GESTURE_REUSE_MS) return undefined;
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  if (!tab?.url) return undefined;
  return normalisePageUrl(tab.url) === hit.url ? hit.reply : undefined;
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

/** The context-menu item, (re)created on install and update. */
export async function createMenu(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: MENU_ID, title: 'Bookmark page in Mentor Radar', contexts: ['page'] });
}
