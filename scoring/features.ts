// Features of one extracted page: lexicon phrase matches over stems (per sentence, so the
// sentences that triggered a component become evidence), length-normalised and saturated
// densities, structure, near-miss signals and the stem counts the linear model reads.
import type { Extracted } from './extract.ts';
import { classOf, stem, stemAll, tokenize } from './nlp.ts';
import { BRAND_RE, LEXICON_NAMES, LEXICONS, PLACE_RE, type LexiconName } from './lexicons.ts';
import { functionWords, LangCounter, profilesOfWord, type LangGuess, type Lang } from './lang.ts';

interface PhraseIndex {
  /**
   * The phrases, by the id of their first stem, in one array: at a stem's offset, the number of its
   * phrases, then for each its id, lexicon (index in LEXICON_NAMES), length and stem ids.
   */
  table: Int32Array;
  /** Offset of the phrases that start with a stem id, in `table`. */
  byFirstStem: Map<number, number>;
  /** Lexicon of each phrase, by id. */
  lexOf: LexiconName[];
  /** Matches per phrase id on the page being read (all 0 between pages). */
  counts: Int32Array;
}

// The stem table: every stem seen gets a small id, so a page's stem counts live in a typed array
// (valid when the epoch is the page's) and phrases compare integers. Ids are shared by the
// languages (a stem is its string); the table starts over when it grows too large.
const MAX_STEMS = 100_000;
const stemIds = new Map<string, number>();
const stemStrings: string[] = [];
/** Per stem id, side by side: the page (epoch) its count is for, and the count. */
let stemState = new Int32Array(2 * 4096);
/** References of the tokens read on the current page, in order of first occurrence. */
let touchedRefs = new Int32Array(4096);
let epochCounter = 0;
/** Changes whenever the stem table starts over (ids are reused). */
let stemGeneration = 1;
/** Phrase index per language, over the current stem table. */
const phraseIndexes = new Map<Lang, PhraseIndex>();

function stemId(st: string): number {
  let id = stemIds.get(st);
  if (id === undefined) {
    id = stemStrings.length;
    stemIds.set(st, id);
    stemStrings.push(st);
    if (2 * id + 2 > stemState.length) stemState = grown(stemState, stemState.length * 2);
  }
  return id;
}

function grown(a: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}

/** Phrases of the language's lexicons, stemmed with its stemmer, by first stem (built once per language and stem table). */
function index(lang: Lang): PhraseIndex {
  const known = phraseIndexes.get(lang);
  if (known) return known;
  const lists = new Map<number, number[][]>();
  const lexOf: LexiconName[] = [];
  for (const lex of LEXICON_NAMES) {
    const seen = new Set<string>();
    for (const p of LEXICONS[lang][lex]) {
      const stems = stemAll(tokenize(p), lang);
      const key = stems.join(' ');
      if (stems.length === 0 || seen.has(key)) continue;
      seen.add(key);
      const ids = stems.map(stemId);
      const phrase = [lexOf.length, LEXICON_NAMES.indexOf(lex), ids.length, ...ids];
      lexOf.push(lex);
      const list = lists.get(ids[0]);
      if (list) list.push(phrase);
      else lists.set(ids[0], [phrase]);
    }
  }
  const flat: number[] = [];
  const byFirstStem = new Map<number, number>();
  for (const [first, list] of lists) {
    byFirstStem.set(first, flat.length);
    flat.push(list.length);
    for (const phrase of list) flat.push(...phrase);
  }
  const out = { table: Int32Array.from(flat), byFirstStem, lexOf, counts: new Int32Array(lexOf.length) };
  phraseIndexes.set(lang, out);
  return out;
}

