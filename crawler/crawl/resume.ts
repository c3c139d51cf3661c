// Which crawl a run continues: a plain re-run continues an unfinished (interrupted, killed)
// crawl; `resume: true` also continues the last crawl when --max-pages stopped it and its
// frontier is still queued (with a fresh page budget).
import { RELEVANT_THRESHOLD } from '../constants.ts';
import type { Frontier } from '../frontier/frontier.ts';
import type { Store } from '../store/index.ts';
import type { CrawlPageRow } from '../store/pages.ts';
import type { Admission } from './admission.ts';
import type { CrawlSettings } from './options.ts';
import type { CrawlStats } from './stats.ts';

export interface ResumePoint {
  id: number;
  options: unknown;
  startedAt: string;
  afterMaxPages: boolean;
}

/** The newest crawl, when --max-pages stopped it and its frontier still has queued URLs. */
function maxPagesStop(store: Store): ResumePoint | undefined {
  const last = store.newestCrawl();
  if (last?.report?.stoppedBecause !== 'max-pages') return undefined;
  if (store.queuedCount() === 0) return undefined;
  return { id: last.id, options: last.options, startedAt: last.startedAt, afterMaxPages: true };
}

/** The crawl to continue, if any; throws (changing nothing) when `resume` finds none. */
export function findResume(store: Store, opts: { resume?: boolean; fresh?: boolean }): ResumePoint | undefined {
  let point: ResumePoint | undefined;
  if (!opts.fresh) {
    const u = store.unfinishedCrawl();
    if (u) point = { ...u, afterMaxPages: false };
    else if (opts.resume) point = maxPagesStop(store);
  }
  if (opts.resume && !point) {
    throw new Error(
      opts.fresh
        ? 'crawl: --resume and a fresh crawl cannot be combined'
        : 'crawl: nothing to resume (no interrupted crawl and no crawl stopped by --max-pages with queued URLs); start a new crawl with seeds',
    );
  }
  return point;
}

/**
 * A resumed crawl's counters and admission start from the pages it already stored: sites at their
 * page budget leave the frontier, and the sites still queued count as admitted.
 */
export function restoreProgress(own: CrawlPageRow[], c: { stats: CrawlStats; admission: Admission; frontier: Frontier; settings: CrawlSettings; afterMaxPages: boolean }): void {
  const { stats, admission, frontier } = c;
  for (const r of own) {
    stats.fetched++;
    admission.countStored(r.site);
    if (r.status === 'scored') {
      stats.scored++;
      stats.sites.add(r.site);
      if ((r.relevance ?? 0) >= RELEVANT_THRESHOLD) stats.relevant++;
    } else if (r.status === 'failed') stats.bump(r.errorKind ?? 'other');
  }
  for (const [site, n] of admission.sitePages) if (n >= c.settings.pagesPerSite) frontier.dropSite(site);
  if (c.afterMaxPages) admission.freshBudget();
  for (const o of frontier.origins()) admission.admittedSites.add(frontier.peek(o)?.site ?? '');
  admission.admittedSites.delete('');
}
