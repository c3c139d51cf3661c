// A page's vector (issue 11): what the model reads of a page (its dense features and the counts of
// all its stems) and the model-independent parts of its score. Kept beside every scored page (the
// store, IndexedDB), it lets another model re-score the page, and `train` learn from it, without
// the page's HTML. Encoded as compact JSON text (~3 KB a page; the crawler deflates it).
import type { PageScore } from './types.ts';
import { analysePage, scoreAnalysedParts, type PageAnalysis, type ScorePageInput } from './page.ts';
import { DENSE_NAMES, MODEL, combineScore, denseFeatures, fnv1a, predictVector, stemCountMap, type LinearModel, type ScoreParts } from './model.ts';
import { LEXICON_VERSION } from './lexicons.ts';
import { scorerVersionOf } from './model-version.ts';

export interface PageVector {
  parts: ScoreParts;
  /** denseFeatures() of the page. */
  dense: Record<string, number>;
  /** Every stem of the page with its count, in the page's order (predict's sums depend on it). */
  stems: Map<string, number>;
}

/**
 * What a stored vector was made with: the dense features' names and the lexicons. A vector of another
 * version reads differently, so it is not used (decodeVector returns undefined).
 */
export const VECTOR_VERSION = `v1.${fnv1a(DENSE_NAMES.join(',') + LEXICON_VERSION)}`;

export function vectorOf(a: PageAnalysis, parts: ScoreParts): PageVector {
  return { parts, dense: denseFeatures(a.features), stems: stemCountMap(a.features.terms) };
}

/** scorePage with a given model (default: the shipped one), and the page's vector. */
export function scorePageWithVector(input: ScorePageInput, model: LinearModel = MODEL): { page: PageScore; vector: PageVector } {
  const analysis = analysePage(input);
  const { page, parts } = scoreAnalysedParts(input, analysis, model);
  return { page, vector: vectorOf(analysis, parts) };
}

/** The 0..100 score `model` gives the page of this vector (exactly what scoring the HTML would give). */
export function vectorScore(v: PageVector, model: LinearModel): number {
  return combineScore(v.parts, predictVector(model, v.dense, v.stems), model);
}

/**
 * A stored page re-scored by `model` from its vector: only the score and scorerVersion change, and,
 * given the time of the model (`modelAt`: when it was taken into use), `rescoredAt` says so — a
 * page record (site-pages.ts) keeps `scoredAt`, the time the page was read, and of two records of
 * one reading the later model's wins.
 */
export function rescorePage<P extends PageScore>(page: P, v: PageVector, model: LinearModel, modelAt?: string): P & { rescoredAt?: string } {
  return { ...page, score: vectorScore(v, model), scorerVersion: scorerVersionOf(model), ...(modelAt ? { rescoredAt: modelAt } : {}) };
}

interface Encoded {
  v: string;
  p: [number, number, number];
  q: number[];
  d: number[];
  s: string;
  c: number[];
}

/** The vector as compact text (numbers written exactly; stems never contain spaces). */
export function encodeVector(v: PageVector): string {
  const stems: string[] = [];
  const counts: number[] = [];
  for (const [t, c] of v.stems) {
    stems.push(t);
    counts.push(c);
  }
  const e: Encoded = { v: VECTOR_VERSION, p: [v.parts.lex, v.parts.gate, v.parts.fresh], q: v.parts.pens, d: DENSE_NAMES.map((n) => v.dense[n] ?? 0), s: stems.join(' '), c: counts };
  return JSON.stringify(e);
}

const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const nums = (x: unknown, len?: number): x is number[] => Array.isArray(x) && (len === undefined || x.length === len) && x.every(isNum);

/** A vector from its text, or undefined when it is not one of this version (or not a vector at all). */
export function decodeVector(text: unknown): PageVector | undefined {
  if (typeof text !== 'string' || text.length > 2_000_000) return undefined;
  let e: Partial<Encoded>;
  try {
    e = JSON.parse(text) as Partial<Encoded>;
  } catch {
    return undefined;
  }
  if (!e || e.v !== VECTOR_VERSION || !nums(e.p, 3) || !nums(e.q) || !nums(e.d, DENSE_NAMES.length) || typeof e.s !== 'string' || !nums(e.c)) return undefined;
  const stems = e.s ? e.s.split(' ') : [];
  if (stems.length !== e.c.length) return undefined;
  const dense: Record<string, number> = {};
  DENSE_NAMES.forEach((n, i) => (dense[n] = (e.d as number[])[i]));
  const m = new Map<string, number>();
  stems.forEach((t, i) => m.set(t, (e.c as number[])[i]));
  return { parts: { lex: e.p[0], gate: e.p[1], fresh: e.p[2], pens: e.q }, dense, stems: m };
}
