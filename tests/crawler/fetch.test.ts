// fetchPage against a loopback server: faults are typed errors, never crashes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureWeb, type FixtureWeb } from '../../demo/fixture-web/server.ts';
import { fetchPage, FetchError, USER_AGENT } from '../../crawler/net/fetch.ts';
import { decodeBody } from '../../crawler/net/decode.ts';

let web: FixtureWeb;
beforeAll(async () => {
  web = await startFixtureWeb([
    {
      name: 'f',
      address: '127.0.0.21',
      pages: {
        '/ok': '<html><head><title>ok</title></head><body>fine</body></html>',
        '/500': { status: 500, body: 'boom' },
        '/slow': { delayMs: 3000, body: 'late' },
        '/loop-a': { redirect: '/loop-b' },
        '/loop-b': { redirect: '/loop-a' },
        '/r1': { redirect: '/r2' },
        '/r2': { redirect: '/r3' },
        '/r3': { redirect: '/ok' },
        '/endless': { endlessBytes: Infinity },
        '/pdf': { contentType: 'application/pdf', body: Buffer.from('%PDF-1.4') },
        '/cp1252': {
          contentType: 'text/html',
          body: Buffer.from('<html><head><meta charset="windows-1252"><title>caf\xe9</title></head><body>\x93quoted\x94 \x96 dash \x80</body></html>', 'latin1'),
        },
        '/header-charset': { contentType: 'text/html; charset=iso-8859-1', body: Buffer.from('<p>na\xefve</p>', 'latin1') },
      },
    },
  ]);
});
afterAll(async () => {
  await web.close();
});

async function kindOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'none';
  } catch (e) {
    expect(e).toBeInstanceOf(FetchError);
    return (e as FetchError).kind;
  }
}

describe('fetchPage', () => {
  it('fetches HTML with the honest User-Agent', async () => {
    const r = await fetchPage(web.url('f', '/ok'));
    expect(r.status).toBe(200);
    expect(r.body).toContain('fine');
    expect(web.requests('f', '/ok').at(-1)?.ua).toBe(USER_AGENT);
    expect(USER_AGENT).toMatch(/^MentorRadar\/\S+ \(\+https:\/\//);
  });

  it('records HTTP errors, timeouts, redirect loops, chains, bodies over the cap and non-HTML by kind', async () => {
    expect(await kindOf(fetchPage(web.url('f', '/500')))).toBe('http');
    expect(await kindOf(fetchPage(web.url('f', '/slow'), { timeoutMs: 300 }))).toBe('timeout');
    expect(await kindOf(fetchPage(web.url('f', '/loop-a')))).toBe('redirect-loop');
    expect(await kindOf(fetchPage(web.url('f', '/r1'), { maxRedirects: 2 }))).toBe('too-many-redirects');
    expect((await fetchPage(web.url('f', '/r1'))).finalUrl).toBe(web.url('f', '/ok'));
    expect(await kindOf(fetchPage(web.url('f', '/endless'), { maxBytes: 256 * 1024 }))).toBe('too-large');
    expect(await kindOf(fetchPage(web.url('f', '/pdf')))).toBe('not-html');
    expect(await kindOf(fetchPage(`http://127.0.0.22:${web.port}/`))).toBe('refused');
    expect(await kindOf(fetchPage('ftp://example.org/'))).toBe('bad-url');
  });

  it('truncates instead of failing when asked', async () => {
    const r = await fetchPage(web.url('f', '/endless'), { maxBytes: 100_000, truncate: true });
    expect(r.truncated).toBe(true);
    expect(r.bytes).toBe(100_000);
  });

  it('decodes charset from the header, then <meta>, then UTF-8', async () => {
    const r = await fetchPage(web.url('f', '/cp1252'));
    expect(r.charset).toBe('windows-1252');
    expect(r.body).toContain('café');
    expect(r.body).toContain('\u201cquoted\u201d \u2013 dash \u20ac');
    const h = await fetchPage(web.url('f', '/header-charset'));
    expect(h.body).toContain('naïve');
    expect(decodeBody(new TextEncoder().encode('<p>héllo</p>'), undefined)).toEqual({ text: '<p>héllo</p>', charset: 'utf-8' });
    const meta = decodeBody(Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><p>\x93x\x94</p>', 'latin1'), 'text/html');
    expect(meta.text).toContain('\u201cx\u201d');
  });
});
