// `mentor-radar export [--db FILE] [--format csv|json|md] [--top N] [--year YYYY] [--with-shortlist] [--out FILE]`
// Only scoring's serialisers write the output: one definition of the columns, one roundup draft
// (the dashboard's Markdown button calls the same candidatesToMarkdown with the same options).
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { candidatesToCsv, candidatesToJson, candidatesToMarkdown } from '../../scoring/index.ts';
import type { CommandSpec, Context, Values } from './common.ts';
import { CliError, DB_HELP, UsageError, clean, dbPath, intOption, oneLine, stringOption, yearOption } from './common.ts';
import { withStore } from './db.ts';

const FORMATS = ['csv', 'json', 'md'] as const;
type Format = (typeof FORMATS)[number];

const help = `Usage: mentor-radar export [--db FILE] [--format csv|json|md] [--top N] [--year YYYY]
                           [--with-shortlist] [--out FILE]

Writes the ranked candidates: csv (one row per site, the columns in the README, UTF-8 with a
BOM, formula-safe; \`import\` reads it back), json (full fidelity; what \`mentor-radar import\`
and the extension read back) or md (the roundup draft: the included sites in the curator's
order, then "The best three"; no other site, no private note). Default: csv on stdout.

Options:
${DB_HELP}
  --format F         csv (default), json or md
  --top N            only the first N (csv, json: of the ranking; md: of the roundup's list)
  --year YYYY        rank as of this roundup year (md: the article's year; default this year)
  --with-shortlist   md: the shortlisted sites too, each marked "(shortlisted)"
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
        return candidatesToMarkdown(candidates, { top, year, withShortlist: values['with-shortlist'] === true });
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
  options: {
    db: { type: 'string' },
    format: { type: 'string' },
    top: { type: 'string' },
    year: { type: 'string' },
    'with-shortlist': { type: 'boolean' },
    out: { type: 'string' },
  },
  positionals: { min: 0, max: 0 },
  run,
};
