// Link priority, hubs, feeds, sitemaps and the frontier's ordering (pure functions + SQLite).
import { describe, expect, it } from 'vitest';
import { linkPriority, isHub, normaliseUrl, siteSelectionBonus } from '../../crawler/frontier/link-priority.ts';
import { parseFeed } from '../../crawler/net/feeds.ts';
import { parseSitemap } from '../../crawler/net/sitemaps.ts';
import { Frontier } from '../../crawler/frontier/frontier.ts';
import { openStore } from '../../crawler/store/index.ts';

const ctx = { anchor: '', nearby: '', parentScore: 50, parentRelevance: 0.5, sameSite: true, fromHub: false };

describe('link priority', () => {
  it('prefers mentoring anchors and URLs, penalises login/privacy, and favours home/about/blog', () => {
    const u = (p: string) => new URL(`https://blog.example${p}`);
    const mentoring = linkPriority(u('/2026/first-meeting'), { ...ctx, anchor: 'Your first meeting as a mentor' });
    const plain = linkPriority(u('/2026/recipes'), { ...ctx, anchor: 'Weekend bread' });
    const login = linkPriority(u('/login'), { ...ctx, anchor: 'Log in' });
    expect(mentoring).toBeGreaterThan(plain);
    expect(plain).toBeGreaterThan(login);
    expect(login).toBeLessThan(0);
    expect(linkPriority(u('/x'), { ...ctx, parentScore: 90, parentRelevance: 0.9 })).toBeGreaterThan(linkPriority(u('/x'), { ...ctx, parentScore: 10, parentRelevance: 0.1 }));
    expect(siteSelectionBonus(u('/'))).toBeGreaterThan(siteSelectionBonus(u('/about')));
    expect(siteSelectionBonus(u('/category/mentoring/'))).toBeGreaterThan(0);
    expect(normaliseUrl('/a?utm_source=x&id=2#top', 'https://blog.example/b')).toBe('https://blog.example/a?id=2');
    expect(normaliseUrl('/file.pdf', 'https://blog.example/')).toBeUndefined();
    expect(normaliseUrl('mailto:a@b.c')).toBeUndefined();
  });
  it('pushes links to social networks and big platforms down, on their hosts only', () => {
    const off = { ...ctx, sameSite: false };
    const at = (href: string) => linkPriority(new URL(href), off);
    const mentoringBlog = at('https://mentoringblog.example/');
    for (const noise of ['https://x.com/someone', 'https://www.facebook.com/page', 'https://youtu.be/abc', 'https://uk.linkedin.com/in/a', 'https://bsky.app/profile/a', 'https://www.google.co.uk/search']) {
      expect(at(noise), noise).toBeLessThan(mentoringBlog - 2);
    }
    // Names that merely contain a platform's name are ordinary sites.
    for (const site of ['https://boxcom.example/', 'https://x.company.example/', 'https://applemoon.org/', 'https://medium.com/@mentor/first-meeting']) {
      expect(at(site), site).toBeGreaterThan(mentoringBlog - 1);
    }
  });
  it('recognises hubs: blogrolls and best-of roundups linking to several sites', () => {
    expect(isHub('The best mentoring blogs of 2026', '', 5, false)).toBe(true);
    expect(isHub('Home', '', 5, true)).toBe(true);
    expect(isHub('Our mentoring program', '', 5, false)).toBe(false);
    expect(isHub('The best mentoring blogs of 2026', '', 1, false)).toBe(false);
  });
});

describe('feeds and sitemaps', () => {
  it('reads RSS and Atom items with dates and mentoring flags', () => {
    const rss = parseFeed(
      `<?xml version="1.0"?><rss><channel><title>B</title><item><title>Mentoring: the first meeting</title><link>/a</link><pubDate>Tue, 03 Mar 2026 10:00:00 GMT</pubDate></item><item><title>Bread</title><link>https://b.example/b</link></item></channel></rss>`,
      'https://b.example/feed',
    );
    expect(rss.kind).toBe('rss');
    expect(rss.items[0]).toEqual({ title: 'Mentoring: the first meeting', link: 'https://b.example/a', publishedAt: '2026-03-03T10:00:00.000Z', mentoring: true });
    expect(rss.items[1].mentoring).toBe(false);
    const atom = parseFeed(
      `<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>Tips</title><link rel="alternate" href="https://c.example/t"/><published>2025-01-02T00:00:00Z</published><category term="mentoring"/></entry></feed>`,
      'https://c.example/atom.xml',
    );
    expect(atom.items[0]).toMatchObject({ link: 'https://c.example/t', publishedAt: '2025-01-02T00:00:00.000Z', mentoring: true });
  });
  it('reads urlsets and sitemap indexes', () => {
    const sm = parseSitemap(`<urlset><url><loc>https://d.example/mentoring/a</loc><lastmod>2026-02-01</lastmod></url><url><loc>https://d.example/b</loc></url></urlset>`, 'https://d.example/sitemap.xml');
    expect(sm.urls).toEqual([{ loc: 'https://d.example/mentoring/a', lastmod: '2026-02-01T00:00:00.000Z' }, { loc: 'https://d.example/b' }]);
    expect(parseSitemap(`<sitemapindex><sitemap><loc>https://d.example/s1.xml</loc></sitemap></sitemapindex>`, 'https://d.example/').sitemaps).toEqual(['https://d.example/s1.xml']);
  });
});

describe('frontier', () => {
  it('pops the best URL of an origin, raises priorities, and persists for resume', () => {
    const store = openStore(':memory:');
    try {
      const f = new Frontier(store);
      const add = (url: string, priority: number) => f.add({ url, site: 'a.example', origin: 'https://a.example', priority, hops: 0, kind: 'page' });
      add('https://a.example/1', 1);
      add('https://a.example/2', 3);
      add('https://a.example/3', 2);
      expect(add('https://a.example/1', 5)).toBe(true); // raised
      expect(add('https://a.example/2', 1)).toBe(false); // not lowered
      store.transaction(() => f.flush());
      expect(f.take('https://a.example')?.url).toBe('https://a.example/1');
      f.markDone('https://a.example/1');
      store.transaction(() => f.flush());
      const g = new Frontier(store);
      const loaded = g.load((u) => u === 'https://a.example/3');
      expect(loaded).toEqual({ queued: 1, done: 2 });
      expect(g.take('https://a.example')?.url).toBe('https://a.example/2');
      expect(g.has('https://a.example/1')).toBe(true);
    } finally {
      store.close();
    }
  });
});
