// One bounded walk over parsed JSON-LD for identity.ts and outreach.ts: depth-first, at most 500
// nodes, 8 levels and 200 items of a list, so hostile JSON-LD (deep, wide, cyclic-looking) is cheap.

const MAX_NODES = 500;
const MAX_DEPTH = 8;
const MAX_LIST = 200;

/**
 * Calls `visit` on every object (not array) in `roots`, in document order; `visit` returns true
 * to stop the walk. Keys listed in `skipKeys` are not descended into.
 */
export function walkJsonLd(roots: unknown[], visit: (o: Record<string, unknown>) => boolean | void, skipKeys: readonly string[] = []): void {
  const stack: [unknown, number][] = [];
  for (let i = Math.min(roots.length, MAX_LIST) - 1; i >= 0; i--) stack.push([roots[i], 0]);
  let seen = 0;
  while (stack.length > 0 && seen++ < MAX_NODES) {
    const [v, depth] = stack.pop() as [unknown, number];
    if (v === null || typeof v !== 'object' || depth > MAX_DEPTH) continue;
    if (Array.isArray(v)) {
      for (let i = Math.min(v.length, MAX_LIST) - 1; i >= 0; i--) stack.push([v[i], depth + 1]);
      continue;
    }
    const o = v as Record<string, unknown>;
    if (visit(o)) return;
    const keys = Object.keys(o);
    for (let i = keys.length - 1; i >= 0; i--) {
      const c = o[keys[i]];
      if (c && typeof c === 'object' && !skipKeys.includes(keys[i])) stack.push([c, depth + 1]);
    }
  }
}

/** The lower-cased local names of an object's @type ("schema:WebSite" → "website"). */
export function jsonLdTypes(o: Record<string, unknown>): string[] {
  const t = o['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string').map((x) => x.toLowerCase().replace(/^.*[/#:]/, ''));
}
