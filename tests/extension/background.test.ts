// The background's bookmark flow with WXT's fake browser: only scripting.executeScript is stubbed
// (it returns a fixture page); the fake's storage, tabs, runtime messaging and action badge are real
// fakes. contextMenus, commands and permissions.onAdded are not implemented by the fake, so their
// events are recorded here.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import background from '../../extension/entrypoints/background.ts';
import { MENU_ID } from '../../extension/lib/background/gestures.ts';
import { refreshBadge } from '../../extension/lib/background/badge.ts';
import { CANNOT_READ, MAX_HTML } from '../../extension/lib/background/bookmark.ts';
import { closeMentorDb, getCandidate, pagesOfSite, putCandidate } from '../../extension/lib/db.ts';
import type { BookmarkReply, CurateReply } from '../../extension/lib/messages.ts';
import { saveSettings } from '../../extension/lib/settings.ts';
import { scorePage, siteKey } from '../../scoring/index.ts';
import { candidateOf, freshIndexedDb, mentoringHtml } from './fixtures.ts';

type Listener = (...args: never[]) => unknown;
function recordedEvent() {
  const listeners: Listener[] = [];
  return {
    listeners,
    addListener: (l: Listener) => void listeners.push(l),
    removeListener: (l: Listener) => void listeners.splice(listeners.indexOf(l), 1),
    hasListener: (l: Listener) => listeners.includes(l),
  };
}

const pages = new Map<string, string>(); // url -> html served to executeScript
let menuClicked: ReturnType<typeof recordedEvent>;
let commandEvent: ReturnType<typeof recordedEvent>;
let execSpy: ReturnType<typeof vi.fn>;

const EXT = fakeBrowser.runtime.getURL('/');
const POPUP = { id: fakeBrowser.runtime.id, url: `${EXT}popup.html` };

/** Send like an extension page does, through the fake runtime, with an explicit sender. */
async function send<T>(message: unknown, sender: object = POPUP): Promise<T | undefined> {
  let reply: T | undefined;
  let resolve!: () => void;
  const answered = new Promise<void>((r) => (resolve = r));
  // The fake's trigger types only (message, sender); it passes every argument on to the listeners.
  const trigger = fakeBrowser.runtime.onMessage.trigger as unknown as (...args: unknown[]) => Promise<unknown[]>;
  const results = await trigger(message, sender, (r: T) => {
    reply = r;
    resolve();
  });
  if (results.some((r) => r === true)) await answered;
  return reply;
}

beforeEach(async () => {
  fakeBrowser.reset();
  await fakeBrowser.windows.create({ focused: true }); // the fake has no current window until one is focused
  await freshIndexedDb();
  pages.clear();
  menuClicked = recordedEvent();
  commandEvent = recordedEvent();
  const menus = { create: vi.fn(), removeAll: vi.fn(async () => undefined), onClicked: menuClicked };
  Object.assign(fakeBrowser, { contextMenus: menus, commands: { onCommand: commandEvent } });
  Object.assign(fakeBrowser.permissions, { onAdded: recordedEvent() });
  execSpy = vi.fn(async ({ target }: { target: { tabId: number } }) => {
    const tab = await fakeBrowser.tabs.get(target.tabId);
    const url = tab.url ?? '';
    if (!/^https?:/.test(url)) throw new Error('Cannot access a chrome:// URL');
    return [{ frameId: 0, result: { url, html: pages.get(url) ?? '<html></html>', truncated: false } }];
  });
  fakeBrowser.scripting.executeScript = execSpy as never;
  background.main();
});
afterEach(() => closeMentorDb());

async function openTab(url: string, html?: string): Promise<number> {
  if (html !== undefined) pages.set(url, html);
  const tab = await fakeBrowser.tabs.create({ url });
  return tab.id!;
}

