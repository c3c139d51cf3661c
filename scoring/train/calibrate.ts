// The scorer as trained on a set of documents: the logistic model (lr.ts), then the calibration of
// raw scores so that they read as meant (model.ts, calibrate): k such that the training documents'
// median practical guide (grade 2) reads 75. Used by `npm run train`, per fold by the evaluation,
// and by `mentor-radar train` (learn.ts) on the corpus plus the curator's decided pages.
import { scoreAnalysedParts, type PageAnalysis } from '../page.ts';
import type { LinearModel } from '../model.ts';
import { vectorOf, vectorScore, type PageVector } from '../vector.ts';
import { quantile } from './metrics.ts';
import { trainModel, type TrainOptions } from './lr.ts';

export interface LabelledAnalysis {
  url: string;
  html: string;
  grade: number;
  analysis: PageAnalysis;
}

/** One training document as a vector: its target, its weight, and its grade when it calibrates. */
export interface TrainingExample {
  vector: PageVector;
  /** Target in [0, 1]. */
  y: number;
  weight: number;
  /** The corpus grade (0, 1, 2): only graded documents fit the calibration. */
  grade?: number;
}

/** The year the corpus is scored against when trained (freshness is part of a page's raw score). */
export const TRAINING_YEAR = 2026;

/** A corpus document's vector, scored against the training year. */
export function corpusVector(d: LabelledAnalysis): PageVector {
  return vectorOf(d.analysis, scoreAnalysedParts({ url: d.url, html: d.html, roundupYear: TRAINING_YEAR }, d.analysis, { trainedOn: '', bias: 0, dense: {}, terms: {} }).parts);
}

export function fitCalibration(raw: number[], grades: number[]): { k: number } {
  const median2 = quantile(raw.filter((_, i) => grades[i] === 2), 0.5);
  return { k: Math.round((Number.isFinite(median2) && median2 > 0 ? median2 / Math.log(4) : 1) * 10000) / 10000 };
}

/**
 * Trains on the examples; the calibration is fitted on the graded ones (the corpus) only, with the
 * model's `share` of the score when one is given (model.ts).
 */
export function trainVectors(examples: TrainingExample[], trainedOn = '', opts: TrainOptions & { share?: number } = {}): LinearModel {
  const { share, ...lrOptions } = opts;
  const trained = trainModel(
    examples.map((e) => ({ dense: e.vector.dense, stems: e.vector.stems, y: e.y, weight: e.weight })),
    lrOptions,
    trainedOn,
  );
  const model: LinearModel = share === undefined ? trained : { ...trained, share };
  const plain: LinearModel = { ...model, calibration: undefined };
  const graded = examples.filter((e) => e.grade !== undefined);
  const raw = graded.map((e) => vectorScore(e.vector, plain) / 100);
  return { ...model, calibration: fitCalibration(raw, graded.map((e) => e.grade as number)) };
}

export function corpusExamples(docs: LabelledAnalysis[]): TrainingExample[] {
  return docs.map((d) => ({ vector: corpusVector(d), y: d.grade / 2, weight: 1, grade: d.grade }));
}

export function trainScorer(docs: LabelledAnalysis[], trainedOn = ''): LinearModel {
  return trainVectors(corpusExamples(docs), trainedOn);
}
