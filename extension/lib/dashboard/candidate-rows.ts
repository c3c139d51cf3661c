// One row of the candidate list: rank, name and site, score, the sorted component, kind, sources,
// and the decision select. Page-derived strings go in as text only.
import { DECISIONS } from '../../../scoring/index.ts';
import type { SiteComponentName } from '../../../scoring/index.ts';
import { el } from '../dom.ts';
import { DECISION_LABELS, kindLabel } from '../labels.ts';
import { formatComponent, formatScore } from './format.ts';
import type { Entry } from './model.ts';
import type { RowRenderer } from './virtual-list.ts';

/** Must match `.row { height }` in entrypoints/dashboard/style.css. */
export const ROW_H = 34;

export interface RowNode {
  root: HTMLElement;
  rank: HTMLElement;
  name: HTMLElement;
  site: HTMLElement;
  score: HTMLElement;
  comp: HTMLElement;
  kind: HTMLElement;
  sources: HTMLElement;
  decision: HTMLSelectElement;
  /** What the node shows now, to skip unchanged writes. */
  entry?: Entry;
  selected?: boolean;
  compKey?: SiteComponentName;
}

export class CandidateRows implements RowRenderer<Entry, RowNode> {
  /** The component column shows this component (the sort key), if any. */
  compKey: SiteComponentName | undefined;
  private readonly nodeOf = new WeakMap<Element, RowNode>();

  make(doc: Document): RowNode {
    const root = el(doc, 'div', { class: 'row', role: 'option' });
    const rank = el(doc, 'span', { class: 'rank' });
    const name = el(doc, 'span', { class: 'name' });
    const nameText = el(doc, 'span', { class: 'name-text' });
    const site = el(doc, 'span', { class: 'site' });
    name.append(nameText, site);
    const score = el(doc, 'span', { class: 'score' });
    const comp = el(doc, 'span', { class: 'comp' });
    const kind = el(doc, 'span', { class: 'kind' });
    const sources = el(doc, 'span', { class: 'sources' });
    const decision = el(doc, 'select', { class: 'decision', 'aria-label': 'Decision', tabindex: -1 });
    for (const d of DECISIONS) decision.appendChild(el(doc, 'option', { value: d }, DECISION_LABELS[d]));
    root.append(rank, name, score, comp, kind, sources, decision);
    const node: RowNode = { root, rank, name: nameText, site, score, comp, kind, sources, decision };
    this.nodeOf.set(root, node);
    return node;
  }

  fill(node: RowNode, entry: Entry, selected: boolean): void {
    const compKey = this.compKey;
    if (node.entry !== entry || node.compKey !== compKey) {
      const c = entry.c;
      node.root.setAttribute('data-site', c.site);
      node.root.setAttribute('data-decision', c.decision);
      node.rank.textContent = String(entry.rank);
      node.name.textContent = c.name || c.site;
      node.site.textContent = c.site;
      node.score.textContent = formatScore(c.siteScore.score);
      node.comp.textContent = compKey ? formatComponent(c.siteScore.components?.[compKey]) : '';
      node.kind.textContent = kindLabel(c.siteScore.siteKind);
      node.sources.textContent = c.sources.join(', ');
      if (node.decision.value !== c.decision) node.decision.value = c.decision;
      node.entry = entry;
      node.compKey = compKey;
    }
    if (node.selected !== selected) {
      node.root.classList.toggle('selected', selected);
      node.root.setAttribute('aria-selected', String(selected));
      node.selected = selected;
    }
  }

  reset(node: RowNode): void {
    node.entry = undefined;
  }

  /** The node a row element belongs to. */
  nodeFor(row: Element): RowNode | undefined {
    return this.nodeOf.get(row);
  }
}