// The token cache (one language at a time: it starts over when a page of another language comes):
// an open-addressing hash table keyed by the token's characters, hashed while scanning, so a known
// token costs no string allocation and no engine hashing (the hot loop). A slot is one cache line
// (16 integers) holding all the loop needs: the token's hash, length, stem id, flags, language
// profiles, where its stem's phrases are, its count on the current page and its characters (two per
// integer), so reading a token touches one line of memory. Slots of an older generation are empty
// (starting over is O(1)).
const SLOT = 16;
const S_GEN = 0;
const S_HASH = 1;
const S_LEN = 2;
const S_STEM = 3;
/** Flags, and the token's profile list id + 1 above them (0: not a function word). */
const S_INFO = 4;
/** Offset of the phrases that start with the token's stem in the phrase index (-1: none). */
const S_PHRASES = 5;
/** The page (epoch) the count is for, and the count. */
const S_EPOCH = 6;
const S_COUNT = 7;
const S_CHARS = 8;
/** Characters a slot holds; longer tokens take the slow path. */
const MAX_INLINE = 2 * (SLOT - S_CHARS);
const FL_FUNCTION_WORD = 1;
const FL_MENTOR = 2;
const FL_BITS = 2;
const TABLE_BITS = 16;
const TABLE_SIZE = 1 << TABLE_BITS;
const TABLE_MASK = TABLE_SIZE - 1;
/** Tokens the table takes before it starts over (between pages; within a page, later tokens take the slow path). */
const TABLE_FULL = TABLE_SIZE >> 1;
const table = new Int32Array(TABLE_SIZE * SLOT);
let generation = 1;
let tableEntries = 0;
// Tokens with an apostrophe, long ones, and new tokens while the table is full take the slow path
// through a Map, to entries laid out like slots (no characters) after the table's: a token is read
// by its reference, a slot number below TABLE_SIZE, else TABLE_SIZE + its slow entry's number.
const slowCache = new Map<string, number>();
let slow = new Int32Array(256 * SLOT);
let slowCount = 0;
let cacheLang: Lang = 'en';
let cacheFunctionWords = functionWords('en');
let cachePhrases: PhraseIndex | null = null;
/** Distinct profile lists (lang.ts gives one array per function word), by id. */
const profileLists: (readonly number[])[] = [];
const profileListIds = new Map<readonly number[], number>();

function resetTokens(): void {
  generation++;
  tableEntries = 0;
  slowCache.clear();
  slowCount = 0;
}

/** Fills the stem, flags and profiles of token `t` at `at` in `a` (a slot or a slow entry). */
function describe(a: Int32Array, at: number, t: string, hash: number): void {
  const sid = stemId(stem(t, cacheLang));
  const profiles = profilesOfWord(t);
  let p = 0;
  if (profiles !== undefined) {
    p = profileListIds.get(profiles) ?? 0;
    if (p === 0) {
      profileLists.push(profiles);
      p = profileLists.length;
      profileListIds.set(profiles, p);
    }
  }
  let flags = 0;
  if (cacheFunctionWords.has(t)) flags |= FL_FUNCTION_WORD;
  if (t.startsWith('mentor')) flags |= FL_MENTOR;
  a[at + S_HASH] = hash | 0;
  a[at + S_STEM] = sid;
  a[at + S_INFO] = flags | (p << FL_BITS);
  a[at + S_PHRASES] = cachePhrases!.byFirstStem.get(sid) ?? -1;
  a[at + S_EPOCH] = 0;
}

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

/** Code units k and k+1 of the token at `start` (lower-cased unless `isLower`), two to an integer (0 past `len`). */
function pair(s: string, start: number, k: number, len: number, isLower: boolean): number {
  const a = s.charCodeAt(start + k);
  const b = k + 1 < len ? s.charCodeAt(start + k + 1) : 0;
  return isLower ? a | (b << 16) : lower(a) | (lower(b) << 16);
}

/**
 * The reference of the token s[start, end) (see slowCache); `isLower` says `s` is lower-cased
 * already (no per-character mapping). Probing compares the characters held in the slot.
 */
