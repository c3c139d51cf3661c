// Learning from the curator (issue 11): the decisions are labels. `mentor-radar train` refits the
// topical model on the corpus plus the pages of the sites the curator decided (include and shortlist
// positive, exclude negative), from the vectors stored with the pages (no refetch). Pure: the crawler
// reads the store and the corpus, this decides what is learnt and how much it counts.
//
// How much a decision counts. A corpus document counts 1. A decided site counts SITE_WEIGHT (6) in
// all, shared by its pages (at most PAGES_PER_SITE of them, its best-scored non-thin ones), so a site
// of 40 pages teaches no more than a site of 4, and one decision moves the model about as much as six
// graded documents would. All decisions together count at most MAX_SHARE (half) of the corpus: beyond
// that each site's weight shrinks. So five decisions already matter (30 against the corpus's 81), and
// one mistaken decision is 6/81 of what the corpus says (less once there are more than six), not
// enough to swamp it. `npm run eval:learning` measured the choice (the README).
import { scoreSite, type ScoreSiteOptions } from '../site.ts';
import type { Decision, PageScore } from '../types.ts';
import type { LinearModel } from '../model.ts';
import { vectorScore, type PageVector } from '../vector.ts';
import { rocAuc } from './metrics.ts';
import { trainVectors, type TrainingExample } from './calibrate.ts';

export const SITE_WEIGHT = 6;
export const MAX_SHARE = 0.5;
export const PAGES_PER_SITE = 12;
/**
 * The model's say in a page's score (model.ts, `share`): 0.4 for the shipped model, rising with the
 * weight of the decisions to MODEL_SHARE_MAX once they count MAX_SHARE of the corpus. The lexicons
 * hear mentoring words; only the curator can say that a site full of them (a trading course sold as
 * "mentorship") is not what the roundup wants, or that one in a trade's own words is.
 */
export const MODEL_SHARE_BASE = 0.4;
export const MODEL_SHARE_MAX = 0.7;

export interface DecidedPage {
  page: PageScore;
  vector: PageVector;
}

export interface DecidedSite {
  site: string;
  decision: Exclude<Decision, 'undecided'>;
  /** The site's scored pages that have a vector. */
  pages: DecidedPage[];
}

export const isPositive = (d: Decision) => d === 'include' || d === 'shortlist';

/** The pages of a decided site that teach: its best-scored pages that are not thin, at most PAGES_PER_SITE. */
export function teachingPages(s: DecidedSite): DecidedPage[] {
  const full = s.pages.filter((p) => !p.page.flags.includes('thin'));
  const pool = full.length > 0 ? full : s.pages;
  return [...pool].sort((a, b) => b.page.score - a.page.score || (a.page.url < b.page.url ? -1 : 1)).slice(0, PAGES_PER_SITE);
}

/** A site's total weight when `n` sites are decided against a corpus of this weight. */
export function siteWeight(n: number, corpusWeight: number): number {
  return n === 0 ? 0 : Math.min(SITE_WEIGHT, (MAX_SHARE * corpusWeight) / n);
}

/** The decided sites' pages as weighted training examples (sites with no usable page are left out). */
export function curatorExamples(sites: DecidedSite[], corpusWeight: number): TrainingExample[] {
  const teaching = sites.map((s) => ({ y: isPositive(s.decision) ? 1 : 0, pages: teachingPages(s) })).filter((t) => t.pages.length > 0);
  const w = siteWeight(teaching.length, corpusWeight);
  return teaching.flatMap((t) => t.pages.map((p) => ({ vector: p.vector, y: t.y, weight: w / t.pages.length })));
}

const corpusWeightOf = (corpus: TrainingExample[]) => corpus.reduce((s, e) => s + e.weight, 0);

/** Vocabulary: the corpus's 300 stems, and room for a few more as decisions come in. */
function vocabSize(sites: number): number {
  return 300 + Math.min(100, 10 * sites);
}

/** The model trained on the corpus plus the decided sites. */
export function learnModel(corpus: TrainingExample[], sites: DecidedSite[], trainedOn = ''): LinearModel {
  const corpusWeight = corpusWeightOf(corpus);
  const curator = curatorExamples(sites, corpusWeight);
  const curatorWeight = curator.reduce((s, e) => s + e.weight, 0);
  const share = curator.length === 0 ? undefined : modelShare(curatorWeight, corpusWeight);
  return trainVectors([...corpus, ...curator], trainedOn, { vocabSize: vocabSize(sites.length), share });
}

/** The model's share of the score once decisions of this weight are learnt (see MODEL_SHARE_MAX). */
export function modelShare(curatorWeight: number, corpusWeight: number): number {
  const evidence = Math.min(1, curatorWeight / (MAX_SHARE * corpusWeight || 1));
  return Math.round((MODEL_SHARE_BASE + (MODEL_SHARE_MAX - MODEL_SHARE_BASE) * evidence) * 1000) / 1000;
}

