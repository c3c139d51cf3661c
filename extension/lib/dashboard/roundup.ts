// The Roundup view: the year's roundup as the curator builds it. Counts per decision; the sites in
// the roundup in the curator's order (reordered by drag, by Alt+↑/↓ or the ↑/↓ buttons), the best
// three marked and settable, a public blurb per site; a preview of the Markdown draft and the
// Markdown button, both exactly the file `mentor-radar export --format md --year Y` writes (the
// same function, the same options); a winner badge per site (the SVG `mentor-radar badge` writes,
// downloaded, and its embed snippet). Every edit goes through scoring's one rule
// (applyRoundupChange, via `deps.edit`). Page-derived text goes in as text only.
import { DECISIONS, badgeDataUri, badgeEmbedHtml, badgeFileName, badgeSvg, candidateName, placeLabel, roundupPlaces } from '../../../scoring/index.ts';
import type { BestPlace, Candidate, Decision, PlacedCandidate, RoundupChange } from '../../../scoring/index.ts';
import { clear, el, link, safeHttpUrl, setText } from '../dom.ts';
import { kindLabel } from '../labels.ts';
import { exportFile, type ExportFile } from '../transfer.ts';
import { formatScore } from './format.ts';

// ------------------------------------------------------------------ the rules (pure)

/** How many candidates carry each decision. */
export function decisionCounts(candidates: readonly Candidate[]): Record<Decision, number> {
  const counts = Object.fromEntries(DECISIONS.map((d) => [d, 0])) as Record<Decision, number>;
  for (const c of candidates) if (Object.hasOwn(counts, c.decision)) counts[c.decision]++;
  return counts;
}

const COUNT_WORDS: [Decision, string][] = [
  ['include', 'included'],
  ['shortlist', 'shortlisted'],
  ['exclude', 'excluded'],
  ['undecided', 'undecided'],
];

/** "3 included · 1 shortlisted · 2 excluded · 12 undecided". */
export function countsText(counts: Record<Decision, number>): string {
  return COUNT_WORDS.map(([d, word]) => `${counts[d]} ${word}`).join(' · ');
}

/** The rank that moves `site` by `delta` places (Alt+↑ is -1), or undefined when it cannot move. */
export function movedRank(rows: readonly PlacedCandidate[], site: string, delta: number): number | undefined {
  const i = rows.findIndex((r) => r.c.site === site);
  if (i < 0) return undefined;
  const j = Math.max(0, Math.min(rows.length - 1, i + delta));
  return j === i ? undefined : j + 1;
}

/** The rank that puts the dragged site where `target` is now (the others shift), or undefined. */
export function dropRank(rows: readonly PlacedCandidate[], dragged: string, target: string): number | undefined {
  const i = rows.findIndex((r) => r.c.site === dragged);
  const j = rows.findIndex((r) => r.c.site === target);
  return i < 0 || j < 0 || i === j ? undefined : j + 1;
}

// ------------------------------------------------------------------ the view

export interface RoundupDeps {
  /** Apply one edit (rank, best place, blurb) through the store's editRoundup; true when stored. */
  edit(site: string, change: RoundupChange): Promise<boolean>;
  /** Store the published roundup's URL; returns it cleaned ('' when not an http(s) URL). */
  saveRoundupUrl(url: string): Promise<string>;
  download(file: ExportFile): void;
  /** Copy to the clipboard; false when the browser refused. */
  copy(text: string): Promise<boolean>;
  say(text: string, kind?: 'info' | 'error'): void;
  /** The "with the shortlist" box changed (the URL hash keeps it). */
  optionsChanged(): void;
}

/** Where focus was before a redraw: the item's site and which control of it. */
interface FocusSpot {
  site: string;
  control: string | undefined;
  /** A blurb being typed (not yet saved): kept over the redraw. */
  typing?: string;
}

const CONTROLS = ['ri-up', 'ri-down', 'ri-best', 'ri-badge', 'ri-blurb'];

