// The IndexedDB store: upgrades from every earlier schema version with data in it, one-transaction
// writes, curation, delete/undo, import merge, all-or-nothing import, quota errors, blocking.
import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DB_VERSION,
  DbError,
  DbQuotaError,
  closeMentorDb,
  dbEvents,
  deleteCandidate,
  getCandidate,
  importCandidates,
  listCandidates,
  openMentorDb,
  pagesOfSite,
  putCandidate,
  restoreCandidate,
  savePageAndCandidate,
  updateCuration,
} from '../../extension/lib/db.ts';
import { pagesCandidate, scorePage, scoreSite, toSitePage } from '../../scoring/index.ts';
import type { Candidate } from '../../scoring/index.ts';
import { BOOKMARKED_PAGE, CRAWLED_PAGES } from '../scoring/site-fixture.ts';
import { candidateOf, freshIndexedDb, pageOf } from './fixtures.ts';

const NAME = 'mentor-radar-test';

beforeEach(() => freshIndexedDb(NAME));
afterEach(() => closeMentorDb());

/** The v1 schema exactly as v1 of the extension created it: two stores, no indexes, pages without `site`. */
async function createV1(cands: Candidate[], pages: ReturnType<typeof pageOf>[]): Promise<void> {
  const db = await openDB(NAME, 1, {
    upgrade(d) {
      d.createObjectStore('candidates', { keyPath: 'site' });
      d.createObjectStore('pages', { keyPath: 'url' });
    },
  });
  const tx = db.transaction(['candidates', 'pages'], 'readwrite');
  for (const c of cands) await tx.objectStore('candidates').put(c);
  for (const p of pages) await tx.objectStore('pages').put(p);
  await tx.done;
  db.close();
}

/** The v2 schema: indexes, meta, pages carry `site` but not yet `savedAt`. */
async function createV2(cands: Candidate[], pages: (ReturnType<typeof pageOf> & { site: string })[]): Promise<void> {
  const db = await openDB(NAME, 2, {
    upgrade(d) {
      const c = d.createObjectStore('candidates', { keyPath: 'site' });
      c.createIndex('byDecision', 'decision');
      c.createIndex('byKind', 'siteScore.siteKind');
      c.createIndex('byScore', 'siteScore.score');
      const p = d.createObjectStore('pages', { keyPath: 'url' });
      p.createIndex('bySite', 'site');
      d.createObjectStore('meta');
    },
  });
  const tx = db.transaction(['candidates', 'pages', 'meta'], 'readwrite');
  for (const c of cands) await tx.objectStore('candidates').put(c);
  for (const p of pages) await tx.objectStore('pages').put(p);
  await tx.objectStore('meta').put('2025-01-01T00:00:00.000Z', 'persistRequested');
  await tx.done;
  db.close();
}

/**
 * The v3 schema: v2 plus `bySource`/`byLastScored`; pages carry `savedAt`, keyed by the URL as read
 * (tracking parameters and all). v4 has the same stores and indexes (its pages keyed by their
 * normalised URL, which is up to the records put in).
 */
async function createV3(cands: Candidate[], pages: (ReturnType<typeof pageOf> & { site: string; savedAt: string; vector?: string })[], version: 3 | 4 = 3): Promise<void> {
  const db = await openDB(NAME, version, {
    upgrade(d) {
      const c = d.createObjectStore('candidates', { keyPath: 'site' });
      c.createIndex('byDecision', 'decision');
      c.createIndex('byKind', 'siteScore.siteKind');
      c.createIndex('byScore', 'siteScore.score');
      c.createIndex('bySource', 'sources', { multiEntry: true });
      c.createIndex('byLastScored', 'lastScoredAt');
      const p = d.createObjectStore('pages', { keyPath: 'url' });
      p.createIndex('bySite', 'site');
      d.createObjectStore('meta');
    },
  });
  const tx = db.transaction(['candidates', 'pages'], 'readwrite');
  for (const c of cands) await tx.objectStore('candidates').put(c);
  for (const p of pages) await tx.objectStore('pages').put(p);
  await tx.done;
  db.close();
}

