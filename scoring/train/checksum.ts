// `npm run eval:checksum`: every output of the scorer on every page we have (the corpus, the
// fixtures, both shared benchmarks): scorePage's PageScore, extract()'s result and the features,
// one JSON line per page, and an FNV-1a checksum of each kind. A speed change must leave them all
// identical: `npm run eval:checksum -- --write /tmp/before.jsonl` before it, then
// `npm run eval:checksum -- --diff /tmp/before.jsonl` after it lists every page and field that moved.
import { readFileSync, writeFileSync } from 'node:fs';
import { analysePage, scoreAnalysed } from '../page.ts';
import { MODEL, fnv1a } from '../model.ts';
import { LEXICON_NAMES } from '../lexicons.ts';
import { corpusAvailable, loadCorpus, loadFixtures } from './corpus.ts';
import { articleBenchmarkAvailable, datesBenchmarkAvailable, loadArticlePages, loadDatedPages } from './benchmarks.ts';

interface Row {
  key: string;
  page: unknown;
  extracted: unknown;
  features: unknown;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function inputs(): { key: string; url: string; html: string }[] {
  const list = loadFixtures().map((f) => ({ key: `fixture/${f.file}`, url: f.url, html: f.html }));
  if (corpusAvailable()) for (const d of loadCorpus()) list.push({ key: `corpus/${d.file}`, url: d.url, html: d.html });
  if (articleBenchmarkAvailable()) for (const p of loadArticlePages()) list.push({ key: `article/${p.id}`, url: p.url, html: p.html });
  if (datesBenchmarkAvailable()) for (const p of loadDatedPages()) list.push({ key: `dates/${p.file}`, url: p.url, html: p.html });
  return list;
}

const rows: Row[] = inputs().map(({ key, url, html }) => {
  const input = { url, html, roundupYear: 2026 };
  const a = analysePage(input);
  const page = scoreAnalysed(input, a, MODEL);
  // The features as 2.0.0 kept them: stem counts as [stem, count] pairs in order of first occurrence,
  // a sentence's hits as a record of the lexicons it hit.
  const { terms, ...rest } = a.features;
  const hitRecord = (hits: number[]) => Object.fromEntries(LEXICON_NAMES.flatMap((name, l) => (hits[l] > 0 ? [[name, hits[l]]] : [])));
  const features = {
    ...rest,
    sentences: rest.sentences.map((s) => ({ ...s, hits: hitRecord(s.hits) })),
    stemCounts: terms.stems.map((t, k) => [t, terms.counts[k]]),
  };
  const json = JSON.stringify({ key, page, extracted: a.extracted, features });
  return JSON.parse(json) as Row;
});
const lines = rows.map((r) => JSON.stringify(r));
const sum = (k: keyof Row) => fnv1a(rows.map((r) => JSON.stringify(r[k])).join('\n'));
console.log(`${rows.length} pages: PageScore ${sum('page')}, extract ${sum('extracted')}, features ${sum('features')}`);

const out = arg('--write');
if (out) writeFileSync(out, `${lines.join('\n')}\n`);

const before = arg('--diff');
if (before) {
  const old = new Map(
    readFileSync(before, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => {
        const r = JSON.parse(l) as Row;
        return [r.key, r] as const;
      }),
  );
  let changed = 0;
  for (const r of rows) {
    const o = old.get(r.key);
    if (!o) {
      console.log(`  new page ${r.key}`);
      changed++;
      continue;
    }
    for (const k of ['page', 'extracted', 'features'] as const) {
      const a = o[k] as Record<string, unknown>;
      const b = r[k] as Record<string, unknown>;
      const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((f) => JSON.stringify(a[f]) !== JSON.stringify(b[f]));
      if (fields.length === 0) continue;
      changed++;
      for (const f of fields) console.log(`  ${r.key} ${k}.${f}: ${JSON.stringify(a[f])?.slice(0, 160)} -> ${JSON.stringify(b[f])?.slice(0, 160)}`);
    }
  }
  console.log(changed === 0 ? `identical to ${before}` : `${changed} differences from ${before}`);
  if (changed > 0) process.exitCode = 1;
}
