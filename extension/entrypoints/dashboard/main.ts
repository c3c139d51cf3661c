// The dashboard: every candidate ranked by site score, with search, filters, sort, inline curation,
// keyboard triage, delete with undo, per-candidate detail, export and import.
//
// Smooth with 10,000 candidates: the list is virtualised (fixed row height, only the visible rows
// exist, their nodes are recycled while scrolling), search/filter/sort run over a precomputed index
// (lib/dashboard.ts), and each frame reads layout once (scrollTop) before writing. Page-derived
// strings (names, titles, evidence, notes) only ever go in with textContent; links are http(s) only.
import { browser } from 'wxt/browser';
import { COMPONENT_NAMES, DECISIONS, isDecision } from '../../../scoring/index.ts';
import type { Candidate, Decision, SiteComponentName } from '../../../scoring/index.ts';
import {
  CandidateIndex,
  NO_FILTERS,
  SORT_KEYS,
  SORT_LABELS,
  UndoStack,
  cleanFilters,
  countText,
  followCursor,
  formatComponent,
  formatDate,
  formatScore,
  isSortKey,
  keyAction,
  moveCursor,
  poolSize,
  scrollToReveal,
  sortComponent,
  visibleWindow,
  type Entry,
  type Filters,
  type SortKey,
  type TriageAction,
} from '../../lib/dashboard.ts';
import {
  dbEvents,
  deleteCandidate,
  listCandidates,
  openMentorDb,
  pagesOfSite,
  requestPersistence,
  restoreCandidate,
  updateCuration,
  type Curation,
  type DeletedCandidate,
} from '../../lib/db.ts';
import { clear, el, link, safeHttpUrl, setText } from '../../lib/dom.ts';
import { COMPONENT_LABELS, KIND_LABELS, parseTags } from '../../lib/popup-view.ts';
import { getSettings, roundupYearOf } from '../../lib/settings.ts';
import { describeImport, exportStored, importFile, type ExportFormat } from '../../lib/transfer.ts';

/** Must match `.row { height }` in style.css. */
const ROW_H = 34;
const OVERSCAN = 8;

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const rowsEl = $('rows');
const spacer = $('rows-spacer');
const win = el(document, 'div', { class: 'window' });
spacer.appendChild(win);

const index = new CandidateIndex();
const undo = new UndoStack<DeletedCandidate>();
let filters: Filters = NO_FILTERS;
let sort: SortKey = 'score';
let view: Entry[] = [];
let cursor = -1;
let cursorSite: string | undefined;
let viewportH = 600;
let frameQueued = false;
let detailSite: string | undefined;
let detailToken = 0;

const SITE_COMPONENT_LABELS = COMPONENT_LABELS;
const DECISION_LABELS: Record<Decision, string> = { undecided: 'Undecided', shortlist: 'Shortlist', include: 'Include', exclude: 'Exclude' };

// ------------------------------------------------------------------ messages

function say(text: string, kind: 'info' | 'error' = 'info'): void {
  const m = $('message');
  setText(m, text);
  m.setAttribute('data-kind', kind);
}

function fail(e: unknown): void {
  const err = e as Error;
  say(err?.message ? err.message : String(e), 'error');
}

/** Tell the background that stored candidates changed (it refreshes toolbar badges). */
function notifyChanged(sites?: string[]): void {
  const msg = sites ? { type: 'candidates-changed', sites } : { type: 'candidates-changed' };
  void Promise.resolve()
    .then(() => browser.runtime.sendMessage(msg))
    .catch(() => undefined);
}

// ------------------------------------------------------------------ the virtual list

interface RowNode {
  root: HTMLElement;
  rank: HTMLElement;
  name: HTMLElement;
  site: HTMLElement;
  score: HTMLElement;
  comp: HTMLElement;
  kind: HTMLElement;
  sources: HTMLElement;
  decision: HTMLSelectElement;
  /** What the node shows now, to skip unchanged writes. */
  entry?: Entry;
  selected?: boolean;
  compKey?: SiteComponentName;
}

const pool: RowNode[] = [];
const nodeOf = new WeakMap<Element, RowNode>();

