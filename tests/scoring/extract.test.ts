import { describe, expect, it } from 'vitest';
import { extract, normaliseDate, MAX_TEXT_CHARS } from '../../scoring/extract.ts';
import { HAS_CORPUS, corpusPages, fixture } from './helpers.ts';
import { TooComplexError } from '../../scoring/guard.ts';

describe('extract on fixtures', () => {
  const blog = extract(fixture('personal-blog-first-year-mentor.html'));

  it('reads the head: title, description, canonical, lang, site name, generator, feed', () => {
    expect(blog.title).toBe('What I learned in my first year as a mentor – Notes from a Quiet Desk');
    expect(blog.description).toMatch(/^A year ago I said yes/);
    expect(blog.canonical).toBe('https://quietdesk.example/2026/02/first-year-as-a-mentor/');
    expect(blog.lang).toBe('en');
    expect(blog.siteName).toBe('Notes from a Quiet Desk');
    expect(blog.generator).toMatch(/WordPress/);
    expect(blog.platform).toBe('wordpress');
    expect(blog.feedUrls).toContain('https://quietdesk.example/feed/');
    expect(blog.jsonLdTypes).toContain('BlogPosting');
    expect(blog.publishedAt).toBe('2026-02-14');
  });

  it('keeps the article text and drops nav, cookie banner, comments, sidebar and footer', () => {
    expect(blog.mainText).toContain('I went into our first meeting with a slide deck');
    expect(blog.mainText).toContain('Before the first meeting, read your mentee');
    expect(blog.mainText).not.toContain('We use cookies');
    expect(blog.mainText).not.toContain('Buy cheap watches');
    expect(blog.mainText).not.toContain('Recent posts');
    expect(blog.mainText).not.toContain('Proudly powered');
    expect(blog.headings).toContain('4. Keep your promises');
    expect(blog.lists.ordered).toBe(1);
    expect(blog.lists.items).toBeGreaterThanOrEqual(5);
  });

  it('resolves links to absolute http(s) URLs with anchor text, internal vs external, author and contact', () => {
    const about = blog.links.find((l) => l.text === 'About');
    expect(about).toMatchObject({ href: 'https://quietdesk.example/about/', internal: true, chrome: true });
    expect(blog.links.every((l) => /^https?:\/\//.test(l.href))).toBe(true);
    expect(blog.authorLinks).toContain('https://quietdesk.example/author/hannah/');
    expect(blog.contactLinks).toContain('https://quietdesk.example/contact/');
  });

  it('finds downloadable resources and company markers on a vendor page', () => {
    const v = extract(fixture('vendor-launch-mentoring-program.html'));
    expect(v.resources.map((r) => r.href)).toContain('https://www.pairwise.example/resources/mentoring-program-planning-template.pdf');
    expect(v.companyMarkers).toEqual(expect.arrayContaining(['pricing', 'demo', 'free-trial', 'careers']));
    expect(v.siteName).toBe('Pairwise');
    expect(v.publishedAt).toBe('2026-04-02');
    expect(v.jsonLdTypes).toEqual(expect.arrayContaining(['Organization', 'BlogPosting']));
  });

  it('finds nonprofit markers and mailto contact links', () => {
    const n = extract(fixture('nonprofit-mentor-training-toolkit.html'));
    expect(n.nonprofitMarkers).toContain('donate');
    expect(n.contactLinks).toContain('mailto:hello@bridgesmentoring.example.org');
    expect(n.resources.length).toBeGreaterThanOrEqual(5);
  });
});

describe('extract boilerplate guesses', () => {
  it('a class-name guess that would hide the whole post ("has-sidebar" wrapper) is overruled', () => {
    const post = '<p>Mentoring is a relationship built on trust. Meet your mentee regularly and listen to their goals before giving advice.</p>'.repeat(6);
    const e = extract({
      url: 'https://b.example/post',
      html: `<body><div class="site-content has-sidebar"><div class="entry">${post}</div></div><div class="cookie-notice">We use cookies</div><nav>Home About</nav></body>`,
    });
    expect(e.mainText).toContain('Meet your mentee regularly');
    expect(e.mainText).not.toContain('Home About');
  });

  it('class-name boilerplate (comments, cookie notices, share bars) is dropped when the post stands apart', () => {
    const post = '<p>Mentoring is a relationship built on trust. Meet your mentee regularly and listen to their goals before giving advice.</p>'.repeat(6);
    const e = extract({ url: 'https://b.example/post', html: `<body><div class="entry">${post}</div><div id="comments">Nice post, buy pills</div><div class="share-buttons">Share on X</div></body>` });
    expect(e.mainText).toContain('listen to their goals');
    expect(e.mainText).not.toContain('buy pills');
    expect(e.mainText).not.toContain('Share on X');
  });
});

describe('extract dates', () => {
  it('normalises machine-readable dates and rejects others', () => {
    // The day as written: a post written late on the 14th (local time) was published on the 14th.
    expect(normaliseDate('2026-02-14T23:30:00-02:00')).toBe('2026-02-14');
    expect(normaliseDate('Tue, 19 Nov 2019 10:00:00 GMT')).toBe('2019-11-19');
    expect(normaliseDate('2025-12-01')).toBe('2025-12-01');
    expect(normaliseDate('14 February 2026')).toBe('2026-02-14');
    expect(normaliseDate('no date here')).toBeUndefined();
    expect(normaliseDate('1850-01-01')).toBeUndefined();
    expect(normaliseDate(42)).toBeUndefined();
  });

  it('takes the date from meta, <time> or the URL in that order of preference', () => {
    expect(extract({ url: 'https://b.example/p', html: '<meta property="article:published_time" content="2024-03-05"><p>x</p>' }).publishedAt).toBe('2024-03-05');
    expect(extract({ url: 'https://b.example/p', html: '<article><time datetime="2023-07-08">July</time></article>' }).publishedAt).toBe('2023-07-08');
    expect(extract({ url: 'https://b.example/2022/09/14/post/', html: '<p>x</p>' }).publishedAt).toBe('2022-09-14');
    // A URL's year and month are not a day.
    expect(extract({ url: 'https://b.example/2022/09/post/', html: '<p>x</p>' }).publishedAt).toBeUndefined();
    expect(extract({ url: 'https://b.example/p', html: '<p>x</p>' }).publishedAt).toBeUndefined();
  });
});

describe('extract on hostile input never throws', () => {
  const cases: [string, string][] = [
    ['empty', ''],
    ['only text', 'mentor'],
    ['broken tags', '<<<>>><p <a href=">x</a></div></div><script>unclosed'],
    ['binary-looking', String.fromCharCode(...Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256))],
    ['NULs', '<p>men\u0000tor\u0000</p>\u0000\u0000'],
    ['bad JSON-LD', '<script type="application/ld+json">{"@type": "Article", "datePublished": </script><p>ok</p>'],
    ['bad URLs', '<a href="http://[::1">x</a><a href="javascript:alert(1)">y</a><a href="mailto:a@b">z</a><link rel="canonical" href="http://%">'],
    ['nesting within the guard', '<div>'.repeat(1000) + 'deep text' + '</div>'.repeat(1000)],
  ];
  // Nesting past scoring/guard.ts's budget is the one refusal: a typed error, before any parse.
  it('deep nesting: a TooComplexError, at once', () => {
    expect(() => extract({ url: 'https://x.example/', html: '<div>'.repeat(20_000) + 'deep text' + '</div>'.repeat(20_000) })).toThrow(TooComplexError);
  });
  for (const [name, html] of cases) {
    it(name, () => {
      const e = extract({ url: 'https://x.example/', html });
      expect(typeof e.mainText).toBe('string');
      expect(e.links.every((l) => l.href.startsWith('http'))).toBe(true);
    });
  }

  it('a bad base URL and non-string html are tolerated', () => {
    expect(extract({ url: 'not a url', html: '<a href="/x">x</a><p>text</p>' }).links).toEqual([]);
    expect(extract({ url: 'https://x.example/', html: undefined as unknown as string }).mainText).toBe('');
  });

  it('a 5 MB page is capped', () => {
    const para = '<p>Mentors should meet their mentee every week and listen carefully to their goals. </p>';
    const html = `<html><body>${para.repeat(Math.ceil(5_000_000 / para.length))}</body></html>`;
    expect(html.length).toBeGreaterThan(5_000_000);
    const e = extract({ url: 'https://x.example/', html });
    expect(e.mainText.length).toBeLessThanOrEqual(MAX_TEXT_CHARS);
    expect(e.mainText.length).toBeGreaterThan(100_000);
  });
});

describe.skipIf(!HAS_CORPUS)('extract on the real corpus pages', () => {
  it('every page yields a title and main text, and the article template boilerplate is not needed', () => {
    const pages = corpusPages();
    expect(pages.length).toBeGreaterThan(50);
    for (const p of pages) {
      const e = extract({ url: `https://corpus.example/${p.file}`, html: p.html });
      expect(e.title, p.file).not.toBe('');
      expect(e.mainText.length, p.file).toBeGreaterThan(100);
      expect(e.lang, p.file).toBe('en');
    }
  });
});
