// Regression tests for the crawl review: SQLITE_BUSY from a concurrent writer, resume after a
// --max-pages stop, no refetch of fresh pages on a second crawl, a bounded frontier. All
// against the loopback fixture web with real SQLite files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { startFixtureWeb, type FixtureSite } from '../../demo/fixture-web/server.ts';
import { generateWeb } from '../../demo/fixture-web/generated.ts';
import Database, { sqliteBinding } from '../../crawler/store/sqlite.ts';
import { runCrawl } from '../../crawler/crawl/run.ts';
import { openStore } from '../../crawler/store/index.ts';
import { Frontier } from '../../crawler/frontier/frontier.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mr-crawlfix-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const PARAS = `<p>The first meeting sets the tone for the whole mentoring relationship. As a new mentor you do not need every answer; you need to prepare, listen, and agree with your mentee on how you will work together.</p>
<p>Read what your mentee wrote in the application and note a few open questions to ask. Block an hour in a quiet place. Introduce yourself and share a mistake you learned from.</p>
<p>Listen more than you talk and summarise what you heard. Set expectations together: how often you will meet, how you keep in touch, and how you both give feedback.</p>`;

function mentorPage(title: string, links: string[] = []): string {
  return `<html><head><title>${title}</title></head><body><article><h1>${title}</h1>${PARAS}</article><nav>${links.map((p) => `<a href="${p}">mentoring tips ${p.replace(/\W/g, ' ')}</a>`).join(' ')}</nav></body></html>`;
}

/** One mentoring site: / links to /a ... /d; `hook` runs when `hookPath` is requested. */
function busySite(name: string, address: string, hookPath: string, hook: () => void, delayMs = 0): FixtureSite {
  const paths = ['/a', '/b', '/c', '/d'];
  const pages: FixtureSite['pages'] = { '/': mentorPage('Mentoring for new mentors', paths) };
  for (const p of paths) {
    pages[p] =
      p === hookPath
        ? () => {
            hook();
            return { body: mentorPage(`Mentor guide ${p}`), delayMs };
          }
        : mentorPage(`Mentor guide ${p}`);
  }
  return { name, address, robots: 'User-agent: *\nAllow: /\n', pages };
}

/** A hook that, the first time it runs, makes `holder` take the write lock for 700 ms (another writer). */
function lockOnce(holder: InstanceType<typeof Database>): () => void {
  let held = false;
  return () => {
    if (held) return;
    held = true;
    holder.exec('BEGIN IMMEDIATE');
    holder.prepare(`INSERT OR REPLACE INTO curation (site) VALUES ('other.example')`).run();
    setTimeout(() => holder.exec('COMMIT'), 700);
  };
}

function rowsOf(db: string, crawlId?: number): { url: string; status: string; error_kind: string | null }[] {
  const d = new Database(db, { readonly: true });
  try {
    return (crawlId === undefined
      ? d.prepare(`SELECT url, status, error_kind FROM pages`).all()
      : d.prepare(`SELECT url, status, error_kind FROM pages WHERE crawl_id = ?`).all(crawlId)) as { url: string; status: string; error_kind: string | null }[];
  } finally {
    d.close();
  }
}

describe('a concurrent writer (SQLITE_BUSY)', () => {
  it('waits the busy timeout: another process holding the write lock loses no page', async () => {
    const db = join(dir, 'busy-wait.db');
    openStore(db).close();
    const holderJs = join(dir, 'holder.cjs');
    const sqlitePath = createRequire(import.meta.url).resolve(sqliteBinding);
    writeFileSync(
      holderJs,
      `const D = require(${JSON.stringify(sqlitePath)});
