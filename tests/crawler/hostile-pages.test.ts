// Pathological markup in a real loopback crawl, in its own process so its peak RSS is its own:
// deep unclosed <div>s, unclosed headings, nested divs past any parser's comfort, and a 4 MB
// page of 200k links. The nesting is recorded as `too-complex`, the link page is scored with
// its links capped, and the crawl goes on: within a minute and under 600 MB, one page at a
// time or eight at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFixtureWeb, type FixtureSite, type FixtureWeb } from '../../demo/fixture-web/server.ts';
import Database from '../../crawler/store/sqlite.ts';
import type { CrawlReport } from '../../crawler/report.ts';

const HOSTILE: Record<string, () => string> = {
  '/divs': () => '<html><body>' + '<div>'.repeat(960_000),
  '/headings': () => '<html><body>' + Array.from({ length: 600_000 }, (_, i) => `<h${(i % 6) + 1}>t`).join(''),
  '/nested': () => '<html><body>' + '<div>'.repeat(100_000) + 'mentoring' + '</div>'.repeat(100_000),
  '/links': () =>
    '<html><head><title>Mentoring links</title></head><body><p>A mentor listens, sets goals with the mentee and keeps promises.</p>' +
    Array.from({ length: 200_000 }, (_, i) => `<a href=/p${i}>m</a>`).join('\n'),
};
const TOO_COMPLEX = ['/divs', '/headings', '/nested'];

let dir: string;
let web: FixtureWeb;
const bodies = Object.fromEntries(Object.entries(HOSTILE).map(([p, make]) => [p, make()]));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mr-hostile-'));
  const one: FixtureSite = {
    name: 'one',
    address: '127.0.31.2',
    robots: 'User-agent: *\nAllow: /\n',
    pages: { '/': `<html><body>${Object.keys(bodies).map((p) => `<a href="${p}">mentoring ${p}</a>`).join(' ')}</body></html>`, ...bodies },
  };
  // Eight hosts, each with a hostile home page: eight parsed at once.
  const eight: FixtureSite[] = Array.from({ length: 8 }, (_, i) => {
    const path = Object.keys(bodies)[i % 4];
    return { name: `h${i}`, address: `127.0.31.${10 + i}`, robots: 'User-agent: *\nAllow: /\n', pages: { '/': bodies[path] } };
  });
  web = await startFixtureWeb([one, ...eight]);
});
afterAll(async () => {
  await web.close();
  rmSync(dir, { recursive: true, force: true });
});

function crawlInChild(db: string, seeds: string[], concurrency: number): Promise<CrawlReport & { maxRss: number; ms: number }> {
  const t0 = Date.now();
  const p = spawn(process.execPath, ['bin/run-ts.js', 'tests/crawler/helpers/crawl-runner.ts', db, '0', `--concurrency=${concurrency}`, ...seeds], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  p.stdout.on('data', (b: Buffer) => (out += b.toString()));
  return new Promise((resolve, reject) =>
    p.once('exit', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || !line.startsWith('{')) reject(new Error(`crawl exited ${code}: ${out.slice(-300)}`));
      else resolve({ ...(JSON.parse(line) as CrawlReport & { maxRss: number }), ms: Date.now() - t0 });
    }),
  );
}

function rows(db: string): Map<string, { status: string; error_kind: string | null; link_count: number | null }> {
  const d = new Database(db, { readonly: true });
  try {
    const all = d.prepare('SELECT url, status, error_kind, link_count FROM pages').all() as { url: string; status: string; error_kind: string | null; link_count: number | null }[];
    return new Map(all.map((r) => [new URL(r.url).host + new URL(r.url).pathname, r]));
  } finally {
    d.close();
  }
}

const MB = 1024 * 1024;

describe('hostile markup in a crawl', () => {
  it('one page at a time: nesting is too-complex, the 200k-link page is scored with its links capped', async () => {
    const db = join(dir, 'one.db');
    const r = await crawlInChild(db, [web.url('one')], 1);
    const host = new URL(web.origin('one')).host;
    const byPath = rows(db);
    for (const p of TOO_COMPLEX) expect(byPath.get(host + p)).toMatchObject({ status: 'skipped', error_kind: 'too-complex' });
    const links = byPath.get(host + '/links');
    expect(links?.status).toBe('scored');
    expect(links?.link_count).toBeGreaterThan(199_000); // counted up to the guard's element budget (200k)
    expect(r.errors['too-complex']).toBe(3);
    expect(r.linksCapped).toBe(1);
    expect(r.interrupted).toBe(false);
    expect(r.ms).toBeLessThan(60_000);
    expect(r.maxRss).toBeLessThan(600 * MB);
  }, 90_000);

  it('eight at once: the crawl finishes within a minute under 600 MB', async () => {
    const db = join(dir, 'eight.db');
    const r = await crawlInChild(db, Array.from({ length: 8 }, (_, i) => web.url(`h${i}`)), 8);
    expect(r.errors['too-complex']).toBe(6);
    expect(r.pagesScored).toBeGreaterThanOrEqual(2);
    expect(r.ms).toBeLessThan(60_000);
    expect(r.maxRss).toBeLessThan(600 * MB);
  }, 90_000);
});
