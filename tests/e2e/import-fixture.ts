// A small crawler-style export (JSON, what `mentor-radar export --format json` writes) of made-up
// `.example` sites, imported through the dashboard's #import-file in the e2e run.
import { SCORER_VERSION, candidatesToJson, newCandidate } from '../../scoring/index.ts';
import type { Candidate, SiteKind } from '../../scoring/index.ts';

interface Spec {
  host: string;
  name: string;
  kind: SiteKind;
  score: number;
  c: [number, number, number, number, number, number, number, number];
  pages: number;
  lastPost?: string;
  reasons: string[];
}

const SPECS: Spec[] = [
  { host: 'mentoring-circle.example', name: 'Mentoring Circle (fixture)', kind: 'blog', score: 78, c: [0.95, 0.8, 0.55, 0.7, 0.8, 0.9, 0.7, 0.75], pages: 14, lastPost: '2026-10-02', reasons: ['Practical first-meeting advice for new mentors', 'Posts about mentoring every month', 'Program templates'] },
  { host: 'program-starter.example', name: 'Program Starter Kit (fixture)', kind: 'company', score: 66, c: [0.9, 0.35, 0.9, 0.85, 0.7, 0.6, 0.3, 0.6], pages: 9, lastPost: '2026-05-20', reasons: ['Step-by-step guide to launching a mentoring program', 'Downloadable matching checklist', 'Coordinator role explained'] },
  { host: 'youth-mentors.example', name: 'Youth Mentors Network (fixture)', kind: 'nonprofit', score: 58, c: [0.85, 0.6, 0.6, 0.45, 0.65, 0.5, 0.4, 0.7], pages: 22, lastPost: '2025-11-11', reasons: ['Training for volunteer mentors', 'Mentor and program guidance', 'Active news feed'] },
  { host: 'campus-mentoring.example', name: 'Campus Mentoring Office (fixture)', kind: 'academic', score: 44, c: [0.7, 0.4, 0.5, 0.3, 0.6, 0.3, 0.1, 0.5], pages: 6, reasons: ['Faculty mentoring program overview', 'Evaluation survey', 'Few recent posts'] },
  { host: 'coach-directory.example', name: 'Coach & Mentor Directory (fixture)', kind: 'directory', score: 21, c: [0.35, 0.1, 0.1, 0.1, 0.4, 0.5, 0.2, 0.2], pages: 4, reasons: ['Mostly a list of coaches', 'Little mentoring guidance', 'Thin pages'] },
];

export function fixtureCandidates(at = '2026-11-01T10:00:00.000Z'): Candidate[] {
  return SPECS.map((s) => {
    const [relevance, mentorGuidance, programGuidance, actionability, quality, freshness, activity, coverage] = s.c;
    const c = newCandidate(
      {
        site: `https://${s.host}`,
        name: s.name,
        score: s.score,
        components: { relevance, mentorGuidance, programGuidance, actionability, quality, freshness, activity, coverage },
        pagesScored: s.pages,
        mentoringPages: Math.round(s.pages * 0.7),
        bestPageUrl: `https://${s.host}/start-here`,
        ...(s.lastPost ? { lastPostAt: `${s.lastPost}T00:00:00.000Z`, feedUrl: `https://${s.host}/feed.xml` } : {}),
        siteKind: s.kind,
        reasons: s.reasons,
        scorerVersion: SCORER_VERSION,
      },
      'crawl',
      at,
    );
    return c;
  });
}

export function fixtureExportJson(): string {
  return candidatesToJson(fixtureCandidates(), '2026-11-01T10:00:00.000Z');
}
