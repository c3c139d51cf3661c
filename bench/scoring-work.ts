// The two kinds of work the scoring benchmark compares, on the corpus pages: the bare parse (the
// baseline) and a full scorePage. Run as a program (bundled by bench/scoring.bench.ts and started
// under valgrind's callgrind), it does W warm-up rounds and then N rounds of one kind:
//   node --predictable scoring-work.mjs CORPUS_DIR parse|score W N
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { load } from 'cheerio/slim';
import { scorePage } from '../scoring/index.ts';

export interface Page {
  url: string;
  html: string;
}

export function corpusPages(corpus: string): Page[] {
  return readdirSync(join(corpus, 'pages'))
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => ({ url: `https://corpus.example/${f}`, html: readFileSync(join(corpus, 'pages', f), 'utf8') }));
}

/** The baseline: what any reader of the page pays (parse + its text). */
export const bareParse = (page: Page): number => load(page.html)('body').text().length;
export const fullScore = (page: Page): number => scorePage({ url: page.url, html: page.html, roundupYear: 2026 }).score;

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const [corpus, kind, warmup, n] = process.argv.slice(2);
  const pages = corpusPages(corpus);
  const work = kind === 'parse' ? bareParse : fullScore;
  let sink = 0;
  for (let r = 0; r < Number(warmup) + Number(n); r++) for (const p of pages) sink += work(p);
  console.log(`${kind}: ${n} rounds after ${warmup} warm-up rounds (checksum ${sink % 997})`);
}
