// PLACEHOLDER until the real site aggregation lands. Signature is the contract.
import type { PageScore, SiteActivityInput, SiteScore } from './types.ts';
import { SCORER_VERSION } from './page.ts';

export interface ScoreSiteOptions {
  /** Origin of the site; defaults to the first page's origin. */
  site?: string;
  roundupYear?: number;
  activity?: SiteActivityInput;
}

export function scoreSite(pages: PageScore[], opts: ScoreSiteOptions = {}): SiteScore {
  if (pages.length === 0) throw new Error('scoreSite needs at least one page');
  const best = [...pages].sort((a, b) => b.score - a.score)[0];
  const site = opts.site ?? new URL(best.finalUrl).origin;
  return {
    site,
    name: best.siteName ?? new URL(site).hostname,
    score: best.score,
    components: { ...best.components, activity: 0, coverage: 0 },
    pagesScored: pages.length,
    mentoringPages: pages.filter((p) => p.components.relevance >= 0.5).length,
    bestPageUrl: best.finalUrl,
    siteKind: best.siteKind,
    reasons: [],
    scorerVersion: SCORER_VERSION,
  };
}
