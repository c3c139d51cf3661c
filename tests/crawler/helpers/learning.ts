// Helpers for the learning tests (issue 11): a small graded corpus written from the repository's
// fixture pages (so the tests need no ../shared), and a store filled with the labelled web's sites,
// each page saved with its vector as a crawl saves it.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStore, type Store } from '../../../crawler/store/index.ts';
import { MODEL, type LinearModel } from '../../../scoring/model.ts';
import { scorePageWithVector } from '../../../scoring/vector.ts';
import { learningWeb, type WebKind, type WebSite } from '../../../scoring/train/learning-web.ts';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'pages');

/** `dir`/labels.csv + pages/: the fixture pages, guides graded 2 and near misses 0 (loadCorpus reads it). */
export function fixtureCorpus(dir: string): string {
  mkdirSync(join(dir, 'pages'), { recursive: true });
  const manifest = JSON.parse(readFileSync(join(FIXTURES, 'manifest.json'), 'utf8')) as { file: string; positive: boolean; note: string }[];
  const rows = ['file,grade,kind,source_repo,source_path,title'];
  for (const m of manifest) {
    copyFileSync(join(FIXTURES, m.file), join(dir, 'pages', m.file));
    rows.push(`${m.file},${m.positive ? 2 : 0},${m.positive ? 'mentor-guide' : 'near-miss'},fixtures/pages,${m.file},"${m.note.replace(/"/g, '""')}"`);
  }
  writeFileSync(join(dir, 'labels.csv'), rows.join('\n') + '\n');
  return dir;
}

/** The labelled web's sites of these kinds (learning-web.ts), `n` of each. */
export function webSites(kinds: WebKind[], n = 2, pagesPerSite = 4): WebSite[] {
  const perKind = Object.fromEntries((['guide', 'preceptor', 'apprentice', 'trading', 'funnel', 'offtopic'] as WebKind[]).map((k) => [k, kinds.includes(k) ? n : 0]));
  return learningWeb({ seed: 7, perKind, pagesPerSite });
}

/** Saves every page of the sites as a crawl would (scored with `model`, with its vector unless `noVector`). */
export function saveSites(store: Store, sites: WebSite[], opts: { model?: LinearModel; noVector?: boolean; at?: string } = {}): void {
  for (const s of sites) {
    for (const p of s.pages) {
      const { page, vector } = scorePageWithVector({ url: p.url, html: p.html, roundupYear: 2026 }, opts.model ?? MODEL);
      store.savePage({ url: p.url, status: 'scored', fetchedAt: opts.at ?? '2026-05-01T00:00:00.000Z', httpStatus: 200, page, crawlId: 1, ...(opts.noVector ? {} : { vector }) });
    }
  }
}

export function storeWith(path: string, sites: WebSite[], opts: Parameters<typeof saveSites>[2] = {}): string {
  const store = openStore(path);
  try {
    saveSites(store, sites, opts);
  } finally {
    store.close();
  }
  return path;
}
