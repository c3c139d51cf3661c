// `npm run demo`: starts the shipped fixture web on loopback (several sites on 127.0.0.x),
// crawls it into data/demo.db, writes data/demo-candidates.csv and prints the top of the
// ranking. No network needed.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { candidatesToCsv } from '../scoring/index.ts';
import { startFixtureWeb } from './fixture-web/server.ts';
import { demoSites } from './fixture-web/demo-sites.ts';
import { runCrawl } from '../crawler/crawl/run.ts';
import { openStore } from '../crawler/store/index.ts';
import { formatReport } from '../crawler/report.ts';

const DB = 'data/demo.db';
const CSV = 'data/demo-candidates.csv';

mkdirSync('data', { recursive: true });
for (const f of [DB, `${DB}-wal`, `${DB}-shm`]) rmSync(f, { force: true });

const web = await startFixtureWeb(demoSites());
try {
  const seeds = [web.url('mentorwise'), web.url('tutorly')];
  console.log(`fixture web: ${demoSites().length} sites on 127.0.0.2-10 port ${web.port}`);
  console.log(`crawling from ${seeds.join(' and ')} (per-host delay 250 ms, robots.txt honoured)\n`);
  const report = await runCrawl({ seeds, db: DB, politenessDelayMs: 250, concurrency: 6, timeoutMs: 5000, progress: process.stderr.isTTY ? 'tty' : 'lines', fresh: true });
  console.log(formatReport(report));
  const store = openStore(DB);
  try {
    const ranked = store.listCandidates();
    writeFileSync(CSV, candidatesToCsv(ranked, {}));
    console.log(`\nwrote ${CSV} (${ranked.length} sites)\n`);
    console.log('rank  score  pages  kind       site                      name');
    ranked.slice(0, 10).forEach((c, i) => {
      console.log(
        `${String(i + 1).padStart(4)}  ${c.siteScore.score.toFixed(1).padStart(5)}  ${String(c.siteScore.pagesScored).padStart(5)}  ${c.siteScore.siteKind.padEnd(9)}  ${c.site.padEnd(24)}  ${c.name}`,
      );
    });
  } finally {
    store.close();
  }
  const never = web.log.filter((r) => r.site === 'offtopic' || r.path.startsWith('/drafts/'));
  console.log(`\nrequests: ${web.log.length}; to the off-topic site or robots-disallowed paths: ${never.length}`);
} finally {
  await web.close();
}
