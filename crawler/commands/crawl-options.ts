// The crawl options shared by `crawl` and `schedule`: parsing, validation, the seeds file.
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CrawlOptions } from '../crawl/run.ts';
import { CRAWL_DEFAULTS } from '../constants.ts';
import type { Io, OptionSpec, Values } from './common.ts';
import { CliError, UsageError, clean, dbPath, intOption, oneLine, stringOption } from './common.ts';

export const CRAWL_OPTIONS: OptionSpec = {
  seeds: { type: 'string' },
  db: { type: 'string' },
  'max-pages': { type: 'string' },
  'max-sites': { type: 'string' },
  'pages-per-site': { type: 'string' },
  depth: { type: 'string' },
  concurrency: { type: 'string' },
  delay: { type: 'string' },
  resume: { type: 'boolean' },
  recrawl: { type: 'boolean' },
  wait: { type: 'boolean' },
  json: { type: 'boolean' },
};

export const CRAWL_OPTIONS_HELP = `  --seeds FILE         seed URLs, one a line; # starts a comment
  --db FILE            SQLite store (default ./data/mentor-radar.db, or $MENTOR_RADAR_DB)
  --max-pages N        stop after N pages fetched (default 1000)
  --max-sites N        visit at most N sites (default: no limit)
  --pages-per-site N   page budget per site (default 12)
  --depth N            site hops away from the seeds (default 2; 0 = only the seed sites)
  --concurrency N      hosts crawled in parallel (default ${CRAWL_DEFAULTS.concurrency}; one request at a time per host)
  --delay MS           pause between two requests to one host, in ms (default 1000;
                       a longer robots.txt Crawl-delay wins)
  --resume             continue the last interrupted crawl without refetching finished
                       pages (a plain crawl also continues an unfinished one)
  --recrawl            fetch pages again even when the store has them from the last 7 days
  --wait               when another crawl is using the store, wait for it instead of exiting 1
  --json               print the crawl report as JSON`;

/** The crawl settings the command line gives; undefined = the crawler's default. */
export interface CliCrawlSettings {
  seeds: string[];
  dbPath: string;
  maxPages?: number;
  maxSites?: number;
  pagesPerSite?: number;
  depth?: number;
  concurrency?: number;
  delayMs?: number;
  resume: boolean;
  /** Refetch pages fresh in the store. */
  recrawl: boolean;
  /** Wait for another crawl's lease. */
  wait: boolean;
}

export function parseSeedUrl(raw: string): string | undefined {
  try {
    const u = new URL(raw);
    if ((u.protocol === 'http:' || u.protocol === 'https:') && u.hostname) {
      u.hash = '';
      return u.href;
    }
  } catch {
    /* not a URL */
  }
  return undefined;
}

/**
 * A seeds file: one URL a line, `#` starts a comment (whole line or after the URL), blank
 * lines skipped. Every bad line is reported, with its number, in one message.
 */
export function parseSeedsText(text: string, name: string): string[] {
  const urls: string[] = [];
  const bad: string[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\n|\r/)
    .forEach((line, i) => {
      const body = line.replace(/(^|\s)#.*$/, '').trim();
      if (!body) return;
      const url = parseSeedUrl(body);
      if (url) urls.push(url);
      else bad.push(`line ${i + 1}: ${JSON.stringify(clean(body).slice(0, 60))}`);
    });
  if (bad.length) {
    const shown = bad.slice(0, 3).join('; ');
    const more = bad.length > 3 ? `; and ${bad.length - 3} more` : '';
    throw new CliError(`${clean(name)}: not an http(s) URL on ${shown}${more}`);
  }
  return urls;
}

async function readSeeds(file: string, cwd: string): Promise<string[]> {
  const path = resolve(cwd, file);
  try {
    if ((await stat(path)).isDirectory()) throw new CliError(`--seeds ${clean(file)} is a directory`);
    return parseSeedsText(await readFile(path, 'utf8'), file);
  } catch (e) {
    if (e instanceof CliError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(code === 'ENOENT' ? `no such seeds file: ${clean(file)}` : `cannot read ${clean(file)}: ${oneLine(e)}`);
  }
}

export async function crawlSettings(values: Values, positionals: string[], io: Io, opts: { seedsRequired: boolean }): Promise<CliCrawlSettings> {
  const fromArgs: string[] = [];
  for (const p of positionals) {
    const url = parseSeedUrl(p);
    if (!url) throw new UsageError(`not an http(s) URL: ${JSON.stringify(clean(p).slice(0, 100))}`);
    fromArgs.push(url);
  }
  const settings: CliCrawlSettings = {
    seeds: [],
    dbPath: dbPath(values, io),
    maxPages: intOption(values, 'max-pages', { min: 1 }),
    maxSites: intOption(values, 'max-sites', { min: 1 }),
    pagesPerSite: intOption(values, 'pages-per-site', { min: 1 }),
    depth: intOption(values, 'depth', { min: 0, max: 100 }),
    concurrency: intOption(values, 'concurrency', { min: 1, max: 256 }),
    delayMs: intOption(values, 'delay', { min: 0, max: 600_000 }),
    resume: values.resume === true,
    recrawl: values.recrawl === true,
    wait: values.wait === true,
  };
  const seedsFile = stringOption(values, 'seeds');
  const fromFile = seedsFile !== undefined ? await readSeeds(seedsFile, io.cwd) : [];
  settings.seeds = [...new Set([...fromArgs, ...fromFile])];
  if (opts.seedsRequired && settings.seeds.length === 0 && !settings.resume) {
    throw new UsageError(
      seedsFile !== undefined ? `${clean(seedsFile)} has no seed URLs` : 'crawl: give seed URLs, --seeds FILE or --resume (see mentor-radar crawl --help)',
    );
  }
  return settings;
}

/** The command-line settings as runCrawl's options (undefined = the crawler's default). */
export function toCrawlOptions(settings: CliCrawlSettings): CrawlOptions & { db: string } {
  const o: CrawlOptions & { db: string } = { seeds: settings.seeds, db: settings.dbPath, resume: settings.resume };
  if (settings.recrawl) o.recrawlAfterMs = 0;
  if (settings.wait) o.wait = true;
  if (settings.maxPages !== undefined) o.maxPages = settings.maxPages;
  if (settings.maxSites !== undefined) o.maxSites = settings.maxSites;
  if (settings.pagesPerSite !== undefined) o.pagesPerSite = settings.pagesPerSite;
  if (settings.depth !== undefined) o.depth = settings.depth;
  if (settings.concurrency !== undefined) o.concurrency = settings.concurrency;
  if (settings.delayMs !== undefined) o.politenessDelayMs = settings.delayMs;
  return o;
}
