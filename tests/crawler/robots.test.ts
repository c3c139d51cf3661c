import { describe, expect, it } from 'vitest';
import { parseRobots, isAllowed, RobotsCache, type Robots } from '../../crawler/net/robots.ts';
import { startFixtureWeb } from '../../demo/fixture-web/server.ts';
import { openStore } from '../../crawler/store/index.ts';

const ok = (text: string): Robots => ({ origin: 'http://h', status: 'ok', rules: parseRobots(text) });

describe('robots.txt (RFC 9309)', () => {
  it('uses the group for our token, else *; longest match wins; Allow wins ties', () => {
    const r = ok(`User-agent: *\nDisallow: /\n\nUser-agent: MentorRadar\nDisallow: /private\nAllow: /private/public\nCrawl-delay: 2\nSitemap: http://h/s.xml`);
    expect(isAllowed(r, 'http://h/blog')).toBe(true);
    expect(isAllowed(r, 'http://h/private/x')).toBe(false);
    expect(isAllowed(r, 'http://h/private/public/y')).toBe(true);
    expect(r.rules.crawlDelaySec).toBe(2);
    expect(r.rules.sitemaps).toEqual(['http://h/s.xml']);
    const star = ok(`User-agent: googlebot\nDisallow: /\n\nUser-agent: *\nDisallow: /*.php$\nDisallow: /tmp/\nAllow: /tmp/ok`);
    expect(isAllowed(star, 'http://h/index.php')).toBe(false);
    expect(isAllowed(star, 'http://h/index.php?x=1')).toBe(true);
    expect(isAllowed(star, 'http://h/tmp/a')).toBe(false);
    expect(isAllowed(star, 'http://h/tmp/ok')).toBe(true);
    expect(isAllowed(star, 'http://h/robots.txt')).toBe(true);
  });
  it('4xx allows all, 5xx/unreachable blocks all; an empty Disallow allows', () => {
    expect(isAllowed({ origin: 'http://h', status: 'allow-all', rules: { rules: [], sitemaps: [] } }, 'http://h/x')).toBe(true);
    expect(isAllowed({ origin: 'http://h', status: 'blocked', rules: { rules: [], sitemaps: [] } }, 'http://h/x')).toBe(false);
    expect(isAllowed(ok('User-agent: *\nDisallow:\n'), 'http://h/x')).toBe(true);
  });
});

describe('RobotsCache', () => {
  it('fetches an origin once for concurrent and later callers, keeps 5xx as blocked, and reuses the store', async () => {
    const web = await startFixtureWeb([
      { name: 'a', address: '127.0.0.2', pages: {}, robots: 'User-agent: *\nDisallow: /private/\n' },
      { name: 'b', address: '127.0.0.3', pages: {}, robots: { status: 503, body: 'busy' } },
    ]);
    const store = openStore(':memory:');
    try {
      const fetched: string[] = [];
      const cache = new RobotsCache({ store, onFetch: (o) => fetched.push(o) });
      const a = web.origin('a');
      const [r1, r2] = await Promise.all([cache.get(a), cache.get(a)]);
      const r3 = await cache.get(a);
      expect(fetched).toEqual([a]);
      expect(r1).toBe(r2);
      expect(r3).toBe(r1); // the settled value, kept as is
      expect(isAllowed(r3, `${a}/private/x`)).toBe(false);
      expect((await cache.get(web.origin('b'))).status).toBe('blocked');
      const again = new RobotsCache({ store, onFetch: (o) => fetched.push(o) });
      expect(isAllowed(await again.get(a), `${a}/private/x`)).toBe(false);
      expect(fetched).toEqual([a, web.origin('b')]); // a from the store, not fetched again
    } finally {
      store.close();
      await web.close();
    }
  });
});
