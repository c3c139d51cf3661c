// The SQLite store on real files in a temp dir: migrations from an older schema with data,
// one-transaction page writes with site re-aggregation, curation, snapshots, crawls.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from '../../crawler/store/sqlite.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../crawler/store/index.ts';
import { APPLICATION_ID, migrate, SCHEMA_VERSION } from '../../crawler/store/schema.ts';
import { livePages, newCandidate, scorePage, scoreSite, toSitePage } from '../../scoring/index.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mr-store-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const html = (t: string) =>
  `<html><head><title>${t}</title></head><body><h1>${t}</h1><p>As a new mentor, plan the first meeting with your mentee, listen, set goals together and keep your promises. A mentoring program needs a coordinator, mentor training and careful matching.</p></body></html>`;

describe('store', () => {
  it('migrates a version-1 database with data without losing anything', () => {
    const path = join(dir, 'old.db');
    const old = new Database(path);
    migrate(old, 1);
    expect(old.pragma('user_version', { simple: true })).toBe(1);
    const page = scorePage({ url: 'https://old.example/a', html: html('Old page') });
    old.prepare(`INSERT INTO pages (url, site, status, fetched_at, http_status, score, page_json) VALUES (?, ?, 'scored', ?, 200, ?, ?)`).run(
      page.url,
      'old.example',
      '2025-01-01T00:00:00.000Z',
      page.score,
      JSON.stringify(page),
    );
    const c = newCandidate(scoreSite([page]), 'crawl', '2025-01-01T00:00:00.000Z');
    old.prepare(
      `INSERT INTO sites (site, name, score, site_score_json, sources_json, decision, tags_json, notes, first_seen_at, last_scored_at, history_json)
       VALUES (?, ?, ?, ?, ?, 'include', '["roundup"]', 'great for new mentors', ?, ?, ?)`,
    ).run(c.site, c.name, c.siteScore.score, JSON.stringify(c.siteScore), JSON.stringify(c.sources), c.firstSeenAt, c.lastScoredAt, JSON.stringify(c.history));
    old.prepare(`INSERT INTO crawls (started_at, finished_at, options_json, report_json) VALUES ('2025-01-01', '2025-01-01', '{}', '{"pagesFetched":1}')`).run();
    old.close();

    const store = openStore(path);
    expect(store.schemaVersion()).toBe(SCHEMA_VERSION);
    const got = store.getCandidate('https://old.example/');
    expect(got?.decision).toBe('include');
    expect(got?.tags).toEqual(['roundup']);
    expect(got?.notes).toBe('great for new mentors');
    expect(store.pagesOfSite('old.example')).toHaveLength(1);
    expect(store.hasPage('https://old.example/a')).toBe(true);
    expect(store.lastCrawl()?.report.pagesFetched).toBe(1);
    store.close();
    // Opening again is a no-op.
    const again = openStore(path);
    expect(again.schemaVersion()).toBe(SCHEMA_VERSION);
    again.close();
  });

  it('refuses a store from a newer version', () => {
    const path = join(dir, 'new.db');
    const db = new Database(path);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => openStore(path)).toThrow(/newer/);
  });

  it('writes a page and re-aggregates its site; curation survives re-scoring', () => {
    const store = openStore(join(dir, 'sub', 'x.db'));
    const at = '2026-03-01T10:00:00.000Z';
    for (const p of ['/', '/a', '/b']) {
      const url = `https://www.blog.example${p}`;
      store.savePage({ url, status: 'scored', fetchedAt: at, httpStatus: 200, page: scorePage({ url, html: html(`Post ${p}`) }) });
    }
    store.savePage({ url: 'https://www.blog.example/gone', status: 'failed', fetchedAt: at, error: 'HTTP 404', errorKind: 'http-404' });
    const c = store.getCandidate('blog.example');
    expect(c?.siteScore.pagesScored).toBe(3);
    expect(c?.sources).toEqual(['crawl']);
    expect(store.pageCount({ status: 'failed' })).toBe(1);
    store.decide('https://blog.example', { decision: 'shortlist', note: 'check the toolkit', tags: ['program'] });
    store.savePage({ url: 'https://blog.example/c', status: 'scored', fetchedAt: '2026-03-02T10:00:00.000Z', page: scorePage({ url: 'https://blog.example/c', html: html('Post c') }) });
    const after = store.getCandidate('blog.example');
    expect(after?.siteScore.pagesScored).toBe(4);
    expect(after?.decision).toBe('shortlist');
    expect(after?.notes).toBe('check the toolkit');
    expect(after?.tags).toEqual(['program']);
    expect(() => store.decide('unknown.example', { decision: 'include' })).toThrow(/unknown site/);
    store.close();
  });

  it('merges imported candidates by site and keeps per-year snapshots', () => {
    const store = openStore(join(dir, 'y.db'));
    const url = 'https://org.example/guide';
    store.savePage({ url, status: 'scored', fetchedAt: '2026-01-05T00:00:00.000Z', page: scorePage({ url, html: html('Guide') }) });
    const imported = newCandidate(scoreSite([scorePage({ url, html: html('Guide') })]), 'bookmark', '2026-02-01T00:00:00.000Z');
    imported.decision = 'include';
    imported.notes = 'from the extension';
    const merged = store.upsertCandidate(imported);
    expect(merged.sources).toEqual(['crawl', 'bookmark']);
    expect(merged.decision).toBe('include');
    store.snapshotYear(2026);
    expect(store.snapshot(2026).get('org.example')).toBeGreaterThan(0);
    expect(store.listCandidates({ year: 2026, top: 1 })).toHaveLength(1);
    const id = store.beginCrawl({ seeds: [url] });
    expect(store.unfinishedCrawl()?.id).toBe(id);
    store.finishCrawl(id, { startedAt: 'x', pagesFetched: 1 } as never);
    expect(store.unfinishedCrawl()).toBeUndefined();
    expect(store.lastCrawl()?.id).toBe(id);
    store.close();
  });

  it('ranks as of a roundup year: every site re-scored from its pages and posts up to that year, in one pass', () => {
    const store = openStore(join(dir, 'year.db'));
    const dated = (url: string, t: string, published: string) =>
      scorePage({ url, html: html(t).replace('<head>', `<head><meta property="article:published_time" content="${published}">`) });
    const pages = [
      dated('https://a.example/old', 'Old guide', '2024-05-01T00:00:00Z'),
      dated('https://a.example/new', 'New mentoring program toolkit', '2026-02-01T00:00:00Z'),
      dated('https://b.example/x', 'Mentor tips', '2025-03-01T00:00:00Z'),
      dated('https://c.example/late', 'Late post', '2026-06-01T00:00:00Z'),
    ];
    for (const page of pages) store.savePage({ url: page.url, status: 'scored', fetchedAt: '2026-07-01T00:00:00.000Z', page });
    store.setSiteActivity('a.example', { postDates: ['2024-05-01', '2025-01-10', '2026-02-01'], feedUrl: 'https://a.example/feed' });
    const asOf2025 = new Map(store.listCandidates({ year: 2025 }).map((c) => [c.site, c]));
    // Each site as the per-site rule computes it: its pages published by the end of 2025, its posts up to then.
    const a = scoreSite([pages[0]], { site: 'https://a.example', roundupYear: 2025, activity: { postDates: ['2024-05-01', '2025-01-10'], feedUrl: 'https://a.example/feed' } });
    expect(asOf2025.get('a.example')?.siteScore).toEqual(a);
    expect(asOf2025.get('a.example')?.siteScore.pagesScored).toBe(1);
    expect(asOf2025.get('b.example')?.siteScore).toEqual(scoreSite([pages[2]], { site: 'https://b.example', roundupYear: 2025 }));
    // No page of c.example existed by then: its stored score stands.
    expect(asOf2025.get('c.example')?.siteScore).toEqual(store.getCandidate('c.example')?.siteScore);
    expect(store.listCandidates({ year: 2026 }).find((c) => c.site === 'a.example')?.siteScore.pagesScored).toBe(2);
    store.close();
  });
  it('ranks as of a roundup year from the union of a site\'s pages: records from an import count, a removal hides a crawled page', () => {
    const store = openStore(join(dir, 'union-year.db'));
    const dated = (url: string, t: string, published: string) =>
      scorePage({ url, html: html(t).replace('<head>', `<head><meta property="article:published_time" content="${published}">`) });
    const old = dated('https://a.example/old', 'Old guide', '2024-05-01T00:00:00Z');
    const fresh = dated('https://a.example/new', 'New mentoring program toolkit', '2026-02-01T00:00:00Z');
    const other = dated('https://b.example/x', 'Mentor tips', '2025-03-01T00:00:00Z');
    for (const page of [old, fresh, other]) store.savePage({ url: page.url, status: 'scored', fetchedAt: '2026-07-01T00:00:00.000Z', page });
    const bookmarked = dated('https://a.example/bookmarked', 'Mentor training checklist', '2025-09-01T00:00:00Z');
    const imported = newCandidate(scoreSite([bookmarked], { site: 'https://a.example' }), 'bookmark', '2026-07-02T00:00:00.000Z');
    imported.pages = [toSitePage(bookmarked, '2026-07-02T00:00:00.000Z', 'bookmark'), toSitePage(old, '2026-07-03T00:00:00.000Z', 'bookmark', '2026-07-03T00:00:00.000Z')];
    store.upsertCandidate(imported);
    store.setSiteActivity('b.example', { postDates: ['2025-01-10', '2026-02-01'] });

    const asOf2025 = new Map(store.listCandidates({ year: 2025 }).map((c) => [c.site, c]));
    // a.example by the end of 2025: the bookmarked page only (the old one removed, the new one not yet published).
    const a = asOf2025.get('a.example')!.siteScore;
    expect(a.pagesScored).toBe(1);
    expect(a.bestPageUrl).toBe('https://a.example/bookmarked');
    // The same as the per-site rule over the store's union of pages, for every site.
    for (const site of ['a.example', 'b.example']) {
      const scored = livePages(store.sitePages(site)).filter((p) => !p.publishedAt || p.publishedAt < '2026-01-01');
      const activity = store.getSiteActivity(site);
      const options = { site: asOf2025.get(site)!.siteScore.site, roundupYear: 2025, ...(activity ? { activity: { ...activity, postDates: activity.postDates.filter((d) => d < '2026-01-01') } } : {}) };
      expect(asOf2025.get(site)!.siteScore).toEqual(scoreSite(scored, options));
    }
    expect(store.listCandidates({ year: 2026 }).find((c) => c.site === 'a.example')?.siteScore.pagesScored).toBe(2);
    store.close();
  });
});
