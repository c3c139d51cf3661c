// Shared fixtures for the extension's unit tests: a fresh fake IndexedDB per test, candidates and pages.
import { IDBFactory } from 'fake-indexeddb';
import { closeMentorDb, setDefaultDbName } from '../../extension/lib/db.ts';
import { newCandidate, SCORER_VERSION } from '../../scoring/index.ts';
import type { Candidate, Decision, PageScore, SiteScore, Source } from '../../scoring/index.ts';

/** A brand-new, empty IndexedDB for each test (fake-indexeddb), and no cached connection. */
export async function freshIndexedDb(name = 'mentor-radar-test'): Promise<void> {
  await closeMentorDb();
  (globalThis as { indexedDB: IDBFactory }).indexedDB = new IDBFactory();
  setDefaultDbName(name);
}

export function siteScoreOf(site: string, score: number, over: Partial<SiteScore> = {}): SiteScore {
  const origin = site.includes('://') ? new URL(site).origin : `https://${site}`;
  return {
    site: origin,
    name: `${site} blog`,
    score,
    components: {
      relevance: 0.9,
      mentorGuidance: 0.7,
      programGuidance: 0.4,
      actionability: 0.5,
      quality: 0.6,
      freshness: 0.3,
      activity: 0.2,
      coverage: 0.5,
    },
    pagesScored: 1,
    mentoringPages: 1,
    bestPageUrl: `${origin}/mentoring`,
    siteKind: 'blog',
    reasons: ['Practical advice for new mentors'],
    scorerVersion: SCORER_VERSION,
    ...over,
  };
}

export function candidateOf(
  site: string,
  score: number,
  opts: { source?: Source; at?: string; decision?: Decision; tags?: string[]; notes?: string; pages?: number; curatedAt?: string } = {},
): Candidate {
  const c = newCandidate(siteScoreOf(site, score, { pagesScored: opts.pages ?? 1 }), opts.source ?? 'crawl', opts.at ?? '2026-03-01T10:00:00.000Z');
  if (opts.decision) c.decision = opts.decision;
  if (opts.tags) c.tags = opts.tags;
  if (opts.notes !== undefined) c.notes = opts.notes;
  if (opts.curatedAt) c.curatedAt = opts.curatedAt;
  return c;
}

export function pageOf(url: string, score: number, over: Partial<PageScore> = {}): PageScore {
  return {
    url,
    finalUrl: url,
    title: `Page ${url}`,
    lang: 'en',
    scorerVersion: SCORER_VERSION,
    score,
    components: { relevance: 0.8, mentorGuidance: 0.6, programGuidance: 0.3, actionability: 0.4, quality: 0.5, freshness: 0.2 },
    evidence: [{ component: 'mentorGuidance', text: 'Meet your mentee every two weeks and keep your promises.' }],
    flags: [],
    feedUrls: [],
    siteKind: 'blog',
    wordCount: 900,
    ...over,
  };
}

/** A mentoring article, big enough for the scorer to have something to read. */
export function mentoringHtml(title: string, extraHead = ''): string {
  const paras = [
    'Starting as a mentor: meet your mentee in the first week and agree on goals for the year.',
    'Listen more than you talk. Ask open questions and give honest, specific feedback after each meeting.',
    'Keep your promises: if you say you will call on Friday, call on Friday. Meet every two weeks.',
    'For a mentoring program, the coordinator recruits mentors, matches pairs, trains mentors and checks in monthly.',
    'Download our mentoring program toolkit: a checklist for the first meeting, a goal template and an evaluation form.',
    'Several mentors are better than one: a peer mentor, a senior mentor and a mentor outside your company.',
  ];
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${extraHead}</head><body><main><article><h1>${title}</h1><p class="date">Published <time datetime="2026-02-10">10 February 2026</time></p>${paras
    .map((p) => `<p>${p}</p>`)
    .join('')}<h2>Checklist</h2><ol><li>Agree on goals</li><li>Set a meeting cadence</li><li>Ask for feedback</li></ol></article></main></body></html>`;
}
