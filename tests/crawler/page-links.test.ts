// The page handler's link list: what the crawl takes from scoring's extraction (first occurrence
// of each normalised crawlable URL, capped), and the nearby text when the extraction gives it.
import { describe, expect, it } from 'vitest';
import { linkCandidates, MAX_LINKS_PER_PAGE } from '../../crawler/crawl/handlers/page.ts';
import { linkPriority } from '../../crawler/frontier/link-priority.ts';
import { extract } from '../../scoring/extract.ts';

const link = (href: string, text: string, extra: { nearby?: string } = {}) => ({ href, text, internal: true, chrome: false, rel: '', ...extra });
const ctx = { parentScore: 50, parentRelevance: 0.5, sameSite: true, fromHub: false };

describe('linkCandidates', () => {
  it('keeps the first occurrence of each normalised crawlable URL', () => {
    const got = linkCandidates([
      link('https://blog.example/a?utm_source=x#top', 'First'),
      link('https://blog.example/a', 'Second'),
      link('https://blog.example/guide.pdf', 'PDF'),
      link('https://blog.example/b', 'B'),
    ]);
    expect(got.map((l) => [l.url.href, l.anchor])).toEqual([
      ['https://blog.example/a', 'First'],
      ['https://blog.example/b', 'B'],
    ]);
  });

  it(`considers at most ${MAX_LINKS_PER_PAGE} links of a page`, () => {
    const many = Array.from({ length: MAX_LINKS_PER_PAGE + 50 }, (_, i) => link(`https://blog.example/p${i}`, `Post ${i}`));
    expect(linkCandidates(many)).toHaveLength(MAX_LINKS_PER_PAGE);
  });

  it('takes the nearby text when the extraction provides it, unless the anchor already says mentor', () => {
    const [plain, withContext, mentorAnchor] = linkCandidates([
      link('https://blog.example/a', 'Read more'),
      link('https://blog.example/b', 'Read more', { nearby: 'Our guide for new mentoring volunteers. Read more' }),
      link('https://blog.example/c', 'Mentoring guide', { nearby: 'Mentoring guide for volunteers' }),
    ]);
    expect(plain.nearby).toBe('');
    expect(withContext.nearby).toMatch(/mentoring volunteers/);
    expect(mentorAnchor.nearby).toBe('');
    const p = (l: typeof plain) => linkPriority(l.url, { anchor: l.anchor, nearby: l.nearby, ...ctx });
    expect(p(withContext) - p({ ...withContext, nearby: '' })).toBeCloseTo(0.25, 3);
  });

  it('reads the links of a real extraction', () => {
    const ex = extract({ url: 'https://blog.example/post', html: '<html><body><main><p>See <a href="/guide">the guide</a> and <a href="https://other.example/">a friend</a>.</p></main></body></html>' });
    expect(linkCandidates(ex.links).map((l) => l.url.href)).toEqual(['https://blog.example/guide', 'https://other.example/']);
  });

  it('gives a "Read more" link the words of its paragraph, and a <base href> decides where it points', () => {
    const html = `<html><head><base href="https://blog.example/posts/"></head><body><main>
      <p>How to prepare for your first meeting as a volunteer mentor. <a href="first-meeting">Read more</a></p>
      <p>Our bakery opens at nine. <a href="bread">Read more</a></p></main></body></html>`;
    const links = linkCandidates(extract({ url: 'https://blog.example/', html }).links);
    expect(links.map((l) => l.url.href)).toEqual(['https://blog.example/posts/first-meeting', 'https://blog.example/posts/bread']);
    const [mentoring, bread] = links.map((l) => linkPriority(l.url, { anchor: l.anchor, nearby: l.nearby, ...ctx }));
    expect(links[0].nearby).toMatch(/volunteer mentor/);
    expect(mentoring - bread).toBeGreaterThanOrEqual(0.25);
  });
});
