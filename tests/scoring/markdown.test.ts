// The roundup draft, rendered with a CommonMark parser. markdown-it rather than marked: it
// follows the CommonMark spec strictly (its 'commonmark' preset passes the spec tests), its
// default preset adds what curators' blog tools add (GFM tables, ~~strikethrough~~), it never
// passes raw HTML through unless asked (html: false) and it validates link schemes itself, so
// the test sees what a real publishing tool would render. marked is faster but looser with the
// spec, and speed does not matter for a test.
import * as cheerio from 'cheerio';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { candidatesToMarkdown, mdLineStart, mdText, pageLabel } from '../../scoring/markdown.ts';
import { oneLine } from '../../scoring/text.ts';
import type { Candidate, SiteQuote } from '../../scoring/types.ts';
import { candidate } from './fixtures-candidates.ts';

const commonmark = new MarkdownIt('commonmark');
const gfmish = new MarkdownIt(); // default preset: + tables, strikethrough
// Raw HTML allowed, as some blog tools do: the draft must still contain none.
const withHtml = new MarkdownIt({ html: true });

const decode = (html: string) => html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

function render(md: string) {
  const html = withHtml.render(md);
  return { html, $: cheerio.load(html) };
}

const quote = (site: string, path: string, text: string, title = 'A guide'): SiteQuote => ({ url: `${site}${path}`, title, component: 'mentorGuidance', text });

function roundupFixture(): Candidate[] {
  return [
    candidate('https://second-chair.example', 70, { decision: 'include', notes: 'PRIVATE: met the author in 2019' }, 'Second Chair', {
      quotes: [quote('https://second-chair.example', '/five-habits', 'Meet every two weeks and keep every promise you make.', 'Five habits – Second Chair'), quote('https://second-chair.example', '/listen', 'Listen more than you talk in the first meeting.')],
      outreach: { author: 'Ann Berg', contactUrl: 'https://second-chair.example/contact', email: 'ann@second-chair.example', social: [{ network: 'linkedin', url: 'https://www.linkedin.com/in/annberg' }] },
    }),
    candidate('https://bridgeway.example', 60, { decision: 'include', blurb: 'A toolkit for starting a youth program | with templates (free).', roundupRank: 1 }, 'Bridgeway Youth Mentoring Alliance'),
    candidate('https://lsu.example', 90, { decision: 'shortlist' }, 'LSU Mentoring Handbook'),
    candidate('https://hub.example', 99, { decision: 'undecided' }, 'Best 50 mentoring blogs'),
    candidate('https://tutoring.example', 0, { decision: 'undecided' }, 'Tutoring Co'),
    candidate('https://out.example', 95, { decision: 'exclude' }, 'Excluded Site'),
    candidate('https://fav.example', 40, { decision: 'include', best: 1 }, 'Curator Favourite'),
  ];
}

