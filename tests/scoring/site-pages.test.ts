// The one merge rule for a site's pages (scoring/site-pages.ts): newest record per normalised URL,
// the MAX_SITE_PAGES newest kept, removals as tombstones, activity merged; the site score is
// scoreSite over the live pages measured against the year of the newest score. Order, grouping and
// repetition never change the result (property tests), and issue 10's scenario scores the union.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeAll, mergeCandidates, newCandidate, pagesCandidate } from '../../scoring/candidate.ts';
import { SCORER_VERSION, scorePage } from '../../scoring/page.ts';
import { MODEL, type LinearModel } from '../../scoring/model.ts';
import { scorerVersionOf } from '../../scoring/model-version.ts';
import { rescorePage, scorePageWithVector } from '../../scoring/vector.ts';
import { scoreSite } from '../../scoring/site.ts';
import {
  MAX_POST_DATES,
  MAX_SITE_PAGES,
  livePages,
  mergeActivity,
  roundupYearOfPages,
  scorerVersionOfPages,
  siteScoreOfPages,
  toSitePage,
  unionPages,
} from '../../scoring/site-pages.ts';
import type { PageScore, SiteActivity, SitePage } from '../../scoring/types.ts';
import { BOOKMARKED_PAGE, CRAWLED_PAGES } from './site-fixture.ts';

const ORIGIN = 'https://bridgeway.example';
const RUNS = Number(process.env.FC_RUNS) || 300;

const crawled = CRAWLED_PAGES.map((p) => scorePage({ url: ORIGIN + p.path, html: p.html, roundupYear: 2026 }));
const bookmarked = scorePage({ url: `${ORIGIN}${BOOKMARKED_PAGE.path}?utm_source=newsletter#top`, html: BOOKMARKED_PAGE.html, roundupYear: 2026 });

function page(url: string, score: number, over: Partial<PageScore> = {}): PageScore {
  return { ...crawled[0], url, finalUrl: url, score, ...over };
}

describe('toSitePage', () => {
  it('keys a page by its normalised final URL, times in UTC, and is idempotent', () => {
    const rec = toSitePage({ ...bookmarked, url: 'https://bridgeway.example/old', finalUrl: 'https://Bridgeway.example:443/mentor-handbook?utm_medium=email#x' }, '2026-09-20T12:00:00+02:00', 'bookmark');
    expect([rec.url, rec.finalUrl, rec.scoredAt, rec.source]).toEqual([
      'https://bridgeway.example/mentor-handbook',
      'https://bridgeway.example/mentor-handbook',
      '2026-09-20T10:00:00.000Z',
      'bookmark',
    ]);
    expect(toSitePage(rec, rec.scoredAt, rec.source)).toEqual(rec);
    expect(JSON.stringify(toSitePage(rec, rec.scoredAt, rec.source))).toBe(JSON.stringify(rec));
  });

  it('bounds what a record holds and refuses what is not a page', () => {
    const big = toSitePage(
      page('https://x.example/a', 50, {
        title: `${'t'.repeat(1000)}\n\u202Eevil`,
        evidence: Array.from({ length: 40 }, (_, i) => ({ component: 'mentorGuidance' as const, text: `sentence ${i} ${'x'.repeat(500)}` })),
        flags: Array.from({ length: 50 }, (_, i) => `flag-${i}`),
        feedUrls: ['javascript:alert(1)', 'https://x.example/feed', 'https://x.example/feed'],
      }),
      '2026-01-01T00:00:00Z',
      'import',
    );
    expect(big.title.length).toBeLessThanOrEqual(300);
    expect(big.evidence).toHaveLength(18);
    expect(big.evidence.every((e) => e.text.length <= 300)).toBe(true);
    expect(big.flags).toHaveLength(20);
    expect(big.feedUrls).toEqual(['https://x.example/feed']);
    expect(JSON.stringify(big).length).toBeLessThan(10_000);
    expect(() => toSitePage(page('ftp://x.example/a', 1), '2026-01-01T00:00:00Z', 'import')).toThrow(/http/);
    expect(() => toSitePage(page('https://x.example/a', 1), 'yesterday', 'import')).toThrow(/ISO 8601/);
  });
});

