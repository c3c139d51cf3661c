// Node-only training: deterministic logistic regression (full-batch gradient descent, L2) over
// dense lexicon/structure features and a selected vocabulary of stems, soft targets grade/2, each
// document with a weight (1 for the corpus; a curator's pages share their site's weight: learn.ts).
import { sigmoid, termFeatures, type LinearModel } from '../model.ts';

export interface TrainDoc {
  /** denseFeatures() of the page. */
  dense: Record<string, number>;
  /** All stems of the page with their counts (stemCountMap(Features.terms), or a stored vector's). */
  stems: Map<string, number>;
  /** Target in [0, 1] (grade / 2). */
  y: number;
  /** How much the document counts (default 1). */
  weight?: number;
}

export interface TrainOptions {
  vocabSize?: number;
  minDf?: number;
  l2?: number;
  iterations?: number;
  learningRate?: number;
}

export function selectVocabulary(docs: TrainDoc[], size: number, minDf: number): string[] {
  // Document frequencies counted with the documents' weights (all 1 for the corpus alone).
  const df = new Map<string, number>();
  const pos = new Map<string, number>();
  const neg = new Map<string, number>();
  const weightOf = (d: TrainDoc) => d.weight ?? 1;
  const nPos = docs.filter((d) => d.y >= 0.75).reduce((s, d) => s + weightOf(d), 0) || 1;
  const nNeg = docs.filter((d) => d.y <= 0.25).reduce((s, d) => s + weightOf(d), 0) || 1;
  for (const d of docs) {
    const w = weightOf(d);
    for (const t of d.stems.keys()) {
      if (t.length < 3 || t.length > 20 || /\d/.test(t)) continue;
      df.set(t, (df.get(t) ?? 0) + w);
      if (d.y >= 0.75) pos.set(t, (pos.get(t) ?? 0) + w);
      if (d.y <= 0.25) neg.set(t, (neg.get(t) ?? 0) + w);
    }
  }
  const scored: [string, number][] = [];
  for (const [t, n] of df) {
    if (n < minDf) continue;
    const p = ((pos.get(t) ?? 0) + 0.5) / (nPos + 1);
    const q = ((neg.get(t) ?? 0) + 0.5) / (nNeg + 1);
    scored.push([t, Math.abs(Math.log(p / q)) * Math.sqrt(n)]);
  }
  scored.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return scored.slice(0, size).map((s) => s[0]).sort();
}

export function trainModel(docs: TrainDoc[], opts: TrainOptions = {}, trainedOn = ''): LinearModel {
  const vocabSize = opts.vocabSize ?? 300;
  const l2 = opts.l2 ?? 0.02;
  const iterations = opts.iterations ?? 1500;
  const lr = opts.learningRate ?? 0.5;
  const vocab = selectVocabulary(docs, vocabSize, opts.minDf ?? 3);
  const vset = new Set(vocab);
  const denseNames = Object.keys(docs[0].dense).sort();
  const names = [...denseNames.map((n) => `d:${n}`), ...vocab.map((t) => `t:${t}`)];
  const col = new Map(names.map((n, i) => [n, i]));
  // Sparse rows.
  const rows = docs.map((d) => {
    const idx: number[] = [];
    const val: number[] = [];
    const dense = d.dense;
    for (const n of denseNames) {
      idx.push(col.get(`d:${n}`)!);
      val.push(dense[n]);
    }
    const tf = termFeatures(d.stems, (t) => vset.has(t));
    for (const t of [...tf.keys()].sort()) {
      idx.push(col.get(`t:${t}`)!);
      val.push(tf.get(t)! * 4); // term features are small after cosine normalisation; scale up
    }
    return { idx, val, y: d.y, w: d.weight ?? 1 };
  });
  const w = new Float64Array(names.length);
  let b = 0;
  // The loss is the weighted mean (with every weight 1, exactly the plain mean).
  const n = rows.reduce((sum, r) => sum + r.w, 0);
  const grad = new Float64Array(names.length);
  for (let it = 0; it < iterations; it++) {
    grad.fill(0);
    let gb = 0;
    for (const r of rows) {
      let z = b;
      for (let k = 0; k < r.idx.length; k++) z += w[r.idx[k]] * r.val[k];
      const e = r.w === 1 ? sigmoid(z) - r.y : r.w * (sigmoid(z) - r.y);
      gb += e;
      for (let k = 0; k < r.idx.length; k++) grad[r.idx[k]] += e * r.val[k];
    }
    for (let j = 0; j < w.length; j++) w[j] -= lr * (grad[j] / n + l2 * w[j]);
    b -= lr * (gb / n);
  }
  const round = (x: number) => Math.round(x * 10000) / 10000;
  const dense: Record<string, number> = {};
  const terms: Record<string, number> = {};
  names.forEach((nm, j) => {
    const v = round(nm.startsWith('t:') ? w[j] * 4 : w[j]);
    if (Math.abs(v) < 1e-3) return;
    if (nm.startsWith('d:')) dense[nm.slice(2)] = v;
    else terms[nm.slice(2)] = v;
  });
  return { trainedOn, bias: round(b), dense, terms };
}
