// `mentor-radar decide SITE [--decision D] [--rank N] [--best 1|2|3|0] [--blurb TEXT] [--name TEXT]
// [--note TEXT] [--tag T ...] [--untag T ...]`: the curator's picks on one site, any subset of
// them, through scoring's one edit rule (applyRoundupChange) in one store transaction.
import { DECISIONS, PickError, candidateName, isDecision, siteKey } from '../../scoring/index.ts';
import type { BestPlace, Candidate, RoundupChange } from '../../scoring/index.ts';
import type { CommandSpec, Context, Values } from './common.ts';
import { CliError, DB_HELP, UsageError, clean, dbPath, fit, intOption, safeJson, stringOption } from './common.ts';
import { withStore } from './db.ts';
import type { DecideResult } from '../store/index.ts';

const help = `Usage: mentor-radar decide SITE [--decision D] [--rank N] [--best 1|2|3|0] [--blurb TEXT]
                           [--name TEXT] [--note TEXT] [--tag T ...] [--untag T ...] [--db FILE]

Records the curator's picks on one site: any of the options below, at least one. SITE is the
site key shown by \`list\` (example.org), or any URL of the site. Prints what changed, including
the sites a new rank or best place moved.

Options:
  --decision D       include, exclude, shortlist or undecided
  --rank N           the site's place in the roundup's list (1 = first; the others shift;
                     0 takes the rank away: the site follows the ranked ones, by score)
  --best P           its place among the best three: 1, 2 or 3 (whoever held it loses it); 0 clears
  --blurb TEXT       the public blurb the roundup prints for the site ('' clears it)
  --name TEXT        rename the site (wins over the name found on its pages; '' clears it)
  --note TEXT        add a line to the curator's private notes (never published)
  --tag T            add a tag (repeatable)
  --untag T          remove a tag (repeatable; any case)
  --with-shortlist   ranks count the shortlisted sites too (as export --format md --with-shortlist)
${DB_HELP}
  --json             print the updated candidate as JSON
  -h, --help         this help
`;

const PICK_OPTIONS = ['decision', 'rank', 'best', 'blurb', 'name', 'note', 'tag', 'untag'] as const;

function listOption(values: Values, name: string): string[] | undefined {
  const v = values[name];
  return Array.isArray(v) ? v.map(String) : undefined;
}

/** The command line as scoring's RoundupChange; a usage error (exit 2) for anything malformed. */
export function changeFromOptions(values: Values): RoundupChange {
  if (!PICK_OPTIONS.some((o) => values[o] !== undefined)) {
    throw new UsageError(`decide: nothing to change: give at least one of ${PICK_OPTIONS.map((o) => `--${o}`).join(', ')} (see mentor-radar decide --help)`);
  }
  const change: RoundupChange = {};
  const decision = stringOption(values, 'decision');
  if (decision !== undefined) {
    if (!isDecision(decision)) throw new UsageError(`--decision must be one of ${DECISIONS.join(', ')}, got ${JSON.stringify(clean(decision).slice(0, 30))}`);
    change.decision = decision;
  }
  const rank = intOption(values, 'rank', { min: 0, max: 100_000 });
  if (rank !== undefined) change.rank = rank;
  const best = intOption(values, 'best', { min: 0, max: 3 });
  if (best !== undefined) change.best = best as BestPlace | 0;
  for (const key of ['blurb', 'name', 'note'] as const) {
    const v = stringOption(values, key);
    if (v !== undefined) change[key] = v;
  }
  const tags = listOption(values, 'tag');
  if (tags) change.addTags = tags;
  const untags = listOption(values, 'untag');
  if (untags) change.removeTags = untags;
  return change;
}

// ------------------------------------------------------------------ what changed, in words

const show = (v: unknown): string => (v === undefined || v === '' ? 'none' : JSON.stringify(fit(clean(v), 60)));
const showNum = (v: number | undefined): string => (v === undefined ? 'none' : String(v));

/** The fields of one record that differ, as "field: before → after". */
export function describeChanges(before: Candidate, after: Candidate): string[] {
  const lines: string[] = [];
  const diff = (label: string, a: string, b: string) => {
    if (a !== b) lines.push(`${label}: ${a} → ${b}`);
  };
  diff('decision', before.decision, after.decision);
  diff('rank', showNum(before.roundupRank), showNum(after.roundupRank));
  diff('best', showNum(before.best), showNum(after.best));
  diff('blurb', show(before.blurb), show(after.blurb));
  if (before.nameOverride !== after.nameOverride) lines.push(`name: ${show(candidateName(before))} → ${show(candidateName(after))}`);
  if (before.notes !== after.notes) lines.push(`note added: ${show(after.notes.slice(before.notes.trimEnd().length).trim())}`);
  const tags = (c: Candidate) => (c.tags.length ? c.tags.map((t) => clean(t)).join(', ') : 'none');
  diff('tags', tags(before), tags(after));
  return lines;
}

function report(site: string, edit: DecideResult): string {
  const head = `${clean(site)} (${clean(candidateName(edit.candidate))})`;
  const own = describeChanges(edit.before, edit.candidate);
  const out = [own.length ? `${head}:` : `${head}: nothing changed`, ...own.map((l) => `  ${l}`)];
  const moved = edit.changed.filter((c) => c.after.site !== site);
  if (moved.length) out.push('also moved:');
  for (const { before, after } of moved) out.push(`  ${clean(after.site)} (${clean(candidateName(after))}): ${describeChanges(before, after).join('; ')}`);
  return out.join('\n') + '\n';
}

async function run(values: Values, positionals: string[], ctx: Context): Promise<number> {
  const change = changeFromOptions(values);
  let site: string;
  try {
    site = siteKey(positionals[0].trim());
  } catch {
    throw new CliError(`not a site: ${JSON.stringify(clean(positionals[0]).slice(0, 100))}`);
  }
  return withStore(dbPath(values, ctx.io), { mustExist: true }, (store) => {
    if (!store.getCandidate(site)) throw new CliError(`unknown site: ${clean(site)} (see mentor-radar list)`);
    let edit: DecideResult;
    try {
      edit = store.decide(site, change, ctx.now(), { withShortlist: values['with-shortlist'] === true });
    } catch (e) {
      if (e instanceof PickError) throw new UsageError(`decide: ${e.message}`);
      throw e;
    }
    if (values.json) ctx.io.stdout(safeJson(edit.candidate) + '\n');
    else ctx.io.stdout(report(site, edit));
    return 0;
  });
}

export const command: CommandSpec = {
  name: 'decide',
  summary: "set the curator's picks on a site",
  help,
  options: {
    decision: { type: 'string' },
    rank: { type: 'string' },
    best: { type: 'string' },
    blurb: { type: 'string' },
    name: { type: 'string' },
    note: { type: 'string' },
    tag: { type: 'string', multiple: true },
    untag: { type: 'string', multiple: true },
    'with-shortlist': { type: 'boolean' },
    db: { type: 'string' },
    json: { type: 'boolean' },
  },
  positionals: { min: 1, max: 1, name: 'SITE' },
  run,
};
