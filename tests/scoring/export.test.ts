import { describe, expect, it } from 'vitest';
import { ImportError, JSON_VERSION, candidatesToJson, parseCandidates } from '../../scoring/export.ts';
import { candidatesToCsv } from '../../scoring/csv.ts';
import { applyPicks, mergeAll, mergeCandidates, pagesCandidate } from '../../scoring/candidate.ts';
import { scorePage } from '../../scoring/page.ts';
import { toSitePage } from '../../scoring/site-pages.ts';
import { CRAWLED_PAGES } from './site-fixture.ts';
import type { Candidate } from '../../scoring/types.ts';
import { NOW, candidate } from './fixtures-candidates.ts';

describe('JSON export and import', () => {
  const picked = applyPicks(
    candidate('https://a.example', 80, { tags: ['vendor', 'top'], notes: 'great, "really"', roundupRank: 1, best: 2 }, 'A site', {
      quotes: [{ url: 'https://a.example/guide', title: 'Guide', component: 'mentorGuidance', text: 'Meet every two weeks and keep your promises.' }],
      outreach: { author: 'Jane Doe', contactUrl: 'https://a.example/contact', email: 'jane@a.example', social: [{ network: 'bluesky', url: 'https://bsky.app/profile/jane.example' }] },
    }),
    { decision: 'include', blurb: 'The kindest guide.', name: 'Renamed' },
    '2026-05-01T00:00:00Z',
  );
  const list: Candidate[] = [picked, candidate('https://b.example', 30, { decision: 'exclude', notes: '=not a formula' })];

  it(`is version ${JSON_VERSION} and keeps every field, picks, pick times, quotes and outreach included`, () => {
    const text = candidatesToJson(list, NOW);
    expect(JSON.parse(text).version).toBe(3);
    expect(parseCandidates(text, NOW)).toEqual(list);
  });

  it('still reads version 1 files (no picks), and bare arrays', () => {
    const v1 = JSON.stringify({ format: 'mentor-radar/candidates', version: 1, exportedAt: NOW, candidates: [{ site: 'a.example', name: 'Old name', decision: 'include', siteScore: { site: 'https://a.example', name: 'A', score: 50 } }] });
    const [c] = parseCandidates(v1, NOW);
    expect([c.site, c.name, c.decision, c.roundupRank, c.best, c.nameOverride]).toEqual(['a.example', 'Old name', 'include', undefined, undefined, undefined]);
    expect(parseCandidates(JSON.stringify([{ site: 'b.example', siteScore: { score: 1 } }]), NOW)[0].siteScore.site).toBe('https://b.example');
  });

  it('reads curatedAt and pick times only when ISO 8601, and only the known pick fields', () => {
    const text = JSON.stringify([
      { site: 'a.example', siteScore: { score: 5 }, curatedAt: 'Sat Jan 01 2000', pickedAt: { decision: '2026-01-01T00:00:00Z', blurb: 'yesterday', other: '2026-01-01', ['__proto__']: '2026-01-01' } },
    ]);
    const [c] = parseCandidates(text, NOW);
    expect(c.curatedAt).toBeUndefined();
    expect(c.pickedAt).toEqual({ decision: '2026-01-01T00:00:00Z' });
    expect(Object.getPrototypeOf(c.pickedAt)).toBe(Object.prototype);
  });
});

