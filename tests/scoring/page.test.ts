import { describe, expect, it } from 'vitest';
import { COMPONENT_NAMES, SCORER_VERSION, scorePage } from '../../scoring/index.ts';
import { freshnessOf } from '../../scoring/page.ts';
import { HAS_CORPUS, MANIFEST, corpusPages, fixture } from './helpers.ts';

const score = (file: string, roundupYear = 2026) => scorePage({ ...fixture(file), roundupYear });

describe('scorePage components move the right way', () => {
  const blog = score('personal-blog-first-year-mentor.html');
  const vendor = score('vendor-launch-mentoring-program.html');
  const toolkit = score('nonprofit-mentor-training-toolkit.html');

  it('returns the PageScore contract with components in [0, 1] and a 0..100 score', () => {
    for (const p of [blog, vendor, toolkit]) {
      expect(p.score).toBeGreaterThanOrEqual(0);
      expect(p.score).toBeLessThanOrEqual(100);
      expect(Object.keys(p.components).sort()).toEqual([...COMPONENT_NAMES].sort());
      for (const c of COMPONENT_NAMES) {
        expect(p.components[c]).toBeGreaterThanOrEqual(0);
        expect(p.components[c]).toBeLessThanOrEqual(1);
      }
      expect(p.scorerVersion).toBe(SCORER_VERSION);
    }
    expect(SCORER_VERSION).toMatch(/^\d+\.\d+\.\d+\+[0-9a-f]{8}$/);
  });

  it('good guides score high: a new-mentor blog post on mentor guidance, a program guide on program guidance', () => {
    expect(blog.score).toBeGreaterThan(55);
    expect(blog.components.relevance).toBeGreaterThan(0.8);
    expect(blog.components.mentorGuidance).toBeGreaterThan(0.6);
    expect(blog.components.mentorGuidance).toBeGreaterThan(blog.components.programGuidance);
    expect(vendor.components.programGuidance).toBeGreaterThan(0.6);
    expect(toolkit.components.programGuidance).toBeGreaterThan(0.5);
    expect(toolkit.components.actionability).toBeGreaterThan(0.6);
    expect(toolkit.flags).toContain('downloads');
  });

  it('reads metadata: site kind, date, feeds, site name, word count, freshness vs the roundup year', () => {
    expect(blog.siteKind).toBe('blog');
    expect(vendor.siteKind).toBe('company');
    expect(toolkit.siteKind).toBe('nonprofit');
    expect(blog.publishedAt).toBe('2026-02-14');
    expect(blog.feedUrls).toEqual(['https://quietdesk.example/feed/']);
    expect(blog.siteName).toBe('Notes from a Quiet Desk');
    expect(blog.wordCount).toBeGreaterThan(500);
    expect(blog.components.freshness).toBe(1);
    expect(score('personal-blog-first-year-mentor.html', 2030).components.freshness).toBeLessThan(0.2);
    expect(freshnessOf(undefined, 2026)).toBe(0);
  });

  it('evidence is real sentences of the page, trimmed, a few per component', () => {
    const text = blog.evidence.map((e) => e.text);
    expect(blog.evidence.length).toBeGreaterThanOrEqual(4);
    for (const e of blog.evidence) expect(e.text.length).toBeLessThanOrEqual(241);
    expect(blog.evidence.some((e) => e.component === 'mentorGuidance')).toBe(true);
    expect(blog.evidence.filter((e) => e.component === 'mentorGuidance').every((e) => /meeting|listen|goal|feedback|promise|boundar|confidential|mentor|mentee/i.test(e.text))).toBe(true);
    const main = fixture('personal-blog-first-year-mentor.html').html.replace(/\s+/g, ' ');
    for (const t of text) expect(main).toContain(t.replace(/…$/, '').slice(0, 60));
    expect(new Set(text).size).toBe(text.length);
  });

  it('near misses score low and carry a flag', () => {
    const expectations: [string, string, number][] = [
      ['keyword-spam.html', 'keyword-stuffing', 15],
      ['mentor-graphics-eda.html', 'brand-mentor', 10],
      ['mentor-product-page.html', 'brand-mentor', 10],
      ['mentor-ohio-city.html', 'place-mentor', 10],
      ['coaching-methodology.html', 'coaching-only', 15],
      ['tutoring-service.html', 'tutoring', 15],
      ['employee-onboarding.html', 'onboarding', 15],
    ];
    for (const [file, flag, max] of expectations) {
      const p = score(file);
      expect(p.flags, file).toContain(flag);
      expect(p.score, file).toBeLessThan(max);
      expect(p.components.relevance, file).toBeLessThan(0.3);
    }
    expect(score('mentor-product-page.html').siteKind).toBe('company');
  });

  it('every positive fixture outranks every near miss', () => {
    const pos = MANIFEST.filter((m) => m.positive).map((m) => score(m.file).score);
    const neg = MANIFEST.filter((m) => !m.positive).map((m) => score(m.file).score);
    expect(Math.min(...pos)).toBeGreaterThan(Math.max(...neg) + 30);
  });
});

describe('scorePage robustness and determinism', () => {
  it('is deterministic: same input, deep-equal output', () => {
    for (const m of MANIFEST) {
      const a = scorePage({ ...fixture(m.file), roundupYear: 2026 });
      const b = scorePage({ ...fixture(m.file), roundupYear: 2026 });
      expect(b).toEqual(a);
    }
  });

  it('handles empty, malformed, binary and huge input without throwing', () => {
    const empty = scorePage({ url: 'https://x.example/', html: '' });
    expect(empty.score).toBe(0);
    expect(empty.flags).toContain('thin');
    expect(empty.finalUrl).toBe('https://x.example/');
    expect(scorePage({ url: '::', html: '<p>mentor<<<' }).score).toBeGreaterThanOrEqual(0);
    const bin = String.fromCharCode(...Array.from({ length: 20_000 }, (_, i) => (i * 7919) % 65536));
    expect(scorePage({ url: 'https://x.example/', html: bin }).score).toBeLessThan(20);
    const para = '<p>Mentors should meet their mentee every week, listen carefully and give honest feedback on their goals. </p>';
    const huge = scorePage({ url: 'https://x.example/', html: para.repeat(Math.ceil(5_000_000 / para.length)) });
    expect(huge.wordCount).toBeGreaterThan(10_000);
    expect(huge.flags).toContain('keyword-stuffing'); // the same sentence 48 000 times
  });

  it('keeps finalUrl apart from url and reads a German page in German, unpunished', () => {
    const p = scorePage({ url: 'https://a.example/x', finalUrl: 'https://b.example/y', html: '<p>Eine Mentorin begleitet ihre Mentees über mehrere Monate und gibt regelmäßig Rückmeldung zu Zielen.</p>'.repeat(5) });
    expect(p.finalUrl).toBe('https://b.example/y');
    expect(p.lang).toBe('de');
    expect(p.flags).not.toContain('not-english');
    expect(p.components.relevance).toBeGreaterThan(0.3);
  });
});

describe.skipIf(!HAS_CORPUS)('scorePage on the corpus', () => {
  it('grade 2 pages score above grade 0 pages on average, grade 1 in between', () => {
    const by: Record<number, number[]> = { 0: [], 1: [], 2: [] };
    for (const p of corpusPages()) if (p.grade >= 0) by[p.grade].push(scorePage({ url: `https://corpus.example/${p.file}`, html: p.html, roundupYear: 2026 }).score);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(by[2])).toBeGreaterThan(mean(by[1]));
    expect(mean(by[1])).toBeGreaterThan(mean(by[0]) + 15);
    expect(Math.max(...by[0])).toBeLessThan(40);
  });
});