describe('bookmark flow', () => {
  it('popup message -> read tab -> score -> store -> candidate -> badge', async () => {
    const url = 'https://www.mentorblog.example/first-meeting';
    const html = mentoringHtml('Your first meeting as a mentor');
    const tabId = await openTab(url, html);
    const reply = await send<BookmarkReply>({ type: 'bookmark', tabId });
    expect(reply?.ok).toBe(true);
    if (!reply?.ok) return;

    // Read with scripting in the tab, capped; scored in the background exactly as scoring/ scores it.
    expect(execSpy).toHaveBeenCalledTimes(1);
    expect(execSpy.mock.calls[0][0]).toMatchObject({ target: { tabId }, args: [MAX_HTML] });
    const expected = scorePage({ url, html, roundupYear: new Date().getUTCFullYear() });
    expect(reply.page.score).toBe(expected.score);
    expect(reply.page.components).toEqual(expected.components);
    expect(reply.page.title).toBe('Your first meeting as a mentor');
    expect(reply.wasKnown).toBe(false);
    expect(reply.candidate).toMatchObject({ site: 'mentorblog.example', sources: ['bookmark'], decision: 'undecided' });

    // Stored: the page and the candidate.
    expect(await getCandidate('mentorblog.example')).toEqual(reply.candidate);
    expect((await pagesOfSite('mentorblog.example')).map((p) => p.url)).toEqual([url]);
    // The badge shows the site's score on that tab.
    expect(await fakeBrowser.action.getBadgeText({ tabId })).toBe(String(Math.round(reply.candidate.siteScore.score)));
  });

  it('a second page of the same site merges into the candidate and builds the site score from both', async () => {
    const a = await openTab('https://mentorblog.example/a', mentoringHtml('Mentoring: the first meeting'));
    const first = await send<BookmarkReply>({ type: 'bookmark', tabId: a });
    await send<CurateReply>({ type: 'curate', site: 'mentorblog.example', decision: 'shortlist', tags: ['mentors'], notes: 'promising' });
    const b = await openTab('https://mentorblog.example/b#comments', mentoringHtml('Starting a mentoring program'));
    const second = await send<BookmarkReply>({ type: 'bookmark', tabId: b });
    expect(first?.ok && second?.ok).toBe(true);
    if (!second?.ok) return;
    expect(second.wasKnown).toBe(true);
    expect(second.candidate.siteScore.pagesScored).toBe(2);
    expect(second.candidate).toMatchObject({ decision: 'shortlist', tags: ['mentors'], notes: 'promising' });
    expect((await pagesOfSite('mentorblog.example')).map((p) => p.url).sort()).toEqual(['https://mentorblog.example/a', 'https://mentorblog.example/b']);
    // Re-bookmarking the same page does not count it twice.
    const again = await send<BookmarkReply>({ type: 'bookmark', tabId: b });
    expect(again?.ok && again.candidate.siteScore.pagesScored).toBe(2);
  });

  it('without tabId, bookmarks the active tab', async () => {
    await openTab('https://other.example/', mentoringHtml('Other'));
    const active = await openTab('https://active.example/mentoring', mentoringHtml('Mentoring at work'));
    // The fake cannot make a tab active (tabs.create ignores `active`), so answer the one query.
    const query = vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(async (q) =>
      q.active && q.currentWindow ? [(await fakeBrowser.tabs.get(active))!] : [],
    );
    const reply = await send<BookmarkReply>({ type: 'bookmark' });
    expect(reply?.ok && reply.candidate.site).toBe('active.example');
    expect(await fakeBrowser.action.getBadgeText({ tabId: active })).not.toBe('');
    expect(query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    query.mockRestore();
  });

  it('a browser page that cannot be read gives a clear error and stores nothing', async () => {
    const tabId = await openTab('chrome://settings/');
    const reply = await send<BookmarkReply>({ type: 'bookmark', tabId });
    expect(reply).toEqual({ ok: false, error: CANNOT_READ });
    expect(await getCandidate('settings')).toBeUndefined();
  });

  it('the context menu item and the keyboard shortcut bookmark the tab too', async () => {
    const tabId = await openTab('https://menu.example/guide', mentoringHtml('A guide for new mentors'));
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    await vi.waitFor(() => expect(fakeBrowser.contextMenus.create).toHaveBeenCalledWith(expect.objectContaining({ id: MENU_ID, contexts: ['page'] })));
    expect(menuClicked.listeners).toHaveLength(1);
    const tab = await fakeBrowser.tabs.get(tabId);
    const openPopup = vi.fn(async () => undefined);
    Object.assign(fakeBrowser.action, { openPopup });
    await menuClicked.listeners[0]({ menuItemId: MENU_ID } as never, tab as never);
    await vi.waitFor(() => expect(openPopup).toHaveBeenCalledTimes(1)); // the last step of the gesture
    expect(await getCandidate('menu.example')).toBeDefined();

    // The popup that opens right after the gesture shows that result instead of scoring again.
    const calls = execSpy.mock.calls.length;
    const popup = await send<BookmarkReply>({ type: 'bookmark', tabId });
    expect(popup?.ok && popup.candidate.site).toBe('menu.example');
    expect(execSpy.mock.calls.length).toBe(calls);
    // ...once only: a later popup re-reads the page.
    await send<BookmarkReply>({ type: 'bookmark', tabId });
    expect(execSpy.mock.calls.length).toBe(calls + 1);

    const tab2 = await openTab('https://keys.example/guide', mentoringHtml('Keyboard mentoring'));
    commandEvent.listeners[0]('bookmark' as never, (await fakeBrowser.tabs.get(tab2)) as never);
    await vi.waitFor(async () => expect(await getCandidate('keys.example')).toBeDefined());
    expect(await fakeBrowser.action.getBadgeText({ tabId: tab2 })).not.toBe('');
  });
});

describe('badge on tabs of known candidates', () => {
  it('shows the site score when a tab navigates to any page of a candidate, clears it elsewhere, honours the setting', async () => {
    await putCandidate(candidateOf('known.example', 73.4));
    const tab = await fakeBrowser.tabs.create({ url: 'https://unknown.example/' });
    await fakeBrowser.tabs.update(tab.id!, { url: 'https://www.known.example/some/other/page' });
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: tab.id! })).toBe('73'));
    await fakeBrowser.tabs.update(tab.id!, { url: 'https://unknown.example/x' });
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: tab.id! })).toBe(''));

    await fakeBrowser.tabs.update(tab.id!, { url: 'https://known.example/' });
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: tab.id! })).toBe('73'));
    await saveSettings({ badge: false });
    await refreshBadge(tab.id!, 'https://known.example/'); // what onUpdated runs, awaited here
    expect(await fakeBrowser.action.getBadgeText({ tabId: tab.id! })).toBe('');
    expect(siteKey('https://www.known.example/some/other/page')).toBe('known.example');
  });

  it('clears the badge when a tab navigates somewhere we cannot see (no tabs permission)', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://known.example/' });
    await fakeBrowser.action.setBadgeText({ tabId: tab.id!, text: '73' });
    // Without the permission Chrome sends status changes with no URL on the tab.
    await fakeBrowser.tabs.onUpdated.trigger(tab.id!, { status: 'loading' }, { ...tab, url: undefined });
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: tab.id! })).toBe(''));
  });
});

