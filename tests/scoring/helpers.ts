// Shared helpers for the scoring tests: fixtures and the (optional) corpus.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const FIXTURE_DIR = resolve(here, '..', 'fixtures', 'pages');
export const CORPUS_DIR = resolve(process.env.MENTOR_RADAR_CORPUS ?? join(here, '..', '..', '..', 'shared', 'corpus'));
export const HAS_CORPUS = existsSync(join(CORPUS_DIR, 'labels.csv')) && existsSync(join(CORPUS_DIR, 'pages'));
if (!HAS_CORPUS) console.warn(`[scoring tests] corpus not found at ${CORPUS_DIR}: corpus tests are skipped (set MENTOR_RADAR_CORPUS).`);

export interface FixtureEntry {
  file: string;
  url: string;
  positive: boolean;
  note: string;
}
export const MANIFEST = JSON.parse(readFileSync(join(FIXTURE_DIR, 'manifest.json'), 'utf8')) as FixtureEntry[];

export function fixture(file: string): { url: string; html: string } {
  const m = MANIFEST.find((x) => x.file === file);
  if (!m) throw new Error(`no fixture ${file}`);
  return { url: m.url, html: readFileSync(join(FIXTURE_DIR, file), 'utf8') };
}

export function corpusPages(): { file: string; grade: number; html: string }[] {
  if (!HAS_CORPUS) return [];
  const grades = new Map<string, number>();
  for (const line of readFileSync(join(CORPUS_DIR, 'labels.csv'), 'utf8').split('\n').slice(1)) {
    const [file, grade] = line.split(',');
    if (file && grade) grades.set(file, Number(grade));
  }
  return readdirSync(join(CORPUS_DIR, 'pages'))
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((file) => ({ file, grade: grades.get(file) ?? -1, html: readFileSync(join(CORPUS_DIR, 'pages', file), 'utf8') }));
}
