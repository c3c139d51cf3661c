// Features of one extracted page: lexicon phrase matches over stems (per sentence, so the
// sentences that triggered a component become evidence), length-normalised and saturated
// densities, structure, near-miss signals and the stem counts the linear model reads.
import type { Extracted } from './extract.ts';
import { classOf, stem, stemAll, tokenize } from './nlp.ts';
import { BRAND_RE, LEXICON_NAMES, LEXICONS, PLACE_RE, type LexiconName } from './lexicons.ts';
import { functionWords, LangCounter, profilesOfWord, type LangGuess, type Lang } from './lang.ts';

interface Phrase {
  lex: LexiconName;
  lexIdx: number;
  stems: string[];
  id: number;
}

interface PhraseIndex {
  byFirstStem: Map<string, Phrase[]>;
  count: number;
}
const phraseIndexes = new Map<Lang, PhraseIndex>();

/** Phrases of the language's lexicons, stemmed with its stemmer, by first stem (built once per language). */
function index(lang: Lang): PhraseIndex {
  const known = phraseIndexes.get(lang);
  if (known) return known;
  const idx = new Map<string, Phrase[]>();
  let id = 0;
  for (const lex of LEXICON_NAMES) {
    const seen = new Set<string>();
    for (const p of LEXICONS[lang][lex]) {
      const stems = stemAll(tokenize(p), lang);
      const key = stems.join(' ');
      if (stems.length === 0 || seen.has(key)) continue;
      seen.add(key);
      const ph: Phrase = { lex, lexIdx: LEXICON_NAMES.indexOf(lex), stems, id: id++ };
      const list = idx.get(stems[0]);
      if (list) list.push(ph);
      else idx.set(stems[0], [ph]);
    }
  }
  const out = { byFirstStem: idx, count: id };
  phraseIndexes.set(lang, out);
  return out;
}

/** The language the token caches below hold (they are cleared when a page of another language comes). */
let cacheLang: Lang = 'en';
let cacheFunctionWords = functionWords('en');

interface TokInfo {
  token: string;
  hash: number;
  stem: string;
  fw: boolean;
  /** Language profiles the token is a function word of (language detection while scanning). */
  profiles: readonly number[] | undefined;
  mentor: boolean;
  cands: Phrase[] | undefined;
  /** The stem's per-page counter, shared by all tokens with this stem. */
  rec: StemRec;
}

/** Per-page count of one stem, valid when `epoch` is the current page's (no Map lookups per token). */
interface StemRec {
  stem: string;
  epoch: number;
  count: number;
}
let epochCounter = 0;
/** One record per stem, so tokens with the same stem share it; cleared only between pages (with the token caches). */
const stemRecs = new Map<string, StemRec>();
const MAX_STEM_RECS = 100_000;
const INF_BUF: TokInfo[] = [];

function makeInfo(t: string, hash: number, idx: Map<string, Phrase[]>): TokInfo {
  const st = stem(t, cacheLang);
  let rec = stemRecs.get(st);
  if (rec === undefined) {
    rec = { stem: st, epoch: 0, count: 0 };
    stemRecs.set(st, rec);
  }
  return { token: t, hash, stem: st, fw: cacheFunctionWords.has(t), profiles: profilesOfWord(t), mentor: t.startsWith('mentor'), cands: idx.get(st), rec };
}

// Token cache: an open-addressing hash table keyed by the token's characters, hashed while
// scanning, so a known token costs no string allocation and no engine hashing (the hot loop).
const TABLE_BITS = 16;
const TABLE_SIZE = 1 << TABLE_BITS;
const TABLE_MASK = TABLE_SIZE - 1;
const entries: TokInfo[] = [];
// Characters of the cached tokens (offset per slot); longer tokens take the slow path.
const MAX_POOLED_LEN = 64;
const POOL_SIZE = 1 << 19;
const pool = new Uint16Array(POOL_SIZE);
let poolUsed = 0;
// Per slot, side by side (one cache line per probe): entry index (-1 = empty), hash, length, pool offset.
const SLOT_WIDTH = 4;
const slots = new Int32Array(TABLE_SIZE * SLOT_WIDTH).fill(-1);
// Tokens with an apostrophe, and very long ones, take the slow path through a Map.
const slowCache = new Map<string, TokInfo>();

// Per-code-unit lower case (0 = not computed yet), so sentences need no lower-cased copy.
const LOWER = new Uint16Array(65536);
function lower(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  let l = LOWER[c];
  if (l === 0) {
    const s = String.fromCharCode(c).toLowerCase();
    l = s.length === 1 ? s.charCodeAt(0) : c;
    LOWER[c] = l;
  }
  return l;
}