describe('unionPages', () => {
  const at = (d: string) => `2026-${d}T00:00:00.000Z`;
  const a1 = toSitePage(page('https://x.example/a', 40), at('01-01'), 'crawl');
  const a2 = toSitePage(page('https://x.example/a?utm_source=x', 70), at('02-01'), 'bookmark');
  const b1 = toSitePage(page('https://x.example/b', 30), at('01-15'), 'crawl');

  it('keeps the newest score per normalised URL, sorted by URL', () => {
    expect(unionPages([a1, b1], [a2]).map((p) => [p.url, p.score])).toEqual([
      ['https://x.example/a', 70],
      ['https://x.example/b', 30],
    ]);
  });

  it('a removal is a newer record of the page; a newer score brings the page back', () => {
    const gone = toSitePage(a2, a2.scoredAt, a2.source, at('03-01'));
    const union = unionPages([a1, b1], [a2], [gone]);
    expect(livePages(union).map((p) => p.url)).toEqual(['https://x.example/b']);
    const again = toSitePage(page('https://x.example/a', 55), at('04-01'), 'crawl');
    expect(livePages(unionPages(union, [again])).map((p) => [p.url, p.score])).toEqual([
      ['https://x.example/a', 55],
      ['https://x.example/b', 30],
    ]);
    // Every page removed (two devices, a different last page each): all count, never no score.
    const goneB = toSitePage(b1, b1.scoredAt, b1.source, at('03-02'));
    expect(livePages(unionPages(union, [goneB])).map((p) => p.url)).toEqual(['https://x.example/a', 'https://x.example/b']);
  });

  it(`keeps the ${MAX_SITE_PAGES} newest pages, whatever lists they arrive in`, () => {
    const many = Array.from({ length: MAX_SITE_PAGES + 20 }, (_, i) =>
      toSitePage(page(`https://x.example/p${i}`, i % 90), new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString(), 'crawl'),
    );
    const all = unionPages(many);
    expect(all).toHaveLength(MAX_SITE_PAGES);
    expect(all.some((p) => p.url === 'https://x.example/p0')).toBe(false);
    expect(all.some((p) => p.url === `https://x.example/p${MAX_SITE_PAGES + 19}`)).toBe(true);
    expect(unionPages(unionPages(many.slice(0, 70)), unionPages(many.slice(50)))).toEqual(all);
  });
});

describe('the site score of the union', () => {
  it("issue 10: the crawler's six pages and one more bookmarked page score as the seven distinct pages, whichever order they arrive in", () => {
    const crawl = pagesCandidate(crawled.map((p) => toSitePage(p, '2026-10-01T00:00:00.000Z', 'crawl')), 'crawl', '2026-10-01T00:00:00.000Z');
    const bookmark = pagesCandidate([toSitePage(bookmarked, '2026-10-05T00:00:00.000Z', 'bookmark')], 'bookmark', '2026-10-05T00:00:00.000Z');
    const expected = scoreSite([...crawled, { ...bookmarked, url: `${ORIGIN}/mentor-handbook`, finalUrl: `${ORIGIN}/mentor-handbook` }], { site: ORIGIN, roundupYear: 2026 });
    expect(crawl.siteScore.pagesScored).toBe(6);
    for (const merged of [mergeCandidates(crawl, bookmark), mergeCandidates(bookmark, crawl), mergeAll([bookmark, crawl, bookmark])[0]]) {
      expect(merged.siteScore).toEqual(expected);
      expect(merged.siteScore.pagesScored).toBe(7);
      expect(merged.siteScore.pagesScored).toBe(livePages(merged.pages!).length);
      expect(merged.siteScore.score).toBeGreaterThanOrEqual(crawl.siteScore.score);
      expect(merged.sources).toEqual(['crawl', 'bookmark']);
    }
    // The same bookmark imported twice, or the crawl again, changes nothing.
    const m = mergeCandidates(crawl, bookmark);
    expect(mergeCandidates(mergeCandidates(m, bookmark), crawl)).toEqual(m);
  });

  it('is measured against the year of the newest page score, not the day it is merged', () => {
    const old = toSitePage(crawled[0], '2025-06-01T00:00:00.000Z', 'crawl');
    const newer = toSitePage(crawled[1], '2026-02-01T00:00:00.000Z', 'crawl');
    expect(roundupYearOfPages([old])).toBe(2025);
    expect(roundupYearOfPages([old, newer])).toBe(2026);
    expect(siteScoreOfPages([old, newer])).toEqual(scoreSite([crawled[0], crawled[1]], { site: ORIGIN, roundupYear: 2026 }));
  });

  it('a page scored by another scorer version still counts: the newest score of a page wins, whatever its version', () => {
    const v1 = toSitePage({ ...crawled[0], scorerVersion: '0.9.0+old', score: 10 }, '2026-09-01T00:00:00.000Z', 'bookmark');
    const v2 = toSitePage(crawled[0], '2026-08-01T00:00:00.000Z', 'crawl');
    expect(unionPages([v2], [v1])[0].scorerVersion).toBe('0.9.0+old');
  });

  it('a candidate without pages keeps its score only until a page of the site is known', () => {
    const legacy = newCandidate(scoreSite(crawled, { site: ORIGIN, roundupYear: 2026 }), 'import', '2026-01-01T00:00:00.000Z');
    const withPage = pagesCandidate([toSitePage(bookmarked, '2026-10-05T00:00:00.000Z', 'bookmark')], 'bookmark', '2026-10-05T00:00:00.000Z');
    expect(mergeCandidates(legacy, withPage).siteScore).toEqual(withPage.siteScore);
    expect(mergeCandidates(withPage, legacy).siteScore).toEqual(withPage.siteScore);
  });
});

