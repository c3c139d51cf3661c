// The main text: Readability's choice of the article element over the page index, then the clean-up.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { extract } from '../../scoring/extract.ts';
import { collapseRuns } from '../../scoring/content.ts';

const para = (s: string, n = 1) => `<p>${s}</p>`.repeat(n);
const post = para('Mentoring is a relationship built on trust, regular meetings and honest feedback. A good mentor listens, asks open questions, and keeps promises.', 6);

describe('main text', () => {
  it('keeps the article and drops navigation, related posts, comments, share bars, newsletter boxes and the footer', () => {
    const html = `<html><body><header><nav><a href="/">Home</a><a href="/blog">Blog</a></nav></header>
      <div id="page"><div class="content"><article><h1>On mentoring</h1><p class="byline">By Ann</p>${post}
      <div class="share-buttons"><a href="#">Share on X</a></div></article>
      <div class="related-posts"><h3>Related</h3><ul><li><a href="/a">Ten tips for managers</a></li><li><a href="/b">Our new office</a></li></ul></div>
      <section id="comments"><p>Great post, buy cheap pills at example.com today, they are very cheap indeed.</p></section>
      <div class="newsletter-signup"><p>Subscribe to our newsletter for more posts like this one every week.</p></div></div>
      <aside class="sidebar"><p>Popular: how to bake bread at home with only three ingredients.</p></aside></div>
      <footer><p>© 2026 Example. All rights reserved.</p></footer></body></html>`;
    const e = extract({ url: 'https://b.example/post', html });
    expect(e.mainText).toContain('A good mentor listens');
    for (const junk of ['Home', 'Share on X', 'Ten tips for managers', 'buy cheap pills', 'Subscribe to our newsletter', 'bake bread', 'All rights reserved']) expect(e.mainText).not.toContain(junk);
  });

  it('keeps one line per block', () => {
    const e = extract({ url: 'https://b.example/post', html: `<body><article>${para('First paragraph of the post, long enough to count as one.')}${para('Second paragraph, also long enough.')}<ul><li>one item</li><li>two item</li></ul></article></body>` });
    expect(e.mainText.split('\n')).toEqual(['First paragraph of the post, long enough to count as one.', 'Second paragraph, also long enough.', 'one item', 'two item']);
  });

  it('drops a heading that repeats the title, keeps the other headings', () => {
    const e = extract({ url: 'https://b.example/post', html: `<html><head><title>Becoming a mentor | My blog</title></head><body><article><h1>Becoming a mentor</h1>${post}<h2>Your first meeting</h2>${post}</article></body></html>` });
    expect(e.mainText).not.toContain('Becoming a mentor');
    expect(e.headings).toEqual(['Your first meeting']);
  });

  it('drops link lists inside the article (tags, "read more" lists) but keeps a list of advice', () => {
    const links = `<div class="tag-cloud"><a href="/t/1">mentoring</a> <a href="/t/2">careers</a> <a href="/t/3">leadership</a> <a href="/t/4">tips</a></div>`;
    const advice = '<ul><li>Meet every two weeks and keep the date.</li><li>Listen more than you talk in every meeting.</li><li>Write down two goals together.</li></ul>';
    const e = extract({ url: 'https://b.example/post', html: `<body><article>${post}${advice}${links}</article></body>` });
    expect(e.mainText).toContain('Listen more than you talk');
    expect(e.mainText).not.toContain('careers');
    expect(e.lists.unordered).toBe(1);
  });

  it('reads pages without <html>/<body> and deeply nested pages', () => {
    expect(extract({ url: 'https://x.example/', html: post }).mainText).toContain('keeps promises');
    // 1,400 levels: just under the guard's open-element budget (scoring/guard.ts refuses deeper).
    const deep = `${'<div>'.repeat(1400)}${post}${'</div>'.repeat(1400)}`;
    expect(extract({ url: 'https://x.example/', html: deep }).mainText).toContain('keeps promises');
  });

  it('uses the JSON-LD articleBody when the markup holds far less of the article (script-loaded pages)', () => {
    const body = 'The first paragraph is in the markup. '.repeat(2) + 'The rest of the article arrives with a script, but its JSON-LD has it all. '.repeat(20);
    const ld = `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', articleBody: body })}</script>`;
    const e = extract({ url: 'https://x.example/', html: `<html><head>${ld}</head><body><article><p>The first paragraph is in the markup.</p></article></body></html>` });
    expect(e.mainText).toContain('its JSON-LD has it all');
  });

  it('counts code blocks of the main content', () => {
    expect(extract({ url: 'https://x.example/', html: `<body><article>${post}<pre>npm install x</pre><pre>x --help</pre></article></body>` }).codeBlocks).toBe(2);
  });
});

describe('collapseRuns (the main text, one line per block)', () => {
  // Its definition as a regular expression: every run of white space and block marks (NUL) becomes a
  // newline when it holds a block mark, else a space; then trimmed.
  // eslint-disable-next-line no-control-regex
  const RUN_RE = /[\s\u0000]+/g;
  const reference = (s: string) => s.replace(RUN_RE, (run) => (run.includes('\u0000') ? '\n' : ' ')).trim();

  it('equals its regular-expression definition on any text, every Unicode space included', () => {
    const unit = fc.constantFrom('a', 'é', 'x', ' ', ' ', '\u0000', '\n', '\t', '\r', '\v', '\f', '\u00a0', '\u1680', '\u2000', '\u200a', '\u200b', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', '\u0085', '\u180e');
    fc.assert(fc.property(fc.array(unit, { maxLength: 40 }), (units) => collapseRuns(units.join('')) === reference(units.join(''))), { numRuns: 3000 });
    for (let c = 0; c < 0x10000; c++) {
      const s = `a${String.fromCharCode(c)}b ${String.fromCharCode(c)}`;
      if (collapseRuns(s) !== reference(s)) expect(`U+${c.toString(16)}`).toBe('treated as JavaScript treats it');
    }
  });

  it('returns the text itself when nothing changes', () => {
    const s = 'one line with single spaces';
    expect(collapseRuns(s)).toBe(s);
    expect(collapseRuns('\u0000 a \u0000\u0000b  c\t\u0000')).toBe('a\nb c');
  });
});

