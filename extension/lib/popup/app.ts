// The toolbar popup, mounted on its page: opening it bookmarks the tab (read + scored in the
// background) and shows the score, the six components, the evidence, the site's kind and the
// candidate status; the curator sets decision, tags and a note right here. A slow page shows
// progress and Cancel. `?tabId=N` targets another tab and `?wait=MS` shortens the wait for a page
// still loading (both used by the e2e tests).
import { browser } from 'wxt/browser';
import { candidateName } from '../../../scoring/index.ts';
import type { Decision } from '../../../scoring/index.ts';
import { dbEvents, requestPersistence } from '../db.ts';
import { caretToEndOnFocus } from '../dom.ts';
import { MAX_WAIT_MS, MIN_WAIT_MS, isBookmarkProgress, type BookmarkReply, type CurateReply, type Request, type SyncReply } from '../messages.ts';
import { getSettings, getSyncToken, saveSettings } from '../settings.ts';
import { parseTags, renderCandidate, renderCrawlStatus, renderReply, setStatus } from './view.ts';
import { crawlStatusOf } from '../learning.ts';

const STAGE_TEXT = { reading: 'Reading the page', scoring: 'Scoring', saving: 'Saving' } as const;

/** A whole number from the popup's query string, within bounds, else undefined. */
export function queryNumber(search: string, name: string, min: number, max: number): number | undefined {
  const raw = new URLSearchParams(search).get(name);
  if (raw === null || !/^\d{1,10}$/.test(raw)) return undefined;
  const n = Number(raw);
  return n >= min && n <= max ? n : undefined;
}

