// `mentor-radar score URL|FILE.html [--url URL] [--json] [--year YYYY]`: one page, explained.
import { basename } from 'node:path';
import { COMPONENT_LABELS, COMPONENT_NAMES } from '../../scoring/index.ts';
import { analysePage, scoreAnalysed, type ScorePageInput } from '../../scoring/page.ts';
import { MODEL, type LinearModel } from '../../scoring/model.ts';
import type { ComponentName, PageScore } from '../../scoring/index.ts';
import { FetchError, fetchPage } from '../net/fetch.ts';
import { BinaryContentError, decodeText } from '../net/decode.ts';
import { DEFAULT_TIMEOUT_MS, MAX_BODY_BYTES } from '../constants.ts';
import type { CommandSpec, Context, Values } from './common.ts';
import { CliError, UsageError, clean, dbPath, fit, oneLine, pad, readInputFile, safeJson, stringOption, yearOption } from './common.ts';

const help = `Usage: mentor-radar score URL|FILE.html [--url URL] [--json] [--year YYYY] [--db FILE]

Scores one page and explains the score: the six components, the flags, the site kind and
the evidence sentences. An http(s) URL is fetched (HTML only, at most 5 MB, 20 s timeout);
anything else is read as a local HTML file.

Options:
  --url URL      the address a local file was saved from (it decides internal links, the
                 site kind and URL dates). Default: the file's own <link rel=canonical> or
                 og:url when it is an absolute http(s) URL, else https://localhost/<file name>
  --json         print exactly one PageScore object (see the README for its fields)
  --year YYYY    roundup year that freshness is measured against (default: this year)
  --db FILE      score with that store's model (the one \`mentor-radar train\` made from your
                 decisions; the shipped model when it has none). Opened read-only.
  -h, --help     this help
`;

// Enough of a tag to call a text HTML: a doctype, or one of the common elements.
const HTML_SNIFF = /<(!doctype\s+html|html|head|body|title|meta|p|div|article|main|section|h[1-6]|ul|ol|table|a)[\s>/]/i;

const label = (name: ComponentName) => COMPONENT_LABELS[name].toLowerCase();

function httpUrl(s: string, what: string): string {
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    throw new UsageError(`${what} is not a URL: ${JSON.stringify(clean(s).slice(0, 100))}`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw new UsageError(`${what} must be an http(s) URL: ${JSON.stringify(clean(s).slice(0, 100))}`);
  }
  return u.href;
}

