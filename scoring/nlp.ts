// The one adapter to natural (deep imports only: the root pulls in fs/os-bound classifiers and
// database clients). Stems per language: natural's Porter/Snowball stemmers for English, Spanish,
// French, Swedish and Norwegian; our own Snowball German and Danish (snowball.ts says why). Cached,
// because stemming every token costs several times a parse. Tokens come from our own scanner.
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import PorterStemmerEs from 'natural/lib/natural/stemmers/porter_stemmer_es.js';
import PorterStemmerFr from 'natural/lib/natural/stemmers/porter_stemmer_fr.js';
import PorterStemmerSv from 'natural/lib/natural/stemmers/porter_stemmer_sv.js';
import PorterStemmerNo from 'natural/lib/natural/stemmers/porter_stemmer_no.js';
import type { Lang } from './lang.ts';
import { stemDanish, stemGerman } from './snowball.ts';

const STEMMERS: Record<Lang, (token: string) => string> = {
  en: (t) => PorterStemmer.stem(t),
  es: (t) => PorterStemmerEs.stem(t),
  fr: (t) => PorterStemmerFr.stem(t),
  sv: (t) => PorterStemmerSv.stem(t),
  no: (t) => PorterStemmerNo.stem(t),
  da: stemDanish,
  de: stemGerman,
};

/**
 * Words the stemmer would conflate with another meaning: Spanish and French mentee words built on
 * "mentor" ("mentorado", "mentorée") would otherwise stem to "mentor" and read as the mentor;
 * Spanish "comando" would stem like "cómo".
 */
const STEM_EXCEPTIONS: Partial<Record<Lang, Record<string, string>>> = {
  es: { mentorado: 'mentorad', mentorada: 'mentorad', mentorados: 'mentorad', mentoradas: 'mentorad', comando: 'comand', comandos: 'comand' },
  fr: { mentoré: 'mentore', mentorée: 'mentore', mentorés: 'mentore', mentorées: 'mentore' },
};

const STEM_CACHE_MAX = 60_000;
const stemCaches = new Map<Lang, Map<string, string>>();

/** Stem of a lower-case token in `lang` (default English), cached. Tokens with digits or very long ones are kept as is. */
export function stem(token: string, lang: Lang = 'en'): string {
  let cache = stemCaches.get(lang);
  if (!cache) {
    cache = new Map();
    stemCaches.set(lang, cache);
  }
  const hit = cache.get(token);
  if (hit !== undefined) return hit;
  let s: string;
  const exception = STEM_EXCEPTIONS[lang]?.[token];
  if (exception !== undefined) s = exception;
  else if (token.length < 3 || token.length > 30 || /\d/.test(token)) s = token;
  else {
    try {
      s = STEMMERS[lang](token);
    } catch {
      s = token;
    }
  }
  if (cache.size >= STEM_CACHE_MAX) cache.clear();
  cache.set(token, s);
  return s;
}

import { classOf } from './chars.ts';

export { classOf };

/** Lower-case word tokens; a possessive "'s" is dropped, other apostrophes removed. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  out.length = tokenizeInto(text, out);
  return out;
}

/** Writes the tokens of `text` into `out` from index 0 (a reusable buffer) and returns how many. */
export function tokenizeInto(text: string, out: string[]): number {
  let k = 0;
  const s = text.toLowerCase();
  const n = s.length;
  let i = 0;
  while (i < n) {
    if (classOf(s.charCodeAt(i)) === 3) {
      i++;
      continue;
    }
    const start = i;
    let apos = false;
    i++;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (classOf(c) !== 3) {
        i++;
        continue;
      }
      if ((c === 39 || c === 0x2019) && !apos && i + 1 < n && classOf(s.charCodeAt(i + 1)) === 1) {
        apos = true;
        i += 2;
        continue;
      }
      break;
    }
    let t = s.slice(start, i);
    if (apos) {
      const last2 = t.slice(-2);
      if (t.length > 2 && (last2 === "'s" || last2 === '’s')) t = t.slice(0, -2);
      else t = t.replace(/['’]/g, '');
    }
    out[k++] = t;
  }
  return k;
}

export function stemAll(tokens: string[], lang: Lang = 'en'): string[] {
  const out = new Array<string>(tokens.length);
  for (let i = 0; i < tokens.length; i++) out[i] = stem(tokens[i], lang);
  return out;
}

