// `mentor-radar decide SITE --decision include|exclude|shortlist|undecided [--note TEXT] [--tag T ...]`
import { DECISIONS, isDecision, siteKey } from '../../scoring/index.ts';
import type { CommandSpec, Context, Values } from './common.ts';
import { CliError, DB_HELP, UsageError, clean, dbPath, safeJson, stringOption } from './common.ts';
import { withStore } from './db.ts';

const help = `Usage: mentor-radar decide SITE --decision include|exclude|shortlist|undecided [--note TEXT] [--tag T ...] [--db FILE]

Records the curator's decision on a candidate. SITE is the site key shown by \`list\`
(example.org), or any URL of the site. --note adds a line to the notes; each --tag adds a tag
(existing tags and notes are kept).

Options:
  --decision D       include, exclude, shortlist or undecided (required)
  --note TEXT        add a line to the curator's notes
  --tag T            add a tag (repeatable)
${DB_HELP}
  --json             print the updated candidate as JSON
  -h, --help         this help
`;

async function run(values: Values, positionals: string[], ctx: Context): Promise<number> {
  const decision = stringOption(values, 'decision');
  if (decision === undefined) throw new UsageError('decide: --decision is required (include, exclude, shortlist or undecided)');
  if (!isDecision(decision)) throw new UsageError(`--decision must be one of ${DECISIONS.join(', ')}, got ${JSON.stringify(clean(decision).slice(0, 30))}`);
  let site: string;
  try {
    site = siteKey(positionals[0].trim());
  } catch {
    throw new CliError(`not a site: ${JSON.stringify(clean(positionals[0]).slice(0, 100))}`);
  }
  const note = stringOption(values, 'note');
  const tags = Array.isArray(values.tag) ? (values.tag as string[]).map((t) => t.trim()).filter(Boolean) : undefined;
  return withStore(dbPath(values, ctx.io), { mustExist: true }, (store) => {
    if (!store.getCandidate(site)) throw new CliError(`unknown site: ${clean(site)} (see mentor-radar list)`);
    const updated = store.decide(site, { decision, note, tags });
    if (values.json) ctx.io.stdout(safeJson(updated) + '\n');
    else ctx.io.stdout(`${clean(site)}: ${decision}${updated.tags.length ? ` [${updated.tags.map(clean).join(', ')}]` : ''}\n`);
    return 0;
  });
}

export const command: CommandSpec = {
  name: 'decide',
  summary: 'set the decision of a site',
  help,
  options: {
    decision: { type: 'string' },
    note: { type: 'string' },
    tag: { type: 'string', multiple: true },
    db: { type: 'string' },
    json: { type: 'boolean' },
  },
  positionals: { min: 1, max: 1, name: 'SITE' },
  run,
};
