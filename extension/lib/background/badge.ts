// The toolbar badge: the site's score on tabs of known candidates (when the setting is on).
import { browser } from 'wxt/browser';
import { siteKey, candidateName } from '../../../scoring/index.ts';
import type { Candidate } from '../../../scoring/index.ts';
import { getCandidate } from '../db.ts';
import { getSettings } from '../settings.ts';

/** `action` in MV3; Firefox's MV2 build only has `browserAction` (same badge API). */
export function toolbarAction(): typeof browser.action {
  return browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
}

export function badgeText(c: Candidate): string {
  return String(Math.round(c.siteScore.score));
}

export function badgeColor(score: number): string {
  if (score >= 70) return '#1a7f37';
  if (score >= 40) return '#9a6700';
  return '#6e7781';
}

export async function setBadgeFor(tabId: number, c: Candidate | undefined): Promise<void> {
  const settings = await getSettings();
  const action = toolbarAction();
  if (!c || !settings.badge) {
    await action.setBadgeText({ tabId, text: '' });
    return;
  }
  await action.setBadgeText({ tabId, text: badgeText(c) });
  await action.setBadgeBackgroundColor({ tabId, color: badgeColor(c.siteScore.score) });
  await action.setTitle({ tabId, title: `Mentor Radar: ${candidateName(c)} scores ${badgeText(c)} (${c.decision})` });
}

/** Badge for a tab whose URL we know (tabs.onUpdated/onActivated): the site's score if it is a candidate. */
export async function refreshBadge(tabId: number, url: string | undefined): Promise<void> {
  if (!url) return; // no URL without the optional `tabs` permission: leave the badge alone
  let site: string;
  try {
    site = siteKey(url);
  } catch {
    await toolbarAction().setBadgeText({ tabId, text: '' }).catch(() => undefined);
    return;
  }
  await setBadgeFor(tabId, await getCandidate(site));
}

/** Badges on every open tab whose URL we may see (the optional `tabs` permission or host access). */
export async function refreshAllBadges(): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(tabs.map((t) => (t.id !== undefined ? refreshBadge(t.id, t.url).catch(() => undefined) : undefined)));
}
