// The page index read straight from the parser's events: it must read a page exactly as a walk of
// the parser's document tree would (the tree is no longer built). These hold the cases where the
// two could part: text split into several events, comments between text, <head>, subtrees the
// index skips but a date element's text includes, ancestors that are not indexed.
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'htmlparser2';
import { BLOCK_MARK, indexHtml } from '../../scoring/page-index.ts';
import { isForeign, shortText } from '../../scoring/dates.ts';

const text = (html: string) => indexHtml(html, true).seg.filter((s) => s !== BLOCK_MARK).join('|');

describe('indexHtml reads the page as the parser\'s tree', () => {
  it('text split into several events (entities) is one text node; a comment starts a new one', () => {
    // One node of white space only (spaces around an encoded space) is dropped after a block mark.
    expect(text('<p>a &amp; b</p><p> &#32; </p><p>c</p>')).toBe('a & b|c');
    expect(text('<p>a<!-- x -->b</p>')).toBe('a|b');
    // The tree has the same text nodes.
    const p = parseDocument('<p>a &amp; b<!-- x -->c</p>').children[0] as unknown as { children: { type: string; data?: string }[] };
    expect(p.children.filter((c) => c.type === 'text').map((c) => c.data)).toEqual(['a & b', 'c']);
  });

  it('<head>: its element children are read (title, metadata, stray blocks), its text and <style> are not', () => {
    const ix = indexHtml('<html lang="de"><head>stray<title>T &amp; U</title><style>p{}</style><meta name="a" content="b"><div>in head</div></head><body><p>body</p></body></html>', true);
    expect(ix.title).toBe('T & U');
    expect(ix.htmlLang).toBe('de');
    expect(ix.metas).toEqual([{ name: 'a', content: 'b' }]);
    expect(ix.seg.filter((s) => s !== BLOCK_MARK)).toEqual(['in head', 'body']);
  });

  it('keeps JSON-LD script text and skips scripts, hidden and inline-hidden subtrees', () => {
    const ix = indexHtml('<script type="application/ld+json">{"@type":"Article"}</script><script>var x = "<p>no</p>";</script><div hidden><p>no</p></div><p style="display: none">no</p><p>yes</p>', true);
    expect(ix.ldJson).toEqual(['{"@type":"Article"}']);
    expect(ix.seg.filter((s) => s !== BLOCK_MARK)).toEqual(['yes']);
  });

  it('a date element\'s text is its whole subtree (hidden or skipped parts too), not its scripts, bounded', () => {
    const ix = indexHtml('<p><time>3 <span hidden>May</span> <svg><text>2020</text></svg><script>x</script></time></p>', true);
    expect(ix.dateEls).toHaveLength(1);
    expect(shortText(ix.dateEls[0])).toBe('3 May 2020');
    const many = indexHtml(`<div class="date">${'<i>a</i>'.repeat(500)}</div>`, true);
    // 199 nodes at most: 100 <i> elements and 99 of their texts.
    expect(shortText(many.dateEls[0], 10_000)).toBe('a'.repeat(99));
    expect(shortText(many.dateEls[0], 10)).toBe('a'.repeat(10));
  });

  it('a date element is foreign under a non-indexed comments wrapper or a nav, not under the main content', () => {
    const ix = indexHtml('<body><article><p>Post text</p><time>1 May 2020</time></article><span class="comments"><time>2 May 2020</time></span><nav><time>3 May 2020</time></nav></body>', false);
    const [own, comment, nav] = ix.dateEls;
    const article = ix.tag.indexOf('article');
    expect(isForeign(own, new Set([article]))).toBe(false);
    expect(isForeign(comment, new Set([article]))).toBe(true);
    expect(isForeign(nav, new Set([article]))).toBe(true);
    // Above the body, nothing is chrome: the document (position 0) is the last ancestor.
    expect(comment.ancestors.at(-1)).toMatchObject({ indexed: 0 });
  });

  it('the document itself is the first indexed element and gets the text outside any tag', () => {
    const ix = indexHtml('Loose text, no tags, long enough to count as a paragraph of its own.', true);
    expect(ix.tag[0]).toBe('#root');
    expect(ix.own[0]).toBeGreaterThan(25);
    expect(ix.counts[0]).toBe(ix.own[0]); // C_TEXT of the whole page
  });

  it('the first <base href> in tree order is kept as written, hidden or in the body too; not one in a template, svg or noscript', () => {
    expect(indexHtml('<head><base target="x"><base href=" /a/ "><base href="/b/"></head><p>t</p>', true).baseHref).toBe(' /a/ ');
    expect(indexHtml('<p>t</p><div hidden><base href="/late/"></div>', true).baseHref).toBe('/late/');
    expect(indexHtml('<template><base href="/t/"></template><svg><base href="/s/"></svg><noscript><base href="/n/"></noscript><p>t</p>', true).baseHref).toBeUndefined();
    expect(indexHtml('<p>no base</p>', true).baseHref).toBeUndefined();
  });

  it('an anchor knows the block it sits in: its nearest indexed ancestor, through inline elements', () => {
    const ix = indexHtml('<a href="/0">top</a><ul><li><span><b><a href="/1">in li</a></b></span></li></ul><p>x <a href="/2">in p</a></p>', true);
    expect(ix.anchors.map((a) => ix.tag[a.block])).toEqual(['#root', 'li', 'p']);
  });
});
