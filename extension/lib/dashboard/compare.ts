// Compare two or three sites side by side: score, kind, the eight components, reasons, and the
// best pages stored for each with their evidence. The picking rule is pure (unit-tested); the view
// is a table (one column per site) built with text nodes only.
import { candidateName } from '../../../scoring/index.ts';
import type { Candidate } from '../../../scoring/index.ts';
import type { StoredPage } from '../db.ts';
import { clear, el, link } from '../dom.ts';
import { COMPONENT_LABELS, kindLabel } from '../labels.ts';
import { SITE_COMPONENTS } from './detail-panel.ts';
import { formatComponent, formatScore } from './format.ts';

export const MAX_COMPARE = 3;
export const MIN_COMPARE = 2;

/** Tick or untick `site`; a fourth pick is refused with a reason (the list stays as it was). */
export function toggleCompared(list: readonly string[], site: string, max = MAX_COMPARE): { list: string[]; refused?: string } {
  if (list.includes(site)) return { list: list.filter((s) => s !== site) };
  if (list.length >= max) return { list: [...list], refused: `Compare up to ${max} sites: untick one first.` };
  return { list: [...list, site] };
}

/** The best `n` pages by score (ties: more words). */
export function bestPages(pages: readonly StoredPage[], n = 3): StoredPage[] {
  return [...pages].sort((a, b) => b.score - a.score || b.wordCount - a.wordCount).slice(0, n);
}

export interface CompareColumn {
  candidate: Candidate;
  pages: StoredPage[];
}

const nameOf = (c: Candidate) => candidateName(c);

export class CompareView {
  private token = 0;

  constructor(
    private readonly doc: Document,
    private readonly body: HTMLElement,
    private readonly pagesOfSite: (site: string) => Promise<StoredPage[]>,
  ) {}

  /** Read the pages of each site, then draw the table (a later call wins over a slower earlier one). */
  async show(candidates: Candidate[]): Promise<void> {
    const token = ++this.token;
    const pages = await Promise.all(candidates.map((c) => this.pagesOfSite(c.site).catch(() => [] as StoredPage[])));
    if (token !== this.token) return;
    this.render(candidates.map((candidate, i) => ({ candidate, pages: bestPages(pages[i]) })));
  }

  render(columns: CompareColumn[]): void {
    const { doc } = this;
    clear(this.body);
    const table = el(doc, 'table', { class: 'compare-table' });
    table.appendChild(el(doc, 'caption', {}, `Comparing ${columns.map((c) => nameOf(c.candidate)).join(', ')}`));
    const head = el(doc, 'tr');
    head.appendChild(el(doc, 'td'));
    for (const { candidate: c } of columns) {
      const th = el(doc, 'th', { scope: 'col', 'data-site': c.site });
      th.append(link(doc, c.siteScore.site, nameOf(c)), el(doc, 'div', { class: 'muted' }, c.site));
      head.appendChild(th);
    }
    table.appendChild(el(doc, 'thead')).appendChild(head);
    const tbody = table.appendChild(el(doc, 'tbody'));
    const row = (label: string, cell: (col: CompareColumn) => Node | string, key?: string) => {
      const tr = el(doc, 'tr', key ? { 'data-row': key } : {});
      tr.appendChild(el(doc, 'th', { scope: 'row' }, label));
      for (const col of columns) {
        const td = el(doc, 'td');
        const v = cell(col);
        if (typeof v === 'string') td.textContent = v;
        else td.appendChild(v);
        tr.appendChild(td);
      }
      tbody.appendChild(tr);
    };
    row('Site score', (col) => el(doc, 'strong', {}, formatScore(col.candidate.siteScore.score)), 'score');
    row('Kind', (col) => kindLabel(col.candidate.siteScore.siteKind), 'kind');
    for (const k of SITE_COMPONENTS) {
      row(
        COMPONENT_LABELS[k],
        (col) => {
          const v = Math.max(0, Math.min(1, Number(col.candidate.siteScore.components?.[k]) || 0));
          const box = el(doc, 'span', { class: 'meter-cell' });
          box.append(
            el(doc, 'meter', { min: 0, max: 1, low: 0.34, high: 0.67, optimum: 1, value: v.toFixed(3), 'aria-label': `${COMPONENT_LABELS[k]}, ${nameOf(col.candidate)}` }),
            el(doc, 'span', { class: 'value' }, formatComponent(v)),
          );
          return box;
        },
        k,
      );
    }
    row('Pages scored', (col) => `${col.candidate.siteScore.pagesScored} (${col.candidate.siteScore.mentoringPages} about mentoring)`, 'pages');
    row('Why', (col) => this.list((col.candidate.siteScore.reasons ?? []).map((r) => el(doc, 'li', {}, String(r))), 'No reasons recorded.'), 'reasons');
    row('Best pages', (col) => this.list(col.pages.map((p) => this.pageItem(p)), 'No pages stored here (crawled or imported).'), 'best-pages');
    this.body.appendChild(table);
  }

  private list(items: HTMLElement[], empty: string): HTMLElement {
    if (items.length === 0) return el(this.doc, 'span', { class: 'muted' }, empty);
    const ul = el(this.doc, 'ul', { class: 'compare-list' });
    ul.append(...items);
    return ul;
  }

  private pageItem(p: StoredPage): HTMLElement {
    const { doc } = this;
    const li = el(doc, 'li', { class: 'page' });
    li.append(el(doc, 'span', { class: 'page-score' }, formatScore(p.score)), link(doc, p.finalUrl || p.url, p.title?.trim() || p.url, { class: 'page-title' }));
    const ev = el(doc, 'ul', { class: 'evidence' });
    for (const e of p.evidence.slice(0, 2)) {
      const item = el(doc, 'li', { 'data-component': e.component });
      item.append(el(doc, 'span', { class: 'ev-component' }, COMPONENT_LABELS[e.component] ?? e.component), el(doc, 'span', {}, e.text));
      ev.appendChild(item);
    }
    if (ev.childElementCount) li.appendChild(ev);
    return li;
  }
}