export class RoundupView {
  year = new Date().getUTCFullYear();
  withShortlist = false;
  roundupUrl = '';
  private candidates: Candidate[] = [];
  private rows: PlacedCandidate[] = [];
  private dragging: string | undefined;
  private readonly $: <T extends HTMLElement = HTMLElement>(id: string) => T;

  constructor(
    private readonly doc: Document,
    private readonly deps: RoundupDeps,
  ) {
    this.$ = <T extends HTMLElement = HTMLElement>(id: string) => doc.getElementById(id) as T;
    this.bind();
  }

  /** The Markdown draft of what is shown: `export --format md --year Y [--with-shortlist]`. */
  markdown(): ExportFile {
    return exportFile(this.candidates, 'md', { year: this.year, withShortlist: this.withShortlist });
  }

  /** Draw the roundup of `candidates` (all of them: the counts count every decision). */
  show(candidates: Candidate[]): void {
    this.candidates = candidates;
    this.rows = roundupPlaces(candidates, { withShortlist: this.withShortlist });
    const focus = this.focusSpot();
    setText(this.$('roundup-title'), `Roundup ${this.year}`);
    setText(this.$('roundup-counts'), countsText(decisionCounts(candidates)));
    this.$<HTMLInputElement>('roundup-shortlist').checked = this.withShortlist;
    const url = this.$<HTMLInputElement>('roundup-url');
    if (this.doc.activeElement !== url) url.value = this.roundupUrl;
    const list = this.$('roundup-list');
    clear(list);
    for (const row of this.rows) list.appendChild(this.item(row));
    this.$('roundup-empty').hidden = this.rows.length > 0;
    setText(this.$('roundup-preview'), this.markdown().text);
    this.restoreFocus(focus);
  }

  private item(row: PlacedCandidate): HTMLElement {
    const { doc } = this;
    const c = row.c;
    const name = candidateName(c);
    const n = this.rows.length;
    const li = el(doc, 'li', {
      class: 'roundup-item',
      'data-site': c.site,
      'data-position': row.position,
      'data-place': row.place,
      'data-decision': c.decision,
      tabindex: 0,
      'aria-label': `${name}, ${row.position} of ${n}${row.place ? `, best three ${placeLabel(row.place)}` : ''}. Alt+Up or Alt+Down moves it.`,
    });
    li.append(el(doc, 'span', { class: 'pos', 'aria-hidden': 'true' }, String(row.position)));
    li.append(el(doc, 'span', { class: 'handle', draggable: 'true', title: 'Drag to reorder', 'aria-hidden': 'true' }, '⠿'));
    const main = el(doc, 'div', { class: 'ri-main' });
    const head = el(doc, 'div', { class: 'ri-head' });
    head.append(link(doc, safeHttpUrl(c.siteScore.site), name, { class: 'ri-name' }));
    head.append(el(doc, 'span', { class: 'muted' }, ` ${kindLabel(c.siteScore.siteKind)} · ${formatScore(c.siteScore.score)}`));
    if (c.decision === 'shortlist') head.append(el(doc, 'span', { class: 'ri-shortlisted' }, 'shortlisted'));
    if (row.place) head.append(el(doc, 'span', { class: 'ri-place', title: c.best ? 'Marked by you' : 'The top three of the list (none marked)' }, `Best ${placeLabel(row.place)}`));
    main.append(head);
    const blurb = el(doc, 'textarea', { class: 'ri-blurb', rows: 2, maxlength: 2000, 'aria-label': `Public blurb for ${name}`, placeholder: 'Public blurb (empty: the draft says why from the scores)' });
    blurb.value = c.blurb ?? '';
    main.append(blurb);
    li.append(main);
    const actions = el(doc, 'div', { class: 'ri-actions' });
    const best = el(doc, 'select', { class: 'ri-best', 'aria-label': `Best three place of ${name}` });
    for (const [value, label] of [
      ['0', 'Not marked'],
      ['1', 'Best #1'],
      ['2', 'Best #2'],
      ['3', 'Best #3'],
    ]) {
      best.append(el(doc, 'option', { value, selected: String(c.best ?? 0) === value }, label));
    }
    actions.append(
      best,
      el(doc, 'button', { type: 'button', class: 'ri-up', 'aria-label': `Move ${name} up`, disabled: row.position === 1 }, '↑'),
      el(doc, 'button', { type: 'button', class: 'ri-down', 'aria-label': `Move ${name} down`, disabled: row.position === n }, '↓'),
      el(doc, 'button', { type: 'button', class: 'ri-badge', 'aria-label': `Badge of ${name}` }, 'Badge'),
    );
    li.append(actions);
    return li;
  }

