// Shared plumbing for the CLI commands: the output abstraction (so every command runs
// in-process in tests), errors with exit codes, option parsing helpers and the terminal
// sanitiser for page-derived strings.
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import { DEFAULT_DB_PATH } from '../constants.ts';

export type Writer = (text: string) => void;

/** Everything a command may touch of the outside world. `main()` builds it from `process`. */
export interface Io {
  stdout: Writer;
  stderr: Writer;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Terminal width of stdout, when it is a terminal. */
  columns?: number;
  isTTY?: boolean;
  /** stderr is a terminal: the crawl progress is one line rewritten in place. */
  stderrIsTTY?: boolean;
  /** Without a terminal, print a progress line every 10 s (the real CLI; tests leave it off). */
  progressLines?: boolean;
  /**
   * Aborts long-running commands (crawl, schedule, serve). Tests pass their own; without it
   * the CLI wires SIGINT/SIGTERM to an internal controller.
   */
  signal?: AbortSignal;
}

export interface Context {
  io: Io;
  /** The signal that stops a long-running command (Ctrl-C). */
  signal: () => AbortSignal;
  /** ISO 8601 now; one clock for the whole command. */
  now: () => string;
}

/** A failure with an exit code; the message is printed as one line. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Bad command line: exit 2. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, 2);
    this.name = 'UsageError';
  }
}

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;
export type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

export interface CommandSpec {
  name: string;
  summary: string;
  /** The usage line(s) and option descriptions printed by `--help`. */
  help: string;
  options: OptionSpec;
  /** How many positionals the command takes. */
  positionals: { min: number; max: number; name?: string };
  run(values: Values, positionals: string[], ctx: Context): Promise<number>;
}

// C0 and C1 controls (ESC, CSI 0x9b, BEL, backspace, CR ...), DEL, bidi overrides and
// isolates, line/paragraph separators: nothing a page wrote may move the cursor, recolour
// the terminal or reorder what the curator reads.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** A page-derived string made safe to print on a terminal: one line, no control characters. */
export function clean(s: unknown): string {
  return String(s ?? '')
    .replace(CONTROL, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Control characters replaced by spaces, nothing else changed (keeps alignment). */
export function stripControls(s: string): string {
  return s.replace(CONTROL, ' ');
}

/** Fit to `width` characters (code points), with an ellipsis when cut. */
export function fit(s: string, width: number): string {
  const chars = [...s];
  if (width <= 0) return '';
  if (chars.length <= width) return s;
  return chars.slice(0, Math.max(0, width - 1)).join('') + '…';
}

export function pad(s: string, width: number, right = false): string {
  const n = [...s].length;
  const fill = ' '.repeat(Math.max(0, width - n));
  return right ? fill + s : s + fill;
}

/**
 * JSON for stdout: JSON.stringify escapes C0 controls but leaves DEL, the C1 range (0x9b is a
 * CSI on many terminals), bidi controls and U+2028/9 raw. Escaping them keeps the same data.
 */
export function safeJson(value: unknown, indent = 2): string {
  return JSON.stringify(value, null, indent).replace(
    /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (ch) => '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0'),
  );
}

export function intOption(values: Values, name: string, opts: { min?: number; max?: number } = {}): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const s = String(raw).trim();
  const min = opts.min ?? 0;
  const max = opts.max ?? Number.MAX_SAFE_INTEGER;
  if (!/^\d+$/.test(s) || Number(s) < min || Number(s) > max) {
    const range = opts.max === undefined ? `>= ${min}` : `${min}..${max}`;
    throw new UsageError(`--${name} must be an integer ${range}, got ${JSON.stringify(clean(s).slice(0, 40))}`);
  }
  return Number(s);
}

export function yearOption(values: Values): number | undefined {
  return intOption(values, 'year', { min: 1990, max: 2200 });
}

export function stringOption(values: Values, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}


/** `--db FILE`, else MENTOR_RADAR_DB, else ./data/mentor-radar.db, resolved against the cwd. */
export function dbPath(values: Values, io: Io): string {
  const p = stringOption(values, 'db') ?? io.env.MENTOR_RADAR_DB ?? DEFAULT_DB_PATH;
  if (!p.trim()) throw new UsageError('--db needs a file name');
  return resolve(io.cwd, p);
}

/** The message of anything thrown, as one line. */
export function oneLine(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return clean(msg.split('\n')[0] || msg) || 'unknown error';
}

export function dbOption(): OptionSpec {
  return { db: { type: 'string' } };
}

export const DB_HELP = '  --db FILE          SQLite store (default ./data/mentor-radar.db, or $MENTOR_RADAR_DB)';

/**
 * Reads a local file named on the command line, with a one-line error for each usual mistake
 * (missing, a directory, not a regular file, too large, unreadable, empty, binary). `what` names
 * what the file should be ("HTML", "a JSON or CSV export"); `notFoundHint` is appended to "no such file".
 */
export async function readInputFile(
  arg: string,
  cwd: string,
  opts: { maxBytes: number; what: string; notFoundHint?: string; /** false: the caller decodes and judges binary content itself (UTF-16 has NULs) */ binaryCheck?: boolean },
): Promise<{ bytes: Uint8Array; path: string }> {
  const path = resolve(cwd, arg);
  let info;
  try {
    info = await stat(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new CliError(`no such file: ${clean(arg)}${opts.notFoundHint ?? ''}`);
    throw new CliError(`cannot read ${clean(arg)}: ${oneLine(e)}`);
  }
  if (info.isDirectory()) throw new CliError(`${clean(arg)} is a directory, not ${opts.what}`);
  if (!info.isFile()) throw new CliError(`${clean(arg)} is not a regular file`);
  if (info.size > opts.maxBytes) throw new CliError(`${clean(arg)} is too large (${info.size} bytes; at most ${opts.maxBytes})`);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw new CliError(`cannot read ${clean(arg)}: ${oneLine(e)}`);
  }
  if (bytes.length === 0) throw new CliError(`${clean(arg)} is empty`);
  // A NUL in the first 8 KB: an image, an archive, a database — never text.
  if (opts.binaryCheck !== false && bytes.subarray(0, 8192).includes(0)) throw new CliError(`${clean(arg)} is a binary file, not ${opts.what}`);
  return { bytes, path };
}
