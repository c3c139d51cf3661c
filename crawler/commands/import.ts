// `mentor-radar import FILE [--db FILE]`: an export (the extension's or ours, JSON or CSV)
// merged into the store by site. All or nothing: the whole file is validated first, then
// written in one transaction; a bad file changes nothing.
import { ImportError, parseCandidates } from '../../scoring/index.ts';
import type { Candidate } from '../../scoring/index.ts';
import type { CommandSpec, Context, Values } from './common.ts';
import { CliError, DB_HELP, clean, dbPath, oneLine, readInputFile, safeJson } from './common.ts';
import { withStore } from './db.ts';

/** Imports larger than this are surely not a candidates export. */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

const help = `Usage: mentor-radar import FILE [--db FILE] [--json]

Merges a candidates export into the store: the extension's or our own, JSON (full fidelity)
or CSV. Each record is merged by site with the existing candidate (decisions, notes and tags
are kept); the pages a JSON export carries join the site's, and the site is scored from all
its pages (a CSV row, which has none, keeps its score only until a page of the site is
known). The whole file is checked first: a bad file changes nothing.

Options:
${DB_HELP}
  --json             print {"imported":N,"added":M,"merged":K}
  -h, --help         this help
`;

export async function readCandidatesFile(arg: string, cwd: string, now: string): Promise<Candidate[]> {
  const { bytes } = await readInputFile(arg, cwd, { maxBytes: MAX_IMPORT_BYTES, what: 'a JSON or CSV export' });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CliError(`${clean(arg)}: not UTF-8 text`);
  }
  try {
    return parseCandidates(text, now);
  } catch (e) {
    if (e instanceof ImportError) throw new CliError(`${clean(arg)}: ${oneLine(e)}`);
    throw e;
  }
}

async function run(values: Values, positionals: string[], ctx: Context): Promise<number> {
  const candidates = await readCandidatesFile(positionals[0], ctx.io.cwd, ctx.now());
  const result = await withStore(dbPath(values, ctx.io), {}, (store) => store.mergeCandidates(candidates));
  if (values.json) ctx.io.stdout(safeJson(result) + '\n');
  else ctx.io.stdout(`imported ${result.imported} (new ${result.added}, merged ${result.merged})\n`);
  return 0;
}

export const command: CommandSpec = {
  name: 'import',
  summary: 'merge an export into the store',
  help,
  options: { db: { type: 'string' }, json: { type: 'boolean' } },
  positionals: { min: 1, max: 1, name: 'FILE' },
  run,
};
