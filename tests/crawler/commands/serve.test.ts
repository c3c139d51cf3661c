// `serve`: the loopback sync API, started through main() on a free port and stopped by a signal;
// its bearer token, the timestamp rules at its boundary, and paged reads.
import { readFileSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PAGE, MAX_PAGE, createSyncServer } from '../../../crawler/commands/serve.ts';
import { openStore } from '../../../crawler/store/index.ts';
import { candidatesToJson } from '../../../scoring/index.ts';
import type { Candidate } from '../../../scoring/index.ts';
import { candidate, captureIo, readCandidates, run, seedStore, tempDir } from './helpers.ts';
import { main } from '../../../crawler/cli.ts';

const tmp = tempDir();
const db = join(tmp.dir, 'serve.db');
const controller = new AbortController();
let base = '';
let token = '';
let done: Promise<number>;
let output: ReturnType<typeof captureIo>;
const EXT = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

function raw(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: url.pathname + url.search, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

const auth = (extra: Record<string, string> = {}) => ({ authorization: `Bearer ${token}`, ...extra });
const post = (body: string, headers: Record<string, string> = auth()) =>
  fetch(`${base}/api/candidates`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

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
  token = readFileSync(`${db}.token`, 'utf8').trim();
});

afterAll(async () => {
  controller.abort();
  await done;
  tmp.cleanup();
});

