// The filter bar: search box, kind, decision, source and year filters, and the sort. Reads what
// the curator chose (validated), shows a view from the URL hash, and keeps the year options in
// step with the candidates.
import { el } from '../dom.ts';
import { SORT_KEYS, SORT_LABELS, cleanFilters, isSortKey, type Filters, type SortKey } from './model.ts';
import type { HashView } from './url-hash.ts';

const FIELDS = ['search', 'filter-kind', 'filter-decision', 'filter-source', 'filter-year', 'sort'] as const;

export class FilterBar {
  private readonly $: <T extends HTMLElement>(id: string) => T;

  constructor(
    private readonly doc: Document,
    onChange: () => void,
  ) {
    this.$ = <T extends HTMLElement>(id: string) => doc.getElementById(id) as T;
    const sort = this.$<HTMLSelectElement>('sort');
    for (const k of SORT_KEYS) sort.appendChild(el(doc, 'option', { value: k }, SORT_LABELS[k]));
    for (const id of FIELDS) this.$(id).addEventListener(id === 'search' ? 'input' : 'change', onChange);
  }

  filters(): Filters {
    const v = (id: string) => this.$<HTMLInputElement | HTMLSelectElement>(id).value;
    return cleanFilters({ query: v('search'), kind: v('filter-kind'), decision: v('filter-decision'), source: v('filter-source'), year: v('filter-year') });
  }

  sort(): SortKey {
    const s = this.$<HTMLSelectElement>('sort').value;
    return isSortKey(s) ? s : 'score';
  }

  /** Put a view (from the URL hash) into the fields; the year waits for `fillYears`. */
  show(v: HashView): void {
    this.$<HTMLInputElement>('search').value = v.filters.query;
    this.$<HTMLSelectElement>('filter-kind').value = v.filters.kind;
    this.$<HTMLSelectElement>('filter-decision').value = v.filters.decision;
    this.$<HTMLSelectElement>('filter-source').value = v.filters.source;
    this.$<HTMLSelectElement>('sort').value = v.sort;
  }

  /** The years candidates were scored in; the chosen one stays if it is still there, else "any". */
  fillYears(years: number[], wanted: number): void {
    const sel = this.$<HTMLSelectElement>('filter-year');
    const keep = sel.value || (wanted ? String(wanted) : '');
    while (sel.options.length > 1) sel.remove(1);
    for (const y of years) sel.appendChild(el(this.doc, 'option', { value: y }, String(y)));
    sel.value = [...sel.options].some((o) => o.value === keep) ? keep : '';
  }
}