describe('candidatesToMarkdown', () => {
  it('is exactly the included sites, in the curator’s order then by score, with the best three in the curator’s order', () => {
    const md = candidatesToMarkdown(roundupFixture(), { year: 2026 });
    const { $ } = render(md);
    expect($('h1').text()).toBe('Best Mentoring Blogs 2026');
    expect($('h1 + p em').text()).toMatch(/^Intro: /);
    const items = $('h2:contains("The list") + ol > li').map((_, li) => $(li).find('strong a').text()).get();
    expect(items).toEqual(['Bridgeway Youth Mentoring Alliance', 'Second Chair', 'Curator Favourite']);
    expect($('h3').map((_, h) => $(h).text()).get()).toEqual(['1. Curator Favourite']);
    for (const gone of ['hub.example', 'tutoring.example', 'out.example', 'lsu.example', 'PRIVATE']) expect(md).not.toContain(gone);
  });

  it('with the shortlist, adds the shortlisted sites, marked; with no best marked, the top three of the list', () => {
    const list = roundupFixture().map((c) => ({ ...c, best: undefined }));
    const { $ } = render(candidatesToMarkdown(list, { year: 2026, withShortlist: true }));
    const items = $('ol > li');
    expect(items.map((_, li) => $(li).find('strong a').text()).get()).toEqual(['Bridgeway Youth Mentoring Alliance', 'LSU Mentoring Handbook', 'Second Chair', 'Curator Favourite']);
    expect($(items[1]).text()).toContain('(shortlisted)');
    expect($(items[0]).text()).not.toContain('(shortlisted)');
    expect($('h3').map((_, h) => $(h).text()).get()).toEqual(['1. Bridgeway Youth Mentoring Alliance', '2. LSU Mentoring Handbook', '3. Second Chair']);
  });

  it('gives each site its blurb, or a why built from its reasons with one quote linked to its page', () => {
    const { $ } = render(candidatesToMarkdown(roundupFixture(), { year: 2026 }));
    const [bridgeway, chair] = $('ol > li').toArray();
    expect($(bridgeway).text()).toContain('A toolkit for starting a youth program | with templates (free).');
    expect($(bridgeway).text()).not.toContain('Practical advice'); // the blurb replaces the reasons
    expect($(chair).text()).toContain('Practical advice for new mentors. Program toolkit with templates.');
    expect($(chair).text()).toContain('“Meet every two weeks and keep every promise you make.”');
    expect($(chair).find('a').map((_, a) => $(a).attr('href')).get()).toEqual(['https://second-chair.example/', 'https://second-chair.example/five-habits']);
  });

  it('writes the best three at length: what it is best for, 2–3 linked quotes, feed and last post, how to reach the author', () => {
    const list = roundupFixture().map((c) => (c.site === 'second-chair.example' ? { ...c, best: 1 as const } : c.best === 1 ? { ...c, best: 2 as const } : c));
    const md = candidatesToMarkdown(list, { year: 2026 });
    const { $ } = render(md);
    const section = md.slice(md.indexOf('### 1. Second Chair'), md.indexOf('### 2.'));
    const s = cheerio.load(withHtml.render(section));
    expect(s.text()).toMatch(/Best for new mentors/);
    expect(s('li:contains("“")').length).toBe(2);
    expect(s('li a[href="https://second-chair.example/listen"]').length).toBe(1);
    expect(s('li:contains("Feed:") a').attr('href')).toBe('https://second-chair.example/feed.xml');
    expect(s.text()).toContain('Last post: 2026-10-01');
    const reach = s('li:contains("Reach the author")');
    expect(reach.text()).toContain('Ann Berg');
    expect(reach.text()).toContain('ann@second-chair.example');
    expect(reach.find('a').map((_, a) => $(a).attr('href')).get()).toEqual(['https://second-chair.example/contact', 'https://www.linkedin.com/in/annberg']);
    expect($('h3').map((_, h) => $(h).text()).get()).toEqual(['1. Second Chair', '2. Curator Favourite']);
  });

  it('never publishes an empty line, a repeated bullet, a private note, a scorer’s doubt or a non-http(s) link', () => {
    const list = [
      candidate('https://a.example', 50, { decision: 'include', notes: 'secret note' }, 'A', {
        reasons: ['Best page: “x” (50/100)', 'Near miss: tutoring', 'Practical advice for new mentors'],
        feedUrl: 'javascript:alert(1)',
        bestPageUrl: 'data:text/html,x',
        quotes: [quote('javascript:', 'alert(1)//', 'Evil quote text long enough.'), { url: '/relative', title: 'r', component: 'relevance', text: 'Relative link text here.' }],
        outreach: { contactUrl: 'javascript:alert(1)', social: [{ network: 'x', url: 'data:x' }] },
      }),
    ];
    const md = candidatesToMarkdown(list, { year: 2026 });
    expect(md).not.toMatch(/secret note|Best page|Near miss|Evil quote|Relative link/);
    expect(md).not.toMatch(/(?<!^In its own words|^At a glance):\s*$/m); // no label without a value
    const lines = md.split('\n').filter((l) => l.startsWith('- '));
    expect(new Set(lines).size).toBe(lines.length);
    for (const renderer of [commonmark, gfmish, withHtml]) {
      const $ = cheerio.load(renderer.render(md));
      for (const a of $('a').toArray()) expect($(a).attr('href')).toMatch(/^https?:\/\//);
    }
  });

  it('renders hostile page text as the same text: no element, no link, no visible backslash', () => {
    const evil = '<img src=x onerror=alert(1)> [click](javascript:alert(1)) <script>alert(1)</script> *bold* _em_ `code` ~~gone~~ | a | b | &amp; &copy; \\( C# #';
    const list = [candidate('https://h.example', 50, { decision: 'include', blurb: evil, best: 1 }, evil, { reasons: [evil], quotes: [quote('https://h.example', '/p', evil, evil)] })];
    const md = candidatesToMarkdown(list, { year: 2026 });
    for (const renderer of [commonmark, gfmish, withHtml]) {
      const $ = cheerio.load(renderer.render(md));
      expect($('img, script, code, em:not(:contains("Intro")):not(:contains("shortlisted")), del, s, table').length, renderer === commonmark ? 'commonmark' : 'default').toBe(0);
      for (const a of $('a').toArray()) expect($(a).attr('href')).toMatch(/^https:\/\/h\.example\//);
      expect($('h3').text()).toBe(`1. ${oneLine(evil, 200)}`);
      expect($('body').text()).toContain(oneLine(evil));
      // The only backslash shown is the one the page wrote.
      expect($('body').text().split(oneLine(evil)).join('')).not.toContain('\\');
    }
  });

  it('labels a quote with its page title, without the site name the title repeats', () => {
    expect(pageLabel('Five habits – Second Chair', 'Second Chair')).toBe('Five habits');
    expect(pageLabel('Second Chair | Five habits', 'second chair')).toBe('Five habits');
    expect(pageLabel('Second Chair', 'Second Chair')).toBe('Second Chair');
    expect(pageLabel('Second Chairs and tables', 'Second Chair')).toBe('Second Chairs and tables');
    const { $ } = render(candidatesToMarkdown(roundupFixture(), { year: 2026 }));
    expect($('a[href="https://second-chair.example/five-habits"]').text()).toBe('Five habits');
  });

  it('says so when nothing is included yet', () => {
    const md = candidatesToMarkdown([candidate('https://a.example', 90)], { year: 2026 });
    expect(md).toContain('No site is included yet');
    expect(md).not.toContain('a.example');
  });
});

describe('mdText and mdLineStart (property over hostile strings)', () => {
  const unit = fc.constantFrom('*', '_', '`', '[', ']', '(', ')', '<', '>', '&', '#', '!', '~', '|', '\\', '-', '+', '=', '.', '1', 'a', 'b', ' ', '\n', 'é', '🙂', 'amp;', '&#x41;', 'http://x.y', '<a', '</', '<!--', '"', "'");
  it('renders inline as exactly the one-line text, with no markup', () => {
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 30 }), (s) => {
        const expected = oneLine(s);
        for (const renderer of [commonmark, gfmish]) {
          const html = renderer.renderInline(mdText(s));
          expect(html).not.toMatch(/<(?!br)[a-z]/i);
          expect(decode(html)).toBe(expected);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('at the start of a line, opens no block (heading, list, quote, rule)', () => {
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 20 }), (s) => {
        const expected = oneLine(s);
        fc.pre(expected !== '');
        const html = commonmark.render(`${mdLineStart(s)}\n`);
        expect(html.startsWith('<p>')).toBe(true);
        expect(decode(html.trim().replace(/^<p>|<\/p>$/g, ''))).toBe(expected);
      }),
      { numRuns: 1500 },
    );
  });
});
