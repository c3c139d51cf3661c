// list, export, import, decide against real SQLite files in a temp dir.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../crawler/store/index.ts';
import Database from '../../../crawler/store/sqlite.ts';
import { CSV_COLUMNS, parseCandidates } from '../../../scoring/index.ts';
import type { Candidate } from '../../../scoring/index.ts';
import { candidate, expectOneLineError, readCandidates, run, seedStore, tempDir } from './helpers.ts';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
let n = 0;
let db = '';

const HOSTILE = '=HYPERLINK("http://evil.example","\x1b[31mclick\x1b[0m")';

function curated(db: string): Map<string, Pick<Candidate, 'decision' | 'notes' | 'tags'>> {
  return new Map(readCandidates(db).map((c) => [c.site, { decision: c.decision, notes: c.notes, tags: c.tags }]));
}

beforeEach(() => {
  db = join(tmp.dir, `store-${++n}.db`);
  seedStore(db, [
    candidate('https://www.mentoring-guide.example/start', 'Starting as a mentor: first meeting, goals, feedback'),
    candidate('https://program.example:8443/toolkit', 'Mentoring program toolkit for coordinators'),
    { ...candidate('https://evil.example/', 'Mentoring hostile names'), name: HOSTILE },
  ]);
  const store = openStore(db);
  store.decide('mentoring-guide.example', { decision: 'include', note: 'Great first-meeting advice', tags: ['mentor', 'best-three'] });
  store.decide('evil.example', { decision: 'exclude', note: '+SUM(1,2) formula lead', tags: ['@risk'] });
  store.close();
});

describe('list', () => {
  it('prints a ranked table with rank, score, kind, decision, site, name, pages, mentoring pages', async () => {
    const r = await run(['list', '--db', db]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^#\s+score\s+kind\s+decision\s+site\s+name\s+pages\s+mentoring$/);
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^1\s+\d+\.\d\s/);
    expect(r.stdout).toContain('mentoring-guide.example');
    expect(r.stdout).toContain('program.example:8443');
    expect(r.stdout).toMatch(/=HYPERLINK\(\S* \[31mclick/);
    // eslint-disable-next-line no-control-regex
    expect(r.stdout).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f]/);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(120);
  });

  it('fits a narrow terminal, honours --top and prints JSON rows', async () => {
    const narrow = await run(['list', '--db', db, '--top', '2'], { columns: 70 });
    const lines = narrow.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(4); // header, 2 rows, "(2 of 3 ...)"
    for (const line of lines.slice(0, 3)) expect([...line].length).toBeLessThanOrEqual(70);
    const rows = JSON.parse((await run(['list', '--db', db, '--json'])).stdout);
    expect(rows.map((r: { rank: number }) => r.rank)).toEqual([1, 2, 3]);
    expect(Object.keys(rows[0])).toEqual(['rank', 'score', 'kind', 'decision', 'site', 'name', 'pages', 'mentoringPages']);
  });

  it('with --year shows movers against the previous year’s snapshot', async () => {
    const store = openStore(db);
    store.snapshotYear(2025);
    store.close();
    const raw = new Database(db);
    raw.prepare('DELETE FROM snapshots WHERE year = 2025 AND site = ?').run('program.example:8443');
    raw.close();
    const rows = JSON.parse((await run(['list', '--db', db, '--year', '2026', '--json'])).stdout);
    const bySite = new Map(rows.map((r: { site: string; move: number | null }) => [r.site, r.move]));
    expect(bySite.get('program.example:8443')).toBeNull();
    expect(rows.every((r: { move?: unknown }) => 'move' in r)).toBe(true);
    const table = await run(['list', '--db', db, '--year', '2026']);
    expect(table.stdout.split('\n')[0]).toMatch(/\bmove\b/);
    expect(table.stdout).toMatch(/\bnew\b/);
    // Without a snapshot of the previous year there is no move column.
    const none = await run(['list', '--db', db, '--year', '2030']);
    expect(none.stdout.split('\n')[0]).not.toMatch(/\bmove\b/);
  });

  it('fails with one line on a missing store', async () => {
    const r = await run(['list', '--db', join(tmp.dir, 'nope.db')]);
    expect(r.code).toBe(1);
    expect(expectOneLineError(r)).toMatch(/no store at/);
    expect(existsSync(join(tmp.dir, 'nope.db'))).toBe(false);
  });
});

