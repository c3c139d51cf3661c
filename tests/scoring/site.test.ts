import { describe, expect, it } from 'vitest';
import { scorePage, scoreSite, SCORER_VERSION, type PageScore } from '../../scoring/index.ts';
import { fixture } from './helpers.ts';

function page(over: Partial<PageScore> & { url: string }): PageScore {
  return {
    finalUrl: over.url,
    title: 'A page',
    lang: 'en',
    scorerVersion: SCORER_VERSION,
    score: 0,
    components: { relevance: 0, mentorGuidance: 0, programGuidance: 0, actionability: 0, quality: 0.5, freshness: 0 },
    evidence: [],
    flags: [],
    feedUrls: [],
    siteKind: 'blog',
    wordCount: 800,
    ...over,
  };
}
const good = (url: string, score: number, mg: number, pg: number, extra: Partial<PageScore> = {}) =>
  page({ url, score, components: { relevance: 0.9, mentorGuidance: mg, programGuidance: pg, actionability: 0.6, quality: 0.8, freshness: 0 }, ...extra });

describe('scoreSite', () => {
  it('throws on no pages', () => {
    expect(() => scoreSite([])).toThrow(/at least one page/);
  });

  it('one great page and many good pages both rank well; an irrelevant site ranks low whatever its size', () => {
    const oneGreat = scoreSite([good('https://a.example/guide', 85, 0.85, 0.3), ...Array.from({ length: 8 }, (_, i) => page({ url: `https://a.example/p${i}`, score: 2 }))], { roundupYear: 2026 });
    const manyGood = scoreSite(Array.from({ length: 10 }, (_, i) => good(`https://b.example/p${i}`, 60, i % 2 ? 0.7 : 0.3, i % 2 ? 0.3 : 0.7)), { roundupYear: 2026 });
    const irrelevant = scoreSite(Array.from({ length: 200 }, (_, i) => page({ url: `https://c.example/p${i}`, score: 3, components: { relevance: 0.05, mentorGuidance: 0.1, programGuidance: 0.1, actionability: 0.7, quality: 0.9, freshness: 1 }, publishedAt: '2026-05-01' })), {
      roundupYear: 2026,
      activity: { postDates: Array.from({ length: 50 }, (_, i) => `2026-0${(i % 9) + 1}-10`) },
    });
    expect(oneGreat.score).toBeGreaterThan(55);
    expect(manyGood.score).toBeGreaterThan(55);
    expect(irrelevant.score).toBeLessThan(10);
    expect(manyGood.components.coverage).toBeGreaterThan(oneGreat.components.coverage);
    expect(irrelevant.mentoringPages).toBe(0);
    expect(irrelevant.reasons[0]).toMatch(/No page about mentoring among 200 pages/);
    // Not a plain mean: the filler pages do not drown the great one.
    expect(oneGreat.score).toBeGreaterThan(85 * 0.6);
    expect(oneGreat.bestPageUrl).toBe('https://a.example/guide');
  });

  it('activity, freshness and lastPostAt come from feed post dates and page dates, against the roundup year', () => {
    const pages = [good('https://a.example/x', 70, 0.8, 0.2, { publishedAt: '2026-03-01' }), good('https://a.example/y', 60, 0.7, 0.2, { publishedAt: '2024-01-01' })];
    const s = scoreSite(pages, { roundupYear: 2026, activity: { postDates: ['2026-01-10', '2026-06-10T10:00:00Z', '2025-02-02', 'garbage'], feedUrl: 'https://a.example/feed' } });
    expect(s.lastPostAt).toBe('2026-06-10');
    expect(s.feedUrl).toBe('https://a.example/feed');
    expect(s.components.freshness).toBe(1);
    expect(s.components.activity).toBeGreaterThan(0.4);
    expect(s.reasons).toContain('Posted about mentoring 3 times in 2026');
    const later = scoreSite(pages, { roundupYear: 2030, activity: { postDates: ['2026-01-10'] } });
    expect(later.components.activity).toBe(0);
    expect(later.components.freshness).toBeLessThan(0.2);
  });

  it('reasons are human readable, at most three, about advice pages and toolkits', () => {
    const pages = [
      ...Array.from({ length: 12 }, (_, i) => good(`https://a.example/m${i}`, 60, 0.7, 0.2)),
      good('https://a.example/toolkit', 75, 0.5, 0.8, { flags: ['downloads'], title: 'Program toolkit' }),
    ];
    const s = scoreSite(pages, { roundupYear: 2026 });
    expect(s.reasons.length).toBe(3);
    expect(s.reasons).toContain('13 pages of practical advice for new mentors');
    expect(s.reasons).toContain('Program toolkit with downloadable templates');
  });

  it('kind by vote, name from siteName, feed from pages, one score per URL, deterministic', () => {
    const pages = [
      good('https://a.example/1', 50, 0.6, 0.2, { siteKind: 'company', siteName: 'Acme', feedUrls: ['https://a.example/rss.xml'] }),
      good('https://a.example/2', 40, 0.6, 0.2, { siteKind: 'company', siteName: 'Acme' }),
      good('https://a.example/3', 45, 0.6, 0.2, { siteKind: 'blog' }),
      good('https://a.example/3', 20, 0.6, 0.2, { siteKind: 'blog' }),
    ];
    const s = scoreSite(pages, { roundupYear: 2026 });
    expect(s.siteKind).toBe('company');
    expect(s.name).toBe('Acme');
    expect(s.feedUrl).toBe('https://a.example/rss.xml');
    expect(s.pagesScored).toBe(3);
    expect(s.site).toBe('https://a.example');
    expect(scoreSite([...pages].reverse(), { roundupYear: 2026 })).toEqual(s);
    expect(s.scorerVersion).toBe(SCORER_VERSION);
  });

  it('works end to end from scorePage on fixtures', () => {
    const pos = scorePage({ ...fixture('personal-blog-first-year-mentor.html'), roundupYear: 2026 });
    const neg = scorePage({ ...fixture('mentor-ohio-city.html'), roundupYear: 2026 });
    const s1 = scoreSite([pos], { roundupYear: 2026 });
    const s2 = scoreSite([neg], { roundupYear: 2026 });
    expect(s1.score).toBeGreaterThan(s2.score + 40);
    expect(s1.site).toBe('https://quietdesk.example');
    expect(s1.name).toBe('Notes from a Quiet Desk');
    expect(s1.siteKind).toBe('blog');
    expect(s1.lastPostAt).toBe('2026-02-14');
    expect(s2.reasons.join(' ')).toMatch(/place-mentor|No page about mentoring/);
  });
});