function makeRow(): RowNode {
  const root = el(document, 'div', { class: 'row', role: 'option' });
  const rank = el(document, 'span', { class: 'rank' });
  const name = el(document, 'span', { class: 'name' });
  const nameText = el(document, 'span', { class: 'name-text' });
  const site = el(document, 'span', { class: 'site' });
  name.append(nameText, site);
  const score = el(document, 'span', { class: 'score' });
  const comp = el(document, 'span', { class: 'comp' });
  const kind = el(document, 'span', { class: 'kind' });
  const sources = el(document, 'span', { class: 'sources' });
  const decision = el(document, 'select', { class: 'decision', 'aria-label': 'Decision', tabindex: -1 });
  for (const d of DECISIONS) decision.appendChild(el(document, 'option', { value: d }, DECISION_LABELS[d]));
  root.append(rank, name, score, comp, kind, sources, decision);
  const node: RowNode = { root, rank, name: nameText, site, score, comp, kind, sources, decision };
  nodeOf.set(root, node);
  return node;
}

function fillRow(node: RowNode, entry: Entry, selected: boolean, compKey: SiteComponentName | undefined): void {
  if (node.entry !== entry || node.compKey !== compKey) {
    const c = entry.c;
    node.root.setAttribute('data-site', c.site);
    node.root.setAttribute('data-decision', c.decision);
    node.rank.textContent = String(entry.rank);
    node.name.textContent = c.name || c.site;
    node.site.textContent = c.site;
    node.score.textContent = formatScore(c.siteScore.score);
    node.comp.textContent = compKey ? formatComponent(c.siteScore.components?.[compKey]) : '';
    node.kind.textContent = KIND_LABELS[c.siteScore.siteKind] ?? KIND_LABELS.other;
    node.sources.textContent = c.sources.join(', ');
    if (node.decision.value !== c.decision) node.decision.value = c.decision;
    node.entry = entry;
    node.compKey = compKey;
  }
  if (node.selected !== selected) {
    node.root.classList.toggle('selected', selected);
    node.root.setAttribute('aria-selected', String(selected));
    node.selected = selected;
  }
}

/** Draw the visible window. One layout read (scrollTop), then writes only. */
function render(): void {
  const w = visibleWindow(rowsEl.scrollTop, viewportH, ROW_H, view.length, OVERSCAN);
  const h = `${w.totalHeight}px`;
  if (spacer.style.height !== h) spacer.style.height = h;
  win.style.transform = `translateY(${w.offset}px)`;
  const n = w.end - w.start;
  const compKey = sortComponent(sort);
  while (pool.length < n) pool.push(makeRow());
  for (let i = 0; i < n; i++) {
    const node = pool[i];
    if (node.root.parentNode !== win) win.appendChild(node.root);
    fillRow(node, view[w.start + i], w.start + i === cursor, compKey);
  }
  for (let i = n; i < pool.length; i++) {
    const node = pool[i];
    if (node.root.parentNode) {
      node.root.remove();
      node.entry = undefined;
    }
  }
}

function scheduleRender(): void {
  if (frameQueued) return;
  frameQueued = true;
  requestAnimationFrame(() => {
    frameQueued = false;
    render();
  });
}

/** Recompute the view (filters + sort), keep the cursor on the same site if still shown, draw. */
function refresh(): void {
  performance.mark('mr:refresh-start');
  view = index.view(filters, sort);
  cursor = followCursor(cursorSite, cursor, view);
  cursorSite = cursor >= 0 ? view[cursor].c.site : undefined;
  setText($('count'), countText(view.length, index.size));
  $('empty').hidden = view.length > 0;
  const compKey = sortComponent(sort);
  setText($('comp-head'), compKey ? SITE_COMPONENT_LABELS[compKey] : '');
  render();
  showDetail();
  performance.measure('mr:refresh', 'mr:refresh-start');
}

function setCursor(next: number, reveal = true): void {
  cursor = next;
  cursorSite = cursor >= 0 && cursor < view.length ? view[cursor].c.site : undefined;
  if (reveal && cursor >= 0) {
    const top = scrollToReveal(cursor, rowsEl.scrollTop, viewportH, ROW_H);
    if (top !== null) rowsEl.scrollTop = top;
  }
  render();
  showDetail();
}

// ------------------------------------------------------------------ detail

