// The site's quotes: evidence sentences of its best mentoring pages, each with the page it is
// from, so the roundup can quote a site and link the page that says it (markdown.ts).
import type { ComponentName, PageScore, SiteQuote } from './types.ts';
import { normalisePageUrl } from './url.ts';
import { oneLine } from './text.ts';

export const MAX_SITE_QUOTES = 5;
const PAGES_QUOTED = 5;
/** Guidance first: a roundup quotes advice, not a sentence that merely says "mentoring". */
const COMPONENT_ORDER: ComponentName[] = ['mentorGuidance', 'programGuidance', 'actionability', 'relevance'];

/**
 * Up to five quotes from the best mentoring pages (relevance >= 0.5), best page first, one per
 * page in turn so that the first quotes come from different pages. `ranked` is best first.
 */
export function siteQuotes(ranked: Pick<PageScore, 'url' | 'finalUrl' | 'title' | 'evidence' | 'components'>[]): SiteQuote[] {
  const perPage: SiteQuote[][] = [];
  for (const p of ranked) {
    if (perPage.length >= PAGES_QUOTED) break;
    if (p.components.relevance < 0.5) continue;
    const url = normalisePageUrl(p.finalUrl || p.url);
    if (!url) continue;
    const title = oneLine(p.title, 200);
    const quotes = [...p.evidence]
      .sort((a, b) => COMPONENT_ORDER.indexOf(a.component) - COMPONENT_ORDER.indexOf(b.component))
      .map((e) => ({ url, title, component: e.component, text: oneLine(e.text, 300) }))
      .filter((q) => q.text.length >= 20);
    if (quotes.length) perPage.push(quotes);
  }
  const out: SiteQuote[] = [];
  const seen = new Set<string>();
  for (let round = 0; out.length < MAX_SITE_QUOTES && perPage.some((q) => q.length > round); round++) {
    for (const quotes of perPage) {
      const q = quotes[round];
      if (!q || seen.has(q.text)) continue;
      seen.add(q.text);
      out.push(q);
      if (out.length >= MAX_SITE_QUOTES) break;
    }
  }
  return out;
}
