// Numbers and dates as the dashboard shows them.

const num = (x: unknown): number => (typeof x === 'number' && Number.isFinite(x) ? x : 0);

export function formatScore(score: number): string {
  return String(Math.round(num(score)));
}

export function formatComponent(v: number): string {
  return String(Math.round(Math.max(0, Math.min(1, num(v))) * 100));
}

/** `2025-09-15` from an ISO date (or '' for none/garbage). */
export function formatDate(iso: string | undefined): string {
  if (typeof iso !== 'string') return '';
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(iso);
  return m ? m[1] : '';
}

export function countText(shown: number, total: number): string {
  const noun = (n: number) => (n === 1 ? 'candidate' : 'candidates');
  return shown === total ? `${total} ${noun(total)}` : `${shown} of ${total} ${noun(total)}`;
}
