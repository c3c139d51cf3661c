// Crawlee's router: one handler per label ('page', 'feed', 'sitemap'), and the failed-request
// handler. Each reads the dispatch of its request (with the real body the polite client kept),
// and always hands the host back and pumps the next URLs.
import { createCheerioRouter, type CheerioCrawlingContext } from '@crawlee/cheerio';
import { FetchError, type FetchedPage } from '../net/fetch.ts';
import type { EntryKind } from '../frontier/frontier.ts';
import type { CrawlContext, Dispatch } from './context.ts';
import type { Dispatcher } from './dispatcher.ts';
import { handleFailure } from './handlers/failure.ts';
import { handleFeed } from './handlers/feed.ts';
import { handlePage } from './handlers/page.ts';
import { handleSitemap } from './handlers/sitemap.ts';

type Handler = (ctx: CrawlContext, d: Dispatch, fetched: FetchedPage) => void;

const HANDLERS: Record<EntryKind, Handler> = { page: handlePage, feed: handleFeed, sitemap: handleSitemap };

export function createRoutes(ctx: CrawlContext, dispatcher: Dispatcher) {
  const settle = (request: { url: string }, work: (d: Dispatch) => void): void => {
    const d = dispatcher.inflight.get(request.url);
    if (!d) return;
    try {
      work(d);
    } catch (err) {
      handleFailure(ctx, d, err);
    } finally {
      dispatcher.finish(d);
      dispatcher.pump();
    }
  };
  const router = createCheerioRouter();
  for (const [label, handle] of Object.entries(HANDLERS)) {
    router.addHandler(label, async ({ request }: CheerioCrawlingContext) =>
      settle(request, (d) => {
        if (!d.fetched) throw new FetchError('other', 'no response');
        handle(ctx, d, d.fetched);
      }),
    );
  }
  const failedRequestHandler = async ({ request }: { request: { url: string } }, err: Error) => settle(request, (d) => handleFailure(ctx, d, err));
  return { router, failedRequestHandler };
}
