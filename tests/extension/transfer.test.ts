// Export and import through the store: JSON and CSV round trips keep decisions, tags and notes;
// a bad file gets a clear message and changes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeMentorDb, getCandidate, listCandidates, pagesOfSite, putCandidate, removePageAndRescore, savePageAndCandidate, updateCuration, withStoredPages } from '../../extension/lib/db.ts';
import { ImportFailed, describeImport, exportFile, importFile, importText } from '../../extension/lib/transfer.ts';
import { CSV_COLUMNS, rankCandidates } from '../../scoring/index.ts';
import type { Candidate } from '../../scoring/index.ts';
import { candidateOf, freshIndexedDb, pageOf } from './fixtures.ts';

beforeEach(() => freshIndexedDb());
afterEach(() => closeMentorDb());

const NOW = new Date('2026-06-01T12:00:00.000Z');

async function seed(): Promise<Candidate[]> {
  await putCandidate(candidateOf('alpha.example', 88, { decision: 'include', tags: ['top', 'program'], notes: 'Use in the best three.\nSecond line, with "quotes"', curatedAt: '2026-05-01T00:00:00.000Z' }));
  await putCandidate(candidateOf('beta.example', 55, { decision: 'exclude', tags: ['=cmd|calc'], notes: '+formula-looking note' }));
  await savePageAndCandidate(pageOf('https://gamma.example/p', 71), '2026-05-02T00:00:00.000Z');
  return listCandidates();
}

async function wipe(): Promise<void> {
  await freshIndexedDb();
}

describe('export', () => {
  it('CSV has the crawler columns, ranked, formula-safe', async () => {
    const all = await seed();
    const f = exportFile(all, 'csv', { now: NOW });
    expect(f.filename).toBe('mentor-radar-2026-06-01.csv');
    expect(f.mime).toMatch(/^text\/csv/);
    expect(f.text.startsWith('\uFEFF') && !f.text.startsWith('\uFEFF\uFEFF')).toBe(true); // one BOM
    const lines = f.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines[1].startsWith('1,alpha.example,')).toBe(true);
    expect(lines[2].startsWith('2,gamma.example,')).toBe(true);
    expect(f.text).toContain("'=cmd|calc");
    expect(f.text).toContain("'+formula-looking note");
  });

  it('Markdown roundup draft leaves excluded sites out', async () => {
    const all = await seed();
    const md = exportFile(all, 'md', { now: NOW, year: 2026 });
    expect(md.filename).toBe('mentor-radar-roundup-2026.md');
    expect(md.text).toContain('# Best Mentoring Blogs 2026');
    expect(md.text).toContain('alpha.example');
    expect(md.text).not.toContain('beta.example');
  });
});

