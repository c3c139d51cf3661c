// A request that failed (fetch error, off-host redirect, store busy): the page row records the
// error kind, the report counts it. Interrupted fetches and busy writes are not results.
import { FetchError } from '../../net/fetch.ts';
import type { PageRecord } from '../../store/index.ts';
import { TooComplexError } from '../../../scoring/guard.ts';
import { keyOf } from '../admission.ts';
import { isBusyError, type CrawlContext, type Dispatch } from '../context.ts';
import { OffsiteRedirect } from '../http-client.ts';

/** The report's and the page row's name for a failure. */
export function errorKind(err: unknown): string {
  if (err instanceof TooComplexError) return 'too-complex';
  if (!(err instanceof FetchError)) return 'other';
  if (err.kind === 'http' && err.status) return `http-${err.status}`;
  return err.kind;
}

export function handleFailure(ctx: CrawlContext, d: Dispatch, err: unknown): void {
  const at = new Date().toISOString();
  const { writer, stats } = ctx;
  // Interrupted mid-fetch: not a result. It stays queued in the persisted frontier.
  if (ctx.signal.aborted && !(err instanceof FetchError && err.kind !== 'other')) return;
  // A store write of this page met SQLITE_BUSY: not a result, fetch it again later.
  if (isBusyError(err)) return writer.requeueBusy(d);
  if (d.kind !== 'page') return writer.markDone(d);
  if (err instanceof OffsiteRedirect) {
    // The target goes back to the frontier, where its own host's robots.txt and delay apply.
    const hops = keyOf(err.target) === d.site ? d.hops : d.hops + 1;
    ctx.admission.addUrl(err.target, d.priority, hops, 'page', d.url);
    if (writer.savePage(d, { url: d.url, status: 'skipped', fetchedAt: at, error: `redirects to ${err.target}`, errorKind: 'redirect', crawlId: ctx.crawlId })) {
      stats.fetched++;
      stats.bump('redirect');
    }
    return;
  }
  const kind = errorKind(err);
  const skipped = err instanceof TooComplexError || (err instanceof FetchError && (err.kind === 'not-html' || err.kind === 'robots'));
  const rec: PageRecord = { url: d.url, status: skipped ? 'skipped' : 'failed', fetchedAt: at, error: String((err as Error)?.message ?? err).slice(0, 300), errorKind: kind, crawlId: ctx.crawlId };
  if (err instanceof FetchError && err.status) rec.httpStatus = err.status;
  if (writer.savePage(d, rec)) {
    stats.fetched++;
    stats.bump(kind);
  }
}
