// The evaluation behind `npm run eval` and its regression test: k-fold cross-validated scores of the
// full page score (lexicons + a model retrained per fold) on the corpus, beside the naive "mentor*"
// density baseline, plus our hand-written near-miss and out-of-corpus fixtures (shipped model).
import { analysePage, scoreAnalysed } from '../page.ts';
import { MODEL, type LinearModel } from '../model.ts';
import { corpusAvailable, corpusDir, loadCorpus, loadFixtures } from './corpus.ts';
import { trainScorer } from './calibrate.ts';
import { mentorDensity, ndcgAt, precisionAt, quantile, rocAuc, stratifiedFolds } from './metrics.ts';

interface Row {
  file: string;
  grade: number;
  score: number;
  baseline: number;
}

export function metrics(rows: Row[], key: 'score' | 'baseline') {
  const s = rows.map((r) => ({ score: r[key], grade: r.grade }));
  const by = (g: (x: number) => boolean) => s.filter((x) => g(x.grade)).map((x) => x.score);
  return {
    aucGrade2vs0: rocAuc(by((g) => g === 2), by((g) => g === 0)),
    aucGrade1plusVs0: rocAuc(by((g) => g >= 1), by((g) => g === 0)),
    precisionAt10: precisionAt(s, 10),
    ndcgAt10: ndcgAt(s, 10),
    // How the 0-100 scores read: where the grades fall.
    grade2Median: quantile(by((g) => g === 2), 0.5),
    grade2P10: quantile(by((g) => g === 2), 0.1),
    grade1Median: quantile(by((g) => g === 1), 0.5),
    grade0P90: quantile(by((g) => g === 0), 0.9),
  };
}

export type Metrics = ReturnType<typeof metrics>;

export interface EvalReport {
  folds: number;
  roundupYear: number;
  corpus: null | {
    documents: number;
    scorer: Metrics;
    lexiconsOnly: Metrics;
    baseline: Metrics;
    siteKindConfusion: Record<string, Record<string, number>>;
    siteKindAccuracy: number | null;
    siteKindBaselineAccuracy: number | null;
    worst: { grade2Lowest: string[]; grade0Highest: string[] };
  };
  fixtures: {
    pages: { file: string; positive: boolean; score: number; baseline: number; flags: string[]; siteKind: string }[];
    scorer: { auc: number; negativesAboveWorstPositive: number; margin: number };
    baseline: { auc: number; negativesAboveWorstPositive: number };
  };
}

export function evaluate(K = 5, ROUNDUP_YEAR = 2026, dir = corpusDir()): EvalReport {
  const report: Record<string, unknown> = { folds: K, roundupYear: ROUNDUP_YEAR };
  if (corpusAvailable(dir)) {
    const docs = loadCorpus(dir);
    const analyses = docs.map((d) => analysePage({ url: d.url, html: d.html }));
    const folds = stratifiedFolds(
      docs.map((d) => d.grade),
      K,
    );
    const rows: Row[] = [];
    const kinds: { label: string; predicted: string }[] = [];
    const scores = new Array<number>(docs.length);
    for (let k = 0; k < K; k++) {
      const trainIdx = docs.map((_, i) => i).filter((i) => folds[i] !== k);
      const model: LinearModel = trainScorer(trainIdx.map((i) => ({ url: docs[i].url, html: docs[i].html, grade: docs[i].grade, analysis: analyses[i] })));
      for (let i = 0; i < docs.length; i++) {
        if (folds[i] !== k) continue;
        scores[i] = scoreAnalysed({ url: docs[i].url, html: docs[i].html, roundupYear: ROUNDUP_YEAR }, analyses[i], model).score;
      }
    }
    const noModel: LinearModel = { trainedOn: 'none', bias: -20, dense: {}, terms: {} };
    const lexRows: Row[] = [];
    docs.forEach((d, i) => {
      const baseline = mentorDensity(analyses[i].extracted.mainText);
      rows.push({ file: d.file, grade: d.grade, score: scores[i], baseline });
      lexRows.push({ file: d.file, grade: d.grade, score: scoreAnalysed({ url: d.url, html: d.html, roundupYear: ROUNDUP_YEAR }, analyses[i], noModel).score, baseline });
      const label = d.kind === 'company-site' ? 'company' : d.kind === 'blog-post' ? 'blog' : '';
      if (label) kinds.push({ label, predicted: scoreAnalysed({ url: d.url, html: d.html }, analyses[i], MODEL).siteKind });
    });
    const confusion: Record<string, Record<string, number>> = {};
    for (const { label, predicted } of kinds) {
      confusion[label] ??= {};
      confusion[label][predicted] = (confusion[label][predicted] ?? 0) + 1;
    }
    report.corpus = {
      documents: docs.length,
      scorer: metrics(rows, 'score'),
      lexiconsOnly: metrics(lexRows, 'score'),
      baseline: metrics(rows, 'baseline'),
      siteKindConfusion: confusion,
      siteKindAccuracy: kinds.length ? kinds.filter((k) => k.label === k.predicted).length / kinds.length : null,
      siteKindBaselineAccuracy: kinds.length ? kinds.filter((k) => k.label === 'blog').length / kinds.length : null,
      worst: {
        grade2Lowest: rows.filter((r) => r.grade === 2).sort((a, b) => a.score - b.score).slice(0, 3).map((r) => `${r.file} ${r.score}`),
        grade0Highest: rows.filter((r) => r.grade === 0).sort((a, b) => b.score - a.score).slice(0, 3).map((r) => `${r.file} ${r.score}`),
      },
    };
  } else {
    report.corpus = null;
  }

  // Fixtures: near misses and out-of-corpus positives.
  const fixtures = loadFixtures().map((f) => {
    const a = analysePage({ url: f.url, html: f.html });
    const s = scoreAnalysed({ url: f.url, html: f.html, roundupYear: ROUNDUP_YEAR }, a, MODEL);
    return { file: f.file, positive: f.positive, score: s.score, baseline: mentorDensity(a.extracted.mainText), flags: s.flags.filter((x) => x !== 'undated'), siteKind: s.siteKind };
  });
  const fpos = (k: 'score' | 'baseline') => fixtures.filter((f) => f.positive).map((f) => f[k]);
  const fneg = (k: 'score' | 'baseline') => fixtures.filter((f) => !f.positive).map((f) => f[k]);
  const minPos = (k: 'score' | 'baseline') => Math.min(...fpos(k));
  const maxNeg = (k: 'score' | 'baseline') => Math.max(...fneg(k));
  report.fixtures = {
    pages: fixtures,
    scorer: { auc: rocAuc(fpos('score'), fneg('score')), negativesAboveWorstPositive: fneg('score').filter((s) => s >= minPos('score')).length, margin: minPos('score') - maxNeg('score') },
    baseline: { auc: rocAuc(fpos('baseline'), fneg('baseline')), negativesAboveWorstPositive: fneg('baseline').filter((s) => s >= minPos('baseline')).length },
  };
  return report as unknown as EvalReport;
}
