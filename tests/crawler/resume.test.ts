// Resume after the crawl process is killed with SIGKILL: no page that was saved is fetched
// again, no saved row is lost, and the crawl completes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from '../../crawler/store/sqlite.ts';
import { startFixtureWeb, type FixtureWeb } from '../../demo/fixture-web/server.ts';
import { generateWeb } from '../../demo/fixture-web/generated.ts';

let dir: string;
let web: FixtureWeb;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mr-resume-'));
  const gen = generateWeb({ relevantSites: 4, irrelevantSites: 0, pagesPerSite: 10, crossLinks: 2, relevantShare: 1, addressBase: (3 << 8) + 2, seed: 7 });
  web = await startFixtureWeb(gen.sites);
});
afterAll(async () => {
  await web.close();
  rmSync(dir, { recursive: true, force: true });
});

function runner(args: string[]): ChildProcess {
  return spawn(process.execPath, ['bin/run-ts.js', 'tests/crawler/helpers/crawl-runner.ts', ...args], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('resume after kill -9', () => {
  it('continues without refetching saved pages and without losing rows', async () => {
    const db = join(dir, 'crawl.db');
    const pagesRequested = () => web.log.filter((r) => r.path !== '/robots.txt').length;
    const child = runner([db, '150', web.url('r0'), web.url('r1')]);
    const done = exited(child);
    // Kill it mid-crawl, once a dozen pages have been requested.
    await new Promise<void>((resolve, reject) => {
      const t = setInterval(() => {
        if (pagesRequested() >= 12) {
          clearInterval(t);
          child.kill('SIGKILL');
          resolve();
        }
      }, 5);
      void done.then(() => {
        clearInterval(t);
        reject(new Error('the crawl finished before it could be killed'));
      });
    });
    await done;
    const killedAt = web.log.length;
    const before = new Database(db, { readonly: true });
    const saved = before.prepare(`SELECT url, fetched_at, status FROM pages`).all() as { url: string; fetched_at: string; status: string }[];
    before.close();
    expect(saved.length).toBeGreaterThan(0);

    const again = runner([db, '0', '--resume']);
    let out = '';
    again.stdout?.on('data', (b: Buffer) => (out += b.toString()));
    expect(await exited(again)).toBe(0);
    const report = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as { resumed: boolean; interrupted: boolean; pagesFetched: number };
    expect(report.resumed).toBe(true);
    expect(report.interrupted).toBe(false);

    // No saved page was requested again.
    const after = web.log.slice(killedAt).filter((r) => r.path !== '/robots.txt');
    const afterUrls = new Set(after.map((r) => `http://${r.host}${r.path}`));
    for (const s of saved) expect(afterUrls.has(s.url)).toBe(false);
    // Each URL requested at most once after the kill, and at most twice overall (only the
    // pages in flight at the moment of the kill are fetched again).
    const counts = new Map<string, number>();
    for (const r of web.log.filter((x) => x.path !== '/robots.txt')) counts.set(`${r.host}${r.path}`, (counts.get(`${r.host}${r.path}`) ?? 0) + 1);
    const twice = [...counts.values()].filter((n) => n > 1).length;
    expect(twice).toBeLessThanOrEqual(4); // concurrency
    expect(Math.max(...counts.values())).toBeLessThanOrEqual(2);

    // No row lost: every row saved before the kill is still there, unchanged.
    const db2 = new Database(db, { readonly: true });
    try {
      const stmt = db2.prepare(`SELECT fetched_at, status FROM pages WHERE url = ?`);
      for (const s of saved) expect(stmt.get(s.url)).toEqual({ fetched_at: s.fetched_at, status: s.status });
      const total = (db2.prepare(`SELECT COUNT(*) AS n FROM pages`).get() as { n: number }).n;
      expect(total).toBe(report.pagesFetched);
      expect(total).toBeGreaterThan(saved.length);
      expect((db2.prepare(`SELECT COUNT(*) AS n FROM crawls`).get() as { n: number }).n).toBe(1);
    } finally {
      db2.close();
    }
  }, 90_000);
});
