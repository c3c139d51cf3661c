// Candidates out (CSV, JSON, Markdown roundup draft) and back in (JSON or CSV import).
// The one definition of the CSV columns: the crawler and the extension both call these.
import Papa from 'papaparse';
import { isDecision, isSource, rankCandidates } from './candidate.ts';
import { siteKey } from './url.ts';
import type { Candidate, SiteComponents, SiteKind, SiteScore, Source } from './types.ts';
import { SITE_KINDS } from './types.ts';

export const CSV_COLUMNS = [
  'rank',
  'site',
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
  'tags',
  'notes',
  'reasons',
  'first_seen_at',
  'last_scored_at',
  'scorer_version',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Multi-valued cells (sources, tags, reasons) are joined with this. */
const LIST_SEP = '; ';

/**
 * Any cell whose first character a spreadsheet reads as a formula gets a leading quote.
 * Papaparse's default pattern (`^[=+\-@\t\r].*$`) misses cells with a newline after the
 * lead, because `.` stops at line ends, so we pass our own pattern through its option.
 */
const FORMULA_LEAD = /^[=+\-@\t\r]/;

export const JSON_FORMAT = 'mentor-radar/candidates';
export const JSON_VERSION = 1;

const round = (x: number, digits = 3) => Number(x.toFixed(digits));

function row(c: Candidate, rank: number): Record<CsvColumn, string | number> {
  const s = c.siteScore;
  return {
    rank,
    site: c.site,
    name: c.name,
    score: round(s.score, 1),
    relevance: round(s.components.relevance),
    mentor_guidance: round(s.components.mentorGuidance),
    program_guidance: round(s.components.programGuidance),
    actionability: round(s.components.actionability),
    quality: round(s.components.quality),
    freshness: round(s.components.freshness),
    activity: round(s.components.activity),
    site_kind: s.siteKind,
    feed_url: s.feedUrl ?? '',
    last_post_at: s.lastPostAt ?? '',
    pages_scored: s.pagesScored,
    mentoring_pages: s.mentoringPages,
    best_page_url: s.bestPageUrl,
    sources: c.sources.join(LIST_SEP),
    decision: c.decision,
    tags: c.tags.join(LIST_SEP),
    notes: c.notes,
    reasons: s.reasons.join(LIST_SEP),
    first_seen_at: c.firstSeenAt,
    last_scored_at: c.lastScoredAt,
    scorer_version: s.scorerVersion,
  };
}

/** RFC 4180 CSV (CRLF, quoted where needed), ranked, one row per site, formula-safe. */
export function candidatesToCsv(candidates: Candidate[], opts: { top?: number } = {}): string {
  const ranked = rankCandidates(candidates).slice(0, opts.top ?? Infinity);
  return (
    Papa.unparse(
      { fields: [...CSV_COLUMNS], data: ranked.map((c, i) => CSV_COLUMNS.map((k) => row(c, i + 1)[k])) },
      { newline: '\r\n', quotes: false, escapeFormulae: FORMULA_LEAD },
    ) + '\r\n'
  );
}

export interface CandidatesFile {
  format: typeof JSON_FORMAT;
  version: typeof JSON_VERSION;
  exportedAt: string;
  candidates: Candidate[];
}

/** Full-fidelity JSON: what `mentor-radar import` and the extension's import read back. */
export function candidatesToJson(candidates: Candidate[], exportedAt: string, opts: { top?: number } = {}): string {
  const file: CandidatesFile = {
    format: JSON_FORMAT,
    version: JSON_VERSION,
    exportedAt,
    candidates: rankCandidates(candidates).slice(0, opts.top ?? Infinity),
  };
  return JSON.stringify(file, null, 2) + '\n';
}

/**
 * Page-derived text in Markdown: no links, images, HTML or emphasis can be smuggled in.
 * `<`, `>` and `&` become entities (rendered as text), the rest of the syntax is backslash-escaped.
 */
export function mdText(s: string): string {
  return s
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_{}[\]()#+!|~])/g, '\\$1')
    .trim();
}

function mdUrl(u: string): string {
  try {
    const url = new URL(u);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return '';
    return url.href.replace(/[()<> ]/g, (ch) => encodeURIComponent(ch));
  } catch {
    return '';
  }
}

function mdLink(text: string, url: string): string {
  const href = mdUrl(url);
  return href ? `[${mdText(text)}](${href})` : mdText(text);
}

/** The roundup article's draft: the ranked list, then the best three at more length. */
export function candidatesToMarkdown(candidates: Candidate[], opts: { top?: number; year?: number } = {}): string {
  const included = candidates.filter((c) => c.decision !== 'exclude');
  const ranked = rankCandidates(included).slice(0, opts.top ?? 20);
  const year = opts.year ?? new Date().getUTCFullYear();
  const out: string[] = [`# Best mentoring blogs and sites ${year}`, ''];
  out.push(
    'Blogs and company sites for anyone who wants to start as a mentor or to start and run a mentoring program.',
    '',
  );
  if (ranked.length === 0) {
    out.push('_No candidates yet._', '');
    return out.join('\n');
  }
  ranked.forEach((c, i) => {
    const s = c.siteScore;
    const why = s.reasons.length ? ` — ${s.reasons.map(mdText).join('; ')}` : '';
    out.push(`${i + 1}. ${mdLink(c.name || c.site, s.site)} (${s.siteKind}, score ${Math.round(s.score)})${why}`);
  });
  out.push('', '## The best three', '');
  for (const c of ranked.slice(0, 3)) {
    const s = c.siteScore;
    out.push(`### ${mdText(c.name || c.site)}`, '');
    out.push(`${mdUrl(s.site)} · ${s.siteKind} · score ${Math.round(s.score)} of 100`, '');
    for (const r of s.reasons) out.push(`- ${mdText(r)}`);
    out.push(`- Best page: ${mdLink(s.bestPageUrl, s.bestPageUrl)}`);
    if (s.lastPostAt) out.push(`- Last post: ${mdText(s.lastPostAt.slice(0, 10))}`);
    if (c.notes.trim()) out.push(`- Curator's note: ${mdText(c.notes)}`);
    out.push('');
  }
  return out.join('\n');
}

// ---------------------------------------------------------------- import

export class ImportError extends Error {
  override name = 'ImportError';
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const str = (x: unknown, fallback = ''): string => (typeof x === 'string' ? x : fallback);
const num01 = (x: unknown): number => {
  const n = typeof x === 'number' ? x : Number(x);
  return Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0;
};
const score100 = (x: unknown, where: string): number => {
  const n = typeof x === 'number' ? x : Number(x);
  if (!Number.isFinite(n) || n < 0 || n > 100) throw new ImportError(`${where}: score must be a number in 0..100`);
  return n;
};
const isoOr = (x: unknown, fallback: string): string => {
  const s = str(x);
  return s && !Number.isNaN(Date.parse(s)) ? s : fallback;
};
const kindOf = (x: unknown): SiteKind => ((SITE_KINDS as readonly string[]).includes(str(x)) ? (x as SiteKind) : 'other');

function httpUrl(x: unknown, where: string): string {
  const s = str(x);
  if (!s) return '';
  try {
    const u = new URL(s);
    if (u.protocol === 'http:' || u.protocol === 'https:') return u.href;
  } catch {
    /* fall through */
  }
  throw new ImportError(`${where}: not an http(s) URL: ${JSON.stringify(s.slice(0, 100))}`);
}

function siteComponents(x: unknown): SiteComponents {
  const c = isObj(x) ? x : {};
  return {
    relevance: num01(c.relevance),
    mentorGuidance: num01(c.mentorGuidance),
    programGuidance: num01(c.programGuidance),
    actionability: num01(c.actionability),
    quality: num01(c.quality),
    freshness: num01(c.freshness),
    activity: num01(c.activity),
    coverage: num01(c.coverage),
  };
}

function candidateFromJson(x: unknown, i: number, now: string): Candidate {
  const where = `candidate ${i + 1}`;
  if (!isObj(x)) throw new ImportError(`${where}: not an object`);
  const rawSite = str(x.site);
  if (!rawSite) throw new ImportError(`${where}: missing "site"`);
  let key: string;
  try {
    key = siteKey(rawSite);
  } catch (e) {
    throw new ImportError(`${where}: ${(e as Error).message}`);
  }
  const s = isObj(x.siteScore) ? x.siteScore : null;
  if (!s) throw new ImportError(`${where}: missing "siteScore"`);
  const origin = httpUrl(s.site, where) || `https://${key}`;
  const siteScore: SiteScore = {
    site: new URL(origin).origin,
    name: str(s.name, str(x.name)),
    score: score100(s.score, where),
    components: siteComponents(s.components),
    pagesScored: Math.max(0, Math.trunc(Number(s.pagesScored) || 0)),
    mentoringPages: Math.max(0, Math.trunc(Number(s.mentoringPages) || 0)),
    bestPageUrl: httpUrl(s.bestPageUrl, where),
    siteKind: kindOf(s.siteKind),
    reasons: Array.isArray(s.reasons) ? s.reasons.filter((r): r is string => typeof r === 'string').slice(0, 3) : [],
    scorerVersion: str(s.scorerVersion, 'unknown'),
  };
  if (str(s.lastPostAt)) siteScore.lastPostAt = isoOr(s.lastPostAt, '');
  if (!siteScore.lastPostAt) delete siteScore.lastPostAt;
  const feed = httpUrl(s.feedUrl, where);
  if (feed) siteScore.feedUrl = feed;
  const decision = x.decision === undefined ? 'undecided' : x.decision;
  if (!isDecision(decision)) throw new ImportError(`${where}: unknown decision ${JSON.stringify(decision)}`);
  const sources = (Array.isArray(x.sources) ? x.sources : []).filter(isSource) as Source[];
  const history = (Array.isArray(x.history) ? x.history : [])
    .filter(isObj)
    .map((h) => ({ year: Math.trunc(Number(h.year)), score: Number(h.score) }))
    .filter((h) => Number.isFinite(h.year) && Number.isFinite(h.score) && h.score >= 0 && h.score <= 100);
  const c: Candidate = {
    site: key,
    name: str(x.name, siteScore.name),
    siteScore,
    sources: sources.length ? sources : ['import'],
    decision,
    tags: (Array.isArray(x.tags) ? x.tags : []).filter((t): t is string => typeof t === 'string'),
    notes: str(x.notes),
    firstSeenAt: isoOr(x.firstSeenAt, now),
    lastScoredAt: isoOr(x.lastScoredAt, now),
    history,
  };
  const curatedAt = isoOr(x.curatedAt, '');
  if (curatedAt) c.curatedAt = curatedAt;
  return c;
}

/** Strip the leading quote the exporter put before formula-like cells. */
const unescapeCell = (v: string): string => (v.startsWith("'") && FORMULA_LEAD.test(v.slice(1)) ? v.slice(1) : v);
/** Lists were joined with LIST_SEP, so a `;` inside a tag (`a;b`) survives the round trip. */
const splitList = (v: string): string[] =>
  v
    .split(/;\s/)
    .map((t) => t.trim())
    .filter(Boolean);

function candidatesFromCsv(text: string, now: string): Candidate[] {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
  });
  const fields = parsed.meta.fields ?? [];
  const missing = ['site', 'score'].filter((f) => !fields.includes(f));
  if (missing.length) throw new ImportError(`CSV is missing the column(s): ${missing.join(', ')}`);
  const bad = parsed.errors.find((e) => e.type !== 'FieldMismatch' || e.code !== 'TooFewFields');
  if (bad) throw new ImportError(`CSV row ${(bad.row ?? 0) + 2}: ${bad.message}`);
  return parsed.data.map((raw, i) => {
    const r: Record<string, string> = {};
    for (const [k, v] of Object.entries(raw)) r[k] = unescapeCell(v ?? '');
    const site = r.site;
    return candidateFromJson(
      {
        site,
        name: r.name,
        sources: splitList(r.sources ?? ''),
        decision: r.decision || 'undecided',
        tags: splitList(r.tags ?? ''),
        notes: r.notes ?? '',
        firstSeenAt: r.first_seen_at,
        lastScoredAt: r.last_scored_at,
        history: [],
        siteScore: {
          site: site && !site.includes('://') ? `https://${site}` : site,
          name: r.name,
          score: r.score === '' ? NaN : Number(r.score),
          components: {
            relevance: r.relevance,
            mentorGuidance: r.mentor_guidance,
            programGuidance: r.program_guidance,
            actionability: r.actionability,
            quality: r.quality,
            freshness: r.freshness,
            activity: r.activity,
          },
          pagesScored: r.pages_scored,
          mentoringPages: r.mentoring_pages,
          bestPageUrl: r.best_page_url,
          lastPostAt: r.last_post_at,
          feedUrl: r.feed_url,
          siteKind: r.site_kind,
          reasons: splitList(r.reasons ?? ''),
          scorerVersion: r.scorer_version,
        },
      },
      i,
      now,
    );
  });
}

