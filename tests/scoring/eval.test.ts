// The evaluation targets of issue 2 as a regression test: a change to lexicons, weights or the
// pipeline that loses ranking quality fails here, not only in `npm run eval`'s printout.
import { describe, expect, it } from 'vitest';
import { corpusAvailable, corpusDir } from '../../scoring/train/corpus.ts';
import { evaluate } from '../../scoring/train/evaluate.ts';

const haveCorpus = corpusAvailable(corpusDir());
if (!haveCorpus) console.warn(`eval.test: corpus not found at ${corpusDir()} (set MENTOR_RADAR_CORPUS); corpus checks skipped`);

const report = evaluate(5, 2026);

describe.skipIf(!haveCorpus)('cross-validated evaluation on the corpus', () => {
  it('ranks grade 2 above grade 0 (ROC AUC >= 0.98) and beats the mentor* density baseline', () => {
    const c = report.corpus!;
    expect(c.documents).toBeGreaterThanOrEqual(81);
    expect(c.scorer.aucGrade2vs0).toBeGreaterThanOrEqual(0.98);
    expect(c.scorer.aucGrade2vs0).toBeGreaterThan(c.baseline.aucGrade2vs0);
    expect(c.scorer.aucGrade1plusVs0).toBeGreaterThan(c.baseline.aucGrade1plusVs0);
    expect(c.scorer.ndcgAt10).toBeGreaterThan(c.baseline.ndcgAt10);
  });

  it('scores read as meant: a practical guide reads >= 65, rarely under 45; a page not about mentoring <= 15', () => {
    const c = report.corpus!;
    expect(c.scorer.grade2Median).toBeGreaterThanOrEqual(65);
    expect(c.scorer.grade2P10).toBeGreaterThanOrEqual(45);
    expect(c.scorer.grade0P90).toBeLessThanOrEqual(15);
  });
});

describe('near misses and out-of-corpus pages (tests/fixtures/pages)', () => {
  it('puts every real guide above every near miss, where the baseline fails by far', () => {
    const f = report.fixtures;
    expect(f.pages.filter((p) => p.positive).length).toBeGreaterThanOrEqual(17);
    expect(f.pages.filter((p) => !p.positive).length).toBeGreaterThanOrEqual(22);
    expect(f.scorer.auc).toBe(1);
    expect(f.scorer.negativesAboveWorstPositive).toBe(0);
    expect(f.scorer.auc - f.baseline.auc).toBeGreaterThan(0.3);
  });
});
