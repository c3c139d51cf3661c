// `npm run eval [-- --json] [--folds N]`: prints the cross-validated evaluation (see evaluate.ts).
import { corpusDir } from './corpus.ts';
import { evaluate, type Metrics } from './evaluate.ts';

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const foldsArg = args.indexOf('--folds');
const K = foldsArg >= 0 ? Number(args[foldsArg + 1]) : 5;
if (!Number.isInteger(K) || K < 2 || K > 81) {
  console.error('eval: --folds must be an integer from 2 to 81');
  process.exit(2);
}
const ROUNDUP_YEAR = 2026;
const report = evaluate(K, ROUNDUP_YEAR);
if (!report.corpus && !asJson) console.log(`eval: no corpus at ${corpusDir()} (set MENTOR_RADAR_CORPUS); fixtures only.`);

if (asJson) {
  console.log(JSON.stringify(report, null, 2));
} else {
  const f3 = (x: number) => (Number.isNaN(x) ? '  -  ' : Math.abs(x) >= 2 ? x.toFixed(1).padStart(5) : x.toFixed(3));
  const c = report.corpus;
  if (c) {
    console.log(`Corpus: ${c.documents} documents, ${K}-fold stratified cross-validation (model retrained per fold), roundup year ${ROUNDUP_YEAR}`);
    console.log('metric                 scorer   lexicons-only  baseline(mentor* density)');
    const line = (name: string, k: keyof Metrics) => console.log(`${name.padEnd(22)} ${f3(c.scorer[k])}   ${f3(c.lexiconsOnly[k])}          ${f3(c.baseline[k])}`);
    line('ROC AUC grade 2 vs 0', 'aucGrade2vs0');
    line('ROC AUC grade >=1 vs 0', 'aucGrade1plusVs0');
    line('precision@10 (grade 2)', 'precisionAt10');
    line('NDCG@10', 'ndcgAt10');
    console.log('score distribution (0-100, cross-validated):');
    line('  grade 2 median', 'grade2Median');
    line('  grade 2 10th pct', 'grade2P10');
    line('  grade 1 median', 'grade1Median');
    line('  grade 0 90th pct', 'grade0P90');
    console.log(`site kind (company-site->company, blog-post->blog): accuracy ${c.siteKindAccuracy?.toFixed(2)} (baseline "always blog" ${c.siteKindBaselineAccuracy?.toFixed(2)}); confusion ${JSON.stringify(c.siteKindConfusion)}`);
    console.log(`hardest: ${JSON.stringify(c.worst)}`);
  }
  const fx = report.fixtures;
  const fixtures = fx.pages;
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
