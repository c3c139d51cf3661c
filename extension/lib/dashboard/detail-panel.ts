// The side panel: why the selected site scored as it did (components, reasons, facts, how to reach
// its author, the pages stored for it with their evidence, each removable) and its curation fields
// (decision, tags, private note, the curator's rename, the public blurb). Anything typed but not
// saved is never thrown away: moving to another row hands it to `saveTyped` first. Page-derived
// strings go in as text only; links are http(s) only, an address a plain mailto: link.
import { COMPONENT_NAMES, SOCIAL_LABELS, candidateName } from '../../../scoring/index.ts';
import type { Candidate, SiteComponentName, SiteOutreach } from '../../../scoring/index.ts';
import type { StoredPage } from '../db.ts';
import { clear, el, link, mailLink, safeHttpUrl, setText } from '../dom.ts';
import { COMPONENT_LABELS, PAGE_SOURCE_LABELS, SOURCE_LABELS, flagLabel, kindLabel } from '../labels.ts';
import { formatComponent, formatDate, formatScore } from './format.ts';
import { scorerModelLabel } from '../../../scoring/model-version.ts';
import { crawlStatusText, type CrawlStatus } from '../../../scoring/crawl-status.ts';
import type { Entry } from './model.ts';

export const SITE_COMPONENTS: SiteComponentName[] = [...COMPONENT_NAMES, 'activity', 'coverage'];

/** The curation text fields as typed. */
export interface TypedCuration {
  tags: string;
  notes: string;
  /** The rename ('' = the site's own name). */
  name: string;
  blurb: string;
}

const TYPED_FIELDS = ['tags', 'notes', 'name', 'blurb'] as const;

export interface DetailDeps {
  pagesOfSite(site: string): Promise<StoredPage[]>;
  onError(e: unknown): void;
  /** The fields typed for `site` and not saved (only those), as the panel moves to another site. */
  saveTyped(site: string, typed: Partial<TypedCuration>): void;
  /** The crawler's status of the site as of the last sync (issue 11), if any. */
  crawlStatusOf?(site: string): Promise<CrawlStatus | undefined>;
}

/** What the panel's controls ask for (wired by `bind`). */
export interface DetailActions {
  decide(site: string, decision: string): void;
  save(site: string, fields: TypedCuration & { decision: string }): void;
  remove(site: string): void;
  /** Remove one page from the site; resolves false when it was not removed (the button comes back). */
  removePage(site: string, url: string): Promise<boolean>;
}

export class DetailPanel {
  /** The site shown, if any. */
  site: string | undefined;
  /** The text fields as last filled from the store: what "unsaved" is measured against. */
  private filled: TypedCuration = { tags: '', notes: '', name: '', blurb: '' };
  private pagesToken = 0;
  private crawlToken = 0;
  private readonly $: <T extends HTMLElement = HTMLElement>(id: string) => T;

  constructor(
    private readonly doc: Document,
    private readonly deps: DetailDeps,
  ) {
    this.$ = <T extends HTMLElement = HTMLElement>(id: string) => doc.getElementById(id) as T;
  }

  get decisionField(): HTMLSelectElement {
    return this.$<HTMLSelectElement>('detail-decision');
  }
  get tagsField(): HTMLInputElement {
    return this.$<HTMLInputElement>('detail-tags');
  }
  get noteField(): HTMLTextAreaElement {
    return this.$<HTMLTextAreaElement>('detail-note');
  }
  get nameField(): HTMLInputElement {
    return this.$<HTMLInputElement>('detail-rename');
  }
  get blurbField(): HTMLTextAreaElement {
    return this.$<HTMLTextAreaElement>('detail-blurb');
  }

  /** The text fields as they are now. */
  private current(): TypedCuration {
    return { tags: this.tagsField.value, notes: this.noteField.value, name: this.nameField.value, blurb: this.blurbField.value };
  }

  /** Wire the panel's controls: decision select, Save, Delete, each page's Remove. */
  bind(actions: DetailActions): void {
    const $ = this.$;
    this.decisionField.addEventListener('change', () => {
      if (this.site) actions.decide(this.site, this.decisionField.value);
    });
    $('detail-save').addEventListener('click', () => {
      if (this.site) actions.save(this.site, { decision: this.decisionField.value, ...this.current() });
    });
    $('detail-delete').addEventListener('click', () => {
      if (this.site) actions.remove(this.site);
    });
    $('detail-pages').addEventListener('click', (ev) => {
      const button = (ev.target as Element | null)?.closest?.('button.remove-page') as HTMLButtonElement | null;
      const url = button?.getAttribute('data-url');
      if (!button || !url || !this.site) return;
      button.disabled = true;
      void actions.removePage(this.site, url).then((removed) => {
        if (!removed) button.disabled = false;
      });
    });
  }