const d = new D(${JSON.stringify(db)});
d.pragma('busy_timeout = 5000');
process.stdin.setEncoding('utf8');
process.stdin.on('data', () => {
  d.exec('BEGIN IMMEDIATE');
  d.prepare("INSERT OR REPLACE INTO curation (site) VALUES ('other.example')").run();
  process.stdout.write('held\\n');
  setTimeout(() => { d.exec('COMMIT'); d.close(); process.stdout.write('released\\n'); process.exit(0); }, 1000);
});
process.stdout.write('ready\\n');`,
    );
    const holder = spawn(process.execPath, [holderJs], { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    holder.stdout.on('data', (b: Buffer) => (out += b.toString()));
    const exited = new Promise<void>((r) => holder.once('exit', () => r()));
    await new Promise<void>((r) => {
      const t = setInterval(() => {
        if (out.includes('ready')) {
          clearInterval(t);
          r();
        }
      }, 5);
    });
    // The lock is taken when /b is requested; /b answers 300 ms later, inside the 1 s hold.
    const web = await startFixtureWeb([busySite('busyw', '127.0.20.2', '/b', () => holder.stdin.write('lock\n'), 300)]);
    try {
      const report = await runCrawl({ seeds: [web.url('busyw')], db, politenessDelayMs: 0, progress: 'off', timeoutMs: 5000 });
      await exited;
      expect(out).toContain('released');
      const rows = rowsOf(db, report.crawlId);
      expect(rows.map((r) => r.status).sort()).toEqual(['scored', 'scored', 'scored', 'scored', 'scored']);
      expect(report.pagesFetched).toBe(5);
      expect(report.errors).toEqual({});
      // Waited instead of failing: every page was requested once.
      expect(web.log.filter((r) => r.path !== '/robots.txt' && r.path !== '/sitemap.xml').length).toBe(5);
    } finally {
      holder.kill();
      await web.close();
    }
  }, 30_000);

  it('requeues a page whose write still meets SQLITE_BUSY and counts it once', async () => {
    const db = join(dir, 'busy-requeue.db');
    const store = openStore(db, { busyTimeoutMs: 50 });
    const holder = new Database(db);
    const lock = lockOnce(holder);
    const web = await startFixtureWeb([busySite('busyr', '127.0.20.3', '/b', lock)]);
    try {
      const report = await runCrawl({ seeds: [web.url('busyr')], db: store, politenessDelayMs: 0, progress: 'off', timeoutMs: 5000 });
      const rows = rowsOf(db, report.crawlId);
      expect(rows).toHaveLength(5);
      expect(rows.every((r) => r.status === 'scored')).toBe(true);
      expect(report.pagesFetched).toBe(5);
      expect(report.pagesScored).toBe(5);
      expect(report.errors).toEqual({});
      // /b's first save met SQLITE_BUSY (the lock is taken as it is requested): fetched again.
      expect(web.requests('busyr', '/b').length).toBeGreaterThanOrEqual(2);
    } finally {
      holder.close();
      store.close();
      await web.close();
    }
  }, 30_000);
});

describe('a store error in the robots.txt callback', () => {
  it('is counted as an error kind, not an unhandled rejection', async () => {
    const db = join(dir, 'busy-robots.db');
    const store = openStore(db, { busyTimeoutMs: 50 });
    const holder = new Database(db);
    const lock = lockOnce(holder);
    const rejections: unknown[] = [];
    const onRejection = (r: unknown) => rejections.push(r);
    process.on('unhandledRejection', onRejection);
    // The first site's home links to the second site; the lock is taken when /a of the first
    // site is requested, while the second site's robots.txt (answering 200 ms late) resolves.
    const first = busySite('robfirst', '127.0.20.4', '/a', lock);
    first.pages['/'] = mentorPage('Mentoring for new mentors', ['/a', '{{robsecond}}/']);
    const second: FixtureSite = {
      name: 'robsecond',
      address: '127.0.20.5',
      robots: { body: 'User-agent: *\nAllow: /\nSitemap: {{robsecond}}/sitemap.xml\n', contentType: 'text/plain', delayMs: 200 },
      pages: { '/': mentorPage('A mentoring blog') },
    };
    const web = await startFixtureWeb([first, second]);
    try {
      const report = await runCrawl({ seeds: [web.url('robfirst')], db: store, politenessDelayMs: 0, progress: 'off', timeoutMs: 5000 });
      await new Promise((r) => setTimeout(r, 50));
      expect(rejections).toEqual([]);
      expect(report.interrupted).toBe(false);
      // Every page is saved in the end (requeued past the lock); at most a counted store error.
      const rows = rowsOf(db, report.crawlId);
      expect(rows.filter((r) => r.status === 'scored').map((r) => new URL(r.url).pathname).sort()).toEqual(['/', '/', '/a']);
      for (const k of Object.keys(report.errors)) expect(['store-busy', 'http-404']).toContain(k);
    } finally {
      process.off('unhandledRejection', onRejection);
      holder.close();
      store.close();
      await web.close();
    }
  }, 30_000);
});

function frontierRows(db: string): { queued: number; all: number } {
  const d = new Database(db, { readonly: true });
  try {
    const r = d.prepare(`SELECT COUNT(*) AS "all", SUM(state = 'queued') AS queued FROM frontier`).get() as { all: number; queued: number | null };
    return { all: r.all, queued: r.queued ?? 0 };
  } finally {
    d.close();
  }
}

describe('resume after a --max-pages stop', () => {
  it('continues the queued frontier with a fresh budget and the stored options; nothing to resume throws without clearing', async () => {
    const gen = generateWeb({ relevantSites: 4, irrelevantSites: 0, pagesPerSite: 8, crossLinks: 2, relevantShare: 1, addressBase: (21 << 8) + 2, seed: 11 });
    const web = await startFixtureWeb(gen.sites);
    const db = join(dir, 'maxpages.db');
    const pageReqs = () => web.log.filter((r) => r.path !== '/robots.txt' && !r.path.includes('sitemap')).map((r) => `http://${r.host}${r.path}`);
    try {
      const r1 = await runCrawl({ seeds: [web.url('r0'), web.url('r1')], db, maxPages: 5, pagesPerSite: 3, depth: 1, politenessDelayMs: 0, progress: 'off', timeoutMs: 5000 });
      expect(r1.stoppedBecause).toBe('max-pages');
      expect(r1.queued).toBeGreaterThan(0);
      const first = pageReqs();
      expect(first.length).toBe(5);
      const queuedAfterStop = frontierRows(db).queued;
      expect(queuedAfterStop).toBeGreaterThan(0);

      // Only maxPages is given again: depth and pagesPerSite come from the stored crawl.
      const r2 = await runCrawl({ db, resume: true, maxPages: 4, politenessDelayMs: 0, progress: 'off', timeoutMs: 5000 });
      expect(r2.resumed).toBe(true);
      expect(r2.crawlId).toBe(r1.crawlId);
      const second = pageReqs().slice(first.length);
      expect(second.length).toBeGreaterThan(0);
      expect(second.length).toBeLessThanOrEqual(4); // a fresh budget of 4
      for (const u of second) expect(first).not.toContain(u);
      expect(r2.pagesFetched).toBe(5 + second.length);

      // Resume until done; the stored pagesPerSite (3) and depth (1) held throughout.
      let last = r2;
      for (let i = 0; i < 10 && last.stoppedBecause === 'max-pages'; i++) {
        last = await runCrawl({ db, resume: true, maxPages: 4, politenessDelayMs: 0, progress: 'off', timeoutMs: 5000 });
        expect(last.crawlId).toBe(r1.crawlId);
      }
      expect(last.stoppedBecause).toBe('done');
      const all = pageReqs();
      expect(new Set(all).size).toBe(all.length); // nothing fetched twice
      const rows = rowsOf(db, r1.crawlId);
      const perSite = new Map<string, number>();
      for (const r of rows) perSite.set(new URL(r.url).host, (perSite.get(new URL(r.url).host) ?? 0) + 1);
      for (const n of perSite.values()) expect(n).toBeLessThanOrEqual(3);

      // Nothing left to resume: a clear error, and the frontier is not cleared.
      const before = frontierRows(db);
      await expect(runCrawl({ db, resume: true, politenessDelayMs: 0, progress: 'off' })).rejects.toThrow(/^crawl: nothing to resume/);
      expect(frontierRows(db)).toEqual(before);
    } finally {
      await web.close();
    }
  }, 60_000);
});

