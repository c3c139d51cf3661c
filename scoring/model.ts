// The trained topical model: logistic regression over a few dense (lexicon/structure) features
// and a few hundred stemmed terms (cosine-normalised log term frequencies). Trained in Node by
// `npm run train` (scoring/train/train.ts); applied here by a few lines of pure code.
import type { Features } from './features.ts';
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

const LEX_KEYS = LEXICON_NAMES.map((name) => [name, `lex_${name}`] as const);

/** Dense features, all roughly in [0, 1]. Names are part of the weights file. */
export function denseFeatures(f: Features): Record<string, number> {
  const d: Record<string, number> = {};
  for (const [name, key] of LEX_KEYS) d[key] = f.lex[name].score;
  d.mentor_density = sat(f.mentorDensity * 100, 2);
  d.words = sat(f.wordCount, 800);
  d.prose = f.proseRatio;
  d.structure = sat(f.headings + f.lists, 4);
  d.ordered = sat(f.orderedLists, 2);
  d.resources = sat(f.resources, 2);
  d.brand = f.brandHits > 0 ? 1 : 0;
  d.place = f.placeHits > 0 ? 1 : 0;
  const side = f.lex.mentorSide.count + f.lex.menteeSide.count;
  d.mentor_side = side === 0 ? 0.5 : f.lex.mentorSide.count / side;
  return d;
}

/** Cosine-normalised log term frequencies over all stems of the page, restricted to `vocab`. */
export function termFeatures(stemCounts: Map<string, number>, vocab: (t: string) => boolean): Map<string, number> {
  let norm = 0;
  for (const c of stemCounts.values()) {
    const v = Math.log1p(c);
    norm += v * v;
  }
  norm = Math.sqrt(norm) || 1;
  const out = new Map<string, number>();
  for (const [t, c] of stemCounts) if (vocab(t)) out.set(t, Math.log1p(c) / norm);
  return out;
}

export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

interface PreparedModel {
  /** model.dense as [name, weight] pairs, in key order. */
  dense: [string, number][];
  terms: Map<string, number>;
}
const prepared = new WeakMap<LinearModel, PreparedModel>();
function prepare(model: LinearModel): PreparedModel {
  let m = prepared.get(model);
  if (!m) {
    m = { dense: Object.keys(model.dense).map((k) => [k, model.dense[k] ?? 0]), terms: new Map(Object.entries(model.terms)) };
    prepared.set(model, m);
  }
  return m;
}

// log1p of small counts, looked up (the same values Math.log1p returns).
const LOG1P = Float64Array.from({ length: 256 }, (_, c) => Math.log1p(c));

/** Probability-like usefulness in [0, 1]. */
export function predict(model: LinearModel, f: Features): number {
  let z = model.bias;
  const dense = denseFeatures(f);
  const pm = prepare(model);
  for (const [k, w] of pm.dense) z += w * (dense[k] ?? 0);
  const terms = pm.terms;
  let norm = 0;
  let dot = 0;
  for (const [t, c] of f.stemCounts) {
    const v = c < 256 ? LOG1P[c] : Math.log1p(c);
    norm += v * v;
    const w = terms.get(t);
    if (w !== undefined) dot += w * v;
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