describe('JSON version 3: the pages and activity a site is scored from', () => {
  const origin = 'https://bridgeway.example';
  const pages = CRAWLED_PAGES.map((p) => toSitePage(scorePage({ url: origin + p.path, html: p.html, roundupYear: 2026 }), '2026-10-01T00:00:00.000Z', 'crawl'));
  const removed = toSitePage(pages[5], pages[5].scoredAt, 'crawl', '2026-10-02T00:00:00.000Z');
  const site = { ...pagesCandidate([...pages.slice(0, 5), removed], 'crawl', '2026-10-02T00:00:00.000Z', { postDates: ['2026-09-01'], feedUrl: `${origin}/feed`, updatedAt: '2026-10-01T00:00:00.000Z' }), decision: 'include' as const };

  it('round-trips every page record (removals too) and the activity; the score is the score of the pages', () => {
    const [back] = parseCandidates(candidatesToJson([site], NOW), NOW);
    expect(back).toEqual(site);
    expect(back.siteScore.pagesScored).toBe(5);
    expect(back.pages?.find((p) => p.removedAt)?.url).toBe(`${origin}/about`);
  });

  it('recomputes a site score the file misstates from the pages it carries', () => {
    const lying = JSON.parse(candidatesToJson([site], NOW));
    lying.candidates[0].siteScore.score = 99;
    lying.candidates[0].siteScore.pagesScored = 40;
    expect(parseCandidates(JSON.stringify(lying), NOW)[0].siteScore).toEqual(site.siteScore);
  });

  it('still reads version 2 (no pages): such a site keeps the score it came with', () => {
    const v2 = JSON.parse(candidatesToJson([candidate('https://a.example', 61)], NOW));
    v2.version = 2;
    const [c] = parseCandidates(JSON.stringify(v2), NOW);
    expect([c.pages, c.siteScore.score, c.siteScore.pagesScored]).toEqual([undefined, 61, 4]);
  });

  it('refuses a page of another site, a page without a time or URL, naming the record and the page', () => {
    const withPage = (page: object) => JSON.stringify([{ site: 'bridgeway.example', siteScore: { score: 5 }, pages: [pages[0], page] }]);
    expect(() => parseCandidates(withPage({ ...pages[1], url: 'https://evil.example/x', finalUrl: 'https://evil.example/x' }), NOW)).toThrow(/^candidate 1: page 2: .* is not a page of bridgeway.example/);
    expect(() => parseCandidates(withPage({ ...pages[1], scoredAt: 'Sat Jan 01 2000' }), NOW)).toThrow(/candidate 1: page 2: scoredAt must be an ISO 8601 time/);
    expect(() => parseCandidates(withPage({ ...pages[1], url: 'javascript:alert(1)', finalUrl: '' }), NOW)).toThrow(/candidate 1: page 2: not an http\(s\) URL/);
    expect(() => parseCandidates(withPage({ ...pages[1], score: 400 }), NOW)).toThrow(/page 2: score must be a number/);
    expect(() => parseCandidates(withPage({ ...pages[1], rescoredAt: 'last week' }), NOW)).toThrow(/candidate 1: page 2: rescoredAt must be an ISO 8601 time/);
  });

  it("carries a re-scored page's rescoredAt (issue 11), so the reader keeps the later model's score", () => {
    const rescored = toSitePage({ ...pages[0], score: 91, scorerVersion: '2.0.0+0badf00d.curator-2', rescoredAt: '2026-11-01T00:00:00Z' }, pages[0].scoredAt, 'crawl');
    const newer = { ...pagesCandidate([rescored, ...pages.slice(1, 5)], 'crawl', '2026-11-01T00:00:00.000Z'), decision: 'include' as const };
    const [back] = parseCandidates(candidatesToJson([newer], NOW), NOW);
    const again = back.pages?.find((p) => p.url === rescored.url);
    expect(again).toEqual(rescored);
    expect(again?.rescoredAt).toBe('2026-11-01T00:00:00.000Z');
    // Merged with the file of before the re-score (same readings), in either order: the re-scored page wins.
    const [old] = parseCandidates(candidatesToJson([site], NOW), NOW);
    expect(mergeCandidates(old, back).pages?.find((p) => p.url === rescored.url)).toEqual(rescored);
    expect(mergeCandidates(back, old).siteScore).toEqual(mergeCandidates(old, back).siteScore);
  });
});