const oldCandidates = (): Candidate[] => [
  candidateOf('mentorblog.example', 81, { source: 'bookmark', decision: 'include', tags: ['mentor'], notes: 'great', pages: 2, at: '2025-05-01T00:00:00.000Z' }),
  candidateOf('programs.example', 64, { source: 'crawl', decision: 'shortlist', at: '2025-06-01T00:00:00.000Z' }),
  candidateOf('127.0.0.1:8080', 12, { source: 'import', decision: 'exclude', notes: 'thin' }),
];
const oldPages = () => [
  pageOf('https://www.mentorblog.example/first-meeting', 77),
  pageOf('https://mentorblog.example/feedback', 70),
  pageOf('https://programs.example/start-a-program', 66),
  pageOf('http://127.0.0.1:8080/page', 12),
];

describe('schema upgrades', () => {
  it(`upgrades a v1 database with data to v${DB_VERSION} without losing a record`, async () => {
    const cands = oldCandidates();
    await createV1(cands, oldPages());
    const db = await openMentorDb(NAME);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['candidates', 'meta', 'pages']);

    const all = await listCandidates();
    expect(all.sort((a, b) => a.site.localeCompare(b.site))).toEqual([...cands].sort((a, b) => a.site.localeCompare(b.site)));
    expect(await db.count('pages')).toBe(4);

    // The v2 migration derived `site` for every page; the new index finds them.
    const blogPages = await pagesOfSite('mentorblog.example');
    expect(blogPages.map((p) => p.url).sort()).toEqual(['https://mentorblog.example/feedback', 'https://www.mentorblog.example/first-meeting']);
    expect((await pagesOfSite('127.0.0.1:8080')).map((p) => p.url)).toEqual(['http://127.0.0.1:8080/page']);
    // The v3 migration filled savedAt from the candidate.
    expect(blogPages.every((p) => p.savedAt === '2025-05-01T00:00:00.000Z')).toBe(true);
    // Page content untouched.
    expect(blogPages.find((p) => p.url.endsWith('feedback'))?.evidence).toEqual(pageOf('x', 1).evidence);

    // Every index of the current schema works on the migrated records.
    expect((await db.getAllFromIndex('candidates', 'byDecision', 'include')).map((c) => c.site)).toEqual(['mentorblog.example']);
    expect((await db.getAllFromIndex('candidates', 'bySource', 'crawl')).map((c) => c.site)).toEqual(['programs.example']);
    expect((await db.getAllFromIndex('candidates', 'byKind', 'blog')).length).toBe(3);
    expect((await db.getAllKeysFromIndex('candidates', 'byScore', IDBKeyRange.lowerBound(60))).sort()).toEqual(['mentorblog.example', 'programs.example']);
    expect((await db.getAllFromIndex('candidates', 'byLastScored')).map((c) => c.site)).toEqual(['mentorblog.example', 'programs.example', '127.0.0.1:8080']);
    await db.put('meta', 'x', 'k');
    expect(await db.get('meta', 'k')).toBe('x');
  });

  it(`upgrades a v2 database with data to v${DB_VERSION}`, async () => {
    const cands = oldCandidates();
    const pages = oldPages().map((p) => ({ ...p, site: new URL(p.url).host.replace(/^www\./, '') }));
    await createV2(cands, pages);
    const db = await openMentorDb(NAME);
    expect(db.version).toBe(DB_VERSION);
    expect((await listCandidates()).length).toBe(3);
    expect(await getCandidate('programs.example')).toEqual(cands[1]);
    const progPages = await pagesOfSite('programs.example');
    expect(progPages).toHaveLength(1);
    expect(progPages[0].savedAt).toBe('2025-06-01T00:00:00.000Z');
    expect(await db.get('meta', 'persistRequested')).toBe('2025-01-01T00:00:00.000Z');
    expect((await db.getAllFromIndex('candidates', 'bySource', 'import')).map((c) => c.site)).toEqual(['127.0.0.1:8080']);
  });

  it('upgrades a v3 database to v4: pages keyed by their normalised URL, tracking duplicates collapsed to the newest', async () => {
    const cands = oldCandidates();
    const at = (d: string) => `2025-0${d}T00:00:00.000Z`;
    const page = (url: string, score: number, savedAt: string) => ({ ...pageOf(url, score), site: 'mentorblog.example', savedAt });
    await createV3(cands, [
      page('https://mentorblog.example/post', 60, at('5-01')),
      page('https://mentorblog.example/post?utm_source=newsletter&utm_medium=email', 72, at('6-01')),
      page('https://mentorblog.example:443/post?fbclid=x#comments', 65, at('5-15')),
      page('https://mentorblog.example/post?p=2&ref=twitter', 50, at('5-01')),
      page('https://mentorblog.example/other', 40, at('4-01')),
    ]);
    const db = await openMentorDb(NAME);
    expect(db.version).toBe(DB_VERSION);
    const pages = (await pagesOfSite('mentorblog.example')).sort((a, b) => a.url.localeCompare(b.url));
    expect(pages.map((p) => [p.url, p.score, p.savedAt])).toEqual([
      ['https://mentorblog.example/other', 40, at('4-01')],
      ['https://mentorblog.example/post', 72, at('6-01')],
      ['https://mentorblog.example/post?p=2', 50, at('5-01')],
    ]);
    expect(await db.count('pages')).toBe(3);
    expect((await listCandidates()).length).toBe(3);
    // A new bookmark of the tracked address finds the one stored page.
    const saved = await savePageAndCandidate(pageOf('https://mentorblog.example/post?utm_campaign=y', 74));
    expect(saved.pageWasKnown).toBe(true);
    expect(saved.page.url).toBe('https://mentorblog.example/post');
  });

  it('upgrades a v4 database to v5: every page a bookmark record scored when saved, nothing lost, the site scored from all its pages after', async () => {
    const cands = oldCandidates();
    const page = (url: string, score: number, savedAt: string) => ({ ...pageOf(url, score), site: 'mentorblog.example', savedAt });
    await createV3(cands, [
      page('https://mentorblog.example/first-meeting', 77, '2025-05-01T00:00:00.000Z'),
      // A v4 page from a build with issue 11 before issue 10 kept its vector: the record keeps it too.
      { ...page('https://mentorblog.example/feedback', 70, '2025-05-02T10:00:00+02:00'), vector: '{"v":"kept as it was"}' },
    ], 4);
    const db = await openMentorDb(NAME);
    expect(db.version).toBe(DB_VERSION);
    expect((await listCandidates()).sort((a, b) => a.site.localeCompare(b.site))).toEqual([...cands].sort((a, b) => a.site.localeCompare(b.site)));
    const pages = (await pagesOfSite('mentorblog.example')).sort((a, b) => a.url.localeCompare(b.url));
    expect(pages.map((p) => [p.url, p.score, p.source, p.scoredAt, p.savedAt])).toEqual([
      ['https://mentorblog.example/feedback', 70, 'bookmark', '2025-05-02T08:00:00.000Z', '2025-05-02T10:00:00+02:00'],
      ['https://mentorblog.example/first-meeting', 77, 'bookmark', '2025-05-01T00:00:00.000Z', '2025-05-01T00:00:00.000Z'],
    ]);
    expect(pages[0].evidence).toEqual(pageOf('x', 1).evidence);
    expect([pages[0].vector, pages[1].vector]).toEqual(['{"v":"kept as it was"}', undefined]);
    // The next bookmark scores the site from the two old pages and the new one.
    const saved = await savePageAndCandidate(pageOf('https://mentorblog.example/goals', 66), '2026-01-10T00:00:00.000Z');
    expect(saved.candidate.siteScore.pagesScored).toBe(3);
    expect(saved.candidate.decision).toBe('include');
  });

  it('a fresh install creates the current schema, and reopening keeps the data', async () => {
    await putCandidate(candidateOf('fresh.example', 50));
    await closeMentorDb();
    const db = await openMentorDb(NAME);
    expect(db.version).toBe(DB_VERSION);
    expect((await getCandidate('fresh.example'))?.siteScore.score).toBe(50);
  });

  it('closes itself when a newer version wants to open (blocking), so the upgrade is not stuck', async () => {
    await openMentorDb(NAME);
    const seen = vi.fn();
    dbEvents.addEventListener('blocking', seen);
    const newer = await openDB(NAME, DB_VERSION + 1);
    expect(newer.version).toBe(DB_VERSION + 1);
    expect(seen).toHaveBeenCalledTimes(1);
    dbEvents.removeEventListener('blocking', seen);
    newer.close();
  });
});