function lookup(s: string, start: number, end: number, h: number, isLower: boolean): number {
  const len = end - start;
  if (len > MAX_INLINE) return slowEntry(isLower ? s.slice(start, end) : lowerSlice(s, start, end));
  const T = table;
  let slot = h & TABLE_MASK;
  for (;;) {
    const at = slot * SLOT;
    if (T[at + S_GEN] !== generation) break;
    if (T[at + S_HASH] === (h | 0) && T[at + S_LEN] === len) {
      let k = 0;
      while (k < len && T[at + S_CHARS + (k >> 1)] === pair(s, start, k, len, isLower)) k += 2;
      if (k >= len) return slot;
    }
    slot = (slot + 1) & TABLE_MASK;
  }
  const t = isLower ? s.slice(start, end) : lowerSlice(s, start, end);
  if (tableEntries >= TABLE_FULL) return slowEntry(t);
  const at = slot * SLOT;
  describe(T, at, t, h);
  T[at + S_GEN] = generation;
  T[at + S_LEN] = len;
  for (let k = 0; k < len; k += 2) T[at + S_CHARS + (k >> 1)] = pair(t, 0, k, len, true);
  tableEntries++;
  return slot;
}

function slowEntry(raw: string): number {
  let ref = slowCache.get(raw);
  if (ref === undefined) {
    const last2 = raw.slice(-2);
    const t = raw.length > 2 && (last2 === "'s" || last2 === '’s') ? raw.slice(0, -2) : raw.replace(/['’]/g, '');
    let h = 0x811c9dc5;
    for (let i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), 0x01000193);
    if ((slowCount + 1) * SLOT > slow.length) slow = grown(slow, slow.length * 2);
    describe(slow, slowCount * SLOT, t, h >>> 0);
    ref = TABLE_SIZE + slowCount++;
    slowCache.set(raw, ref);
  }
  return ref;
}

/**
 * The reference of a lower-case token with one inner apostrophe at `apos`: read without its "'s"
 * (a possessive), else without the apostrophe ("don't" as "dont"), like any other token.
 */
function apostropheToken(s: string, start: number, apos: number, end: number): number {
  const t = apos === end - 2 && s.charCodeAt(end - 1) === 115 ? s.slice(start, apos) : s.slice(start, apos) + s.slice(apos + 1, end);
  let h = 0x811c9dc5;
  for (let i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), 0x01000193);
  return lookup(t, 0, t.length, h >>> 0, true);
}

/**
 * A set of 32-bit integers (the page's sentence hashes), reused from page to page: open addressing,
 * slots of an older epoch are empty (clearing is O(1)), doubled when half full.
 */
class IntSet {
  private values = new Int32Array(1024);
  private epochs = new Int32Array(1024);
  private epoch = 1;
  size = 0;

  clear(): void {
    this.epoch++;
    this.size = 0;
  }

  /** The slot of `v`, or of the empty slot where it would go. */
  private slotOf(v: number): number {
    const mask = this.values.length - 1;
    let i = Math.imul(v, 0x9e3779b1) >>> 0 & mask;
    while (this.epochs[i] === this.epoch && this.values[i] !== v) i = (i + 1) & mask;
    return i;
  }

  has(v: number): boolean {
    return this.epochs[this.slotOf(v)] === this.epoch;
  }

  add(v: number): void {
    if (2 * (this.size + 1) > this.values.length) this.grow();
    const i = this.slotOf(v);
    if (this.epochs[i] === this.epoch) return;
    this.epochs[i] = this.epoch;
    this.values[i] = v;
    this.size++;
  }

  private grow(): void {
    const { values, epochs, epoch } = this;
    this.values = new Int32Array(values.length * 2);
    this.epochs = new Int32Array(values.length * 2);
    this.epoch = 1;
    this.size = 0;
    for (let i = 0; i < values.length; i++) if (epochs[i] === epoch) this.add(values[i]);
  }
}
const sentenceHashes = new IntSet();