describe('re-scored records (issue 11: a page re-scored from its vector by a new model)', () => {
  const curator: LinearModel = { ...MODEL, id: 'curator-4', share: 0.6, bias: MODEL.bias + 1.5 };
  const later: LinearModel = { ...MODEL, id: 'curator-5', share: 0.7, bias: MODEL.bias - 1 };
  const read = scorePageWithVector({ url: `${ORIGIN}/guide`, html: CRAWLED_PAGES[0].html, roundupYear: 2026 });
  const original = toSitePage(read.page, '2026-10-01T00:00:00.000Z', 'crawl');
  const byCurator = toSitePage(rescorePage(original, read.vector, curator, '2026-11-01T00:00:00.000Z'), original.scoredAt, original.source);
  const byLater = toSitePage(rescorePage(original, read.vector, later, '2026-11-20T00:00:00.000Z'), original.scoredAt, original.source);

  it('keeps the time the page was read and says when the model that re-scored it was taken', () => {
    expect(byCurator.score).not.toBe(original.score);
    expect([byCurator.scoredAt, byCurator.rescoredAt, byCurator.scorerVersion]).toEqual(['2026-10-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z', scorerVersionOf(curator)]);
    expect(toSitePage(byCurator, byCurator.scoredAt, byCurator.source)).toEqual(byCurator); // still canonical, still idempotent
    // Re-scoring the same reading with the same model writes the same record, wherever it is done.
    expect(toSitePage(rescorePage(original, read.vector, curator, '2026-11-01T00:00:00+00:00'), original.scoredAt, 'crawl')).toEqual(byCurator);
  });

  it("of two records of one reading the later model's wins, in any order; a re-score never beats a newer reading", () => {
    for (const [a, b] of [[original, byCurator], [byCurator, original]]) expect(unionPages([a], [b])).toEqual([byCurator]);
    for (const [a, b] of [[byLater, byCurator], [byCurator, byLater]]) expect(unionPages([a], [b])).toEqual([byLater]);
    // A bookmark of the page read after the crawl (but before the models): the newer reading stays.
    const bookmarked = toSitePage({ ...read.page, score: 12 }, '2026-10-15T00:00:00.000Z', 'bookmark');
    expect(unionPages([byLater], [bookmarked], [byCurator])).toEqual([bookmarked]);
    // A removal of the page still wins over a re-score of an older reading.
    const removed = toSitePage(original, original.scoredAt, original.source, '2026-10-02T00:00:00.000Z');
    expect(unionPages([byLater, removed])).toEqual([removed]);
  });

  it('leaves the roundup year where the pages were read: a re-score in another year does not move it', () => {
    const january = toSitePage(rescorePage(original, read.vector, curator, '2027-01-10T00:00:00.000Z'), original.scoredAt, 'crawl');
    expect(roundupYearOfPages([january])).toBe(2026);
    expect(siteScoreOfPages([january])!.components.freshness).toBe(siteScoreOfPages([original])!.components.freshness);
  });

  it("names the model that scored most of the site's pages (ties: the newest), from the set alone", () => {
    const pages = CRAWLED_PAGES.slice(0, 3).map((p) => scorePageWithVector({ url: ORIGIN + p.path, html: p.html, roundupYear: 2026 }));
    const records = pages.map((p) => toSitePage(p.page, '2026-10-01T00:00:00.000Z', 'crawl'));
    expect(siteScoreOfPages(records)!.scorerVersion).toBe(SCORER_VERSION);
    const rescored = records.map((r, i) => toSitePage(rescorePage(r, pages[i].vector, curator, '2026-11-01T00:00:00.000Z'), r.scoredAt, 'crawl'));
    // Two of three re-scored: the curator's model scored most of them.
    const mixed = [rescored[0], rescored[1], records[2]];
    expect(scorerVersionOfPages(mixed)).toBe(scorerVersionOf(curator));
    expect(siteScoreOfPages(mixed)!.scorerVersion).toBe(scorerVersionOf(curator));
    expect(siteScoreOfPages([...mixed].reverse())).toEqual(siteScoreOfPages(mixed));
    // A tie: the model of the newest page (its re-score, else its reading).
    expect(scorerVersionOfPages([rescored[0], records[1]])).toBe(scorerVersionOf(curator));
    const newer = toSitePage(pages[1].page, '2026-12-01T00:00:00.000Z', 'bookmark');
    expect(scorerVersionOfPages([rescored[0], newer])).toBe(SCORER_VERSION);
    // The site score is scoreSite over the union's live pages, its version the pages'.
    const union = unionPages(records, rescored);
    expect(siteScoreOfPages(union)).toEqual(scoreSite(union, { site: ORIGIN, roundupYear: 2026, scorerVersion: scorerVersionOf(curator) }));
  });
});

