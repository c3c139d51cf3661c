// Honest exits and reports: exit 3 when no page at all could be fetched (seeds unreachable,
// blocked by robots.txt, answering 4xx/5xx); pages skipped as fresh are counted and --recrawl
// fetches them again; off-host redirects are an error kind of the report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { startFixtureWeb, type FixtureWeb } from '../../demo/fixture-web/server.ts';
import { mentoringHtml, run, tempDir } from './commands/helpers.ts';

let web: FixtureWeb;
const tmp = tempDir('mr-exits-');
beforeAll(async () => {
  web = await startFixtureWeb([
    { name: 'gone', address: '127.0.32.2', pages: {} },
    { name: 'blocked', address: '127.0.32.3', robots: 'User-agent: *\nDisallow: /\n', pages: { '/': mentoringHtml('Mentoring') } },
    { name: 'down', address: '127.0.32.4', robots: { status: 503, body: 'busy' }, pages: { '/': mentoringHtml('Mentoring') } },
    {
      name: 'ok',
      address: '127.0.32.5',
      pages: { '/': mentoringHtml('Mentoring for new mentors', '<a href="/moved">more</a>'), '/moved': { redirect: '{{other}}/' } },
    },
    { name: 'other', address: '127.0.32.6', pages: { '/': mentoringHtml('Another mentoring site') } },
  ]);
});
afterAll(async () => {
  await web.close();
  tmp.cleanup();
});

const crawl = (db: string, ...args: string[]) => run(['crawl', ...args, '--db', join(tmp.dir, db), '--delay', '0', '--json']);

describe('crawl exit codes', () => {
  it('exits 3 when no page could be fetched: unreachable, 404, robots-blocked, robots.txt 5xx', async () => {
    const unreachable = `http://127.0.32.99:${web.port}/`;
    for (const [db, seed] of [
      ['unreachable.db', unreachable],
      ['404.db', web.url('gone', '/nothing')],
      ['blocked.db', web.url('blocked')],
      ['down.db', web.url('down')],
    ]) {
      const r = await crawl(db, seed);
      expect(r.code, `${seed}: ${r.stderr}`).toBe(3);
      expect(r.stderr).toMatch(/could fetch no page at all/);
      expect(JSON.parse(r.stdout).pagesScored).toBe(0);
    }
  });

  it('counts pages skipped as fresh (exit 0, --recrawl refetches them) and off-host redirects', async () => {
    const first = await crawl('fresh.db', web.url('ok'));
    expect(first.code).toBe(0);
    const r1 = JSON.parse(first.stdout);
    expect(r1.errors.redirect).toBe(1);
    expect(r1.pagesScored).toBeGreaterThanOrEqual(2); // ok/ and other/ (the redirect's target, re-queued)
    const again = await crawl('fresh.db', web.url('ok'));
    expect(again.code).toBe(0);
    const r2 = JSON.parse(again.stdout);
    expect(r2.pagesFetched).toBe(0);
    expect(r2.skippedFresh).toBeGreaterThanOrEqual(1);
    const text = await run(['crawl', web.url('ok'), '--db', join(tmp.dir, 'fresh.db'), '--delay', '0']);
    expect(text.stdout).toMatch(/page\(s\) skipped: fetched in the last 7 days \(--recrawl fetches them again\)/);
    const forced = await crawl('fresh.db', web.url('ok'), '--recrawl');
    expect(forced.code).toBe(0);
    expect(JSON.parse(forced.stdout).pagesScored).toBeGreaterThanOrEqual(1);
  });
});
