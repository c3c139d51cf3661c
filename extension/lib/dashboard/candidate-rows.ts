// One row of the candidate grid: a compare checkbox, rank, name and site, score, the sorted
// component, kind, sources, and the decision select. Rows are `role=row` in a `role=grid` (so the
// select and the checkbox sit in grid cells, not inside an option). Page-derived strings go in as
// text only.
import { DECISIONS, candidateName } from '../../../scoring/index.ts';
import type { SiteComponentName } from '../../../scoring/index.ts';
import { el } from '../dom.ts';
import { DECISION_LABELS, SOURCE_LABELS, kindLabel } from '../labels.ts';
import { formatComponent, formatScore } from './format.ts';
import type { Entry } from './model.ts';
import type { RowRenderer } from './virtual-list.ts';

/** Must match `.row { height }` in entrypoints/dashboard/style.css. */
export const ROW_H = 34;

export interface RowNode {
  root: HTMLElement;
  compare: HTMLInputElement;
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
  compared?: boolean;
  index?: number;
}

export class CandidateRows implements RowRenderer<Entry, RowNode> {
  /** The component column shows this component (the sort key), if any. */
  compKey: SiteComponentName | undefined;
  /** Sites ticked for comparison. */
  compared: ReadonlySet<string> = new Set();
  private readonly nodeOf = new WeakMap<Element, RowNode>();
  private made = 0;

  make(doc: Document): RowNode {
    const id = `candidate-row-${this.made++}`;
    const root = el(doc, 'div', { class: 'row', role: 'row', id, 'aria-selected': 'false' });
    const cell = (cls: string) => el(doc, 'span', { class: cls, role: 'gridcell' });
    const compareCell = cell('pick');
    const compare = el(doc, 'input', { type: 'checkbox', class: 'compare', tabindex: -1, 'aria-label': 'Compare' });
    compareCell.appendChild(compare);
    const rank = cell('rank');
    const name = cell('name');
    const nameText = el(doc, 'span', { class: 'name-text' });
    const site = el(doc, 'span', { class: 'site' });
    name.append(nameText, site);
    const score = cell('score');
    const comp = cell('comp');
    const kind = cell('kind');
    const sources = cell('sources');
    const decisionCell = cell('decision-cell');
    const decision = el(doc, 'select', { class: 'decision', 'aria-label': 'Decision', tabindex: -1 });
    for (const d of DECISIONS) decision.appendChild(el(doc, 'option', { value: d }, DECISION_LABELS[d]));
    decisionCell.appendChild(decision);
    root.append(compareCell, rank, name, score, comp, kind, sources, decisionCell);
    const node: RowNode = { root, compare, rank, name: nameText, site, score, comp, kind, sources, decision };
    this.nodeOf.set(root, node);
    return node;
  }

  fill(node: RowNode, entry: Entry, selected: boolean, index: number): void {
    const compKey = this.compKey;
    if (node.entry !== entry || node.compKey !== compKey) {
      const c = entry.c;
      const label = candidateName(c);
      node.root.setAttribute('data-site', c.site);
      node.root.setAttribute('data-decision', c.decision);
      node.rank.textContent = String(entry.rank);
      node.name.textContent = label;
      node.site.textContent = c.site;
      node.score.textContent = formatScore(c.siteScore.score);
      node.comp.textContent = compKey ? formatComponent(c.siteScore.components?.[compKey]) : '';
      node.kind.textContent = kindLabel(c.siteScore.siteKind);
      node.sources.textContent = c.sources.map((s) => SOURCE_LABELS[s] ?? s).join(', ');
      node.compare.setAttribute('aria-label', `Compare ${label}`);
      node.decision.setAttribute('aria-label', `Decision for ${label}`);
      if (node.decision.value !== c.decision) node.decision.value = c.decision;
      node.entry = entry;
      node.compKey = compKey;
    }
    if (node.index !== index) {
      node.root.setAttribute('aria-rowindex', String(index + 1));
      node.index = index;
    }
    const compared = this.compared.has(entry.c.site);
    if (node.compared !== compared) {
      node.compare.checked = compared;
      node.root.classList.toggle('compared', compared);
      node.compared = compared;
    }
    if (node.selected !== selected) {
      node.root.classList.toggle('selected', selected);
      node.root.setAttribute('aria-selected', String(selected));
      node.selected = selected;
    }
  }

  reset(node: RowNode): void {
    node.entry = undefined;
    node.index = undefined;
    node.compared = undefined;
  }

  /** The node a row element belongs to. */
  nodeFor(row: Element): RowNode | undefined {
    return this.nodeOf.get(row);
  }
}