describe('untrusted or malformed messages are ignored', () => {
  it('does not act on wrong types, wrong shapes, or foreign senders', async () => {
    await putCandidate(candidateOf('known.example', 50));
    const tabId = await openTab('https://evil.example/', mentoringHtml('Evil'));
    // Foreign extension and a web page (content-script-like sender).
    expect(await send({ type: 'bookmark', tabId }, { id: 'someone-else', url: 'chrome-extension://someone-else/x.html' })).toBeUndefined();
    expect(await send({ type: 'curate', site: 'known.example', decision: 'include' }, { id: fakeBrowser.runtime.id, url: 'https://evil.example/' })).toBeUndefined();
    // Wrong type and wrong shape from our own page.
    expect(await send({ type: 'drop-database' })).toBeUndefined();
    expect(await send({ type: 'bookmark', tabId: 'all' })).toBeUndefined();
    expect(await send({ type: 'curate', site: 'known.example', decision: 'include', extra: 1 })).toBeUndefined();
    expect(execSpy).not.toHaveBeenCalled();
    expect((await getCandidate('known.example'))?.decision).toBe('undecided');
    expect(await getCandidate('evil.example')).toBeUndefined();
    // The same curate from the popup works.
    const ok = await send<CurateReply>({ type: 'curate', site: 'known.example', decision: 'include' });
    expect(ok?.ok && ok.candidate.decision).toBe('include');
  });
});
