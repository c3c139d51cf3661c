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

/** One cell: apostrophe-guarded, quoted when it holds a quote, comma or line break (RFC 4180). */
export function csvCell(value: string): string {
  if (value === '') return value;
  const s = needsApostrophe(value.charCodeAt(0)) ? `'${value}` : value;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 34 || c === 44 || c === 10 || c === 13) return `"${s.replace(/"/g, '""')}"`;
  }
  return s;
}

/** Undo csvCell's guard: exactly one leading apostrophe (the quoting is the CSV parser's business). */
export function csvUncell(cell: string): string {
  return cell.charCodeAt(0) === 39 ? cell.slice(1) : cell;
}

const r3 = (x: number) => String(Math.round(x * 1000) / 1000);
const r1 = (x: number) => String(Math.round(x * 10) / 10);

function row(c: Candidate, rank: number): string[] {
  const s = c.siteScore;
  const k = s.components;
  const o = s.outreach;
  return [
    String(rank),
    c.site,
    s.site,
    candidateName(c),
    r1(s.score),
    r3(k.relevance),
    r3(k.mentorGuidance),
    r3(k.programGuidance),
    r3(k.actionability),
    r3(k.quality),
    r3(k.freshness),
    r3(k.activity),
    s.siteKind,
    s.feedUrl ?? '',
    s.lastPostAt ?? '',
    String(s.pagesScored),
    String(s.mentoringPages),
    s.bestPageUrl,
    encodeList(c.sources),
    c.decision,
    c.roundupRank === undefined ? '' : String(c.roundupRank),
    c.best === undefined ? '' : String(c.best),
    c.blurb ?? '',
    encodeList(c.tags),
    c.notes,
    encodeList(s.reasons),
    o?.author ?? '',
    o?.contactUrl ?? '',
    o?.email ?? '',
    encodeList((o?.social ?? []).map((p) => p.url)),
    c.firstSeenAt,
    c.lastScoredAt,
    s.scorerVersion,
  ];
}

/**
 * The ranked candidates as CSV: BOM, header, one CRLF-terminated row per site. Linear in the
 * output (one scan per cell, no regex unless a cell needs quoting or list escapes).
 */
export function candidatesToCsv(candidates: Candidate[], opts: { top?: number } = {}): string {
  const ranked = rankCandidates(candidates).slice(0, opts.top ?? Infinity);
  const lines: string[] = new Array(ranked.length + 1);
  lines[0] = UTF8_BOM + CSV_COLUMNS.join(',');
  for (let i = 0; i < ranked.length; i++) {
    const cells = row(ranked[i], i + 1);
    let line = csvCell(cells[0]);
    for (let j = 1; j < cells.length; j++) line += `,${csvCell(cells[j])}`;
    lines[i + 1] = line;
  }
  return `${lines.join('\r\n')}\r\n`;
}
