// The store never loses a score: a failed re-fetch keeps the page's last score; a site known only
// from a file without pages is scored from its pages as soon as one is known.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../crawler/store/index.ts';
import { newCandidate, scorePage, scoreSite, type SiteScore } from '../../scoring/index.ts';

const GUIDE =
  '<title>How to be a good mentor</title><h1>How to be a good mentor</h1>' +
  '<p>As a new mentor, prepare your first meeting with your mentee, listen actively, agree on goals, give specific feedback and keep your promises. Meet every two weeks.</p>'.repeat(8);

let dir: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mr-store-merge-'));
  store = openStore(join(dir, 'db.sqlite'));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a failed re-fetch', () => {
  it('keeps the page score and the site aggregate, and records the error', () => {
    for (const url of ['https://ex.org/a', 'https://ex.org/b']) {
      store.savePage({ url, status: 'scored', fetchedAt: '2026-11-01T00:00:00.000Z', page: scorePage({ url, html: GUIDE, roundupYear: 2026 }) });
    }
    const before = store.getPage('https://ex.org/a')!;
    expect(before.score).toBeGreaterThan(0);

    store.savePage({ url: 'https://ex.org/a', status: 'failed', fetchedAt: '2026-11-24T00:00:00.000Z', httpStatus: 503, error: 'HTTP 503', errorKind: 'http-503' });

    const after = store.getPage('https://ex.org/a')!;
    expect(after.score).toBe(before.score);
    expect(after.status).toBe('scored');
    expect(store.pagesOfSite('ex.org')).toHaveLength(2);
    expect(store.getCandidate('ex.org')!.siteScore.pagesScored).toBe(2);
  });

  it('of a page never scored is stored as failed', () => {
    store.savePage({ url: 'https://ex.org/x', status: 'failed', fetchedAt: '2026-11-24T00:00:00.000Z', httpStatus: 500, error: 'HTTP 500', errorKind: 'http-500' });
    expect(store.getPage('https://ex.org/x')!.status).toBe('failed');
  });
});

describe('a crawl of a site known only from a file without pages (CSV, JSON before version 3)', () => {
  it('scores the site from the pages it now knows, keeps the decision and the notes, and adds the crawl as a source', () => {
    const bookmarked: SiteScore = {
      site: 'https://ex.org', name: 'Ex', score: 88,
      components: { relevance: 0.9, mentorGuidance: 0.9, programGuidance: 0.9, actionability: 0.9, quality: 0.9, freshness: 0.9, activity: 0.5, coverage: 0.9 },
      pagesScored: 8, mentoringPages: 8, bestPageUrl: 'https://ex.org/a', siteKind: 'blog', reasons: ['r'], scorerVersion: 'v',
    };
    store.upsertCandidate({ ...newCandidate(bookmarked, 'bookmark', '2026-11-01T00:00:00.000Z'), notes: 'keep', decision: 'include', curatedAt: '2026-11-02T00:00:00.000Z' });
    expect(store.getCandidate('ex.org')!.siteScore.score).toBe(88);

    const url = 'https://ex.org/contact';
    const page = scorePage({ url, html: '<title>Contact</title><p>Call us.</p>', roundupYear: 2026 });
    store.savePage({ url, status: 'scored', fetchedAt: '2026-11-24T00:00:00.000Z', page });

    const c = store.getCandidate('ex.org')!;
    expect(c.siteScore).toEqual(scoreSite([page], { site: 'https://ex.org', roundupYear: 2026 }));
    expect(c.siteScore.pagesScored).toBe(1);
    expect(c.sources).toEqual(['crawl', 'bookmark']);
    expect([c.decision, c.notes]).toEqual(['include', 'keep']);
    // The year's entry is the current score (the file's 88 came from pages no longer known).
    expect(c.history).toEqual([{ year: 2026, score: c.siteScore.score }]);
  });

  it('replaces it once the crawl has stored at least as many pages', () => {
    const one: SiteScore = {
      site: 'https://ex.org', name: 'Ex', score: 5,
      components: { relevance: 0.1, mentorGuidance: 0, programGuidance: 0, actionability: 0, quality: 0.2, freshness: 0, activity: 0, coverage: 0 },
      pagesScored: 1, mentoringPages: 0, bestPageUrl: 'https://ex.org/', siteKind: 'other', reasons: [], scorerVersion: 'v',
    };
    store.upsertCandidate(newCandidate(one, 'import', '2026-11-01T00:00:00.000Z'));
    const url = 'https://ex.org/guide';
    store.savePage({ url, status: 'scored', fetchedAt: '2026-11-24T00:00:00.000Z', page: scorePage({ url, html: GUIDE, roundupYear: 2026 }) });
    const c = store.getCandidate('ex.org')!;
    expect(c.siteScore.bestPageUrl).toBe(url);
    expect(c.siteScore.score).toBeGreaterThan(5);
  });
});

describe('the schedule’s recrawl list', () => {
  it('includes a candidate known only from a bookmark or an import, and not an excluded one', async () => {
    const { dueSites, recrawlUrls } = await import('../../crawler/schedule.ts');
    const score = (site: string): SiteScore => ({
      site, name: site, score: 60,
      components: { relevance: 0.9, mentorGuidance: 0.5, programGuidance: 0.5, actionability: 0.5, quality: 0.5, freshness: 0.5, activity: 0, coverage: 0.5 },
      pagesScored: 1, mentoringPages: 1, bestPageUrl: `${site}/guide`, siteKind: 'blog', reasons: [], scorerVersion: 'v',
    });
    store.upsertCandidate(newCandidate(score('https://bookmarked.example'), 'bookmark', '2026-11-01T00:00:00.000Z'));
    store.upsertCandidate({ ...newCandidate(score('https://excluded.example'), 'import', '2026-11-01T00:00:00.000Z'), decision: 'exclude' });
    const due = dueSites(store).map((d) => d.site);
    expect(due).toEqual(['bookmarked.example']);
    expect(recrawlUrls(store, due)).toEqual(['https://bookmarked.example/']);
  });
});