export interface StemMove {
  stem: string;
  before: number;
  after: number;
}

/** The stems whose weight rose most (gained) and fell most (lost) from one model to the next. */
export function modelMoves(before: LinearModel, after: LinearModel, n = 10): { gained: StemMove[]; lost: StemMove[] } {
  const stems = new Set([...Object.keys(before.terms), ...Object.keys(after.terms)]);
  const moves = [...stems].map((stem) => ({ stem, before: before.terms[stem] ?? 0, after: after.terms[stem] ?? 0 }));
  const delta = (m: StemMove) => m.after - m.before;
  const byDelta = (a: StemMove, b: StemMove) => delta(b) - delta(a) || (a.stem < b.stem ? -1 : 1);
  return {
    gained: moves.filter((m) => delta(m) > 1e-3).sort(byDelta).slice(0, n),
    lost: moves.filter((m) => delta(m) < -1e-3).sort((a, b) => byDelta(b, a)).slice(0, n),
  };
}

/** A site's score under `model`, re-aggregated from its pages' vectors (pages without one keep theirs). */
export function siteScoreUnder(pages: DecidedPage[], model: LinearModel, opts: ScoreSiteOptions = {}): number {
  return scoreSite(
    pages.map((p) => ({ ...p.page, score: vectorScore(p.vector, model) })),
    opts,
  ).score;
}

/** Deterministic folds per label: within each label (in the given order), fold = index mod k. */
function labelFolds(labels: boolean[], k: number): number[] {
  const seen = [0, 0];
  return labels.map((l) => seen[l ? 1 : 0]++ % k);
}

export interface CrossValidation {
  /** Corpus, 5-fold stratified: ROC AUC of grade >= 1 vs 0 trained on the corpus alone, then with the decisions. */
  corpus?: { before: number; after: number; documents: number };
  /** Decided sites, k-fold by site: site-score ROC AUC of included/shortlisted vs excluded, before (corpus alone) and after (corpus + the other folds' decisions). */
  sites?: { before: number; after: number; positives: number; negatives: number; folds: number };
}

/**
 * The AUC by cross-validation before and after learning the decisions: no document or site is scored
 * by a model that saw it. Needs a graded corpus for the first and an included and an excluded site
 * for the second (each is left out otherwise).
 */
export function crossValidate(corpus: TrainingExample[], sites: DecidedSite[], k = 5): CrossValidation {
  const out: CrossValidation = {};
  const graded = corpus.filter((e) => e.grade !== undefined);
  const grades = graded.map((e) => e.grade as number);
  if (grades.some((g) => g >= 1) && grades.some((g) => g === 0)) {
    const seen = new Map<number, number>();
    const folds = grades.map((g) => {
      const i = seen.get(g) ?? 0;
      seen.set(g, i + 1);
      return i % k;
    });
    const before = new Array<number>(graded.length);
    const after = new Array<number>(graded.length);
    for (let f = 0; f < k; f++) {
      const train = graded.filter((_, i) => folds[i] !== f);
      const mBefore = learnModel(train, []);
      const mAfter = learnModel(train, sites);
      graded.forEach((e, i) => {
        if (folds[i] !== f) return;
        before[i] = vectorScore(e.vector, mBefore);
        after[i] = vectorScore(e.vector, mAfter);
      });
    }
    const auc = (s: number[]) => rocAuc(s.filter((_, i) => grades[i] >= 1), s.filter((_, i) => grades[i] === 0));
    out.corpus = { before: auc(before), after: auc(after), documents: graded.length };
  }
  const usable = sites.filter((s) => s.pages.length > 0);
  const labels = usable.map((s) => isPositive(s.decision));
  const positives = labels.filter(Boolean).length;
  const negatives = labels.length - positives;
  if (positives > 0 && negatives > 0) {
    const kk = Math.max(2, Math.min(k, usable.length));
    const folds = labelFolds(labels, kk);
    const base = learnModel(corpus, []);
    const before: number[] = [];
    const after: number[] = [];
    for (let f = 0; f < kk; f++) {
      if (!folds.includes(f)) continue;
      const model = learnModel(
        corpus,
        usable.filter((_, i) => folds[i] !== f),
      );
      usable.forEach((s, i) => {
        if (folds[i] !== f) return;
        before[i] = siteScoreUnder(s.pages, base);
        after[i] = siteScoreUnder(s.pages, model);
      });
    }
    const auc = (s: number[]) => rocAuc(s.filter((_, i) => labels[i]), s.filter((_, i) => !labels[i]));
    out.sites = { before: auc(before), after: auc(after), positives, negatives, folds: kk };
  }
  return out;
}
