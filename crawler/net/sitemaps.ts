// XML sitemaps (urlset and sitemapindex), parsed with cheerio/slim in XML mode.
import { load } from 'cheerio/slim';
import { guardMarkup } from '../../scoring/guard.ts';
import { isoDate } from './feeds.ts';

export interface SitemapEntry {
  loc: string;
  lastmod?: string;
}

export interface ParsedSitemap {
  /** Page URLs (urlset). */
  urls: SitemapEntry[];
  /** Child sitemaps (sitemapindex). */
  sitemaps: string[];
}

export function parseSitemap(xml: string, baseUrl: string, limit = 50_000): ParsedSitemap {
  // Deep nesting throws a TooComplexError (the failure handler marks the entry done).
  const $ = load(guardMarkup(xml, 'xml'), { xml: true });
  const out: ParsedSitemap = { urls: [], sitemaps: [] };
  const abs = (s: string): string | undefined => {
    try {
      return new URL(s.trim(), baseUrl).href;
    } catch {
      return undefined;
    }
  };
  $('sitemapindex > sitemap > loc').each((_, el) => {
    const u = abs($(el).text());
    if (u && out.sitemaps.length < 1000) out.sitemaps.push(u);
  });
  $('urlset > url').each((i, el) => {
    if (i >= limit) return false;
    const loc = abs($(el).children('loc').first().text());
    if (!loc) return undefined;
    const entry: SitemapEntry = { loc };
    const lm = isoDate($(el).children('lastmod').first().text());
    if (lm) entry.lastmod = lm;
    out.urls.push(entry);
    return undefined;
  });
  return out;
}