function fillCuration(c: Candidate): void {
  $<HTMLSelectElement>('detail-decision').value = c.decision;
  $<HTMLInputElement>('detail-tags').value = c.tags.join(', ');
  $<HTMLTextAreaElement>('detail-note').value = c.notes;
}

function showDetail(): void {
  const aside = $('detail');
  const entry = cursorSite ? index.get(cursorSite) : undefined;
  if (!entry) {
    aside.hidden = true;
    detailSite = undefined;
    return;
  }
  aside.hidden = false;
  const c = entry.c;
  const s = c.siteScore;
  const changedSite = detailSite !== c.site;
  detailSite = c.site;
  aside.setAttribute('data-site', c.site);
  const name = $('detail-name');
  clear(name);
  name.appendChild(link(document, s.site, c.name || c.site));
  setText($('detail-site'), c.site);
  setText($('detail-kind'), KIND_LABELS[s.siteKind] ?? KIND_LABELS.other);
  setText($('detail-rank'), String(entry.rank));
  setText($('detail-score'), formatScore(s.score));
  const comps = $('detail-components');
  clear(comps);
  for (const k of [...COMPONENT_NAMES, 'activity', 'coverage'] as SiteComponentName[]) {
    const v = Math.max(0, Math.min(1, Number(s.components?.[k]) || 0));
    const li = el(document, 'li', { 'data-component': k });
    li.append(
      el(document, 'span', { class: 'label' }, SITE_COMPONENT_LABELS[k]),
      el(document, 'meter', { min: 0, max: 1, low: 0.34, high: 0.67, optimum: 1, value: v.toFixed(3) }),
      el(document, 'span', { class: 'value' }, formatComponent(v)),
    );
    comps.appendChild(li);
  }
  const reasons = $('detail-reasons');
  clear(reasons);
  for (const r of s.reasons ?? []) reasons.appendChild(el(document, 'li', {}, String(r)));
  setText($('detail-pages-scored'), `${s.pagesScored} (${s.mentoringPages} about mentoring)`);
  setText($('detail-last-post'), formatDate(s.lastPostAt) || 'unknown');
  const feed = $('detail-feed');
  clear(feed);
  feed.appendChild(s.feedUrl ? link(document, s.feedUrl, s.feedUrl) : el(document, 'span', { class: 'muted' }, 'none found'));
  const best = $('detail-best');
  clear(best);
  best.appendChild(s.bestPageUrl ? link(document, s.bestPageUrl, s.bestPageUrl) : el(document, 'span', { class: 'muted' }, '—'));
  setText($('detail-sources'), c.sources.join(', '));
  setText($('detail-first-seen'), formatDate(c.firstSeenAt));
  setText($('detail-last-scored'), formatDate(c.lastScoredAt));
  setText($('detail-history'), c.history.map((h) => `${h.year}: ${formatScore(h.score)}`).join(' · '));
  if (changedSite) {
    fillCuration(c);
    void showPages(c.site);
  } else {
    // Same candidate, maybe a new decision from the keyboard: keep typed tags/notes as they are.
    $<HTMLSelectElement>('detail-decision').value = c.decision;
  }
}

/** The pages of this site stored by bookmarks (crawled/imported candidates have none here). */
async function showPages(site: string): Promise<void> {
  const token = ++detailToken;
  const list = $('detail-pages');
  clear(list);
  let pages;
  try {
    pages = await pagesOfSite(site);
  } catch (e) {
    if (token === detailToken) fail(e);
    return;
  }
  if (token !== detailToken) return;
  pages.sort((a, b) => b.score - a.score);
  for (const p of pages) {
    const li = el(document, 'li', { class: 'page', 'data-url': safeHttpUrl(p.url) ?? '' });
    const head = el(document, 'div', { class: 'page-head' });
    head.append(
      el(document, 'span', { class: 'page-score' }, formatScore(p.score)),
      link(document, p.finalUrl || p.url, p.title?.trim() || p.url, { class: 'page-title' }),
    );
    li.appendChild(head);
    const meta = [formatDate(p.publishedAt) && `published ${formatDate(p.publishedAt)}`, `${p.wordCount} words`, p.flags.join(', ')]
      .filter(Boolean)
      .join(' · ');
    li.appendChild(el(document, 'div', { class: 'muted' }, meta));
    const ev = el(document, 'ul', { class: 'evidence' });
    for (const e of p.evidence) {
      const item = el(document, 'li', { 'data-component': e.component });
      item.append(el(document, 'span', { class: 'ev-component' }, COMPONENT_LABELS[e.component] ?? e.component), el(document, 'span', {}, e.text));
      ev.appendChild(item);
    }
    li.appendChild(ev);
    list.appendChild(li);
  }
  if (pages.length === 0) list.appendChild(el(document, 'li', { class: 'muted' }, 'No pages stored here (crawled or imported candidate).'));
}