describe('a second crawl', () => {
  it('does not refetch pages stored recently, except the recrawl list (or with recrawlAfterMs 0)', async () => {
    const gen = generateWeb({ relevantSites: 2, irrelevantSites: 0, pagesPerSite: 5, crossLinks: 1, relevantShare: 1, addressBase: (22 << 8) + 2, seed: 5 });
    const web = await startFixtureWeb(gen.sites);
    const db = join(dir, 'second.db');
    const opts = { db, politenessDelayMs: 0, progress: 'off' as const, timeoutMs: 5000 };
    try {
      const r1 = await runCrawl({ seeds: [web.url('r0')], ...opts });
      expect(r1.stoppedBecause).toBe('done');
      expect(r1.pagesFetched).toBeGreaterThan(3);
      const n1 = web.log.length;
      const store = openStore(db);
      const candidatesBefore = store.listCandidates().map((c) => [c.site, c.siteScore.pagesScored]);
      store.close();

      const r2 = await runCrawl({ seeds: [web.url('r0')], ...opts });
      expect(r2.resumed).toBe(false);
      expect(r2.pagesFetched).toBe(0);
      // Nothing but (at most) robots.txt was requested.
      expect(web.log.slice(n1).filter((r) => r.path !== '/robots.txt')).toEqual([]);
      const store2 = openStore(db);
      expect(store2.listCandidates().map((c) => [c.site, c.siteScore.pagesScored])).toEqual(candidatesBefore);
      store2.close();

      // The schedule's recrawl list is fetched again.
      const n2 = web.log.length;
      const r3 = await runCrawl({ seeds: [web.url('r0')], recrawl: [web.url('r0')], ...opts });
      expect(r3.pagesFetched).toBeGreaterThanOrEqual(1);
      expect(web.log.slice(n2).filter((r) => r.path === '/' && r.site === 'r0')).toHaveLength(1);

      // recrawlAfterMs 0: everything is due again.
      const n3 = web.log.length;
      const r4 = await runCrawl({ seeds: [web.url('r0')], recrawlAfterMs: 0, ...opts });
      expect(r4.pagesFetched).toBe(r1.pagesFetched);
      expect(web.log.slice(n3).filter((r) => r.path === '/' && r.site === 'r0')).toHaveLength(1);
    } finally {
      await web.close();
    }
  }, 60_000);
});