describe('serve', () => {
  it('makes a random token on first run, readable by its owner only, and --show-token prints it', async () => {
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    if (process.platform !== 'win32') expect(statSync(`${db}.token`).mode & 0o777).toBe(0o600);
    expect(output.err()).toContain('made a sync token');
    const shown = await run(['serve', '--show-token', '--db', db]);
    expect(shown).toMatchObject({ code: 0, stdout: `${token}\n` });
    // Another store has another token; a loosened file is tightened again.
    const other = join(tmp.dir, 'other.db');
    const second = await run(['serve', '--show-token', '--db', other]);
    expect(second.stdout.trim()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(second.stdout.trim()).not.toBe(token);
    if (process.platform !== 'win32') {
      chmodSync(`${other}.token`, 0o644);
      expect((await run(['serve', '--show-token', '--db', other])).stdout).toBe(second.stdout);
      expect(statSync(`${other}.token`).mode & 0o777).toBe(0o600);
    }
    writeFileSync(`${other}.token`, 'short\n');
    const damaged = await run(['serve', '--show-token', '--db', other]);
    expect(damaged.code).toBe(1);
    expect(damaged.stderr).toMatch(/damaged: delete it/);
  });

  it('listens on 127.0.0.1 only and answers /api/health without a token', async () => {
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${base}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true });
  });

  it('answers 401 on every other /api/ request without the token or with a wrong one, and changes nothing', async () => {
    const before = readCandidates(db);
    const tries: Record<string, string>[] = [{}, { authorization: 'Bearer wrong' }, { authorization: `Bearer ${token}x` }, { authorization: token }, { authorization: `Basic ${token}` }];
    for (const headers of tries) {
      const get = await fetch(`${base}/api/candidates`, { headers });
      expect(get.status).toBe(401);
      expect(get.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect((await get.json()).error).toMatch(/--show-token/);
      expect((await post(candidatesToJson([candidate('https://intruder.example/', 'x')], '2026-05-01T00:00:00.000Z'), headers)).status).toBe(401);
    }
    expect((await fetch(`${base}/api/other`)).status).toBe(401);
    expect(readCandidates(db)).toEqual(before);
  });

  it('GET /api/candidates returns the JSON export, a page at a time, with the total', async () => {
    const res = await fetch(`${base}/api/candidates`, { headers: auth() });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const file = await res.json();
    expect(file).toMatchObject({ format: 'mentor-radar/candidates', total: 1, offset: 0, limit: DEFAULT_PAGE });
    expect(file.candidates.map((c: { site: string }) => c.site)).toEqual(['mentoring-guide.example']);
    expect(file.candidates[0].decision).toBe('shortlist');
    expect((await (await fetch(`${base}/api/candidates?offset=1`, { headers: auth() })).json()).candidates).toEqual([]);
    expect((await (await fetch(`${base}/api/candidates?limit=999999`, { headers: auth() })).json()).limit).toBe(MAX_PAGE);
    for (const q of ['offset=-1', 'limit=x', 'offset=1e3']) expect((await fetch(`${base}/api/candidates?${q}`, { headers: auth() })).status).toBe(400);
  });

  it('POST /api/candidates merges by site, keeping the local curation', async () => {
    const incoming = [
      { ...candidate('https://mentoring-guide.example/other', 'Another page'), notes: 'from the extension', tags: ['ext'], sources: ['bookmark' as const] },
      candidate('https://program.example/', 'Mentoring program toolkit'),
    ];
    const res = await post(candidatesToJson(incoming, '2026-05-01T00:00:00.000Z'), auth({ origin: EXT }));
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(EXT);
    expect(await res.json()).toEqual({ imported: 2, added: 1, merged: 1 });
    const guide = readCandidates(db).find((c) => c.site === 'mentoring-guide.example')!;
    expect(guide.decision).toBe('shortlist');
    expect(guide.tags).toEqual(['ext', 'local']); // merged tags are a set, in a canonical order
    expect(guide.notes).toContain('local note');
    expect(guide.sources).toEqual(['crawl', 'bookmark']);
  });

  it('pages through every candidate: each site once, total stable', async () => {
    const seen: string[] = [];
    for (let offset = 0; ; offset += 1) {
      const page = await (await fetch(`${base}/api/candidates?offset=${offset}&limit=1`, { headers: auth() })).json();
      expect(page.total).toBe(2);
      if (page.candidates.length === 0) break;
      seen.push(...page.candidates.map((c: Candidate) => c.site));
    }
    expect(seen).toEqual(['mentoring-guide.example', 'program.example']);
  });

  it('accepts only ISO 8601 timestamps from clients, and clamps future ones to the server clock', async () => {
    const before = readCandidates(db);
    const one = (over: Record<string, unknown>) => JSON.stringify({ format: 'mentor-radar/candidates', version: 1, candidates: [{ ...candidate('https://clock.example/', 'Mentoring'), ...over }] });
    for (const bad of ['Sat Jan 01 2000', '2025-02-30', '01/02/2026', '2026-05-01 10:00', 'garbage']) {
      const res = await post(one({ curatedAt: bad, decision: 'include' }));
      expect(res.status, bad).toBe(400);
      expect((await res.json()).error).toMatch(/ISO 8601/);
    }
    expect((await post(one({ firstSeenAt: 'yesterday' }))).status).toBe(400);
    expect(readCandidates(db)).toEqual(before);

    // "2099-01-01" becomes the server's now: a later, real decision still wins.
    const t0 = Date.now();
    expect((await post(one({ curatedAt: '2099-01-01', decision: 'exclude', lastScoredAt: '2099-06-01T00:00:00Z' }))).status).toBe(200);
    const stored = readCandidates(db).find((c) => c.site === 'clock.example')!;
    expect(stored.decision).toBe('exclude');
    expect(Date.parse(stored.curatedAt!)).toBeGreaterThanOrEqual(t0 - 1000);
    expect(Date.parse(stored.curatedAt!)).toBeLessThanOrEqual(Date.now());
    expect(stored.curatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Date.parse(stored.lastScoredAt)).toBeLessThanOrEqual(Date.now());
    await new Promise((r) => setTimeout(r, 5));
    const later = new Date().toISOString();
    expect((await post(one({ curatedAt: later, decision: 'include' }))).status).toBe(200);
    expect(readCandidates(db).find((c) => c.site === 'clock.example')!.decision).toBe('include');
    // Compared as instants: 11:00+02:00 (09:00Z) is earlier than 10:00Z, though its text sorts later.
    const site = (over: Record<string, unknown>) =>
      JSON.stringify({ format: 'mentor-radar/candidates', version: 1, candidates: [{ ...candidate('https://instants.example/', 'Mentoring'), ...over }] });
    expect((await post(site({ curatedAt: '2026-01-01T10:00:00Z', decision: 'include' }))).status).toBe(200);
    expect((await post(site({ curatedAt: '2026-01-01T11:00:00+02:00', decision: 'exclude' }))).status).toBe(200);
    expect(readCandidates(db).find((c) => c.site === 'instants.example')).toMatchObject({ decision: 'include', curatedAt: '2026-01-01T10:00:00.000Z' });
  });

  it('rejects bad bodies with 4xx and changes nothing', async () => {
    const before = readCandidates(db);
    const badJson = await post('{"format":');
    expect(badJson.status).toBe(400);
    expect((await badJson.json()).error).toMatch(/not valid JSON/);
    expect((await post('{"format":"mentor-radar/candidates","version":1,"candidates":[{"site":"x.example","siteScore":{"score":500}}]}')).status).toBe(400);
    const csv = await fetch(`${base}/api/candidates`, { method: 'POST', headers: { 'content-type': 'text/csv', ...auth() }, body: 'site,score\nx.example,50\n' });
    expect(csv.status).toBe(415);
    expect(readCandidates(db)).toEqual(before);
  });

  it('allows CORS (with the Authorization header) only for extension origins, and refuses other origins and foreign Host headers', async () => {
    const pre = await fetch(`${base}/api/candidates`, {
      method: 'OPTIONS',
      headers: { origin: 'moz-extension://1234-abcd', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('moz-extension://1234-abcd');
    expect(pre.headers.get('access-control-allow-methods')).toContain('POST');
    expect(pre.headers.get('access-control-allow-headers')).toMatch(/authorization/i);
    const web = await fetch(`${base}/api/candidates`, { headers: auth({ origin: 'https://evil.example' }) });
    expect(web.status).toBe(403);
    expect(web.headers.get('access-control-allow-origin')).toBeNull();
    const rebinding = await raw('/api/candidates', { headers: auth({ host: `evil.example:${new URL(base).port}` }) });
    expect(rebinding.status).toBe(403);
    expect((await fetch(`${base}/nothing`)).status).toBe(404);
    expect((await fetch(`${base}/api/health`, { method: 'DELETE' })).status).toBe(405);
  });

  it('caps the body size (413)', async () => {
    const store = openStore(join(tmp.dir, 'cap.db'));
    const server = createSyncServer({ store, now: () => new Date().toISOString(), token: 't'.repeat(43), maxBodyBytes: 1024 });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const port = (server.address() as AddressInfo).port;
      const headers = { 'content-type': 'application/json', authorization: `Bearer ${'t'.repeat(43)}` };
      const res = await fetch(`http://127.0.0.1:${port}/api/candidates`, { method: 'POST', headers, body: 'x'.repeat(5000) });
      expect(res.status).toBe(413);
      expect(store.listCandidates()).toEqual([]);
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
      store.close();
    }
  });

  it('carries the curator’s picks both ways; a local rename survives an older copy; a future pick time is clamped', async () => {
    const picked = {
      ...candidate('https://picks.example/', 'Mentoring'),
      decision: 'include' as const,
      nameOverride: 'Second Chair',
      blurb: 'Short posts for a first year.',
      best: 1 as const,
      roundupRank: 1,
      curatedAt: '2026-04-01T00:00:00.000Z',
      pickedAt: { decision: '2026-04-01T00:00:00.000Z', nameOverride: '2026-04-01T00:00:00.000Z', blurb: '2026-04-01T00:00:00.000Z', best: '2026-04-01T00:00:00.000Z', roundupRank: '2026-04-01T00:00:00.000Z' },
    };
    const body = candidatesToJson([picked], '2026-05-01T00:00:00.000Z');
    expect((await post(body)).status).toBe(200);
    const fetched = async () => ((await (await fetch(`${base}/api/candidates?limit=1000`, { headers: auth() })).json()).candidates as Candidate[]).find((c) => c.site === 'picks.example')!;
    expect(await fetched()).toMatchObject({ name: 'Second Chair', nameOverride: 'Second Chair', blurb: 'Short posts for a first year.', best: 1, roundupRank: 1, pickedAt: picked.pickedAt });
    // Renamed here later; the client sends its older copy again: the rename stays.
    const local = openStore(db);
    local.decide('picks.example', { name: '2nd Chair' }, '2026-05-02T00:00:00.000Z');
    local.close();
    expect((await post(body)).status).toBe(200);
    expect(await fetched()).toMatchObject({ nameOverride: '2nd Chair', blurb: 'Short posts for a first year.' });
    // A pick dated in the future is clamped to now, so the next real edit still wins.
    const future = { ...picked, blurb: 'From the future.', pickedAt: { ...picked.pickedAt, blurb: '2099-01-01T00:00:00Z' }, curatedAt: '2099-01-01T00:00:00Z' };
    expect((await post(candidatesToJson([future], '2026-05-01T00:00:00.000Z'))).status).toBe(200);
    const clamped = await fetched();
    expect(clamped.blurb).toBe('From the future.');
    expect(Date.parse(clamped.pickedAt!.blurb!)).toBeLessThanOrEqual(Date.now());
    await new Promise((r) => setTimeout(r, 5));
    const again = openStore(db);
    again.decide('picks.example', { blurb: 'Now.' }, new Date().toISOString());
    again.close();
    // The client's copy, dated before that edit, merges without undoing it.
    expect((await post(candidatesToJson([{ ...future, pickedAt: { ...future.pickedAt, blurb: clamped.pickedAt!.blurb! }, curatedAt: clamped.pickedAt!.blurb! }], '2026-05-01T00:00:00.000Z'))).status).toBe(200);
    expect((await fetched()).blurb).toBe('Now.');
  });

  it('stops on the signal with exit 0', async () => {
    controller.abort();
    expect(await done).toBe(0);
    await expect(fetch(`${base}/api/health`)).rejects.toThrow();
  });
});
