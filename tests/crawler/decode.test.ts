// One set of decoding rules for the crawl and `score FILE` (crawler/net/decode.ts): a BOM
// first (UTF-16 files are text, not binary), the header charset (BOM-less UTF-16), <meta>,
// then UTF-8 or, for bytes that are not UTF-8, windows-1252.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { decodeBody, decodeText, BinaryContentError } from '../../crawler/net/decode.ts';
import { fetchPage } from '../../crawler/net/fetch.ts';
import { startFixtureWeb, type FixtureWeb } from '../../demo/fixture-web/server.ts';
import { mentoringHtml, run, tempDir } from './commands/helpers.ts';

const PAGE = mentoringHtml('Mentoring: the first meeting — café talk “in person”');
const utf16le = (s: string, bom = true) => Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), iconv.encode(s, 'utf-16le')]);
const utf16be = (s: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(s, 'utf-16be')]);

describe('decodeBody', () => {
  it('sniffs a BOM before anything else', () => {
    expect(decodeBody(utf16le(PAGE), 'text/html; charset=iso-8859-1')).toEqual({ text: PAGE, charset: 'utf-16le' });
    expect(decodeBody(utf16be(PAGE))).toEqual({ text: PAGE, charset: 'utf-16be' });
    expect(decodeBody(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(PAGE)]))).toEqual({ text: PAGE, charset: 'utf-8' });
  });

  it('reads BOM-less UTF-16 by the header charset (and a saved file by its byte pattern)', () => {
    expect(decodeBody(utf16le(PAGE, false), 'text/html; charset=UTF-16LE').text).toBe(PAGE);
    expect(decodeBody(utf16le(PAGE, false), 'text/html; charset=utf-16').text).toBe(PAGE);
    expect(decodeBody(utf16le(PAGE, false)).text).toBe(PAGE);
  });

  it('falls back to windows-1252 for bytes that are not UTF-8, and to UTF-8 for a <meta> claiming UTF-16', () => {
    const latin = Buffer.from('<p>caf\xe9 \x93quoted\x94 \x80</p>', 'latin1');
    expect(decodeBody(latin, 'text/html')).toEqual({ text: '<p>café “quoted” €</p>', charset: 'windows-1252' });
    expect(decodeBody(latin)).toEqual({ text: '<p>café “quoted” €</p>', charset: 'windows-1252' });
    expect(decodeBody(Buffer.from('<meta charset="utf-16"><p>café</p>'), 'text/html')).toEqual({ text: '<meta charset="utf-16"><p>café</p>', charset: 'utf-8' });
    expect(decodeBody(Buffer.from('<meta charset=iso-8859-1><p>caf\xe9</p>', 'latin1'), '').charset).toBe('windows-1252');
  });

  it('refuses binary content only after decoding', () => {
    expect(() => decodeText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0, 0]))).toThrow(BinaryContentError);
    expect(decodeText(utf16le(PAGE)).text).toBe(PAGE);
  });
});

describe('the same rules in `score FILE` and the crawl', () => {
  let web: FixtureWeb;
  const tmp = tempDir('mr-decode-');
  beforeAll(async () => {
    web = await startFixtureWeb([
      {
        name: 'enc',
        address: '127.0.0.41',
        pages: {
          '/utf16': { body: utf16le(PAGE, false), contentType: 'text/html; charset=utf-16le' },
          '/latin': { body: Buffer.from('<html><body><p>caf\xe9 mentoring</p></body></html>', 'latin1'), contentType: 'text/html' },
        },
      },
    ]);
  });
  afterAll(async () => {
    await web.close();
    tmp.cleanup();
  });

  it('scores UTF-16 files (LE and BE, with BOM, and LE without) like their UTF-8 original', async () => {
    const utf8 = join(tmp.dir, 'utf8.html');
    writeFileSync(utf8, PAGE);
    const reference = JSON.parse((await run(['score', utf8, '--url', 'https://m.example/first-meeting', '--json'])).stdout);
    for (const [name, bytes] of [['le.html', utf16le(PAGE)], ['be.html', utf16be(PAGE)], ['le-nobom.html', utf16le(PAGE, false)]] as const) {
      const f = join(tmp.dir, name);
      writeFileSync(f, bytes);
      const r = await run(['score', f, '--url', 'https://m.example/first-meeting', '--json']);
      expect(r.code, `${name}: ${r.stderr}`).toBe(0);
      const p = JSON.parse(r.stdout);
      expect(p.title).toBe(reference.title);
      expect(p.score).toBe(reference.score);
    }
  });

  it('fetches BOM-less UTF-16 by its header and Latin-1 without a declaration', async () => {
    expect((await fetchPage(web.url('enc', '/utf16'))).body).toBe(PAGE);
    const latin = await fetchPage(web.url('enc', '/latin'));
    expect(latin.body).toContain('café mentoring');
    expect(latin.charset).toBe('windows-1252');
  });
});
