// RSS 2.0 / RSS 1.0 / Atom feeds, parsed with cheerio/slim in XML mode: post dates (for the
// site's activity) and post links (candidates for the frontier).
import { load } from 'cheerio/slim';
import { guardMarkup } from '../../scoring/guard.ts';
import { MENTOR_RE } from '../frontier/link-priority.ts';

export interface FeedItem {
  title: string;
  link?: string;
  publishedAt?: string;
  /** Title, categories or summary mention mentoring. */
  mentoring: boolean;
}

export interface ParsedFeed {
  kind: 'rss' | 'atom' | 'unknown';
  title: string;
  items: FeedItem[];
}

export function isoDate(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const t = Date.parse(text.trim());
  if (!Number.isFinite(t)) return undefined;
  const d = new Date(t);
  const y = d.getUTCFullYear();
  if (y < 1995 || y > 2100) return undefined;
  return d.toISOString();
}

export function parseFeed(xml: string, baseUrl: string): ParsedFeed {
  // Deep nesting throws a TooComplexError (the failure handler marks the entry done).
  const $ = load(guardMarkup(xml, 'xml'), { xml: true });
  const resolve = (href: string | undefined): string | undefined => {
    if (!href) return undefined;
    try {
      return new URL(href.trim(), baseUrl).href;
    } catch {
      return undefined;
    }
  };
  const items: FeedItem[] = [];
  const rssItems = $('item');
  if (rssItems.length > 0) {
    rssItems.slice(0, 500).each((_, el) => {
      const it = $(el);
      const title = it.children('title').first().text().trim();
      const cats = it.children('category').map((_i, c) => $(c).text()).get().join(' ');
      const desc = it.children('description').first().text().slice(0, 2000);
      const date = isoDate(it.children('pubDate').first().text()) ?? isoDate(it.children('dc\\:date').first().text());
      const item: FeedItem = { title, mentoring: MENTOR_RE.test(`${title} ${cats} ${desc}`) };
      const link = resolve(it.children('link').first().text() || it.attr('rdf:about'));
      if (link) item.link = link;
      if (date) item.publishedAt = date;
      items.push(item);
    });
    return { kind: 'rss', title: $('channel > title').first().text().trim(), items };
  }
  const entries = $('entry');
  if (entries.length > 0 || $('feed').length > 0) {
    entries.slice(0, 500).each((_, el) => {
      const it = $(el);
      const title = it.children('title').first().text().trim();
      const cats = it.children('category').map((_i, c) => $(c).attr('term') ?? '').get().join(' ');
      const summary = (it.children('summary').first().text() || it.children('content').first().text()).slice(0, 2000);
      const date = isoDate(it.children('published').first().text()) ?? isoDate(it.children('updated').first().text());
      const alt = it.children('link[rel="alternate"]').first().attr('href') ?? it.children('link').first().attr('href');
      const item: FeedItem = { title, mentoring: MENTOR_RE.test(`${title} ${cats} ${summary}`) };
      const link = resolve(alt);
      if (link) item.link = link;
      if (date) item.publishedAt = date;
      items.push(item);
    });
    return { kind: 'atom', title: $('feed > title').first().text().trim(), items };
  }
  return { kind: 'unknown', title: '', items: [] };
}