  /** The text fields that differ from what was filled in (undefined when none does). */
  typed(): Partial<TypedCuration> | undefined {
    if (!this.site) return undefined;
    const now = this.current();
    const changed: Partial<TypedCuration> = {};
    for (const f of TYPED_FIELDS) if (now[f] !== this.filled[f]) changed[f] = now[f];
    return Object.keys(changed).length ? changed : undefined;
  }

  /** Hand unsaved typing to `saveTyped` (before a row switch, or when the page is hidden). */
  flushTyped(): void {
    const typed = this.typed();
    if (this.site && typed) {
      this.deps.saveTyped(this.site, typed);
      this.filled = { ...this.filled, ...typed };
    }
  }

  /** Show `entry` (or hide the panel). A new site refills the curation fields and the pages. */
  show(entry: Entry | undefined): void {
    const aside = this.$('detail');
    if (entry?.c.site !== this.site) this.flushTyped();
    if (!entry) {
      aside.hidden = true;
      this.site = undefined;
      return;
    }
    aside.hidden = false;
    const c = entry.c;
    const changedSite = this.site !== c.site;
    this.site = c.site;
    aside.setAttribute('data-site', c.site);
    this.fillFacts(entry);
    if (changedSite) {
      this.fillCuration(c);
      void this.showPages(c.site);
    } else {
      // Same candidate, maybe a new decision from the keyboard: keep the typed fields as they are.
      this.decisionField.value = c.decision;
    }
  }

  fillCuration(c: Candidate): void {
    this.decisionField.value = c.decision;
    this.filled = { tags: c.tags.join(', '), notes: c.notes, name: c.nameOverride ?? '', blurb: c.blurb ?? '' };
    this.tagsField.value = this.filled.tags;
    this.noteField.value = this.filled.notes;
    this.nameField.value = this.filled.name;
    this.nameField.placeholder = c.siteScore.name || c.site;
    this.blurbField.value = this.filled.blurb;
  }

  private fillFacts(entry: Entry): void {
    const { $, doc } = this;
    const c = entry.c;
    const s = c.siteScore;
    const name = $('detail-name');
    clear(name);
    name.appendChild(link(doc, s.site, candidateName(c)));
    setText($('detail-site'), c.site);
    setText($('detail-kind'), kindLabel(s.siteKind));
    setText($('detail-rank'), String(entry.rank));
    setText($('detail-score'), formatScore(s.score));
    const comps = $('detail-components');
    clear(comps);
    for (const k of SITE_COMPONENTS) {
      const v = Math.max(0, Math.min(1, Number(s.components?.[k]) || 0));
      const li = el(doc, 'li', { 'data-component': k });
      li.append(
        el(doc, 'span', { class: 'label' }, COMPONENT_LABELS[k]),
        el(doc, 'meter', { min: 0, max: 1, low: 0.34, high: 0.67, optimum: 1, value: v.toFixed(3), 'aria-label': COMPONENT_LABELS[k] }),
        el(doc, 'span', { class: 'value' }, formatComponent(v)),
      );
      comps.appendChild(li);
    }
    const reasons = $('detail-reasons');
    clear(reasons);
    for (const r of s.reasons ?? []) reasons.appendChild(el(doc, 'li', {}, String(r)));
    setText($('detail-pages-scored'), `${s.pagesScored} (${s.mentoringPages} about mentoring)`);
    setText($('detail-last-post'), formatDate(s.lastPostAt) || 'unknown');
    const feed = $('detail-feed');
    clear(feed);
    feed.appendChild(s.feedUrl ? link(doc, s.feedUrl, s.feedUrl) : el(doc, 'span', { class: 'muted' }, 'none found'));
    const best = $('detail-best');
    clear(best);
    best.appendChild(s.bestPageUrl ? link(doc, s.bestPageUrl, s.bestPageUrl) : el(doc, 'span', { class: 'muted' }, '—'));
    setText($('detail-sources'), c.sources.map((x) => SOURCE_LABELS[x] ?? x).join(', '));
    setText($('detail-first-seen'), formatDate(c.firstSeenAt));
    setText($('detail-last-scored'), formatDate(c.lastScoredAt));
    setText($('detail-history'), c.history.map((h) => `${h.year}: ${formatScore(h.score)}`).join(' · '));
    setText($('detail-scorer'), s.scorerVersion ? scorerModelLabel(s.scorerVersion) : '—');
    this.fillOutreach(s.outreach);
    void this.fillCrawlStatus(c.site);
  }

