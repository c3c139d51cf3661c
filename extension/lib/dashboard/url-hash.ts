// The view (filters + sort, the compare or roundup view) lives in the URL hash: a reload, or a
// bookmark of the dashboard, keeps it. Whatever comes in from the hash is validated (cleanFilters,
// isSortKey): junk means "any".
import { cleanFilters, isSortKey, type Filters, type SortKey } from './model.ts';

export interface HashView {
  filters: Filters;
  sort: SortKey;
  /** Sites shown side by side (the compare view is open when there are two or more). */
  compare?: string[];
  /** The Roundup view is open (`view=roundup`). */
  roundup?: boolean;
  /** The roundup counts the shortlisted sites too (`shortlist=1`). */
  withShortlist?: boolean;
}

const SITE_RE = /^[a-z0-9.-]{1,253}(:\d{1,5})?$/;

/** `decision=include&sort=quality` (no leading '#'); '' for the default view. */
export function viewToHash(v: HashView): string {
  const p = new URLSearchParams();
  const f = v.filters;
  if (f.query) p.set('q', f.query);
  if (f.kind) p.set('kind', f.kind);
  if (f.decision) p.set('decision', f.decision);
  if (f.source) p.set('source', f.source);
  if (f.year) p.set('year', String(f.year));
  if (v.sort !== 'score') p.set('sort', v.sort);
  if (v.compare && v.compare.length) p.set('compare', v.compare.join(','));
  if (v.roundup) p.set('view', 'roundup');
  if (v.withShortlist) p.set('shortlist', '1');
  return p.toString();
}

/** The view a hash (with or without its '#') asks for. */
export function viewFromHash(hash: string): HashView {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const filters = cleanFilters({ query: p.get('q') ?? '', kind: p.get('kind'), decision: p.get('decision'), source: p.get('source'), year: p.get('year') });
  const s = p.get('sort');
  const compare = [...new Set((p.get('compare') ?? '').split(',').filter((x) => SITE_RE.test(x)))].slice(0, 3);
  return {
    filters,
    sort: isSortKey(s) ? s : 'score',
    ...(compare.length ? { compare } : {}),
    ...(p.get('view') === 'roundup' ? { roundup: true } : {}),
    ...(p.get('shortlist') === '1' ? { withShortlist: true } : {}),
  };
}