describe('export', () => {
  it('writes CSV with the scoring module’s columns, formula-safe, to stdout', async () => {
    const r = await run(['export', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\r\n')[0]).toBe(`\uFEFF${CSV_COLUMNS.join(',')}`); // BOM: spreadsheets read UTF-8
    expect(r.stdout).toContain(`"'=HYPERLINK(`);
    expect(r.stdout).toContain("'+SUM(1,2) formula lead");
    expect(r.stdout).toContain("'@risk");
    expect(r.stdout.trimEnd().split('\r\n')).toHaveLength(4);
  });

  it('writes JSON and Markdown, honours --top', async () => {
    const json = JSON.parse((await run(['export', '--db', db, '--format', 'json', '--top', '2'])).stdout);
    expect(json.format).toBe('mentor-radar/candidates');
    expect(json.candidates).toHaveLength(2);
    const md = await run(['export', '--db', db, '--format', 'md', '--year', '2026']);
    expect(md.stdout).toMatch(/^# Best Mentoring Blogs 2026/);
    expect(md.stdout).not.toContain('evil.example'); // excluded by the curator
  });

  it('writes --out atomically and leaves no temp file', async () => {
    const out = join(tmp.dir, `out-${n}`, 'candidates.csv');
    const r = await run(['export', '--db', db, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(out, 'utf8').split('\r\n')[0]).toBe(`\uFEFF${CSV_COLUMNS.join(',')}`);
    writeFileSync(out, 'old');
    await run(['export', '--db', db, '--out', out, '--format', 'json']);
    expect(JSON.parse(readFileSync(out, 'utf8')).candidates).toHaveLength(3);
    expect(readdirSync(join(tmp.dir, `out-${n}`))).toEqual(['candidates.csv']);
  });

  it('rejects a bad --format with exit 2 and a missing store with exit 1', async () => {
    const bad = await run(['export', '--db', db, '--format', 'xml']);
    expect(bad.code).toBe(2);
    expect(expectOneLineError(bad)).toMatch(/--format must be csv, json or md/);
    const missing = await run(['export', '--db', join(tmp.dir, 'missing.db')]);
    expect(missing.code).toBe(1);
  });
});

describe('import', () => {
  it.each(['json', 'csv'])('round-trips a %s export into a new store, keeping decisions, notes and tags', async (format) => {
    const file = join(tmp.dir, `export-${n}.${format}`);
    expect((await run(['export', '--db', db, '--format', format, '--out', file])).code).toBe(0);
    const fresh = join(tmp.dir, `fresh-${n}.db`);
    const r = await run(['import', file, '--db', fresh]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('imported 3 (new 3, merged 0)\n');
    expect(curated(fresh)).toEqual(curated(db));
    const before = readCandidates(db);
    const after = readCandidates(fresh);
    expect(after.map((c) => c.site)).toEqual(before.map((c) => c.site));
    expect(after.map((c) => c.name)).toEqual(before.map((c) => c.name));
    expect(after.map((c) => c.siteScore.score)).toEqual(before.map((c) => c.siteScore.score));
    // Importing into the store it came from merges every record and loses nothing.
    const again = await run(['import', file, '--db', db, '--json']);
    expect(JSON.parse(again.stdout)).toEqual({ imported: 3, added: 0, merged: 3, queuedForCrawl: 0 });
    expect(curated(db)).toEqual(curated(fresh));
  });

  it('merges an incoming export without dropping the local curation', async () => {
    const incoming = readCandidates(db).map((c) => ({ ...c, decision: 'undecided' as const, notes: 'from the extension', tags: ['ext'], curatedAt: undefined }));
    const file = join(tmp.dir, `incoming-${n}.json`);
    writeFileSync(file, JSON.stringify(incoming));
    expect((await run(['import', file, '--db', db])).code).toBe(0);
    const guide = readCandidates(db).find((c) => c.site === 'mentoring-guide.example')!;
    expect(guide.decision).toBe('include');
    expect(guide.tags).toEqual(['best-three', 'ext', 'mentor']); // merged tags are a set, in a canonical order
    expect(guide.notes).toContain('Great first-meeting advice');
    expect(guide.notes).toContain('from the extension');
  });

  const good = () => readFileSync(join(tmp.dir, `good-${n}.json`), 'utf8');
  it.each([
    ['bad.json', () => '{"format": "mentor-radar/candidates", "version": 1, "candidates": [', /not valid JSON/],
    ['other.json', () => '{"hello": "world"}', /not a Mentor Radar export/],
    ['nosite.csv', () => 'name,score\nA,50\n', /neither JSON nor a CSV with a "site" column|missing the column/],
    ['badscore.json', () => good().replace(/"score": [\d.]+,/, '"score": 150,'), /score must be a number in 0\.\.100/],
    ['empty.json', () => '', /empty/],
  ])('rejects %s with one line and leaves the store unchanged', async (name, body, message) => {
    await run(['export', '--db', db, '--format', 'json', '--out', join(tmp.dir, `good-${n}.json`)]);
    const file = join(tmp.dir, `${n}-${name}`);
    writeFileSync(file, body());
    const before = readCandidates(db);
    const r = await run(['import', file, '--db', db]);
    expect(r.code).toBe(1);
    expect(expectOneLineError(r)).toMatch(message);
    expect(readCandidates(db)).toEqual(before);
  });

  it('rejects a missing file and a directory', async () => {
    expect(expectOneLineError(await run(['import', join(tmp.dir, 'none.json'), '--db', db]))).toMatch(/no such file/);
    expect(expectOneLineError(await run(['import', tmp.dir, '--db', db]))).toMatch(/is a directory/);
  });

  it('accepts the export parsed by the scoring module as-is (same parser as the extension)', async () => {
    const text = (await run(['export', '--db', db, '--format', 'json'])).stdout;
    expect(parseCandidates(text, '2026-01-01T00:00:00.000Z')).toHaveLength(3);
  });
});

describe('decide', () => {
  it('records a decision, note and tags, accepting a URL for the site', async () => {
    const r = await run(['decide', 'https://PROGRAM.example:8443/any/page', '--decision', 'shortlist', '--note', 'check the toolkit', '--tag', 'program', '--tag', 'toolkit', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      ['program.example:8443 (program.example):', '  decision: undecided → shortlist', '  note added: "check the toolkit"', '  tags: none → program, toolkit', ''].join('\n'),
    );
    const c = readCandidates(db).find((x) => x.site === 'program.example:8443')!;
    expect(c.decision).toBe('shortlist');
    expect(c.notes).toBe('check the toolkit');
    expect(c.tags).toEqual(['program', 'toolkit']);
    expect(c.curatedAt).toBeTruthy();
  });

  it('fails on an unknown site with exit 1, on a bad decision or nothing to change with exit 2', async () => {
    const unknown = await run(['decide', 'nobody.example', '--decision', 'include', '--db', db]);
    expect(unknown.code).toBe(1);
    expect(expectOneLineError(unknown)).toMatch(/unknown site: nobody\.example/);
    const bad = await run(['decide', 'evil.example', '--decision', 'maybe', '--db', db]);
    expect(bad.code).toBe(2);
    const missing = await run(['decide', 'evil.example', '--db', db]);
    expect(missing.code).toBe(2);
    expect(expectOneLineError(missing)).toMatch(/^mentor-radar: decide: nothing to change: give at least one of --decision, --rank, --best, --blurb, --name, --note, --tag, --untag/);
    const notSite = await run(['decide', 'javascript:alert(1)', '--decision', 'include', '--db', db]);
    expect(notSite.code).toBe(1);
    expect(curated(db).get('evil.example')!.decision).toBe('exclude');
  });
});
