// `mentor-radar score`: files and URLs (a loopback server), bad input, hostile strings.
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOneLineError, mentoringHtml, run, tempDir } from './helpers.ts';

const tmp = tempDir();
const HOSTILE_TITLE = 'Evil \x1b[2J\x1b[31mred\x1b[0m \x9b31m bidi\u202egnp.exe \x07bell';
let server: Server;
let base = '';
const requests: string[] = [];

beforeAll(async () => {
  writeFileSync(join(tmp.dir, 'guide.html'), mentoringHtml('A guide for new mentors'));
  writeFileSync(join(tmp.dir, 'canonical.html'), mentoringHtml('Saved page', '').replace('<head>', '<head><link rel="canonical" href="https://mentoring.example.org/guide/">'));
  writeFileSync(join(tmp.dir, 'hostile.html'), mentoringHtml(HOSTILE_TITLE.replace(/</g, '&lt;')));
  writeFileSync(join(tmp.dir, 'binary.html'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]));
  writeFileSync(join(tmp.dir, 'notes.txt'), 'Just some notes about mentoring, no markup at all.\n');
  writeFileSync(join(tmp.dir, 'empty.html'), '');
  mkdirSync(join(tmp.dir, 'folder.html'));
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    if (req.url === '/guide') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(mentoringHtml('Served guide for mentors'));
    } else if (req.url === '/moved') {
      res.writeHead(301, { location: '/guide' });
      res.end();
    } else if (req.url === '/file.pdf') {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      res.end('%PDF-1.4 not html');
    } else {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<h1>Not found</h1>');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  tmp.cleanup();
});

describe('score FILE', () => {
  it('prints one PageScore with --json, scored as https://localhost/<name> by default', async () => {
    const r = await run(['score', 'guide.html', '--json'], { cwd: tmp.dir });
    expect(r.code).toBe(0);
    const page = JSON.parse(r.stdout);
    expect(page.url).toBe('https://localhost/guide.html');
    expect(page.finalUrl).toBe('https://localhost/guide.html');
    expect(page.title).toBe('A guide for new mentors');
    expect(r.stdout.trim().split('\n')[0]).toBe('{');
    expect(r.stdout.endsWith('}\n')).toBe(true);
  });

  it('uses --url, else the page’s own canonical URL', async () => {
    const given = JSON.parse((await run(['score', join(tmp.dir, 'guide.html'), '--url', 'https://blog.example.com/p/1', '--json'])).stdout);
    expect(given.url).toBe('https://blog.example.com/p/1');
    const canonical = JSON.parse((await run(['score', join(tmp.dir, 'canonical.html'), '--json'])).stdout);
    expect(canonical.url).toBe('https://mentoring.example.org/guide/');
  });

  it('prints the score, the six components as bars, flags, kind and evidence', async () => {
    const r = await run(['score', join(tmp.dir, 'guide.html'), '--year', '2026']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Score \d+\/100 {2}A guide for new mentors\n/);
    for (const label of ['relevance', 'mentor guidance', 'program guidance', 'actionability', 'quality', 'freshness']) {
      expect(r.stdout).toMatch(new RegExp(`^  ${label} +[█░]{20}  \\d\\.\\d\\d$`, 'm'));
    }
    expect(r.stdout).toMatch(/^flags: /m);
    expect(r.stdout).toMatch(/kind: \w+/);
    expect(r.stdout).toMatch(/^Evidence:$/m);
  });

  it('strips control characters from page-derived strings, and escapes C1/bidi in JSON', async () => {
    const human = await run(['score', join(tmp.dir, 'hostile.html')]);
    expect(human.code).toBe(0);
    // eslint-disable-next-line no-control-regex
    expect(human.stdout).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f\u202e]/);
    expect(human.stdout).toContain('Evil');
    const json = await run(['score', join(tmp.dir, 'hostile.html'), '--json']);
    // eslint-disable-next-line no-control-regex
    expect(json.stdout).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f\u202e]/);
    expect(JSON.parse(json.stdout).title).toContain('\u202e');
  });

  it.each([
    ['missing.html', /no such file: missing\.html$/],
    ['folder.html', /folder\.html is a directory/],
    ['binary.html', /binary file, not HTML/],
    ['notes.txt', /does not look like HTML/],
    ['empty.html', /is empty/],
  ])('rejects %s with exit 1 and one line', async (name, message) => {
    const r = await run(['score', name], { cwd: tmp.dir });
    expect(r.code).toBe(1);
    expect(expectOneLineError(r)).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it('rejects bad options with exit 2', async () => {
    const badUrl = await run(['score', 'guide.html', '--url', 'javascript:alert(1)'], { cwd: tmp.dir });
    expect(badUrl.code).toBe(2);
    expect(expectOneLineError(badUrl)).toMatch(/--url must be an http\(s\) URL/);
    const badYear = await run(['score', 'guide.html', '--year', '20x6'], { cwd: tmp.dir });
    expect(badYear.code).toBe(2);
    const ftp = await run(['score', 'ftp://example.org/x.html']);
    expect(ftp.code).toBe(2);
    expect(expectOneLineError(ftp)).toMatch(/must be an http\(s\) URL/);
  });
});

describe('score URL (loopback server)', () => {
  it('fetches and scores an HTML page, following redirects', async () => {
    const r = await run(['score', `${base}/moved`, '--json']);
    expect(r.code).toBe(0);
    const page = JSON.parse(r.stdout);
    expect(page.url).toBe(`${base}/moved`);
    expect(page.finalUrl).toBe(`${base}/guide`);
    expect(page.title).toBe('Served guide for mentors');
  });

  it('exits 1 with one line on 404, non-HTML and a dead port', async () => {
    const notFound = await run(['score', `${base}/nothing`]);
    expect(notFound.code).toBe(1);
    expect(expectOneLineError(notFound)).toMatch(/HTTP 404/);
    const pdf = await run(['score', `${base}/file.pdf`]);
    expect(pdf.code).toBe(1);
    expect(expectOneLineError(pdf)).toMatch(/not HTML/);
    const dead = createServer();
    await new Promise<void>((r) => dead.listen(0, '127.0.0.1', r));
    const port = (dead.address() as AddressInfo).port;
    await new Promise<void>((r) => dead.close(() => r()));
    const refused = await run(['score', `http://127.0.0.1:${port}/`]);
    expect(refused.code).toBe(1);
    expect(expectOneLineError(refused)).toMatch(/refused/);
    expect(refused.stdout).toBe('');
  });

  it('rejects --url together with a URL argument', async () => {
    const r = await run(['score', `${base}/guide`, '--url', 'https://example.org/']);
    expect(r.code).toBe(2);
    expectOneLineError(r);
  });
});