function lowerSlice(s: string, start: number, end: number): string {
  let out = '';
  for (let i = start; i < end; i++) out += String.fromCharCode(lower(s.charCodeAt(i)));
  return out;
}

/**
 * Cached info for the token s[start, end); `isLower` says `s` is lower-cased already (no per-character
 * mapping). Cached tokens' characters live in one typed array, so probing compares code units without
 * touching the token strings.
 */
function lookup(s: string, start: number, end: number, h: number, isLower: boolean, idx: Map<string, Phrase[]>): TokInfo {
  const len = end - start;
  if (len > MAX_POOLED_LEN) return slowInfo(isLower ? s.slice(start, end) : lowerSlice(s, start, end), idx);
  let slot = h & TABLE_MASK;
  for (;;) {
    const at = slot * SLOT_WIDTH;
    const e = slots[at];
    if (e === -1) break;
    if (slots[at + 1] === (h | 0) && slots[at + 2] === len) {
      const off = slots[at + 3];
      let k = 0;
      if (isLower) while (k < len && pool[off + k] === s.charCodeAt(start + k)) k++;
      else while (k < len && pool[off + k] === lower(s.charCodeAt(start + k))) k++;
      if (k === len) return entries[e];
    }
    slot = (slot + 1) & TABLE_MASK;
  }
  if (entries.length >= TABLE_SIZE >> 1 || poolUsed + len > POOL_SIZE) {
    // Full enough: start over (results do not depend on what is cached).
    slots.fill(-1);
    entries.length = 0;
    poolUsed = 0;
    slot = h & TABLE_MASK;
  }
  const inf = makeInfo(isLower ? s.slice(start, end) : lowerSlice(s, start, end), h, idx);
  const t = inf.token;
  for (let k = 0; k < len; k++) pool[poolUsed + k] = t.charCodeAt(k);
  const at = slot * SLOT_WIDTH;
  slots[at] = entries.length;
  slots[at + 1] = h | 0;
  slots[at + 2] = len;
  slots[at + 3] = poolUsed;
  poolUsed += len;
  entries.push(inf);
  return inf;
}

function slowInfo(raw: string, idx: Map<string, Phrase[]>): TokInfo {
  let inf = slowCache.get(raw);
  if (inf === undefined) {
    const last2 = raw.slice(-2);
    const t = raw.length > 2 && (last2 === "'s" || last2 === '’s') ? raw.slice(0, -2) : raw.replace(/['’]/g, '');
    let h = 0x811c9dc5;
    for (let i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), 0x01000193);
    inf = makeInfo(t, h >>> 0, idx);
    if (slowCache.size >= 20_000) slowCache.clear();
    slowCache.set(raw, inf);
  }
  return inf;
}


const sentHits = new Int32Array(LEXICON_NAMES.length);

export interface Sentence {
  text: string;
  words: number;
  /** Lexicon hits in this sentence. */
  hits: Partial<Record<LexiconName, number>>;
}

export type LexStats = Record<LexiconName, { count: number; distinct: number; perK: number; score: number }>;

export interface Features {
  wordCount: number;
  sentences: Sentence[];
  lex: LexStats;
  /** Tokens starting with "mentor" (the naive baseline's signal) and their density. */
  mentorTokens: number;
  mentorDensity: number;
  /** Share of sentences that look like real prose (≥ 6 words with function words). */
  proseRatio: number;
  /** Share of distinct sentences (repetition lowers it). */
  uniqueSentenceRatio: number;
  /** The language the page was read in. */
  lang: Lang;
  /** The language its text is in, from the function words counted while scanning (its main text and title). */
  detected: LangGuess;
  /** Share of the language's function words among tokens. */
  functionWordRatio: number;
  /** Headings of software documentation (installation, configuration, usage, API, ...). */
  docHeadings: number;
  /** Code blocks (<pre>) in the main content. */
  codeBlocks: number;
  brandHits: number;
  placeHits: number;
  headings: number;
  lists: number;
  orderedLists: number;
  listItems: number;
  resources: number;
  stemCounts: Map<string, number>;
}

// Every match of BRAND_RE / PLACE_RE contains one of these literals (case-sensitive, as the patterns
// are), so a text with none of them cannot match and skips the regex scan (most pages).
const BRAND_LITERALS = ['Mentor', 'Siemens EDA'];
const PLACE_LITERALS = ['Mentor', 'Lake County'];

/** Number of matches of the global `re` in `text`, read only around the literals (every match contains one, within 60 characters). */
function countMatches(text: string, re: RegExp, literals: string[]): number {
  const spans: [number, number][] = [];
  for (const l of literals) for (let i = text.indexOf(l); i !== -1 && spans.length < 500; i = text.indexOf(l, i + l.length)) spans.push([Math.max(0, i - 60), i + l.length + 60]);
  if (spans.length === 0) return 0;
  spans.sort((a, b) => a[0] - b[0]);
  const parts: string[] = [];
  let [from, to] = spans[0];
  for (const [a, b] of spans) {
    if (a <= to) to = Math.max(to, b);
    else {
      parts.push(text.slice(from, to));
      [from, to] = [a, b];
    }
  }
  parts.push(text.slice(from, to));
  return (parts.join('\n\n').match(re) ?? []).length;
}

export function sat(x: number, k: number): number {
  return x <= 0 ? 0 : 1 - Math.exp(-x / k);
}

// Saturation constants per lexicon: [density per 1000 words at ~63 %, distinct phrases at ~63 %].
const SAT: Record<LexiconName, [number, number]> = {
  core: [12, 2],
  mentorGuidance: [30, 10],
  programGuidance: [25, 9],
  actionability: [25, 8],
  coaching: [10, 3],
  tutoring: [12, 4],
  onboarding: [12, 4],
  tech: [20, 8],
  mentorSide: [4, 3],
  menteeSide: [4, 3],
  mention: [12, 5],
  hardware: [12, 5],
  jobs: [10, 4],
  leadership: [12, 5],
};

// Headings of software documentation, in the seven languages (a README, a manual, an admin guide).
const DOC_HEADING_RE =
  /^(?:\d+[.)]?\s*)?(?:install\w*|instal\w*|setup|set up|configur\w*|konfigur\w*|usage|quick ?start|prerequisites|dependencies|api(?: reference)?|cli|command line|deploy\w*|contributing|licen[sc]e|lizenz|licencia|lisens|changelog|troubleshooting|environment variables|docker|running tests|einrichtung|voraussetzungen|instalación|configuración|prérequis|oppsett|opsætning)\s*$/i;