// ------------------------------------------------------------------ curation, delete, undo

async function curate(site: string, patch: Curation): Promise<void> {
  try {
    const c = await updateCuration(site, patch);
    index.update(c);
    refresh();
    notifyChanged([site]);
    if (patch.tags !== undefined || patch.notes !== undefined) say('Saved.');
  } catch (e) {
    fail(e);
  }
}

async function remove(site: string): Promise<void> {
  try {
    const deleted = await deleteCandidate(site);
    if (!deleted) return;
    undo.push(deleted);
    index.remove(site);
    refresh();
    const b = $('undo');
    b.hidden = false;
    b.textContent = `Undo delete of ${deleted.candidate.name || deleted.candidate.site}`;
    say('');
    notifyChanged([site]);
  } catch (e) {
    fail(e);
  }
}

async function undoDelete(): Promise<void> {
  const deleted = undo.pop();
  if (!deleted) return;
  try {
    const c = await restoreCandidate(deleted);
    if (index.get(c.site)) index.update(c);
    else index.add(c);
    cursorSite = c.site;
    refresh();
    const top = scrollToReveal(cursor, rowsEl.scrollTop, viewportH, ROW_H);
    if (top !== null) rowsEl.scrollTop = top;
    say(`Restored ${c.name || c.site}.`);
    notifyChanged([c.site]);
  } catch (e) {
    undo.push(deleted);
    fail(e);
  }
  const next = undo.peek();
  const b = $('undo');
  b.hidden = !next;
  if (next) b.textContent = `Undo delete of ${next.candidate.name || next.candidate.site}`;
}

// ------------------------------------------------------------------ keyboard

function inField(t: EventTarget | null, key: string): boolean {
  if (!(t instanceof HTMLElement)) return false;
  if (t.isContentEditable) return true;
  const tag = t.tagName;
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return true;
  return tag === 'BUTTON' && (key === 'Enter' || key === ' ');
}

function act(a: TriageAction): void {
  const site = cursorSite;
  switch (a.type) {
    case 'move':
    case 'first':
    case 'last':
      setCursor(moveCursor(cursor, a, view.length));
      return;
    case 'decide':
      if (site) void curate(site, { decision: a.decision });
      return;
    case 'delete':
      if (site) void remove(site);
      return;
    case 'undo':
      void undoDelete();
      return;
    case 'focus-search':
      $('search').focus();
      return;
    case 'open': {
      const e = site ? index.get(site) : undefined;
      const url = safeHttpUrl(e?.c.siteScore.bestPageUrl) ?? safeHttpUrl(e?.c.siteScore.site);
      if (url) void browser.tabs.create({ url });
      return;
    }
    case 'escape':
      (document.activeElement as HTMLElement | null)?.blur?.();
      rowsEl.focus({ preventScroll: true });
      return;
  }
}

document.addEventListener('keydown', (ev) => {
  if (ev.isComposing || document.body.getAttribute('data-state') === 'loading') return;
  const a = keyAction({ key: ev.key, ctrlKey: ev.ctrlKey, metaKey: ev.metaKey, altKey: ev.altKey, inField: inField(ev.target, ev.key) });
  if (!a) return;
  ev.preventDefault();
  act(a);
});

// ------------------------------------------------------------------ filters, sort, list events

function readFilters(): Filters {
  return cleanFilters({
    query: $<HTMLInputElement>('search').value,
    kind: $<HTMLSelectElement>('filter-kind').value,
    decision: $<HTMLSelectElement>('filter-decision').value,
    source: $<HTMLSelectElement>('filter-source').value,
    year: $<HTMLSelectElement>('filter-year').value,
  });
}

