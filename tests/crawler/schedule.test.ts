// The schedule: a real croner tick runs a crawl; overlapping ticks are skipped; known sites
// are recrawled when their adaptive interval has passed (the lease across processes: lease.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFixtureWeb, type FixtureWeb } from '../../demo/fixture-web/server.ts';
import { generateWeb } from '../../demo/fixture-web/generated.ts';
import { runSchedule, recrawlIntervalMs, dueSites } from '../../crawler/schedule.ts';
import Database from '../../crawler/store/sqlite.ts';
import { openStore } from '../../crawler/store/index.ts';

let dir: string;
let web: FixtureWeb;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mr-sched-'));
  const gen = generateWeb({ relevantSites: 2, irrelevantSites: 0, pagesPerSite: 5, crossLinks: 1, relevantShare: 1, addressBase: (4 << 8) + 2, seed: 3 });
  web = await startFixtureWeb(gen.sites);
});
afterAll(async () => {
  await web.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('schedule', () => {
  it('runs a crawl on a cron tick and logs its report', async () => {
    const db = join(dir, 'tick.db');
    const lines: string[] = [];
    const handle = runSchedule({
      cron: '* * * * * *',
      maxRuns: 1,
      crawlOptions: { db, seeds: [web.url('r0')], politenessDelayMs: 0, maxPages: 5 },
      log: (l) => lines.push(l),
    });
    await handle.done;
    expect(handle.runs).toBe(1);
    expect(lines.some((l) => l.includes('pages fetched'))).toBe(true);
    const store = openStore(db);
    try {
      expect(store.lastCrawl()?.report.pagesFetched).toBeGreaterThan(0);
    } finally {
      store.close();
    }
  }, 30_000);

  it('never runs two crawls at once, and recrawls known sites that are due', async () => {
    const db = join(dir, 'overlap.db');
    const lines: string[] = [];
    const handle = runSchedule({ cron: '0 0 1 1 *', crawlOptions: { db, seeds: [web.url('r1')], politenessDelayMs: 100, maxPages: 4 }, log: (l) => lines.push(l) });
    try {
      const [a, b] = await Promise.all([handle.runNow(), handle.runNow()]);
      expect(a?.pagesFetched).toBeGreaterThan(0);
      expect(b).toBeUndefined();
      expect(handle.skipped).toBe(1);
      expect(lines.some((l) => l.includes('still running'))).toBe(true);

      // Nothing is due right after a crawl; after 30 days everything is.
      const store = openStore(db);
      expect(dueSites(store)).toHaveLength(0);
      const raw = new Database(db);
      raw.prepare(`UPDATE pages SET fetched_at = ?, changed_at = ?`).run('2020-01-01T00:00:00.000Z', '2020-01-01T00:00:00.000Z');
      raw.close();
      expect(dueSites(store).map((d) => d.site)).toContain(new URL(web.url('r1')).host);
      store.close();
      // A schedule without seeds: only the recrawl of the due site fetches anything.
      const recrawler = runSchedule({ cron: '0 0 1 1 *', crawlOptions: { db, seeds: [], politenessDelayMs: 0, maxPages: 10, depth: 0 }, log: (l) => lines.push(l) });
      const before = web.log.length;
      const c = await recrawler.runNow();
      recrawler.stop();
      await recrawler.done;
      expect(c?.pagesFetched).toBeGreaterThan(0);
      expect(lines.some((l) => /1 known site\(s\) due/.test(l))).toBe(true);
      expect(web.log.slice(before).filter((r) => r.site === 'r1' && r.path === '/')).toHaveLength(1);
    } finally {
      handle.stop();
      await handle.done;
    }
  }, 30_000);

  it('adapts the recrawl interval to change', () => {
    const now = Date.parse('2026-06-01T00:00:00Z');
    const changed = recrawlIntervalMs({ site: 's', pages: 3, lastFetchedAt: new Date(now).toISOString(), lastChangedAt: new Date(now).toISOString() });
    const stale = recrawlIntervalMs({ site: 's', pages: 3, lastFetchedAt: new Date(now).toISOString(), lastChangedAt: new Date(now - 90 * 864e5).toISOString() });
    expect(changed).toBeLessThan(stale);
  });
});
