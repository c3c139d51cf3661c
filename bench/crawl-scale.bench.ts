// Crawl at scale, on a generated loopback web served by this process (hosts on 127.x.y.z), each
// crawl in its own child process so its peak RSS is its own:
//  1. a 100k-page crawl (delay 0): peak RSS (target < 1 GB) and the pages/s of the last tenth
//     of the pages against the first tenth (target >= 0.8x: nothing slows down as it grows);
//  2. a politeness-bound crawl of 500 hosts at 1 s per host: pages/s against the bound
//     min(hosts / delay, the CPU-bound rate of the same web with delay 0), per --concurrency
//     (target >= 0.8x); the smallest concurrency that reaches it is the CLI's default.
// BENCH_SCALE_PAGES (default 100000) sizes the first; BENCH_SCALE_ONLY=politeness|scale runs one.
import { mkdtempSync, rmSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFixtureWeb } from '../demo/fixture-web/server.ts';
import { generateWeb } from '../demo/fixture-web/generated.ts';
import { runCrawl } from '../crawler/crawl/run.ts';
import { CRAWL_DEFAULTS } from '../crawler/constants.ts';

interface ChildArgs {
  seeds: string[];
  db: string;
  maxPages: number;
  perSite: number;
  delayMs: number;
  concurrency: number;
}
interface ChildResult {
  pages: number;
  ms: number;
  maxRss: number;
  /** [ms since start, pages fetched] once a second. */
  samples: [number, number][];
  errors: Record<string, number>;
}

function child(args: ChildArgs): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['bin/run-ts.js', 'bench/crawl-scale.bench.ts'], { env: { ...process.env, MR_SCALE_CHILD: JSON.stringify(args) }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (b: Buffer) => (out += b.toString()));
    p.on('exit', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || !line.startsWith('{')) reject(new Error(`scale child failed (exit ${code}): ${out.slice(-300)}`));
      else resolve(JSON.parse(line) as ChildResult);
    });
  });
}

async function childMain(a: ChildArgs): Promise<void> {
  const t0 = performance.now();
  const samples: [number, number][] = [];
  const r = await runCrawl({
    seeds: a.seeds,
    db: a.db,
    maxPages: a.maxPages,
    pagesPerSite: a.perSite,
    depth: 1000,
    concurrency: a.concurrency,
    politenessDelayMs: a.delayMs,
    fresh: true,
    onProgress: (rep) => samples.push([performance.now() - t0, rep.pagesFetched]),
  });
  process.stdout.write(`${JSON.stringify({ pages: r.pagesFetched, ms: performance.now() - t0, maxRss: process.resourceUsage().maxRSS * 1024, samples, errors: r.errors })}\n`);
}

/** Pages/s between the moments the crawl reached `from` and `to` pages (interpolated from the samples). */
function rateBetween(samples: [number, number][], from: number, to: number): number {
  const at = (n: number): number => {
    for (let i = 1; i < samples.length; i++) {
      const [t1, p1] = samples[i];
      const [t0, p0] = samples[i - 1];
      if (p1 >= n) return p1 === p0 ? t1 : t0 + ((n - p0) / (p1 - p0)) * (t1 - t0);
    }
    return samples.at(-1)?.[0] ?? 0;
  };
  return (to - from) / Math.max(1e-9, (at(to) - at(from)) / 1000);
}

const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;

async function scale(dir: string): Promise<number> {
  const target = Number(process.env.BENCH_SCALE_PAGES ?? 100_000);
  const perSite = 25;
  const gen = generateWeb({ relevantSites: Math.ceil((target * 1.1) / perSite), irrelevantSites: 0, pagesPerSite: perSite, crossLinks: 3, relevantShare: 1, addressBase: (64 << 8) + 2, seed: 21 });
  const web = await startFixtureWeb(gen.sites);
  try {
    const seeds = gen.relevantNames.slice(0, 20).map((n) => web.url(n));
    const r = await child({ seeds, db: join(dir, 'scale.db'), maxPages: target, perSite, delayMs: 0, concurrency: 16 });
    const tenth = Math.floor(r.pages / 10);
    const first = rateBetween(r.samples, 0, tenth);
    const last = rateBetween(r.samples, r.pages - tenth, r.pages);
    console.log(`scale web: ${gen.sites.length} hosts x ${perSite} pages on loopback, one server process; crawl ${target} pages, concurrency 16, delay 0`);
    console.log(`  ${r.pages} pages in ${(r.ms / 1000).toFixed(0)} s = ${((r.pages * 1000) / r.ms).toFixed(0)} pages/s; errors ${JSON.stringify(r.errors)}`);
    console.log(`  peak RSS ${mb(r.maxRss)} (target < 1 GB)`);
    console.log(`  pages/s first tenth ${first.toFixed(0)}, last tenth ${last.toFixed(0)}: ratio ${(last / first).toFixed(2)}x (target >= 0.8x)`);
    return (r.pages * 1000) / r.ms;
  } finally {
    await web.close();
  }
}

async function politeness(dir: string): Promise<void> {
  const hosts = 500;
  const delayMs = 1000;
  const gen = generateWeb({ relevantSites: hosts, irrelevantSites: 0, pagesPerSite: 12, crossLinks: 4, relevantShare: 1, addressBase: (96 << 8) + 2, seed: 23 });
  const web = await startFixtureWeb(gen.sites);
  try {
    // Every host is a seed, so all 500 are in play from the start.
    const seeds = gen.relevantNames.map((n) => web.url(n));
    const budget = 3000;
    const steady = (r: ChildResult) => rateBetween(r.samples, Math.floor(r.pages * 0.25), Math.floor(r.pages * 0.9));
    const cpu = await child({ seeds, db: join(dir, 'cpu.db'), maxPages: budget, perSite: 12, delayMs: 0, concurrency: 16 });
    const cpuRate = steady(cpu);
    const bound = Math.min(hosts / (delayMs / 1000), cpuRate);
    console.log(`politeness web: ${hosts} hosts x 12 pages, delay ${delayMs} ms per host; budget ${budget} pages; steady rate between 25% and 90% of the pages`);
    console.log(`  CPU-bound rate (delay 0, concurrency 16): ${cpuRate.toFixed(0)} pages/s; bound min(${hosts}/${delayMs / 1000} s, ${cpuRate.toFixed(0)}) = ${bound.toFixed(0)} pages/s`);
    let chosen: number | undefined;
    for (const concurrency of [8, 16, 32]) {
      const r = await child({ seeds, db: join(dir, `polite-${concurrency}.db`), maxPages: budget, perSite: 12, delayMs, concurrency });
      const rate = steady(r);
      const ok = rate >= 0.8 * bound;
      if (ok && chosen === undefined) chosen = concurrency;
      console.log(`  --concurrency ${String(concurrency).padStart(2)}: ${rate.toFixed(0)} pages/s = ${(rate / bound).toFixed(2)}x the bound (target >= 0.8x)${ok ? '' : ' below target'}; peak RSS ${mb(r.maxRss)}`);
    }
    console.log(`  smallest concurrency reaching the target: ${chosen ?? 'none'}; the default is ${CRAWL_DEFAULTS.concurrency}`);
  } finally {
    await web.close();
  }
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'mr-scale-'));
  try {
    const only = process.env.BENCH_SCALE_ONLY;
    if (only !== 'politeness') await scale(dir);
    if (only !== 'scale') await politeness(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.env.MR_SCALE_CHILD) {
  await childMain(JSON.parse(process.env.MR_SCALE_CHILD) as ChildArgs);
  process.exit(0);
}
