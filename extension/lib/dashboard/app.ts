// The dashboard, mounted on its page (entrypoints/dashboard/index.html): every candidate ranked by
// site score, with search, filters, sort, inline curation, keyboard triage, delete with undo,
// per-candidate detail (pages removable), side-by-side comparison, the year's roundup (order, best
// three, blurbs, the Markdown draft, badges), export and import. The parts live beside this file;
// this wires them. Views: body[data-view] is "list", "compare" or "roundup" (the URL hash says which).
//
// Smooth with 10,000 candidates: the list is virtualised, search/filter/sort run over a
// precomputed index (model.ts), and each frame reads layout once before writing.
import { browser } from 'wxt/browser';
import { candidateName, isDecision } from '../../../scoring/index.ts';
import type { Candidate } from '../../../scoring/index.ts';
import { applyCuration, dbEvents, deleteCandidate, editRoundup, listCandidates, pagesOfSite, requestPersistence, restoreCandidate, topCandidatesByScore, updateCuration } from '../db.ts';
import { caretToEndOnFocus, safeHttpUrl, setText } from '../dom.ts';
import { COMPONENT_LABELS } from '../labels.ts';
import type { RemovePageReply } from '../messages.ts';
import { getSettings, roundupYearOf, saveSettings } from '../settings.ts';
import { downloadFile } from '../transfer.ts';
import { CandidateRows, ROW_H, type RowNode } from './candidate-rows.ts';
import { CompareView, MIN_COMPARE, toggleCompared } from './compare.ts';
import { Curator, savedText, typedPatch } from './curation.ts';
import { DetailPanel } from './detail-panel.ts';
import { crawlStatusOf } from '../learning.ts';
import { FilterBar } from './filter-bar.ts';
import { countText } from './format.ts';
import { keyAction, inField, type TriageAction } from './keyboard.ts';
import { sortComponent, type Entry } from './model.ts';
import { RoundupView } from './roundup.ts';
import { DashboardState } from './state.ts';
import { StatusLine, notifyChanged } from './status.ts';
import { mountTransfer } from './transfer.ts';
import { viewFromHash, viewToHash } from './url-hash.ts';
import { VirtualList } from './virtual-list.ts';

