// Node-only: reads the shared public benchmarks in place (never copies them into the repo).
// $MENTOR_RADAR_BENCHMARKS, default ../shared/benchmarks relative to the repository root.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { REPO_ROOT } from './corpus.ts';

export function benchmarksDir(): string {
  return resolve(process.env.MENTOR_RADAR_BENCHMARKS ?? join(REPO_ROOT, '..', 'shared', 'benchmarks'));
}

export const articleDir = (dir = benchmarksDir()): string => join(dir, 'article-extraction');
export const datesDir = (dir = benchmarksDir()): string => join(dir, 'dates');

export function articleBenchmarkAvailable(dir = benchmarksDir()): boolean {
  const d = articleDir(dir);
  return existsSync(join(d, 'ground-truth.json')) && existsSync(join(d, 'html')) && existsSync(join(d, 'evaluate.py'));
}

export function datesBenchmarkAvailable(dir = benchmarksDir()): boolean {
  const d = datesDir(dir);
  return existsSync(join(d, 'dates.json')) && existsSync(join(d, 'pages'));
}

function readGz(file: string): string {
  return gunzipSync(readFileSync(file)).toString('utf8');
}

export interface ArticlePage {
  id: string;
  url: string;
  html: string;
  /** The text a person marked as the article body. */
  body: string;
}

export function loadArticlePages(dir = benchmarksDir()): ArticlePage[] {
  const d = articleDir(dir);
  const truth = JSON.parse(readFileSync(join(d, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody?: string; url?: string }>;
  return Object.keys(truth)
    .sort()
    .map((id) => ({ id, url: truth[id].url ?? '', body: truth[id].articleBody ?? '', html: readGz(join(d, 'html', `${id}.html.gz`)) }));
}

export interface DatedPage {
  url: string;
  file: string;
  /** The reference publication day, YYYY-MM-DD. */
  date: string;
  html: string;
}

export function loadDatedPages(dir = benchmarksDir()): DatedPage[] {
  const d = datesDir(dir);
  const refs = JSON.parse(readFileSync(join(d, 'dates.json'), 'utf8')) as Record<string, { file: string; date: string }>;
  return Object.keys(refs)
    .sort()
    .map((url) => ({ url, file: refs[url].file, date: refs[url].date, html: readGz(join(d, 'pages', refs[url].file)) }));
}

/** htmldate's counting: right when the day equals the reference; a wrong day is a false positive, none a false negative. */
export function dateMetrics(results: { expected: string; found?: string }[]): { pages: number; right: number; wrong: number; missing: number; accuracy: number; precision: number; recall: number } {
  let right = 0;
  let wrong = 0;
  let missing = 0;
  for (const r of results) {
    if (!r.found) missing++;
    else if (r.found.slice(0, 10) === r.expected) right++;
    else wrong++;
  }
  const n = results.length || 1;
  return { pages: results.length, right, wrong, missing, accuracy: right / n, precision: right / Math.max(1, right + wrong), recall: right / Math.max(1, right + missing) };
}
