// `npm run eval:extract`: our extract().mainText on the article-extraction benchmark (181 real pages),
// measured by the benchmark's own evaluate.py on a temporary copy, beside the published peers.
// Also prints the TypeScript port's figure (the one the regression test holds) and, with --worst N,
// the pages we read worst.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extract } from '../extract.ts';
import { articleBenchmarkAvailable, articleDir, benchmarksDir, loadArticlePages } from './benchmarks.ts';
import { shingleMatch, shingleMetrics } from './shingles.ts';

const args = process.argv.slice(2);
const worstArg = args.indexOf('--worst');
const worst = worstArg >= 0 ? Number(args[worstArg + 1]) : 0;
const noPython = args.includes('--no-python');

if (!articleBenchmarkAvailable()) {
  console.log(`eval:extract: SKIPPED, no article-extraction benchmark under ${benchmarksDir()} (set MENTOR_RADAR_BENCHMARKS)`);
  process.exit(0);
}
const pages = loadArticlePages();
const output: Record<string, { articleBody: string }> = {};
const perPage: { id: string; url: string; f: ReturnType<typeof shingleMatch> }[] = [];
const t0 = performance.now();
for (const p of pages) output[p.id] = { articleBody: extract({ url: p.url, html: p.html }).mainText };
const ms = performance.now() - t0;
for (const p of pages) perPage.push({ id: p.id, url: p.url, f: shingleMatch(p.body, output[p.id].articleBody) });
const m = shingleMetrics(perPage.map((x) => x.f));
console.log(`extract(): ${pages.length} pages in ${ms.toFixed(0)} ms (${(ms / pages.length).toFixed(1)} ms/page)`);
console.log(`TypeScript port of evaluate.py: F1 ${m.f1.toFixed(3)}, precision ${m.precision.toFixed(3)}, recall ${m.recall.toFixed(3)}`);

if (worst > 0) {
  const f1 = ([tp, fp, fn]: [number, number, number]) => (2 * tp) / (2 * tp + fp + fn || 1);
  for (const x of [...perPage].sort((a, b) => f1(a.f) - f1(b.f)).slice(0, worst))
    console.log(`  ${f1(x.f).toFixed(3)}  tp ${x.f[0].toFixed(2)} fp ${x.f[1].toFixed(2)} fn ${x.f[2].toFixed(2)}  ${x.id.slice(0, 12)}  ${x.url}`);
}

if (!noPython) {
  // evaluate.py reads ./ground-truth.json and ./output/*.json: run it on a copy, never inside ../shared.
  const src = articleDir();
  const tmp = mkdtempSync(join(tmpdir(), 'mr-eval-extract-'));
  try {
    copyFileSync(join(src, 'evaluate.py'), join(tmp, 'evaluate.py'));
    copyFileSync(join(src, 'ground-truth.json'), join(tmp, 'ground-truth.json'));
    mkdirSync(join(tmp, 'output'));
    for (const f of readdirSync(join(src, 'peers'))) if (f.endsWith('.json')) copyFileSync(join(src, 'peers', f), join(tmp, 'output', f));
    writeFileSync(join(tmp, 'output', 'mentor_radar.json'), JSON.stringify({ version: 'extract.ts', output }));
    console.log(`\nevaluate.py (${src}/evaluate.py, on a copy in ${tmp}):`);
    process.stdout.write(execFileSync('python3', ['evaluate.py', '--n-bootstrap', '200'], { cwd: tmp, encoding: 'utf8' }));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
