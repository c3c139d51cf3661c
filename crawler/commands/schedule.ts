// `mentor-radar schedule --cron "EXPR" [URL...] [crawl options]`: a long-running process that
// runs a crawl on every tick (never two at once) and recrawls known candidates.
import { Cron } from 'croner';
import type { CrawlReport } from '../report.ts';
import type { CommandSpec, Context, Values } from './common.ts';
import { UsageError, clean, intOption, oneLine, safeJson, stringOption, stripControls } from './common.ts';
import { CRAWL_OPTIONS, CRAWL_OPTIONS_HELP, crawlSettings, toCrawlOptions } from './crawl-options.ts';
import { open } from './db.ts';

const help = `Usage: mentor-radar schedule --cron "EXPR" [URL...] [--seeds FILE] [crawl options]

Runs as a long-lived process: on each tick of the cron expression (5 fields, or 6 with
seconds first; croner syntax, local time) it runs one crawl from the seeds plus the known
candidates whose content is older than their adaptive recrawl interval (shorter for sites
that changed, longer for those that did not). Never two crawls at once: a tick that comes
while a crawl runs is skipped and logged, and so is a tick while another process crawls the
same store (the store's lease). Each run's report is logged on stderr. Ctrl-C stops it (a
running crawl is stopped cleanly, everything scored is saved). With --max-runs, the exit code
is 1 when a tick could not crawl.

Between ticks it looks at the bookmark queue every 30 s: a site a bookmark queued (synced or
imported, not read by the crawler since) gets its own deep crawl, as \`crawl --queued\` does.

Options:
  --cron "EXPR"        when to crawl, e.g. "0 3 * * 1" (Mondays 03:00)
  --now                also run one crawl right away
  --max-runs N         exit after N ticks (default: run until stopped)
  --queue-poll S       look at the bookmark queue every S seconds (default 30; 0 = never)
${CRAWL_OPTIONS_HELP.replace('print the crawl report as JSON', 'print each crawl report as one JSON line on stdout')}
  -h, --help           this help

Prefer the system's cron? Put \`mentor-radar crawl\` in a crontab instead, e.g.
  0 3 * * 1  cd /path/to/mentor-radar && npx mentor-radar crawl --seeds seeds/default.txt
`;

/** Validates a cron expression with croner; the error is one line. */
export function validateCron(expr: string): Date {
  let job: Cron;
  try {
    job = new Cron(expr, { paused: true });
  } catch (e) {
    throw new UsageError(`bad --cron expression ${JSON.stringify(clean(expr).slice(0, 60))}: ${oneLine(e)}`);
  }
  const next = job.nextRun();
  job.stop();
  if (!next) throw new UsageError(`--cron ${JSON.stringify(clean(expr).slice(0, 60))} never fires`);
  return next;
}

async function run(values: Values, positionals: string[], ctx: Context): Promise<number> {
  const expr = stringOption(values, 'cron');
  if (expr === undefined) throw new UsageError('schedule: --cron "EXPR" is required (see mentor-radar schedule --help)');
  const next = validateCron(expr);
  const maxRuns = intOption(values, 'max-runs', { min: 1 });
  const queuePoll = intOption(values, 'queue-poll', { min: 0, max: 86_400 });
  const settings = await crawlSettings(values, positionals, ctx.io, { seedsRequired: false });
  const { runSchedule } = await import('../schedule.ts');
  const signal = ctx.signal();
  const json = values.json === true;
  ctx.io.stderr(`schedule ${clean(expr)}: next run ${next.toISOString()} (Ctrl-C to stop)\n`);
  const handle = runSchedule({
    cron: expr,
    crawlOptions: { ...toCrawlOptions(settings), progress: 'off' },
    signal,
    runAtStart: values.now === true,
    ...(maxRuns !== undefined ? { maxRuns } : {}),
    ...(queuePoll !== undefined ? { queuePollMs: queuePoll * 1000 } : {}),
    log: (line: string, report?: CrawlReport) => {
      for (const l of line.split('\n')) ctx.io.stderr(stripControls(l) + '\n');
      if (report && json) ctx.io.stdout(safeJson(report, 0) + '\n');
      if (report && !report.interrupted) {
        // This year's ranking, so that next year's `list --year` can show the movers.
        try {
          const store = open(settings.dbPath);
          try {
            store.snapshotYear(Number(ctx.now().slice(0, 4)));
          } finally {
            store.close();
          }
        } catch (e) {
          ctx.io.stderr(`snapshot failed: ${oneLine(e)}\n`);
        }
      }
    },
  });
  // A stop that came before the schedule was listening (an early Ctrl-C).
  if (signal.aborted) handle.stop();
  await handle.done;
  ctx.io.stderr(`schedule stopped after ${handle.runs} crawl(s)${handle.queueRuns ? ` and ${handle.queueRuns} crawl(s) of the bookmark queue` : ''}${handle.skipped ? `, ${handle.skipped} tick(s) skipped` : ''}${handle.failed ? `, ${handle.failed} tick(s) could not crawl` : ''}\n`);
  return handle.failed > 0 ? 1 : 0;
}

export const command: CommandSpec = {
  name: 'schedule',
  summary: 'crawl on a schedule',
  help,
  options: { cron: { type: 'string' }, now: { type: 'boolean' }, 'max-runs': { type: 'string' }, 'queue-poll': { type: 'string' }, ...CRAWL_OPTIONS },
  positionals: { min: 0, max: Infinity, name: 'seed URL' },
  run,
};