  // ---------------------------------------------------------------- focus over redraws

  private focusSpot(): FocusSpot | undefined {
    const active = this.doc.activeElement as HTMLElement | null;
    const item = active?.closest?.('.roundup-item');
    const site = item?.getAttribute('data-site');
    if (!active || !site) return undefined;
    const control = CONTROLS.find((cls) => active.classList.contains(cls));
    const spot: FocusSpot = { site, control };
    if (control === 'ri-blurb') spot.typing = (active as HTMLTextAreaElement).value;
    return spot;
  }

  private restoreFocus(spot: FocusSpot | undefined): void {
    if (!spot) return;
    const item = [...this.$('roundup-list').querySelectorAll<HTMLElement>('.roundup-item')].find((li) => li.getAttribute('data-site') === spot.site);
    if (!item) return;
    const control = spot.control ? item.querySelector<HTMLElement>(`.${spot.control}`) : null;
    const target = control && !(control as HTMLButtonElement).disabled ? control : item;
    if (spot.typing !== undefined && control) (control as HTMLTextAreaElement).value = spot.typing;
    target.focus({ preventScroll: false });
  }

  // ---------------------------------------------------------------- events

  private siteOf(t: EventTarget | null): string | undefined {
    return (t as Element | null)?.closest?.('.roundup-item')?.getAttribute('data-site') ?? undefined;
  }

  private nameOf(site: string): string {
    const c = this.rows.find((r) => r.c.site === site)?.c;
    return c ? candidateName(c) : site;
  }

  private async move(site: string, rank: number | undefined, how: string): Promise<void> {
    if (rank === undefined) return;
    if (await this.deps.edit(site, { rank })) this.deps.say(`${this.nameOf(site)} moved to ${rank} of ${this.rows.length} (${how}).`);
  }

  private bind(): void {
    const list = this.$('roundup-list');
    list.addEventListener('click', (ev) => {
      const button = (ev.target as Element | null)?.closest?.('button');
      const site = this.siteOf(ev.target);
      if (!button || !site) return;
      if (button.classList.contains('ri-up')) void this.move(site, movedRank(this.rows, site, -1), 'moved up');
      else if (button.classList.contains('ri-down')) void this.move(site, movedRank(this.rows, site, 1), 'moved down');
      else if (button.classList.contains('ri-badge')) void this.badge(site);
    });
    list.addEventListener('keydown', (ev) => {
      if (!ev.altKey || (ev.key !== 'ArrowUp' && ev.key !== 'ArrowDown')) return;
      const tag = (ev.target as Element | null)?.tagName;
      if (tag === 'TEXTAREA' || tag === 'SELECT' || tag === 'INPUT') return;
      const site = this.siteOf(ev.target);
      if (!site) return;
      ev.preventDefault();
      void this.move(site, movedRank(this.rows, site, ev.key === 'ArrowUp' ? -1 : 1), 'keyboard');
    });
    list.addEventListener('change', (ev) => {
      const t = ev.target as HTMLElement;
      const site = this.siteOf(t);
      if (!site) return;
      if (t.classList.contains('ri-best')) {
        const place = Number((t as HTMLSelectElement).value) as BestPlace | 0;
        void this.deps.edit(site, { best: place }).then((ok) => {
          if (ok) this.deps.say(place ? `${this.nameOf(site)} is best ${placeLabel(place)}.` : `${this.nameOf(site)} is no longer marked among the best three.`);
        });
      } else if (t.classList.contains('ri-blurb')) {
        void this.deps.edit(site, { blurb: (t as HTMLTextAreaElement).value }).then((ok) => {
          if (ok) this.deps.say(`Saved the blurb of ${this.nameOf(site)}.`);
        });
      }
    });
    this.bindDrag(list);
    this.$('roundup-shortlist').addEventListener('change', () => {
      this.withShortlist = this.$<HTMLInputElement>('roundup-shortlist').checked;
      this.show(this.candidates);
      this.deps.optionsChanged();
    });
    const url = this.$<HTMLInputElement>('roundup-url');
    url.addEventListener('change', () => {
      const typed = url.value.trim();
      void this.deps.saveRoundupUrl(typed).then((saved) => {
        this.roundupUrl = saved;
        url.value = saved || typed;
        if (typed && !saved) this.deps.say('The roundup URL must be an http(s) address: the badges link nowhere until it is.', 'error');
        else this.deps.say(saved ? 'Saved the roundup URL: the badges link to it.' : 'The badges link nowhere until the roundup URL is set.');
      });
    });
    this.$('roundup-md').addEventListener('click', () => {
      const file = this.markdown();
      this.deps.download(file);
      this.deps.say(`Exported the roundup draft to ${file.filename}.`);
    });
  }

