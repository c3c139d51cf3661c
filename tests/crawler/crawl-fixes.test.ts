// Regression tests for the crawl review: SQLITE_BUSY from a concurrent writer, resume after a
// --max-pages stop, no refetch of fresh pages on a second crawl, a bounded frontier. All
// against the loopback fixture web with real SQLite files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { startFixtureWeb, type FixtureSite } from '../fixtures/web/server.ts';
import Database from '../../crawler/sqlite.ts';
import { runCrawl } from '../../crawler/crawl.ts';
import { openStore } from '../../crawler/store.ts';

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
    const sqlitePath = createRequire(import.meta.url).resolve('better-sqlite3');
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
    const store = openStore(db);
    store.db.pragma('busy_timeout = 50');
    const holder = new Database(db);
    let held = false;
    const lock = () => {
      if (held) return;
      held = true;
      holder.exec('BEGIN IMMEDIATE');
      holder.prepare(`INSERT OR REPLACE INTO curation (site) VALUES ('other.example')`).run();
      setTimeout(() => holder.exec('COMMIT'), 700);
    };
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
    const store = openStore(db);
    store.db.pragma('busy_timeout = 50');
    const holder = new Database(db);
    let held = false;
    const lock = () => {
      if (held) return;
      held = true;
      holder.exec('BEGIN IMMEDIATE');
      holder.prepare(`INSERT OR REPLACE INTO curation (site) VALUES ('other.example')`).run();
      setTimeout(() => holder.exec('COMMIT'), 700);
    };
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
