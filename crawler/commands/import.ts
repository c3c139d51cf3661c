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
known). The whole file is checked first: a bad file changes nothing. A bookmarked site the
crawler has not read since the bookmark is queued for a crawl of its own (mentor-radar crawl
--queued, or a running schedule).

Options:
${DB_HELP}
  --json             print {"imported":N,"added":M,"merged":K,"queuedForCrawl":Q}
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
  const { queueBookmarkedCandidates } = await import('../bookmark-queue.ts');
  const { result, queued } = await withStore(dbPath(values, ctx.io), {}, (store) => {
    const merged = store.mergeCandidates(candidates);
    // Bookmarked sites the crawler never read wait in the crawl queue (issue 11; crawl --queued).
    return { result: merged, queued: queueBookmarkedCandidates(store, candidates, ctx.now()) };
  });
  if (values.json) ctx.io.stdout(safeJson({ ...result, queuedForCrawl: queued.length }) + '\n');
  else ctx.io.stdout(`imported ${result.imported} (new ${result.added}, merged ${result.merged})${queued.length ? `; ${queued.length} bookmarked site(s) queued for a crawl (mentor-radar crawl --queued)` : ''}\n`);
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
