// Features of one extracted page: lexicon phrase matches over stems (per sentence, so the
// sentences that triggered a component become evidence), length-normalised and saturated
// densities, structure, near-miss signals and the stem counts the linear model reads.
import type { Extracted } from './extract.ts';
import { ENGLISH_FUNCTION_WORDS, stem, stemAll, tokenize, tokenizeInto } from './nlp.ts';
import { BRAND_RE, LEXICON_NAMES, LEXICONS, PLACE_RE, type LexiconName } from './lexicons.ts';

interface Phrase {
  lex: LexiconName;
  stems: string[];
  id: number;
}

let phraseIndex: Map<string, Phrase[]> | null = null;
let phraseCount = 0;

function index(): Map<string, Phrase[]> {
  if (phraseIndex) return phraseIndex;
  const idx = new Map<string, Phrase[]>();
  let id = 0;
  for (const lex of LEXICON_NAMES) {
    const seen = new Set<string>();
    for (const p of LEXICONS[lex]) {
      const stems = stemAll(tokenize(p));
      const key = stems.join(' ');
      if (stems.length === 0 || seen.has(key)) continue;
      seen.add(key);
      const ph: Phrase = { lex, stems, id: id++ };
      const list = idx.get(stems[0]);
      if (list) list.push(ph);
      else idx.set(stems[0], [ph]);
    }
  }
  phraseCount = id;
  phraseIndex = idx;
  return idx;
}

interface TokInfo {
  stem: string;
  fw: boolean;
  mentor: boolean;
  cands: Phrase[] | undefined;
  /** Per-page count, valid when `epoch` is the current page's (no Map per page). */
  epoch: number;
  count: number;
}
let epochCounter = 0;
const TOK_BUF: string[] = [];
const INF_BUF: TokInfo[] = [];
const TOK_CACHE_MAX = 100_000;
const tokCache = new Map<string, TokInfo>();

function tokInfo(t: string, idx: Map<string, Phrase[]>): TokInfo {
  let inf = tokCache.get(t);
  if (inf === undefined) {
    const st = stem(t);
    inf = { stem: st, fw: ENGLISH_FUNCTION_WORDS.has(t), mentor: t.startsWith('mentor'), cands: idx.get(st), epoch: 0, count: 0 };
    if (tokCache.size >= TOK_CACHE_MAX) tokCache.clear();
    tokCache.set(t, inf);
  }
  return inf;
}

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
  /** Share of English function words among tokens. */
  englishRatio: number;
  brandHits: number;
  placeHits: number;
  headings: number;
  lists: number;
  orderedLists: number;
  listItems: number;
  resources: number;
  stemCounts: Map<string, number>;
}

export function sat(x: number, k: number): number {
  return x <= 0 ? 0 : 1 - Math.exp(-x / k);
}

// Sentence split: after . ! ? (or a block break) followed by space. Linear-time.
const SENT_SPLIT_RE = /(?<=[.!?…])\s+(?=[^a-z\s])/u;

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
};

export function computeFeatures(ex: Extracted): Features {
  const idx = index();
  const sentences: Sentence[] = [];
  const phraseCounts = new Int32Array(phraseCount);
  const stemCounts = new Map<string, number>();
  let wordCount = 0;
  let mentorTokens = 0;
  let functionWords = 0;
  let prose = 0;
  const seenSent = new Set<string>();
  let dupSent = 0;
  const phraseLex: LexiconName[] = new Array(phraseCount);

  const epoch = ++epochCounter;
  const touched: TokInfo[] = [];
  const addText = (block: string, weightTitle: boolean) => {
    const parts = block.length > 80 ? block.split(SENT_SPLIT_RE) : [block];
    for (const raw of parts) {
      const text = raw.trim();
      if (!text) continue;
      const n = tokenizeInto(text, TOK_BUF);
      if (n === 0) continue;
      const infos = INF_BUF;
      for (let i = 0; i < n; i++) infos[i] = tokInfo(TOK_BUF[i], idx);
      let hits: Partial<Record<LexiconName, number>> | null = null;
      let fw = 0;
      for (let i = 0; i < n; i++) {
        const inf = infos[i];
        if (inf.mentor) mentorTokens++;
        if (inf.fw) fw++;
        if (inf.epoch !== epoch) {
          inf.epoch = epoch;
          inf.count = 0;
          touched.push(inf);
        }
        inf.count++;
        const cands = inf.cands;
        if (cands === undefined) continue;
        for (const ph of cands) {
          const len = ph.stems.length;
          if (i + len > n) continue;
          let ok = true;
          for (let j = 1; j < len && ok; j++) if (infos[i + j].stem !== ph.stems[j]) ok = false;
          if (!ok) continue;
          phraseCounts[ph.id]++;
          hits ??= {};
          hits[ph.lex] = (hits[ph.lex] ?? 0) + 1;
          phraseLex[ph.id] = ph.lex;
        }
      }
      wordCount += n;
      functionWords += fw;
      if (n >= 6 && fw >= 2) prose++;
      if (!weightTitle) {
        if (seenSent.has(text)) dupSent++;
        else if (seenSent.size < 20_000) seenSent.add(text);
        if (sentences.length < 5000) sentences.push({ text, words: n, hits: hits ?? {} });
      }
    }
  };
  for (const b of ex.blocks) addText(b, false);
  // The title and description count towards the terms (not towards evidence).
  addText(`${ex.title}. ${ex.description}`, true);
  for (const inf of touched) stemCounts.set(inf.stem, (stemCounts.get(inf.stem) ?? 0) + inf.count);

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

  const nSent = Math.max(sentences.length, 1);
  const raw = ex.blocks.join('\n').slice(0, 200_000);
  const brandHits = (raw.match(BRAND_RE) ?? []).length + (`${ex.title} `.match(BRAND_RE) ?? []).length;
  const placeHits = (raw.match(PLACE_RE) ?? []).length + (`${ex.title} `.match(PLACE_RE) ?? []).length;
  return {
    wordCount,
    sentences,
    lex,
    mentorTokens,
    mentorDensity: mentorTokens / words,
    proseRatio: prose / nSent,
    uniqueSentenceRatio: sentences.length === 0 ? 1 : 1 - dupSent / nSent,
    englishRatio: functionWords / words,
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
