// Which model scored a page, in its scorerVersion (issue 11). The shipped model's version is as it
// always was, `2.0.0+<fnv1a(weights + lexicons)>`; a curator's model (trained by `mentor-radar train`)
// adds its id: `2.0.0+<fnv1a(its weights + lexicons)>.curator-3`. Every UI says it in words.
import { LEXICON_VERSION, LEXICONS } from './lexicons.ts';
import { fnv1a, type LinearModel } from './model.ts';

const SCORER_BASE = '2.0.0';
let lexiconText: string | undefined;
const versions = new WeakMap<LinearModel, string>();

/** The model as JSON with its fields in one order (a model read back from JSON hashes the same). */
export function modelJson(model: LinearModel): string {
  const { trainedOn, bias, dense, terms, calibration, id, share } = model;
  return JSON.stringify({ trainedOn, bias, dense, terms, calibration, id, share });
}

/** The scorerVersion of pages scored with `model` (cached per model object). */
export function scorerVersionOf(model: LinearModel): string {
  let v = versions.get(model);
  if (v === undefined) {
    lexiconText ??= LEXICON_VERSION + JSON.stringify(LEXICONS);
    v = `${SCORER_BASE}+${fnv1a(modelJson(model) + lexiconText)}${model.id ? `.${model.id}` : ''}`;
    versions.set(model, v);
  }
  return v;
}

/** The curator's model id a scorerVersion names ("curator-3"), or undefined for the shipped model. */
export function modelIdOf(scorerVersion: string): string | undefined {
  const m = /^\d+\.\d+\.\d+\+[0-9a-f]{8}\.([a-z][a-z0-9-]{0,39})$/.exec(scorerVersion);
  return m ? m[1] : undefined;
}

/** "the shipped model" or "your model curator-3": which model scored a page, in words. */
export function scorerModelLabel(scorerVersion: string): string {
  const id = modelIdOf(scorerVersion);
  return id ? `your model ${id}` : 'the shipped model';
}
