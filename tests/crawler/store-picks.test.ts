// The curator's roundup picks in the SQLite store (migration 5): kept by every path that writes a
// candidate — a re-crawl's re-aggregation, an import, the sync server's merge, `decide` — and
// upgraded from a version-4 store without losing its curation. Real files in a temp dir.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../crawler/store/index.ts';
import Database from '../../crawler/store/sqlite.ts';
import { SCHEMA_VERSION, migrate } from '../../crawler/store/schema.ts';
import { PickError, candidateName, candidatesToJson, newCandidate, parseCandidates, scorePage, scoreSite } from '../../scoring/index.ts';

const post = (site: string, title: string) =>
  `<html><head><title>${title} – ${site}</title></head><body><main><article><h1>${title}</h1>
<p>As a new mentor, plan the first meeting with your mentee, listen more than you talk, agree on goals together and keep every promise you make.</p>
<p>A mentoring program needs a coordinator who recruits and trains mentors, matches them with mentees and evaluates the program every year.</p></article></main></body></html>`;

let dir: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mr-store-picks-'));
  store = openStore(join(dir, 'store.db'));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A crawled site of `titles.length` pages whose titles end in "– name". */
function crawlSite(origin: string, name: string, titles: string[], at = '2026-10-01T00:00:00.000Z'): void {
  titles.forEach((t, i) => {
    const url = `${origin}/post-${i}`;
    store.savePage({ url, status: 'scored', fetchedAt: at, httpStatus: 200, page: scorePage({ url, html: post(name, t) }) });
  });
}