describe('a bounded frontier', () => {
  it('keeps the best 5 × pagesPerSite entries of a site and drops them once its budget is spent', () => {
    const store = openStore(join(dir, 'frontier-unit.db'));
    try {
      const f = new Frontier(store);
      const origin = 'http://big.example';
      for (let i = 0; i < 200; i++) f.add({ url: `${origin}/p${i}`, site: 'big.example', origin, priority: (i * 37) % 200, hops: 0, kind: 'page' }, { siteCap: 10 });
      f.add({ url: `${origin}/sitemap.xml`, site: 'big.example', origin, priority: 4.5, hops: 0, kind: 'sitemap' }, { siteCap: 10 });
      expect(f.queuedPages('big.example')).toBe(10);
      expect(f.size).toBe(11);
      store.transaction(() => f.flush());
      expect(store.queuedCount()).toBe(11);
      // The ten best priorities (190..199), best first.
      const taken: number[] = [];
      for (let i = 0; i < 3; i++) taken.push(f.take(origin)?.priority ?? -1);
      expect(taken).toEqual([199, 198, 197]);
      expect(f.dropSite('big.example')).toBe(7);
      expect(f.queuedPages('big.example')).toBe(0);
      expect(f.take(origin)?.kind).toBe('sitemap'); // feeds and sitemaps are not page budget
      store.transaction(() => f.flush());
      expect(store.queuedCount()).toBe(4); // 3 taken + the sitemap: marked done by their handlers
    } finally {
      store.close();
    }
  });

  it('a sitemap listing thousands of mentoring URLs queues at most 5 × pagesPerSite of them', async () => {
    const N = 3000;
    const urls = Array.from({ length: N }, (_, i) => `<url><loc>{{bigmap}}/mentors/person-${i}</loc><lastmod>2026-0${1 + (i % 9)}-01</lastmod></url>`).join('');
    const web = await startFixtureWeb([
      {
        name: 'bigmap',
        address: '127.0.23.2',
        robots: 'User-agent: *\nAllow: /\n',
        pages: {
          '/': mentorPage('Mentoring guide'),
          '/sitemap.xml': { contentType: 'application/xml', body: `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls}</urlset>` },
          ...Object.fromEntries(Array.from({ length: N }, (_, i) => [`/mentors/person-${i}`, mentorPage(`Mentor ${i}`)])),
        },
      },
    ]);
    const db = join(dir, 'bigmap.db');
    try {
      const report = await runCrawl({ seeds: [web.url('bigmap')], db, pagesPerSite: 3, politenessDelayMs: 0, progress: 'off', timeoutMs: 5000 });
      expect(report.pagesFetched).toBe(3);
      expect(report.queued).toBe(0); // dropped once the site's budget was spent
      expect(web.log.filter((r) => r.path.startsWith('/mentors/')).length).toBe(2);
      const rows = frontierRows(db);
      expect(rows.all).toBeLessThanOrEqual(5 * 3 + 2);
      expect(rows.queued).toBe(0);
    } finally {
      await web.close();
    }
  }, 60_000);
});