describe('import safety', () => {
  it('refuses a record whose site is not the host of its siteScore.site, naming its number', () => {
    const text = JSON.stringify([
      { site: 'a.example', siteScore: { site: 'https://a.example', score: 5 } },
      { site: 'b.example', siteScore: { site: 'https://a.example/page', score: 9 } },
    ]);
    expect(() => parseCandidates(text, NOW)).toThrow(ImportError);
    expect(() => parseCandidates(text, NOW)).toThrow(/^candidate 2: site "b.example" is not the host of its siteScore.site/);
  });

  it.each(['__proto__', 'constructor', 'prototype', '__proto__:8080', 'a b.example', '-bad.example'])('refuses the site key %j', (site) => {
    const text = JSON.stringify([{ site: 'ok.example', siteScore: { score: 1 } }, { site, siteScore: { score: 5 } }]);
    expect(() => parseCandidates(text, NOW)).toThrow(/candidate 2: /);
  });

  it('a "__proto__" key anywhere in the file adds no record, no field and no prototype', () => {
    const text = `{"format":"mentor-radar/candidates","version":2,"__proto__":{"candidates":[]},"candidates":[
      {"__proto__":{"decision":"include","polluted":true},"site":"a.example","siteScore":{"__proto__":{"score":99},"score":5,"components":{"__proto__":{"relevance":1}}},"history":[{"__proto__":{"year":2000},"year":2026,"score":5}]}]}`;
    const list = parseCandidates(text, NOW);
    expect(list).toHaveLength(1);
    const [c] = list;
    expect(c.decision).toBe('undecided');
    expect(c.siteScore.score).toBe(5);
    expect(c.siteScore.components.relevance).toBe(0);
    expect(c.history).toEqual([{ year: 2026, score: 5 }]);
    expect(Object.getPrototypeOf(c)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(c)).not.toContain('__proto__');
    // Merged with the rest, still one site.
    expect(mergeAll([...list, ...parseCandidates(text, NOW)])).toHaveLength(1);
  });

  it('refuses bad picks, quotes and outreach, naming the record', () => {
    const one = (patch: object, score: object = {}) => JSON.stringify([{ site: 'a.example', ...patch, siteScore: { score: 5, ...score } }]);
    expect(() => parseCandidates(one({ roundupRank: -1 }), NOW)).toThrow(/candidate 1: roundupRank must be a whole number/);
    expect(() => parseCandidates(one({ roundupRank: 1.5 }), NOW)).toThrow(/roundupRank/);
    expect(() => parseCandidates(one({ best: 4 }), NOW)).toThrow(/best must be 1, 2 or 3/);
    expect(() => parseCandidates(one({}, { quotes: [{ url: 'javascript:alert(1)', text: 'x' }] }), NOW)).toThrow(/not an http\(s\) URL/);
    expect(() => parseCandidates(one({}, { outreach: { social: [{ network: 'myspace', url: 'https://myspace.com/x' }] } }), NOW)).toThrow(/not a social profile/);
    expect(parseCandidates(one({ best: 0, roundupRank: null }), NOW)[0]).not.toHaveProperty('best');
  });
});

describe('parseCandidates rejects broken files with a clear message', () => {
  it.each([
    ['', /empty/],
    ['{"format": "something-else"}', /not a Mentor Radar export/],
    ['{"format": "mentor-radar/candidates", "version": 99, "candidates": []}', /unsupported export version/],
    ['{"format": "mentor-radar/candidates", "version": 1, "candidates": [', /not valid JSON/],
    ['[{"site": "a.example"}]', /candidate 1: missing "siteScore"/],
    ['[{"site": "javascript:alert(1)", "siteScore": {"score": 1}}]', /candidate 1: .*http/],
    ['[{"site": "a.example", "siteScore": {"score": 500}}]', /score must be a number in 0..100/],
    ['[{"site": "a.example", "decision": "maybe", "siteScore": {"score": 5}}]', /unknown decision/],
    ['name,score\nx,1\n', /neither JSON nor a CSV|missing the column/],
    ['site,score\na.example,abc\n', /score must be a number/],
    ['\u0000\u0001\u0002binary', /neither JSON nor a CSV/],
  ])('%j', (text, message) => {
    expect(() => parseCandidates(text, NOW)).toThrow(ImportError);
    expect(() => parseCandidates(text, NOW)).toThrow(message);
  });

  it('refuses a javascript: best page URL instead of importing it', () => {
    const bad = JSON.stringify([{ site: 'a.example', siteScore: { score: 5, bestPageUrl: 'javascript:alert(1)' } }]);
    expect(() => parseCandidates(bad, NOW)).toThrow(/not an http\(s\) URL/);
  });

  it('reads a CSV with one or more BOMs', () => {
    const csv = candidatesToCsv([candidate('https://a.example', 50)]);
    expect(parseCandidates(`\uFEFF${csv}`, NOW)[0].site).toBe('a.example');
  });
});
