// `npm run eval:learning`: does learning from the curator's decisions help, measured (issue 11)?
// A simulated curator on a labelled web (learning-web.ts: sites whose relevance the shipped model
// partly gets wrong) reveals the labels of 0, 5, 10 and 20 sites in a random order, the model is
// retrained on the corpus plus those decisions (learn.ts, as `mentor-radar train` does), and the
// sites not yet decided are ranked: NDCG@10 and ROC AUC (grade 2 vs 0) on them after each step, the
// mean over several orders. The sites evaluated at a step are never the ones trained on at that step.
// Options: --orders N (default 5), --json.
import { analysePage, scoreAnalysedParts } from '../page.ts';
import { MODEL } from '../model.ts';
import { vectorOf } from '../vector.ts';
import { corpusAvailable, corpusDir, loadCorpus, loadFixtures } from './corpus.ts';
import { corpusExamples, TRAINING_YEAR, type TrainingExample } from './calibrate.ts';
import { learnModel, siteScoreUnder, type DecidedSite } from './learn.ts';
import { learningWeb, prng, type WebSite } from './learning-web.ts';
import { ndcgAt, rocAuc } from './metrics.ts';

export const STEPS = [0, 5, 10, 20];

export interface LearningStep {
  decided: number;
  evaluated: number;
  ndcgAt10: number;
  auc: number;
  /** Mean site score per kind of the undecided sites. */
  byKind: Record<string, number>;
}

/** The base corpus: the graded corpus when it is there, else the out-of-corpus fixture pages (guides 2, near misses 0). */
export function baseCorpus(): { name: string; examples: TrainingExample[] } {
  const dir = corpusDir();
  if (corpusAvailable(dir)) {
    const docs = loadCorpus(dir).map((d) => ({ url: d.url, html: d.html, grade: d.grade, analysis: analysePage(d) }));
    return { name: `the corpus (${docs.length} graded documents, ${dir})`, examples: corpusExamples(docs) };
  }
  const docs = loadFixtures().map((f) => ({ url: f.url, html: f.html, grade: f.positive ? 2 : 0, analysis: analysePage(f) }));
  return { name: `the fixture pages (${docs.length}; no corpus at ${dir})`, examples: corpusExamples(docs) };
}

type Labelled = DecidedSite & { grade: 0 | 2; kind: string };

function analyseWeb(web: WebSite[]): Labelled[] {
  return web.map((s) => ({
    site: s.site,
    kind: s.kind,
    grade: s.grade,
    decision: s.grade === 2 ? 'include' : 'exclude',
    pages: s.pages.map((p) => {
      const input = { url: p.url, html: p.html, roundupYear: TRAINING_YEAR };
      const a = analysePage(input);
      const { page, parts } = scoreAnalysedParts(input, a, MODEL);
      return { page, vector: vectorOf(a, parts) };
    }),
  }));
}

