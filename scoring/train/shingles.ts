// The article-extraction benchmark's measure (its evaluate.py, without the bootstrap), in
// TypeScript so the regression test needs no Python: 4-token shingles, per-page tp/fp/fn
// normalised to sum 1, then precision and recall averaged over pages, F1 of the two means.

const TOKEN_RE = /[\p{L}\p{N}\p{Mn}\p{Mc}\p{Pc}]+/gu;

export function tokens(text: string): string[] {
  return text.match(TOKEN_RE) ?? [];
}

function shingles(text: string, n = 4): Map<string, number> {
  const t = tokens(text);
  const out = new Map<string, number>();
  for (let i = 0; i < Math.max(1, t.length - n + 1); i++) {
    const key = t.slice(i, i + n).join('\u0001');
    if (key === '') continue;
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

export type TpFpFn = [number, number, number];

export function shingleMatch(truth: string, pred: string): TpFpFn {
  const a = shingles(truth);
  const b = shingles(pred);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const k of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(k) ?? 0;
    const y = b.get(k) ?? 0;
    tp += Math.min(x, y);
    fp += Math.max(0, y - x);
    fn += Math.max(0, x - y);
  }
  const s = tp + fp + fn;
  return s > 0 ? [tp / s, fp / s, fn / s] : [0, 0, 0];
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);

export function shingleMetrics(pages: TpFpFn[]): { f1: number; precision: number; recall: number } {
  const precision = mean(pages.filter(([tp, fp]) => tp + fp > 0).map(([tp, fp, fn]) => (fp === 0 && fn === 0 ? 1 : tp / (tp + fp))));
  const recall = mean(pages.filter(([tp, , fn]) => tp + fn > 0).map(([tp, fp, fn]) => (fp === 0 && fn === 0 ? 1 : tp / (tp + fn))));
  return { f1: (2 * precision * recall) / (precision + recall || 1), precision, recall };
}
