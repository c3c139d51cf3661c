// The background's bookmark flow with WXT's fake browser: only scripting.executeScript is stubbed
// (it returns a fixture page); the fake's storage, tabs, runtime messaging and action badge are real
// fakes. contextMenus, commands and permissions.onAdded are not implemented by the fake, so their
// events are recorded here.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import background from '../../extension/entrypoints/background.ts';
import { MENU_ID } from '../../extension/lib/background/gestures.ts';
import { refreshBadge } from '../../extension/lib/background/badge.ts';
import { CANCELLED, CANNOT_READ, MAX_HTML, NO_PERMISSION, bookmarkTab, describeType } from '../../extension/lib/background/bookmark.ts';
import { closeMentorDb, getCandidate, importCandidates, pagesOfSite, putCandidate, withStoredPages } from '../../extension/lib/db.ts';
import type { BookmarkReply, CurateReply, RemovePageReply } from '../../extension/lib/messages.ts';
import { saveSettings } from '../../extension/lib/settings.ts';
import { pagesCandidate, scorePage, scoreSite, siteKey, toSitePage } from '../../scoring/index.ts';
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

/** What executeScript finds in a tab showing `url` (a web page unless said otherwise). */
interface Served {
  html: string;
  contentType?: string;
  status?: number;
  readyState?: string;
  /** Never answers (a page whose scripts block us). */
  hang?: boolean;
  /** executeScript fails with this message. */
  throws?: string;
}
const pages = new Map<string, Served>();
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
    const p = pages.get(url) ?? { html: '<html></html>' };
    if (p.throws) throw new Error(p.throws);
    if (p.hang) return new Promise(() => undefined);
    const result = { url, html: p.html, truncated: false, contentType: p.contentType ?? 'text/html', status: p.status ?? 200, readyState: p.readyState ?? 'complete' };
    return [{ frameId: 0, result }];
  });
  fakeBrowser.scripting.executeScript = execSpy as never;
  background.main();
});
afterEach(() => closeMentorDb());