function onFiltersChanged(): void {
  filters = readFilters();
  const s = $<HTMLSelectElement>('sort').value;
  sort = isSortKey(s) ? s : 'score';
  saveHash();
  refresh();
}

// The view (filters + sort) lives in the URL hash: a reload, or a bookmark of the dashboard, keeps it.
function saveHash(): void {
  const p = new URLSearchParams();
  if (filters.query) p.set('q', filters.query);
  if (filters.kind) p.set('kind', filters.kind);
  if (filters.decision) p.set('decision', filters.decision);
  if (filters.source) p.set('source', filters.source);
  if (filters.year) p.set('year', String(filters.year));
  if (sort !== 'score') p.set('sort', sort);
  const h = p.toString();
  history.replaceState(null, '', h ? `#${h}` : location.pathname + location.search);
}

function restoreHash(): void {
  const p = new URLSearchParams(location.hash.slice(1));
  filters = cleanFilters({ query: p.get('q') ?? '', kind: p.get('kind'), decision: p.get('decision'), source: p.get('source'), year: p.get('year') });
  const s = p.get('sort');
  sort = isSortKey(s) ? s : 'score';
  $<HTMLInputElement>('search').value = filters.query;
  $<HTMLSelectElement>('filter-kind').value = filters.kind;
  $<HTMLSelectElement>('filter-decision').value = filters.decision;
  $<HTMLSelectElement>('filter-source').value = filters.source;
  $<HTMLSelectElement>('sort').value = sort;
}

for (const id of ['search', 'filter-kind', 'filter-decision', 'filter-source', 'filter-year', 'sort']) {
  $(id).addEventListener(id === 'search' ? 'input' : 'change', onFiltersChanged);
}

const sortSelect = $<HTMLSelectElement>('sort');
for (const k of SORT_KEYS) sortSelect.appendChild(el(document, 'option', { value: k }, SORT_LABELS[k]));

function fillYears(): void {
  const sel = $<HTMLSelectElement>('filter-year');
  const keep = sel.value || (filters.year ? String(filters.year) : '');
  while (sel.options.length > 1) sel.remove(1);
  for (const y of index.years()) sel.appendChild(el(document, 'option', { value: y }, String(y)));
  sel.value = [...sel.options].some((o) => o.value === keep) ? keep : '';
}

rowsEl.addEventListener('scroll', scheduleRender, { passive: true });
new ResizeObserver((entries) => {
  const h = entries[entries.length - 1]?.contentRect.height;
  if (h && Math.abs(h - viewportH) > 0.5) {
    viewportH = h;
    // Keep enough nodes for the new height ready (no growth mid-scroll).
    while (pool.length < poolSize(viewportH, ROW_H, OVERSCAN)) pool.push(makeRow());
    scheduleRender();
  }
}).observe(rowsEl);

rowsEl.addEventListener('click', (ev) => {
  const row = (ev.target as Element | null)?.closest?.('.row');
  const site = row?.getAttribute('data-site');
  if (!site) return;
  const i = view.findIndex((e) => e.c.site === site);
  if (i >= 0 && i !== cursor) setCursor(i, false);
  if (!(ev.target instanceof HTMLSelectElement)) rowsEl.focus({ preventScroll: true });
});

rowsEl.addEventListener('change', (ev) => {
  const t = ev.target;
  if (!(t instanceof HTMLSelectElement) || !t.classList.contains('decision')) return;
  const row = t.closest('.row');
  const node = row ? nodeOf.get(row) : undefined;
  const site = row?.getAttribute('data-site');
  if (!site || !isDecision(t.value)) return;
  if (node) node.entry = undefined; // redraw from the stored value
  void curate(site, { decision: t.value });
});

$('detail-decision').addEventListener('change', () => {
  const v = $<HTMLSelectElement>('detail-decision').value;
  if (detailSite && isDecision(v)) void curate(detailSite, { decision: v });
});

