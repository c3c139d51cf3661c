// Scoring cost per page over the corpus, as a ratio to the fastest bare parse of the same pages in
// the same run (cheerio/slim load + body text: htmlparser2), median over rounds; and the size of the
// scoring path bundled for the browser (esbuild, platform browser, minified).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'cheerio/slim';
import { build } from 'esbuild';
import { scorePage } from '../scoring/index.ts';

const here = dirname(fileURLToPath(import.meta.url));
const ROUNDS = 15;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export async function run(): Promise<void> {
  const corpus = resolve(process.env.MENTOR_RADAR_CORPUS ?? join(here, '..', '..', 'shared', 'corpus'));
  const pagesDir = join(corpus, 'pages');
  if (!existsSync(pagesDir)) {
    console.log(`scoring: SKIPPED per-page cost: no corpus at ${corpus} (set MENTOR_RADAR_CORPUS)`);
  } else {
    const pages = readdirSync(pagesDir)
      .filter((f) => f.endsWith('.html'))
      .sort()
      .map((f) => ({ url: `https://corpus.example/${f}`, html: readFileSync(join(pagesDir, f), 'utf8') }));
    const bytes = pages.reduce((s, p) => s + p.html.length, 0);
    let sink = 0;
    // Each round interleaves, page by page, a bare parse and a full scorePage of the same page, so
    // both see the same machine load (the box is shared); per-round ratio = score time / parse time.
    const round = () => {
      let p = 0;
      let s = 0;
      for (const page of pages) {
        const t0 = performance.now();
        sink += load(page.html)('body').text().length;
        const t1 = performance.now();
        sink += scorePage({ url: page.url, html: page.html, roundupYear: 2026 }).score;
        const t2 = performance.now();
        p += t1 - t0;
        s += t2 - t1;
      }
      return { p, s };
    };
    round(); // warm-up: JIT, token and stem caches as in a long-running crawl
    const parse: number[] = [];
    const score: number[] = [];
    const ratios: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const { p, s } = round();
      parse.push(p);
      score.push(s);
      ratios.push(s / p);
    }
    const fastestParse = Math.min(...parse);
    const medianScore = median(score);
    console.log(`scoring: ${pages.length} corpus pages, ${(bytes / 1e6).toFixed(2)} MB, ${ROUNDS} rounds (checksum ${sink % 997})`);
    console.log(`  bare parse (cheerio/slim load + body text): fastest ${fastestParse.toFixed(1)} ms/round = ${((fastestParse / pages.length) * 1000).toFixed(0)} µs/page, ${(bytes / 1e6 / (fastestParse / 1000)).toFixed(1)} MB/s`);
    console.log(`  scorePage: median ${medianScore.toFixed(1)} ms/round = ${((medianScore / pages.length) * 1000).toFixed(0)} µs/page`);
    console.log(`  ratio scorePage / bare parse, median of ${ROUNDS} interleaved rounds: ${median(ratios).toFixed(2)}x (target <= 3x); fastest-score / fastest-parse ${(Math.min(...score) / fastestParse).toFixed(2)}x; median-score / fastest-parse ${(medianScore / fastestParse).toFixed(2)}x`);
  }

  // `stream` is marked external: papaparse only reaches for it lazily in Node (never in the browser path).
  const out = await build({
    entryPoints: [join(here, '..', 'scoring', 'index.ts')],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    minify: true,
    write: false,
    external: ['stream'],
    logLevel: 'silent',
  });
  const size = out.outputFiles[0].contents.length;
  console.log(`  browser bundle of scoring/index.ts (esbuild, minified, 'stream' external): ${(size / 1024).toFixed(1)} KB (target <= 350 KB)`);
}
