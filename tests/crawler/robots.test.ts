import { describe, expect, it } from 'vitest';
import { parseRobots, isAllowed, type Robots } from '../../crawler/net/robots.ts';

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