export function mountDashboard(doc: Document): void {
  const $ = <T extends HTMLElement = HTMLElement>(id: string) => doc.getElementById(id) as T;
  const win = doc.defaultView as Window & typeof globalThis;
  const rowsEl = $('rows');
  const state = new DashboardState();
  const rows = new CandidateRows();
  const list = new VirtualList<Entry, RowNode>(doc, rowsEl, $('rows-spacer'), rows, ROW_H);
  const status = new StatusLine($('message'));
  const detail = new DetailPanel(doc, {
    pagesOfSite,
    crawlStatusOf,
    onError: (e) => status.fail(e),
    // Typed and not saved when the curator moved on: saved, and said so.
    saveTyped: (site, typed) => {
      const before = state.index.get(site)?.c;
      if (!before) return; // deleted meanwhile: nothing to save it to
      const patch = typedPatch(typed);
      // Shown at once (coming straight back to the row shows the typing), written right after;
      // if the write fails the row goes back to what is stored and the message says why.
      try {
        state.upsert(applyCuration(before, patch, new Date().toISOString()));
      } catch {
        /* a value the rule refuses: the write below says why */
      }
      void curator.curate(site, patch).then((ok) => {
        if (!ok && state.index.get(site)) {
          state.upsert(before);
          refresh();
        }
      });
    },
  });
  const compareView = new CompareView(doc, $('compare-body'), pagesOfSite);
  const viewIs = (v: 'list' | 'compare' | 'roundup') => doc.body.getAttribute('data-view') === v;
  const allCandidates = () => state.index.all().map((e) => e.c);
  const roundup = new RoundupView(doc, {
    edit: async (site, change) => {
      try {
        const r = await editRoundup(site, change, { withShortlist: roundup.withShortlist });
        for (const c of r.changed) state.upsert(c);
        refresh();
        notifyChanged(r.changed.map((c) => c.site));
        return true;
      } catch (e) {
        status.fail(e);
        roundup.show(allCandidates()); // back to what is stored
        return false;
      }
    },
    saveRoundupUrl: async (url) => (await saveSettings({ roundupUrl: url })).roundupUrl,
    download: (file) => downloadFile(doc, file),
    copy: async (text) => {
      try {
        await win.navigator.clipboard.writeText(text);
        return true;
      } catch {
        return false;
      }
    },
    say: (text, kind) => status.say(text, kind),
    optionsChanged: () => saveHash(),
  });
  let compared: string[] = [];
  const isLoading = () => doc.body.getAttribute('data-state') === 'loading';
  const nameOf = (site: string) => {
    const c = state.index.get(site)?.c;
    return c ? candidateName(c) : site;
  };

  // ---------------------------------------------------------------- drawing

  /** Recompute the view (filters + sort), keep the cursor on the same site if still shown, draw. */
  function refresh(): void {
    win.performance.mark('mr:refresh-start');
    state.recompute();
    setText($('count'), countText(state.view.length, state.index.size));
    $('empty').hidden = state.view.length > 0;
    const compKey = sortComponent(state.sort);
    rows.compKey = compKey;
    setText($('comp-head'), compKey ? COMPONENT_LABELS[compKey] : '');
    rowsEl.setAttribute('aria-rowcount', String(state.view.length));
    list.set(state.view, state.cursor);
    detail.show(state.selected());
    if (viewIs('roundup')) roundup.show(allCandidates());
    win.performance.measure('mr:refresh', 'mr:refresh-start');
  }

  function setCursor(next: number, reveal = true): void {
    state.setCursor(next);
    if (reveal) list.reveal(state.cursor);
    list.set(state.view, state.cursor);
    detail.show(state.selected());
  }

  // ---------------------------------------------------------------- curation

  const undoButton = $('undo');
  const curator = new Curator(
    { updateCuration, deleteCandidate, restoreCandidate },
    {
      changed: (c) => {
        state.upsert(c);
        refresh();
      },
      removed: (site) => {
        state.index.remove(site);
        setCompared(compared.filter((s) => s !== site));
        refresh();
      },
      say: (t) => status.say(t),
      saved: (c, patch) => status.say(savedText(c, patch)),
      fail: (e) => status.fail(e),
      undoLabel: (label) => {
        undoButton.hidden = !label;
        if (label) undoButton.textContent = label;
      },
      notify: (sites) => notifyChanged(sites),
    },
  );

  // ---------------------------------------------------------------- compare

  function setCompared(next: string[]): void {
    compared = next;
    rows.compared = new Set(compared);
    const open = $<HTMLButtonElement>('compare-open');
    open.disabled = compared.length < MIN_COMPARE;
    open.textContent = compared.length ? `Compare (${compared.length})` : 'Compare';
    list.render();
  }

  function toggleCompare(site: string): void {
    const r = toggleCompared(compared, site);
    if (r.refused) status.say(r.refused, 'error');
    else status.say(r.list.includes(site) ? `${nameOf(site)} ticked for comparison (${r.list.length} of 3).` : `${nameOf(site)} unticked.`);
    setCompared(r.list);
  }

  function showView(view: 'list' | 'compare' | 'roundup'): void {
    doc.body.setAttribute('data-view', view);
    $('compare').hidden = view !== 'compare';
    $('roundup').hidden = view !== 'roundup';
    if (view === 'compare') {
      const cands = compared.map((s) => state.index.get(s)?.c).filter((c): c is Candidate => Boolean(c));
      void compareView.show(cands).then(() => $('compare-title').focus?.());
    } else if (view === 'roundup') {
      roundup.show(allCandidates());
      $('roundup-list').querySelector<HTMLElement>('.roundup-item')?.focus({ preventScroll: true });
      // The year and the roundup's URL are settings (the popup's, and the box in this view).
      void getSettings()
        .then((s) => {
          roundup.year = roundupYearOf(s);
          roundup.roundupUrl = s.roundupUrl;
          if (viewIs('roundup')) roundup.show(allCandidates());
          doc.body.setAttribute('data-roundup', 'ready');
        })
        .catch((e: unknown) => status.fail(e));
    } else {
      rowsEl.focus({ preventScroll: true });
    }
    saveHash();
  }

  async function undoDelete(): Promise<void> {
    const c = await curator.undoDelete();
    if (!c) return;
    state.selectSite(c.site);
    refresh();
    list.reveal(state.cursor);
  }

  // ---------------------------------------------------------------- keyboard

  function act(a: TriageAction): void {
    const site = state.cursorSite;
    switch (a.type) {
      case 'move':
      case 'first':
      case 'last':
        setCursor(state.moved(a));
        return;
      case 'decide':
        if (site) void curator.curate(site, { decision: a.decision });
        return;
      case 'delete':
        if (site) void curator.remove(site);
        return;
      case 'undo':
        void undoDelete();
        return;
      case 'focus-search':
        $('search').focus();
        return;
      case 'open': {
        const e = site ? state.index.get(site) : undefined;
        const url = safeHttpUrl(e?.c.siteScore.bestPageUrl) ?? safeHttpUrl(e?.c.siteScore.site);
        if (url) void browser.tabs.create({ url });
        return;
      }
      case 'toggle-compare':
        if (site) toggleCompare(site);
        return;
      case 'escape':
        if (!viewIs('list')) return showView('list');
        (doc.activeElement as HTMLElement | null)?.blur?.();
        rowsEl.focus({ preventScroll: true });
        return;
    }
  }

  doc.addEventListener('keydown', (ev) => {
    if (ev.isComposing || isLoading()) return;
    if (!viewIs('list') && ev.key !== 'Escape') return;
    const a = keyAction({ key: ev.key, ctrlKey: ev.ctrlKey, metaKey: ev.metaKey, altKey: ev.altKey, inField: inField(ev.target, ev.key) });
    if (!a) return;
    // Escape in a field of another view leaves the field, not the view.
    if (a.type === 'escape' && !viewIs('list') && inField(ev.target, ev.key)) return;
    ev.preventDefault();
    act(a);
  });

  // ---------------------------------------------------------------- filters, sort, hash

  const filterBar = new FilterBar(doc, () => {
    state.filters = filterBar.filters();
    state.sort = filterBar.sort();
    saveHash();
    refresh();
  });

  function saveHash(): void {
    const h = viewToHash({
      filters: state.filters,
      sort: state.sort,
      compare: viewIs('compare') ? compared : undefined,
      roundup: viewIs('roundup'),
      withShortlist: roundup.withShortlist,
    });
    win.history.replaceState(null, '', h ? `#${h}` : win.location.pathname + win.location.search);
  }

  /** Filters and sort from the hash; returns the view the hash opens (compare: its sites). */
  function restoreHash(): { compare?: string[]; roundup?: boolean } {
    const v = viewFromHash(win.location.hash);
    state.filters = v.filters;
    state.sort = v.sort;
    roundup.withShortlist = v.withShortlist === true;
    filterBar.show(v);
    return { compare: v.compare, roundup: v.roundup };
  }

  // ---------------------------------------------------------------- list and detail events

  rowsEl.addEventListener('click', (ev) => {
    const row = (ev.target as Element | null)?.closest?.('.row');
    const site = row?.getAttribute('data-site');
    if (!site) return;
    const i = state.indexOfSite(site);
    if (i >= 0 && i !== state.cursor) setCursor(i, false);
    if (!(ev.target instanceof win.HTMLSelectElement) && !(ev.target instanceof win.HTMLInputElement)) rowsEl.focus({ preventScroll: true });
  });

  rowsEl.addEventListener('change', (ev) => {
    const t = ev.target;
    if (t instanceof win.HTMLInputElement && t.classList.contains('compare')) {
      const site = t.closest('.row')?.getAttribute('data-site');
      if (site) toggleCompare(site);
      return;
    }
    if (!(t instanceof win.HTMLSelectElement) || !t.classList.contains('decision')) return;
    const row = t.closest('.row');
    const node = row ? rows.nodeFor(row) : undefined;
    const site = row?.getAttribute('data-site');
    if (!site || !isDecision(t.value)) return;
    if (node) list.invalidate(node); // redraw from the stored value
    void curator.curate(site, { decision: t.value });
  });

  detail.bind({
    decide: (site, decision) => {
      if (isDecision(decision)) void curator.curate(site, { decision });
    },
    save: (site, fields) => {
      // Decision, tags and note as shown; the name and blurb when they were edited.
      const { name, blurb, ...rest } = fields;
      const edited = detail.typed() ?? {};
      const patch = typedPatch({ ...rest, ...(edited.name !== undefined ? { name } : {}), ...(edited.blurb !== undefined ? { blurb } : {}) });
      void curator.curate(site, patch).then(() => {
        const e = state.index.get(site);
        if (e && detail.site === site) detail.fillCuration(e.c);
      });
    },
    remove: (site) => void curator.remove(site),
    // The background scores the site again from the pages left.
    removePage: async (site, url) => {
      try {
        const r = (await browser.runtime.sendMessage({ type: 'remove-page', url })) as RemovePageReply;
        if (!r?.ok) {
          status.say(r?.error ?? 'Could not remove the page.', 'error');
          return false;
        }
        state.upsert(r.candidate);
        refresh();
        void detail.showPages(site);
        status.say(r.message);
        notifyChanged([site]);
        return true;
      } catch (e) {
        status.fail(e);
        return false;
      }
    },
  });
  undoButton.addEventListener('click', () => void undoDelete());
  caretToEndOnFocus(detail.tagsField);

  $('compare-open').addEventListener('click', () => showView('compare'));
  $('compare-close').addEventListener('click', () => showView('list'));
  $('roundup-open').addEventListener('click', () => showView('roundup'));
  $('roundup-close').addEventListener('click', () => showView('list'));

  // ---------------------------------------------------------------- load

  let loading: Promise<void> | null = null;

  /** (Re)read every candidate from IndexedDB; filters, sort and the cursor's site are kept. */
  function load(): Promise<void> {
    if (loading) return loading;
    loading = (async () => {
      win.performance.mark('mr:load-start');
      try {
        const all = await listCandidates();
        win.performance.measure('mr:db-read', 'mr:load-start');
        state.index.reset(all);
        filterBar.fillYears(state.index.years(), state.filters.year);
        state.filters = filterBar.filters(); // a year from the URL that no candidate has falls back to "any"
        refresh();
        win.performance.measure('mr:load', 'mr:load-start');
        doc.body.setAttribute('data-state', 'ready');
      } catch (e) {
        status.fail(e);
        doc.body.setAttribute('data-state', 'error');
      }
    })().finally(() => {
      loading = null;
    });
    return loading;
  }

  mountTransfer(doc, { status, reload: load, notify: () => notifyChanged() });

  dbEvents.addEventListener('blocking', () => status.say('Mentor Radar was updated in another tab: reload this page to go on.', 'error'));
  dbEvents.addEventListener('blocked', () => status.say('Close other Mentor Radar tabs to finish upgrading the database.', 'error'));

  // Bookmarks made in the popup while this tab was in the background show up when it comes back;
  // typing not yet saved is saved when the tab is hidden (closed, or another tab chosen).
  doc.addEventListener('visibilitychange', () => {
    if (doc.visibilityState === 'hidden') detail.flushTyped();
    else if (doc.body.getAttribute('data-state') === 'ready') void load();
  });

  const fromHash = restoreHash();
  // With thousands of candidates, paint the top of the ranking first (one short index cursor), then
  // read everything. Triage keys wait for the full list (body[data-state=ready]).
  // (One after the other: a concurrent getAll of everything would hold up the short cursor.)
  void topCandidatesByScore(list.rowsPerScreen)
    .then((top) => {
      if (!isLoading() || top.length === 0) return;
      state.index.reset(top);
      refresh();
      setText($('count'), 'Loading all candidates…');
      win.performance.measure('mr:first-rows', { start: 0, end: win.performance.now() });
    })
    .catch(() => undefined)
    .then(() => load())
    .then(() => {
      if (state.cursor < 0 && state.view.length > 0) setCursor(0, false);
      const picks = (fromHash.compare ?? []).filter((s) => state.index.get(s));
      if (fromHash.roundup) {
        showView('roundup');
      } else if (picks.length >= MIN_COMPARE) {
        setCompared(picks);
        showView('compare');
      } else {
        rowsEl.focus({ preventScroll: true });
      }
    });
  void requestPersistence().catch(() => undefined);
}
