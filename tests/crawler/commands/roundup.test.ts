// The curator's year from the CLI alone (issue 9's "done when"): crawl the demo web on loopback,
// `list` shows the sites' real names (found through og:site_name, a JSON-LD WebSite, or only the
// page titles) and finds them by name, `decide` sets the order, the best three, blurbs and a
// rename, `export --format md` is exactly the included sites with the best three in the
// curator's order and nothing private (rendered with a CommonMark parser), `badge` writes a valid
// self-contained SVG and prints its embed snippet, and the CSV opens cleanly and round-trips.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { XMLValidator } from 'fast-xml-parser';
import MarkdownIt from 'markdown-it';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSites } from '../../../demo/fixture-web/demo-sites.ts';
import { startFixtureWeb, type FixtureWeb } from '../../../demo/fixture-web/server.ts';
import { CSV_COLUMNS, siteKey } from '../../../scoring/index.ts';
import { expectOneLineError, readCandidates, run, tempDir } from './helpers.ts';

const tmp = tempDir('mr-roundup-');
const db = join(tmp.dir, 'year.db');
const YEAR = '2026';
let web: FixtureWeb;
const key = (name: string) => siteKey(web.origin(name));
const cli = (argv: string[]) => run([...argv, '--db', db], { cwd: tmp.dir });
// html: true, as some blog tools render: the draft must still contain no raw HTML.
const markdown = new MarkdownIt({ html: true });

beforeAll(async () => {
  web = await startFixtureWeb(demoSites());
  const r = await cli(['crawl', web.url('mentorwise'), web.url('tutorly'), '--delay', '150', '--concurrency', '6']);
  expect(r.code, r.stderr).toBe(0);
}, 60_000);

afterAll(async () => {
  await web?.close();
  tmp.cleanup();
});