/** The stem id of a token reference. */
const stemOf = (ref: number): number => (ref < TABLE_SIZE ? table[ref * SLOT + S_STEM] : slow[(ref - TABLE_SIZE) * SLOT + S_STEM]);

/** The tokens of the text being read, four integers each: start, end, hash, apostrophe position (-1: none). */
let pageTokens = new Int32Array(4 * 4096);
/** Their references (see slowCache). */
let tokenRefs = new Int32Array(4096);
/** Its sentences, four integers each: first token, end token, start and end in the text. */
let sentenceBounds = new Int32Array(4 * 512);

const sentHits = new Int32Array(LEXICON_NAMES.length);

export interface Sentence {
  text: string;
  words: number;
  /** Lexicon hits in this sentence, by lexicon (the index of its name in LEXICON_NAMES). */
  hits: number[];
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
  /** The stems of the page (main text, title, description) in order of first occurrence, and how often each occurs (the model's terms). */
  terms: StemCounts;
}

export interface StemCounts {
  stems: string[];
  counts: Int32Array;
  /** The stems' ids in the stem table of `generation` (the model looks their weights up once per id). */
  ids: Int32Array;
  generation: number;
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
  let from = spans[0][0];
  let to = spans[0][1];
  for (const span of spans) {
    if (span[0] <= to) to = Math.max(to, span[1]);
    else {
      parts.push(text.slice(from, to));
      from = span[0];
      to = span[1];
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
  const sentences: Sentence[] = [];
  let wordCount = 0;
  let mentorTokens = 0;
  let fwCount = 0;
  let prose = 0;
  let dupSent = 0;

  // The caches hold one language at a time, and start over between pages when full (results do not depend on what is cached).
  if (stemStrings.length >= MAX_STEMS) {
    stemIds.clear();
    stemStrings.length = 0;
    stemGeneration++;
    phraseIndexes.clear();
    resetTokens();
  }
  if (lang !== cacheLang || cachePhrases === null) {
    cacheLang = lang;
    cacheFunctionWords = functionWords(lang);
    resetTokens();
  }
  if (tableEntries > TABLE_FULL - (TABLE_FULL >> 2) || slowCount > 20_000) resetTokens();
  const phrases = index(lang);
  cachePhrases = phrases;
  const phraseTable = phrases.table;
  // Matches per phrase on this page (the index's array, zeroed again at the end for the phrases hit).
  const phraseCounts = phrases.counts;
  /** Phrases matched on this page. */
  const hitPhrases: number[] = [];
  const epoch = ++epochCounter;
  // Token references in order of first occurrence (their stems, in that order, are the terms).
  let nTouched = 0;
  sentenceHashes.clear();
  let sentCount = 0;

  // Reads a flat text in three passes: its tokens (start, end, hash, apostrophe) and sentence ends;
  // the token references, all at once (the table reads of different tokens do not wait on each
  // other, so the memory latency of a page's first touch of each token overlaps); then the
  // sentences, their phrase matches and counts. Sentences end at a newline (block break) or after
  // . ! ? … followed by a space and a character that is not a lower-case letter.
  const scanText = (s: string, isTitle: boolean) => {
    const len = s.length;
    // Tokens are read from a lower-cased copy (one native pass) when it keeps the offsets; else per character.
    const lowered = s.toLowerCase();
    const fast = lowered.length === len;
    const t = fast ? lowered : s;
    let i = 0;
    let nTok = 0;
    let nSent = 0;
    let sentTok = 0; // first token of the current sentence
    let sentStart = 0;
    const endSentence = (at: number, next: number) => {
      if (nTok > sentTok) {
        if (4 * nSent + 4 > sentenceBounds.length) sentenceBounds = grown(sentenceBounds, sentenceBounds.length * 2);
        sentenceBounds[4 * nSent] = sentTok;
        sentenceBounds[4 * nSent + 1] = nTok;
        sentenceBounds[4 * nSent + 2] = sentStart;
        sentenceBounds[4 * nSent + 3] = at;
        nSent++;
      }
      sentTok = nTok;
      sentStart = next;
    };
    while (i < len) {
      const c = t.charCodeAt(i);
      if (classOf(c) === 3) {
        if (c === 10) endSentence(i, i + 1);
        else if ((c === 46 || c === 33 || c === 63 || c === 0x2026) && i + 2 < len && s.charCodeAt(i + 1) === 32) {
          const d = s.charCodeAt(i + 2);
          if (!(d >= 97 && d <= 122) && d !== 10 && d !== 32) endSentence(i + 1, i + 2);
        }
        i++;
        continue;
      }
      const start = i;
      let apos = -1;
      let h = Math.imul(0x811c9dc5 ^ (fast ? c : lower(c)), 0x01000193);
      i++;
      while (i < len) {
        const c2 = t.charCodeAt(i);
        if (classOf(c2) !== 3) {
          h = Math.imul(h ^ (fast ? c2 : lower(c2)), 0x01000193);
          i++;
          continue;
        }
        if ((c2 === 39 || c2 === 0x2019) && apos < 0 && i + 1 < len && classOf(t.charCodeAt(i + 1)) === 1) {
          apos = i;
          i++;
          continue;
        }
        break;
      }
      if (4 * nTok + 4 > pageTokens.length) pageTokens = grown(pageTokens, pageTokens.length * 2);
      pageTokens[4 * nTok] = start;
      pageTokens[4 * nTok + 1] = i;
      pageTokens[4 * nTok + 2] = h;
      pageTokens[4 * nTok + 3] = apos;
      nTok++;
    }
    endSentence(len, len);
    if (nTok > tokenRefs.length) tokenRefs = grown(tokenRefs, Math.max(nTok, 2 * tokenRefs.length));
    const toks = pageTokens;
    const refs = tokenRefs;
    for (let k = 0; k < nTok; k++) {
      const from = toks[4 * k];
      const to = toks[4 * k + 1];
      const apos = toks[4 * k + 3];
      refs[k] = apos < 0 ? lookup(t, from, to, toks[4 * k + 2] >>> 0, fast) : fast ? apostropheToken(t, from, apos, to) : slowEntry(lowerSlice(t, from, to));
    }
    for (let k = 0; k < nSent; k++) finishSentence(s, sentenceBounds[4 * k + 2], sentenceBounds[4 * k + 3], sentenceBounds[4 * k], sentenceBounds[4 * k + 1] - sentenceBounds[4 * k], isTitle);
  };

  /** The sentence s[sentStart, end) of the n tokens whose references start at tokenRefs[first]. */
  const finishSentence = (s: string, sentStart: number, end: number, first: number, n: number, isTitle: boolean) => {
    // No token or stem is added while a sentence is read: the arrays stay the same.
    const T = table;
    const S = slow;
    const toks = tokenRefs;
    let anyHit = false;
    let fw = 0;
    let sh = n;
    for (let i = 0; i < n; i++) {
      const ref = toks[first + i];
      const A = ref < TABLE_SIZE ? T : S;
      const at = (ref < TABLE_SIZE ? ref : ref - TABLE_SIZE) * SLOT;
      sh = Math.imul(sh ^ A[at + S_HASH], 0x01000193);
      const info = A[at + S_INFO];
      if (info & FL_MENTOR) mentorTokens++;
      if (info & FL_FUNCTION_WORD) fw++;
      const p = info >>> FL_BITS;
      langCounter.add(p === 0 ? undefined : profileLists[p - 1]);
      if (A[at + S_EPOCH] !== epoch) {
        A[at + S_EPOCH] = epoch;
        A[at + S_COUNT] = 0;
        if (nTouched === touchedRefs.length) touchedRefs = grown(touchedRefs, 2 * nTouched);
        touchedRefs[nTouched++] = ref;
      }
      A[at + S_COUNT]++;
      let o = A[at + S_PHRASES];
      if (o < 0) continue;
      // The phrases that start with this token's stem: [count, then id, lexicon, length, stems... each].
      for (let left = phraseTable[o++]; left > 0; left--) {
        const id = phraseTable[o];
        const lexIdx = phraseTable[o + 1];
        const plen = phraseTable[o + 2];
        const stems = o + 3;
        o = stems + plen;
        if (i + plen > n) continue;
        let ok = true;
        for (let j = 1; j < plen && ok; j++) if (stemOf(toks[first + i + j]) !== phraseTable[stems + j]) ok = false;
        if (!ok) continue;
        if (phraseCounts[id]++ === 0) hitPhrases.push(id);
        if (!anyHit) {
          anyHit = true;
          sentHits.fill(0);
        }
        sentHits[lexIdx]++;
      }
    }
    wordCount += n;
    fwCount += fw;
    if (isTitle) return;
    sentCount++;
    if (n >= 6 && fw >= 2) prose++;
    if (sentenceHashes.has(sh)) dupSent++;
    else if (sentenceHashes.size < 50_000) sentenceHashes.add(sh);
    // Only sentences that hit a lexicon can become evidence; keep their text.
    if (anyHit && sentences.length < 5000) {
      const hits = new Array<number>(sentHits.length);
      for (let l = 0; l < sentHits.length; l++) hits[l] = sentHits[l];
      sentences.push({ text: s.slice(sentStart, end).trim(), words: n, hits });
    }
  };

  try {
    scanText(ex.mainText, false);
    // The title and description count towards the terms (not towards evidence).
    scanText(`${ex.title}. ${ex.description}`, true);
  } catch (e) {
    for (const id of hitPhrases) phraseCounts[id] = 0;
    throw e;
  }
  // Stem counts: the tokens' counts added up by stem, the stems in order of first occurrence.
  const touchedStems: number[] = [];
  const stems = stemState;
  for (let k = 0; k < nTouched; k++) {
    const ref = touchedRefs[k];
    const A = ref < TABLE_SIZE ? table : slow;
    const at = (ref < TABLE_SIZE ? ref : ref - TABLE_SIZE) * SLOT;
    const sid = A[at + S_STEM];
    if (stems[2 * sid] !== epoch) {
      stems[2 * sid] = epoch;
      stems[2 * sid + 1] = 0;
      touchedStems.push(sid);
    }
    stems[2 * sid + 1] += A[at + S_COUNT];
  }
  const nStems = touchedStems.length;
  const terms: StemCounts = { stems: new Array<string>(nStems), counts: new Int32Array(nStems), ids: new Int32Array(nStems), generation: stemGeneration };
  for (let k = 0; k < nStems; k++) {
    const sid = touchedStems[k];
    terms.stems[k] = stemStrings[sid];
    terms.counts[k] = stems[2 * sid + 1];
    terms.ids[k] = sid;
  }

  const words = Math.max(wordCount, 1);
  // Per-phrase counts are capped, so repeating a phrase (stuffing) stops adding.
  const cap = Math.max(4, Math.ceil(wordCount / 50));
  const lex = {} as LexStats;
  for (const name of LEXICON_NAMES) lex[name] = { count: 0, distinct: 0, perK: 0, score: 0 };
  for (const id of hitPhrases) {
    const l = lex[phrases.lexOf[id]];
    l.count += Math.min(phraseCounts[id], cap);
    l.distinct++;
    phraseCounts[id] = 0;
  }
  const denom = Math.max(wordCount, 200);
  for (const name of LEXICON_NAMES) {
    const l = lex[name];
    l.perK = (l.count / denom) * 1000;
    const kd = SAT[name][0];
    const kn = SAT[name][1];
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
    terms,
  };
}
