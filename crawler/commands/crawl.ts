// `mentor-radar crawl [URL...] [--seeds FILE] [crawl options] [--json]`
import type { CrawlOptions } from '../crawl/run.ts';
import type { CrawlReport } from '../report.ts';
import { fetchedNothing, formatReport } from '../report.ts';
import type { CommandSpec, Context, Values } from './common.ts';
import { CliError, safeJson } from './common.ts';
import { withStore } from './db.ts';
import { CRAWL_OPTIONS, CRAWL_OPTIONS_HELP, crawlSettings, toCrawlOptions } from './crawl-options.ts';
import type { CliCrawlSettings } from './crawl-options.ts';

const help = `Usage: mentor-radar crawl [URL...] [--seeds FILE] [options]

Crawls from the seed URLs (best-first, polite, robots.txt honoured), scores every HTML page
and stores the sites as candidates. Ctrl-C stops cleanly: everything scored so far is
saved, and \`crawl --resume\` continues without refetching finished pages. One crawl per
store: a second one exits 1 naming the crawl that holds it (or waits, with --wait).

Options:
${CRAWL_OPTIONS_HELP}
  -h, --help           this help

Exit codes: 0 done, 1 failure (another crawl is using the store), 2 bad command line,
3 no page could be fetched at all (offline, seeds unreachable, blocked or 4xx/5xx),
130 interrupted.

Example: mentor-radar crawl --seeds seeds/default.txt --max-pages 500
`;

/** Runs one crawl with the settings and the live progress line; returns the report. */
export async function crawlOnce(settings: CliCrawlSettings, ctx: Context, opts: { signal: AbortSignal; extra?: Partial<CrawlOptions> }): Promise<CrawlReport> {
  const { runCrawl } = await import('../crawl/run.ts');
  const { LeaseHeldError } = await import('../crawl/lease.ts');
  let report: CrawlReport;
  try {
    report = await runCrawl({
      ...toCrawlOptions(settings),
      progress: ctx.io.stderrIsTTY ? 'tty' : ctx.io.progressLines ? 'lines' : 'off',
      progressOut: ctx.io.stderr,
      signal: opts.signal,
      ...opts.extra,
    });
  } catch (e) {
    if (e instanceof LeaseHeldError) throw new CliError(`${e.message} (wait for it, or pass --wait)`);
    throw e;
  }
  // This year's ranking, so that next year's `list --year` can show the movers.
  if (!report.interrupted) {
    await withStore(settings.dbPath, {}, (store) => store.snapshotYear(Number(ctx.now().slice(0, 4))));
  }
  return report;
}

async function run(values: Values, positionals: string[], ctx: Context): Promise<number> {
  const settings = await crawlSettings(values, positionals, ctx.io, { seedsRequired: true });
  const json = values.json === true;
  const report = await crawlOnce(settings, ctx, { signal: ctx.signal() });
  ctx.io.stdout(json ? safeJson(report) + '\n' : formatReport(report) + '\n');
  if (report.interrupted) {
    ctx.io.stderr('mentor-radar: crawl interrupted; everything scored so far is saved (continue with --resume)\n');
    return 130;
  }
  if (fetchedNothing(report)) {
    ctx.io.stderr('mentor-radar: the crawl could fetch no page at all (check the seeds and the network)\n');
    return 3;
  }
  return 0;
}

export const command: CommandSpec = {
  name: 'crawl',
  summary: 'crawl and store',
  help,
  options: CRAWL_OPTIONS,
  positionals: { min: 0, max: Infinity, name: 'seed URL' },
  run,
};
