// Search over candidates, one rule for the CLI (`list --search`) and the dashboard's search box:
// every word of the query must occur, case-insensitively, in the site's names (the curator's
// rename, the computed name, the record's own), its site key, its tags or its private notes.
import type { Candidate } from './types.ts';

/** The lower-cased text a search looks in (the dashboard computes it once per candidate). */
export function candidateSearchText(c: Pick<Candidate, 'site' | 'name' | 'siteScore' | 'nameOverride' | 'tags' | 'notes'>): string {
  return [c.nameOverride ?? '', c.name ?? '', c.siteScore?.name ?? '', c.site, (c.tags ?? []).join(' '), c.notes ?? ''].join('\n').toLowerCase();
}

/** The query's words, lower-cased; none means "everything". */
export function searchWords(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

/** Whether every word occurs in `text` (a candidateSearchText). */
export function matchesWords(text: string, words: string[]): boolean {
  for (const w of words) if (!text.includes(w)) return false;
  return true;
}
