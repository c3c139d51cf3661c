// The one adapter to natural (deep import only: the root pulls in fs/os-bound classifiers).
// Tokens come from our own linear-time regex; stems from natural's Porter stemmer, cached,
// because stemming every token costs several times a parse.
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';

const STEM_CACHE_MAX = 60_000;
const stemCache = new Map<string, string>();

/** Porter stem of a lower-case token, cached. Tokens with digits or very long ones are kept as is. */
export function stem(token: string): string {
  const hit = stemCache.get(token);
  if (hit !== undefined) return hit;
  let s: string;
  if (token.length < 3 || token.length > 30 || /\d/.test(token)) s = token;
  else {
    try {
      s = PorterStemmer.stem(token);
    } catch {
      s = token;
    }
  }
  if (stemCache.size >= STEM_CACHE_MAX) stemCache.clear();
  stemCache.set(token, s);
  return s;
}

// Letters (any script) and digits; an inner apostrophe keeps "don't" and "mentor's" whole.
const TOKEN_RE = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/** Lower-case word tokens; a possessive "'s" is dropped, other apostrophes removed. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  const lower = text.toLowerCase();
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(lower)) !== null) {
    let t = m[0];
    if (t.length > 2 && (t.endsWith("'s") || t.endsWith('’s'))) t = t.slice(0, -2);
    else if (t.includes("'") || t.includes('’')) t = t.replace(/['’]/g, '');
    out.push(t);
  }
  return out;
}

export function stemAll(tokens: string[]): string[] {
  const out = new Array<string>(tokens.length);
  for (let i = 0; i < tokens.length; i++) out[i] = stem(tokens[i]);
  return out;
}

/** Common English function words, for the language check and for "real sentence" detection. */
export const ENGLISH_FUNCTION_WORDS = new Set(
  'the a an and or but of to in on for with as at by from is are was were be been it this that these those you your we our they their he she his her i my me not no do does can will would should if then than so what when how who which there here have has had about into also just more most'.split(
    ' ',
  ),
);
