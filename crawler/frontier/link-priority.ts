// Link priority for the best-first frontier: anchor text, URL words, nearby text and the parent
// page's score; plus the per-site selection bonuses (home, about, blog index, mentoring
// category/tag pages) and hub detection (blogrolls, "best mentoring blogs" roundups).
import { normalisePageUrl } from '../../scoring/index.ts';

export const MENTOR_RE = /\bmentor(?:s|ing|ship|ships|ed|ee|ees)?\b/i;
const MENTOR_URL_RE = /mentor/i;
const RELATED_RE =
  /\b(mentee|protege|protégé|first meeting|coordinator|toolkit|handbook|guide|training|tips|how to|best practices?|youth|volunteer|match(?:ing)?|program(?:me)?s?|advice|resources?)\b/i;
const NEGATIVE_URL_RE =
  /(\/|^|[-_.])(login|log-in|signin|sign-in|signup|sign-up|register|account|cart|checkout|basket|privacy|terms|cookies?|legal|careers|jobs|donate|pricing|demo|book-a-demo|free-trial|contact|wp-admin|wp-login|share|print|replytocom|calendar|events?\/\d)/i;
/** Hosts of social networks and big platforms (the host or any subdomain): links there are profiles and shares, not mentoring sites. */
const OFFSITE_NOISE_RE = /(?:^|\.)(?:(?:facebook|twitter|linkedin|instagram|youtube|tiktok|pinterest|google|apple|amazon|wikipedia|github|reddit)\.[a-z.]+|x\.com|youtu\.be|bsky\.app|threads\.net)$/i;
const BINARY_EXT_RE = /\.(pdf|jpe?g|png|gif|webp|svg|ico|zip|gz|tgz|rar|7z|mp3|mp4|m4a|mov|avi|wav|css|js|json|woff2?|ttf|eot|exe|dmg|docx?|xlsx?|pptx?|xml|rss|atom)$/i;
const COACHING_RE = /\b(coaching|tutoring|onboarding)\b/i;

export function isCrawlableUrl(url: URL): boolean {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (BINARY_EXT_RE.test(url.pathname)) return false;
  if (url.username || url.password) return false;
  return true;
}

/** Canonical form for the frontier: scoring's page-URL rule, then only what the crawler fetches. */
export function normaliseUrl(href: string, base?: string): string | undefined {
  const normalised = normalisePageUrl(href, base);
  if (normalised === undefined || !isCrawlableUrl(new URL(normalised))) return undefined;
  return normalised;
}

/** Links scoring below this are not queued at all (login, privacy, cart... on a best-first crawl). */
export const MIN_LINK_PRIORITY = 0;

export interface LinkContext {
  anchor: string;
  nearby: string;
  /** Parent page score 0..100. */
  parentScore: number;
  parentRelevance: number;
  sameSite: boolean;
  fromHub: boolean;
}

/** Structural bonus of a URL within its site: the site selection order of DESIGN.md. */
export function siteSelectionBonus(url: URL): number {
  const path = url.pathname.toLowerCase().replace(/\/+$/, '') || '/';
  if (path === '/' && !url.search) return 3;
  if (/^\/(about|about-us|who-we-are|our-story|mission)$/.test(path)) return 1.6;
  if (/^\/(blog|news|articles|posts|insights|stories|journal|resources)$/.test(path)) return 1.5;
  if (/\/(category|categories|tag|tags|topics?|subject)\/[^/]*mentor/.test(path)) return 1.4;
  if (/^\/(category|tag|topics?)\//.test(path)) return 0.2;
  return 0;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Priority of a link, about 0..5 (higher = fetched sooner). */
export function linkPriority(url: URL, ctx: LinkContext): number {
  const anchor = ctx.anchor.slice(0, 200);
  const path = safeDecode(url.pathname + url.search).replace(/[-_/.+]/g, ' ');
  let p = 0;
  if (MENTOR_RE.test(anchor)) p += 0.9;
  else if (RELATED_RE.test(anchor)) p += 0.25;
  if (MENTOR_URL_RE.test(path)) p += 0.7;
  else if (RELATED_RE.test(path)) p += 0.15;
  if (MENTOR_RE.test(ctx.nearby)) p += 0.25;
  if (COACHING_RE.test(anchor) && !MENTOR_RE.test(anchor)) p -= 0.3;
  p += 0.6 * (ctx.parentScore / 100) + 0.3 * ctx.parentRelevance;
  if (NEGATIVE_URL_RE.test(url.pathname)) p -= 1.5;
  if (url.search.length > 60) p -= 0.4;
  // Deep archive pagination is rarely worth a page of the site budget.
  if (/\/page\/\d+|[?&]page=\d+/.test(url.pathname + url.search)) p -= 0.5;
  if (ctx.sameSite) {
    p += siteSelectionBonus(url);
  } else {
    if (OFFSITE_NOISE_RE.test(url.hostname)) p -= 3;
    if (ctx.fromHub) p += 0.8;
    // A new site is entered at its home page; a deep link with mentoring words is also fine.
    p += 0.3;
  }
  return Math.round(p * 1000) / 1000;
}

const HUB_TITLE_RE = /\b(best|top|favou?rite|recommended|great|\d+)\b.{0,40}\bmentor(?:ing|ship)?\b.{0,30}\b(blogs?|sites?|websites?|resources|reads|podcasts|organi[sz]ations)\b|\bblog\s*roll\b|\bblogroll\b/i;

/**
 * A hub: a blogroll or a roundup of mentoring sites. Its links to other sites are followed even
 * when the page itself scores low as guidance.
 */
export function isHub(title: string, headings: string, distinctOtherSites: number, hasBlogrollMarkup: boolean): boolean {
  if (distinctOtherSites < 3) return false;
  if (hasBlogrollMarkup) return true;
  return HUB_TITLE_RE.test(title) || HUB_TITLE_RE.test(headings);
}
