// The CSV serialiser alone on 100k candidates (bench/export.bench.ts times the whole export: store
// read + serialiser), against JSON.stringify of the same candidates (a native, linear serialiser) in the same run, and
// against papaparse's unparse of the same rows (what the exporter used before). Median of rounds.
// Also the 25k -> 100k growth, which should be ~4x for a linear serialiser.
import Papa from 'papaparse';
import { CSV_COLUMNS, SCORER_VERSION, candidatesToCsv, newCandidate } from '../scoring/index.ts';
import type { Candidate, Decision, SiteKind } from '../scoring/index.ts';

const N = 100_000;
const ROUNDS = 5;
const KINDS: SiteKind[] = ['blog', 'company', 'nonprofit', 'academic', 'directory', 'other'];
const DECISIONS: Decision[] = ['undecided', 'undecided', 'undecided', 'shortlist', 'include', 'exclude'];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Realistic rows: names with commas and quotes, notes with line breaks, formula-looking tags, outreach. */
function syntheticCandidates(n: number): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < n; i++) {
    const site = `https://site-${i}.example`;
    const c = newCandidate(
      {
        site,
        name: i % 7 === 0 ? `Mentoring, "Inc." ${i}` : `Mentor Notes ${i}`,
        score: (i * 37) % 1000 / 10,
        components: { relevance: 0.912, mentorGuidance: 0.5, programGuidance: 0.25, actionability: 0.3, quality: 0.7, freshness: 0.2, activity: 0.1, coverage: 0.4 },
        pagesScored: 1 + (i % 40),
        mentoringPages: i % 12,
        bestPageUrl: `${site}/how-to-mentor-${i}`,
        feedUrl: `${site}/feed.xml`,
        lastPostAt: '2026-10-01',
        siteKind: KINDS[i % KINDS.length],
        reasons: ['8 pages of practical advice for new mentors', 'Program toolkit with downloadable templates', `Posted about mentoring ${i % 9} times in 2026`],
        scorerVersion: SCORER_VERSION,
        outreach: { author: 'Ann Berg', contactUrl: `${site}/contact`, email: `hello@site-${i}.example`, social: [{ network: 'linkedin', url: `https://www.linkedin.com/company/site-${i}` }] },
      },
      'crawl',
      '2026-02-03T04:05:06.000Z',
    );
    c.decision = DECISIONS[i % DECISIONS.length];
    if (i % 5 === 0) c.tags = ['program', '=formula?', 'a; b'];
    if (i % 3 === 0) c.notes = `Met the author.\nGreat first-meeting advice, "really" ${i}`;
    if (i % 11 === 0) c.blurb = 'A kind, practical guide for new mentors.';
    out.push(c);
  }
  return out;
}

function time(f: () => unknown): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

export async function run(): Promise<void> {
  const all = syntheticCandidates(N);
  const quarter = all.slice(0, N / 4);
  // The previous exporter: papaparse's unparse over exactly the same cells (read back from our CSV).
  const rows = Papa.parse<string[]>(candidatesToCsv(all).slice(1), { skipEmptyLines: true }).data.slice(1);
  let bytes = 0;
  candidatesToCsv(quarter); // warm-up
  const csv: number[] = [];
  const json: number[] = [];
  const papa: number[] = [];
  const small: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    json.push(time(() => (bytes = JSON.stringify(all).length)));
    csv.push(time(() => (bytes = candidatesToCsv(all).length)));
    small.push(time(() => candidatesToCsv(quarter)));
    papa.push(time(() => Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, { newline: '\r\n', escapeFormulae: /^[=+\-@\t\r]/ })));
  }
  const m = median(csv);
  console.log(`csv: candidatesToCsv, ${N.toLocaleString('en')} candidates, ${(bytes / 1e6).toFixed(1)} MB of CSV, median of ${ROUNDS} rounds`);
  console.log(`  candidatesToCsv: ${m.toFixed(0)} ms (issue 7's figure: <= 2000 ms); ${(m / median(json)).toFixed(2)}x JSON.stringify of the same candidates, ${median(json).toFixed(0)} ms (target <= 2.5x)`);
  console.log(`  papaparse unparse of the same ${CSV_COLUMNS.length} columns (the previous exporter): ${median(papa).toFixed(0)} ms`);
  console.log(`  growth 25k -> 100k: ${(m / median(small)).toFixed(2)}x (linear = 4x)`);
}
