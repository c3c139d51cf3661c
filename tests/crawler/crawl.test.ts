// The focused crawl against the shipped loopback fixture web (no mocks): focus, robots cases,
// Crawl-delay and per-host spacing from the server's request log, faults by kind, abort + resume.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFixtureWeb, type FixtureWeb } from '../../demo/fixture-web/server.ts';
import { demoSites, DEMO_POSITIVES, DEMO_NEAR_MISSES } from '../../demo/fixture-web/demo-sites.ts';
import { runCrawl } from '../../crawler/crawl/run.ts';
import { openStore } from '../../crawler/store/index.ts';
import Database from '../../crawler/store/sqlite.ts';
import { siteKey } from '../../scoring/index.ts';
import type { CrawlReport } from '../../crawler/report.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mr-crawl-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function gaps(times: number[]): number[] {
  const s = [...times].sort((a, b) => a - b);
  return s.slice(1).map((t, i) => t - s[i]);
}

describe('focused crawl of the demo web', () => {
  let web: FixtureWeb;
  let report: CrawlReport;
  const db = () => join(dir, 'demo.db');

  beforeAll(async () => {
    web = await startFixtureWeb(demoSites());
    report = await runCrawl({ seeds: [web.url('mentorwise'), web.url('tutorly')], db: db(), politenessDelayMs: 200, concurrency: 6, timeoutMs: 5000, progress: 'off' });
  }, 60_000);
  afterAll(async () => {
    await web.close();
  });

  it('finds the positives and ranks them above the near misses', () => {
    const store = openStore(db());
    try {
      const ranked = store.listCandidates().map((c) => c.site);
      const positives = DEMO_POSITIVES.map((n) => siteKey(web.origin(n)));
      expect(new Set(ranked.slice(0, positives.length))).toEqual(new Set(positives));
      for (const n of DEMO_NEAR_MISSES) {
        const k = siteKey(web.origin(n));
        if (ranked.includes(k)) expect(ranked.indexOf(k)).toBeGreaterThanOrEqual(positives.length);
      }
      // Feeds read for activity.
      expect(store.getSiteActivity(web.origin('mentorwise'))?.feedUrl).toBe(web.url('mentorwise', '/feed.xml'));
      expect(store.getSiteActivity(web.origin('mentorcraft'))?.postDates.length).toBeGreaterThan(0);
    } finally {
      store.close();
    }
    expect(report.interrupted).toBe(false);
    expect(report.harvestRate).toBeCloseTo(report.relevantPages / report.pagesFetched, 5);
    expect(report.sites).toBeGreaterThanOrEqual(4);
  });

  it('does not expand irrelevant pages across sites (hard focus)', () => {
    expect(web.requests('offtopic')).toHaveLength(0);
    // The near misses themselves were visited (via the roundup hub or as a seed).
    expect(web.requests('coachcorner', '/').length).toBe(1);
    expect(web.requests('tutorly', '/').length).toBe(1);
  });

  it('honours robots.txt: fetched once per host, disallowed paths never requested, 503 = nothing fetched', () => {
    const hosts = new Set(web.log.map((r) => r.site));
    for (const h of hosts) expect(web.requests(h, '/robots.txt')).toHaveLength(1);
    expect(web.log.filter((r) => r.path.startsWith('/drafts/') || r.path === '/login')).toHaveLength(0);
    expect(web.requests('downsite').map((r) => r.path)).toEqual(['/robots.txt']);
    expect(report.blockedHosts).toBe(1);
    expect(report.disallowed).toBeGreaterThanOrEqual(1);
    // robots.txt 404 = everything allowed.
    expect(web.requests('youthbridge').length).toBeGreaterThan(2);
    expect(web.log.every((r) => r.ua.startsWith('MentorRadar/'))).toBe(true);
  });

  it('spaces requests to one host (default delay) and honours Crawl-delay; one page per URL', () => {
    for (const site of ['mentorwise', 'youthbridge', 'mentorcraft']) {
      for (const g of gaps(web.requests(site).map((r) => r.at))) expect(g).toBeGreaterThanOrEqual(150);
    }
    const hub = gaps(web.requests('programhub').map((r) => r.at));
    expect(hub.length).toBeGreaterThan(2);
    for (const g of hub) expect(g).toBeGreaterThanOrEqual(900);
    const keys = web.log.map((r) => `${r.site}${r.path}`);
    expect(keys.length).toBe(new Set(keys).size);
  });

  it('decodes a windows-1252 page that only declares its charset in a meta tag', () => {
    const store = openStore(db());
    try {
      const faq = store.pagesOfSite(web.origin('mentorcraft')).find((p) => p.url.endsWith('/faq'));
      expect(faq?.title).toContain('\u201cwhat does a mentor do?\u201d');
    } finally {
      store.close();
    }
  });

  it('leaves no ./storage behind', () => {
    expect(existsSync(join(process.cwd(), 'storage'))).toBe(false);
  });
});

