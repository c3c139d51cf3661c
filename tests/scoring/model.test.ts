import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { MODEL, denseFeatures, fnv1a, predict, predictVector, sigmoid, stemCountMap, type LinearModel } from '../../scoring/model.ts';
import { analysePage } from '../../scoring/page.ts';
import { trainModel } from '../../scoring/train/lr.ts';
import { mentorDensity, ndcgAt, precisionAt, rocAuc, stratifiedFolds } from '../../scoring/train/metrics.ts';
import { MANIFEST, fixture } from './helpers.ts';

const feats = (file: string) => analysePage(fixture(file)).features;

describe('the shipped model', () => {
  it('is small JSON with dense and term weights', () => {
    const text = readFileSync(resolve(import.meta.dirname, '..', '..', 'scoring', 'model-weights.json'), 'utf8');
    expect(text.length).toBeLessThan(20_000);
    expect(Object.keys(MODEL.terms).length).toBeGreaterThan(50);
    expect(Object.keys(MODEL.terms).length).toBeLessThanOrEqual(400);
    expect(Object.keys(MODEL.dense)).toContain('lex_core');
    expect(MODEL.dense.lex_core).toBeGreaterThan(0);
  });

  it('predicts higher for mentoring guides than for near misses', () => {
    const pos = MANIFEST.filter((m) => m.positive).map((m) => predict(MODEL, feats(m.file)));
    const neg = MANIFEST.filter((m) => !m.positive && m.file !== 'keyword-spam.html').map((m) => predict(MODEL, feats(m.file)));
    expect(Math.min(...pos)).toBeGreaterThan(Math.max(...neg));
  });

  it('a model with no weights predicts sigmoid(bias)', () => {
    const m: LinearModel = { trainedOn: '', bias: 0.3, dense: {}, terms: {} };
    expect(predict(m, feats('keyword-spam.html'))).toBeCloseTo(sigmoid(0.3), 12);
    expect(sigmoid(-1000)).toBe(0);
    expect(sigmoid(1000)).toBe(1);
  });

  it('fnv1a is a stable 8-hex-digit hash that changes with its input', () => {
    expect(fnv1a('')).toBe('811c9dc5');
    expect(fnv1a('a')).toBe('e40c292c');
    expect(fnv1a(JSON.stringify({ ...MODEL, bias: MODEL.bias + 1 }))).not.toBe(fnv1a(JSON.stringify(MODEL)));
  });
});

describe('training', () => {
  const docs = MANIFEST.map((m) => {
    const f = feats(m.file);
    return { dense: denseFeatures(f), stems: stemCountMap(f.terms), y: m.positive ? 1 : 0 };
  });

  it('is deterministic and separates its training data', () => {
    const a = trainModel(docs, { minDf: 1, vocabSize: 50, iterations: 400 });
    const b = trainModel(docs, { minDf: 1, vocabSize: 50, iterations: 400 });
    expect(b).toEqual(a);
    const p = docs.map((d) => predictVector(a, d.dense, d.stems));
    const pos = p.filter((_, i) => docs[i].y === 1);
    const neg = p.filter((_, i) => docs[i].y === 0);
    expect(Math.min(...pos)).toBeGreaterThan(Math.max(...neg));
  });
});

describe('evaluation metrics', () => {
  it('ROC AUC counts ordered pairs, ties half', () => {
    expect(rocAuc([3, 4], [1, 2])).toBe(1);
    expect(rocAuc([1], [2])).toBe(0);
    expect(rocAuc([2], [2])).toBe(0.5);
    expect(rocAuc([], [1])).toBeNaN();
  });
  it('precision@k and NDCG@k', () => {
    const items = [
      { score: 9, grade: 2 },
      { score: 8, grade: 0 },
      { score: 7, grade: 1 },
      { score: 1, grade: 2 },
    ];
    expect(precisionAt(items, 2)).toBe(0.5);
    expect(ndcgAt(items.map((i) => ({ ...i, score: i.grade })), 4)).toBeCloseTo(1, 12);
    expect(ndcgAt(items, 4)).toBeLessThan(1);
  });
  it('stratified folds spread every grade over the folds, deterministically', () => {
    const grades = [2, 2, 2, 2, 2, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1];
    const f = stratifiedFolds(grades, 5);
    expect(f).toEqual([0, 1, 2, 3, 4, 0, 1, 2, 3, 4, 0, 1, 2, 3, 4]);
  });
  it('the baseline is the density of words starting with "mentor"', () => {
    expect(mentorDensity('Mentors and mentoring: a mentee')).toBeCloseTo(2 / 5, 12);
    expect(mentorDensity('')).toBe(0);
  });
});
