// `npm run eval:dates`: extract().publishedAt on the dates benchmark (htmldate's evaluation set, 250
// pages): accuracy, precision, recall counted as htmldate counts them. --misses lists the misses.
import { extract } from '../extract.ts';
import { benchmarksDir, dateMetrics, datesBenchmarkAvailable, loadDatedPages } from './benchmarks.ts';

const showMisses = process.argv.includes('--misses');
if (!datesBenchmarkAvailable()) {
  console.log(`eval:dates: SKIPPED, no dates benchmark under ${benchmarksDir()} (set MENTOR_RADAR_BENCHMARKS)`);
  process.exit(0);
}
const pages = loadDatedPages();
const t0 = performance.now();
const results = pages.map((p) => ({ url: p.url, file: p.file, expected: p.date, found: extract({ url: p.url, html: p.html }).publishedAt }));
const ms = performance.now() - t0;
const m = dateMetrics(results);
console.log(`extract().publishedAt on ${m.pages} pages (${(ms / m.pages).toFixed(1)} ms/page): accuracy ${m.accuracy.toFixed(3)}, precision ${m.precision.toFixed(3)}, recall ${m.recall.toFixed(3)} (right ${m.right}, wrong ${m.wrong}, none ${m.missing})`);
if (showMisses) for (const r of results) if (r.found?.slice(0, 10) !== r.expected) console.log(`  ${r.found ? 'WRONG' : 'NONE '} ${r.expected} got ${r.found ?? '-'}  ${r.file}  ${r.url}`);
