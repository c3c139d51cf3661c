// `mentor-radar crawl [URL...] [--seeds FILE] [crawl options] [--json]`
import type { CrawlOptions } from '../crawl/run.ts';
import { progressLine } from '../progress.ts';
import type { CrawlReport } from '../report.ts';
import { formatReport } from '../report.ts';
import type { CommandSpec, Context, Values } from './common.ts';
import { safeJson } from './common.ts';
import { withStore } from './db.ts';
import { CRAWL_OPTIONS, CRAWL_OPTIONS_HELP, crawlSettings, toCrawlOptions } from './crawl-options.ts';
import type { CliCrawlSettings } from './crawl-options.ts';

const help = `Usage: mentor-radar crawl [URL...] [--seeds FILE] [options]

Crawls from the seed URLs (best-first, polite, robots.txt honoured), scores every HTML page
and stores the sites as candidates. Ctrl-C stops cleanly: everything scored so far is
saved, and \`crawl --resume\` continues without refetching finished pages.

Options:
${CRAWL_OPTIONS_HELP}
  -h, --help           this help

Example: mentor-radar crawl --seeds seeds/default.txt --max-pages 500
`;

/** Runs one crawl with the settings and the live progress display; returns the report. */
export async function crawlOnce(
  settings: CliCrawlSettings,
  ctx: Context,
  opts: { signal: AbortSignal; extra?: Partial<CrawlOptions> },
): Promise<CrawlReport> {
  const { runCrawl } = await import('../crawl/run.ts');
  const live = Boolean(ctx.io.stderrIsTTY);
  let shown = false;
  let lastLine = 0;
  const report = await runCrawl({
    ...toCrawlOptions(settings),
    progress: 'off',
    signal: opts.signal,
    ...opts.extra,
    onProgress: (r: CrawlReport) => {
      if (r.finishedAt) return;
      if (live) {
        shown = true;
        ctx.io.stderr(`\r\x1b[2K${progressLine(r)}`);
      } else if (ctx.io.progressLines && Date.now() - lastLine >= 10_000) {
        lastLine = Date.now();
        ctx.io.stderr(`${new Date().toISOString().slice(11, 19)} ${progressLine(r)}\n`);
      }
    },
  });
  if (live && shown) ctx.io.stderr('\r\x1b[2K');
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
