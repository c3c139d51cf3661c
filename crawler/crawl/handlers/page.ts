// A fetched HTML page: guarded, scored once (scoring's extraction is the only parse), written
// with its site's re-aggregation, and its links, feeds and hub status taken from that same
// extraction. Links off an irrelevant page are not followed to other sites (hard focus).
import { createHash } from 'node:crypto';
import { analysePage, scoreAnalysedParts } from '../../../scoring/page.ts';
import { vectorOf, type PageVector } from '../../../scoring/vector.ts';
import { measureMarkup, TooComplexError } from '../../../scoring/guard.ts';
import type { PageScore } from '../../../scoring/index.ts';
import type { Extracted, ExtractedLink } from '../../../scoring/extract.ts';
import { RELEVANT_THRESHOLD } from '../../constants.ts';
import type { FetchedPage } from '../../net/fetch.ts';
import { isHub, linkPriority, MENTOR_RE, normaliseUrl } from '../../frontier/link-priority.ts';
import { keyOf } from '../admission.ts';
import type { CrawlContext, Dispatch } from '../context.ts';

/** Links of one page the crawl considers (the rest are counted in the report, not followed). */
export const MAX_LINKS_PER_PAGE = 2000;

const BLOGROLL_RE = /\b(?:class|id)\s*=\s*["'][^"']*blog-?roll/i;

function failedRecord(ctx: CrawlContext, d: Dispatch, fetched: FetchedPage, kind: string, err: unknown) {
  return { url: d.url, status: kind === 'too-complex' ? ('skipped' as const) : ('failed' as const), fetchedAt: new Date().toISOString(), httpStatus: fetched.status, error: String((err as Error)?.message ?? err).slice(0, 300), errorKind: kind, crawlId: ctx.crawlId };
}

interface LinkCandidate {
  url: URL;
  anchor: string;
  nearby: string;
}

/** The page's links the crawl considers: crawlable, normalised, first occurrence, at most MAX_LINKS_PER_PAGE. */
export function linkCandidates(links: readonly ExtractedLink[]): LinkCandidate[] {
  const out: LinkCandidate[] = [];
  const seen = new Set<string>();
  for (const l of links) {
    if (out.length >= MAX_LINKS_PER_PAGE) break;
    const norm = normaliseUrl(l.href);
    if (!norm || seen.has(norm)) continue;
    seen.add(norm);
    // Words around the link count only when the anchor itself does not say "mentor".
    out.push({ url: new URL(norm), anchor: l.text, nearby: MENTOR_RE.test(l.text) ? '' : (l.nearby ?? '') });
  }
  return out;
}

/** Queues the page's links the policy follows. */
function followLinks(ctx: CrawlContext, d: Dispatch, page: PageScore, ex: Extracted, html: string): void {
  const relevance = page.components.relevance;
  const links = linkCandidates(ex.links);
  const otherSites = new Set<string>();
  for (const { url: u } of links) {
    const k = keyOf(u.href);
    if (k && k !== d.site) otherSites.add(k);
  }
  const hub = isHub(page.title, ex.headings.slice(0, 10).join(' '), otherSites.size, BLOGROLL_RE.test(html));
  const { policy } = ctx.settings;
  const followOffsite = policy.followOffsite({ relevant: relevance >= RELEVANT_THRESHOLD, hub });
  for (const { url, anchor, nearby } of links) {
    const k = keyOf(url.href);
    if (!k) continue;
    const sameSite = k === d.site;
    if (!sameSite && !followOffsite) continue; // hard focus
    const pr = linkPriority(url, { anchor, nearby, parentScore: page.score, parentRelevance: relevance, sameSite, fromHub: hub });
    if (policy.keep(pr)) ctx.admission.addUrl(url.href, policy.priority(pr), sameSite ? d.hops : d.hops + 1, 'page', d.url);
  }
  for (const f of ex.feedUrls) {
    let fu: URL;
    try {
      fu = new URL(f);
    } catch {
      continue;
    }
    if (keyOf(fu.href) === d.site) ctx.admission.addFeed(fu, d.site, d.hops, d.url);
  }
}

export function handlePage(ctx: CrawlContext, d: Dispatch, fetched: FetchedPage): void {
  const at = new Date().toISOString();
  const { stats, writer } = ctx;
  // Counters move only once the row is written (a page requeued on SQLITE_BUSY is not counted).
  if (fetched.finalUrl !== d.url && ctx.scoredFinal.has(fetched.finalUrl)) {
    if (writer.savePage(d, { url: d.url, status: 'skipped', fetchedAt: at, httpStatus: fetched.status, error: `duplicate of ${fetched.finalUrl}`, errorKind: 'duplicate', crawlId: ctx.crawlId })) stats.fetched++;
    return;
  }
  let page: PageScore;
  let ex: Extracted;
  let vector: PageVector;
  try {
    const input = { url: d.url, html: fetched.body, finalUrl: fetched.finalUrl, ...(ctx.settings.roundupYear ? { roundupYear: ctx.settings.roundupYear } : {}) };
    const analysis = analysePage(input);
    ex = analysis.extracted;
    const scored = scoreAnalysedParts(input, analysis, ctx.model);
    page = scored.page;
    vector = vectorOf(analysis, scored.parts);
  } catch (err) {
    const kind = err instanceof TooComplexError ? 'too-complex' : 'score';
    if (writer.savePage(d, failedRecord(ctx, d, fetched, kind, err))) {
      stats.fetched++;
      stats.bump(kind);
    }
    return;
  }
  // The guard counted the links while it replayed the page inside extract(); a page it cleared by
  // its count of tags alone (at most 1,500 tags, 100 KB) is counted here, a short pass.
  const linkCount = ex.markupLinks ?? measureMarkup(fetched.body).links;
  if (linkCount > MAX_LINKS_PER_PAGE) stats.linksCapped++;
  followLinks(ctx, d, page, ex, fetched.body);
  const contentHash = createHash('sha1').update(ex.mainText).digest('hex');
  if (!writer.savePage(d, { url: d.url, status: 'scored', fetchedAt: at, httpStatus: fetched.status, page, crawlId: ctx.crawlId, contentHash, linkCount, vector })) return;
  ctx.scoredFinal.add(fetched.finalUrl);
  stats.fetched++;
  stats.scored++;
  if (page.components.relevance >= RELEVANT_THRESHOLD) stats.relevant++;
  stats.sites.add(d.site);
}
