// Ranking metrics for the evaluation (pure functions, unit-tested).

/** ROC AUC of scores of positives vs negatives (ties count half). */
export function rocAuc(pos: number[], neg: number[]): number {
  if (pos.length === 0 || neg.length === 0) return NaN;
  let s = 0;
  for (const p of pos) for (const n of neg) s += p > n ? 1 : p === n ? 0.5 : 0;
  return s / (pos.length * neg.length);
}

/** Items ranked by score desc; ties broken by the given order (stable). */
function rank<T extends { score: number }>(items: T[]): T[] {
  return items.map((it, i) => ({ it, i })).sort((a, b) => b.it.score - a.it.score || a.i - b.i).map((x) => x.it);
}

export function precisionAt<T extends { score: number; grade: number }>(items: T[], k: number, minGrade = 2): number {
  const top = rank(items).slice(0, k);
  return top.filter((t) => t.grade >= minGrade).length / Math.max(1, top.length);
}

export function ndcgAt<T extends { score: number; grade: number }>(items: T[], k: number): number {
  const gain = (g: number) => 2 ** g - 1;
  const dcg = rank(items)
    .slice(0, k)
    .reduce((s, t, i) => s + gain(t.grade) / Math.log2(i + 2), 0);
  const ideal = [...items]
    .sort((a, b) => b.grade - a.grade)
    .slice(0, k)
    .reduce((s, t, i) => s + gain(t.grade) / Math.log2(i + 2), 0);
  return ideal === 0 ? 0 : dcg / ideal;
}

/** Deterministic stratified folds: within each grade (in the given order), fold = index mod k. */
export function stratifiedFolds(grades: number[], k: number): number[] {
  const seen = new Map<number, number>();
  return grades.map((g) => {
    const i = seen.get(g) ?? 0;
    seen.set(g, i + 1);
    return i % k;
  });
}

/** The naive baseline: density of words starting with "mentor" in the page text. */
export function mentorDensity(text: string): number {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return 0;
  return words.filter((w) => w.startsWith('mentor')).length / words.length;
}

/** The q-quantile of xs (linear interpolation between order statistics, as numpy's default). */
export function quantile(xs: number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}