function shuffled<T>(xs: T[], seed: number): T[] {
  const rnd = prng(seed);
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Half of each kind's sites, chosen by the order's seed: the sites a simulated curator never decides. */
function heldOut(sites: Labelled[], order: number): Set<string> {
  const out = new Set<string>();
  for (const kind of new Set(sites.map((s) => s.kind))) {
    const of = shuffled(
      sites.filter((s) => s.kind === kind),
      2000 + order,
    );
    for (const s of of.slice(0, Math.floor(of.length / 2))) out.add(s.site);
  }
  return out;
}

function measure(rest: Labelled[], model: ReturnType<typeof learnModel>) {
  const scored = rest.map((s) => ({ kind: s.kind, grade: s.grade, score: siteScoreUnder(s.pages, model, { roundupYear: TRAINING_YEAR }) }));
  const byKind: Record<string, number> = {};
  for (const kind of new Set(scored.map((s) => s.kind))) {
    const xs = scored.filter((s) => s.kind === kind).map((s) => s.score);
    byKind[kind] = xs.reduce((a, b) => a + b, 0) / xs.length;
  }
  const pos = scored.filter((s) => s.grade === 2).map((s) => s.score);
  const neg = scored.filter((s) => s.grade === 0).map((s) => s.score);
  return { evaluated: rest.length, ndcgAt10: ndcgAt(scored, 10), auc: rocAuc(pos, neg), byKind };
}

/**
 * One simulated curator: half the sites are held out (never decided); the curator reveals the
 * others in a random order, the model is retrained at each step, and both the held-out sites and
 * every site not yet decided are measured.
 */
export function simulate(corpus: TrainingExample[], sites: Labelled[], order: number, steps = STEPS): { heldOut: LearningStep[]; undecided: LearningStep[] } {
  const held = heldOut(sites, order);
  const fixed = sites.filter((s) => held.has(s.site));
  const pool = shuffled(
    sites.filter((s) => !held.has(s.site)),
    1000 + order,
  );
  const heldSteps: LearningStep[] = [];
  const undecidedSteps: LearningStep[] = [];
  for (const n of steps) {
    const model = learnModel(corpus, pool.slice(0, n));
    heldSteps.push({ decided: n, ...measure(fixed, model) });
    undecidedSteps.push({ decided: n, ...measure([...fixed, ...pool.slice(n)], model) });
  }
  return { heldOut: heldSteps, undecided: undecidedSteps };
}

function meanSteps(runs: LearningStep[][]): LearningStep[] {
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return runs[0].map((first, i) => {
    const at = runs.map((r) => r[i]);
    const byKind: Record<string, number> = {};
    for (const k of Object.keys(first.byKind)) byKind[k] = mean(at.map((s) => s.byKind[k] ?? NaN).filter(Number.isFinite));
    return { decided: first.decided, evaluated: first.evaluated, ndcgAt10: mean(at.map((s) => s.ndcgAt10)), auc: mean(at.map((s) => s.auc)), byKind };
  });
}

export interface LearningReport {
  corpus: string;
  sites: number;
  orders: number;
  /** The held-out half (never decided), mean over the orders: the curve. */
  heldOut: LearningStep[];
  /** Every site not yet decided at the step (held-out and the rest of the pool). */
  undecided: LearningStep[];
}

export function evaluateLearning(orders = 5, base = baseCorpus(), web = learningWeb()): LearningReport {
  const sites = analyseWeb(web);
  const runs = Array.from({ length: orders }, (_, o) => simulate(base.examples, sites, o));
  return { corpus: base.name, sites: sites.length, orders, heldOut: meanSteps(runs.map((r) => r.heldOut)), undecided: meanSteps(runs.map((r) => r.undecided)) };
}

const isMain = process.argv[1] !== undefined && /eval-learning\.ts$/.test(process.argv[1]);
if (isMain) {
  const args = process.argv.slice(2);
  const o = args.indexOf('--orders');
  const orders = o >= 0 ? Math.max(1, Number(args[o + 1]) || 5) : 5;
  const t0 = performance.now();
  const r = evaluateLearning(orders);
  if (args.includes('--json')) console.log(JSON.stringify(r, null, 1));
  else {
    console.log(`eval:learning — ${r.sites} labelled sites (learning-web.ts), base: ${r.corpus}`);
    console.log(`a simulated curator decides 0, 5, 10, 20 sites of one half (random order); the other half is never decided; mean of ${r.orders} orders`);
    const kinds = Object.keys(r.heldOut[0].byKind).sort();
    console.log(`decided   held-out: NDCG@10  ROC AUC   all undecided: n  NDCG@10  ROC AUC   held-out mean site score: ${kinds.join(' / ')}`);
    r.heldOut.forEach((s, i) => {
      const u = r.undecided[i];
      const means = kinds.map((k) => (s.byKind[k] ?? NaN).toFixed(0).padStart(3)).join(' / ');
      console.log(`${String(s.decided).padStart(7)}   ${' '.repeat(9)}${s.ndcgAt10.toFixed(3)}    ${s.auc.toFixed(3)}   ${' '.repeat(14)}${String(u.evaluated).padStart(2)}    ${u.ndcgAt10.toFixed(3)}    ${u.auc.toFixed(3)}   ${means}`);
    });
    console.log(`(${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  }
}
