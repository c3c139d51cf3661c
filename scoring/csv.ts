// CSV for spreadsheets: the one column list, UTF-8 with a BOM (so Excel reads “ ” as UTF-8),
// RFC 4180 quoting, every cell safe against formula injection, and an export → import → export
// round trip that leaves every cell as it was: the exporter's only additions (a leading
// apostrophe, list escapes) are undone exactly on import, nothing else is touched.
import type { Candidate } from './types.ts';
import { candidateName, rankCandidates } from './candidate.ts';

export const CSV_COLUMNS = [
  'rank',
  'site',
  'site_url',
  'name',
  'score',
  'relevance',
  'mentor_guidance',
  'program_guidance',
  'actionability',
  'quality',
  'freshness',
  'activity',
  'site_kind',
  'feed_url',
  'last_post_at',
  'pages_scored',
  'mentoring_pages',
  'best_page_url',
  'sources',
  'decision',
  'roundup_rank',
  'best',
  'blurb',
  'tags',
  'notes',
  'reasons',
  'author',
  'contact_url',
  'email',
  'social_links',
  'first_seen_at',
  'last_scored_at',
  'scorer_version',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Multi-valued cells (sources, tags, reasons, social_links): items joined with "; ". */
export const CSV_LIST_SEPARATOR = '; ';
export const UTF8_BOM = '\uFEFF';

/**
 * A list in one cell: items joined with "; "; inside an item, ";" is written "\;" and "\" is
 * written "\\", so a tag "a; b" or "x\y" comes back whole. On reading, only "\;" and "\\" are
 * escapes (any other backslash is a plain character, as typed in a spreadsheet), an unescaped
 * ";" ends an item and one space after it is skipped; items are not trimmed.
 */
export function encodeList(items: readonly string[]): string {
  let out = '';
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (i > 0) out += CSV_LIST_SEPARATOR;
    out += item.includes('\\') || item.includes(';') ? item.replace(/[\\;]/g, '\\$&') : item;
  }
  return out;
}

export function decodeList(cell: string): string[] {
  if (cell === '') return [];
  if (!cell.includes(';') && !cell.includes('\\')) return [cell];
  const items: string[] = [];
  let cur = '';
  for (let i = 0; i < cell.length; i++) {
    const ch = cell[i];
    if (ch === '\\' && (cell[i + 1] === '\\' || cell[i + 1] === ';')) {
      cur += cell[++i];
    } else if (ch === ';') {
      items.push(cur);
      cur = '';
      if (cell[i + 1] === ' ') i++;
    } else cur += ch;
  }
  items.push(cur);
  return items.filter((x) => x !== '');
}

/**
 * The first characters a spreadsheet reads as a formula (OWASP: = + - @ tab CR, plus their
 * full-width forms) and the apostrophe itself: such a cell gets one leading apostrophe, and on
 * import exactly one leading apostrophe is removed, so "'=x" typed by the curator survives too.
 */
function needsApostrophe(code: number): boolean {
  return code === 61 || code === 43 || code === 45 || code === 64 || code === 9 || code === 13 || code === 39 || code === 0xff1d || code === 0xff0b || code === 0xff0d || code === 0xff20;
}

const NEEDS_QUOTES = /[",\r\n]/;

/** One cell: apostrophe-guarded, quoted when it holds a quote, comma or line break (RFC 4180). */
export function csvCell(value: string): string {
  if (value === '') return value;
  const s = needsApostrophe(value.charCodeAt(0)) ? `'${value}` : value;
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Undo csvCell's guard: exactly one leading apostrophe (the quoting is the CSV parser's business). */
export function csvUncell(cell: string): string {
  return cell.charCodeAt(0) === 39 ? cell.slice(1) : cell;
}

const r3 = (x: number) => String(Math.round(x * 1000) / 1000);
const r1 = (x: number) => String(Math.round(x * 10) / 10);

/** The cells of one row into `cells` (reused: no array per row). */
function fillRow(cells: string[], c: Candidate, rank: number): void {
  const s = c.siteScore;
  const k = s.components;
  const o = s.outreach;
  cells[0] = String(rank);
  cells[1] = c.site;
  cells[2] = s.site;
  cells[3] = candidateName(c);
  cells[4] = r1(s.score);
  cells[5] = r3(k.relevance);
  cells[6] = r3(k.mentorGuidance);
  cells[7] = r3(k.programGuidance);
  cells[8] = r3(k.actionability);
  cells[9] = r3(k.quality);
  cells[10] = r3(k.freshness);
  cells[11] = r3(k.activity);
  cells[12] = s.siteKind;
  cells[13] = s.feedUrl ?? '';
  cells[14] = s.lastPostAt ?? '';
  cells[15] = String(s.pagesScored);
  cells[16] = String(s.mentoringPages);
  cells[17] = s.bestPageUrl;
  cells[18] = encodeList(c.sources);
  cells[19] = c.decision;
  cells[20] = c.roundupRank === undefined ? '' : String(c.roundupRank);
  cells[21] = c.best === undefined ? '' : String(c.best);
  cells[22] = c.blurb ?? '';
  cells[23] = encodeList(c.tags);
  cells[24] = c.notes;
  cells[25] = encodeList(s.reasons);
  cells[26] = o?.author ?? '';
  cells[27] = o?.contactUrl ?? '';
  cells[28] = o?.email ?? '';
  cells[29] = o?.social ? encodeList(o.social.map((p) => p.url)) : '';
  cells[30] = c.firstSeenAt;
  cells[31] = c.lastScoredAt;
  cells[32] = s.scorerVersion;
}

/**
 * The ranked candidates as CSV: BOM, header, one CRLF-terminated row per site. Linear: one
 * native regex test per cell (a character class, no backtracking), a replace only for the few
 * cells that need quoting, flat strings joined once per row and once for the file.
 */
export function candidatesToCsv(candidates: Candidate[], opts: { top?: number } = {}): string {
  const ranked = rankCandidates(candidates).slice(0, opts.top ?? Infinity);
  const lines: string[] = new Array(ranked.length + 1);
  lines[0] = UTF8_BOM + CSV_COLUMNS.join(',');
  const cells: string[] = new Array(CSV_COLUMNS.length);
  for (let i = 0; i < ranked.length; i++) {
    fillRow(cells, ranked[i], i + 1);
    for (let j = 0; j < cells.length; j++) cells[j] = csvCell(cells[j]);
    lines[i + 1] = cells.join(',');
  }
  return `${lines.join('\r\n')}\r\n`;
}
