// Links as a real page writes them: resolved against the document base URL (<base href>, HTML
// standard), and each with its nearby text (the crawler's link classifier reads it beside the anchor).
import { describe, expect, it } from 'vitest';
import { extract, NEARBY_CHARS, type ExtractedLink } from '../../scoring/extract.ts';

const PAGE = 'https://blog.example/posts/2026/first-year.html';

function page(head: string, body: string): { url: string; html: string } {
  return { url: PAGE, html: `<!doctype html><html><head><title>T</title>${head}</head><body>${body}</body></html>` };
}

const linkTo = (links: ExtractedLink[], text: string) => links.find((l) => l.text === text);

describe('extract resolves against <base href>', () => {
  const feed = '<link rel="canonical" href="first-year/"><link rel="alternate" type="application/rss+xml" href="feed.xml">';

  it('relative links, the canonical and feeds resolve against the base, not the page URL', () => {
    const e = extract(page(`<base href="/blog/">${feed}`, '<p><a href="mentoring-guide/">guide</a> and <a href="../about">about</a></p>'));
    expect(linkTo(e.links, 'guide')?.href).toBe('https://blog.example/blog/mentoring-guide/');
    expect(linkTo(e.links, 'about')?.href).toBe('https://blog.example/about');
    expect(e.canonical).toBe('https://blog.example/blog/first-year/');
    expect(e.feedUrls).toEqual(['https://blog.example/blog/feed.xml']);
    // Without the base, the same markup resolves against the page's directory.
    const plain = extract(page(feed, '<p><a href="mentoring-guide/">guide</a></p>'));
    expect(linkTo(plain.links, 'guide')?.href).toBe('https://blog.example/posts/2026/mentoring-guide/');
    expect(plain.canonical).toBe('https://blog.example/posts/2026/first-year/');
  });

  it('the first <base> with an href wins, in tree order, even one in the body; a <base> without href does not count', () => {
    const e = extract(page('<base target="_blank"><base href="https://blog.example/one/"><base href="https://blog.example/two/">', '<p><a href="x">x</a></p>'));
    expect(linkTo(e.links, 'x')?.href).toBe('https://blog.example/one/x');
    const inBody = extract(page('', '<p><a href="x">x</a></p><base href="/late/"><base href="/later/">'));
    expect(linkTo(inBody.links, 'x')?.href).toBe('https://blog.example/late/x');
  });

  it('a javascript:, data: or unparsable base is ignored (the page URL stays the base), as is one inside <template>', () => {
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'http://[::1', 'mailto:a@b.example']) {
      const e = extract(page(`<base href="${bad}">`, '<p><a href="x">x</a></p>'));
      expect(linkTo(e.links, 'x')?.href, bad).toBe('https://blog.example/posts/2026/x');
    }
    // An ignored first base is still the first: a later valid one does not take over (HTML standard).
    const e = extract(page('<base href="javascript:void(0)"><base href="/other/">', '<p><a href="x">x</a></p>'));
    expect(linkTo(e.links, 'x')?.href).toBe('https://blog.example/posts/2026/x');
    const tpl = extract(page('', '<template><base href="/tpl/"></template><p><a href="x">x</a></p>'));
    expect(linkTo(tpl.links, 'x')?.href).toBe('https://blog.example/posts/2026/x');
  });

  it('a base with a fragment or an empty href resolves as the standard says; an enormous href is ignored', () => {
    const frag = extract(page('<base href="/dir/index.html#top">', '<p><a href="x">x</a> <a href="#note">note</a></p>'));
    expect(linkTo(frag.links, 'x')?.href).toBe('https://blog.example/dir/x');
    expect(linkTo(frag.links, 'note')?.href).toBe('https://blog.example/dir/index.html');
    const empty = extract(page('<base href="">', '<p><a href="x">x</a></p>'));
    expect(linkTo(empty.links, 'x')?.href).toBe('https://blog.example/posts/2026/x');
    const huge = extract(page(`<base href="https://other.example/${'a'.repeat(100_000)}/">`, '<p><a href="x">x</a></p>'));
    expect(linkTo(huge.links, 'x')?.href).toBe('https://blog.example/posts/2026/x');
  });

  it('a base on another host makes relative links point there (external); the page stays on its own site', () => {
    const e = extract(page('<base href="https://cdn.other.example/assets/">', '<p><a href="guide">guide</a> <a href="https://blog.example/about">about</a></p>'));
    expect(linkTo(e.links, 'guide')).toMatchObject({ href: 'https://cdn.other.example/assets/guide', internal: false });
    expect(linkTo(e.links, 'about')).toMatchObject({ href: 'https://blog.example/about', internal: true });
    // The publication day still reads the page's own URL, not the base's.
    const dated = extract({ url: 'https://blog.example/2026/03/05/post/', html: '<base href="https://cdn.other.example/"><p>text</p>' });
    expect(dated.publishedAt).toBe('2026-03-05');
  });
});