describe('faults and robots edge cases in a crawl', () => {
  it('records faults by kind without crashing; a robots.txt timeout blocks the host', async () => {
    const good = (links: string) =>
      `<html><head><title>Your first meeting as a new mentor</title></head><body><article><h1>Your first meeting as a new mentor</h1>
<p>The first meeting sets the tone for the whole mentoring relationship. As a new mentor you do not need every answer; you need to prepare, listen, and agree with your mentee on how you will work together.</p>
<p>Read what your mentee wrote in the application and note a few open questions to ask. Block an hour in a quiet place. Introduce yourself and share a mistake you learned from.</p>
<p>Listen more than you talk and summarise what you heard. Set expectations together: how often you will meet, how you keep in touch, and how you both give feedback. Agree on one small goal for the next meeting.</p>
<p>Send a short note the same day with what you agreed and put the next meetings in the calendar. Trust is built by small promises kept, so follow through on what you offered.</p></article>
<nav>${links}</nav></body></html>`;
    const web = await startFixtureWeb([
      {
        name: 'faulty',
        address: '127.0.0.31',
        pages: {
          '/': good(
            ['/500', '/slow', '/loop-a', '/endless', '/download', '/cp1252', '/moved', '/elsewhere'].map((p) => `<a href="${p}">mentoring ${p.slice(1)}</a>`).join(' ') +
              ' <a href="{{hangrobots}}/">another mentoring blog</a> <a href="{{crawldelay}}/">a mentoring program guide</a>',
          ),
          '/500': { status: 500, body: 'boom' },
          '/slow': { delayMs: 4000, body: good('') },
          '/loop-a': { redirect: '/loop-b' },
          '/loop-b': { redirect: '/loop-a' },
          '/endless': { endlessBytes: Infinity },
          '/download': { contentType: 'application/pdf', body: Buffer.from('%PDF-1.4') },
          '/cp1252': { contentType: 'text/html', body: Buffer.from('<html><head><meta charset="windows-1252"><title>Mentor \x93tips\x94</title></head><body>mentoring</body></html>', 'latin1') },
          '/moved': { redirect: '/cp1252' },
          '/elsewhere': { redirect: '{{crawldelay}}/landing' },
        },
      },
      { name: 'hangrobots', address: '127.0.0.32', robots: { hang: true }, pages: { '/': good('') } },
      {
        name: 'crawldelay',
        address: '127.0.0.33',
        robots: 'User-agent: *\nCrawl-delay: 1\n',
        pages: { '/': good('<a href="/a">mentoring a</a>'), '/a': good(''), '/landing': good('') },
      },
    ]);
    const db = join(dir, 'faults.db');
    try {
      const report = await runCrawl({ seeds: [web.url('faulty')], db, politenessDelayMs: 0, timeoutMs: 1500, maxBytes: 512 * 1024, concurrency: 4, progress: 'off' });
      expect(report.errors['http-500']).toBe(1);
      expect(report.errors.timeout).toBe(1);
      expect(report.errors['redirect-loop']).toBe(1);
      expect(report.errors['too-large']).toBe(1);
      expect(report.errors['not-html']).toBe(1);
      expect(report.errors['robots-unreachable']).toBe(1);
      expect(web.requests('hangrobots').map((r) => r.path)).toEqual(['/robots.txt']);
      // The off-site redirect target went through its own host's robots.txt and politeness.
      expect(web.requests('crawldelay', '/landing')).toHaveLength(1);
      for (const g of gaps(web.requests('crawldelay').map((r) => r.at))) expect(g).toBeGreaterThanOrEqual(900);
      const store = openStore(db);
      try {
        expect(store.getPage(web.url('faulty', '/endless'))?.errorKind).toBe('too-large');
        expect(store.getPage(web.url('faulty', '/download'))?.status).toBe('skipped');
        const cp = store.pagesOfSite(web.origin('faulty')).find((p) => p.url.endsWith('/cp1252'));
        expect(cp?.title).toBe('Mentor \u201ctips\u201d');
        // /moved redirected to an already-scored page: recorded once, not scored twice.
        expect(store.pagesOfSite(web.origin('faulty')).filter((p) => p.finalUrl.endsWith('/cp1252'))).toHaveLength(1);
      } finally {
        store.close();
      }
    } finally {
      await web.close();
    }
  }, 60_000);

  it('stops cleanly on abort with everything scored saved, and a re-run resumes without refetching', async () => {
    const pages: Record<string, string> = {};
    for (let i = 0; i < 16; i++) {
      const links = [1, 2, 3].map((k) => `<a href="/p${(i + k) % 16}">mentoring advice ${(i + k) % 16}</a>`).join(' ');
      pages[i === 0 ? '/' : `/p${i}`] =
        `<html><head><title>Mentoring ${i}</title></head><body><p>As a new mentor, listen to your mentee, set goals, give feedback and keep promises.</p>${links}</body></html>`;
    }
    pages['/p0'] = pages['/'];
    const web = await startFixtureWeb([{ name: 'one', address: '127.0.0.41', pages }]);
    const db = join(dir, 'abort.db');
    try {
      const ac = new AbortController();
      const first = runCrawl({ seeds: [web.url('one')], db, politenessDelayMs: 80, progress: 'off', signal: ac.signal });
      const t = setInterval(() => {
        if (web.log.length >= 6) ac.abort();
      }, 10);
      const r1 = await first;
      clearInterval(t);
      expect(r1.interrupted).toBe(true);
      const store = openStore(db);
      expect(store.unfinishedCrawl()).toBeDefined();
      store.close();
      const raw = new Database(db, { readonly: true });
      const savedBefore = raw.prepare(`SELECT url, fetched_at FROM pages`).all() as { url: string; fetched_at: string }[];
      raw.close();
      expect(savedBefore.length).toBeGreaterThan(0);
      const logAt = web.log.length;
      const r2 = await runCrawl({ db, resume: true, politenessDelayMs: 0, progress: 'off' });
      expect(r2.resumed).toBe(true);
      expect(r2.interrupted).toBe(false);
      const after = web.log.slice(logAt).map((r) => web.url('one', r.path));
      for (const s of savedBefore) expect(after).not.toContain(s.url);
      const store2 = openStore(db);
      try {
        for (const s of savedBefore) expect(store2.getPage(s.url)?.fetchedAt).toBe(s.fetched_at);
        expect(store2.pageCount()).toBeGreaterThan(savedBefore.length);
        expect(store2.unfinishedCrawl()).toBeUndefined();
      } finally {
        store2.close();
      }
    } finally {
      await web.close();
    }
  }, 60_000);
});