async function openTab(url: string, html?: string | Served): Promise<number> {
  if (html !== undefined) pages.set(url, typeof html === 'string' ? { html } : html);
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
    expect(execSpy.mock.calls[0][0]).toMatchObject({ target: { tabId }, args: [MAX_HTML, 8000], injectImmediately: true });
    const expected = scorePage({ url, html, roundupYear: new Date().getUTCFullYear() });
    expect(reply.page.score).toBe(expected.score);
    expect(reply.page.components).toEqual(expected.components);
    expect(reply.page.title).toBe('Your first meeting as a mentor');
    expect(reply.wasKnown).toBe(false);
    expect(reply.pageWasKnown).toBe(false);
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
    expect(again?.ok && again.pageWasKnown).toBe(true);
  });

  it('the same post with tracking parameters (utm_*, fbclid…) is the same page, stored under its normalised URL', async () => {
    const html = mentoringHtml('Mentoring: the first meeting');
    const plain = await openTab('https://mentorblog.example/post', html);
    await send<BookmarkReply>({ type: 'bookmark', tabId: plain });
    const tracked = await openTab('https://mentorblog.example:443/post?utm_source=newsletter&utm_medium=email&fbclid=abc#comments', html);
    const reply = await send<BookmarkReply>({ type: 'bookmark', tabId: tracked });
    expect(reply?.ok && reply.pageWasKnown).toBe(true);
    expect(reply?.ok && reply.page.url).toBe('https://mentorblog.example/post');
    expect(reply?.ok && reply.candidate.siteScore.pagesScored).toBe(1);
    expect((await pagesOfSite('mentorblog.example')).map((p) => p.url)).toEqual(['https://mentorblog.example/post']);
    // A query that selects content is kept: another page.
    const other = await openTab('https://mentorblog.example/post?p=2&utm_campaign=x', html);
    const second = await send<BookmarkReply>({ type: 'bookmark', tabId: other });
    expect(second?.ok && second.page.url).toBe('https://mentorblog.example/post?p=2');
    expect(second?.ok && second.pageWasKnown).toBe(false);
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
    expect(reply).toEqual({ ok: false, error: CANNOT_READ, reason: 'cannot-read' });
    expect(await getCandidate('settings')).toBeUndefined();
  });

  it('a web page without a grant gets its own message, not the browser-page one', async () => {
    const tabId = await openTab('https://nogrant.example/guide', {
      html: '',
      throws: 'Cannot access contents of the page. Extension manifest must request permission to access the respective host.',
    });
    const reply = await send<BookmarkReply>({ type: 'bookmark', tabId });
    expect(reply).toEqual({ ok: false, error: NO_PERMISSION, reason: 'no-permission' });
    expect(NO_PERMISSION).not.toBe(CANNOT_READ);
  });

  it('refuses what is not a real HTML page with a one-line reason, and stores nothing', async () => {
    const html = mentoringHtml('Mentoring guide');
    const cases: [string, Served, string, RegExp][] = [
      ['https://docs.example/guide.pdf', { html: '<html><body><embed type="application/pdf"></body></html>', contentType: 'application/pdf' }, 'not-html', /This is a PDF document, not a web page/],
      ['https://docs.example/notes.txt', { html: `<html><body><pre>${html}</pre></body></html>`, contentType: 'text/plain' }, 'not-html', /This is plain text/],
      ['https://docs.example/logo.png', { html: '<html><body><img></body></html>', contentType: 'image/png' }, 'not-html', /an image \(image\/png\)/],
      ['https://docs.example/gone', { html, status: 404 }, 'http-error', /answered 404 Not Found/],
      ['https://docs.example/broken', { html, status: 500 }, 'http-error', /answered 500 Internal Server Error/],
      ['https://docs.example/slow', { html, readyState: 'loading' }, 'loading', /still loading/],
    ];
    for (const [url, served, reason, message] of cases) {
      const reply = await send<BookmarkReply>({ type: 'bookmark', tabId: await openTab(url, served) });
      expect(reply?.ok, url).toBe(false);
      if (reply?.ok !== false) continue;
      expect(reply.reason, url).toBe(reason);
      expect(reply.error, url).toMatch(message);
      expect(reply.error).toMatch(/Nothing was stored|nothing was stored/);
      expect(reply.error.split('\n')).toHaveLength(1);
    }
    expect(await getCandidate('docs.example')).toBeUndefined();
    expect(await pagesOfSite('docs.example')).toEqual([]);
    expect(describeType('application/json; charset=utf-8')).toBe('a application/json file');
  });

  it('Cancel stops a bookmark that waits on a slow page: nothing is stored', async () => {
    const tabId = await openTab('https://slow.example/post', { html: '', hang: true });
    const pending = send<BookmarkReply>({ type: 'bookmark', tabId, requestId: 'req-1', waitMs: 10_000 });
    await vi.waitFor(() => expect(execSpy).toHaveBeenCalled());
    expect(await send({ type: 'cancel-bookmark', requestId: 'req-1' })).toEqual({ ok: true });
    expect(await pending).toEqual({ ok: false, error: CANCELLED, reason: 'cancelled' });
    expect(await getCandidate('slow.example')).toBeUndefined();
    // Nothing runs under that id any more.
    expect(await send({ type: 'cancel-bookmark', requestId: 'req-1' })).toEqual({ ok: false });
  });

  it('a page that never answers times out and stores nothing', async () => {
    const tabId = await openTab('https://stuck.example/post', { html: '', hang: true });
    const reply = await bookmarkTab(tabId, { waitMs: 200, graceMs: 50 });
    expect(reply).toMatchObject({ ok: false, reason: 'timeout' });
    expect(!reply.ok && reply.error).toMatch(/did not answer.*nothing was stored/);
    expect(await getCandidate('stuck.example')).toBeUndefined();
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

describe('removing a page from its site', () => {
  it('removes the page and scores the site again from the pages left; the last page stays', async () => {
    const a = await openTab('https://two.example/a', mentoringHtml('Mentoring: the first meeting'));
    const b = await openTab('https://two.example/b', mentoringHtml('Cooking pasta', '<meta name="x" content="y">'));
    await send<BookmarkReply>({ type: 'bookmark', tabId: a });
    const both = await send<BookmarkReply>({ type: 'bookmark', tabId: b });
    expect(both?.ok && both.candidate.siteScore.pagesScored).toBe(2);
    const r = await send<RemovePageReply>({ type: 'remove-page', url: 'https://two.example/b' });
    expect(r?.ok).toBe(true);
    if (!r?.ok) return;
    expect(r.candidate.siteScore.pagesScored).toBe(1);
    expect(r.message).toMatch(/^Removed the page\. .* now scores \d+ from 1 page\.$/);
    expect((await pagesOfSite('two.example')).map((p) => p.url)).toEqual(['https://two.example/a']);
    expect((await getCandidate('two.example'))?.siteScore.pagesScored).toBe(1);
    const last = await send<RemovePageReply>({ type: 'remove-page', url: 'https://two.example/a' });
    expect(last).toMatchObject({ ok: false, error: expect.stringMatching(/only page stored .*delete the site instead/) });
    expect(await pagesOfSite('two.example')).toHaveLength(1);
  });

  it("removes a crawled page too (the crawler's pages came by import): the site is scored from every page left, and the removal is kept for sync", async () => {
    const crawled = ['/a', '/b', '/c'].map((path) => toSitePage(scorePage({ url: `https://crawled.example${path}`, html: mentoringHtml(`Mentoring ${path}`), roundupYear: 2026 }), '2026-03-01T00:00:00.000Z', 'crawl'));
    await importCandidates([pagesCandidate(crawled, 'crawl', '2026-03-01T00:00:00.000Z')]);
    for (const path of ['/x', '/y']) await send<BookmarkReply>({ type: 'bookmark', tabId: await openTab(`https://crawled.example${path}`, mentoringHtml(`Mentoring ${path}`)) });
    expect((await getCandidate('crawled.example'))?.siteScore.pagesScored).toBe(5);
    const r = await send<RemovePageReply>({ type: 'remove-page', url: 'https://crawled.example/b' });
    expect(r).toMatchObject({ ok: true, message: expect.stringMatching(/now scores \d+ from 4 pages\.$/) });
    const left = await pagesOfSite('crawled.example');
    expect(left.map((p) => p.url).sort()).toEqual(['https://crawled.example/a', 'https://crawled.example/c', 'https://crawled.example/x', 'https://crawled.example/y']);
    const stored = (await getCandidate('crawled.example'))!;
    expect(stored.siteScore).toEqual(scoreSite(left, { site: 'https://crawled.example', roundupYear: new Date().getUTCFullYear() }));
    const [exported] = await withStoredPages([stored]);
    expect(exported.pages?.find((p) => p.url === 'https://crawled.example/b')?.removedAt).toBeDefined();
    // The crawler's copy of the page, imported again, does not bring it back: the removal is newer.
    await importCandidates([pagesCandidate(crawled, 'crawl', '2026-03-01T00:00:00.000Z')]);
    expect((await getCandidate('crawled.example'))?.siteScore.pagesScored).toBe(4);
  });
});

describe('sync from the popup', () => {
  it('checks the typed address and token before anything is kept or sent', async () => {
    const token = 'Abc_def-0123456789abcdefghijklmnopqrstuvwxy';
    const bad = await send<{ ok: boolean; error?: string }>({ type: 'sync', url: 'https://sync.evil.example', token });
    expect(bad).toMatchObject({ ok: false, error: expect.stringMatching(/must be http:\/\/127\.0\.0\.1/) });
    const none = await send<{ ok: boolean; error?: string }>({ type: 'sync', url: 'http://127.0.0.1:9', token: '' });
    expect(none).toMatchObject({ ok: false, error: expect.stringMatching(/needs its token/) });
    expect((await fakeBrowser.storage.local.get('syncToken')).syncToken).toBeUndefined();
    // A usable address and token are kept even when the server is not there.
    const down = await send<{ ok: boolean; error?: string }>({ type: 'sync', url: 'http://127.0.0.1:9/', token });
    expect(down).toMatchObject({ ok: false, error: expect.stringMatching(/Cannot reach the sync server/) });
    expect(down?.error).not.toContain(token);
    expect((await fakeBrowser.storage.local.get('syncToken')).syncToken).toBe(token);
    expect((await fakeBrowser.storage.local.get('settings')).settings).toMatchObject({ syncUrl: 'http://127.0.0.1:9' });
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
