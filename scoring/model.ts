// The trained topical model: logistic regression over a few dense (lexicon/structure) features
// and a few hundred stemmed terms (cosine-normalised log term frequencies). Trained in Node by
// `npm run train` (scoring/train/train.ts); applied here by a few lines of pure code.
import type { Features } from './features.ts';
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

const LEX_KEYS = LEXICON_NAMES.map((name) => [name, `lex_${name}`] as const);
/** The dense features' names, in the order denseFeatures() makes them (stored page vectors rely on it). */
export const DENSE_NAMES: readonly string[] = [...LEX_KEYS.map(([, key]) => key), 'mentor_density', 'words', 'prose', 'structure', 'ordered', 'resources', 'brand', 'place', 'mentor_side'];

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
  return predictVector(model, denseFeatures(f), f.stemCounts);
}

/**
 * The same from a page's stored vector (its dense features and the counts of all its stems, in the
 * page's order): bit for bit what predict() gives on the page itself.
 */
export function predictVector(model: LinearModel, dense: Record<string, number>, stemCounts: Map<string, number>): number {
  let z = model.bias;
  const pm = prepare(model);
  for (const [k, w] of pm.dense) z += w * (dense[k] ?? 0);
  const terms = pm.terms;
  let norm = 0;
  let dot = 0;
  for (const [t, c] of stemCounts) {
    const v = c < 256 ? LOG1P[c] : Math.log1p(c);
    norm += v * v;
    const w = terms.get(t);
    if (w !== undefined) dot += w * v;
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