/**
 * Read an export (ours or the extension's): JSON (the candidates file or a bare array) or CSV.
 * All or nothing: the first bad record throws an ImportError naming it.
 */
export function parseCandidates(text: string, now: string): Candidate[] {
  const body = text.replace(/^\uFEFF/, '').trim();
  if (!body) throw new ImportError('the file is empty');
  if (body.startsWith('{') || body.startsWith('[')) {
    let data: unknown;
    try {
      data = JSON.parse(body);
    } catch (e) {
      throw new ImportError(`not valid JSON: ${(e as Error).message}`);
    }
    let list: unknown;
    if (Array.isArray(data)) list = data;
    else if (isObj(data) && data.format === JSON_FORMAT) {
      if (data.version !== JSON_VERSION) throw new ImportError(`unsupported export version ${String(data.version)}`);
      list = data.candidates;
    } else throw new ImportError(`not a Mentor Radar export (expected "format": "${JSON_FORMAT}")`);
    if (!Array.isArray(list)) throw new ImportError('"candidates" is not a list');
    return list.map((x, i) => candidateFromJson(x, i, now));
  }
  const firstLine = body.split(/\r?\n/, 1)[0];
  if (!/(^|,)"?site"?(,|$)/.test(firstLine)) {
    throw new ImportError('neither JSON nor a CSV with a "site" column');
  }
  return candidatesFromCsv(body, now);
}