describe('writes', () => {
  it('savePageAndCandidate stores the page and scores the site from its pages, keeping the curation, in one transaction', async () => {
    // A site known only from a file without pages: once a page is known, the site is scored from its pages.
    await putCandidate(candidateOf('blog.example', 40, { source: 'crawl', decision: 'shortlist', tags: ['keep'], notes: 'from crawl', pages: 9 }));
    const page = pageOf('https://blog.example/a#top', 70);
    const { candidate, wasKnown, pageWasKnown } = await savePageAndCandidate(page, '2026-04-01T00:00:00.000Z');
    expect([wasKnown, pageWasKnown]).toEqual([true, false]);
    expect(candidate.sources).toEqual(['crawl', 'bookmark']);
    expect([candidate.decision, candidate.tags, candidate.notes]).toEqual(['shortlist', ['keep'], 'from crawl']);
    expect(candidate.siteScore).toEqual(scoreSite([{ ...page, url: 'https://blog.example/a', finalUrl: 'https://blog.example/a' }], { site: 'https://blog.example', roundupYear: 2026 }));
    expect(await getCandidate('blog.example')).toEqual(candidate);
    const pages = await pagesOfSite('blog.example');
    expect(pages.map((p) => [p.url, p.site, p.source, p.scoredAt, p.savedAt])).toEqual([['https://blog.example/a', 'blog.example', 'bookmark', '2026-04-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z']]);
    expect((await savePageAndCandidate(page, '2026-04-02T00:00:00.000Z')).pageWasKnown).toBe(true);
  });

  it('updateCuration sets decision, tags, notes and curatedAt; rejects bad input and unknown sites', async () => {
    await putCandidate(candidateOf('blog.example', 40));
    const c = await updateCuration('https://www.blog.example/x', { decision: 'include', tags: [' a ', 'b', 'A', ''], notes: 'n' }, '2026-05-05T05:05:05.000Z');
    expect(c).toMatchObject({ decision: 'include', tags: ['a', 'b'], notes: 'n', curatedAt: '2026-05-05T05:05:05.000Z' });
    expect(await getCandidate('blog.example')).toEqual(c);
    await expect(updateCuration('blog.example', { decision: 'maybe' as never })).rejects.toBeInstanceOf(DbError);
    await expect(updateCuration('nope.example', { notes: 'x' })).rejects.toThrow(/no candidate/);
    expect(await getCandidate('blog.example')).toEqual(c);
  });

  it('delete removes the candidate and its pages; restore (undo) brings both back', async () => {
    await savePageAndCandidate(pageOf('https://blog.example/a', 60));
    await updateCuration('blog.example', { notes: 'keep me' });
    await savePageAndCandidate(pageOf('https://other.example/a', 30));
    const deleted = await deleteCandidate('blog.example');
    expect(deleted?.candidate.notes).toBe('keep me');
    expect(deleted?.pages).toHaveLength(1);
    expect(await getCandidate('blog.example')).toBeUndefined();
    expect(await pagesOfSite('blog.example')).toEqual([]);
    expect(await pagesOfSite('other.example')).toHaveLength(1);
    expect(await deleteCandidate('blog.example')).toBeUndefined();
    await restoreCandidate(deleted!);
    expect(await getCandidate('blog.example')).toEqual(deleted!.candidate);
    expect(await pagesOfSite('blog.example')).toEqual(deleted!.pages);
  });

  it('a full disk surfaces as DbQuotaError and the store is unchanged', async () => {
    await putCandidate(candidateOf('blog.example', 40));
    const proto = (globalThis as unknown as { IDBObjectStore: { prototype: { put: (...a: unknown[]) => unknown } } }).IDBObjectStore.prototype;
    const spy = vi.spyOn(proto, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    try {
      await expect(putCandidate(candidateOf('new.example', 10))).rejects.toBeInstanceOf(DbQuotaError);
      await expect(savePageAndCandidate(pageOf('https://new.example/', 10))).rejects.toBeInstanceOf(DbQuotaError);
      await expect(importCandidates([candidateOf('new.example', 10)])).rejects.toThrow(/no more storage space/);
    } finally {
      spy.mockRestore();
    }
    expect((await listCandidates()).map((c) => c.site)).toEqual(['blog.example']);
  });
});

describe('import merge', () => {
  it('merges a bookmark and an import of the same site without losing decisions, tags or notes', async () => {
    // The curator bookmarked a page of the site and decided; a crawler export without pages later brings the same site.
    await savePageAndCandidate(pageOf('https://www.mentorblog.example/a', 72), '2026-02-01T00:00:00.000Z');
    await updateCuration('mentorblog.example', { decision: 'include', tags: ['bookmark-tag'], notes: 'my note' }, '2026-02-02T00:00:00.000Z');
    const bookmarked = (await getCandidate('mentorblog.example'))!;
    const fromCrawl = candidateOf('https://mentorblog.example', 66, { source: 'crawl', pages: 14, tags: ['crawler-tag'], notes: 'crawler note', at: '2026-03-01T00:00:00.000Z' });
    const newSite = candidateOf('another.example', 20, { source: 'crawl' });
    const r = await importCandidates([fromCrawl, newSite]);
    expect(r).toEqual({ added: 1, merged: 1 });
    const merged = (await getCandidate('mentorblog.example'))!;
    expect(merged.decision).toBe('include');
    expect(merged.curatedAt).toBe('2026-02-02T00:00:00.000Z');
    expect(merged.tags).toEqual(['bookmark-tag', 'crawler-tag']);
    expect(merged.notes).toContain('my note');
    expect(merged.notes).toContain('crawler note');
    expect(merged.sources).toEqual(['crawl', 'bookmark']);
    // A score that came without pages does not replace the score of the pages known here.
    expect(merged.siteScore).toEqual(bookmarked.siteScore);
    expect(merged.siteScore.pagesScored).toBe((await pagesOfSite('mentorblog.example')).length);
    expect(merged.firstSeenAt).toBe('2026-02-01T00:00:00.000Z');
    expect((await listCandidates()).length).toBe(2);
  });

  it("issue 10: the crawler's six pages (an import) and one more bookmarked page score as the seven, in either order; counts match the pages listed", async () => {
    const origin = 'https://bridgeway.example';
    const crawled = CRAWLED_PAGES.map((p) => scorePage({ url: origin + p.path, html: p.html, roundupYear: 2026 }));
    const bookmarked = scorePage({ url: origin + BOOKMARKED_PAGE.path, html: BOOKMARKED_PAGE.html, roundupYear: 2026 });
    const crawlerExport = () => [pagesCandidate(crawled.map((p) => toSitePage(p, '2026-10-01T00:00:00.000Z', 'crawl')), 'crawl', '2026-10-01T00:00:00.000Z')];
    const expected = scoreSite([...crawled, bookmarked], { site: origin, roundupYear: 2026 });

    await importCandidates(crawlerExport());
    await savePageAndCandidate(bookmarked, '2026-10-05T00:00:00.000Z');
    const first = (await getCandidate('bridgeway.example'))!;
    expect(first.siteScore).toEqual(expected);
    expect(await pagesOfSite('bridgeway.example')).toHaveLength(7);
    // The same export again changes nothing.
    await importCandidates(crawlerExport());
    expect(await getCandidate('bridgeway.example')).toEqual(first);

    await freshIndexedDb(NAME);
    await savePageAndCandidate(bookmarked, '2026-10-05T00:00:00.000Z');
    await importCandidates(crawlerExport());
    const second = (await getCandidate('bridgeway.example'))!;
    expect(second.siteScore).toEqual(expected);
    expect(second.siteScore.pagesScored).toBe((await pagesOfSite('bridgeway.example')).length);
  });

  it('a list with one bad record changes nothing', async () => {
    await putCandidate(candidateOf('blog.example', 40, { decision: 'include' }));
    const before = await listCandidates();
    const bad = [candidateOf('new.example', 10), { ...candidateOf('blog.example', 99), decision: 'maybe' } as unknown as Candidate];
    await expect(importCandidates(bad)).rejects.toThrow(/candidate 2: unknown decision/);
    const bad2 = [candidateOf('new.example', 10), { ...candidateOf('x.example', 1), siteScore: { ...candidateOf('x.example', 1).siteScore, score: 250 } }];
    await expect(importCandidates(bad2)).rejects.toThrow(/score must be a number/);
    await expect(importCandidates([{ ...candidateOf('y.example', 1), site: 'javascript:alert(1)' }])).rejects.toThrow(/candidate 1/);
    expect(await listCandidates()).toEqual(before);
  });
});
