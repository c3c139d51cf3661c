// Keeping the toolbar badge in step with what each tab shows.
import { browser, type Browser } from 'wxt/browser';
import { refreshBadge, toolbarAction } from './badge.ts';

export function onTabUpdated(tabId: number, changeInfo: Browser.tabs.OnUpdatedInfo, tab: Browser.tabs.Tab): void {
  const url = tab.url ?? changeInfo.url;
  if (url) {
    if (changeInfo.url || changeInfo.status === 'complete') void refreshBadge(tabId, url).catch(() => undefined);
  } else if (changeInfo.status === 'loading') {
    // A navigation we may not see (no `tabs` permission): drop a badge that may belong to the old page.
    void toolbarAction().setBadgeText({ tabId, text: '' }).catch(() => undefined);
  }
}

export function onTabActivated({ tabId }: { tabId: number }): void {
  void browser.tabs
    .get(tabId)
    .then((t) => refreshBadge(tabId, t.url))
    .catch(() => undefined);
}
