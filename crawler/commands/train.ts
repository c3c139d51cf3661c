// `mentor-radar train [--db FILE] [--reset] [--corpus DIR] [--no-cv] [--json]`: learn from the
// curator's decisions (issue 11; crawler/learning.ts), or go back to the shipped model.
import { corpusDir } from '../../scoring/train/corpus.ts';
import type { StemMove } from '../../scoring/train/learn.ts';
import type { RescoreSummary, TrainResult } from '../learning.ts';
import type { CommandSpec, Context, Values } from './common.ts';
import { CliError, DB_HELP, clean, dbPath, safeJson, stringOption } from './common.ts';
import { withStore } from './db.ts';

const help = `Usage: mentor-radar train [--db FILE] [--reset] [--corpus DIR] [--no-cv] [--json]

Learns from your decisions: the sites you included or shortlisted are examples of what the
roundup wants, the sites you excluded of what it does not. The topical model is trained again
on the graded corpus plus the pages of your decided sites (from the features stored with each
page: nothing is fetched), saved in the store as a new model, and every stored page is scored
again with it, and its site too. The crawler, "score --db" and (through "serve") the extension
then score with it; a page's scorerVersion names it (…+hash.curator-N).

Each decided site counts as much as 6 graded corpus documents, shared by its pages, and all
your decisions together at most half the corpus: a handful of decisions matter, a mistaken one
does not swamp what the corpus says. Prints the stems that gained and lost weight and the ROC
AUC by cross-validation before and after (on the corpus, and on your decided sites).

Options:
${DB_HELP}
  --reset            go back to the shipped model (and score the store with it again)
  --corpus DIR       the graded corpus (labels.csv + pages/; default $MENTOR_RADAR_CORPUS,
                     else ../shared/corpus next to the program)
  --no-cv            skip the cross-validation (faster)
  --json             print the result as JSON
  -h, --help         this help

One train at a time, and not while a crawl runs on the store (it waits for none: run it again).
`;

const signed = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(2)}`;
const moves = (ms: StemMove[]) => (ms.length ? ms.map((m) => `${clean(m.stem)} ${signed(m.after - m.before)}`).join(', ') : '(none)');
const auc = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : 'n/a');

function rescoredLine(r: RescoreSummary): string {
  const kept = r.withoutVector
    ? `; ${r.withoutVector} page(s) have no stored features (scored before features were kept) and keep their scores until they are crawled again`
    : '';
  return `Re-scored ${r.pages} page(s) from their stored features (nothing fetched) and re-aggregated ${r.sites} site(s)${kept}.`;
}

export function formatTrain(r: TrainResult): string {
  const d = r.decided;
  const out: string[] = [];
  out.push(`Decisions: ${d.include} included, ${d.shortlist} shortlisted, ${d.exclude} excluded; ${d.sitesUsed} site(s) teach with ${d.pagesUsed} page(s).`);
  if (d.pagesWithoutVector > 0 || d.sitesWithoutVector.length > 0) {
    const sites = d.sitesWithoutVector.length ? ` ${d.sitesWithoutVector.length} decided site(s) have none at all (${d.sitesWithoutVector.slice(0, 5).map(clean).join(', ')}${d.sitesWithoutVector.length > 5 ? ', …' : ''}): crawl them.` : '';
    out.push(`${d.pagesWithoutVector} page(s) of decided sites have no stored features: they were scored before features were kept (or by an older scorer).${sites}`);
  }
  out.push(`Corpus: ${r.corpus.documents} graded documents (${clean(r.corpus.dir)}).`);
  out.push(`Model curator-${r.version} saved in the store (was: ${r.before.kind === 'shipped' ? 'the shipped model' : `curator-${r.before.version}`}); scorerVersion ${r.scorerVersion}; the model's share of a page's score ${(r.model.share ?? 0.4).toFixed(2)}.`);
  out.push(`Stems gained: ${moves(r.moves.gained)}`);
  out.push(`Stems lost:   ${moves(r.moves.lost)}`);
  const cv = r.crossValidation;
  if (cv) {
    out.push('ROC AUC by cross-validation, before (corpus alone) → after (with your decisions):');
    if (cv.corpus) out.push(`  corpus, ${cv.corpus.documents} documents, 5 folds (grade ≥ 1 vs 0): ${auc(cv.corpus.before)} → ${auc(cv.corpus.after)}`);
    if (cv.sites) out.push(`  your decided sites, ${cv.sites.positives} in vs ${cv.sites.negatives} out, ${cv.sites.folds} folds (site scores): ${auc(cv.sites.before)} → ${auc(cv.sites.after)}`);
    else out.push('  your decided sites: n/a (needs at least one included or shortlisted and one excluded site with stored features)');
  }
  out.push(rescoredLine(r.rescored));
  return out.join('\n') + '\n';
}

async function run(values: Values, _pos: string[], ctx: Context): Promise<number> {
  const db = dbPath(values, ctx.io);
  const json = values.json === true;
  const corpus = stringOption(values, 'corpus') ?? ctx.io.env.MENTOR_RADAR_CORPUS ?? corpusDir();
  const { trainStore, resetStore, TrainError } = await import('../learning.ts');
  const { acquireLease, LeaseHeldError } = await import('../crawl/lease.ts');
  return withStore(db, { mustExist: true }, async (store) => {
    let release: () => void;
    try {
      release = await acquireLease(store);
    } catch (e) {
      if (e instanceof LeaseHeldError) throw new CliError(`${e.message}: train when it is done`);
      throw e;
    }
    try {
      if (values.reset) {
        const r = resetStore(store, ctx.now());
        if (json) ctx.io.stdout(safeJson({ reset: true, ...r }) + '\n');
        else ctx.io.stdout(`Back to the shipped model (scorerVersion ${r.scorerVersion}; was ${r.before.kind === 'shipped' ? 'the shipped model' : `curator-${r.before.version}`}).\n${rescoredLine(r.rescored)}\n`);
        return 0;
      }
      let r: TrainResult;
      try {
        r = trainStore(store, { corpusDir: corpus, crossValidate: values['no-cv'] !== true, at: ctx.now() });
      } catch (e) {
        if (e instanceof TrainError) throw new CliError(e.message);
        throw e;
      }
      ctx.io.stdout(json ? safeJson(r) + '\n' : formatTrain(r));
      return 0;
    } finally {
      release();
    }
  });
}

export const command: CommandSpec = {
  name: 'train',
  summary: "learn from the curator's decisions",
  help,
  options: { db: { type: 'string' }, reset: { type: 'boolean' }, corpus: { type: 'string' }, 'no-cv': { type: 'boolean' }, json: { type: 'boolean' } },
  positionals: { min: 0, max: 0 },
  run,
};
