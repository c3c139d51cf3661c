// Service worker: listeners only. The bookmark flow, curation writes from our own pages and the
// toolbar badge live in lib/background/.
import { browser } from 'wxt/browser';
import { refreshAllBadges } from '../lib/background/badge.ts';
import { COMMAND, MENU_ID, bookmarkFromGesture, createMenu } from '../lib/background/gestures.ts';
import { onMessage } from '../lib/background/requests.ts';
import { onTabActivated, onTabUpdated } from '../lib/background/tabs.ts';

export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(() => void createMenu().catch(() => undefined));
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_ID) void bookmarkFromGesture(tab);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === COMMAND) void bookmarkFromGesture(tab);
  });
  browser.runtime.onMessage.addListener(onMessage);
  // The curator granted the optional `tabs` permission: badges on every open candidate tab now.
  browser.permissions?.onAdded?.addListener(() => void refreshAllBadges().catch(() => undefined));
  browser.tabs.onUpdated.addListener(onTabUpdated);
  browser.tabs.onActivated.addListener(onTabActivated);
});
