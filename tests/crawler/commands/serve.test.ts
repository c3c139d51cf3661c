// `serve`: the loopback sync API, started through main() on a free port and stopped by a signal.
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSyncServer } from '../../../crawler/commands/serve.ts';
import { openStore } from '../../../crawler/store.ts';
import { candidatesToJson } from '../../../scoring/index.ts';
import { candidate, captureIo, readCandidates, seedStore, tempDir } from './helpers.ts';
import { main } from '../../../crawler/cli.ts';

const tmp = tempDir();
const db = join(tmp.dir, 'serve.db');
const controller = new AbortController();
let base = '';
let done: Promise<number>;
let output: ReturnType<typeof captureIo>;

function raw(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

beforeAll(async () => {
  seedStore(db, [candidate('https://mentoring-guide.example/start', 'Starting as a mentor')]);
  const store = openStore(db);
  store.decide('mentoring-guide.example', { decision: 'shortlist', note: 'local note', tags: ['local'] });
  store.close();
  let listening!: () => void;
  const ready = new Promise<void>((r) => (listening = r));
  output = captureIo({ signal: controller.signal });
  const io = output.io;
  const write = io.stdout;
  io.stdout = (s) => {
    write(s);
    if (/serving on/.test(s)) listening();
  };
  done = main(['serve', '--port', '0', '--db', db], io);
  await Promise.race([ready, done.then((code) => Promise.reject(new Error(`serve exited ${code}: ${output.err()}`)))]);
  base = /http:\/\/127\.0\.0\.1:\d+/.exec(output.out())![0];
});

afterAll(async () => {
  controller.abort();
  await done;
  tmp.cleanup();
});

describe('serve', () => {
  it('listens on 127.0.0.1 only and answers /api/health', async () => {
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${base}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, candidates: 1 });
  });

  it('GET /api/candidates returns the JSON export', async () => {
    const res = await fetch(`${base}/api/candidates`);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const file = await res.json();
    expect(file.format).toBe('mentor-radar/candidates');
    expect(file.candidates.map((c: { site: string }) => c.site)).toEqual(['mentoring-guide.example']);
    expect(file.candidates[0].decision).toBe('shortlist');
  });

  it('POST /api/candidates merges by site, keeping the local curation', async () => {
    const incoming = [
      { ...candidate('https://mentoring-guide.example/other', 'Another page'), notes: 'from the extension', tags: ['ext'], sources: ['bookmark' as const] },
      candidate('https://program.example/', 'Mentoring program toolkit'),
    ];
    const res = await fetch(`${base}/api/candidates`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop' },
      body: candidatesToJson(incoming, '2026-05-01T00:00:00.000Z'),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('chrome-extension://abcdefghijklmnopabcdefghijklmnop');
    expect(await res.json()).toEqual({ imported: 2, added: 1, merged: 1 });
    const guide = readCandidates(db).find((c) => c.site === 'mentoring-guide.example')!;
    expect(guide.decision).toBe('shortlist');
    expect(guide.tags).toEqual(['ext', 'local']); // merged tags are a set, in a canonical order
    expect(guide.notes).toContain('local note');
    expect(guide.sources).toEqual(['crawl', 'bookmark']);
  });

  it('rejects bad bodies with 4xx and changes nothing', async () => {
    const before = readCandidates(db);
    const post = (body: string, type = 'application/json') => fetch(`${base}/api/candidates`, { method: 'POST', headers: { 'content-type': type }, body });
    const badJson = await post('{"format":');
    expect(badJson.status).toBe(400);
    expect((await badJson.json()).error).toMatch(/not valid JSON/);
    expect((await post('{"format":"mentor-radar/candidates","version":1,"candidates":[{"site":"x.example","siteScore":{"score":500}}]}')).status).toBe(400);
    expect((await post('site,score\nx.example,50\n', 'text/csv')).status).toBe(415);
    expect(readCandidates(db)).toEqual(before);
  });

  it('allows CORS only for extension origins, and refuses other origins and foreign Host headers', async () => {
    const pre = await fetch(`${base}/api/candidates`, {
      method: 'OPTIONS',
      headers: { origin: 'moz-extension://1234-abcd', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('moz-extension://1234-abcd');
    expect(pre.headers.get('access-control-allow-methods')).toContain('POST');
    const web = await fetch(`${base}/api/candidates`, { headers: { origin: 'https://evil.example' } });
    expect(web.status).toBe(403);
    expect(web.headers.get('access-control-allow-origin')).toBeNull();
    const rebinding = await raw('/api/candidates', { headers: { host: `evil.example:${new URL(base).port}` } });
    expect(rebinding.status).toBe(403);
    expect((await fetch(`${base}/nothing`)).status).toBe(404);
    expect((await fetch(`${base}/api/health`, { method: 'DELETE' })).status).toBe(405);
  });

  it('caps the body size (413)', async () => {
    const store = openStore(join(tmp.dir, 'cap.db'));
    const server = createSyncServer({ store, now: () => new Date().toISOString(), maxBodyBytes: 1024 });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const port = (server.address() as AddressInfo).port;
      const res = await fetch(`http://127.0.0.1:${port}/api/candidates`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x'.repeat(5000) });
      expect(res.status).toBe(413);
      expect(store.listCandidates()).toEqual([]);
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
      store.close();
    }
  });

  it('stops on the signal with exit 0', async () => {
    controller.abort();
    expect(await done).toBe(0);
    await expect(fetch(`${base}/api/health`)).rejects.toThrow();
  });
});
