// The scorer as trained on a set of documents: the logistic model (lr.ts), then the calibration of
// raw scores so that they read as meant (model.ts, calibrate): k such that the training documents'
// median practical guide (grade 2) reads 75. Used by `npm run train` and, per fold, by the evaluation.
import { scoreAnalysed, type PageAnalysis } from '../page.ts';
import type { LinearModel } from '../model.ts';
import { quantile } from './metrics.ts';
import { trainModel } from './lr.ts';

export interface LabelledAnalysis {
  url: string;
  html: string;
  grade: number;
  analysis: PageAnalysis;
}

/** Raw scores in [0, 1] of the documents under `model` without calibration. */
function rawScores(docs: LabelledAnalysis[], model: LinearModel): number[] {
  const plain: LinearModel = { ...model, calibration: undefined };
  return docs.map((d) => scoreAnalysed({ url: d.url, html: d.html, roundupYear: 2026 }, d.analysis, plain).score / 100);
}

export function fitCalibration(raw: number[], grades: number[]): { k: number } {
  const median2 = quantile(raw.filter((_, i) => grades[i] === 2), 0.5);
  return { k: Math.round((Number.isFinite(median2) && median2 > 0 ? median2 / Math.log(4) : 1) * 10000) / 10000 };
}

export function trainScorer(docs: LabelledAnalysis[], trainedOn = ''): LinearModel {
  const model = trainModel(docs.map((d) => ({ features: d.analysis.features, y: d.grade / 2 })), {}, trainedOn);
  return { ...model, calibration: fitCalibration(rawScores(docs, model), docs.map((d) => d.grade)) };
}
