// @vitest-environment happy-dom
// The popup's real HTML, rendered by its view functions in a DOM: everything shows up in the stable
// ids, and hostile page-derived strings stay text (no element is created from them, no javascript: link).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { bookmarkedText, candidateStatus, parseTags, renderCrawlStatus, renderReply } from '../../extension/lib/popup/view.ts';
import { link, safeHttpUrl } from '../../extension/lib/dom.ts';
import { readDocument } from '../../extension/lib/background/bookmark.ts';
import { downloadFile } from '../../extension/lib/transfer.ts';
import { COMPONENT_NAMES } from '../../scoring/index.ts';
import { candidateOf, pageOf } from './fixtures.ts';

const POPUP_HTML = readFileSync(resolve(process.cwd(), 'extension/entrypoints/popup/index.html'), 'utf8');

beforeEach(() => {
  // The popup's markup without its module script (the view is driven directly here).
  const body = /<body[^>]*>([\s\S]*)<\/body>/.exec(POPUP_HTML)![1].replace(/<script[\s\S]*?<\/script>/g, '');
  document.body.innerHTML = body;
  document.body.setAttribute('data-state', 'loading');
});

const HOSTILE = '<img src=x onerror=alert(1)>';

describe('popup view', () => {
  it('shows score, six named component bars, evidence, the site kind, flags in words and candidate status', () => {
    const page = pageOf('https://mentorblog.example/first-meeting', 74.6, {
      title: 'Your first meeting',
      evidence: [
        { component: 'mentorGuidance', text: 'Listen more than you talk.' },
        { component: 'programGuidance', text: 'The coordinator matches pairs.' },
      ],
      flags: ['thin', 'undated'],
    });
    page.siteKind = 'other'; // this page looks like nothing in particular; the site is a blog
    const candidate = candidateOf('mentorblog.example', 68, { pages: 3, decision: 'shortlist', tags: ['a', 'b'], notes: 'note' });
    candidate.siteScore.siteKind = 'blog';
    renderReply(document, { ok: true, page, candidate, wasKnown: true, pageWasKnown: false });

    expect(document.getElementById('score')!.textContent).toBe('75');
    expect(document.getElementById('title')!.textContent).toBe('Your first meeting');
    expect(document.querySelector('#title a')!.getAttribute('href')).toBe('https://mentorblog.example/first-meeting');
    expect(document.getElementById('site-kind')!.textContent).toBe('Blog');
    expect(document.getElementById('candidate-status')!.textContent).toBe('Already a candidate — 3 pages');
    expect(document.getElementById('site-score')!.textContent).toContain('Site score 68');
    for (const name of COMPONENT_NAMES) {
      const row = document.querySelector(`[data-component="${name}"]`)!;
      expect(row.querySelector('meter')!.getAttribute('value')).toBe(page.components[name].toFixed(3));
      expect(row.querySelector('.value')!.textContent).toBe(String(Math.round(page.components[name] * 100)));
    }
    const ev = [...document.querySelectorAll('#evidence li')];
    expect(ev.map((li) => li.getAttribute('data-component'))).toEqual(['mentorGuidance', 'programGuidance']);
    expect(ev[0].textContent).toContain('Listen more than you talk.');
    expect((document.getElementById('decision') as HTMLSelectElement).value).toBe('shortlist');
    expect((document.getElementById('tags') as HTMLInputElement).value).toBe('a, b');
    expect((document.getElementById('note') as HTMLTextAreaElement).value).toBe('note');
    expect(document.getElementById('result')!.hasAttribute('hidden')).toBe(false);
    expect(document.body.getAttribute('data-state')).toBe('done');
    expect(document.getElementById('status')!.textContent).toBe('Page added to the candidate.');
    // Flags in words, apart from the curator's own note.
    expect(document.getElementById('flags')!.textContent).toBe('About this page: little text; no publication date');
    expect(document.getElementById('flags')!.closest('#curation')).toBeNull();
    // Every meter has an accessible name.
    for (const m of document.querySelectorAll('meter')) expect(m.getAttribute('aria-label')).toMatch(/^[A-Z]/);
  });

  it('says what a bookmark did: new candidate, page added, or re-scored', () => {
    expect(bookmarkedText(false, false)).toBe('Bookmarked.');
    expect(bookmarkedText(true, false)).toBe('Page added to the candidate.');
    expect(bookmarkedText(true, true)).toBe('Re-scored.');
  });

  it('a new site says "New candidate"; an error hides the result and shows the message', () => {
    const candidate = candidateOf('new.example', 40);
    expect(candidateStatus(candidate, false)).toBe('New candidate');
    expect(candidateStatus(candidate, true)).toBe('Already a candidate — 1 page');
    renderReply(document, { ok: false, error: "This page can't be read", reason: 'not-html' });
    expect(document.getElementById('status')!.textContent).toBe("This page can't be read");
    expect(document.body.getAttribute('data-state')).toBe('error');
    expect(document.body.getAttribute('data-reason')).toBe('not-html');
    expect(document.getElementById('result')!.hasAttribute('hidden')).toBe(true);
  });

  it('renders hostile titles, evidence, names and URLs as inert text', () => {
    const page = pageOf('javascript:alert(1)', 50, {
      title: HOSTILE,
      finalUrl: 'javascript:alert(document.cookie)',
      evidence: [
        { component: 'relevance', text: '<script>alert(1)</script> mentoring' },
        { component: 'quality', text: '<a href="javascript:alert(1)">click</a>' },
      ],
      flags: ['<b>bold</b>'],
    });
    const candidate = candidateOf('evil.example', 50);
    candidate.name = `<svg onload=alert(1)>${HOSTILE}`;
    candidate.siteScore.site = 'javascript:alert(2)';
    renderReply(document, { ok: true, page, candidate, wasKnown: false, pageWasKnown: false });

    expect(document.querySelectorAll('img, script, svg, iframe, object, embed').length).toBe(0);
    expect(document.getElementById('title')!.textContent).toBe(HOSTILE);
    expect(document.querySelectorAll('#title a').length).toBe(0); // javascript: is never a link
    expect(document.getElementById('site-name')!.textContent).toBe(candidate.name);
    expect([...document.querySelectorAll('a')].filter((a) => !/^https?:/.test(a.getAttribute('href') ?? ''))).toEqual([]);
    expect(document.querySelector('#evidence li[data-component="relevance"]')!.textContent).toContain('<script>alert(1)</script>');
    expect(document.querySelectorAll('#evidence a').length).toBe(0);
    for (const node of document.querySelectorAll('*')) {
      for (const attr of node.getAttributeNames()) expect(attr.startsWith('on')).toBe(false);
    }
  });
});

