// `export --format csv` of 100k candidates (target <= 2 s), split into where the time goes: the
// store's read (rows -> Candidates, ranked) and scoring's CSV serialiser; beside it, as the
// baseline of the same run, JSON.stringify of the same candidates (the least any serialiser costs).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { candidatesToCsv, newCandidate, scorePage, scoreSite, type Candidate } from '../scoring/index.ts';
import { openStore } from '../crawler/store/index.ts';

const N = Number(process.env.BENCH_EXPORT_CANDIDATES ?? 100_000);

const PAGE = `<html><head><title>Mentoring guide</title></head><body><article><h1>Mentoring guide</h1>
<p>As a new mentor, plan the first meeting with your mentee, listen, agree on goals and keep your promises.</p>
<p>A mentoring program needs a coordinator who recruits, trains and matches mentors, and evaluates the program.</p></article></body></html>`;

function candidates(): Candidate[] {
  const base = scoreSite([scorePage({ url: 'https://site0.example/guide', html: PAGE })]);
  return Array.from({ length: N }, (_, i) => {
    const site = `https://site${i}.example`;
    const c = newCandidate({ ...base, site, name: `Site ${i}`, score: (i * 7919) % 1000 / 10, bestPageUrl: `${site}/guide` }, 'crawl', '2026-03-01T00:00:00.000Z');
    if (i % 10 === 0) Object.assign(c, { decision: 'shortlist', tags: ['program', 'toolkit'], notes: `note ${i}, with "quotes"` });
    return c;
  });
}

function time<T>(fn: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t0 };
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'mr-export-'));
  try {
    const db = join(dir, 'export.db');
    const seed = openStore(db);
    const seeded = time(() => seed.mergeCandidates(candidates()));
    seed.close();
    const store = openStore(db, { readonly: true });
    try {
      const read = time(() => store.listCandidates());
      const csv = time(() => candidatesToCsv(read.value, {}));
      const json = time(() => JSON.stringify(read.value));
      const total = read.ms + csv.ms;
      console.log(`export: ${read.value.length} candidates (seeded in ${(seeded.ms / 1000).toFixed(1)} s), CSV ${(csv.value.length / 1e6).toFixed(1)} MB`);
      console.log(`  store read (rows -> Candidates, ranked): ${read.ms.toFixed(0)} ms`);
      console.log(`  candidatesToCsv (scoring/export.ts): ${csv.ms.toFixed(0)} ms`);
      console.log(`  total ${(total / 1000).toFixed(2)} s (target <= 2 s; before this change 6.0 s); baseline JSON.stringify of the same candidates ${json.ms.toFixed(0)} ms: ${(total / json.ms).toFixed(1)}x`);
    } finally {
      store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
