// One crawl per store, between two real processes: a crawl holds the store's lease; a second
// `crawl` (or a schedule tick) exits 1 at once naming it, or waits with --wait; a lease whose
// process died (kill -9) is taken over at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFixtureWeb, type FixtureWeb } from '../../demo/fixture-web/server.ts';
import { generateWeb } from '../../demo/fixture-web/generated.ts';
import { openStore } from '../../crawler/store/index.ts';
import Database from '../../crawler/store/sqlite.ts';
import { acquireLease, LeaseHeldError } from '../../crawler/crawl/lease.ts';

let dir: string;
let web: FixtureWeb;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mr-lease-'));
  const gen = generateWeb({ relevantSites: 2, irrelevantSites: 0, pagesPerSite: 6, crossLinks: 1, relevantShare: 1, addressBase: (5 << 8) + 2, seed: 9 });
  web = await startFixtureWeb(gen.sites);
});
afterAll(async () => {
  await web.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A crawl in its own process: politeness `delayMs` between its pages, so it holds the store for a while. */
function holder(db: string, delayMs = 400): ChildProcess {
  return spawn(process.execPath, ['bin/run-ts.js', 'tests/crawler/helpers/crawl-runner.ts', db, String(delayMs), web.url('r0')], { stdio: ['ignore', 'pipe', 'pipe'] });
}

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const t0 = Date.now();
  const p = spawn(process.execPath, ['bin/mentor-radar.js', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  p.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
  p.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  return new Promise((resolve) => p.once('exit', (code) => resolve({ code, stdout, stderr, ms: Date.now() - t0 })));
}

function leaseRow(db: string): { pid: number } | undefined {
  try {
    const d = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return d.prepare('SELECT pid FROM lease WHERE id = 1').get() as { pid: number } | undefined;
    } finally {
      d.close();
    }
  } catch {
    return undefined; // not created yet
  }
}

async function leased(db: string, child: ChildProcess): Promise<void> {
  const t0 = Date.now();
  while (leaseRow(db)?.pid !== child.pid) {
    if (Date.now() - t0 > 15_000) throw new Error('the first crawl never took the lease');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The crawl holding the lease has written its crawl row (the lease is taken a moment before). */
async function begun(db: string): Promise<void> {
  const t0 = Date.now();
  for (;;) {
    try {
      const d = new Database(db, { readonly: true, fileMustExist: true });
      try {
        if ((d.prepare('SELECT COUNT(*) AS n FROM crawls').get() as { n: number }).n > 0) return;
      } finally {
        d.close();
      }
    } catch {
      /* not there yet */
    }
    if (Date.now() - t0 > 15_000) throw new Error('the first crawl never began');
    await new Promise((r) => setTimeout(r, 20));
  }
}

const exited = (c: ChildProcess) => new Promise<number | null>((r) => (c.exitCode !== null ? r(c.exitCode) : c.once('exit', (code) => r(code))));

describe('one crawl per store', () => {
  it('a second crawl exits 1 at once naming the first; with --wait it runs after it', async () => {
    const db = join(dir, 'two.db');
    // 1.5 s between pages: the first crawl holds the store for ~10 s, longer than two CLI
    // start-ups on a loaded 2-core machine (at 400 ms it could finish before the second began).
    const first = holder(db, 1500);
    try {
      await leased(db, first);
      const second = await cli(['crawl', web.url('r1'), '--db', db, '--delay', '0']);
      expect(second.code).toBe(1);
      expect(second.stderr.trim()).toMatch(new RegExp(`^mentor-radar: another crawl \\(pid ${first.pid}, since \\d{4}-\\d\\d-\\d\\dT[^)]+\\) is using ${db.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
      expect(second.stdout).toBe('');
      // A schedule tick on the leased store cannot run: --now --max-runs 1 exits non-zero.
      const tick = await cli(['schedule', '--cron', '0 0 1 1 *', '--now', '--max-runs', '1', web.url('r1'), '--db', db]);
      expect(tick.code).toBe(1);
      expect(tick.stderr).toMatch(/tick skipped: another crawl \(pid \d+/);
      // --wait: runs once the first crawl let go.
      const waited = await cli(['crawl', web.url('r1'), '--db', db, '--delay', '0', '--wait', '--json']);
      expect(first.exitCode).toBe(0);
      expect(waited.code).toBe(0);
      const report = JSON.parse(waited.stdout) as { pagesScored: number; skippedFresh: number };
      expect(report.pagesScored + report.skippedFresh).toBeGreaterThan(0); // r1 may be fresh from the first crawl
      expect(leaseRow(db)).toBeUndefined();
    } finally {
      first.kill('SIGKILL');
    }
  }, 60_000);

  it('a lease left by a killed crawl is taken over at once', async () => {
    const db = join(dir, 'killed.db');
    const first = holder(db, 1000);
    await leased(db, first);
    await begun(db); // killed before its crawl row exists, there would be nothing to resume
    first.kill('SIGKILL');
    await exited(first);
    expect(leaseRow(db)?.pid).toBe(first.pid); // left behind
    const next = await cli(['crawl', '--resume', '--db', db, '--delay', '0', '--json']);
    expect(next.code).toBe(0);
    expect(JSON.parse(next.stdout).resumed).toBe(true);
  }, 60_000);

  it('in one process too: a stale heartbeat is taken over, a live lease is not', async () => {
    const store = openStore(join(dir, 'inproc.db'));
    try {
      const release = await acquireLease(store);
      await expect(acquireLease(store)).rejects.toBeInstanceOf(LeaseHeldError);
      release();
      const again = await acquireLease(store);
      // Another host's lease whose heartbeat stopped three minutes ago: taken over.
      const old = new Date(Date.now() - 3 * 60_000).toISOString();
      again();
      store.tryLease({ token: 'other', pid: 1, host: 'elsewhere', startedAt: old, heartbeatAt: old }, () => false);
      const took = await acquireLease(store);
      expect(store.leaseHolder()?.pid).toBe(process.pid);
      took();
      // ... but not while it is fresh.
      const now = new Date().toISOString();
      store.tryLease({ token: 'other', pid: 1, host: 'elsewhere', startedAt: now, heartbeatAt: now }, () => false);
      await expect(acquireLease(store)).rejects.toThrow(/another crawl \(pid 1 on elsewhere, since/);
    } finally {
      store.close();
    }
  });
});
