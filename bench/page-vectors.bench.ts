// What it would cost to carry page vectors (scoring/vector.ts) in the JSON export and sync beside the
// page records (scoring/site-pages.ts): both sizes over the graded corpus, the vector as a ratio to
// the record it would travel with, and what a full site (MAX_SITE_PAGES pages) and an 8 MB sync
// answer come to either way. The figures behind "vectors stay where they were made" (README).
import { deflateRawSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAX_SITE_PAGES, toSitePage } from '../scoring/index.ts';
import { encodeVector, scorePageWithVector } from '../scoring/vector.ts';
import { corpusAvailable, loadCorpus } from '../scoring/train/corpus.ts';

const here = dirname(fileURLToPath(import.meta.url));
const ANSWER_BYTES = 8 * 1024 * 1024;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;

export async function run(): Promise<void> {
  const corpus = resolve(process.env.MENTOR_RADAR_CORPUS ?? join(here, '..', '..', 'shared', 'corpus'));
  if (!corpusAvailable(corpus)) {
    console.log(`page-vectors: SKIPPED: no corpus at ${corpus} (set MENTOR_RADAR_CORPUS)`);
    return;
  }
  let pages = 0;
  let record = 0;
  let vector = 0;
  let deflated = 0;
  let maxVector = 0;
  for (const d of loadCorpus(corpus)) {
    const scored = scorePageWithVector({ url: d.url, html: d.html, roundupYear: 2026 });
    let json: string;
    try {
      json = JSON.stringify(toSitePage(scored.page, '2026-05-01T00:00:00.000Z', 'crawl'));
    } catch {
      continue; // not an http(s) page: never a record
    }
    const text = encodeVector(scored.vector);
    pages++;
    record += json.length;
    vector += text.length;
    deflated += deflateRawSync(text).length;
    maxVector = Math.max(maxVector, text.length);
  }
  const site = (bytes: number) => (bytes / pages) * MAX_SITE_PAGES;
  console.log(`page-vectors: ${pages} corpus pages`);
  console.log(`  page record (JSON) ${kb(record / pages)} a page; vector (encoded) ${kb(vector / pages)} (max ${kb(maxVector)}), deflated ${kb(deflated / pages)}`);
  console.log(`  vector / record: ${(vector / record).toFixed(2)}x; a record with its vector: ${((record + vector) / record).toFixed(2)}x the bytes`);
  console.log(
    `  a site of ${MAX_SITE_PAGES} pages: ${kb(site(record))} of records, ${kb(site(record + vector))} with vectors; ` +
      `an 8 MB answer holds ${Math.floor(ANSWER_BYTES / site(record))} such sites, ${Math.floor(ANSWER_BYTES / site(record + vector))} with vectors`,
  );
}
