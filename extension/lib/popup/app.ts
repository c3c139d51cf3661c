// The toolbar popup, mounted on its page: opening it bookmarks the tab (read + scored in the
// background) and shows the score, the six components, the evidence, the site kind and the
// candidate status; the curator sets decision, tags and a note right here. `?tabId=N` targets
// another tab (used by the e2e tests).
import { browser } from 'wxt/browser';
import { dbEvents, requestPersistence } from '../db.ts';
import type { BookmarkReply, CurateReply, Request } from '../messages.ts';
import { parseTags, renderCandidate, renderReply, setStatus } from './view.ts';
import { getSettings, saveSettings } from '../settings.ts';
import { describeSync, syncWithServer } from '../sync.ts';
import type { Decision } from '../../../scoring/index.ts';

export function mountPopup(doc: Document): void {
  const byId = <T extends HTMLElement>(id: string) => doc.getElementById(id) as T;

  function targetTabId(): number | undefined {
    const raw = new URLSearchParams(location.search).get('tabId');
    if (raw === null || !/^\d{1,10}$/.test(raw)) return undefined;
    return Number(raw);
  }

  function send<T>(req: Request): Promise<T> {
    return browser.runtime.sendMessage(req) as Promise<T>;
  }

  let currentSite: string | undefined;

  async function bookmark(): Promise<void> {
    setStatus(doc, 'Scoring…', 'loading');
    const tabId = targetTabId();
    let reply: BookmarkReply;
    try {
      reply = await send<BookmarkReply>(tabId === undefined ? { type: 'bookmark' } : { type: 'bookmark', tabId });
    } catch (e) {
      reply = { ok: false, error: `The extension did not answer: ${(e as Error).message}` };
    }
    renderReply(doc, reply);
    currentSite = reply?.ok ? reply.candidate.site : undefined;
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
      setStatus(doc, 'Saved.', 'saved');
    } else {
      setStatus(doc, reply?.error ?? 'Could not save.', 'error');
    }
  }

  async function openDashboard(): Promise<void> {
    // entrypoints/dashboard/ builds to /dashboard.html (string-typed: it may not be generated yet).
    const getURL = browser.runtime.getURL as (path: string) => string;
    await browser.tabs.create({ url: getURL('/dashboard.html') });
    if (targetTabId() === undefined) window.close();
  }

  async function initSettings(): Promise<void> {
    const s = await getSettings();
    const badge = byId<HTMLInputElement>('setting-badge');
    const year = byId<HTMLInputElement>('setting-year');
    const sync = byId<HTMLInputElement>('setting-sync');
    badge.checked = s.badge;
    year.value = s.roundupYear === null ? '' : String(s.roundupYear);
    sync.value = s.syncUrl;
    badge.addEventListener('change', () => void saveSettings({ badge: badge.checked }).then(() => send({ type: 'candidates-changed' })));
    year.addEventListener('change', () => void saveSettings({ roundupYear: year.value ? Number(year.value) : null }));
    sync.addEventListener('change', () => void saveSettings({ syncUrl: sync.value }).then((n) => (sync.value = n.syncUrl)));
    byId('sync').addEventListener('click', () => {
      setStatus(doc, 'Syncing…', 'loading');
      void getSettings()
        .then((s) => syncWithServer(s.syncUrl))
        .then(async (r) => {
          setStatus(doc, describeSync(r), 'done');
          await send({ type: 'candidates-changed' });
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
  byId('bookmark').addEventListener('click', () => void bookmark());
  byId('save').addEventListener('click', () => void save());
  byId('open-dashboard').addEventListener('click', () => void openDashboard());
  void bookmark();
  void initSettings().catch(() => undefined);
  void requestPersistence().catch(() => undefined);
}