describe('safe links', () => {
  it('only http(s) URLs become links', () => {
    expect(safeHttpUrl('https://a.example/x')).toBe('https://a.example/x');
    expect(safeHttpUrl('http://127.0.0.1:8787/')).toBe('http://127.0.0.1:8787/');
    for (const bad of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,<b>x</b>', 'vbscript:x', '/relative', 'file:///etc/passwd', '', null, 42]) {
      expect(safeHttpUrl(bad)).toBeNull();
    }
    const a = link(document, 'https://a.example/', 'A');
    expect(a.tagName).toBe('A');
    expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    expect(link(document, 'javascript:alert(1)', 'x').tagName).toBe('SPAN');
  });

  it('tags are split on commas', () => {
    expect(parseTags(' a, b ,,c ')).toEqual(['a', 'b', 'c']);
  });
});

describe('readDocument (runs in the page through scripting.executeScript)', () => {
  it('returns the whole document with its URL, content type and state, capped at the limit', async () => {
    document.title = 'A page';
    const full = await readDocument(10_000_000);
    expect(full.truncated).toBe(false);
    expect(full.html.startsWith('<html')).toBe(true);
    expect(full.html).toContain('id="evidence"');
    expect(full.url).toBe(location.href);
    expect(full.contentType).toBe('text/html');
    expect(full.readyState).not.toBe('loading');
    expect(typeof full.status).toBe('number');
    const cut = await readDocument(100);
    expect(cut).toMatchObject({ truncated: true });
    expect(cut.html).toHaveLength(100);
  });

  it('is self-contained (the browser serialises it without its module)', () => {
    const src = readDocument.toString();
    expect(src).not.toMatch(/\bimport\b|require\(|browser\.|__async|__awaiter/);
  });
});

describe('which model, and the crawler (issue 11)', () => {
  it('says which model scored the page, and what the crawler did with the site as of the last sync', () => {
    const candidate = candidateOf('mentorblog.example', 68);
    renderReply(document, { ok: true, page: pageOf('https://mentorblog.example/a', 70), candidate, wasKnown: false, pageWasKnown: false });
    expect(document.getElementById('scorer')!.textContent).toBe('Scored with the shipped model.');
    renderReply(document, { ok: true, page: pageOf('https://mentorblog.example/a', 70, { scorerVersion: '2.0.0+0123abcd.curator-2' }), candidate, wasKnown: true, pageWasKnown: true });
    expect(document.getElementById('scorer')!.textContent).toBe('Scored with your model curator-2.');
    const line = document.getElementById('crawl-status')!;
    expect(line.hidden).toBe(true);
    renderCrawlStatus(document, { state: 'queued', queuedAt: '2026-05-01T10:00:00.000Z' });
    expect([line.hidden, line.textContent, line.getAttribute('data-crawl')]).toEqual([false, 'Crawl queued', 'queued']);
    renderCrawlStatus(document, { state: 'crawled', pages: 9, at: '2026-05-03T02:00:00.000Z' });
    expect(line.textContent).toBe('Crawled 9 pages on 2026-05-03');
    renderCrawlStatus(document, undefined);
    expect(line.hidden).toBe(true);
  });
});

describe('downloadFile', () => {
  it('saves through a Blob URL and a temporary <a download>, no downloads permission', () => {
    const clicked: { href: string; download: string }[] = [];
    const orig = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    };
    try {
      downloadFile(document, { text: 'rank,site\r\n', filename: 'mentor-radar-2026-06-01.csv', mime: 'text/csv' });
    } finally {
      HTMLAnchorElement.prototype.click = orig;
    }
    expect(clicked).toHaveLength(1);
    expect(clicked[0].download).toBe('mentor-radar-2026-06-01.csv');
    expect(clicked[0].href).toMatch(/^blob:/);
    expect(document.querySelectorAll('a[download]').length).toBe(0); // removed again
  });
});
