import { XMLParser, XMLValidator } from 'fast-xml-parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BadgeError, badgeDataUri, badgeEmbedHtml, badgeSvg, layoutName } from '../../scoring/badge.ts';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', preserveOrder: true, trimValues: false });

interface Node {
  name: string;
  attrs: Record<string, string>;
  text: string;
}

/** Every element of the SVG with its attributes and its own text. */
function elements(svg: string): Node[] {
  const out: Node[] = [];
  const walk = (nodes: Record<string, unknown>[]) => {
    for (const n of nodes) {
      const name = Object.keys(n).find((k) => k !== ':@');
      if (!name || name === '#text') continue;
      const kids = n[name] as Record<string, unknown>[];
      const text = kids.filter((k) => '#text' in k).map((k) => String(k['#text'])).join('');
      out.push({ name, attrs: (n[':@'] as Record<string, string>) ?? {}, text });
      walk(kids);
    }
  };
  walk(parser.parse(svg));
  return out;
}

function checkSelfContained(svg: string): void {
  expect(XMLValidator.validate(svg)).toBe(true);
  expect(new TextEncoder().encode(svg).length).toBeLessThanOrEqual(20 * 1024);
  const els = elements(svg);
  expect(els[0].name).toBe('svg');
  for (const el of els) {
    expect(['script', 'foreignObject', 'image', 'use', 'a', 'style', 'iframe', 'object', 'embed']).not.toContain(el.name);
    for (const [attr, value] of Object.entries(el.attrs)) {
      expect(attr, `${el.name}@${attr}`).not.toMatch(/^on|href$/i);
      // aria-label is text (the name), not a reference.
      if (attr !== 'xmlns' && attr !== 'aria-label') expect(value, `${el.name}@${attr}`).not.toMatch(/url\(|https?:|data:|javascript:/i);
    }
  }
  expect(els.find((e) => e.name === 'svg')?.attrs.xmlns).toBe('http://www.w3.org/2000/svg');
}

const texts = (svg: string) => elements(svg).filter((e) => e.name === 'text').map((e) => e.text);

describe('badgeSvg', () => {
  it.each([1, 2, 3] as const)('#%i: the roundup, the year, the name and the place', (place) => {
    const svg = badgeSvg({ name: 'Second Chair', year: 2026, place });
    checkSelfContained(svg);
    expect(texts(svg)).toEqual(['BEST MENTORING BLOGS', '2026', `#${place}`, 'Second Chair', 'ONE OF THE BEST THREE']);
    expect(svg).toMatch(/fill="#b3121b"/); // red
    expect(svg).toMatch(/font-family="Georgia, 'Times New Roman', Times, serif"/);
  });

  it('"Listed" for a site outside the best three', () => {
    const svg = badgeSvg({ name: 'LSU Mentoring Handbook', year: 2026 });
    checkSelfContained(svg);
    expect(texts(svg)).toContain('LISTED');
    expect(texts(svg)).not.toContain('#1');
  });

  it('wraps a long name on two lines at a space, smaller, and squeezes what might still overflow', () => {
    const long = 'The Extraordinarily Long Name of a Mentoring Program Coordinators Network International';
    const layout = layoutName(long, 280);
    expect(layout.lines).toHaveLength(2);
    expect(layout.lines.join(' ')).toBe(long);
    expect(layout.size).toBeLessThan(20);
    const svg = badgeSvg({ name: long, year: 2026, place: 2 });
    checkSelfContained(svg);
    expect(layoutName('Supercalifragilisticexpialidociousmentoringnetwork', 280).lines.join('')).toBe('Supercalifragilisticexpialidociousmentoringnetwork');
    const one = elements(badgeSvg({ name: 'W'.repeat(90), year: 2026 })).filter((e) => e.name === 'text' && e.attrs['font-style'] === 'italic');
    expect(one.every((e) => e.attrs.textLength !== undefined)).toBe(true);
  });

  it('keeps hostile names as text (escaped, controls out) and stays valid XML', () => {
    const evil = `</text><script>alert(1)</script><a href="javascript:x">&amp;"'\u0000\u0007\uFFFE\uD800🙂`;
    const svg = badgeSvg({ name: evil, year: 2026, place: 1 });
    checkSelfContained(svg);
    const name = elements(svg).filter((e) => e.name === 'text' && e.attrs['font-style'] === 'italic').map((e) => e.text).join(' ');
    // The markup is text: the parser reads it back as characters, and no element came of it.
    expect(name.replace(/ /g, '')).toBe(`</text><script>alert(1)</script><ahref="javascript:x">&amp;"'🙂`);
    expect(svg).not.toMatch(/<script|<a /);
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.integer({ min: -5, max: 10_000 }), (s, year) => {
        checkSelfContained(badgeSvg({ name: s, year }));
      }),
      { numRuns: 200 },
    );
  });
});

describe('badgeEmbedHtml', () => {
  const svg = badgeSvg({ name: 'Second Chair', year: 2026, place: 1 });

  it('links the badge to the roundup, with an alt text naming site, place and year', () => {
    const html = badgeEmbedHtml({ svgUrl: 'https://mentoring.example/badges/second-chair-2026.svg', roundupUrl: 'https://mentoring.example/best-2026', name: 'Second "Chair"', year: 2026, place: 1 });
    expect(html).toBe(
      '<a href="https://mentoring.example/best-2026" title="Best Mentoring Blogs 2026"><img src="https://mentoring.example/badges/second-chair-2026.svg" alt="Second &quot;Chair&quot;: #1 in Best Mentoring Blogs 2026" width="180" height="230"></a>\n',
    );
  });

  it('embeds a data: URI without a roundup link', () => {
    const html = badgeEmbedHtml({ svgUrl: badgeDataUri(svg), name: 'Second Chair', year: 2026 });
    expect(html.startsWith('<img src="data:image/svg+xml;charset=utf-8,%3Csvg')).toBe(true);
    expect(html).toContain('alt="Second Chair: listed in Best Mentoring Blogs 2026"');
    expect(decodeURIComponent(badgeDataUri(svg).split(',')[1])).toBe(svg);
  });

  it.each([
    [{ svgUrl: 'javascript:alert(1)' }, /badge source/],
    [{ svgUrl: 'data:text/html,<script>' }, /badge source/],
    [{ svgUrl: 'https://x.example/b.svg', roundupUrl: 'javascript:alert(1)' }, /roundup URL must be http/],
    [{ svgUrl: 'https://x.example/b.svg', roundupUrl: '/relative' }, /roundup URL must be http/],
  ])('refuses %j', (patch, message) => {
    expect(() => badgeEmbedHtml({ name: 'x', year: 2026, ...patch })).toThrow(BadgeError);
    expect(() => badgeEmbedHtml({ name: 'x', year: 2026, ...patch })).toThrow(message);
  });
});
