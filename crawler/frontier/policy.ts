// The link policy as one strategy object: how a computed link priority orders the frontier,
// whether a page's links to other sites are followed, which links are queued at all. A new
// crawl policy is one more LinkPolicy.
import { MIN_LINK_PRIORITY } from './link-priority.ts';

export type PolicyName = 'best-first' | 'breadth-first';

export interface LinkPolicy {
  readonly name: PolicyName;
  /** The frontier priority of a link or seed whose computed priority is `p`. */
  priority(p: number): number;
  /** Whether the links of a scored page to other sites are followed (hard focus). */
  followOffsite(page: { relevant: boolean; hub: boolean }): boolean;
  /** Whether a link with this computed priority is queued. */
  keep(p: number): boolean;
}

/** Focused: the best link first, off-site links only from relevant pages and hubs, junk links dropped. */
export const bestFirst: LinkPolicy = {
  name: 'best-first',
  priority: (p) => p,
  followOffsite: ({ relevant, hub }) => relevant || hub,
  keep: (p) => p >= MIN_LINK_PRIORITY,
};

/** The benchmark's baseline: first in, first out, every link followed. */
export const breadthFirst: LinkPolicy = {
  name: 'breadth-first',
  priority: () => 0,
  followOffsite: () => true,
  keep: () => true,
};

export function linkPolicy(name: PolicyName | undefined): LinkPolicy {
  return name === 'breadth-first' ? breadthFirst : bestFirst;
}