/** The page's own claim of its address, when it is an absolute http(s) URL. */
function ownUrl(html: string): string | undefined {
  const head = html.slice(0, 200_000);
  const tags = head.match(/<(link|meta)\b[^>]*>/gi) ?? [];
  for (const tag of tags) {
    const attr = (name: string) => new RegExp(`\\b${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
    const value = (name: string) => {
      const m = attr(name);
      return m ? (m[2] ?? m[3] ?? m[4] ?? '').trim() : '';
    };
    const isCanonical = /^link$/i.test(tag.slice(1, 5)) && value('rel').toLowerCase().split(/\s+/).includes('canonical');
    const isOgUrl = /^meta$/i.test(tag.slice(1, 5)) && value('property').toLowerCase() === 'og:url';
    const href = isCanonical ? value('href') : isOgUrl ? value('content') : '';
    if (!href) continue;
    try {
      const u = new URL(href.replace(/&amp;/g, '&'));
      if (u.protocol === 'http:' || u.protocol === 'https:') return u.href;
    } catch {
      /* not absolute: keep looking */
    }
  }
  return undefined;
}

async function readHtmlFile(arg: string, cwd: string): Promise<{ html: string; path: string }> {
  const looksLikeUrl = /^[\w-]+(\.[\w-]+)+(\/|$)/.test(arg) && !/\.x?html?$/i.test(arg);
  const { bytes, path } = await readInputFile(arg, cwd, {
    maxBytes: MAX_BODY_BYTES,
    what: 'HTML',
    notFoundHint: looksLikeUrl ? ' (for a web page, write the URL with https://)' : '',
    binaryCheck: false,
  });
  let html: string;
  try {
    // The crawl's decoding rules: a BOM (UTF-8, UTF-16) first, so UTF-16 files are text, not binary.
    html = decodeText(bytes).text;
  } catch (e) {
    if (e instanceof BinaryContentError) throw new CliError(`${clean(arg)} is a binary file, not HTML`);
    throw e;
  }
  if (!HTML_SNIFF.test(html.slice(0, 65_536))) throw new CliError(`${clean(arg)} does not look like HTML`);
  return { html, path };
}

async function fetchHtml(url: string, signal?: AbortSignal): Promise<{ html: string; finalUrl: string }> {
  let page;
  try {
    page = await fetchPage(url, { maxBytes: MAX_BODY_BYTES, timeoutMs: DEFAULT_TIMEOUT_MS, accept: 'html', signal });
  } catch (e) {
    if (e instanceof FetchError && e.kind === 'http' && e.status) throw new CliError(`cannot fetch ${clean(url)}: HTTP ${e.status}`);
    if (e instanceof FetchError) throw new CliError(`cannot score: ${oneLine(e)}`);
    throw new CliError(`cannot fetch ${clean(url)}: ${oneLine(e)}`);
  }
  if (page.status >= 400) throw new CliError(`cannot fetch ${clean(url)}: HTTP ${page.status}`);
  if (page.status < 200 || page.status >= 300) throw new CliError(`cannot fetch ${clean(url)}: unexpected HTTP ${page.status}`);
  const type = (page.contentType || '').toLowerCase();
  if (type && !/^(text\/html|application\/xhtml\+xml)\b/.test(type)) {
    throw new CliError(`${clean(url)} is not HTML (${clean(type)})`);
  }
  if (page.truncated) throw new CliError(`${clean(url)} is larger than ${MAX_BODY_BYTES} bytes`);
  const html = page.body;
  if (!type && !HTML_SNIFF.test(html.slice(0, 65_536))) throw new CliError(`${clean(url)} does not look like HTML`);
  return { html, finalUrl: page.finalUrl || page.url || url };
}

function bar(x: number, width = 20): string {
  const v = Math.min(1, Math.max(0, Number.isFinite(x) ? x : 0));
  const full = Math.round(v * width);
  return '█'.repeat(full) + '░'.repeat(width - full);
}

export function formatPageScore(p: PageScore, columns = 100): string {
  const width = Math.max(40, columns);
  const out: string[] = [];
  const title = clean(p.title) || '(no title)';
  out.push(fit(`Score ${Math.round(p.score)}/100  ${title}`, width));
  out.push(fit(clean(p.finalUrl), width));
  const facts = [`kind: ${clean(p.siteKind)}`, `lang: ${clean(p.lang) || '?'}`, `${p.wordCount} words`];
  if (p.publishedAt) facts.push(`published ${clean(p.publishedAt).slice(0, 10)}`);
  facts.push(`scorer ${clean(p.scorerVersion)}`);
  out.push(fit(facts.join(' · '), width), '');
  for (const name of COMPONENT_NAMES) {
    const v = p.components[name];
    out.push(`  ${pad(label(name), 17)} ${bar(v)}  ${(Number.isFinite(v) ? v : 0).toFixed(2)}`);
  }
  out.push('', `flags: ${p.flags.length ? p.flags.map(clean).join(', ') : 'none'}`);
  if (p.feedUrls.length) out.push(fit(`feeds: ${p.feedUrls.map(clean).join(', ')}`, width));
  out.push('', 'Evidence:');
  if (p.evidence.length === 0) out.push('  (none)');
  for (const name of COMPONENT_NAMES) {
    const items = p.evidence.filter((e) => e.component === name);
    if (!items.length) continue;
    out.push(`  ${label(name)}`);
    for (const e of items) out.push(fit(`    - ${clean(e.text)}`, width));
  }
  return out.join('\n') + '\n';
}

/** The model to score with: the store's (read-only) with --db, else the shipped one. */
async function modelFor(values: Values, ctx: Context): Promise<LinearModel> {
  if (stringOption(values, 'db') === undefined) return MODEL;
  const { withStore } = await import('./db.ts'); // SQLite is loaded only for --db
  const active = await withStore(dbPath(values, ctx.io), { readonly: true }, (store) => store.activeModel());
  if (active.error) ctx.io.stderr(`mentor-radar: ${clean(active.error)}\n`);
  return active.model;
}

async function run(values: Values, positionals: string[], ctx: Context): Promise<number> {
  const target = positionals[0];
  const model = await modelFor(values, ctx);
  const scorePage = (input: ScorePageInput) => scoreAnalysed(input, analysePage(input), model);
  const year = yearOption(values);
  const urlOpt = stringOption(values, 'url');
  let result: PageScore;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target) || /^(https?|ftp|file|data|javascript):/i.test(target)) {
    if (urlOpt !== undefined) throw new UsageError('--url is for local files; a URL argument is its own address');
    const url = httpUrl(target, 'the page');
    const { html, finalUrl } = await fetchHtml(url, ctx.io.signal);
    result = scorePage({ url, html, finalUrl, roundupYear: year });
  } else {
    const url = urlOpt !== undefined ? httpUrl(urlOpt, '--url') : undefined;
    const { html, path } = await readHtmlFile(target, ctx.io.cwd);
    const pageUrl = url ?? ownUrl(html) ?? `https://localhost/${encodeURIComponent(basename(path))}`;
    result = scorePage({ url: pageUrl, html, roundupYear: year });
  }
  ctx.io.stdout(values.json ? safeJson(result) + '\n' : formatPageScore(result, ctx.io.columns ?? 400));
  return 0;
}

export const command: CommandSpec = {
  name: 'score',
  summary: 'score one page',
  help,
  options: { url: { type: 'string' }, json: { type: 'boolean' }, year: { type: 'string' }, db: { type: 'string' } },
  positionals: { min: 1, max: 1, name: 'URL or FILE.html' },
  run,
};
