// RFC 9309 details of the robots.txt parser: whole product-token matching and non-ASCII rules.
import { describe, expect, it } from 'vitest';
import { isAllowed, parseRobots, type Robots } from '../../crawler/net/robots.ts';

const robots = (txt: string): Robots => ({ origin: 'https://x.example', status: 'ok', rules: parseRobots(txt) }) as Robots;

describe('user-agent groups (RFC 9309 §2.2.1)', () => {
  it('applies a group naming our product token, case-insensitively, with or without a version', () => {
    expect(isAllowed(robots('User-agent: MentorRadar\nDisallow: /\n\nUser-agent: *\nAllow: /'), 'https://x.example/a')).toBe(false);
    expect(isAllowed(robots('User-agent: mentorradar/0.1\nDisallow: /private\n'), 'https://x.example/private/x')).toBe(false);
  });

  it('ignores groups of other crawlers whose names are prefixes of ours, and empty agent lines', () => {
    for (const agent of ['m', 'mentor', '']) {
      const txt = `User-agent: ${agent}\nDisallow: /\n\nUser-agent: *\nDisallow: /only-this\n`;
      expect(isAllowed(robots(txt), 'https://x.example/a'), `agent ${JSON.stringify(agent)}`).toBe(true);
      expect(isAllowed(robots(txt), 'https://x.example/only-this')).toBe(false);
    }
  });
});

describe('paths (RFC 9309 §2.2.2)', () => {
  it('matches a rule with non-ASCII characters against the percent-encoded URL path', () => {
    const r = robots('User-agent: *\nDisallow: /über\n');
    expect(isAllowed(r, 'https://x.example/über-uns')).toBe(false);
    expect(isAllowed(r, 'https://x.example/%C3%BCber')).toBe(false);
    expect(isAllowed(r, 'https://x.example/uber')).toBe(true);
  });

  it('treats percent-encoded reserved characters in a rule like the URL does', () => {
    expect(isAllowed(robots('User-agent: *\nDisallow: /a%3Cb\n'), 'https://x.example/a<b')).toBe(false);
  });
});
