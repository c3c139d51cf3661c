// The CLI shell: dispatch, help, strict options, one-line errors, and the real bin.
import { execFile, spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { COMPONENT_NAMES } from '../../scoring/index.ts';
import { expectOneLineError, mentoringHtml, run, tempDir } from './commands/helpers.ts';

const exec = promisify(execFile);
const BIN = resolve(import.meta.dirname, '../../bin/mentor-radar.js');
const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe('mentor-radar main()', () => {
  it('prints the general help with every command', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    for (const cmd of ['crawl', 'schedule', 'score', 'list', 'export', 'import', 'decide', 'badge', 'serve']) {
      expect(r.stdout).toMatch(new RegExp(`^  ${cmd} `, 'm'));
    }
    expect((await run(['help', 'export'])).stdout).toMatch(/^Usage: mentor-radar export/);
  });

  it('prints per-command help for every command', async () => {
    for (const cmd of ['crawl', 'schedule', 'score', 'list', 'export', 'import', 'decide', 'badge', 'serve']) {
      const r = await run([cmd, '--help']);
      expect(r.code, cmd).toBe(0);
      expect(r.stdout, cmd).toMatch(new RegExp(`^Usage: mentor-radar ${cmd}`));
      expect(r.stderr).toBe('');
    }
  });

  it('rejects a missing or unknown command with exit 2 and one line', async () => {
    const none = await run([]);
    expect(none.code).toBe(2);
    expect(expectOneLineError(none)).toContain('--help');
    const unknown = await run(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(expectOneLineError(unknown)).toContain('unknown command "frobnicate"');
  });

  it('rejects unknown options, missing values and extra arguments with exit 2 and a hint', async () => {
    const unknown = await run(['list', '--colour']);
    expect(unknown.code).toBe(2);
    expect(expectOneLineError(unknown)).toBe('mentor-radar: list: unknown option --colour (see mentor-radar list --help)');
    const missing = await run(['list', '--db']);
    expect(missing.code).toBe(2);
    expect(expectOneLineError(missing)).toMatch(/--db needs a value/);
    const extra = await run(['list', 'surprise']);
    expect(extra.code).toBe(2);
    expect(expectOneLineError(extra)).toMatch(/unexpected argument "surprise"/);
    const badInt = await run(['list', '--top', 'many']);
    expect(badInt.code).toBe(2);
    expect(expectOneLineError(badInt)).toMatch(/--top must be an integer/);
  });

  it('never prints a stack trace, except with DEBUG=1', async () => {
    const notDb = join(tmp.dir, 'not-a-db.db');
    writeFileSync(notDb, 'this is not SQLite, just text that is long enough to be a header '.repeat(10));
    const plain = await run(['list', '--db', notDb]);
    expect(plain.code).toBe(1);
    expectOneLineError(plain);
    const debug = await run(['list', '--db', notDb], { env: { DEBUG: '1' } });
    expect(debug.code).toBe(1);
    expect(debug.stderr.split('\n')[0]).toBe(plain.stderr.trim());
    expect(debug.stderr).toMatch(/\n\s+at /);
  });

  it('strips control characters from arguments echoed in errors', async () => {
    const r = await run(['\x1b[31mevil\x07']);
    expect(r.code).toBe(2);
    // eslint-disable-next-line no-control-regex
    expect(r.stderr).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f]/);
  });
});

describe('the real bin', () => {
  it('`score FILE --json` prints one PageScore', async () => {
    const file = join(tmp.dir, 'guide.html');
    writeFileSync(file, mentoringHtml('How to be a good mentor'));
    const { stdout, stderr } = await exec(process.execPath, [BIN, 'score', file, '--json'], { timeout: 60_000 });
    expect(stderr).toBe('');
    const page = JSON.parse(stdout);
    expect(page.url).toBe('https://localhost/guide.html');
    expect(page.title).toBe('How to be a good mentor');
    expect(page.score).toBeGreaterThanOrEqual(0);
    expect(page.score).toBeLessThanOrEqual(100);
    expect(Object.keys(page.components).sort()).toEqual([...COMPONENT_NAMES].sort());
    expect(Array.isArray(page.evidence)).toBe(true);
  });

  it('exits 2 with one line on an unknown option, and 1 on a missing file', async () => {
    const bad = await exec(process.execPath, [BIN, 'score', '--nope'], { timeout: 60_000 }).catch((e) => e);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/^mentor-radar: score: unknown option --nope/);
    const missing = await exec(process.execPath, [BIN, 'score', join(tmp.dir, 'missing.html')], { timeout: 60_000 }).catch((e) => e);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^mentor-radar: no such file: .*missing\.html\n$/);
  });
});

/** Spawns the bin; `done` resolves with its exit code and output. */
function spawnBin(args: string[]) {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const out = { stdout: '', stderr: '' };
  const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out.stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (out.stderr += d));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => {
      clearTimeout(killer);
      resolve({ code, ...out });
    }),
  );
  return { child, out, done };
}

async function until(cond: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 1500; i++) {
    if (cond()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('Ctrl-C (SIGINT) on the real bin', () => {
  it('stops `serve` cleanly with exit 0', async () => {
    const p = spawnBin(['serve', '--port', '0', '--db', join(tmp.dir, 'sigint-serve.db')]);
    await until(() => /serving on/.test(p.out.stdout), 'serve to listen');
    p.child.kill('SIGINT');
    const r = await p.done;
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^serving on http:\/\/127\.0\.0\.1:\d+\/api\/candidates/);
  });

  it('stops `crawl` cleanly: the report is printed, exit 130, --resume suggested', async () => {
    let hits = 0;
    const slow = createServer((req, res) => {
      if (req.url === '/robots.txt') {
        res.writeHead(404).end();
        return;
      }
      hits++;
      // Slow pages with many links: the crawl is still busy when Ctrl-C comes.
      setTimeout(() => {
        const links = Array.from({ length: 30 }, (_, i) => `<a href="/mentoring-${hits}-${i}">mentoring guide ${i}</a>`).join(' ');
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(mentoringHtml(`Mentoring page ${hits}`, `<p>${links}</p>`));
      }, 200);
    });
    await new Promise<void>((r) => slow.listen(0, '127.0.0.1', r));
    try {
      const base = `http://127.0.0.1:${(slow.address() as AddressInfo).port}`;
      const db = join(tmp.dir, 'sigint-crawl.db');
      const p = spawnBin(['crawl', `${base}/`, '--db', db, '--delay', '0', '--max-pages', '200', '--json']);
      await until(() => hits >= 2, 'the crawler to fetch pages');
      p.child.kill('SIGINT');
      const r = await p.done;
      expect(r.code).toBe(130);
      const report = JSON.parse(r.stdout);
      expect(report.interrupted).toBe(true);
      expect(report.pagesFetched).toBeLessThan(200);
      expect(r.stderr).toMatch(/mentor-radar: crawl interrupted; everything scored so far is saved \(continue with --resume\)\n$/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    } finally {
      await new Promise<void>((r) => {
        slow.closeAllConnections();
        slow.close(() => r());
      });
    }
  });
});
