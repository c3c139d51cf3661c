// One URL rule for both sides: the crawler's frontier, the extension's bookmarks, imports and
// sync all name a page by normalisePageUrl and a site by siteKey, so the same post reached
// from a newsletter link, a feed or the address bar is one page of one site.

const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' };

/**
 * Query parameters that only say where a visitor came from. Matched case-insensitively on the
 * parameter name; everything else in the query is kept (it can select content: ?p=123, ?page=2).
 */
const TRACKING_PARAM_RE =
  /^(?:utm_[a-z0-9_]*|fbclid|gclid|gclsrc|dclid|gbraid|wbraid|msclkid|yclid|twclid|igshid|mc_cid|mc_eid|_hsenc|_hsmi|__hstc|__hssc|__hsfp|hsctatracking|mkt_tok|vero_id|vero_conv|oly_anon_id|oly_enc_id|_openstat|ref|ref_src|ref_url|referrer|spm|cmpid|s_cid|trk|trkcampaign|sc_campaign|ga_source|ga_medium|ga_campaign|ga_content|ga_term)$/i;

export function isTrackingParam(name: string): boolean {
  return TRACKING_PARAM_RE.test(name);
}

/**
 * The canonical address of a page: http(s) only, host lower-cased without a trailing dot,
 * default port dropped, fragment dropped, tracking parameters removed (the order of the others
 * kept), no credentials. `undefined` for anything that is not an http(s) URL.
 */
export function normalisePageUrl(href: string, base?: string): string | undefined {
  let url: URL;
  try {
    url = base === undefined ? new URL(href) : new URL(href, base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  url.hash = '';
  url.username = '';
  url.password = '';
  url.hostname = url.hostname.replace(/\.$/, '');
  if (url.port === DEFAULT_PORTS[url.protocol]) url.port = '';
  if (url.search) {
    const params = [...url.searchParams];
    const kept = params.filter(([name]) => !isTrackingParam(name));
    // Rewritten only when something goes, so an untouched query keeps its exact encoding.
    if (kept.length !== params.length) url.search = kept.length ? new URLSearchParams(kept).toString() : '';
    else if (url.search === '?') url.search = '';
  }
  return url.href;
}

/**
 * Normalised site key: lower-case host without a leading `www.`, default ports dropped,
 * other ports kept (`127.0.0.2:8080`). Throws on anything that is not an http(s) URL.
 */
export function siteKey(input: string): string {
  let url: URL;
  // A bare `host` or `host:port` gets https://; anything else with a scheme (javascript:, ftp:) keeps it.
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(input) && !/^[^:/]+:\d+(\/|$)/.test(input);
  try {
    url = new URL(hasScheme ? input : `https://${input}`);
  } catch {
    throw new Error(`not a URL: ${JSON.stringify(input.slice(0, 200))}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`not an http(s) URL: ${JSON.stringify(input.slice(0, 200))}`);
  }
  const host = url.hostname.toLowerCase().replace(/^www\./, '').replace(/\.$/, '');
  const port = url.port && url.port !== DEFAULT_PORTS[url.protocol] ? `:${url.port}` : '';
  return host + port;
}

/** The origin a site score is about, e.g. `https://example.org`. */
export function siteOrigin(input: string): string {
  return new URL(input).origin;
}
