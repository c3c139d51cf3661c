import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectLanguage, functionWords, LANGS } from '../../scoring/lang.ts';

interface Sample { lang: string; note?: string; text: string }
const { samples } = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'lang', 'samples.json'), 'utf8')) as { samples: Sample[] };
const expected = (s: Sample) => (s.lang === 'other' ? 'und' : s.lang);

describe('detectLanguage on the labelled sample (tests/fixtures/lang/samples.json)', () => {
  it('has samples for all seven languages, nynorsk and other languages', () => {
    for (const l of LANGS) expect(samples.filter((s) => s.lang === l).length, l).toBeGreaterThanOrEqual(8);
    expect(samples.filter((s) => s.note === 'nn').length).toBeGreaterThanOrEqual(3);
    expect(samples.filter((s) => s.lang === 'other').length).toBeGreaterThanOrEqual(6);
  });

  it('names the language of single paragraphs (at most one miss in 65)', () => {
    const misses = samples.filter((s) => detectLanguage(s.text).lang !== expected(s));
    expect(misses.length, JSON.stringify(misses.map((m) => m.text.slice(0, 40)))).toBeLessThanOrEqual(1);
  });

  it('names the language of every two-paragraph text, Danish and Norwegian apart', () => {
    const byLang = new Map<string, string[]>();
    for (const s of samples) byLang.set(s.lang, [...(byLang.get(s.lang) ?? []), s.text]);
    for (const [lang, texts] of byLang)
      for (let i = 0; i + 1 < texts.length; i += 2) expect(detectLanguage(`${texts[i]} ${texts[i + 1]}`).lang, texts[i].slice(0, 40)).toBe(lang === 'other' ? 'und' : lang);
  });

  it('lets the text win over a wrong <html lang>, and the declared language break a near tie', () => {
    const sv = samples.find((s) => s.lang === 'sv')!.text;
    expect(detectLanguage(sv, 'en').lang).toBe('sv');
    // Shared Scandinavian words only: the declaration decides.
    expect(detectLanguage('og i det er til på som med for den har et', 'da').lang).toBe('da');
    expect(detectLanguage('og i det er til på som med for den har et', 'nb').lang).toBe('no');
  });

  it('says und for too little text, numbers, markup noise and other languages', () => {
    expect(detectLanguage('').lang).toBe('und');
    expect(detectLanguage('mentor mentor').lang).toBe('und');
    expect(detectLanguage('12 34 56 78 90 11 12 13').lang).toBe('und');
    expect(detectLanguage('Mentorina sinun kannattaa kuunnella enemmän kuin puhua ja pitää lupauksesi aina.').lang).toBe('und');
  });

  it('exposes each language\'s function words for the prose detector', () => {
    expect(functionWords('de').has('und')).toBe(true);
    expect(functionWords('no').has('ikkje')).toBe(true);
    expect(functionWords('en').has('und')).toBe(false);
  });
});
