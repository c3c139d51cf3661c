// Node-only: reads the labelled corpus in place (never copies its pages into the repo).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';

export interface CorpusDoc {
  file: string;
  grade: 0 | 1 | 2;
  kind: string;
  repo: string;
  path: string;
  title: string;
  /** A plausible URL for the document (its site's host when the repository names one), for site-kind signals. */
  url: string;
  html: string;
}

const here = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = resolve(here, '..', '..');

export function corpusDir(): string {
  return resolve(process.env.MENTOR_RADAR_CORPUS ?? join(REPO_ROOT, '..', 'shared', 'corpus'));
}

export function corpusAvailable(dir = corpusDir()): boolean {
  return existsSync(join(dir, 'labels.csv')) && existsSync(join(dir, 'pages'));
}

function docUrl(repo: string, path: string, file: string): string {
  const [owner, name] = repo.split('/');
  const host = name && /\.[a-z]{2,}$/i.test(name) && !/\.github\.io$/i.test(name) ? name.toLowerCase() : name && /\.github\.io$/i.test(name) ? name.toLowerCase() : `${(owner ?? 'corpus').toLowerCase()}.github.io`;
  const p = (path || file).replace(/\.(md|markdown|html?|rst|txt)$/i, '').replace(/(^|\/)(index|readme)$/i, '$1');
  return `https://${host}/${p.split('/').map(encodeURIComponent).join('/')}`;
}

export function loadCorpus(dir = corpusDir()): CorpusDoc[] {
  const csv = readFileSync(join(dir, 'labels.csv'), 'utf8');
  const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
  const docs: CorpusDoc[] = [];
  for (const row of parsed.data) {
    const grade = Number(row.grade);
    if (!row.file || ![0, 1, 2].includes(grade)) continue;
    const html = readFileSync(join(dir, 'pages', row.file), 'utf8');
    docs.push({
      file: row.file,
      grade: grade as 0 | 1 | 2,
      kind: row.kind ?? '',
      repo: row.source_repo ?? '',
      path: row.source_path ?? '',
      title: row.title ?? '',
      url: docUrl(row.source_repo ?? '', row.source_path ?? '', row.file),
      html,
    });
  }
  docs.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return docs;
}

export interface Fixture {
  file: string;
  url: string;
  /** true for pages the roundup wants (positives), false for near misses. */
  positive: boolean;
  note: string;
  html: string;
}

export function loadFixtures(): Fixture[] {
  const dir = join(REPO_ROOT, 'tests', 'fixtures', 'pages');
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Omit<Fixture, 'html'>[];
  return manifest.map((m) => ({ ...m, html: readFileSync(join(dir, m.file), 'utf8') }));
}
