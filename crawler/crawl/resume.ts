// Which crawl a run continues: a plain re-run continues an unfinished (interrupted, killed)
// crawl; `resume: true` also continues the last crawl when --max-pages stopped it and its
// frontier is still queued (with a fresh page budget).
import type { Store } from '../store/index.ts';

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