describe('round trips', () => {
  for (const format of ['json', 'csv'] as const) {
    it(`${format.toUpperCase()}: export, wipe, import gives back every candidate with its decision, tags and notes`, async () => {
      const before = rankCandidates(await seed());
      const file = exportFile(before, format, { now: NOW });
      await wipe();
      const r = await importText(file.text, file.filename, NOW);
      expect(r).toEqual({ added: 3, merged: 0, total: 3 });
      const after = rankCandidates(await listCandidates());
      expect(after.map((c) => c.site)).toEqual(before.map((c) => c.site));
      for (const [i, c] of after.entries()) {
        expect(c.decision).toBe(before[i].decision);
        expect(c.tags).toEqual(before[i].tags);
        expect(c.notes).toBe(before[i].notes);
        expect(c.siteScore.score).toBeCloseTo(before[i].siteScore.score, 1);
        expect(c.siteScore.pagesScored).toBe(before[i].siteScore.pagesScored);
        expect(c.siteScore.siteKind).toBe(before[i].siteScore.siteKind);
      }
      if (format === 'json') expect(after).toEqual(before); // full fidelity
    });
  }

  it('JSON carries the stored pages (removals too): a wipe and an import give each site back its pages and score', async () => {
    await seed();
    await savePageAndCandidate(pageOf('https://gamma.example/q', 40), '2026-05-03T00:00:00.000Z');
    await savePageAndCandidate(pageOf('https://gamma.example/r', 55), '2026-05-04T00:00:00.000Z');
    await removePageAndRescore('https://gamma.example/r', '2026-05-05T00:00:00.000Z');
    const before = (await getCandidate('gamma.example'))!;
    const file = exportFile(await withStoredPages(await listCandidates()), 'json', { now: NOW });
    expect(JSON.parse(file.text).version).toBe(3);
    await wipe();
    await importText(file.text, file.filename, NOW);
    const after = (await getCandidate('gamma.example'))!;
    expect(after.siteScore).toEqual(before.siteScore);
    expect(after.siteScore.pagesScored).toBe(2);
    expect((await pagesOfSite('gamma.example')).map((p) => p.url).sort()).toEqual(['https://gamma.example/p', 'https://gamma.example/q']);
    // The removal came along: the page stays out of the site.
    expect((await withStoredPages([after]))[0].pages?.find((p) => p.url === 'https://gamma.example/r')?.removedAt).toBe('2026-05-05T00:00:00.000Z');
  });

  it('importing into a store that has the same sites merges without losing local curation', async () => {
    const before = await seed();
    const file = exportFile(before, 'json', { now: NOW });
    // The curator keeps working after the export...
    await updateCuration('gamma.example', { decision: 'shortlist', notes: 'newer local note' }, '2026-06-02T00:00:00.000Z');
    const r = await importText(file.text, 'backup.json', NOW);
    expect(r).toEqual({ added: 0, merged: 3, total: 3 });
    expect(describeImport(r)).toBe('Imported 3 candidates: 0 new, 3 merged with existing ones.');
    const gamma = (await getCandidate('gamma.example'))!;
    expect(gamma.decision).toBe('shortlist');
    expect(gamma.notes).toBe('newer local note');
    expect((await getCandidate('alpha.example'))!.notes).toBe('Use in the best three.\nSecond line, with "quotes"');
  });
});

describe('bad files change nothing', () => {
  const bad: [string, string, RegExp][] = [
    ['empty.json', '   ', /empty/],
    ['broken.json', '{"format": "mentor-radar/candidates", "version": 1, "candidates": [', /not valid JSON/],
    ['other.json', '{"hello": "world"}', /not a Mentor Radar export/],
    ['future.json', '{"format": "mentor-radar/candidates", "version": 99, "candidates": []}', /unsupported export version/],
    ['none.json', '{"format": "mentor-radar/candidates", "version": 1, "candidates": []}', /no candidates/],
    ['bad-decision.json', JSON.stringify([{ site: 'x.example', siteScore: { score: 5 }, decision: 'maybe' }]), /unknown decision/],
    ['js-url.json', JSON.stringify([{ site: 'javascript:alert(1)', siteScore: { score: 5 } }]), /candidate 1/],
    ['no-site.csv', 'name,score\nfoo,5\n', /neither JSON nor a CSV/],
    ['bad-score.csv', 'site,score\nok.example,50\nbad.example,500\n', /candidate 2: score must be a number/],
    ['binary.png', '\u0089PNG\r\n\u001a\n\u0000\u0000', /neither JSON nor a CSV/],
  ];
  for (const [name, text, why] of bad) {
    it(`${name}: clear message, store untouched`, async () => {
      const before = await seed();
      const err = await importText(text, name, NOW).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ImportFailed);
      expect((err as Error).message).toMatch(why);
      expect((err as Error).message).toContain(name);
      expect((err as Error).message).toMatch(/Nothing was changed\.$/);
      expect(await listCandidates()).toEqual(before);
    });
  }

  it('importFile reads a File and refuses oversized ones', async () => {
    const before = await seed();
    const good = new File([exportFile(before, 'csv', { now: NOW }).text], 'export.csv', { type: 'text/csv' });
    expect(await importFile(good, NOW)).toEqual({ added: 0, merged: 3, total: 3 });
    const huge = { name: 'huge.json', size: 500 * 1024 * 1024, text: async () => '[]' } as unknown as File;
    await expect(importFile(huge, NOW)).rejects.toThrow(/larger than/);
  });
});
