// Crawlee's HTTP client slot, filled by our polite fetch (cap, charset, error kinds, robots.txt
// on redirects, off-host redirects handed back to the frontier). Crawlee gets a trivial body:
// CheerioCrawler parses every body it is given (twice), and the page is parsed once, by
// scoring's extraction, from the real body kept on the dispatch.
import { Readable } from 'node:stream';
import type { BaseHttpClient, HttpRequest, HttpResponse, RedirectHandler, ResponseTypes, StreamingHttpResponse } from '@crawlee/cheerio';
import { fetchPage, FetchError, type FetchedPage } from '../net/fetch.ts';
import { isAllowed } from '../net/robots.ts';
import { normaliseUrl } from '../frontier/link-priority.ts';
import type { CrawlContext } from './context.ts';
import type { Dispatcher } from './dispatcher.ts';

/** What Crawlee parses instead of the page (the handlers read the real body from the dispatch). */
const STAND_IN = '<html></html>';

export class OffsiteRedirect extends FetchError {
  constructor(
    readonly target: string,
    from: string,
  ) {
    super('other', `redirects to another host: ${target}`, { url: from });
    this.name = 'OffsiteRedirect';
  }
}

/** One GET of a dispatched URL, with the crawl's rules; the response is kept on its dispatch. */
export function politeFetcher(ctx: CrawlContext, dispatcher: Dispatcher): (url: string) => Promise<FetchedPage> {
  return async (url) => {
    const d = dispatcher.inflight.get(url) ?? dispatcher.inflight.get(normaliseUrl(url) ?? url);
    const origin = new URL(url).origin;
    const robots = dispatcher.robots(origin);
    const page = await fetchPage(url, {
      accept: (d?.kind ?? 'page') === 'page' ? 'html' : 'any',
      maxBytes: ctx.settings.maxBytes,
      timeoutMs: ctx.settings.timeoutMs,
      signal: ctx.signal,
      followRedirect: (to) => {
        if (new URL(to).origin !== origin) throw new OffsiteRedirect(to, url);
        if (robots && !isAllowed(robots, to)) throw new FetchError('robots', `redirect target disallowed by robots.txt: ${to}`, { url });
        return true;
      },
    });
    if (d) d.fetched = page;
    return page;
  };
}

export class PoliteHttpClient implements BaseHttpClient {
  constructor(private doFetch: (url: string) => Promise<FetchedPage>) {}

  async sendRequest<T extends keyof ResponseTypes = 'text'>(request: HttpRequest<T>): Promise<HttpResponse<T>> {
    const page = await this.doFetch(String(request.url));
    return {
      url: page.finalUrl,
      redirectUrls: [],
      statusCode: page.status,
      headers: { 'content-type': 'text/html; charset=utf-8' },
      trailers: {},
      complete: true,
      request,
      body: STAND_IN as ResponseTypes[T],
    };
  }

  async stream(request: HttpRequest, _onRedirect?: RedirectHandler): Promise<StreamingHttpResponse> {
    const page = await this.doFetch(String(request.url));
    return {
      stream: Readable.from([Buffer.from(STAND_IN)]),
      request,
      url: page.finalUrl,
      redirectUrls: page.finalUrl !== page.url ? [new URL(page.finalUrl)] : [],
      statusCode: page.status,
      headers: { 'content-type': 'text/html; charset=utf-8' },
      trailers: {},
      complete: true,
      downloadProgress: { percent: 1, transferred: page.bytes, total: page.bytes },
      uploadProgress: { percent: 1, transferred: 0, total: 0 },
    };
  }
}
