// Regression tests on the shared public benchmarks, read in place ($MENTOR_RADAR_BENCHMARKS, default
// ../shared/benchmarks): extract().mainText on Zyte's article-extraction set (the benchmark's own
// measure, ported in scoring/train/shingles.ts) and extract().publishedAt on htmldate's dates set.
import { describe, expect, it } from 'vitest';
import { extract } from '../../scoring/extract.ts';
import { articleBenchmarkAvailable, benchmarksDir, dateMetrics, datesBenchmarkAvailable, loadArticlePages, loadDatedPages } from '../../scoring/train/benchmarks.ts';
import { shingleMatch, shingleMetrics } from '../../scoring/train/shingles.ts';

const haveArticles = articleBenchmarkAvailable();
const haveDates = datesBenchmarkAvailable();
if (!haveArticles || !haveDates) console.warn(`[benchmarks.test] no shared benchmarks at ${benchmarksDir()}: benchmark regression tests skipped (set MENTOR_RADAR_BENCHMARKS).`);

describe.skipIf(!haveArticles)('main text on the article-extraction benchmark (181 real pages)', () => {
  it('F1 >= 0.95 with precision >= 0.93 (the benchmark measure: 4-token shingles, per-page normalised)', () => {
    const pages = loadArticlePages();
    expect(pages.length).toBe(181);
    const m = shingleMetrics(pages.map((p) => shingleMatch(p.body, extract({ url: p.url, html: p.html }).mainText)));
    expect(m.f1).toBeGreaterThanOrEqual(0.95);
    expect(m.precision).toBeGreaterThanOrEqual(0.93);
    expect(m.recall).toBeGreaterThanOrEqual(0.93);
  });
});

describe.skipIf(!haveDates)('publication day on the dates benchmark (250 pages of htmldate\'s set)', () => {
  it('accuracy >= 0.90 with precision >= 0.92', () => {
    const pages = loadDatedPages();
    expect(pages.length).toBe(250);
    const m = dateMetrics(pages.map((p) => ({ expected: p.date, found: extract({ url: p.url, html: p.html }).publishedAt })));
    expect(m.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(m.precision).toBeGreaterThanOrEqual(0.92);
  });
});

describe('the benchmark measure itself', () => {
  it('counts shingles like evaluate.py: perfect, disjoint and partial predictions', () => {
    const truth = 'one two three four five six seven eight';
    expect(shingleMatch(truth, truth)).toEqual([1, 0, 0]);
    expect(shingleMatch(truth, 'alpha beta gamma delta epsilon')).toEqual([0, 2 / 7, 5 / 7]);
    const [tp, fp, fn] = shingleMatch(truth, 'one two three four five six seven eight nine ten');
    expect(tp).toBeCloseTo(5 / 7);
    expect(fp).toBeCloseTo(2 / 7);
    expect(fn).toBe(0);
    expect(shingleMetrics([[1, 0, 0], [0.5, 0.5, 0]])).toEqual({ f1: (2 * 0.75 * 1) / 1.75, precision: 0.75, recall: 1 });
  });

  it('counts days like htmldate: a wrong day is a false positive, none a false negative', () => {
    const m = dateMetrics([{ expected: '2020-01-02', found: '2020-01-02' }, { expected: '2020-01-02', found: '2020-01-03' }, { expected: '2020-01-02' }]);
    expect(m).toMatchObject({ right: 1, wrong: 1, missing: 1, precision: 0.5, recall: 0.5 });
    expect(m.accuracy).toBeCloseTo(1 / 3);
  });
});