export function mountPopup(doc: Document): void {
  const byId = <T extends HTMLElement>(id: string) => doc.getElementById(id) as T;
  const search = doc.defaultView?.location.search ?? '';
  const targetTabId = queryNumber(search, 'tabId', 0, Number.MAX_SAFE_INTEGER);
  const waitMs = queryNumber(search, 'wait', MIN_WAIT_MS, MAX_WAIT_MS);
  const send = <T>(req: Request): Promise<T> => browser.runtime.sendMessage(req) as Promise<T>;
  const cancelButton = byId<HTMLButtonElement>('cancel');

  let currentSite: string | undefined;
  let requestId: string | undefined;
  let stage: keyof typeof STAGE_TEXT = 'reading';
  let startedAt = 0;
  let ticker: ReturnType<typeof setInterval> | undefined;

  function showProgress(): void {
    const s = Math.floor((Date.now() - startedAt) / 1000);
    setStatus(doc, `${STAGE_TEXT[stage]}…${s >= 1 ? ` ${s} s` : ''}`, 'loading');
  }

  browser.runtime.onMessage.addListener((msg: unknown) => {
    if (!isBookmarkProgress(msg) || msg.requestId !== requestId) return;
    stage = msg.stage;
    showProgress();
  });

  async function bookmark(): Promise<void> {
    requestId = crypto.randomUUID();
    stage = 'reading';
    startedAt = Date.now();
    showProgress();
    clearInterval(ticker);
    ticker = setInterval(showProgress, 1000);
    cancelButton.hidden = false;
    const req: Request = { type: 'bookmark', requestId };
    if (targetTabId !== undefined) req.tabId = targetTabId;
    if (waitMs !== undefined) req.waitMs = waitMs;
    let reply: BookmarkReply;
    try {
      reply = await send<BookmarkReply>(req);
    } catch (e) {
      reply = { ok: false, error: `The extension did not answer: ${(e as Error).message}`, reason: 'failed' };
    } finally {
      clearInterval(ticker);
      cancelButton.hidden = true;
      requestId = undefined;
    }
    renderReply(doc, reply);
    currentSite = reply?.ok ? reply.candidate.site : undefined;
    if (currentSite) await crawlStatusOf(currentSite).then((s) => renderCrawlStatus(doc, s)).catch(() => undefined);
  }

  function cancel(): void {
    if (!requestId) return;
    void send({ type: 'cancel-bookmark', requestId }).catch(() => undefined);
    setStatus(doc, 'Cancelling…', 'loading');
  }

  async function save(): Promise<void> {
    if (!currentSite) return;
    setStatus(doc, 'Saving…', 'loading');
    const reply = await send<CurateReply>({
      type: 'curate',
      site: currentSite,
      decision: byId<HTMLSelectElement>('decision').value as Decision,
      tags: parseTags(byId<HTMLInputElement>('tags').value)
        .map((t) => t.slice(0, 100))
        .slice(0, 50),
      notes: byId<HTMLTextAreaElement>('note').value,
    }).catch((e: unknown) => ({ ok: false as const, error: String((e as Error).message) }));
    if (reply?.ok) {
      renderCandidate(doc, reply.candidate, true);
      setStatus(doc, `Saved the decision, tags and note for ${candidateName(reply.candidate)}.`, 'saved');
    } else {
      setStatus(doc, reply?.error ?? 'Could not save.', 'error');
    }
  }

  async function openDashboard(): Promise<void> {
    // entrypoints/dashboard/ builds to /dashboard.html (string-typed: it may not be generated yet).
    const getURL = browser.runtime.getURL as (path: string) => string;
    await browser.tabs.create({ url: getURL('/dashboard.html') });
    if (targetTabId === undefined) doc.defaultView?.close();
  }

  async function initSettings(): Promise<void> {
    const s = await getSettings();
    const badge = byId<HTMLInputElement>('setting-badge');
    const year = byId<HTMLInputElement>('setting-year');
    const sync = byId<HTMLInputElement>('setting-sync');
    const token = byId<HTMLInputElement>('setting-token');
    badge.checked = s.badge;
    year.value = s.roundupYear === null ? '' : String(s.roundupYear);
    sync.value = s.syncUrl;
    token.value = await getSyncToken();
    badge.addEventListener('change', () => void saveSettings({ badge: badge.checked }).then(() => send({ type: 'candidates-changed' })));
    year.addEventListener('change', () => void saveSettings({ roundupYear: year.value ? Number(year.value) : null }));
    byId('sync').addEventListener('click', () => {
      // The address and token in the fields now, not what was stored before: the background
      // checks them, keeps them for next time and syncs.
      setStatus(doc, `Syncing with ${sync.value}…`, 'loading');
      void send<SyncReply>({ type: 'sync', url: sync.value.trim(), token: token.value })
        .then(async (r) => {
          if (!r?.ok) return setStatus(doc, r?.error ?? 'Sync failed.', 'error');
          // What the crawler now says about this site (queued / crawled), as of this sync.
          if (currentSite) renderCrawlStatus(doc, await crawlStatusOf(currentSite).catch(() => undefined));
          setStatus(doc, r.message, 'done');
        })
        .catch((e: unknown) => setStatus(doc, (e as Error).message, 'error'));
    });
    byId('grant-tabs').addEventListener('click', () => {
      // Must run inside the click (a user gesture), before any await.
      void browser.permissions
        .request({ permissions: ['tabs'] })
        .then((granted) => {
          setStatus(doc, granted ? 'The badge now shows on every tab of a known candidate.' : 'Permission not granted.', 'done');
          if (granted) return send({ type: 'candidates-changed' });
        })
        .catch((e: unknown) => setStatus(doc, String((e as Error).message), 'error'));
    });
  }

  dbEvents.addEventListener('blocked', () =>
    setStatus(doc, 'Mentor Radar is updating its storage: close other Mentor Radar tabs (dashboard) to finish.', 'error'),
  );
  caretToEndOnFocus(byId<HTMLInputElement>('tags'));
  byId('bookmark').addEventListener('click', () => void bookmark());
  cancelButton.addEventListener('click', cancel);
  byId('save').addEventListener('click', () => void save());
  byId('open-dashboard').addEventListener('click', () => void openDashboard());
  void bookmark();
  void initSettings().catch(() => undefined);
  void requestPersistence().catch(() => undefined);
}
