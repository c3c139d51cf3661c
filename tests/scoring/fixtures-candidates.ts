// Candidates for the export, CSV, Markdown and roundup tests.
import { newCandidate } from '../../scoring/candidate.ts';
import type { Candidate, SiteScore } from '../../scoring/types.ts';

export const NOW = '2026-11-24T12:00:00.000Z';

export function candidate(site: string, score: number, patch: Partial<Candidate> = {}, name?: string, scorePatch: Partial<SiteScore> = {}): Candidate {
  const s: SiteScore = {
    site,
    name: name ?? new URL(site).hostname,
    score,
    components: {
      relevance: 0.91234, mentorGuidance: 0.5, programGuidance: 0.25, actionability: 0.3,
      quality: 0.7, freshness: 0.2, activity: 0.1, coverage: 0.4,
    },
    pagesScored: 4,
    mentoringPages: 3,
    bestPageUrl: `${site}/how-to-mentor`,
    feedUrl: `${site}/feed.xml`,
    lastPostAt: '2026-10-01',
    siteKind: 'nonprofit',
    reasons: ['Practical advice for new mentors', 'Program toolkit with templates'],
    scorerVersion: 'v-test',
    ...scorePatch,
  };
  return { ...newCandidate(s, 'crawl', '2026-02-03T04:05:06.000Z'), ...(name ? { name } : {}), ...patch };
}
