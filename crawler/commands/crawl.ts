// `mentor-radar crawl [URL...] [--seeds FILE] [crawl options] [--json]`
import type { CrawlReport } from '../report.ts';
import { formatReport } from '../report.ts';
import type { CommandSpec, Context, Values } from './common.ts';
import { clean, safeJson } from './common.ts';
import { CRAWL_OPTIONS, CRAWL_OPTIONS_HELP, crawlSettings } from './crawl-options.ts';
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

export function progressLine(r: CrawlReport): string {
  const errors = Object.values(r.errors).reduce((a, b) => a + b, 0);
  return `pages ${r.pagesFetched}  sites ${r.sites}  relevant ${r.relevantPages}  harvest ${(r.harvestRate * 100).toFixed(1)}%  errors ${errors}  ${r.pagesPerSecond.toFixed(1)}/s`;
}

/** Runs one crawl with the settings, the progress display and the report; returns the report. */
export async function crawlOnce(settings: CliCrawlSettings, ctx: Context, opts: { json: boolean; signal: AbortSignal }): Promise<CrawlReport> {
  const { runCrawl } = await import('../crawl.ts');
  const live = Boolean(ctx.io.isTTY) && !opts.json;
  let shown = false;
  const report = await runCrawl({
    ...settings,
    signal: opts.signal,
    onProgress: (r: CrawlReport) => {
      if (!live) return;
      shown = true;
      ctx.io.stderr(`\r\x1b[2K${progressLine(r)}`);
    },
    log: (line: string) => {
      if (live && shown) ctx.io.stderr('\r\x1b[2K');
      ctx.io.stderr(clean(line) + '\n');
    },
  });
  if (live && shown) ctx.io.stderr('\r\x1b[2K');
  return report;
}

async function run(values: Values, positionals: string[], ctx: Context): Promise<number> {
  const settings = await crawlSettings(values, positionals, ctx.io, { seedsRequired: true });
  const json = values.json === true;
  const report = await crawlOnce(settings, ctx, { json, signal: ctx.signal() });
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
