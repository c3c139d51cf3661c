// `mentor-radar schedule --cron "EXPR" [URL...] [crawl options]`: a long-running process that
// runs a crawl on every tick (never two at once) and recrawls known candidates.
import { Cron } from 'croner';
import type { CommandSpec, Context, Values } from './common.ts';
import { UsageError, clean, oneLine, stringOption } from './common.ts';
import { CRAWL_OPTIONS, CRAWL_OPTIONS_HELP, crawlSettings } from './crawl-options.ts';

const help = `Usage: mentor-radar schedule --cron "EXPR" [URL...] [--seeds FILE] [crawl options]

Runs as a long-lived process: on each tick of the cron expression (5 or 6 fields, croner
syntax, local time) it runs one crawl from the seeds plus the known candidates whose content
is older than their adaptive recrawl interval, never two crawls at once, and logs each
run's report. Ctrl-C stops it (a running crawl is stopped cleanly and saved).

Options:
  --cron "EXPR"        when to crawl, e.g. "0 3 * * 1" (Mondays 03:00)
${CRAWL_OPTIONS_HELP}
  -h, --help           this help

System cron instead: 0 3 * * 1  cd /path/to/mentor-radar && npx mentor-radar crawl --seeds seeds/default.txt
`;

/** Validates a cron expression with croner; the error is one line. */
export function validateCron(expr: string): Cron {
  try {
    return new Cron(expr, { paused: true });
  } catch (e) {
    throw new UsageError(`bad --cron expression ${JSON.stringify(clean(expr).slice(0, 60))}: ${oneLine(e)}`);
  }
}

async function run(values: Values, positionals: string[], ctx: Context): Promise<number> {
  const expr = stringOption(values, 'cron');
  if (expr === undefined) throw new UsageError('schedule: --cron "EXPR" is required (see mentor-radar schedule --help)');
  const probe = validateCron(expr);
  const next = probe.nextRun();
  probe.stop();
  if (!next) throw new UsageError(`--cron ${JSON.stringify(clean(expr))} never fires`);
  const settings = await crawlSettings(values, positionals, ctx.io, { seedsRequired: false });
  const { runSchedule } = await import('../schedule.ts');
  const signal = ctx.signal();
  const json = values.json === true;
  ctx.io.stderr(`scheduled: ${clean(expr)}; next run ${next.toISOString()} (Ctrl-C to stop)\n`);
  await runSchedule({
    cron: expr,
    crawl: settings,
    signal,
    log: (line: string) => ctx.io.stderr(clean(line) + '\n'),
    onReport: (report: unknown) => {
      if (json) ctx.io.stdout(JSON.stringify(report) + '\n');
    },
  });
  return 0;
}

export const command: CommandSpec = {
  name: 'schedule',
  summary: 'crawl on a schedule',
  help,
  options: { cron: { type: 'string' }, ...CRAWL_OPTIONS },
  positionals: { min: 0, max: Infinity, name: 'seed URL' },
  run,
};
