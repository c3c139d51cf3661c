// `mentor-radar export [--db FILE] [--format csv|json|md] [--top N] [--year YYYY] [--out FILE]`
// Only scoring's serialisers write the output: one definition of the columns.
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { candidatesToCsv, candidatesToJson, candidatesToMarkdown } from '../../scoring/index.ts';
import type { CommandSpec, Context, Values } from './common.ts';
import { CliError, DB_HELP, UsageError, clean, dbPath, intOption, oneLine, stringOption, yearOption } from './common.ts';
import { withStore } from './db.ts';

const FORMATS = ['csv', 'json', 'md'] as const;
type Format = (typeof FORMATS)[number];

const help = `Usage: mentor-radar export [--db FILE] [--format csv|json|md] [--top N] [--year YYYY] [--out FILE]

Writes the ranked candidates: csv (one row per site, the columns in the README, formula-safe),
json (full fidelity; what \`mentor-radar import\` and the extension read back) or md (the
roundup draft: the ranked list, then the best three). Default: csv on stdout.

Options:
${DB_HELP}
  --format F         csv (default), json or md
  --top N            only the first N (md defaults to 20)
  --year YYYY        rank as of this roundup year (md: the article's year)
  --out FILE         write to FILE atomically (temp file + rename) instead of stdout
  -h, --help         this help
`;

/** Write `text` to `path` so that readers see the old file or the new one, never half of one. */
export async function writeAtomic(path: string, text: string): Promise<void> {
  const dir = dirname(path);
  try {
    if ((await stat(path)).isDirectory()) throw new CliError(`--out ${clean(path)} is a directory`);
  } catch (e) {
    if (e instanceof CliError) throw e;
  }
  await mkdir(dir, { recursive: true });
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, text, { flag: 'wx' });
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw new CliError(`cannot write ${clean(path)}: ${oneLine(e)}`);
  }
}

async function run(values: Values, _pos: string[], ctx: Context): Promise<number> {
  const format = (stringOption(values, 'format') ?? 'csv').toLowerCase();
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format must be csv, json or md, got ${JSON.stringify(clean(format).slice(0, 20))}`);
  }
  const top = intOption(values, 'top', { min: 1 });
  const year = yearOption(values);
  const out = stringOption(values, 'out');
  const text = await withStore(dbPath(values, ctx.io), { readonly: true }, (store) => {
    const candidates = store.listCandidates({ year });
    switch (format as Format) {
      case 'csv':
        return candidatesToCsv(candidates, { top });
      case 'json':
        // With each site's pages and activity: a reader scores the site from them (scoring/site-pages.ts).
        return candidatesToJson(store.withPages(top !== undefined ? candidates.slice(0, top) : candidates), ctx.now(), { top });
      case 'md':
        return candidatesToMarkdown(candidates, { top, year });
    }
  });
  if (out !== undefined) {
    if (!out.trim()) throw new UsageError('--out needs a file name');
    const path = resolve(ctx.io.cwd, out);
    await writeAtomic(path, text);
    ctx.io.stderr(`wrote ${clean(out)}\n`);
  } else {
    ctx.io.stdout(text);
  }
  return 0;
}

export const command: CommandSpec = {
  name: 'export',
  summary: 'write the ranked candidates',
  help,
  options: { db: { type: 'string' }, format: { type: 'string' }, top: { type: 'string' }, year: { type: 'string' }, out: { type: 'string' } },
  positionals: { min: 0, max: 0 },
  run,
};
