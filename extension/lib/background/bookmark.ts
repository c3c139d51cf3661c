// The bookmark flow, run in the background: read the tab's HTML (activeTab + scripting), score it
// here with scoring/ (never in the page), store the page, rebuild the site score from every stored
// page of that site, merge into the candidate, update the badge.
import { browser } from 'wxt/browser';
import { newCandidate, scorePage, scoreSite, siteKey } from '../../../scoring/index.ts';
import { pagesOfSite, savePageAndCandidate } from '../db.ts';
import { setBadgeFor } from './badge.ts';
import type { BookmarkReply } from '../messages.ts';
import { getSettings, roundupYearOf } from '../settings.ts';

/** Pages bigger than this are cut (the scorer reads the start of the document). */
export const MAX_HTML = 5 * 1024 * 1024;

export interface PageRead {
  url: string;
  html: string;
  truncated: boolean;
}

/** Runs inside the page (serialised by scripting.executeScript): no closures, no imports. */
export function readDocument(max: number): PageRead {
  const html = document.documentElement ? document.documentElement.outerHTML : '';
  return { url: location.href, html: html.length > max ? html.slice(0, max) : html, truncated: html.length > max };
}

export const CANNOT_READ =
  "This page can't be read by an extension (browser pages, the extension store, PDFs and other extensions' pages are off limits). Open a web page and try again.";

function describe(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  if (/no tab with id/i.test(msg)) return 'That tab is closed. Open the page again and retry.';
  if (/cannot access|cannot be scripted|chrome:\/\/|extensions gallery|missing host permission|permission/i.test(msg)) {
    return CANNOT_READ;
  }
  return `Could not score this page: ${msg.slice(0, 300)}`;
}

/** Without a fragment: `#section` links are the same page. */
function pageUrl(href: string): string {
  const u = new URL(href);
  u.hash = '';
  return u.href;
}

async function readTab(tabId: number): Promise<PageRead> {
  const results = await browser.scripting.executeScript({ target: { tabId }, func: readDocument, args: [MAX_HTML] });
  const r = results?.[0]?.result as PageRead | undefined;
  if (!r || typeof r.html !== 'string' || typeof r.url !== 'string') throw new Error('the page returned nothing');
  return r;
}

/** Bookmark one tab. Never throws: errors come back as `{ ok: false, error }` for the popup. */
export async function bookmarkTab(tabId: number, now: () => Date = () => new Date()): Promise<BookmarkReply> {
  let read: PageRead;
  try {
    read = await readTab(tabId);
  } catch (e) {
    return { ok: false, error: describe(e) };
  }
  let url: string;
  let site: string;
  try {
    const u = new URL(read.url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return { ok: false, error: CANNOT_READ };
    url = pageUrl(read.url);
    site = siteKey(url);
  } catch {
    return { ok: false, error: CANNOT_READ };
  }
  try {
    const settings = await getSettings();
    const roundupYear = roundupYearOf(settings, now());
    // Score first (no transaction is open while we compute), then write in one transaction.
    const page = scorePage({ url, html: read.html, roundupYear });
    if (read.truncated && !page.flags.includes('truncated')) page.flags = [...page.flags, 'truncated'];
    const others = (await pagesOfSite(site)).filter((p) => p.url !== page.url);
    const siteScore = scoreSite([...others, page], { site: new URL(url).origin, roundupYear });
    const at = now().toISOString();
    const saved = await savePageAndCandidate(page, newCandidate(siteScore, 'bookmark', at), at);
    await setBadgeFor(tabId, saved.candidate).catch(() => undefined);
    return { ok: true, page, candidate: saved.candidate, wasKnown: saved.wasKnown };
  } catch (e) {
    const err = e as Error;
    return { ok: false, error: err?.name === 'DbQuotaError' ? err.message : describe(e) };
  }
}
