// Candidates for the dashboard's unit tests.
import { newCandidate } from '../../../scoring/index.ts';
import type { Candidate, Decision, SiteKind, Source } from '../../../scoring/index.ts';
import { NO_FILTERS, type Filters } from '../../../extension/lib/dashboard/model.ts';

export interface Opts {
  score: number;
  name?: string;
  kind?: SiteKind;
  decision?: Decision;
  sources?: Source[];
  tags?: string[];
  notes?: string;
  at?: string;
  comp?: Partial<Record<'relevance' | 'mentorGuidance' | 'programGuidance' | 'actionability' | 'quality' | 'freshness' | 'activity' | 'coverage', number>>;
  mentoringPages?: number;
}

export function cand(host: string, o: Opts): Candidate {
  const c = newCandidate(
    {
      site: `https://${host}`,
      name: o.name ?? host,
      score: o.score,
      components: { relevance: 0.5, mentorGuidance: 0.5, programGuidance: 0.5, actionability: 0.5, quality: 0.5, freshness: 0.5, activity: 0.5, coverage: 0.5, ...o.comp },
      pagesScored: 3,
      mentoringPages: o.mentoringPages ?? 2,
      bestPageUrl: `https://${host}/`,
      siteKind: o.kind ?? 'blog',
      reasons: [],
      scorerVersion: 't',
    },
    o.sources?.[0] ?? 'crawl',
    o.at ?? '2026-03-01T00:00:00.000Z',
  );
  return { ...c, sources: o.sources ?? c.sources, decision: o.decision ?? 'undecided', tags: o.tags ?? [], notes: o.notes ?? '' };
}

export const sample = (): Candidate[] => [
  cand('alpha.example', { score: 40, name: 'Alpha Mentoring', kind: 'blog', sources: ['crawl'], comp: { programGuidance: 0.9 }, at: '2025-05-01T00:00:00Z' }),
  cand('beta.example', { score: 80, name: 'Beta Mentors', kind: 'company', sources: ['bookmark'], decision: 'include', tags: ['Program'], comp: { programGuidance: 0.2 } }),
  cand('gamma.example', { score: 60, name: 'Gamma', kind: 'nonprofit', sources: ['crawl', 'import'], notes: 'Great first-meeting checklist', comp: { programGuidance: 0.5 } }),
  cand('delta.example', { score: 60, name: 'Delta', kind: 'blog', sources: ['import'], decision: 'exclude', mentoringPages: 5, comp: { programGuidance: 0.5 } }),
];

export const f = (p: Partial<Filters>): Filters => ({ ...NO_FILTERS, ...p });
export const sites = (list: { c: Candidate }[]) => list.map((e) => e.c.site);