  private bindDrag(list: HTMLElement): void {
    const targetOf = (t: EventTarget | null) => (t as Element | null)?.closest?.('.roundup-item') as HTMLElement | null;
    const clearMarks = () => list.querySelectorAll('.drop-target, .dragging').forEach((n) => n.classList.remove('drop-target', 'dragging'));
    list.addEventListener('dragstart', (ev) => {
      const item = targetOf(ev.target);
      const site = item?.getAttribute('data-site');
      if (!item || !site) return;
      this.dragging = site;
      item.classList.add('dragging');
      ev.dataTransfer?.setData('text/plain', site);
      if (ev.dataTransfer) ev.dataTransfer.effectAllowed = 'move';
      ev.dataTransfer?.setDragImage?.(item, 16, 16);
    });
    list.addEventListener('dragover', (ev) => {
      const item = targetOf(ev.target);
      if (!item || !this.dragging) return;
      ev.preventDefault();
      if (ev.dataTransfer) ev.dataTransfer.dropEffect = 'move';
      list.querySelectorAll('.drop-target').forEach((n) => n !== item && n.classList.remove('drop-target'));
      item.classList.add('drop-target');
    });
    list.addEventListener('drop', (ev) => {
      const target = targetOf(ev.target)?.getAttribute('data-site');
      const dragged = this.dragging;
      ev.preventDefault();
      clearMarks();
      this.dragging = undefined;
      if (target && dragged) void this.move(dragged, dropRank(this.rows, dragged, target), 'dragged');
    });
    list.addEventListener('dragend', () => {
      clearMarks();
      this.dragging = undefined;
    });
  }

  /** The badge of `site`: the SVG downloaded (the CLI's file), its embed snippet shown and copied. */
  async badge(site: string): Promise<void> {
    const row = this.rows.find((r) => r.c.site === site);
    if (!row) return;
    const name = candidateName(row.c);
    const input = { name, year: this.year, ...(row.place ? { place: row.place } : {}) };
    const svg = badgeSvg(input);
    this.deps.download({ text: svg, filename: badgeFileName(site, this.year), mime: 'image/svg+xml' });
    const html = badgeEmbedHtml({ ...input, svgUrl: badgeDataUri(svg), ...(this.roundupUrl ? { roundupUrl: this.roundupUrl } : {}) });
    const field = this.$<HTMLTextAreaElement>('roundup-embed');
    field.value = html;
    setText(this.$('roundup-embed-label'), `Embed snippet of the badge of ${name}`);
    const copied = await this.deps.copy(html);
    const what = `Downloaded the badge of ${name} (${placeLabel(row.place)})`;
    this.deps.say(copied ? `${what}; its embed snippet is copied.` : `${what}; copy its embed snippet from the box below the list.`);
  }
}
