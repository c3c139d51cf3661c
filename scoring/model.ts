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
}

export const MODEL: LinearModel = weightsJson as LinearModel;

/** Dense features, all roughly in [0, 1]. Names are part of the weights file. */
export function denseFeatures(f: Features): Record<string, number> {
  const d: Record<string, number> = {};
  for (const name of LEXICON_NAMES) d[`lex_${name}`] = f.lex[name].score;
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

const termMaps = new WeakMap<LinearModel, Map<string, number>>();
function termMap(model: LinearModel): Map<string, number> {
  let m = termMaps.get(model);
  if (!m) {
    m = new Map(Object.entries(model.terms));
    termMaps.set(model, m);
  }
  return m;
}

/** Probability-like usefulness in [0, 1]. */
export function predict(model: LinearModel, f: Features): number {
  let z = model.bias;
  const dense = denseFeatures(f);
  for (const k of Object.keys(model.dense)) z += (model.dense[k] ?? 0) * (dense[k] ?? 0);
  const terms = termMap(model);
  let norm = 0;
  let dot = 0;
  for (const [t, c] of f.stemCounts) {
    const v = Math.log1p(c);
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
