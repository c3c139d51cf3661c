import { describe, expect, it } from 'vitest';
import { stem, stemAll, tokenize } from '../../scoring/nlp.ts';
import { computeFeatures, sat } from '../../scoring/features.ts';
import { extract } from '../../scoring/extract.ts';
import { LEXICON_NAMES } from '../../scoring/lexicons.ts';
import { fixture } from './helpers.ts';

const feats = (html: string, url = 'https://x.example/') => computeFeatures(extract({ url, html }));

describe('nlp adapter', () => {
  it('tokenises words, keeps contractions whole and drops possessives', () => {
    expect(tokenize("A mentor's first meeting: don't rush! Protégé 2026")).toEqual(['a', 'mentor', 'first', 'meeting', 'dont', 'rush', 'protégé', '2026']);
  });
  it('stems with Porter (cached, stable) and leaves numbers alone', () => {
    expect(stemAll(['mentoring', 'mentors', 'mentored'])).toEqual(['mentor', 'mentor', 'mentor']);
    expect(stem('matching')).toBe('match');
    expect(stem('matching')).toBe('match');
    expect(stem('2026')).toBe('2026');
  });
});

describe('lexicon features', () => {
  it('matches multi-word phrases over stems', () => {
    const f = feats('<p>At the first meeting, set expectations and keep your promises. Meet regularly with your mentee.</p>');
    expect(f.lex.mentorGuidance.distinct).toBeGreaterThanOrEqual(4);
    expect(f.lex.mentorSide.count).toBeGreaterThanOrEqual(1);
    expect(f.sentences[0].hits[LEXICON_NAMES.indexOf('mentorGuidance')]).toBeGreaterThan(0);
  });

  it('saturates: repeating "mentor" does not keep raising the core score', () => {
    const prose = '<p>Mentoring is a relationship in which a mentor supports a mentee over time, with regular meetings and honest feedback.</p>';
    const normal = feats(prose.repeat(3));
    const stuffed = feats(prose.repeat(3) + `<p>${'mentor mentoring mentorship '.repeat(300)}</p>`);
    expect(stuffed.lex.core.score - normal.lex.core.score).toBeLessThan(0.15);
    expect(stuffed.lex.core.score).toBeLessThan(1);
    expect(stuffed.mentorDensity).toBeGreaterThan(0.5);
    expect(stuffed.proseRatio).toBeLessThan(normal.proseRatio);
  });

  it('counts coaching, tutoring, onboarding and tech vocabulary for near misses', () => {
    expect(computeFeatures(extract(fixture('coaching-methodology.html'))).lex.coaching.count).toBeGreaterThan(10);
    expect(computeFeatures(extract(fixture('tutoring-service.html'))).lex.tutoring.count).toBeGreaterThan(8);
    expect(computeFeatures(extract(fixture('employee-onboarding.html'))).lex.onboarding.count).toBeGreaterThan(10);
    expect(computeFeatures(extract(fixture('mentor-graphics-eda.html'))).lex.tech.count).toBeGreaterThan(10);
  });

  it('detects "Mentor" as a brand or a place (case-sensitive) but not the common noun', () => {
    expect(computeFeatures(extract(fixture('mentor-graphics-eda.html'))).brandHits).toBeGreaterThan(1);
    expect(computeFeatures(extract(fixture('mentor-product-page.html'))).brandHits).toBeGreaterThan(1);
    expect(computeFeatures(extract(fixture('mentor-ohio-city.html'))).placeHits).toBeGreaterThan(2);
    const guide = computeFeatures(extract(fixture('personal-blog-first-year-mentor.html')));
    expect(guide.brandHits + guide.placeHits).toBe(0);
  });

  it('sees English function words, and few in other languages', () => {
    expect(computeFeatures(extract(fixture('personal-blog-first-year-mentor.html'))).functionWordRatio).toBeGreaterThan(0.25);
    const de = feats('<p>Eine Mentorin begleitet ihre Mentees über mehrere Monate und gibt regelmäßig Rückmeldung zu ihren Zielen und Fortschritten im Beruf.</p>'.repeat(3));
    expect(de.functionWordRatio).toBeLessThan(0.06);
  });

  it('sat is 0 at 0 and approaches 1', () => {
    expect(sat(0, 3)).toBe(0);
    expect(sat(3, 3)).toBeCloseTo(0.632, 3);
    expect(sat(100, 3)).toBeLessThan(1);
  });
});

describe('repetition', () => {
  it('counts repeated sentences exactly, page after page, on pages with thousands of sentences', () => {
    const distinct = Array.from({ length: 3000 }, (_, i) => `<p>Item ${i} here.</p>`).join('');
    const twice = computeFeatures(extract({ url: 'https://x.example/', html: distinct + distinct }));
    expect(twice.uniqueSentenceRatio).toBe(0.5);
    const once = computeFeatures(extract({ url: 'https://x.example/', html: distinct }));
    expect(once.uniqueSentenceRatio).toBe(1);
    expect(computeFeatures(extract({ url: 'https://x.example/', html: '<p>Same.</p>'.repeat(4) })).uniqueSentenceRatio).toBe(0.25);
  });
});