describe('extract gives each link its nearby text', () => {
  it('a link in a paragraph gets the paragraph, anchor included, white space collapsed', () => {
    const e = extract(page('', '<p>I found   a\n great <a href="/m">mentoring guide</a> here.</p><p>Next paragraph.</p>'));
    expect(linkTo(e.links, 'mentoring guide')?.nearby).toBe('I found a great mentoring guide here.');
  });

  it('a link in a nav list gets its item; a table cell its cell; an image-only link in an empty block none', () => {
    const e = extract(page('', '<nav><ul><li><a href="/">Home</a></li><li><a href="/mentors">Mentors</a> (weekly)</li></ul></nav><table><tr><td>Mentor <a href="/ana">Ana</a></td><td>other</td></tr></table><div><a href="/img"><img src="a.png"></a></div>'));
    expect(linkTo(e.links, 'Home')?.nearby).toBe('Home');
    expect(linkTo(e.links, 'Mentors')?.nearby).toBe('Mentors (weekly)');
    expect(linkTo(e.links, 'Ana')?.nearby).toBe('Mentor Ana');
    expect(linkTo(e.links, '')?.nearby).toBeUndefined();
  });

  it('a long block is windowed around the anchor: at most NEARBY_CHARS, whole words, the anchor inside', () => {
    const before = Array.from({ length: 80 }, (_, i) => `before${i}`).join(' ');
    const after = Array.from({ length: 80 }, (_, i) => `after${i}`).join(' ');
    const e = extract(page('', `<p>${before} <a href="/m">be a mentor</a> ${after}</p>`));
    const nearby = linkTo(e.links, 'be a mentor')?.nearby ?? '';
    expect(nearby.length).toBeLessThanOrEqual(NEARBY_CHARS);
    expect(nearby.length).toBeGreaterThan(NEARBY_CHARS - 20);
    expect(nearby).toMatch(/^before\d+ .* before79 be a mentor after0 .* after\d+$/);
    // Centred: about as much text on each side.
    const [left, right] = nearby.split('be a mentor');
    expect(Math.abs(left.length - right.length)).toBeLessThan(20);
    // At the start of a block, the room goes to the text after it.
    const atStart = extract(page('', `<p><a href="/m">be a mentor</a> ${after}</p>`)).links[0].nearby ?? '';
    expect(atStart).toMatch(/^be a mentor after0 after1 .* after\d+$/);
    expect(atStart.length).toBeGreaterThan(NEARBY_CHARS - 20);
  });

  it('an anchor whose own text is longer than the window gets its text cut to NEARBY_CHARS', () => {
    const long = 'mentoring '.repeat(40).trim();
    const nearby = extract(page('', `<p>intro <a href="/m">${long}</a> outro</p>`)).links[0].nearby ?? '';
    expect(nearby).toBe(long.slice(0, NEARBY_CHARS).trim());
  });

  it('hostile: 5,000 links in one block stay fast and bounded', () => {
    const body = `<div>${Array.from({ length: 5000 }, (_, i) => `word${i} <a href="/p${i}">link ${i}</a>`).join(' ')}</div>`;
    const t0 = performance.now();
    const e = extract(page('', body));
    const ms = performance.now() - t0;
    expect(e.links.length).toBe(3000); // extract keeps at most 3,000 links a page
    expect(e.links.every((l) => (l.nearby ?? '').length <= NEARBY_CHARS && (l.nearby ?? '').includes(l.text))).toBe(true);
    expect(linkTo(e.links, 'link 2500')?.nearby).toMatch(/word2500 link 2500 word2501/);
    expect(ms).toBeLessThan(2000);
  });
});
