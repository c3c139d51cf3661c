import { describe, expect, it } from 'vitest';
import { mergeAll, mergeCandidates, newCandidate, rankCandidates } from '../../scoring/candidate.ts';
import { siteKey } from '../../scoring/url.ts';
import type { Candidate, SiteScore } from '../../scoring/types.ts';

function siteScore(site: string, score: number, pagesScored = 1): SiteScore {
  return {
    site,
    name: new URL(site).hostname,
    score,
    components: {
      relevance: 0.9, mentorGuidance: 0.5, programGuidance: 0.4, actionability: 0.3,
      quality: 0.7, freshness: 0.2, activity: 0.1, coverage: 0.3,
    },
    pagesScored,
    mentoringPages: pagesScored,
    bestPageUrl: `${site}/guide`,
    siteKind: 'blog',
    reasons: ['r1'],
    scorerVersion: 'test',
  };
}

describe('siteKey', () => {
  it.each([
    ['https://www.Example.org/a/b?c=1', 'example.org'],
    ['http://example.org:80/', 'example.org'],
    ['https://example.org:443', 'example.org'],
    ['https://example.org:8443/x', 'example.org:8443'],
    ['http://127.0.0.2:8080/blog', '127.0.0.2:8080'],
    ['WWW.EXAMPLE.ORG', 'example.org'],
    ['https://blog.example.org./', 'blog.example.org'],
    ['https://wwwfoo.example.org/', 'wwwfoo.example.org'],
  ])('%s -> %s', (input, key) => {
    expect(siteKey(input)).toBe(key);
  });

  it('rejects non-http schemes and garbage with a clear message', () => {
    expect(() => siteKey('javascript:alert(1)')).toThrow(/http/);
    expect(() => siteKey('ftp://example.org')).toThrow(/not an http/);
    expect(() => siteKey('http://')).toThrow(/not a URL/);
  });
});

describe('mergeCandidates', () => {
  const crawl = newCandidate(siteScore('https://www.mentors.example', 70, 10), 'crawl', '2026-03-01T00:00:00.000Z');
  const bookmark = newCandidate(siteScore('https://mentors.example', 82, 1), 'bookmark', '2026-05-01T00:00:00.000Z');

  it('turns the same site from crawl and bookmark into one candidate', () => {
    const merged = mergeAll([crawl, bookmark]);
    expect(merged).toHaveLength(1);
    expect(merged[0].site).toBe('mentors.example');
    expect(merged[0].sources).toEqual(['crawl', 'bookmark']);
    expect(merged[0].firstSeenAt).toBe('2026-03-01T00:00:00.000Z');
    expect(merged[0].lastScoredAt).toBe('2026-05-01T00:00:00.000Z');
  });

  it('keeps the site score built from more pages', () => {
    expect(mergeCandidates(bookmark, crawl).siteScore.pagesScored).toBe(10);
    expect(mergeCandidates(crawl, bookmark).siteScore.pagesScored).toBe(10);
  });

  it('never loses the curator’s tags, notes or decision', () => {
    const local: Candidate = { ...crawl, decision: 'shortlist', tags: ['nonprofit', 'Top'], notes: 'great toolkit' };
    const incoming: Candidate = { ...bookmark, tags: ['top', 'vendor'], notes: 'check the pricing page' };
    const m = mergeCandidates(local, incoming);
    expect(m.decision).toBe('shortlist');
    expect(m.tags).toEqual(['nonprofit', 'Top', 'vendor']);
    expect(m.notes).toContain('great toolkit');
    expect(m.notes).toContain('check the pricing page');
    // merging again is stable (idempotent)
    expect(mergeCandidates(m, incoming)).toEqual(m);
  });

  it('lets the later curation win when both carry a timestamp', () => {
    const a: Candidate = { ...crawl, decision: 'include', curatedAt: '2026-04-01T00:00:00Z' };
    const b: Candidate = { ...bookmark, decision: 'exclude', curatedAt: '2026-06-01T00:00:00Z' };
    expect(mergeCandidates(a, b).decision).toBe('exclude');
    expect(mergeCandidates(b, a).decision).toBe('exclude');
  });

  it('a made decision beats undecided when there are no timestamps', () => {
    const b: Candidate = { ...bookmark, decision: 'include' };
    expect(mergeCandidates(crawl, b).decision).toBe('include');
  });

  it('unions the yearly history', () => {
    const a: Candidate = { ...crawl, history: [{ year: 2025, score: 60 }, { year: 2026, score: 70 }] };
    const b: Candidate = { ...bookmark, history: [{ year: 2024, score: 50 }] };
    expect(mergeCandidates(a, b).history.map((h) => h.year)).toEqual([2024, 2025, 2026]);
  });

  it('refuses to merge different sites', () => {
    const other = newCandidate(siteScore('https://other.example', 10), 'crawl', '2026-01-01T00:00:00Z');
    expect(() => mergeCandidates(crawl, other)).toThrow(/different sites/);
  });
});

describe('rankCandidates', () => {
  it('orders by score, then mentoring pages, then site key, deterministically', () => {
    const a = newCandidate(siteScore('https://b.example', 50, 3), 'crawl', '2026-01-01T00:00:00Z');
    const b = newCandidate(siteScore('https://a.example', 50, 3), 'crawl', '2026-01-01T00:00:00Z');
    const c = newCandidate(siteScore('https://c.example', 50, 5), 'crawl', '2026-01-01T00:00:00Z');
    const d = newCandidate(siteScore('https://d.example', 90, 1), 'crawl', '2026-01-01T00:00:00Z');
    expect(rankCandidates([a, b, c, d]).map((x) => x.site)).toEqual(['d.example', 'c.example', 'a.example', 'b.example']);
  });
});
