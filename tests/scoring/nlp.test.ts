import { describe, expect, it } from 'vitest';
import { stem, stemAll, tokenize } from '../../scoring/nlp.ts';
import { stemDanish, stemGerman } from '../../scoring/snowball.ts';

describe('stemmers per language (natural for en, es, fr, sv, no; Snowball German and Danish here)', () => {
  it('conflates the forms the lexicons rely on', () => {
    expect(stem('mentoring')).toBe(stem('mentored'));
    expect(stem('reuniones', 'es')).toBe(stem('reunión', 'es'));
    expect(stem('objectifs', 'fr')).toBe(stem('objectif', 'fr'));
    expect(stem('adepter', 'sv')).toBe(stem('adepten', 'sv'));
    expect(stem('mentorer', 'no')).toBe(stem('mentoren', 'no'));
    expect(stem('gespräche', 'de')).toBe(stem('gespräch', 'de'));
    expect(stem('møder', 'da')).toBe(stem('mødet', 'da'));
  });

  it('keeps mentee words apart from "mentor" in Spanish and French', () => {
    expect(stem('mentorado', 'es')).not.toBe(stem('mentor', 'es'));
    expect(stem('mentores', 'es')).toBe(stem('mentor', 'es'));
    expect(stem('mentorée', 'fr')).not.toBe(stem('mentor', 'fr'));
    expect(stem('comando', 'es')).not.toBe(stem('cómo', 'es'));
  });

  it('Snowball German: known outputs of the reference algorithm', () => {
    const cases: [string, string][] = [
      ['aufeinanderfolgenden', 'aufeinanderfolg'], ['kategorischen', 'kategor'], ['häuser', 'haus'], ['meistens', 'meist'], ['rückmeldungen', 'ruckmeld'],
      ['zuhören', 'zuhor'], ['fröhlichkeit', 'frohlich'], ['ausbildung', 'ausbild'],
    ];
    for (const [w, s] of cases) expect(stemGerman(w), w).toBe(s);
  });

  it('Snowball Danish: known outputs, and more Danish forms conflated than with the Norwegian stemmer', () => {
    const cases: [string, string][] = [['mentorerne', 'mentor'], ['møderne', 'mød'], ['forventninger', 'forventning'], ['hjælper', 'hjælp'], ['lytter', 'lyt']];
    for (const [w, s] of cases) expect(stemDanish(w), w).toBe(s);
    const families = [
      ['mentor', 'mentoren', 'mentorer', 'mentorerne', 'mentors'], ['møde', 'møder', 'mødet', 'møderne', 'mødes'], ['lytte', 'lytter', 'lyttede', 'lyttet'],
      ['program', 'programmet', 'programmer', 'programmerne'], ['samtale', 'samtaler', 'samtalen', 'samtalerne'], ['erfaring', 'erfaringer', 'erfaringen', 'erfaringerne'],
      ['aftale', 'aftaler', 'aftalen', 'aftalt'], ['hjælp', 'hjælpe', 'hjælper', 'hjælpen'],
    ];
    const conflated = (f: (w: string) => string) => families.reduce((n, fam) => n + fam.filter((w) => f(w) === f(fam[0])).length - 1, 0);
    expect(conflated(stemDanish)).toBeGreaterThan(conflated((w) => stem(w, 'no')));
    // No two families merged.
    const heads = families.map((fam) => stemDanish(fam[0]));
    expect(new Set(heads).size).toBe(families.length);
  });

  it('tokenises inclusive forms into a word and its ending', () => {
    expect(tokenize('Mentor:innen und mentores/as')).toEqual(['mentor', 'innen', 'und', 'mentores', 'as']);
    expect(stemAll(tokenize('Mentor*innen'), 'de')[0]).toBe(stem('mentor', 'de'));
  });
});