$('detail-save').addEventListener('click', () => {
  if (!detailSite) return;
  const decision = $<HTMLSelectElement>('detail-decision').value;
  void curate(detailSite, {
    decision: isDecision(decision) ? decision : undefined,
    tags: parseTags($<HTMLInputElement>('detail-tags').value).slice(0, 50),
    notes: $<HTMLTextAreaElement>('detail-note').value,
  }).then(() => {
    const e = detailSite ? index.get(detailSite) : undefined;
    if (e) fillCuration(e.c);
  });
});

$('detail-delete').addEventListener('click', () => {
  if (detailSite) void remove(detailSite);
});

$('undo').addEventListener('click', () => void undoDelete());

// ------------------------------------------------------------------ export and import

async function exportAs(format: ExportFormat): Promise<void> {
  try {
    const settings = await getSettings().catch(() => undefined);
    const year = settings ? roundupYearOf(settings) : undefined;
    const file = await exportStored(document, format, { year });
    say(`Exported ${file.count} ${file.count === 1 ? 'candidate' : 'candidates'} to ${file.filename}.`);
  } catch (e) {
    fail(e);
  }
}

$('export-csv').addEventListener('click', () => void exportAs('csv'));
$('export-json').addEventListener('click', () => void exportAs('json'));
$('export-md').addEventListener('click', () => void exportAs('md'));

$<HTMLInputElement>('import-file').addEventListener('change', async (ev) => {
  const input = ev.target as HTMLInputElement;
  const file = input.files?.[0];
  if (!file) return;
  document.body.setAttribute('data-state', 'importing');
  say(`Importing ${file.name}…`);
  try {
    const result = await importFile(file);
    await load();
    say(describeImport(result));
    notifyChanged();
  } catch (e) {
    fail(e);
  } finally {
    input.value = '';
    document.body.setAttribute('data-state', 'ready');
  }
});

// ------------------------------------------------------------------ load

let loading: Promise<void> | null = null;

/** The best-scored candidates straight from the `byScore` index: the first screen before the full read. */
async function topCandidates(n: number): Promise<Candidate[]> {
  const db = await openMentorDb();
  const out: Candidate[] = [];
  let cur = await db.transaction('candidates').store.index('byScore').openCursor(null, 'prev');
  while (cur && out.length < n) {
    out.push(cur.value);
    cur = await cur.continue();
  }
  return out;
}

/** (Re)read every candidate from IndexedDB; filters, sort and the cursor's site are kept. */
function load(): Promise<void> {
  if (loading) return loading;
  loading = (async () => {
    performance.mark('mr:load-start');
    try {
      const list = await listCandidates();
      performance.measure('mr:db-read', 'mr:load-start');
      index.reset(list);
      fillYears();
      filters = readFilters(); // a year from the URL that no candidate has falls back to "any"
      refresh();
      performance.measure('mr:load', 'mr:load-start');
      document.body.setAttribute('data-state', 'ready');
    } catch (e) {
      fail(e);
      document.body.setAttribute('data-state', 'error');
    }
  })().finally(() => {
    loading = null;
  });
  return loading;
}

dbEvents.addEventListener('blocking', () => say('Mentor Radar was updated in another tab: reload this page to go on.', 'error'));
dbEvents.addEventListener('blocked', () => say('Close other Mentor Radar tabs to finish upgrading the database.', 'error'));

// Bookmarks made in the popup while this tab was in the background show up when it comes back.
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible' && document.body.getAttribute('data-state') === 'ready') void load();
});

viewportH = rowsEl.clientHeight || viewportH;
restoreHash();
// With thousands of candidates, paint the top of the ranking first (one short index cursor), then
// read everything. Triage keys wait for the full list (body[data-state=ready]).
// (One after the other: a concurrent getAll of everything would hold up the short cursor.)
void topCandidates(Math.ceil(viewportH / ROW_H) + OVERSCAN)
  .then((top) => {
    if (document.body.getAttribute('data-state') !== 'loading' || top.length === 0) return;
    index.reset(top);
    refresh();
    setText($('count'), 'Loading all candidates…');
    performance.measure('mr:first-rows', { start: 0, end: performance.now() });
  })
  .catch(() => undefined)
  .then(() => load())
  .then(() => {
    if (cursor < 0 && view.length > 0) setCursor(0, false);
    rowsEl.focus({ preventScroll: true });
  });
void requestPersistence().catch(() => undefined);