  /** "Crawl queued" / "Crawled N pages on DATE" / "not crawled", as the last sync said. */
  private async fillCrawlStatus(site: string): Promise<void> {
    const token = ++this.crawlToken;
    const dd = this.$('detail-crawl');
    let status: CrawlStatus | undefined;
    try {
      status = await this.deps.crawlStatusOf?.(site);
    } catch {
      status = undefined;
    }
    if (token !== this.crawlToken) return;
    setText(dd, status ? crawlStatusText(status) : 'no crawl known (sync to ask the crawler)');
    if (status) dd.setAttribute('data-crawl', status.state);
    else dd.removeAttribute('data-crawl');
  }

  /** Author, contact page, address and profiles: text, http(s) links and a mailto: link only. */
  private fillOutreach(o: SiteOutreach | undefined): void {
    const { $, doc } = this;
    const none = () => el(doc, 'span', { class: 'muted' }, 'none found');
    const put = (id: string, ...nodes: HTMLElement[]) => {
      const dd = $(id);
      clear(dd);
      dd.append(...(nodes.length ? nodes : [none()]));
    };
    put('detail-author', ...(o?.author ? [el(doc, 'span', {}, o.author)] : []));
    put('detail-contact', ...(safeHttpUrl(o?.contactUrl) ? [link(doc, o?.contactUrl, o?.contactUrl ?? '')] : []));
    put('detail-email', ...(o?.email ? [mailLink(doc, o.email)] : []));
    const social = (o?.social ?? []).filter((p) => safeHttpUrl(p.url));
    const list = el(doc, 'ul', { class: 'social' });
    for (const p of social) {
      const li = el(doc, 'li');
      li.appendChild(link(doc, p.url, `${SOCIAL_LABELS[p.network] ?? p.network}: ${p.url.replace(/^https?:\/\/(www\.)?/, '')}`));
      list.appendChild(li);
    }
    put('detail-social', ...(social.length ? [list] : []));
  }

  /** The pages this site is scored from (bookmarked, crawled, imported): as many as "Pages scored" says. */
  async showPages(site: string): Promise<void> {
    const token = ++this.pagesToken;
    const list = this.$('detail-pages');
    clear(list);
    let pages: StoredPage[];
    try {
      pages = await this.deps.pagesOfSite(site);
    } catch (e) {
      if (token === this.pagesToken) this.deps.onError(e);
      return;
    }
    if (token !== this.pagesToken) return;
    pages.sort((a, b) => b.score - a.score);
    for (const p of pages) list.appendChild(this.pageItem(p));
    if (pages.length === 0) list.appendChild(el(this.doc, 'li', { class: 'muted' }, 'No pages known here: this site came from a file without pages (CSV, or an export older than version 3).'));
    // The last page of a site cannot be removed (delete the site instead).
    if (pages.length === 1) list.querySelector('.remove-page')?.setAttribute('hidden', '');
  }

  private pageItem(p: StoredPage): HTMLElement {
    const doc = this.doc;
    const li = el(doc, 'li', { class: 'page', 'data-url': safeHttpUrl(p.url) ?? '' });
    const head = el(doc, 'div', { class: 'page-head' });
    const title = p.title?.trim() || p.url;
    const remove = el(doc, 'button', { type: 'button', class: 'remove-page', 'data-url': p.url, 'aria-label': `Remove the page "${title.slice(0, 200)}" from this site` }, 'Remove');
    head.append(el(doc, 'span', { class: 'page-score' }, formatScore(p.score)), link(doc, p.finalUrl || p.url, title, { class: 'page-title' }), remove);
    li.appendChild(head);
    const from = `${PAGE_SOURCE_LABELS[p.source] ?? 'bookmarked'} ${formatDate(p.scoredAt)}`.trim();
    const meta = [from, formatDate(p.publishedAt) && `published ${formatDate(p.publishedAt)}`, `${p.wordCount} words`, p.flags.map(flagLabel).join('; ')].filter(Boolean).join(' · ');
    li.appendChild(el(doc, 'div', { class: 'muted' }, meta));
    const ev = el(doc, 'ul', { class: 'evidence' });
    for (const e of p.evidence) {
      const item = el(doc, 'li', { 'data-component': e.component });
      item.append(el(doc, 'span', { class: 'ev-component' }, COMPONENT_LABELS[e.component] ?? e.component), el(doc, 'span', {}, e.text));
      ev.appendChild(item);
    }
    li.appendChild(ev);
    return li;
  }
}
