// Crawl benchmarks on a generated loopback web (demo/fixture-web/generated.ts), each as a
// ratio to a baseline measured in the same run:
//  1. throughput of the focused crawl (robots, politeness bookkeeping with delay 0, scoring,
//     SQLite writes) vs a bare CheerioCrawler that only parses and enqueues links, same web,
//     same concurrency, same page count (target >= 0.7x);
//  2. peak RSS of the focused crawl (target < 1 GB for 20k pages; BENCH_CRAWL_PAGES=20000 runs that);
//  3. harvest rate of the focused crawl vs a breadth-first crawl with the same page budget on a
//     web with relevant and irrelevant regions (target >= 2x).
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CheerioCrawler, Configuration, log as crawleeLog, LogLevel } from '@crawlee/cheerio';
import { startFixtureWeb } from '../demo/fixture-web/server.ts';
import { generateWeb } from '../demo/fixture-web/generated.ts';
import { runCrawl } from '../crawler/crawl/run.ts';

const CONCURRENCY = 16;

async function bareCrawl(seeds: string[], maxPages: number): Promise<{ pages: number; ms: number }> {
  crawleeLog.setLevel(LogLevel.OFF);
  let pages = 0;
  const crawler = new CheerioCrawler(
    {
      maxRequestsPerCrawl: maxPages,
      minConcurrency: CONCURRENCY,
      maxConcurrency: CONCURRENCY,
      maxRequestRetries: 0,
      useSessionPool: false,
      persistCookiesPerSession: false,
      statusMessageLoggingInterval: 3600,
      autoscaledPoolOptions: { maybeRunIntervalSecs: 0.01, loggingIntervalSecs: null },
      requestHandler: async ({ enqueueLinks }) => {
        pages++;
        await enqueueLinks({ strategy: 'all' });
      },
    },
    new Configuration({ persistStorage: false, purgeOnStart: true }),
  );
  const t0 = performance.now();
  await crawler.run(seeds);
  return { pages, ms: performance.now() - t0 };
}

interface ChildArgs {
  mode: 'bare' | 'focused';
  seeds: string[];
  maxPages: number;
  perSite: number;
  db: string;
}
interface ChildResult {
  pages: number;
  ms: number;
  maxRss: number;
  rssStart: number;
  relevant: number;
  errors: Record<string, number>;
  db: string;
}

function child(args: ChildArgs): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['bin/run-ts.js', 'bench/crawl.bench.ts'], {
      env: { ...process.env, MR_BENCH_CHILD: JSON.stringify(args) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    p.stdout.on('data', (b: Buffer) => (out += b.toString()));
    p.on('exit', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || !line.startsWith('{')) reject(new Error(`bench child ${args.mode} failed (exit ${code}): ${out.slice(-500)}`));
      else resolve({ ...(JSON.parse(line) as Omit<ChildResult, 'db'>), db: args.db });
    });
  });
}

