// The seven languages: per-language fixtures (tests/fixtures/pages/<lang>-*.html) written from the
// rubric; each guide is a translation of an English guide of the same substance.
import { describe, expect, it } from 'vitest';
import { scorePage } from '../../scoring/index.ts';
import { MANIFEST, fixture } from './helpers.ts';

const LANGS = ['no', 'sv', 'da', 'de', 'es', 'fr'] as const;
const score = (file: string) => scorePage({ ...fixture(file), roundupYear: 2026 });

describe('per-language fixtures', () => {
  it('each language has a mentor guide, a program guide and two near misses', () => {
    for (const l of ['en', ...LANGS]) {
      const mine = MANIFEST.filter((m) => m.file.startsWith(`${l}-`));
      expect(mine.filter((m) => m.positive).map((m) => m.file), l).toEqual(expect.arrayContaining([`${l}-mentor-guide.html`, `${l}-program-guide.html`]));
      expect(mine.filter((m) => !m.positive).length, l).toBeGreaterThanOrEqual(2);
    }
  });

  for (const l of LANGS)
    for (const kind of ['mentor', 'program'] as const)
      it(`${l}: the ${kind} guide reads as its language and scores within 20% of the English guide`, () => {
        const en = score(`en-${kind}-guide.html`);
        const p = score(`${l}-${kind}-guide.html`);
        expect(p.lang).toBe(l);
        expect(p.score).toBeGreaterThanOrEqual(65);
        expect(Math.abs(p.score - en.score) / en.score).toBeLessThanOrEqual(0.2);
        expect(p.flags).not.toContain('keyword-stuffing');
        expect(p.components.relevance).toBeGreaterThan(0.6);
        expect(kind === 'mentor' ? p.components.mentorGuidance : p.components.programGuidance).toBeGreaterThan(0.5);
      });

  it('evidence sentences come from the page, in its own language', () => {
    for (const l of LANGS) {
      const { html } = fixture(`${l}-mentor-guide.html`);
      const p = score(`${l}-mentor-guide.html`);
      expect(p.evidence.length, l).toBeGreaterThanOrEqual(3);
      for (const e of p.evidence) expect(html.replace(/&#x27;|&#39;/g, "'"), `${l}: ${e.text}`).toContain(e.text.replace(/…$/, '').slice(0, 60));
    }
  });

  it('a wrong <html lang> does not decide: the Swedish guide says lang="en"', () => {
    expect(fixture('sv-mentor-guide.html').html).toContain('<html lang="en">');
    expect(score('sv-mentor-guide.html').lang).toBe('sv');
  });

  it('near misses in every language stay low and say why', () => {
    const expected: Record<string, string> = {
      'no-leksehjelp-stilling.html': 'tutoring',
      'no-mentor-programvare.html': 'software-docs',
      'sv-laxhjalp.html': 'tutoring',
      'sv-medarbetarsamtal.html': 'leadership',
      'da-onboarding-nyansatte.html': 'onboarding',
      'da-mentor-robotsaet.html': 'hardware',
      'de-coaching-grow.html': 'coaching-only',
      'de-mentoring-software-doku.html': 'software-docs',
      'es-coaching-vida.html': 'coaching-only',
      'es-kit-robotica-mentor.html': 'hardware',
      'fr-soutien-scolaire.html': 'tutoring',
      'fr-integration-nouveaux-salaries.html': 'onboarding',
      'en-mentor-admin-readme.html': 'software-docs',
      'en-mentor-robot-kit.html': 'hardware',
      'en-leadership-one-on-ones.html': 'leadership',
    };
    for (const [file, flag] of Object.entries(expected)) {
      const p = score(file);
      expect(p.flags, file).toContain(flag);
      expect(p.score, file).toBeLessThan(15);
    }
  });

  it('the Norwegian homework-help job ad scores far below the Spanish guide (it used to outscore it)', () => {
    expect(score('es-mentor-guide.html').score - score('no-leksehjelp-stilling.html').score).toBeGreaterThan(50);
  });
});

describe('inclusive forms are not keyword stuffing', () => {
  const para = (s: string) => `<p>${s}</p>`.repeat(1);
  it('Spanish mentores/as and mentorados/as, German Mentor:innen and Mentor*innen', () => {
    const es = [
      'Los/as mentores/as y los/as mentorados/as se reúnen cada dos semanas para revisar sus objetivos.',
      'Cada mentor/a escucha a su mentorado/a, hace preguntas abiertas y da retroalimentación concreta.',
      'La coordinadora acompaña a los/as mentores/as nuevos/as durante el primer mes del programa de mentoría.',
      'Antes de la primera reunión, el/la mentor/a lee lo que su mentorado/a ha contado y prepara preguntas.',
      'Las parejas de mentoría acuerdan la confidencialidad y los límites desde la primera sesión.',
    ].map(para).join('');
    const de = [
      'Mentor:innen und Mentees treffen sich alle zwei Wochen und besprechen ihre Ziele.',
      'Jede Mentorin und jeder Mentor hört zu, stellt offene Fragen und gibt konkretes Feedback.',
      'Die Koordination begleitet neue Mentor*innen im ersten Monat des Mentoring-Programms.',
      'Vor dem ersten Treffen lesen die MentorInnen, was ihre Mentees über sich erzählt haben.',
      'Die Tandems vereinbaren Vertraulichkeit und Grenzen schon beim ersten Gespräch.',
    ].map(para).join('');
    for (const [lang, body] of [['es', es], ['de', de]] as const) {
      const p = scorePage({ url: `https://x.example/${lang}`, html: `<html lang="${lang}"><body><article><h1>Guía</h1>${body}</article></body></html>`, roundupYear: 2026 });
      expect(p.lang).toBe(lang);
      expect(p.flags, lang).not.toContain('keyword-stuffing');
      expect(p.components.relevance, lang).toBeGreaterThan(0.5);
    }
  });

  it('real stuffing still is', () => {
    const spam = `<p>${'Mentor mentoring mentorship mentor mentee mentors mentoring mentor. '.repeat(20)}</p>`;
    expect(scorePage({ url: 'https://x.example/', html: spam, roundupYear: 2026 }).flags).toContain('keyword-stuffing');
  });
});
