// The trained topical model: logistic regression over a few dense (lexicon/structure) features
// and a few hundred stemmed terms (cosine-normalised log term frequencies). Trained in Node by
// `npm run train` (scoring/train/train.ts); applied here by a few lines of pure code.
import type { Features, StemCounts } from './features.ts';
import { sat } from './features.ts';
import { LEXICON_NAMES } from './lexicons.ts';
import weightsJson from './model-weights.json';

export interface LinearModel {
  /**
   * A curator's model (issue 11): its id in the store ("curator-3"), part of the scorerVersion of
   * every page it scores. The shipped model has none.
   */
  id?: string;
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
  /**
   * How much the model's opinion counts in a page's score (page.ts: (1 - share) x lexicons + share x
   * model x relevance gate). The shipped model's is 0.4 (absent); a curator's model earns more as its
   * decisions accumulate (train/learn.ts).
   */
  share?: number;
}

/** The calibrated score in [0, 1] of a raw score in [0, 1]. Monotone, so rankings are unchanged. */
export function calibrate(model: LinearModel, raw: number): number {
  const k = model.calibration?.k;
  return k && k > 0 ? 1 - Math.exp(-raw / k) : raw;
}

export const MODEL: LinearModel = weightsJson as LinearModel;

/** The dense features' names, in the order of the weights file (lexicon scores first); stored page vectors rely on it. */
export const DENSE_NAMES: readonly string[] = [...LEXICON_NAMES.map((name) => `lex_${name}`), 'mentor_density', 'words', 'prose', 'structure', 'ordered', 'resources', 'brand', 'place', 'mentor_side'];
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

/** A page's stems with their counts, in the page's order (what a stored vector and training read). */
export function stemCountMap(terms: StemCounts): Map<string, number> {
  const out = new Map<string, number>();
  for (let k = 0; k < terms.stems.length; k++) out.set(terms.stems[k], terms.counts[k]);
  return out;
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

/**
 * The same from a page's stored vector (its dense features and the counts of all its stems, in the
 * page's order): bit for bit what predict() gives on the page itself (the same sums in the same order).
 */
export function predictVector(model: LinearModel, dense: Record<string, number>, stemCounts: Map<string, number>): number {
  let z = model.bias;
  const pm = prepare(model);
  for (let k = 0; k < pm.denseAt.length; k++) z += pm.denseWeights[k] * (pm.denseAt[k] < 0 ? 0 : (dense[DENSE_NAMES[pm.denseAt[k]]] ?? 0));
  let norm = 0;
  let dot = 0;
  for (const [t, c] of stemCounts) {
    const v = c < 256 ? LOG1P[c] : Math.log1p(c);
    norm += v * v;
    const w = pm.terms.get(t) ?? 0;
    if (w !== 0) dot += w * v;
  }
  z += norm > 0 ? dot / Math.sqrt(norm) : 0;
  return sigmoid(z);
}

/**
 * The model-independent parts of a page's score (page.ts): the lexicon score, the relevance gate on
 * the model's opinion, the freshness, and the penalties (thin, stuffing, software docs and products),
 * applied in that order. With the model's opinion they give the score (combineScore), so a stored page
 * is re-scored by another model without its HTML.
 */
export interface ScoreParts {
  lex: number;
  gate: number;
  fresh: number;
  pens: number[];
}

/** The page's 0..100 score from its parts and the model's opinion (rounded to 0.1). */
export function combineScore(parts: ScoreParts, modelP: number, model: LinearModel): number {
  const share = model.share;
  const combined = share === undefined ? 0.6 * parts.lex + 0.4 * modelP * parts.gate : (1 - share) * parts.lex + share * modelP * parts.gate;
  let raw = combined * (0.92 + 0.08 * parts.fresh);
  for (const p of parts.pens) raw *= p;
  return Math.round(calibrate(model, Math.min(1, Math.max(0, raw))) * 1000) / 10;
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

/** A model that cannot be used (from the store, the sync server or a file): says what is wrong. */
export class ModelError extends Error {
  override name = 'ModelError';
}

/** The most terms a model may have (the shipped one has a few hundred; a curator's a few more). */
export const MAX_MODEL_TERMS = 20_000;
const MODEL_ID_RE = /^[a-z][a-z0-9-]{0,39}$/;
const DENSE_SET = new Set(DENSE_NAMES);
const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const finite = (x: unknown, bound = 1e4): x is number => typeof x === 'number' && Number.isFinite(x) && Math.abs(x) <= bound;

/**
 * A LinearModel from untrusted JSON (sync, the store), checked field by field: a malformed model is
 * refused with a ModelError naming what is wrong, so it never reaches scoring. Unknown dense features
 * are refused too (a model made by another version of the scorer reads other features).
 */
export function parseModel(raw: unknown): LinearModel {
  const fail = (why: string): never => {
    throw new ModelError(`not a usable model: ${why}`);
  };
  if (!isObject(raw)) return fail('not an object');
  if (!finite(raw.bias)) fail('"bias" must be a finite number');
  if (!isObject(raw.dense)) return fail('"dense" must be an object');
  if (!isObject(raw.terms)) return fail('"terms" must be an object');
  const dense: Record<string, number> = {};
  for (const [k, v] of Object.entries(raw.dense)) {
    if (!DENSE_SET.has(k)) fail(`unknown dense feature ${JSON.stringify(k.slice(0, 40))} (made by another version of the scorer?)`);
    if (!finite(v)) fail(`dense weight ${k} must be a finite number`);
    dense[k] = v as number;
  }
  const entries = Object.entries(raw.terms);
  if (entries.length > MAX_MODEL_TERMS) fail(`${entries.length} terms (at most ${MAX_MODEL_TERMS})`);
  const terms: Record<string, number> = {};
  for (const [t, v] of entries) {
    if (t.length === 0 || t.length > 60) fail(`a term of ${t.length} characters`);
    if (!finite(v)) fail(`term weight ${JSON.stringify(t.slice(0, 40))} must be a finite number`);
    terms[t] = v as number;
  }
  const model: LinearModel = { trainedOn: typeof raw.trainedOn === 'string' ? raw.trainedOn.slice(0, 500) : '', bias: raw.bias as number, dense, terms };
  if (raw.id !== undefined) {
    if (typeof raw.id !== 'string' || !MODEL_ID_RE.test(raw.id)) fail('"id" must be a short lowercase name such as "curator-3"');
    model.id = raw.id as string;
  }
  if (raw.share !== undefined) {
    if (!finite(raw.share) || (raw.share as number) < 0 || (raw.share as number) > 1) fail('"share" must be a number in 0..1');
    model.share = raw.share as number;
  }
  if (raw.calibration !== undefined) {
    const k = isObject(raw.calibration) ? raw.calibration.k : undefined;
    if (!finite(k) || (k as number) <= 0) fail('"calibration.k" must be a positive number');
    model.calibration = { k: k as number };
  }
  return model;
}