export function computeFeatures(ex: Extracted, lang: Lang = 'en', declared = ''): Features {
  const langCounter = new LangCounter();
  const { byFirstStem: idx, count: phraseCount } = index(lang);
  const sentences: Sentence[] = [];
  const phraseCounts = new Int32Array(phraseCount);
  const stemCounts = new Map<string, number>();
  let wordCount = 0;
  let mentorTokens = 0;
  let fwCount = 0;
  let prose = 0;
  let dupSent = 0;
  const phraseLex: LexiconName[] = new Array(phraseCount);

  if (stemRecs.size >= MAX_STEM_RECS || lang !== cacheLang) {
    cacheLang = lang;
    cacheFunctionWords = functionWords(lang);
    // Cached token infos point at stem records: drop them all together, before the page.
    slots.fill(-1);
    entries.length = 0;
    poolUsed = 0;
    slowCache.clear();
    stemRecs.clear();
  }
  const epoch = ++epochCounter;
  // Stems in order of first occurrence (the order of stemCounts).
  const touched: StemRec[] = [];
  const seenSentHash = new Set<number>();
  let sentCount = 0;
  const infos = INF_BUF;

  // Scans a flat text once: tokens (straight into cached token infos), sentence ends, phrase
  // matches per sentence. Sentences end at a newline (block break) or after . ! ? … followed by
  // a space and a character that is not a lower-case letter.
  const scanText = (s: string, isTitle: boolean) => {
    const len = s.length;
    // Tokens are read from a lower-cased copy (one native pass) when it keeps the offsets; else per character.
    const lowered = s.toLowerCase();
    const fast = lowered.length === len;
    const t = fast ? lowered : s;
    let i = 0;
    let n = 0; // tokens in the current sentence
    let sentStart = 0;
    while (i < len) {
      const c = t.charCodeAt(i);
      if (classOf(c) === 3) {
        if (c === 10) {
          if (n > 0) finishSentence(s, sentStart, i, n, isTitle);
          n = 0;
          sentStart = i + 1;
        } else if ((c === 46 || c === 33 || c === 63 || c === 0x2026) && i + 2 < len && s.charCodeAt(i + 1) === 32) {
          const d = s.charCodeAt(i + 2);
          if (!(d >= 97 && d <= 122) && d !== 10 && d !== 32) {
            if (n > 0) finishSentence(s, sentStart, i + 1, n, isTitle);
            n = 0;
            sentStart = i + 2;
          }
        }
        i++;
        continue;
      }
      const start = i;
      let apos = false;
      let h = Math.imul(0x811c9dc5 ^ (fast ? c : lower(c)), 0x01000193);
      i++;
      while (i < len) {
        const c2 = t.charCodeAt(i);
        if (classOf(c2) !== 3) {
          h = Math.imul(h ^ (fast ? c2 : lower(c2)), 0x01000193);
          i++;
          continue;
        }
        if ((c2 === 39 || c2 === 0x2019) && !apos && i + 1 < len && classOf(t.charCodeAt(i + 1)) === 1) {
          apos = true;
          i++;
          continue;
        }
        break;
      }
      infos[n++] = apos ? slowInfo(lowerSlice(t, start, i), idx) : lookup(t, start, i, h >>> 0, fast, idx);
    }
    if (n > 0) finishSentence(s, sentStart, len, n, isTitle);
  };

  const finishSentence = (s: string, sentStart: number, end: number, n: number, isTitle: boolean) => {
    let anyHit = false;
    let fw = 0;
    let sh = n;
    for (let i = 0; i < n; i++) {
      const inf = infos[i];
      sh = Math.imul(sh ^ inf.hash, 0x01000193);
      if (inf.mentor) mentorTokens++;
      if (inf.fw) fw++;
      langCounter.add(inf.profiles);
      const rec = inf.rec;
      if (rec.epoch !== epoch) {
        rec.epoch = epoch;
        rec.count = 0;
        touched.push(rec);
      }
      rec.count++;
      const cands = inf.cands;
      if (cands === undefined) continue;
      for (const ph of cands) {
        const plen = ph.stems.length;
        if (i + plen > n) continue;
        let ok = true;
        for (let j = 1; j < plen && ok; j++) if (infos[i + j].stem !== ph.stems[j]) ok = false;
        if (!ok) continue;
        phraseCounts[ph.id]++;
        if (!anyHit) {
          anyHit = true;
          sentHits.fill(0);
        }
        sentHits[ph.lexIdx]++;
        phraseLex[ph.id] = ph.lex;
      }
    }
    wordCount += n;
    fwCount += fw;
    if (isTitle) return;
    sentCount++;
    if (n >= 6 && fw >= 2) prose++;
    if (seenSentHash.has(sh)) dupSent++;
    else if (seenSentHash.size < 50_000) seenSentHash.add(sh);
    // Only sentences that hit a lexicon can become evidence; keep their text.
    if (anyHit && sentences.length < 5000) {
      const hits: Partial<Record<LexiconName, number>> = {};
      for (let l = 0; l < LEXICON_NAMES.length; l++) if (sentHits[l] > 0) hits[LEXICON_NAMES[l]] = sentHits[l];
      sentences.push({ text: s.slice(sentStart, end).trim(), words: n, hits });
    }
  };

  scanText(ex.mainText, false);
  // The title and description count towards the terms (not towards evidence).
  scanText(`${ex.title}. ${ex.description}`, true);
  for (const rec of touched) stemCounts.set(rec.stem, rec.count);

  const words = Math.max(wordCount, 1);
  // Per-phrase counts are capped, so repeating a phrase (stuffing) stops adding.
  const cap = Math.max(4, Math.ceil(wordCount / 50));
  const lex = {} as LexStats;
  for (const name of LEXICON_NAMES) lex[name] = { count: 0, distinct: 0, perK: 0, score: 0 };
  for (let id = 0; id < phraseCount; id++) {
    const c = phraseCounts[id];
    if (c === 0) continue;
    const l = lex[phraseLex[id]];
    l.count += Math.min(c, cap);
    l.distinct++;
  }
  const denom = Math.max(wordCount, 200);
  for (const name of LEXICON_NAMES) {
    const l = lex[name];
    l.perK = (l.count / denom) * 1000;
    const [kd, kn] = SAT[name];
    l.score = 0.5 * sat(l.perK, kd) + 0.5 * sat(l.distinct, kn);
  }

  const nSent = Math.max(sentCount, 1);
  const raw = ex.mainText;
  const brandHits = countMatches(raw, BRAND_RE, BRAND_LITERALS) + countMatches(`${ex.title} `, BRAND_RE, BRAND_LITERALS);
  const placeHits = countMatches(raw, PLACE_RE, PLACE_LITERALS) + countMatches(`${ex.title} `, PLACE_RE, PLACE_LITERALS);
  return {
    wordCount,
    sentences,
    lex,
    mentorTokens,
    mentorDensity: mentorTokens / words,
    proseRatio: prose / nSent,
    uniqueSentenceRatio: sentCount === 0 ? 1 : 1 - dupSent / nSent,
    lang,
    detected: langCounter.decide(declared),
    functionWordRatio: fwCount / words,
    docHeadings: ex.headings.filter((h) => h.length < 40 && DOC_HEADING_RE.test(h)).length,
    codeBlocks: ex.codeBlocks,
    brandHits,
    placeHits,
    headings: ex.headings.length,
    lists: ex.lists.ordered + ex.lists.unordered,
    orderedLists: ex.lists.ordered,
    listItems: ex.lists.items,
    resources: ex.resources.length,
    stemCounts,
  };
}