describe('mergeActivity', () => {
  it('unions the post dates by day, keeps the newest, and the feed of the latest reading', () => {
    const a: SiteActivity = { postDates: ['2026-03-01T10:00:00Z', '2026-03-01', '2025-01-01'], feedUrl: 'https://x.example/feed?utm_source=a', updatedAt: '2026-03-02T00:00:00Z' };
    const b: SiteActivity = { postDates: ['2026-04-01', 'not a date'], feedUrl: 'https://x.example/atom', feedTitle: 'X news', updatedAt: '2026-05-01T00:00:00Z' };
    expect(mergeActivity(a, b)).toEqual({ postDates: ['2025-01-01', '2026-03-01', '2026-04-01'], feedUrl: 'https://x.example/atom', feedTitle: 'X news', updatedAt: '2026-05-01T00:00:00Z' });
    const many: SiteActivity = { postDates: Array.from({ length: MAX_POST_DATES + 50 }, (_, i) => new Date(Date.UTC(2024, 0, 1) + i * 86_400_000).toISOString()) };
    const m = mergeActivity(many)!;
    expect(m.postDates).toHaveLength(MAX_POST_DATES);
    expect(m.postDates.at(-1)).toBe(new Date(Date.UTC(2024, 0, 1) + (MAX_POST_DATES + 49) * 86_400_000).toISOString().slice(0, 10));
  });
});

// ---------------------------------------------------------------------------- properties

