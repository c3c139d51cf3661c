// The language of a page among the curator's seven (English, Norwegian bokmål and nynorsk, Swedish,
// Danish, German, Spanish, French), or 'und' for any other. Function-word profiles, each word
// weighted by how few profiles share it, read over the first few thousand characters of the text:
// accurate on a paragraph, ~20 µs a page and ~3 KB of bundle. Italian, Portuguese and Dutch have
// profiles too, so their pages come out 'und' rather than as their nearest neighbour. <html lang>
// only breaks near-ties (it is often a template default). The libraries compared (franc, tinyld,
// eld: scoring/README.md) were too large for the 350 KB browser bundle, too slow for the 3x parse
// budget, or took Danish for Norwegian.

import { classOf } from './chars.ts';

export const LANGS = ['en', 'no', 'sv', 'da', 'de', 'es', 'fr'] as const;
export type Lang = (typeof LANGS)[number];
export type DetectedLang = Lang | 'und';

const PROFILES: Record<Lang | 'it' | 'pt' | 'nl', string> = {
  en: 'the of and to a in is that it for on with as was are be this by not or have from at but they you his which an were we their has had been one would there what all if can more when will your who about so no its our also them than into only other some could these then may any do does my me he she her i how should',
  no: 'og i det er som på en til av for med å ikke at den har de et var jeg vi seg men om kan så fra ble blir også eller skal hva noe mye mer etter hvor meg deg vil være vært hadde nå bare ved når sin sitt sine dette disse ut opp over mot mellom gjennom fordi slik sånn kun hvis hvordan hvem dere eg ikkje ein eit dei kva korleis meir frå berre òg mykje noko vere vore sjølv kvar kven bør',
  sv: 'och i att det som en på är för av med till den har inte de ett om jag var så vi men kan från eller ska man hade när också efter sig mig dig vad något mycket mer hur vem där här bara nu under genom mellan mot utan alla vid sina sitt sin denna detta dessa skulle blir blev varit vara än bör ni er',
  da: 'og i at det er en til på som de med af for ikke den har et var jeg vi sig men om kan så fra blev bliver også eller skal hvad noget meget mere efter hvor mig dig vil være været havde nu kun ved når sin sit sine dette disse ud op over mod mellem gennem fordi sådan hvis hvordan hvem jeres jer der bør',
  de: 'der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über einen so zum war haben nur oder aber vor zur bis mehr durch man sein wurde sei ich du wir ihr mein dein unser euch wenn kann können soll sollte dich dir',
  es: 'de la que el en y a los del se las por un para con no una su al lo como más pero sus le ya o este sí porque esta entre cuando muy sin sobre también me hasta hay donde quien desde todo nos durante todos uno les ni contra otros ese eso ante ellos e esto antes algunos qué unos yo otro otras otra él tanto esa estos mucho nada muchos cual poco ella estar estas algo nosotros tu tus usted',
  fr: 'de la le et les des en un une du que est pour qui dans à par plus pas au sur ne se ce il sont avec ou son sa ses cette mais comme on nous vous leur leurs aux été être avoir fait très aussi tout tous elle ils elles y dont où si je tu votre vos notre nos même peut',
  it: 'di e il la che è per un in non una del le si con da i sono al ma come della anche più lo gli alla ha nel questo essere dei delle nella ci ho cosa perché molto quando',
  pt: 'de a o que e do da em um para é com não uma os no se na por mais as dos como mas foi ao ele das tem à seu sua ou ser quando muito há nos já está eu também só pelo pela até isso ela entre era depois sem mesmo aos ter seus quem nas me esse eles estão você',
  nl: 'de en van het een in is dat op te zijn met voor niet die aan er als ook door maar om bij dan nog wel naar uit over tot kan worden wordt hij zij ze we ik je u wat deze dit heeft hebben geen meer zo al',
};

type Profile = keyof typeof PROFILES;
const PROFILE_NAMES = Object.keys(PROFILES) as Profile[];

/** Per word: the profiles containing it (indices); each counts 1 / (their number). */
let profilesOf: Map<string, number[]> | null = null;

function table(): Map<string, number[]> {
  if (profilesOf) return profilesOf;
  const df = new Map<string, number[]>();
  PROFILE_NAMES.forEach((p, k) => {
    for (const w of new Set(PROFILES[p].split(' '))) {
      const l = df.get(w);
      if (l) l.push(k);
      else df.set(w, [k]);
    }
  });
  profilesOf = df;
  return df;
}

/** The function words of a language (the prose detector counts them). */
export function functionWords(lang: Lang): Set<string> {
  return new Set(PROFILES[lang].split(' '));
}

/** About 100 words: enough to tell these languages apart by their function words (see tests/scoring/lang.test.ts). */
const SAMPLE_CHARS = 700;
/** Function words are short: longer words are counted, not looked up. */
const MAX_FUNCTION_WORD = 8;

export interface LangGuess {
  lang: DetectedLang;
  /** Share of the text's words that are function words of the chosen language (0 for 'und'). */
  coverage: number;
}

/** The profiles (indices) a lower-case word is a function word of, or undefined (most words). */
export function profilesOfWord(word: string): readonly number[] | undefined {
  return word.length <= MAX_FUNCTION_WORD ? table().get(word) : undefined;
}

/** Function-word evidence for each profile, added up word by word (features.ts does it while it scans). */
export class LangCounter {
  readonly score = new Float64Array(PROFILE_NAMES.length);
  readonly hits = new Int32Array(PROFILE_NAMES.length);
  words = 0;

  add(profiles: readonly number[] | undefined): void {
    this.words++;
    if (profiles === undefined) return;
    const w = 1 / profiles.length;
    for (let j = 0; j < profiles.length; j++) {
      this.score[profiles[j]] += w;
      this.hits[profiles[j]]++;
    }
  }

  /** The language, with `declared` (<html lang> or the like) breaking near-ties only. */
  decide(declared = ''): LangGuess {
    const { score, hits, words } = this;
    if (words < 5) return { lang: 'und', coverage: 0 };
    let best = 0;
    for (let k = 1; k < score.length; k++) if (score[k] > score[best]) best = k;
    let choice = best;
    const decl = declared.toLowerCase().split(/[-_]/)[0];
    const d = PROFILE_NAMES.indexOf((decl === 'nb' || decl === 'nn' ? 'no' : decl) as Profile);
    // A near-tie (the Scandinavian languages on a short text) goes to the declared language.
    if (d >= 0 && d !== best && score[d] >= 0.9 * score[best]) choice = d;
    const coverage = hits[choice] / words;
    if (coverage < 0.08 || score[choice] < 1.5) return { lang: 'und', coverage: 0 };
    const name = PROFILE_NAMES[choice];
    return (LANGS as readonly string[]).includes(name) ? { lang: name as Lang, coverage } : { lang: 'und', coverage: 0 };
  }
}

/** The language of `text` (its first ~100 words); `declared` is <html lang> or the like. */
export function detectLanguage(text: string, declared = ''): LangGuess {
  const counter = new LangCounter();
  const sample = (text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text).toLowerCase();
  const n = sample.length;
  let i = 0;
  while (i < n) {
    if (classOf(sample.charCodeAt(i)) !== 1) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && classOf(sample.charCodeAt(i)) === 1) i++;
    counter.add(i - start > MAX_FUNCTION_WORD ? undefined : table().get(sample.slice(start, i)));
  }
  return counter.decide(declared);
}
