// `mentor-radar train` on a store (issue 11): the curator's decided sites' stored page vectors and the
// graded corpus (scoring/train/learn.ts says how they are weighted), a new model saved in the store,
// then every page that has a vector re-scored by it and its site re-aggregated, without a fetch.
// `train --reset` does the last part with the shipped model.
import { normalisePageUrl } from '../scoring/index.ts';
import { MODEL, type LinearModel } from '../scoring/model.ts';
import { scorerVersionOf } from '../scoring/model-version.ts';
import { rescorePage } from '../scoring/vector.ts';
import { analysePage } from '../scoring/page.ts';
import { corpusExamples, type TrainingExample } from '../scoring/train/calibrate.ts';
import { corpusAvailable, loadCorpus } from '../scoring/train/corpus.ts';
import { crossValidate, learnModel, modelMoves, teachingPages, type CrossValidation, type DecidedSite, type StemMove } from '../scoring/train/learn.ts';
import type { ActiveModel, Store } from './store/index.ts';

/** Pages per transaction while re-scoring (a crawl writing meanwhile waits at most this long). */
const BATCH = 500;

export class TrainError extends Error {
  override name = 'TrainError';
}

export interface DecidedSummary {
  include: number;
  shortlist: number;
  exclude: number;
  /** Decided sites with at least one page that has a vector. */
  sitesUsed: number;
  /** Pages that teach (teachingPages). */
  pagesUsed: number;
  /** Pages of decided sites with no vector: scored before vectors were kept (or by another scorer version). */
  pagesWithoutVector: number;
  /** Decided sites none of whose pages has a vector (a bookmark or import only, or scored before). */
  sitesWithoutVector: string[];
}

export interface RescoreSummary {
  pages: number;
  /** Scored pages with no vector: they keep their score. */
  withoutVector: number;
  sites: number;
}

export interface TrainResult {
  version: number;
  model: LinearModel;
  scorerVersion: string;
  before: { scorerVersion: string; kind: 'curator' | 'shipped'; version?: number };
  corpus: { documents: number; dir: string };
  decided: DecidedSummary;
  moves: { gained: StemMove[]; lost: StemMove[] };
  crossValidation?: CrossValidation;
  rescored: RescoreSummary;
}

/** The decided sites with their pages' vectors, and what could not be used. */
export function decidedSites(store: Store): { sites: DecidedSite[]; summary: DecidedSummary } {
  const summary: DecidedSummary = { include: 0, shortlist: 0, exclude: 0, sitesUsed: 0, pagesUsed: 0, pagesWithoutVector: 0, sitesWithoutVector: [] };
  const sites: DecidedSite[] = [];
  for (const { site, decision } of store.decisions()) {
    summary[decision]++;
    // A page the curator removed from the site (a tombstone in the site's union of pages) does not teach.
    const removed = new Set(store.sitePages(site).filter((p) => p.removedAt).map((p) => p.url));
    const pages = store.vectorPagesOfSite(site).filter((p) => !removed.has(normalisePageUrl(p.page.finalUrl || p.url) ?? p.url));
    const usable = pages.filter((p) => p.vector).map((p) => ({ page: p.page, vector: p.vector! }));
    summary.pagesWithoutVector += pages.length - usable.length;
    if (usable.length === 0) {
      summary.sitesWithoutVector.push(site);
      continue;
    }
    const s: DecidedSite = { site, decision, pages: usable };
    summary.sitesUsed++;
    summary.pagesUsed += teachingPages(s).length;
    sites.push(s);
  }
  return { sites, summary };
}

/** The graded corpus as training examples (read in place; see scoring/train/corpus.ts). */
export function corpusTraining(dir: string): TrainingExample[] {
  if (!corpusAvailable(dir)) throw new TrainError(`no graded corpus at ${dir} (labels.csv and pages/): pass --corpus DIR or set MENTOR_RADAR_CORPUS`);
  const docs = loadCorpus(dir).map((d) => ({ url: d.url, html: d.html, grade: d.grade, analysis: analysePage(d) }));
  return corpusExamples(docs);
}

