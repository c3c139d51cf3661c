// `mentor-radar badge SITE [--year YYYY] [--out FILE.svg] [--roundup-url URL] [--svg-url URL]`:
// the winner badge of one site of the year's roundup (scoring/badge.ts), written as an SVG file,
// and the HTML snippet that embeds it, linked to the published roundup, printed to paste.
import { resolve } from 'node:path';
import { BadgeError, badgeDataUri, badgeEmbedHtml, badgeFileName, badgeSvg, candidateName, placeLabel, roundupPlace, siteKey } from '../../scoring/index.ts';
import type { CommandSpec, Context, Values } from './common.ts';
import { CliError, DB_HELP, UsageError, clean, dbPath, safeJson, stringOption, yearOption } from './common.ts';
import { withStore } from './db.ts';
import { writeAtomic } from './export.ts';

const help = `Usage: mentor-radar badge SITE [--year YYYY] [--out FILE.svg] [--roundup-url URL] [--svg-url URL] [--db FILE]

Writes the winner badge of a site in the year's roundup: a red, diploma-like SVG saying "Best
Mentoring Blogs YYYY", the site's name and its place ("#1" to "#3" for the best three, else
"Listed"), with no script and no external reference. Prints the HTML that embeds it, linked to
the published roundup. The site must be in the roundup (decide SITE --decision include).

Options:
  --year YYYY        the roundup's year (default: this year)
  --out FILE.svg     where to write the SVG (default ./badge-SITE-YYYY.svg)
  --roundup-url URL  the published roundup the badge links to; remembered in the store for
                     that year, so later runs need not repeat it
  --svg-url URL      where you will host the SVG (the snippet's <img src>); default: the SVG
                     itself inside the snippet as a data: URI (nothing to host)
  --with-shortlist   the roundup counts the shortlisted sites too
${DB_HELP}
  --json             print {"file","name","year","place","roundupUrl","embedHtml"} instead
  -h, --help         this help
`;

const roundupUrlKey = (year: number) => `roundup-url:${year}`;

function httpUrlOption(values: Values, name: string): string | undefined {
  const raw = stringOption(values, name);
  if (raw === undefined) return undefined;
  try {
    const u = new URL(raw.trim());
    if (u.protocol === 'http:' || u.protocol === 'https:') return u.href;
  } catch {
    /* below */
  }
  throw new UsageError(`--${name} must be an http(s) URL, got ${JSON.stringify(clean(raw).slice(0, 60))}`);
}

async function run(values: Values, positionals: string[], ctx: Context): Promise<number> {
  const year = yearOption(values) ?? Number(ctx.now().slice(0, 4));
  const givenUrl = httpUrlOption(values, 'roundup-url');
  const svgUrl = httpUrlOption(values, 'svg-url');
  let site: string;
  try {
    site = siteKey(positionals[0].trim());
  } catch {
    throw new CliError(`not a site: ${JSON.stringify(clean(positionals[0]).slice(0, 100))}`);
  }
  const out = resolve(ctx.io.cwd, stringOption(values, 'out') ?? badgeFileName(site, year));
  const withShortlist = values['with-shortlist'] === true;
  // Read-only unless a roundup URL is to be remembered.
  const found = await withStore(dbPath(values, ctx.io), givenUrl ? { mustExist: true } : { readonly: true }, (store) => {
    const all = store.listCandidates({ year });
    const c = all.find((x) => x.site === site);
    if (!c) throw new CliError(`unknown site: ${clean(site)} (see mentor-radar list)`);
    const at = roundupPlace(all, site, { withShortlist });
    if (at.position === undefined) {
      throw new CliError(`${clean(site)} is not in the ${year} roundup (${c.decision}): include it first (mentor-radar decide ${clean(site)} --decision include)`);
    }
    if (givenUrl) store.setSetting(roundupUrlKey(year), givenUrl, ctx.now());
    return { name: candidateName(c), place: at.place, roundupUrl: givenUrl ?? store.getSetting(roundupUrlKey(year)) };
  });
  const svg = badgeSvg({ name: found.name, year, place: found.place });
  let embedHtml: string;
  try {
    embedHtml = badgeEmbedHtml({ name: found.name, year, place: found.place, svgUrl: svgUrl ?? badgeDataUri(svg), roundupUrl: found.roundupUrl });
  } catch (e) {
    if (e instanceof BadgeError) throw new CliError(e.message);
    throw e;
  }
  await writeAtomic(out, svg);
  const label = placeLabel(found.place);
  if (values.json) {
    ctx.io.stdout(safeJson({ file: out, name: found.name, year, place: label, roundupUrl: found.roundupUrl ?? null, embedHtml }) + '\n');
    return 0;
  }
  ctx.io.stderr(`wrote ${clean(out)} (${Buffer.byteLength(svg)} bytes): ${clean(found.name)}, ${label} in Best Mentoring Blogs ${year}\n`);
  if (!found.roundupUrl) ctx.io.stderr('the badge links nowhere yet: add --roundup-url URL once the roundup is published\n');
  ctx.io.stdout(embedHtml);
  return 0;
}

export const command: CommandSpec = {
  name: 'badge',
  summary: 'write the winner badge of a site (SVG) and its embed snippet',
  help,
  options: {
    year: { type: 'string' },
    out: { type: 'string' },
    'roundup-url': { type: 'string' },
    'svg-url': { type: 'string' },
    'with-shortlist': { type: 'boolean' },
    db: { type: 'string' },
    json: { type: 'boolean' },
  },
  positionals: { min: 1, max: 1, name: 'SITE' },
  run,
};