async function childMain(args: ChildArgs): Promise<void> {
  const rssStart = process.memoryUsage().rss;
  let res: Omit<ChildResult, 'db' | 'maxRss' | 'rssStart'>;
  if (args.mode === 'bare') {
    const r = await bareCrawl(args.seeds, args.maxPages);
    res = { pages: r.pages, ms: r.ms, relevant: 0, errors: {} };
  } else {
    const t0 = performance.now();
    const rep = await runCrawl({ seeds: args.seeds, db: args.db, maxPages: args.maxPages, pagesPerSite: args.perSite, depth: 1000, concurrency: CONCURRENCY, politenessDelayMs: 0, progress: 'off', fresh: true });
    res = { pages: rep.pagesFetched, ms: performance.now() - t0, relevant: rep.relevantPages, errors: rep.errors };
  }
  const maxRss = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(`${JSON.stringify({ ...res, maxRss, rssStart })}\n`);
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'mr-bench-'));
  try {
    // ---- 1 + 2: throughput and RSS --------------------------------------------------------
    // Both crawlers run in their own child process against the same fixture web served by this
    // process, so neither shares an event loop with the servers and peak RSS is the crawler's own.
    const target = Number(process.env.BENCH_CRAWL_PAGES ?? 3000);
    const perSite = 25;
    const sites = Math.ceil((target * 1.1) / perSite);
    const gen = generateWeb({ relevantSites: sites, irrelevantSites: 0, pagesPerSite: perSite, crossLinks: 3, relevantShare: 1, addressBase: (16 << 8) + 2, seed: 11 });
    const web = await startFixtureWeb(gen.sites);
    try {
      const seeds = gen.relevantNames.slice(0, 10).map((n) => web.url(n));
      console.log(`web: ${gen.sites.length} sites x ${perSite} pages = ${gen.totalPages} pages on loopback; crawling ${target} pages, concurrency ${CONCURRENCY}, delay 0`);
      const onlyFocused = process.env.BENCH_CRAWL_ONLY === 'focused';
      const bare = onlyFocused ? { pages: 1, ms: 1, maxRss: 0, rssStart: 0, relevant: 0, errors: {}, db: '' } : await child({ mode: 'bare', seeds, maxPages: target, perSite, db: '' });
      const focused = await child({ mode: 'focused', seeds, maxPages: target, perSite, db: join(dir, 'focused.db') });
      const bareRate = bare.pages / (bare.ms / 1000);
      const rate = focused.pages / (focused.ms / 1000);
      if (!onlyFocused) console.log(`bare CheerioCrawler (parse + enqueue only): ${bare.pages} pages in ${(bare.ms / 1000).toFixed(1)} s = ${bareRate.toFixed(0)} pages/s, peak RSS ${mb(bare.maxRss)}`);
      console.log(
        `focused crawl (robots, frontier, scoring, SQLite): ${focused.pages} pages in ${(focused.ms / 1000).toFixed(1)} s = ${rate.toFixed(0)} pages/s, ${focused.relevant} relevant, errors ${JSON.stringify(focused.errors)}`,
      );
      if (!onlyFocused) console.log(`throughput ratio focused/bare: ${(rate / bareRate).toFixed(2)}x (target >= 0.7x)`);
      const dbSize = statSync(focused.db).size + (statSync(`${focused.db}-wal`, { throwIfNoEntry: false })?.size ?? 0);
      console.log(
        `peak RSS of the focused crawl process: ${mb(focused.maxRss)} for ${focused.pages} pages (bare crawler: ${mb(bare.maxRss)}); db ${mb(dbSize)}` +
          (focused.pages < 20_000
            ? `; growth ${mb(focused.maxRss - focused.rssStart)} over the crawl, linear extrapolation to 20k pages (an upper bound: most of it is V8 heap headroom): ${mb(focused.rssStart + ((focused.maxRss - focused.rssStart) * 20_000) / Math.max(1, focused.pages))} (target < 1 GB; BENCH_CRAWL_PAGES=20000 BENCH_CRAWL_ONLY=focused measures it)`
            : ' (target < 1 GB)'),
      );
    } finally {
      await web.close();
    }

    // ---- 3: harvest rate, focused vs breadth-first -------------------------------------
    if (process.env.BENCH_CRAWL_ONLY === 'focused') return;
    const hw = generateWeb({ relevantSites: 40, irrelevantSites: 160, pagesPerSite: 15, crossLinks: 3, relevantShare: 0.5, addressBase: (40 << 8) + 2, seed: 5 });
    const web2 = await startFixtureWeb(hw.sites);
    try {
      const seeds = [...hw.relevantNames.slice(0, 2), ...hw.irrelevantNames.slice(0, 2)].map((n) => web2.url(n));
      const budget = 600;
      const common = { seeds, maxPages: budget, pagesPerSite: 15, depth: 1000, concurrency: CONCURRENCY, politenessDelayMs: 0, progress: 'off' as const, fresh: true };
      const bfs = await runCrawl({ ...common, db: join(dir, 'bfs.db'), strategy: 'breadth-first' });
      const best = await runCrawl({ ...common, db: join(dir, 'best.db') });
      console.log(
        `harvest web: ${hw.relevantNames.length} mentoring sites (half their pages off-topic) + ${hw.irrelevantNames.length} off-topic sites, ${hw.totalPages} pages; budget ${budget} pages, seeds 2 + 2`,
      );
      console.log(`breadth-first: ${bfs.relevantPages}/${bfs.pagesFetched} relevant = harvest ${(bfs.harvestRate * 100).toFixed(1)}%`);
      console.log(`focused best-first: ${best.relevantPages}/${best.pagesFetched} relevant = harvest ${(best.harvestRate * 100).toFixed(1)}%`);
      console.log(`harvest ratio focused/breadth-first: ${(best.harvestRate / Math.max(1e-9, bfs.harvestRate)).toFixed(2)}x (target >= 2x)`);
    } finally {
      await web2.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.env.MR_BENCH_CHILD) {
  await childMain(JSON.parse(process.env.MR_BENCH_CHILD) as ChildArgs);
  process.exit(0);
}
