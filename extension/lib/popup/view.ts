// The popup's view: fills the static elements of popup/index.html from a bookmark reply.
// Page-derived strings (title, evidence, URLs) go in as text only; the one link is http(s) only.
import { COMPONENT_NAMES, candidateName } from '../../../scoring/index.ts';
import type { Candidate, PageScore } from '../../../scoring/index.ts';
import { scorerModelLabel } from '../../../scoring/model-version.ts';
import { crawlStatusText, type CrawlStatus } from '../../../scoring/crawl-status.ts';
import { clear, el, link, setText } from '../dom.ts';
import { COMPONENT_LABELS, flagsText, kindLabel } from '../labels.ts';
import type { BookmarkReply } from '../messages.ts';

const $ = (doc: Document, id: string) => doc.getElementById(id);

export function setStatus(doc: Document, text: string, state: 'loading' | 'done' | 'error' | 'saved'): void {
  setText($(doc, 'status'), text);
  doc.body?.setAttribute('data-state', state);
}

/** What a successful bookmark did, in words. */
export function bookmarkedText(wasKnown: boolean, pageWasKnown: boolean): string {
  if (pageWasKnown) return 'Re-scored.';
  return wasKnown ? 'Page added to the candidate.' : 'Bookmarked.';
}

export function candidateStatus(c: Candidate, wasKnown: boolean): string {
  const n = c.siteScore.pagesScored;
  return wasKnown ? `Already a candidate — ${n} ${n === 1 ? 'page' : 'pages'}` : 'New candidate';
}

export function renderPage(doc: Document, page: PageScore): void {
  setText($(doc, 'score'), String(Math.round(page.score)));
  const title = $(doc, 'title');
  if (title) {
    clear(title);
    title.appendChild(link(doc, page.finalUrl, page.title.trim() || page.finalUrl || page.url));
  }
  for (const name of COMPONENT_NAMES) {
    const row = doc.querySelector(`[data-component="${name}"]`);
    if (!row) continue;
    const v = Math.max(0, Math.min(1, Number(page.components[name]) || 0));
    row.querySelector('meter')?.setAttribute('value', v.toFixed(3));
    setText(row.querySelector('.value'), String(Math.round(v * 100)));
  }
  const list = $(doc, 'evidence');
  if (list) {
    clear(list);
    for (const ev of page.evidence) {
      const li = el(doc, 'li', { 'data-component': ev.component });
      li.appendChild(el(doc, 'span', { class: 'ev-component' }, COMPONENT_LABELS[ev.component] ?? ev.component));
      li.appendChild(el(doc, 'span', { class: 'ev-text' }, ev.text));
      list.appendChild(li);
    }
    if (page.evidence.length === 0) list.appendChild(el(doc, 'li', { class: 'empty' }, 'No mentoring evidence found on this page.'));
  }
  const flags = $(doc, 'flags');
  if (flags) setText(flags, flagsText(page.flags));
  // Which model scored it (issue 11): the shipped one, or the curator's, taken on sync.
  setText($(doc, 'scorer'), `Scored with ${scorerModelLabel(page.scorerVersion)}.`);
  $(doc, 'scorer')?.setAttribute('data-scorer-version', page.scorerVersion);
}

/** What the crawler did with the site as of the last sync: "Crawl queued" / "Crawled N pages on DATE". */
export function renderCrawlStatus(doc: Document, status: CrawlStatus | undefined): void {
  const p = $(doc, 'crawl-status');
  if (!p) return;
  if (status) {
    setText(p, crawlStatusText(status));
    p.setAttribute('data-crawl', status.state);
    p.hidden = false;
  } else {
    p.hidden = true;
    p.removeAttribute('data-crawl');
  }
}

export function renderCandidate(doc: Document, c: Candidate, wasKnown: boolean): void {
  setText($(doc, 'candidate-status'), candidateStatus(c, wasKnown));
  const s = c.siteScore;
  setText(
    $(doc, 'site-score'),
    `Site score ${Math.round(s.score)} · ${s.pagesScored} ${s.pagesScored === 1 ? 'page' : 'pages'} scored · ${s.mentoringPages} about mentoring`,
  );
  // The site's kind, as the dashboard shows it (a page of a blog may itself look like "other").
  setText($(doc, 'site-kind'), kindLabel(s.siteKind));
  const site = $(doc, 'site-name');
  if (site) {
    clear(site);
    site.appendChild(link(doc, s.site, candidateName(c)));
  }
  const decision = $(doc, 'decision') as HTMLSelectElement | null;
  if (decision) decision.value = c.decision;
  const tags = $(doc, 'tags') as HTMLInputElement | null;
  if (tags) tags.value = c.tags.join(', ');
  const note = $(doc, 'note') as HTMLTextAreaElement | null;
  if (note) note.value = c.notes;
  $(doc, 'curation')?.removeAttribute('hidden');
  $(doc, 'result')?.removeAttribute('hidden');
  doc.body?.setAttribute('data-site', c.site);
}

export function renderReply(doc: Document, reply: BookmarkReply): void {
  if (!reply || !reply.ok) {
    $(doc, 'result')?.setAttribute('hidden', '');
    $(doc, 'curation')?.setAttribute('hidden', '');
    setStatus(doc, reply?.error ?? 'No answer from the extension.', 'error');
    doc.body?.setAttribute('data-reason', reply?.reason ?? 'failed');
    return;
  }
  doc.body?.removeAttribute('data-reason');
  renderPage(doc, reply.page);
  renderCandidate(doc, reply.candidate, reply.wasKnown);
  setStatus(doc, bookmarkedText(reply.wasKnown, reply.pageWasKnown), 'done');
}

/** Tags as typed: comma-separated, trimmed, empties dropped. */
export function parseTags(text: string): string[] {
  return text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
}