describe('the roundup picks in the store', () => {
  it('names a crawled site by the title part its pages share, and keeps a rename over a re-crawl', () => {
    crawlSite('https://chair.example', 'Second Chair', ['Five habits of good mentors', 'Your first meeting']);
    expect(store.getCandidate('chair.example')?.name).toBe('Second Chair');
    const r = store.decide('chair.example', { name: '2nd Chair' }, '2026-10-02T00:00:00.000Z');
    expect(r.candidate.nameOverride).toBe('2nd Chair');
    // A re-crawl re-aggregates the site: a new siteScore.name, the rename stays.
    crawlSite('https://chair.example', 'Second Chair', ['Five habits of good mentors', 'Your first meeting', 'Listening'], '2026-11-01T00:00:00.000Z');
    const after = store.getCandidate('chair.example')!;
    expect(after.siteScore.pagesScored).toBe(3);
    expect(after.siteScore.name).toBe('Second Chair');
    expect(candidateName(after)).toBe('2nd Chair');
    expect(after.name).toBe('2nd Chair');
    expect(store.listCandidates().find((c) => c.site === 'chair.example')?.name).toBe('2nd Chair');
    // Cleared: back to the name the pages give.
    store.decide('chair.example', { name: '' }, '2026-11-02T00:00:00.000Z');
    expect(store.getCandidate('chair.example')?.name).toBe('Second Chair');
    expect(store.getCandidate('chair.example')?.nameOverride).toBeUndefined();
  });

  it('decide goes through one rule: ranks shift, a best place moves, blurbs and notes and tags land, each pick dated', () => {
    for (const [host, name] of [
      ['a.example', 'Alpha'],
      ['b.example', 'Bravo'],
      ['c.example', 'Charlie'],
    ]) {
      crawlSite(`https://${host}`, name, ['Mentoring one', 'Mentoring two']);
      store.decide(host, { decision: 'include' }, '2026-10-01T00:00:00.000Z');
    }
    store.decide('a.example', { rank: 1, best: 1 }, '2026-10-02T00:00:00.000Z');
    const r = store.decide('c.example', { rank: 1, best: 1, blurb: 'The best | really (2026).', note: 'PRIVATE', addTags: ['top'] }, '2026-10-03T00:00:00.000Z');
    expect(r.changed.map((x) => x.after.site).sort()).toEqual(['a.example', 'c.example']);
    const moved = r.changed.find((x) => x.after.site === 'a.example')!;
    expect(moved.before).toMatchObject({ roundupRank: 1, best: 1 });
    expect(moved.after.roundupRank).toBe(2);
    expect(moved.after.best).toBeUndefined();
    const c = store.getCandidate('c.example')!;
    expect(c).toMatchObject({ roundupRank: 1, best: 1, blurb: 'The best | really (2026).', notes: 'PRIVATE', tags: ['top'] });
    expect(c.pickedAt).toMatchObject({ roundupRank: '2026-10-03T00:00:00.000Z', best: '2026-10-03T00:00:00.000Z', blurb: '2026-10-03T00:00:00.000Z', decision: '2026-10-01T00:00:00.000Z' });
    expect(c.curatedAt).toBe('2026-10-03T00:00:00.000Z');
    expect(store.getCandidate('a.example')).toMatchObject({ roundupRank: 2 });
    // A bad value changes nothing.
    expect(() => store.decide('b.example', { best: 4 as never, blurb: 'never stored' })).toThrow(PickError);
    expect(store.getCandidate('b.example')?.blurb).toBeUndefined();
    expect(() => store.decide('nobody.example', { decision: 'include' })).toThrow(/unknown site/);
  });

  it('an import and a sync merge keep the local picks and take newer ones; JSON carries every pick', () => {
    crawlSite('https://chair.example', 'Second Chair', ['Five habits', 'First meeting']);
    store.decide('chair.example', { decision: 'include', name: 'Second Chair Blog', blurb: 'Local blurb.', best: 2 }, '2026-10-05T00:00:00.000Z');
    // An older copy from elsewhere (an extension export from before the edits): nothing local is lost.
    const old = { ...store.getCandidate('chair.example')!, blurb: 'Old blurb.', nameOverride: undefined, best: undefined, pickedAt: { blurb: '2026-09-01T00:00:00.000Z' }, curatedAt: '2026-09-01T00:00:00.000Z' };
    store.mergeCandidates([old]);
    expect(store.getCandidate('chair.example')).toMatchObject({ name: 'Second Chair Blog', nameOverride: 'Second Chair Blog', blurb: 'Local blurb.', best: 2 });
    // A newer edit from elsewhere wins for the pick it changed only.
    const newer = { ...store.getCandidate('chair.example')!, blurb: 'Newer blurb.', pickedAt: { ...store.getCandidate('chair.example')!.pickedAt, blurb: '2026-10-06T00:00:00.000Z' }, curatedAt: '2026-10-06T00:00:00.000Z' };
    store.mergeCandidates([newer]);
    expect(store.getCandidate('chair.example')).toMatchObject({ blurb: 'Newer blurb.', nameOverride: 'Second Chair Blog', best: 2 });

    // JSON out of this store, into a store that crawled the same site without picks: all picks arrive.
    const json = candidatesToJson(store.listCandidates(), '2026-10-07T00:00:00.000Z');
    const other = openStore(join(dir, 'other.db'));
    try {
      crawlSiteIn(other, 'https://chair.example', 'Second Chair');
      other.mergeCandidates(parseCandidates(json, '2026-10-07T00:00:00.000Z'));
      const got = other.getCandidate('chair.example')!;
      expect(got).toMatchObject({ decision: 'include', nameOverride: 'Second Chair Blog', name: 'Second Chair Blog', blurb: 'Newer blurb.', best: 2 });
      expect(got.pickedAt).toEqual(store.getCandidate('chair.example')!.pickedAt);
      // And it survives that store's next crawl too.
      crawlSiteIn(other, 'https://chair.example', 'Second Chair', '2026-11-01T00:00:00.000Z');
      expect(candidateName(other.getCandidate('chair.example')!)).toBe('Second Chair Blog');
    } finally {
      other.close();
    }
  });

  it('the crawler keeps the feed title for the name rule; a site named by nothing else is named by its feed', () => {
    const url = 'https://feedonly.example/a';
    const page = scorePage({ url, html: '<html><head><title>Mentoring notes</title></head><body><p>As a mentor, listen to your mentee and meet every two weeks.</p></body></html>' });
    store.savePage({ url, status: 'scored', fetchedAt: '2026-10-01T00:00:00.000Z', page });
    expect(store.getCandidate('feedonly.example')?.name).not.toBe('The Feed Only Mentor');
    store.setSiteActivity('feedonly.example', { postDates: ['2026-09-01'], feedUrl: 'https://feedonly.example/feed.xml', feedTitle: 'The Feed Only Mentor' });
    expect(store.getSiteActivity('feedonly.example')?.feedTitle).toBe('The Feed Only Mentor');
    expect(store.getCandidate('feedonly.example')?.name).toBe('The Feed Only Mentor');
    expect(store.listCandidates({ year: 2026 })[0].siteScore.name).toBe('The Feed Only Mentor');
  });

  it('upgrades a version-4 store: curation kept, picks empty, the picks writable', () => {
    const path = join(dir, 'v4.db');
    const old = new Database(path);
    migrate(old, 4);
    const page = scorePage({ url: 'https://old.example/a', html: post('Old Blog', 'Mentoring') });
    const c = newCandidate(scoreSite([page]), 'crawl', '2025-01-01T00:00:00.000Z');
    old.prepare(
      `INSERT INTO sites (site, name, score, site_score_json, sources_json, first_seen_at, last_scored_at, history_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(c.site, c.name, c.siteScore.score, JSON.stringify(c.siteScore), JSON.stringify(c.sources), c.firstSeenAt, c.lastScoredAt, JSON.stringify(c.history));
    old.prepare(`INSERT INTO curation (site, decision, tags_json, notes, curated_at) VALUES (?, 'include', '["keep"]', 'old note', '2025-02-01T00:00:00.000Z')`).run(c.site);
    old.prepare(`INSERT INTO site_activity (site, post_dates_json, feed_url, updated_at) VALUES (?, '["2025-01-01"]', 'https://old.example/feed', '2025-01-01')`).run(c.site);
    old.close();
    const up = openStore(path);
    try {
      expect(up.schemaVersion()).toBe(SCHEMA_VERSION);
      const got = up.getCandidate('old.example')!;
      expect(got).toMatchObject({ decision: 'include', tags: ['keep'], notes: 'old note', curatedAt: '2025-02-01T00:00:00.000Z' });
      expect(got.roundupRank ?? got.best ?? got.blurb ?? got.nameOverride ?? got.pickedAt).toBeUndefined();
      expect(up.getSiteActivity('old.example')).toEqual({ postDates: ['2025-01-01'], feedUrl: 'https://old.example/feed', updatedAt: '2025-01-01' });
      // A pick made now is newer than the old curation time: the old decision keeps its date.
      const r = up.decide('old.example', { rank: 1 }, '2026-10-01T00:00:00.000Z');
      expect(r.candidate.pickedAt).toMatchObject({ decision: '2025-02-01T00:00:00.000Z', roundupRank: '2026-10-01T00:00:00.000Z' });
      expect(up.getSetting('roundup-url:2026')).toBeUndefined();
      up.setSetting('roundup-url:2026', 'https://example.org/best-2026');
      expect(up.getSetting('roundup-url:2026')).toBe('https://example.org/best-2026');
    } finally {
      up.close();
    }
  });
});

function crawlSiteIn(s: Store, origin: string, name: string, at = '2026-10-01T00:00:00.000Z'): void {
  for (const [i, t] of ['Five habits', 'First meeting'].entries()) {
    const url = `${origin}/post-${i}`;
    s.savePage({ url, status: 'scored', fetchedAt: at, httpStatus: 200, page: scorePage({ url, html: post(name, t) }) });
  }
}
