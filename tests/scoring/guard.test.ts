// The parser's input guard: linear, replays htmlparser2's open-element stack, refuses nesting
// the parser would choke on, cuts a page at the element budget; scorePage surfaces the refusal.
import { describe, expect, it } from 'vitest';
import { load } from 'cheerio/slim';
import { guardMarkup, guardPage, measureMarkup, TooComplexError, MARKUP_BUDGET } from '../../scoring/guard.ts';
import { extract } from '../../scoring/extract.ts';
import { scorePage } from '../../scoring/index.ts';

type Node = { children?: Node[]; type?: string; name?: string };
const VOID = new Set(['br', 'img', 'input', 'hr', 'meta', 'link']);

/** The parser's real maximum of open elements, for comparison (void elements never open; iterative walk). */
function parsedDepth(html: string): number {
  const root = load(html).root()[0] as unknown as Node;
  let max = 0;
  const stack: [Node, number][] = [[root, 0]];
  while (stack.length) {
    const [n, d] = stack.pop()!;
    const opens = (n.type === 'tag' || n.type === 'script' || n.type === 'style') && !VOID.has(n.name ?? '');
    const depth = opens ? d + 1 : d;
    max = Math.max(max, depth);
    for (const c of n.children ?? []) stack.push([c, depth]);
  }
  return max;
}

describe('measureMarkup', () => {
  it('follows the parser: void elements, implied closes, raw text, comments, foreign self-closing', () => {
    const cases = [
      '<html><body><p>a<p>b<p>c</body></html>',
      '<ul><li>a<li>b<li><b>c</b></ul>',
      '<div><br><img src=x><input><hr></div>',
      '<table><tr><td>a<td>b<tr><td>c</table>',
      '<div><script>if (a < b) { "<div><div><div>" }</script><style>p > a {}</style></div>',
      '<div><!-- <div><div> --><textarea><div></textarea></div>',
      '<svg><path d="M0"/><path/><g><circle r="1"/></g></svg><div/><div/>',
      '<div title="a > b" data-x=\'<div>\'><span>x</span></div>',
      '<div><span><i>x</div></div></b>',
    ];
    for (const html of cases) expect(measureMarkup(html).maxDepth, html).toBe(parsedDepth(html));
  });

  it('counts elements and links in one linear pass', () => {
    const s = measureMarkup('<a href=/1>x</a><A HREF=/2>y</A><abbr>z</abbr><p>');
    expect(s).toMatchObject({ elements: 4, links: 2 });
    const t0 = performance.now();
    const big = measureMarkup('<p><a href="/x">link</a> text</p>\n'.repeat(100_000));
    expect(big.elements).toBe(200_000);
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('refuses deep or unclosed nesting before any parse, in milliseconds', () => {
    for (const html of ['<div>'.repeat(960_000), Array.from({ length: 600_000 }, (_, i) => `<h${(i % 6) + 1}>t`).join(''), '<div>'.repeat(100_000) + '</div>'.repeat(100_000)]) {
      const t0 = performance.now();
      expect(measureMarkup(html).tooComplex).toMatch(/open at once/);
      expect(performance.now() - t0).toBeLessThan(1000);
    }
    // Stray closing tags under a deep stack: each one is a full stack search in the parser.
    expect(measureMarkup('<div>'.repeat(1000) + '</span>'.repeat(200_000)).tooComplex).toMatch(/stack work/);
    // A legit page nested a few hundred deep is fine.
    expect(measureMarkup('<div>'.repeat(400) + 'x' + '</div>'.repeat(400)).tooComplex).toBeUndefined();
  });

  it('cuts a page with too many elements at a tag boundary', () => {
    const html = '<p>x</p>'.repeat(10);
    const cut = guardMarkup(html, 'html', { ...MARKUP_BUDGET, maxElements: 4 });
    expect(cut).toBe('<p>x</p>'.repeat(4));
    expect(guardMarkup(html)).toBe(html);
  });

  it('a page with few tags passes on its count of "<" alone, and tight budgets still see every excess', () => {
    const page = '<html><body><p>a</p><p>b</p></body></html>';
    expect(guardMarkup(page)).toBe(page);
    expect(() => guardMarkup('<div><div><div><div>x', 'html', { maxDepth: 3, maxElements: 100, maxStackWork: 1e9 })).toThrow(TooComplexError);
    expect(guardMarkup('<p>1<p>2<p>3<p>4', 'html', { maxDepth: 100, maxElements: 3, maxStackWork: 1e9 })).toBe('<p>1<p>2<p>3');
    expect(() => guardMarkup('<a><b><c><d></e></e></e>', 'xml', { maxDepth: 100, maxElements: 100, maxStackWork: 12 })).toThrow(/stack work/);
  });

  it("reports the replay's link count, so the crawl need not replay the page again", () => {
    const big = `<html><body>${'<p><a href="/x">link</a> and <A HREF="/y">more</A> text</p>\n'.repeat(3000)}</body></html>`;
    expect(guardPage(big)).toEqual({ html: big, links: measureMarkup(big).links });
    expect(guardPage(big).links).toBe(6000);
    expect(extract({ url: 'https://a.example/', html: big }).markupLinks).toBe(6000);
    const small = '<html><body><p><a href="/x">one</a></p></body></html>';
    expect(guardPage(small)).toEqual({ html: small });
    expect(extract({ url: 'https://a.example/', html: small }).markupLinks).toBeUndefined();
  });

  it('in XML mode (feeds, sitemaps) self-closing tags close and nothing is implied', () => {
    expect(measureMarkup('<urlset><url><loc>a</loc></url><url/><url/></urlset>', MARKUP_BUDGET, 'xml').maxDepth).toBe(3);
    expect(measureMarkup('<a>'.repeat(5000), MARKUP_BUDGET, 'xml').tooComplex).toBeDefined();
  });
});

describe('scorePage behind the guard (the crawl and the extension alike)', () => {
  it('throws a TooComplexError for nesting the parser would choke on, at once', () => {
    const t0 = performance.now();
    expect(() => scorePage({ url: 'https://x.example/', html: '<html><body>' + '<div>'.repeat(960_000) })).toThrow(TooComplexError);
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('scores a page with 200k links within the budget', () => {
    const html = '<html><head><title>Mentoring</title></head><body><p>A mentor listens and keeps promises.</p>' + '<a href=/p>m</a>'.repeat(200_000);
    const t0 = performance.now();
    const p = scorePage({ url: 'https://x.example/', html });
    expect(p.score).toBeGreaterThanOrEqual(0);
    // ~1 s here; the bound leaves room for a loaded CI machine (unguarded nesting costs minutes).
    expect(performance.now() - t0).toBeLessThan(8000);
  });
});
