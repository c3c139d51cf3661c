// `npm run train`: trains the topical model on the whole corpus and writes scoring/model-weights.json.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analysePage } from '../page.ts';
import { corpusAvailable, corpusDir, loadCorpus, REPO_ROOT } from './corpus.ts';
import { trainScorer } from './calibrate.ts';

const dir = corpusDir();
if (!corpusAvailable(dir)) {
  console.error(`train: no corpus at ${dir} (set MENTOR_RADAR_CORPUS)`);
  process.exit(1);
}
const docs = loadCorpus(dir);
const train = docs.map((d) => ({ url: d.url, html: d.html, grade: d.grade, analysis: analysePage({ url: d.url, html: d.html }) }));
const counts = [0, 1, 2].map((g) => docs.filter((d) => d.grade === g).length);
const model = trainScorer(train, `logistic regression, soft targets grade/2, ${docs.length} corpus documents (grade 0/1/2: ${counts.join('/')}); calibrated`);
const out = join(REPO_ROOT, 'scoring', 'model-weights.json');
writeFileSync(out, `${JSON.stringify(model, null, 1)}\n`);
console.log(`train: ${docs.length} documents, ${Object.keys(model.dense).length} dense + ${Object.keys(model.terms).length} term weights -> ${out}`);
