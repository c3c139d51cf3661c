// The `mentor-radar` command line: `bin/mentor-radar.js` calls `main(argv)` and exits with
// the number it returns. Every failure is one line on stderr (`mentor-radar: ...`); a stack
// trace only with DEBUG=1. Commands live in crawler/commands/<name>.ts and are loaded lazily,
// so `score` never opens SQLite and `list` never loads the crawler.
import { parseArgs } from 'node:util';
import type { CommandSpec, Context, Io } from './commands/common.ts';
import { CliError, UsageError, clean, oneLine } from './commands/common.ts';

export type { Io } from './commands/common.ts';

const COMMANDS: Record<string, { summary: string; load: () => Promise<{ command: CommandSpec }> }> = {
  crawl: { summary: 'crawl from seed URLs and store the scored sites', load: () => import('./commands/crawl.ts') },
  schedule: { summary: 'run a crawl on a cron schedule (long-running)', load: () => import('./commands/schedule.ts') },
  score: { summary: 'score one page (URL or HTML file) and explain the score', load: () => import('./commands/score.ts') },
  list: { summary: 'show the ranked candidates', load: () => import('./commands/list.ts') },
  export: { summary: 'write the ranked candidates as CSV, JSON or a Markdown draft', load: () => import('./commands/export.ts') },
  import: { summary: "merge an export (the extension's or ours) into the store", load: () => import('./commands/import.ts') },
  decide: { summary: "set the curator's picks on a site: decision, rank, best three, blurb, name, note, tags", load: () => import('./commands/decide.ts') },
  badge: { summary: 'write the winner badge of a site (SVG) and print its embed snippet', load: () => import('./commands/badge.ts') },
  train: { summary: "learn from the curator's decisions (or --reset to the shipped model)", load: () => import('./commands/train.ts') },
  serve: { summary: 'loopback sync API for the browser extension', load: () => import('./commands/serve.ts') },
};

const VERSION = '0.1.0';

function generalHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  const lines = Object.entries(COMMANDS).map(([n, c]) => `  ${n.padEnd(width)}  ${c.summary}`);
  return [
    'mentor-radar: find and rank mentoring blogs and company sites',
    '',
    'Usage: mentor-radar <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Run `mentor-radar <command> --help` for the options of one command.',
    'Exit codes: 0 ok, 1 failure or bad input, 2 bad command line, 130 interrupted.',
    '',
  ].join('\n');
}

function processIo(): Io {
  // `mentor-radar export | head`: a closed pipe is not an error worth a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  return {
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    env: process.env,
    cwd: process.cwd(),
    columns: process.stdout.isTTY ? process.stdout.columns : undefined,
    isTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    progressLines: true,
  };
}

/** Turn node:util parseArgs errors into one short line with a hint. */
function parseError(e: unknown, cmd: string): UsageError {
  const err = e as { code?: string; message?: string };
  const msg = String(err.message ?? e);
  const quoted = /'([^']+)'/.exec(msg)?.[1];
  const hint = `(see mentor-radar ${cmd} --help)`;
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new UsageError(`${cmd}: unknown option ${clean(quoted ?? msg)} ${hint}`);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const opt = /^Option '(-[^' ]+)/.exec(msg)?.[1] ?? quoted ?? '';
      if (/argument missing/.test(msg)) return new UsageError(`${cmd}: ${opt} needs a value ${hint}`);
      if (/ambiguous/.test(msg)) return new UsageError(`${cmd}: ${opt} needs a value; for one starting with "-" write ${opt}=VALUE ${hint}`);
      return new UsageError(`${cmd}: ${opt} takes no value ${hint}`);
    }
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return new UsageError(`${cmd}: unexpected argument ${clean(quoted ?? msg)} ${hint}`);
    default:
      return new UsageError(`${cmd}: ${oneLine(e)} ${hint}`);
  }
}

function makeContext(io: Io): { ctx: Context; dispose: () => void } {
  let controller: AbortController | undefined;
  let handlers: Array<[NodeJS.Signals, () => void]> = [];
  const ctx: Context = {
    io,
    now: () => new Date().toISOString(),
    signal: () => {
      if (io.signal) return io.signal;
      if (!controller) {
        controller = new AbortController();
        const c = controller;
        const onSignal = () => {
          if (c.signal.aborted) {
            // A second Ctrl-C: the curator means it.
            io.stderr('mentor-radar: stopped\n');
            process.exit(130);
          }
          io.stderr('mentor-radar: stopping (Ctrl-C again to quit at once)\n');
          c.abort();
        };
        handlers = [
          ['SIGINT', onSignal],
          ['SIGTERM', onSignal],
        ];
        for (const [sig, h] of handlers) process.on(sig, h);
      }
      return controller.signal;
    },
  };
  const dispose = () => {
    for (const [sig, h] of handlers) process.off(sig, h);
    handlers = [];
  };
  return { ctx, dispose };
}

export async function main(argv: string[], ioArg?: Io): Promise<number> {
  const io = ioArg ?? processIo();
  const debug = io.env.DEBUG === '1' || io.env.DEBUG === 'true';
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr('mentor-radar: missing command (see mentor-radar --help)\n');
    return 2;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    const topic = first === 'help' ? rest[0] : undefined;
    if (topic && Object.hasOwn(COMMANDS, topic)) {
      io.stdout((await COMMANDS[topic].load()).command.help);
      return 0;
    }
    io.stdout(generalHelp());
    return 0;
  }
  if (first === '--version' || first === '-V') {
    io.stdout(`mentor-radar ${VERSION}\n`);
    return 0;
  }
  if (!Object.hasOwn(COMMANDS, first)) {
    const what = first.startsWith('-') ? 'option' : 'command';
    io.stderr(`mentor-radar: unknown ${what} ${JSON.stringify(clean(first).slice(0, 60))} (see mentor-radar --help)\n`);
    return 2;
  }
  const { ctx, dispose } = makeContext(io);
  try {
    const { command } = await COMMANDS[first].load();
    let parsed: ReturnType<typeof parseArgs>;
    try {
      parsed = parseArgs({
        args: rest,
        options: { ...command.options, help: { type: 'boolean', short: 'h' } },
        allowPositionals: true,
        strict: true,
      });
    } catch (e) {
      throw parseError(e, first);
    }
    if (parsed.values.help) {
      io.stdout(command.help);
      return 0;
    }
    const { min, max, name } = command.positionals;
    if (parsed.positionals.length < min) {
      throw new UsageError(`${first}: missing ${name ?? 'argument'} (see mentor-radar ${first} --help)`);
    }
    if (parsed.positionals.length > max) {
      const extra = parsed.positionals[max];
      throw new UsageError(`${first}: unexpected argument ${JSON.stringify(clean(extra).slice(0, 60))} (see mentor-radar ${first} --help)`);
    }
    return await command.run(parsed.values, parsed.positionals, ctx);
  } catch (e) {
    const code = e instanceof CliError ? e.exitCode : 1;
    io.stderr(`mentor-radar: ${oneLine(e)}\n`);
    if (debug && e instanceof Error && e.stack) io.stderr(e.stack + '\n');
    return code;
  } finally {
    dispose();
  }
}
