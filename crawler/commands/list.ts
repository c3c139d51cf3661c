// `mentor-radar list [--db FILE] [--top N] [--year YYYY] [--search TEXT]`: the ranked table, each
// site under its real name (the curator's rename, else the name its pages give: scoring/identity.ts).
import { candidateName, candidateSearchText, matchesWords, rankCandidates, searchWords } from '../../scoring/index.ts';
import type { Candidate } from '../../scoring/index.ts';
import type { CommandSpec, Context, Values } from './common.ts';
import { DB_HELP, clean, dbPath, fit, intOption, pad, safeJson, stringOption, yearOption } from './common.ts';
import { withStore } from './db.ts';

const help = `Usage: mentor-radar list [--db FILE] [--top N] [--year YYYY] [--search TEXT] [--json]

Shows the candidates ranked by site score: rank, score, kind, decision, site, name, pages
scored and mentoring pages. The name is the curator's rename, else the site's own name (its
og:site_name, JSON-LD name, the part its page titles share, its feed's title, its home page's
title, else its host). With --year, the ranking as of that roundup year (freshness measured
against it) and a "move" column against the previous year's snapshot, when there is one.

Options:
${DB_HELP}
  --top N            show the first N (default 50; 0 = all)
  --year YYYY        rank as of this roundup year
  --search TEXT      only the sites whose name, site, tags or notes contain every word of TEXT
                     (any case); the ranks stay those of the whole list
  --json             print the rows as a JSON array instead of a table
  -h, --help         this help
`;

export interface ListRow {
  rank: number;
  score: number;
  kind: string;
  decision: string;
  site: string;
  name: string;
  pages: number;
  mentoringPages: number;
  /** Rank change against the previous year's snapshot: positive = moved up; null = new. Only with --year. */
  move?: number | null;
}

/** Ranks in a snapshot (site -> score), best first, ties by site key. */
function snapshotRanks(snap: Map<string, number>): Map<string, number> {
  const sorted = [...snap.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return new Map(sorted.map(([site], i) => [site, i + 1]));
}

export function buildRows(candidates: Candidate[], previous?: Map<string, number>): ListRow[] {
  const prevRanks = previous && previous.size ? snapshotRanks(previous) : undefined;
  return rankCandidates(candidates).map((c, i) => {
    const row: ListRow = {
      rank: i + 1,
      score: Math.round(c.siteScore.score * 10) / 10,
      kind: c.siteScore.siteKind,
      decision: c.decision,
      site: c.site,
      name: candidateName(c),
      pages: c.siteScore.pagesScored,
      mentoringPages: c.siteScore.mentoringPages,
    };
    if (prevRanks) {
      const before = prevRanks.get(c.site);
      row.move = before === undefined ? null : before - row.rank;
    }
    return row;
  });
}

function moveText(m: number | null | undefined): string {
  if (m === null) return 'new';
  if (m === undefined) return '';
  if (m > 0) return `↑${m}`;
  if (m < 0) return `↓${-m}`;
  return '=';
}

export function formatTable(rows: ListRow[], columns = 100, withMove = false): string {
  const width = Math.max(60, columns);
  const head = { rank: '#', score: 'score', move: 'move', kind: 'kind', decision: 'decision', site: 'site', name: 'name', pages: 'pages', ment: 'mentoring' };
  const w = {
    rank: Math.max(1, ...rows.map((r) => String(r.rank).length)),
    score: 5,
    move: withMove ? 4 : 0,
    kind: 9,
    decision: 9,
    pages: 5,
    ment: 9,
  };
  const fixed = w.rank + w.score + (withMove ? w.move + 2 : 0) + w.kind + w.decision + w.pages + w.ment + 2 * 6;
  const flexible = Math.max(10, width - fixed - 2);
  const siteW = Math.min(Math.max(4, ...rows.map((r) => [...clean(r.site)].length)), Math.max(8, Math.floor(flexible * 0.45)));
  const nameW = Math.max(4, Math.min(flexible - siteW, Math.max(...rows.map((r) => [...clean(r.name)].length))));
  const line = (cells: { rank: string; score: string; move: string; kind: string; decision: string; site: string; name: string; pages: string; ment: string }) =>
    [
      pad(cells.rank, w.rank, true),
      pad(cells.score, w.score, true),
      ...(withMove ? [pad(cells.move, w.move)] : []),
      pad(cells.kind, w.kind),
      pad(cells.decision, w.decision),
      pad(fit(cells.site, siteW), siteW),
      pad(fit(cells.name, nameW), nameW),
      pad(cells.pages, w.pages, true),
      pad(cells.ment, w.ment, true),
    ]
      .join('  ')
      .trimEnd();
  const out = [line(head)];
  for (const r of rows) {
    out.push(
      line({
        rank: String(r.rank),
        score: r.score.toFixed(1),
        move: moveText(r.move),
        kind: clean(r.kind),
        decision: clean(r.decision),
        site: clean(r.site),
        name: clean(r.name),
        pages: String(r.pages),
        ment: String(r.mentoringPages),
      }),
    );
  }
  return out.join('\n') + '\n';
}

async function run(values: Values, _pos: string[], ctx: Context): Promise<number> {
  const top = intOption(values, 'top', { min: 0 }) ?? 50;
  const year = yearOption(values);
  const words = searchWords(stringOption(values, 'search') ?? '');
  return withStore(dbPath(values, ctx.io), { readonly: true }, (store) => {
    const all = store.listCandidates({ year });
    const previous = year !== undefined ? store.snapshot(year - 1) : undefined;
    const found = words.length ? new Set(all.filter((c) => matchesWords(candidateSearchText(c), words)).map((c) => c.site)) : undefined;
    const matching = buildRows(all, previous).filter((r) => !found || found.has(r.site));
    const rows = matching.slice(0, top === 0 ? Infinity : top);
    if (values.json) {
      ctx.io.stdout(safeJson(rows) + '\n');
      return 0;
    }
    if (rows.length === 0) {
      ctx.io.stdout(found ? 'No site matches the search.\n' : 'No candidates yet. Run `mentor-radar crawl` or `mentor-radar import FILE`.\n');
      return 0;
    }
    const withMove = rows.some((r) => r.move !== undefined);
    ctx.io.stdout(formatTable(rows, ctx.io.columns ?? 120, withMove));
    if (matching.length > rows.length) ctx.io.stdout(`(${rows.length} of ${matching.length}; --top 0 shows all)\n`);
    return 0;
  });
}

export const command: CommandSpec = {
  name: 'list',
  summary: 'show the ranked candidates',
  help,
  options: { db: { type: 'string' }, top: { type: 'string' }, year: { type: 'string' }, search: { type: 'string' }, json: { type: 'boolean' } },
  positionals: { min: 0, max: 0 },
  run,
};
