// The trained topical model: logistic regression over a few dense (lexicon/structure) features
// and a few hundred stemmed terms (cosine-normalised log term frequencies). Trained in Node by
// `npm run train` (scoring/train/train.ts); applied here by a few lines of pure code.
import type { Features, StemCounts } from './features.ts';
import { sat } from './features.ts';
import { LEXICON_NAMES } from './lexicons.ts';
import weightsJson from './model-weights.json';

export interface LinearModel {
  /** Free-form description of how it was trained. */
  trainedOn: string;
  bias: number;
  dense: Record<string, number>;
  terms: Record<string, number>;
  /**
   * How raw scores (relevance x guidance with the model's opinion, 0..1) read as 0..100: 1 - exp(-raw / k),
   * k fitted on the training documents so that their median practical guide reads 75 (absent: raw x 100).
   */
  calibration?: { k: number };
}

/** The calibrated score in [0, 1] of a raw score in [0, 1]. Monotone, so rankings are unchanged. */
export function calibrate(model: LinearModel, raw: number): number {
  const k = model.calibration?.k;
  return k && k > 0 ? 1 - Math.exp(-raw / k) : raw;
}

export const MODEL: LinearModel = weightsJson as LinearModel;

/** Names of the dense features, in the order of the weights file (lexicon scores first). */
const DENSE_NAMES = [...LEXICON_NAMES.map((name) => `lex_${name}`), 'mentor_density', 'words', 'prose', 'structure', 'ordered', 'resources', 'brand', 'place', 'mentor_side'];
const N_LEX = LEXICON_NAMES.length;

/** The dense features of a page into `out`, in the order of DENSE_NAMES (predict reads them by position). */
function denseVector(f: Features, out: Float64Array): Float64Array {
  for (let k = 0; k < N_LEX; k++) out[k] = f.lex[LEXICON_NAMES[k]].score;
  out[N_LEX] = sat(f.mentorDensity * 100, 2);
  out[N_LEX + 1] = sat(f.wordCount, 800);
  out[N_LEX + 2] = f.proseRatio;
  out[N_LEX + 3] = sat(f.headings + f.lists, 4);
  out[N_LEX + 4] = sat(f.orderedLists, 2);
  out[N_LEX + 5] = sat(f.resources, 2);
  out[N_LEX + 6] = f.brandHits > 0 ? 1 : 0;
  out[N_LEX + 7] = f.placeHits > 0 ? 1 : 0;
  const side = f.lex.mentorSide.count + f.lex.menteeSide.count;
  out[N_LEX + 8] = side === 0 ? 0.5 : f.lex.mentorSide.count / side;
  return out;
}

/** Dense features, all roughly in [0, 1]. Names are part of the weights file. */
export function denseFeatures(f: Features): Record<string, number> {
  const v = denseVector(f, new Float64Array(DENSE_NAMES.length));
  const d: Record<string, number> = {};
  DENSE_NAMES.forEach((name, k) => (d[name] = v[k]));
  return d;
}

/** Cosine-normalised log term frequencies over all stems of the page, restricted to `vocab`. */
export function termFeatures(terms: StemCounts, vocab: (t: string) => boolean): Map<string, number> {
  const { stems, counts } = terms;
  let norm = 0;
  for (let k = 0; k < stems.length; k++) {
    const v = Math.log1p(counts[k]);
    norm += v * v;
  }
  norm = Math.sqrt(norm) || 1;
  const out = new Map<string, number>();
  for (let k = 0; k < stems.length; k++) if (vocab(stems[k])) out.set(stems[k], Math.log1p(counts[k]) / norm);
  return out;
}

export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

interface PreparedModel {
  /** model.dense in key order: each weight and the position of its feature in DENSE_NAMES (-1: none, read as 0). */
  denseAt: Int32Array;
  denseWeights: Float64Array;
  terms: Map<string, number>;
  /** Term weights by stem id for one stem-table generation (NaN: not looked up yet; 0: not a term). */
  byStemId: Float64Array;
  generation: number;
}
const prepared = new WeakMap<LinearModel, PreparedModel>();
function prepare(model: LinearModel): PreparedModel {
  let m = prepared.get(model);
  if (!m) {
    const keys = Object.keys(model.dense);
    m = {
      denseAt: Int32Array.from(keys, (k) => DENSE_NAMES.indexOf(k)),
      denseWeights: Float64Array.from(keys, (k) => model.dense[k] ?? 0),
      terms: new Map(Object.entries(model.terms)),
      byStemId: new Float64Array(0),
      generation: 0,
    };
    prepared.set(model, m);
  }
  return m;
}
const denseScratch = new Float64Array(DENSE_NAMES.length);

// log1p of small counts, looked up (the same values Math.log1p returns).
const LOG1P = Float64Array.from({ length: 256 }, (_, c) => Math.log1p(c));

function grownWeights(a: Float64Array, size: number): Float64Array {
  const b = new Float64Array(Math.max(size, 2 * a.length, 1024)).fill(NaN);
  b.set(a);
  return b;
}

/** Probability-like usefulness in [0, 1]. */
export function predict(model: LinearModel, f: Features): number {
  let z = model.bias;
  const dense = denseVector(f, denseScratch);
  const pm = prepare(model);
  for (let k = 0; k < pm.denseAt.length; k++) z += pm.denseWeights[k] * (pm.denseAt[k] < 0 ? 0 : dense[pm.denseAt[k]]);
  const weights = pm.terms;
  const { stems, counts, ids, generation } = f.terms;
  // A stem's weight is looked up in the model once per stem id (the page's features carry the ids).
  if (generation > pm.generation) {
    pm.generation = generation;
    pm.byStemId = new Float64Array(0);
  }
  const current = generation === pm.generation;
  let norm = 0;
  let dot = 0;
  for (let k = 0; k < stems.length; k++) {
    const c = counts[k];
    const v = c < 256 ? LOG1P[c] : Math.log1p(c);
    norm += v * v;
    let w: number;
    if (current) {
      const id = ids[k];
      if (id >= pm.byStemId.length) pm.byStemId = grownWeights(pm.byStemId, id + 1);
      w = pm.byStemId[id];
      if (Number.isNaN(w)) w = pm.byStemId[id] = weights.get(stems[k]) ?? 0;
    } else w = weights.get(stems[k]) ?? 0;
    // A missing term adds nothing, as a weight of 0 would.
    if (w !== 0) dot += w * v;
  }
  z += norm > 0 ? dot / Math.sqrt(norm) : 0;
  return sigmoid(z);
}

/** FNV-1a 32-bit hash as 8 hex digits (for SCORER_VERSION). */
export function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
