// `npm run eval [-- --json] [--folds N]`: k-fold cross-validated evaluation of the full page score
// (lexicons + a model retrained per fold) on the corpus, beside the naive "mentor*" density baseline,
// plus our hand-written near-miss and out-of-corpus fixtures (scored with the shipped model).
import { analysePage, scoreAnalysed } from '../page.ts';
import { MODEL, type LinearModel } from '../model.ts';
import { corpusAvailable, corpusDir, loadCorpus, loadFixtures } from './corpus.ts';
import { trainModel } from './lr.ts';
import { mentorDensity, ndcgAt, precisionAt, rocAuc, stratifiedFolds } from './metrics.ts';

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const foldsArg = args.indexOf('--folds');
const K = foldsArg >= 0 ? Number(args[foldsArg + 1]) : 5;
const ROUNDUP_YEAR = 2026;

interface Row {
  file: string;
  grade: number;
  score: number;
  baseline: number;
}

function metrics(rows: Row[], key: 'score' | 'baseline') {
  const s = rows.map((r) => ({ score: r[key], grade: r.grade }));
  const by = (g: (x: number) => boolean) => s.filter((x) => g(x.grade)).map((x) => x.score);
  return {
    aucGrade2vs0: rocAuc(by((g) => g === 2), by((g) => g === 0)),
    aucGrade1plusVs0: rocAuc(by((g) => g >= 1), by((g) => g === 0)),
    precisionAt10: precisionAt(s, 10),
    ndcgAt10: ndcgAt(s, 10),
  };
}

const report: Record<string, unknown> = { folds: K, roundupYear: ROUNDUP_YEAR };
const dir = corpusDir();
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
    const model: LinearModel = trainModel(trainIdx.map((i) => ({ features: analyses[i].features, y: docs[i].grade / 2 })));
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
  if (!asJson) console.log(`eval: no corpus at ${dir} (set MENTOR_RADAR_CORPUS); fixtures only.`);
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

if (asJson) {
  console.log(JSON.stringify(report, null, 2));
} else {
  const f3 = (x: number) => (Number.isNaN(x) ? '  -  ' : x.toFixed(3));
  const c = report.corpus as null | { documents: number; scorer: ReturnType<typeof metrics>; lexiconsOnly: ReturnType<typeof metrics>; baseline: ReturnType<typeof metrics>; siteKindConfusion: unknown; siteKindAccuracy: number | null; siteKindBaselineAccuracy: number | null; worst: unknown };
  if (c) {
    console.log(`Corpus: ${c.documents} documents, ${K}-fold stratified cross-validation (model retrained per fold), roundup year ${ROUNDUP_YEAR}`);
    console.log('metric                 scorer   lexicons-only  baseline(mentor* density)');
    const line = (name: string, k: keyof ReturnType<typeof metrics>) => console.log(`${name.padEnd(22)} ${f3(c.scorer[k])}   ${f3(c.lexiconsOnly[k])}          ${f3(c.baseline[k])}`);
    line('ROC AUC grade 2 vs 0', 'aucGrade2vs0');
    line('ROC AUC grade >=1 vs 0', 'aucGrade1plusVs0');
    line('precision@10 (grade 2)', 'precisionAt10');
    line('NDCG@10', 'ndcgAt10');
    console.log(`site kind (company-site->company, blog-post->blog): accuracy ${c.siteKindAccuracy?.toFixed(2)} (baseline "always blog" ${c.siteKindBaselineAccuracy?.toFixed(2)}); confusion ${JSON.stringify(c.siteKindConfusion)}`);
    console.log(`hardest: ${JSON.stringify(c.worst)}`);
  }
  const fx = report.fixtures as { pages: typeof fixtures; scorer: { auc: number; negativesAboveWorstPositive: number; margin: number }; baseline: { auc: number; negativesAboveWorstPositive: number } };
  console.log(`\nFixtures (tests/fixtures/pages, shipped model): ${fx.pages.length} pages`);
  console.log('file                                   +/-  score  rank | baseline  rank  flags');
  const rankOf = (k: 'score' | 'baseline') => {
    const order = [...fixtures].sort((a, b) => b[k] - a[k]);
    return (f: (typeof fixtures)[number]) => order.indexOf(f) + 1;
  };
  const rs = rankOf('score');
  const rb = rankOf('baseline');
  for (const p of [...fixtures].sort((a, b) => b.score - a.score))
    console.log(`${p.file.padEnd(38)} ${p.positive ? ' + ' : ' - '}  ${p.score.toFixed(1).padStart(5)}  ${String(rs(p)).padStart(4)} | ${(p.baseline * 100).toFixed(2).padStart(7)}%  ${String(rb(p)).padStart(4)}  ${p.flags.join(',')}`);
  console.log(`fixture ROC AUC (positives vs near misses): scorer ${f3(fx.scorer.auc)}, baseline ${f3(fx.baseline.auc)}; near misses at or above the worst positive: scorer ${fx.scorer.negativesAboveWorstPositive}, baseline ${fx.baseline.negativesAboveWorstPositive}`);
}
