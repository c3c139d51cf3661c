// The roundup draft the curator publishes (DESIGN.md, "The roundup"): a title, an intro to write,
// the sites in the roundup in the curator's order, then "The best three" at more length.
// Only what is meant to be public goes in: never a site outside the roundup, never a private
// note, never a link that is not http(s). Page-derived text is escaped so that nothing in it
// renders as Markdown or HTML, with as few backslashes as CommonMark needs (none show rendered).
import type { Candidate, SiteOutreach, SiteQuote } from './types.ts';
import { candidateName } from './candidate.ts';
import { bestThree, roundupOrder } from './roundup.ts';
import { SOCIAL_LABELS } from './outreach.ts';
import { oneLine } from './text.ts';

export interface MarkdownOptions {
  /** The roundup's year (the title's); default: the current UTC year. */
  year?: number;
  /** Also the shortlisted sites, each marked "(shortlisted)". */
  withShortlist?: boolean;
  /** Only the first N sites of the list (the best three are chosen among them). */
  top?: number;
}

// ------------------------------------------------------------------ escaping

const isAlnum = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
const ASCII_PUNCT = /[!-/:-@[-`{-~]/;
const ENTITY_AHEAD = /^&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/;

/**
 * Text as inert inline Markdown: one line (controls and invisible characters out), then a
 * backslash only before what CommonMark (and markdown-it's defaults, GFM's ~) would read as
 * markup here: emphasis (* and _ at a word edge), code (`), links and images ([ ]), raw HTML and
 * autolinks (< before a letter, / ! ?), entities (&name;), strikethrough (~) and a backslash that
 * would escape the next character. Rendered, the text reads exactly as given.
 */
export function mdText(s: unknown, max = 600): string {
  const t = oneLine(s, max);
  let out = '';
  for (let i = 0; i < t.length; i++) {
    const ch = t[i];
    const next = t[i + 1];
    switch (ch) {
      case '\\':
        out += next === undefined || ASCII_PUNCT.test(next) ? '\\\\' : '\\';
        break;
      case '*':
      case '`':
      case '[':
      case ']':
      case '~':
        out += `\\${ch}`;
        break;
      case '_':
        out += isAlnum(t[i - 1]) && isAlnum(next) ? '_' : '\\_';
        break;
      case '<':
        out += next !== undefined && /[A-Za-z/!?]/.test(next) ? '\\<' : '<';
        break;
      case '&':
        out += ENTITY_AHEAD.test(t.slice(i, i + 40)) ? '\\&' : '&';
        break;
      default:
        out += ch;
    }
  }
  return out;
}

/**
 * Text that starts a line: also no block markup (heading #, quote >, list - + * or "1." / "1)",
 * thematic break, setext underline, table pipe at the start).
 */
export function mdLineStart(s: unknown, max = 600): string {
  const t = mdText(s, max);
  const m = /^(\d{1,9})([.)])/.exec(t);
  if (m) return `${m[1]}\\${m[2]}${t.slice(m[0].length)}`;
  return /^[#>+\-=|]/.test(t) ? `\\${t}` : t;
}

/** A heading's text: a trailing run of # would be read as the closing sequence and dropped. */
function mdHeading(s: unknown): string {
  const t = mdLineStart(s, 200);
  return t.endsWith('#') ? `${t.slice(0, -1)}\\#` : t;
}

/** An http(s) link destination, or '' for anything else (javascript:, data:, relative, garbage). */
export function mdUrl(u: unknown): string {
  if (typeof u !== 'string' || u.length > 2048) return '';
  try {
    const url = new URL(u);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return '';
    return url.href.replace(/[()<> \\]/g, (ch) => encodeURIComponent(ch));
  } catch {
    return '';
  }
}

/** `[text](url)` when the URL is http(s), else the text alone. */
export function mdLink(text: unknown, url: unknown): string {
  const href = mdUrl(url);
  const label = mdText(text, 300);
  return href ? `[${label || mdText(href, 300)}](${href})` : label;
}

// ------------------------------------------------------------------ content

/** Reasons that are the scorer's doubts or bookkeeping, not a reason to read the site. */
const NOT_FOR_READERS = /^(?:near miss|no page about mentoring|best page:)/i;

function publicReasons(c: Candidate): string[] {
  return c.siteScore.reasons.map((r) => oneLine(r, 300)).filter((r) => r && !NOT_FOR_READERS.test(r));
}

function sentence(s: string): string {
  const t = s.trim();
  if (!t) return t;
  const first = t[0].toUpperCase() + t.slice(1);
  return /[.!?…]["”’)]?$/.test(first) ? first : `${first}.`;
}

/** A page's title without the site's name the title repeats ("Five habits – Second Chair" → "Five habits"). */
export function pageLabel(title: string, siteName: string): string {
  const t = oneLine(title, 200);
  const name = oneLine(siteName, 200);
  if (!name || t.length <= name.length) return t;
  const lower = t.toLowerCase();
  const n = name.toLowerCase();
  const tail = /\s*(?:[-–—|·:•»])\s*$/;
  if (lower.endsWith(n)) {
    const rest = t.slice(0, t.length - name.length);
    if (tail.test(rest)) return rest.replace(tail, '') || t;
  }
  if (lower.startsWith(n)) {
    const rest = t.slice(name.length);
    const head = /^\s*(?:[-–—|·:•»])\s*/;
    if (head.test(rest)) return rest.replace(head, '') || t;
  }
  return t;
}

function quoteLink(q: SiteQuote, siteName: string): string {
  const label = (q.title && pageLabel(q.title, siteName)) || 'source';
  return `“${mdText(q.text, 300)}” (${mdLink(label, q.url)})`;
}

/** Quotes whose page URL is http(s), distinct text. */
function usableQuotes(c: Candidate): SiteQuote[] {
  const seen = new Set<string>();
  return (c.siteScore.quotes ?? []).filter((q) => {
    if (!mdUrl(q.url) || !q.text || seen.has(q.text)) return false;
    seen.add(q.text);
    return true;
  });
}

/** The one paragraph of why: the reasons as sentences and one quote linked to its page. */
function whyParagraph(c: Candidate): string {
  const parts = publicReasons(c).map((r) => mdText(sentence(r), 300));
  const q = usableQuotes(c)[0];
  if (q) parts.push(quoteLink(q, c.siteScore.name));
  return parts.join(' ');
}

function blurbOf(c: Candidate): string {
  return mdText(c.blurb ?? '', 2000);
}

const KIND_WORDS: Record<string, string> = {
  blog: 'blog',
  company: 'company site',
  nonprofit: 'nonprofit',
  academic: 'academic site',
  directory: 'directory',
  other: 'site',
};

/** What a site is best for, from its components (mentor guidance, program guidance, actionability). */
export function bestFor(c: Candidate): string {
  const k = c.siteScore.components;
  const mentor = k.mentorGuidance >= 0.35;
  const program = k.programGuidance >= 0.35;
  let who: string;
  if (mentor && program) who = 'new mentors and anyone starting or running a mentoring program';
  else if (program || (!mentor && k.programGuidance > k.mentorGuidance)) who = 'starting and running a mentoring program';
  else who = 'new mentors: how to meet, listen, set goals and give feedback';
  const how = k.actionability >= 0.5 ? ', with steps, checklists and templates to use' : '';
  return `Best for ${who}${how}.`;
}

function outreachLine(o: SiteOutreach | undefined): string {
  if (!o) return '';
  const parts: string[] = [];
  if (o.author) parts.push(mdText(o.author, 120));
  if (o.contactUrl && mdUrl(o.contactUrl)) parts.push(mdLink('contact page', o.contactUrl));
  if (o.email) parts.push(`email ${mdText(o.email, 254)}`);
  for (const p of o.social ?? []) if (mdUrl(p.url)) parts.push(mdLink(SOCIAL_LABELS[p.network] ?? p.network, p.url));
  return parts.join(' · ');
}

const SHORTLISTED = '*(shortlisted)*';

function listItem(c: Candidate, i: number): string {
  const s = c.siteScore;
  const name = mdLink(candidateName(c), s.site);
  const marker = c.decision === 'shortlist' ? ` ${SHORTLISTED}` : '';
  const kind = KIND_WORDS[s.siteKind] ?? 'site';
  const text = blurbOf(c) || whyParagraph(c);
  return `${i + 1}. **${name}**${marker} (${kind})${text ? ` — ${text}` : ''}`;
}

/** `position`: 1–3 among the best three; the curator's marked place wins when set. */
function bestSection(c: Candidate, position: number): string[] {
  const s = c.siteScore;
  const marker = c.decision === 'shortlist' ? ` ${SHORTLISTED}` : '';
  const out = [`### ${c.best ?? position}. ${mdHeading(candidateName(c))}`, ''];
  const site = mdUrl(s.site);
  out.push(`${site ? `${mdLink(site.replace(/\/$/, ''), site)} · ` : ''}${KIND_WORDS[s.siteKind] ?? 'site'}${marker}`, '');
  out.push(bestFor(c), '');
  const blurb = blurbOf(c);
  const why = publicReasons(c).map((r) => mdText(sentence(r), 300)).join(' ');
  if (blurb || why) out.push(blurb || why, '');
  const quotes = usableQuotes(c).slice(0, 3);
  if (quotes.length) {
    out.push('In its own words:', '');
    for (const q of quotes) out.push(`- ${quoteLink(q, s.name)}`);
    out.push('');
  }
  const facts: string[] = [];
  const feed = mdUrl(s.feedUrl);
  if (feed) facts.push(`- Feed: ${mdLink(feed, feed)}`);
  if (s.lastPostAt && /^\d{4}-\d{2}-\d{2}/.test(s.lastPostAt)) facts.push(`- Last post: ${s.lastPostAt.slice(0, 10)}`);
  const reach = outreachLine(s.outreach);
  if (reach) facts.push(`- Reach the author: ${reach}`);
  // A paragraph between the two lists keeps them two lists (CommonMark joins adjacent ones).
  if (facts.length) out.push('At a glance:', '', ...facts, '');
  return out;
}

/**
 * The roundup draft for `year`: only the included sites (and the shortlisted, marked, with
 * `withShortlist`), in the curator's order then by score, then the best three.
 */
export function candidatesToMarkdown(candidates: Candidate[], opts: MarkdownOptions = {}): string {
  const year = opts.year ?? new Date().getUTCFullYear();
  const listed = roundupOrder(candidates, { withShortlist: opts.withShortlist === true }).slice(0, opts.top ?? Infinity);
  const out: string[] = [`# Best Mentoring Blogs ${year}`, ''];
  out.push(
    '*Intro: write a few sentences here: what this list is for (starting as a mentor, starting and running a mentoring program), how the sites were chosen, and what changed since last year.*',
    '',
  );
  if (listed.length === 0) {
    out.push(
      opts.withShortlist
        ? '*No site is included or shortlisted yet.*'
        : '*No site is included yet: mark sites `include` (mentor-radar decide SITE --decision include, or the dashboard).*',
      '',
    );
    return out.join('\n');
  }
  out.push(`## The list`, '');
  listed.forEach((c, i) => out.push(listItem(c, i)));
  out.push('', '## The best three', '');
  bestThree(listed).forEach((c, i) => out.push(...bestSection(c, i + 1)));
  return `${out.join('\n').trimEnd()}\n`;
}