/**
 * Every crawled page with a vector re-scored by `model` (taken into use at `at`), and the sites
 * whose pages changed re-computed from the union of their pages (store/site-pages.ts). The records
 * imports and sync brought (`site_pages`: bookmarks, another store's crawl) have no vector here and
 * keep their score: the extension re-scores its bookmarks when it takes the model at its next sync
 * and sends them back.
 */
export function rescoreStore(store: Store, model: LinearModel, at = new Date().toISOString()): RescoreSummary {
  const out: RescoreSummary = { pages: 0, withoutVector: 0, sites: 0 };
  const sites = new Set<string>();
  for (let after = 0; ; ) {
    const batch = store.scoredPagesAfter(after, BATCH);
    if (batch.length === 0) break;
    after = batch[batch.length - 1].rowid;
    store.transaction(() => {
      for (const p of batch) {
        if (!p.vector) {
          out.withoutVector++;
          continue;
        }
        // Stamped with the model's time (`at`: when the store took it into use): the page record keeps
        // the time it was read, and this re-score wins over any copy of the page scored by an older model.
        const next = rescorePage(p.page, p.vector, model, at);
        if (next.score === p.page.score && next.scorerVersion === p.page.scorerVersion) continue;
        store.updatePageScore(p.url, next);
        out.pages++;
        sites.add(p.site);
      }
    });
  }
  const list = [...sites].sort();
  for (let i = 0; i < list.length; i += BATCH / 5) store.transaction(() => list.slice(i, i + BATCH / 5).forEach((s) => store.reaggregateSite(s, at)));
  out.sites = list.length;
  return out;
}

function beforeOf(active: ActiveModel): TrainResult['before'] {
  return { scorerVersion: active.scorerVersion, kind: active.kind, ...(active.version !== undefined ? { version: active.version } : {}) };
}

export interface TrainOptions {
  corpusDir: string;
  /** Cross-validate before/after (a few seconds; default true). */
  crossValidate?: boolean;
  at?: string;
}

/** Trains a model on the corpus and the store's decisions, saves it as the store's model and re-scores the store. */
export function trainStore(store: Store, opts: TrainOptions): TrainResult {
  const at = opts.at ?? new Date().toISOString();
  const corpus = corpusTraining(opts.corpusDir);
  const { sites, summary } = decidedSites(store);
  if (sites.length === 0) {
    const why = summary.include + summary.shortlist + summary.exclude === 0 ? 'no site is decided yet' : `none of the ${summary.sitesWithoutVector.length} decided sites has a page with stored features (crawl them first)`;
    throw new TrainError(`nothing to learn from: ${why} (decide sites with "mentor-radar decide SITE --decision include|shortlist|exclude")`);
  }
  const before = store.activeModel();
  const version = store.nextModelVersion();
  const trainedOn = `logistic regression on ${corpus.length} corpus documents and ${summary.sitesUsed} decided sites (${summary.pagesUsed} pages: include ${summary.include}, shortlist ${summary.shortlist}, exclude ${summary.exclude}); calibrated on the corpus`;
  const model: LinearModel = { id: `curator-${version}`, ...learnModel(corpus, sites, trainedOn) };
  const result: TrainResult = {
    version,
    model,
    scorerVersion: scorerVersionOf(model),
    before: beforeOf(before),
    corpus: { documents: corpus.length, dir: opts.corpusDir },
    decided: summary,
    moves: modelMoves(before.model, model),
    rescored: { pages: 0, withoutVector: 0, sites: 0 },
  };
  if (opts.crossValidate !== false) result.crossValidation = crossValidate(corpus, sites);
  const { model: _m, ...report } = result;
  store.saveModel(version, model, at, report);
  result.rescored = rescoreStore(store, model, at);
  return result;
}

/** Back to the shipped model (a new model row of kind 'shipped'), the store re-scored with it. */
export function resetStore(store: Store, at = new Date().toISOString()): { version: number; before: TrainResult['before']; scorerVersion: string; rescored: RescoreSummary } {
  const before = beforeOf(store.activeModel());
  const version = store.nextModelVersion();
  store.saveModel(version, undefined, at, { reset: true });
  return { version, before, scorerVersion: scorerVersionOf(MODEL), rescored: rescoreStore(store, MODEL, at) };
}