const URLS = ['a', 'a?utm_source=x', 'b', 'c#frag', 'd', 'e'].map((p) => `https://x.example/${p}`);
const TIMES = ['2025-12-31T23:00:00Z', '2026-01-01T00:00:00Z', '2026-01-01T01:00:00+01:00', '2026-02-01T00:00:00Z', '2026-03-01'];
// Records of two models, some re-scored from their vectors (issue 11: `rescoredAt`), so that the
// properties cover the re-score order and the site's scorerVersion too.
const VERSIONS = ['2.0.0+aaaaaaaa', '2.0.0+bbbbbbbb.curator-1'];
const arbRecord: fc.Arbitrary<SitePage> = fc
  .record({
    url: fc.constantFrom(...URLS),
    base: fc.integer({ min: 0, max: crawled.length - 1 }),
    score: fc.constantFrom(12, 48.5, 77),
    at: fc.constantFrom(...TIMES),
    removed: fc.option(fc.constantFrom(...TIMES), { nil: undefined }),
    source: fc.constantFrom('crawl' as const, 'bookmark' as const, 'import' as const),
    version: fc.constantFrom(...VERSIONS),
    rescored: fc.option(fc.constantFrom(...TIMES), { nil: undefined }),
  })
  .map((r) => toSitePage({ ...crawled[r.base], url: r.url, finalUrl: r.url, score: r.score, scorerVersion: r.version, ...(r.rescored ? { rescoredAt: r.rescored } : {}) }, r.at, r.source, r.removed));
const arbList = fc.array(arbRecord, { maxLength: 6 });
const arbActivity: fc.Arbitrary<SiteActivity | undefined> = fc.option(
  fc.record(
    { postDates: fc.subarray(['2026-01-05', '2026-01-05T12:00:00Z', '2025-06-01', '2026-07-07']), feedUrl: fc.constantFrom('https://x.example/feed', 'https://x.example/atom'), feedTitle: fc.constantFrom('X', 'X news'), updatedAt: fc.constantFrom(...TIMES) },
    { requiredKeys: ['postDates'] },
  ),
  { nil: undefined },
);

describe('unionPages and mergeActivity, property-style', () => {
  it('unionPages is commutative, associative and idempotent', () => {
    fc.assert(
      fc.property(arbList, arbList, arbList, (a, b, c) => {
        expect(unionPages(a, b)).toEqual(unionPages(b, a));
        expect(unionPages(unionPages(a, b), c)).toEqual(unionPages(a, unionPages(b, c)));
        expect(unionPages(unionPages(a, b), a)).toEqual(unionPages(a, b));
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('the cap keeps the union exact: capping the parts first gives the same set', () => {
    const arbBig = fc.array(
      fc.record({ i: fc.integer({ min: 0, max: 160 }), h: fc.integer({ min: 0, max: 400 }), removed: fc.boolean() }).map((r) =>
        toSitePage(page(`https://x.example/p${r.i}`, r.i % 100), new Date(Date.UTC(2026, 0, 1) + r.h * 3_600_000).toISOString(), 'crawl', r.removed ? new Date(Date.UTC(2026, 0, 1) + (r.h + 1) * 3_600_000).toISOString() : undefined),
      ),
      { minLength: 60, maxLength: 140 },
    );
    fc.assert(
      fc.property(arbBig, arbBig, (a, b) => {
        expect(unionPages(unionPages(a), unionPages(b))).toEqual(unionPages(a, b));
      }),
      { numRuns: 60 },
    );
  });

  it('mergeActivity is commutative, associative and idempotent', () => {
    fc.assert(
      fc.property(arbActivity, arbActivity, arbActivity, (a, b, c) => {
        expect(mergeActivity(a, b)).toEqual(mergeActivity(b, a));
        expect(mergeActivity(mergeActivity(a, b), c)).toEqual(mergeActivity(a, mergeActivity(b, c)));
        expect(mergeActivity(mergeActivity(a, b), a)).toEqual(mergeActivity(a, b));
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('the site score depends on the set of pages only, and counts what it lists', () => {
    fc.assert(
      fc.property(arbList.filter((l) => l.length > 0).chain((l) => fc.tuple(fc.constant(l), fc.shuffledSubarray(l, { minLength: l.length, maxLength: l.length }))), arbActivity, ([list, shuffled], activity) => {
        const s = siteScoreOfPages(unionPages(list), mergeActivity(activity));
        expect(siteScoreOfPages(unionPages(shuffled), mergeActivity(activity))).toEqual(s);
        expect(s?.pagesScored).toBe(livePages(unionPages(list)).length);
      }),
      { numRuns: RUNS },
    );
  });
});
