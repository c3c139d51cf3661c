// Page vectors and model versions (issue 11): a stored vector re-scores its page exactly as scoring
// the HTML would, under any model; a model read back from JSON names the same scorerVersion; a
// malformed model is refused with a reason.
import { describe, expect, it } from 'vitest';
import { MODEL, ModelError, parseModel, type LinearModel } from '../../scoring/model.ts';
import { modelIdOf, modelJson, scorerModelLabel, scorerVersionOf } from '../../scoring/model-version.ts';
import { analysePage, scoreAnalysed, scorePage, SCORER_VERSION } from '../../scoring/page.ts';
import { VECTOR_VERSION, decodeVector, encodeVector, rescorePage, scorePageWithVector, vectorScore } from '../../scoring/vector.ts';
import { crawlStatusText, parseCrawlStatus } from '../../scoring/crawl-status.ts';
import { MANIFEST, fixture } from './helpers.ts';

/** Another model: the shipped one with its term weights turned around and a curator's id. */
const other: LinearModel = {
  ...MODEL,
  id: 'curator-7',
  share: 0.65,
  bias: MODEL.bias + 0.5,
  terms: Object.fromEntries(Object.entries(MODEL.terms).map(([t, w]) => [t, -w])),
};

describe('page vectors', () => {
  it('re-score every fixture page exactly as scoring its HTML does, with the shipped model and another one', () => {
    for (const m of MANIFEST) {
      const input = { ...fixture(m.file), roundupYear: 2026 };
      const { page, vector } = scorePageWithVector(input);
      const decoded = decodeVector(encodeVector(vector));
      expect(decoded, m.file).toBeDefined();
      expect(vectorScore(decoded!, MODEL), m.file).toBe(scorePage(input).score);
      expect(page).toEqual(scorePage(input));
      const byHtml = scoreAnalysed(input, analysePage(input), other);
      const byVector = rescorePage(page, decoded!, other);
      expect(byVector.score, m.file).toBe(byHtml.score);
      expect(byVector.scorerVersion).toBe(byHtml.scorerVersion);
      expect({ ...byVector, score: 0, scorerVersion: '' }).toEqual({ ...page, score: 0, scorerVersion: '' });
    }
  });

  it('is compact text (a few KB) and nothing but a vector of this version decodes', () => {
    const { vector } = scorePageWithVector(fixture('en-mentor-guide.html'));
    const text = encodeVector(vector);
    expect(text.length).toBeLessThan(8000);
    expect(JSON.parse(text).v).toBe(VECTOR_VERSION);
    for (const bad of ['', 'null', '{}', '[1,2]', text.replace(VECTOR_VERSION, 'v0.00000000'), text.replace('"c":[', '"c":["x",'), 'x'.repeat(100), 42, undefined]) {
      expect(decodeVector(bad)).toBeUndefined();
    }
  });
});

describe('model versions', () => {
  it('the shipped model keeps its scorerVersion; a curator model names itself', () => {
    expect(scorerVersionOf(MODEL)).toBe(SCORER_VERSION);
    expect(modelIdOf(SCORER_VERSION)).toBeUndefined();
    const v = scorerVersionOf(other);
    expect(v).toMatch(/^2\.0\.0\+[0-9a-f]{8}\.curator-7$/);
    expect(modelIdOf(v)).toBe('curator-7');
    expect(scorerModelLabel(v)).toBe('your model curator-7');
    expect(scorerModelLabel(SCORER_VERSION)).toBe('the shipped model');
    // Any weight changes it.
    expect(scorerVersionOf({ ...other, bias: other.bias + 0.001 })).not.toBe(v);
  });

  it('a model read back from JSON (any key order) has the same scorerVersion and scores the same', () => {
    const back = parseModel(JSON.parse(JSON.stringify({ calibration: other.calibration, id: other.id, share: other.share, terms: other.terms, dense: other.dense, bias: other.bias, trainedOn: other.trainedOn })));
    expect(scorerVersionOf(back)).toBe(scorerVersionOf(other));
    expect(modelJson(back)).toBe(modelJson(other));
    const input = fixture('sv-mentor-guide.html');
    expect(scoreAnalysed(input, analysePage(input), back).score).toBe(scoreAnalysed(input, analysePage(input), other).score);
  });

  it('refuses a malformed model with a reason', () => {
    const cases: [unknown, RegExp][] = [
      [null, /not an object/],
      [[], /not an object/],
      [{ ...MODEL, bias: 'x' }, /bias/],
      [{ ...MODEL, bias: Infinity }, /bias/],
      [{ ...MODEL, dense: { lex_core: 1, some_new_feature: 1 } }, /unknown dense feature/],
      [{ ...MODEL, dense: { lex_core: 'big' } }, /dense weight lex_core/],
      [{ ...MODEL, terms: [] }, /terms/],
      [{ ...MODEL, terms: { mentor: null } }, /term weight "mentor"/],
      [{ ...MODEL, terms: Object.fromEntries(Array.from({ length: 20_001 }, (_, i) => [`t${i}`, 0.1])) }, /20001 terms/],
      [{ ...MODEL, calibration: { k: -1 } }, /calibration/],
      [{ ...MODEL, share: 2 }, /share/],
      [{ ...MODEL, id: 'Robert"); DROP' }, /id/],
    ];
    for (const [raw, why] of cases) {
      expect(() => parseModel(raw)).toThrow(ModelError);
      expect(() => parseModel(raw)).toThrow(why);
    }
  });
});

describe('crawl status', () => {
  it('reads only well-formed statuses and says them in words', () => {
    expect(crawlStatusText(parseCrawlStatus({ state: 'queued', queuedAt: '2026-05-01T10:00:00.000Z' })!)).toBe('Crawl queued');
    expect(crawlStatusText(parseCrawlStatus({ state: 'crawled', pages: 14, at: '2026-05-02T03:00:00.000Z' })!)).toBe('Crawled 14 pages on 2026-05-02');
    expect(crawlStatusText({ state: 'crawled', pages: 1, at: '2026-05-02T03:00:00.000Z' })).toBe('Crawled 1 page on 2026-05-02');
    for (const bad of [null, 'queued', { state: 'queued' }, { state: 'crawled', pages: -1, at: '2026-05-02' }, { state: 'crawled', pages: 1.5, at: '2026-05-02' }, { state: 'crawled', pages: 3, at: 'yesterday' }, { state: 'done' }]) {
      expect(parseCrawlStatus(bad)).toBeUndefined();
    }
  });
});
