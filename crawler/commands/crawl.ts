// `mentor-radar crawl [URL...] [--seeds FILE] [crawl options] [--json]`
import type { CrawlOptions } from '../crawl/run.ts';
import type { CrawlReport } from '../report.ts';
import { fetchedNothing, formatReport } from '../report.ts';
import type { CommandSpec, Context, Values } from './common.ts';
import { CliError, UsageError, safeJson } from './common.ts';
import { withStore } from './db.ts';
import { CRAWL_OPTIONS, CRAWL_OPTIONS_HELP, crawlSettings, toCrawlOptions } from './crawl-options.ts';
import type { CliCrawlSettings } from './crawl-options.ts';
import { DEEP_PAGES_PER_SITE } from '../constants.ts';

const help = `Usage: mentor-radar crawl [URL...] [--seeds FILE] [options]
       mentor-radar crawl --queued [options]

Crawls from the seed URLs (best-first, polite, robots.txt honoured), scores every HTML page
and stores the sites as candidates. Ctrl-C stops cleanly: everything scored so far is
saved, and \`crawl --resume\` continues without refetching finished pages. One crawl per
store: a second one exits 1 naming the crawl that holds it (or waits, with --wait).

With --queued it crawls only the sites your bookmarks queued (a bookmark synced or imported
of a site the crawler has not read since): each from the bookmarked page and its home page,
staying on that site, up to ${DEEP_PAGES_PER_SITE} pages per site unless --pages-per-site says otherwise.
Done sites leave the queue; an interrupted crawl leaves them queued. A running schedule
does the same within a minute of a bookmark arriving.

Options:
${CRAWL_OPTIONS_HELP}
  --queued             crawl only the sites queued by bookmarks (no seeds)
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

/** `crawl --queued`: the sites bookmarks queued, and only those. */
async function runQueued(values: Values, positionals: string[], ctx: Context): Promise<number> {
  if (positionals.length > 0 || values.seeds !== undefined || values.resume === true) throw new UsageError('crawl --queued takes no seeds and no --resume: it crawls the sites bookmarks queued');
  const settings = await crawlSettings(values, positionals, ctx.io, { seedsRequired: false });
  const { runQueuedCrawl, QueueBlockedError } = await import('../crawl/queued.ts');
  const { LeaseHeldError } = await import('../crawl/lease.ts');
  const { seeds: _s, resume: _r, ...options } = toCrawlOptions(settings);
  let result;
  try {
    result = await runQueuedCrawl({ ...options, progress: ctx.io.stderrIsTTY ? 'tty' : ctx.io.progressLines ? 'lines' : 'off', progressOut: ctx.io.stderr, signal: ctx.signal() });
  } catch (e) {
    if (e instanceof LeaseHeldError) throw new CliError(`${e.message} (wait for it, or pass --wait)`);
    if (e instanceof QueueBlockedError) throw new CliError(e.message);
    throw e;
  }
  const report = result.report;
  if (!report) {
    ctx.io.stdout(values.json === true ? safeJson({ queued: 0 }) + '\n' : 'No site is queued: nothing to crawl.\n');
    return 0;
  }
  if (!report.interrupted) await withStore(settings.dbPath, {}, (store) => store.snapshotYear(Number(ctx.now().slice(0, 4))));
  const sites = result.entries.map((e) => e.site);
  if (values.json === true) ctx.io.stdout(safeJson({ ...report, queuedSites: sites, cleared: result.cleared }) + '\n');
  else {
    ctx.io.stdout(formatReport(report) + '\n');
    ctx.io.stdout(result.cleared ? `Crawled the ${sites.length} queued site(s): ${sites.join(', ')}; they left the queue.\n` : `The queued site(s) stay queued (${report.stoppedBecause}): ${sites.join(', ')}.\n`);
  }
  return exitFor(report, ctx);
}

function exitFor(report: CrawlReport, ctx: Context): number {
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

async function run(values: Values, positionals: string[], ctx: Context): Promise<number> {
  if (values.queued === true) return runQueued(values, positionals, ctx);
  const settings = await crawlSettings(values, positionals, ctx.io, { seedsRequired: true });
  const json = values.json === true;
  const report = await crawlOnce(settings, ctx, { signal: ctx.signal() });
  ctx.io.stdout(json ? safeJson(report) + '\n' : formatReport(report) + '\n');
  return exitFor(report, ctx);
}

export const command: CommandSpec = {
  name: 'crawl',
  summary: 'crawl and store',
  help,
  options: { ...CRAWL_OPTIONS, queued: { type: 'boolean' } },
  positionals: { min: 0, max: Infinity, name: 'seed URL' },
  run,
};