describe('the roundup from the CLI alone', () => {
  it('list shows every site under its real name, whichever way the site gives it, and finds sites by name', async () => {
    const rows = JSON.parse((await cli(['list', '--json'])).stdout) as { site: string; name: string }[];
    const names = new Map(rows.map((r) => [r.site, r.name]));
    expect(names.get(key('mentorwise'))).toBe('Mentorwise'); // og:site_name
    expect(names.get(key('programhub'))).toBe('Mentoring Program Hub'); // JSON-LD WebSite only
    expect(names.get(key('youthbridge'))).toBe('YouthBridge Mentoring'); // "Post – YouthBridge Mentoring" titles only
    expect(names.get(key('mentorcraft'))).toBe('MentorCraft'); // "Post - MentorCraft" titles (and its feed's title)
    for (const name of names.values()) expect(name).not.toMatch(/^127\.0\.0\.\d+/);
    const table = (await cli(['list'])).stdout;
    expect(table).toMatch(/YouthBridge Mentoring/);

    const found = await cli(['list', '--search', 'BRIDGE mentoring', '--json']);
    expect(JSON.parse(found.stdout).map((r: { name: string }) => r.name)).toEqual(['YouthBridge Mentoring']);
    // The rank is the site's rank in the whole list, not in the search.
    expect(JSON.parse(found.stdout)[0].rank).toBe(rows.findIndex((r) => r.site === key('youthbridge')) + 1);
    expect((await cli(['list', '--search', 'no such blog'])).stdout).toBe('No site matches the search.\n');
  });

  it('decide sets the decisions, the order, the best three, blurbs, a rename and private notes, and says what changed', async () => {
    for (const [site, decision] of [
      ['mentorwise', 'include'],
      ['youthbridge', 'include'],
      ['mentorcraft', 'include'],
      ['programhub', 'shortlist'],
      ['coachcorner', 'exclude'],
    ]) {
      expect((await cli(['decide', web.url(site, '/any/page'), '--decision', decision])).code).toBe(0);
    }
    // The curator's order: YouthBridge first, Mentorwise second, MentorCraft after them (by score).
    const first = await cli(['decide', key('youthbridge'), '--rank', '1', '--blurb', 'Honest advice for volunteer mentors of young people | with a free toolkit (2025).']);
    expect(first.stdout).toContain(`${key('youthbridge')} (YouthBridge Mentoring):\n  rank: none → 1\n  blurb: none → "Honest advice`);
    expect((await cli(['decide', key('mentorwise'), '--rank', '2', '--best', '3', '--note', 'PRIVATE: met Ann at a conference', '--tag', 'new mentors'])).code).toBe(0);
    const renamed = await cli(['decide', key('mentorcraft'), '--name', 'MentorCraft Blog', '--best', '1']);
    expect(renamed.stdout).toContain('name: "MentorCraft" → "MentorCraft Blog"');
    // Taking place 2 from nobody, then giving place 3 to YouthBridge: Mentorwise loses it, and is told so.
    expect((await cli(['decide', key('youthbridge'), '--best', '2'])).code).toBe(0);
    const moved = await cli(['decide', key('programhub'), '--best', '3']);
    expect(moved.stdout).toMatch(new RegExp(`also moved:\\n  ${key('mentorwise').replace(/\./g, '\\.')} \\(Mentorwise\\): best: 3 → none`));
    expect((await cli(['decide', key('programhub'), '--best', '0'])).stdout).toContain('best: 3 → none');
    expect((await cli(['decide', key('mentorwise'), '--best', '3'])).code).toBe(0);

    const nothing = await cli(['decide', key('mentorwise')]);
    expect(nothing.code).toBe(2);
    expect(expectOneLineError(nothing)).toMatch(/nothing to change/);
    const badBest = await cli(['decide', key('mentorwise'), '--best', '4']);
    expect(badBest.code).toBe(2);
    expect(expectOneLineError(badBest)).toMatch(/--best must be an integer 0\.\.3/);

    const picks = new Map(readCandidates(db).map((c) => [c.site, c]));
    expect(picks.get(key('youthbridge'))).toMatchObject({ decision: 'include', roundupRank: 1, best: 2 });
    expect(picks.get(key('mentorwise'))).toMatchObject({ decision: 'include', roundupRank: 2, best: 3, tags: ['new mentors'], notes: 'PRIVATE: met Ann at a conference' });
    expect(picks.get(key('mentorcraft'))).toMatchObject({ name: 'MentorCraft Blog', nameOverride: 'MentorCraft Blog', best: 1 });
    expect(picks.get(key('programhub'))?.best).toBeUndefined();
    // The rename is what list shows and what search finds.
    const rows = JSON.parse((await cli(['list', '--search', 'craft blog', '--json'])).stdout);
    expect(rows.map((r: { name: string }) => r.name)).toEqual(['MentorCraft Blog']);
  });

  it('export --format md is exactly the included sites in the curator’s order, the best three in theirs, nothing private', async () => {
    const out = await cli(['export', '--format', 'md', '--year', YEAR, '--out', 'roundup.md']);
    expect(out.code, out.stderr).toBe(0);
    const md = readFileSync(join(tmp.dir, 'roundup.md'), 'utf8');
    expect((await cli(['export', '--format', 'md', '--year', YEAR])).stdout).toBe(md);
    const html = markdown.render(md);
    const $ = cheerio.load(html);
    expect($('h1').text()).toBe(`Best Mentoring Blogs ${YEAR}`);
    const listed = $('h2:contains("The list") + ol > li').map((_, li) => $(li).find('strong a').first().text()).get();
    expect(listed).toEqual(['YouthBridge Mentoring', 'Mentorwise', 'MentorCraft Blog']);
    expect($('h3').map((_, h) => $(h).text()).get()).toEqual(['1. MentorCraft Blog', '2. YouthBridge Mentoring', '3. Mentorwise']);
    // The blurb as typed, no escape showing; the others a why with a quote linked to its page.
    const youth = $('h2:contains("The list") + ol > li').first().text();
    expect(youth).toContain('Honest advice for volunteer mentors of young people | with a free toolkit (2025).');
    // Mentorwise's best-three section says how to reach its author.
    const reach = $('li:contains("Reach the author")').filter((_, li) => $(li).text().includes('Ann Berg'));
    expect(reach.find('a').map((_, a) => $(a).attr('href')).get()).toEqual(expect.arrayContaining(['https://www.linkedin.com/in/ann-berg-mentorwise', 'https://www.youtube.com/@mentorwise']));
    // Nothing else, nothing private, no raw HTML, no visible escape, only http(s) links.
    const text = $.root().text();
    for (const gone of ['Mentoring Program Hub', 'Coach Corner', 'Tutorly', 'Mentor IDE', 'PRIVATE', 'met Ann', 'new mentors,']) expect(text).not.toContain(gone);
    for (const gone of ['programhub', 'coachcorner', 'tutorly', 'mentorgraphix']) expect(md).not.toContain(web.origin(gone));
    expect(text).not.toMatch(/\\[^\n]/);
    expect($('script, img, iframe, style').length).toBe(0);
    for (const a of $('a').toArray()) expect($(a).attr('href')).toMatch(/^https?:\/\//);

    // With the shortlist: the shortlisted hub joins the list, marked.
    const withShort = cheerio.load(markdown.render((await cli(['export', '--format', 'md', '--year', YEAR, '--with-shortlist'])).stdout));
    const items = withShort('h2:contains("The list") + ol > li').map((_, li) => withShort(li).text()).get();
    expect(items.find((t) => t.includes('Mentoring Program Hub'))).toMatch(/\(shortlisted\)/);
    expect(items).toHaveLength(4);
  });

  it('badge writes a valid, self-contained SVG and prints the embed snippet linked to the roundup URL it remembers', async () => {
    const first = await cli(['badge', key('mentorcraft'), '--year', YEAR, '--roundup-url', 'https://mentoring.example/best-2026']);
    expect(first.code, first.stderr).toBe(0);
    const file = join(tmp.dir, `badge-${key('mentorcraft').replace(':', '_')}-${YEAR}.svg`);
    expect(first.stderr).toContain(`wrote ${file}`);
    const svg = readFileSync(file, 'utf8');
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(statSync(file).size).toBeLessThanOrEqual(20 * 1024);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    for (const s of ['MentorCraft Blog', '#1', YEAR]) expect(svg).toContain(s);
    expect(svg).not.toMatch(/<script|href|url\(|<image|<foreignObject/i);
    // The snippet: the badge itself as a data: URI, linked to the roundup.
    const $ = cheerio.load(first.stdout);
    expect($('a').attr('href')).toBe('https://mentoring.example/best-2026');
    expect($('a img').attr('src')).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/);
    expect($('a img').attr('alt')).toBe(`MentorCraft Blog: #1 in Best Mentoring Blogs ${YEAR}`);

    // The URL is remembered for the year; a listed site that is not in the best three says "Listed".
    const pathOut = join(tmp.dir, 'out', 'listed.svg');
    const again = await cli(['badge', key('youthbridge'), '--year', YEAR, '--out', 'out/listed.svg', '--svg-url', 'https://mentoring.example/badges/youthbridge.svg', '--json']);
    const info = JSON.parse(again.stdout);
    expect(info).toMatchObject({ file: pathOut, name: 'YouthBridge Mentoring', place: '#2', roundupUrl: 'https://mentoring.example/best-2026' });
    expect(cheerio.load(info.embedHtml)('img').attr('src')).toBe('https://mentoring.example/badges/youthbridge.svg');
    expect(existsSync(pathOut)).toBe(true);

    const notIn = await cli(['badge', key('tutorly'), '--year', YEAR]);
    expect(notIn.code).toBe(1);
    expect(expectOneLineError(notIn)).toMatch(/is not in the 2026 roundup \(undecided\): include it first/);
    const badUrl = await cli(['badge', key('mentorcraft'), '--roundup-url', 'javascript:alert(1)']);
    expect(badUrl.code).toBe(2);
  });

  it('CSV: BOM, one header, every row the same width, the new columns filled; export → import → export changes nothing', async () => {
    const csv = (await cli(['export', '--format', 'csv'])).stdout;
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...CSV_COLUMNS]);
    const bySite = new Map(parsed.data.map((r) => [r.site, r]));
    expect(bySite.get(key('mentorwise'))).toMatchObject({ author: 'Ann Berg', email: 'ann@mentorwise.example', roundup_rank: '2', best: '3', site_url: web.origin('mentorwise') });
    expect(bySite.get(key('mentorwise'))?.social_links).toBe('https://www.linkedin.com/in/ann-berg-mentorwise; https://www.youtube.com/@mentorwise');
    expect(bySite.get(key('mentorcraft'))).toMatchObject({ name: 'MentorCraft Blog', best: '1', contact_url: web.url('mentorcraft', '/contact') });
    expect(bySite.get(key('youthbridge'))?.blurb).toBe('Honest advice for volunteer mentors of young people | with a free toolkit (2025).');

    // Into a new store, and back into this one: the same file comes out.
    writeFileSync(join(tmp.dir, 'year.csv'), csv);
    const fresh = join(tmp.dir, 'fresh.db');
    expect((await run(['import', 'year.csv', '--db', fresh], { cwd: tmp.dir })).code).toBe(0);
    expect((await run(['export', '--format', 'csv', '--db', fresh], { cwd: tmp.dir })).stdout).toBe(csv);
    expect((await cli(['import', 'year.csv'])).code).toBe(0);
    expect((await cli(['export', '--format', 'csv'])).stdout).toBe(csv);
  });
});
