// Store safety on real files: a SQLite file of another application (or no SQLite file at all)
// is refused and left byte-for-byte untouched (no -wal/-shm either); an unmarked store of an
// earlier Mentor Radar is recognised and marked; read-only commands work in a read-only folder
// (run as an unprivileged user when we are root, since root ignores permissions); every store
// error names the file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from '../../crawler/store/sqlite.ts';
import { openStore } from '../../crawler/store/index.ts';
import { APPLICATION_ID, MIGRATIONS, inspectFile } from '../../crawler/store/schema.ts';
import { candidate, expectOneLineError, run, seedStore } from './commands/helpers.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mr-safety-'));
  chmodSync(dir, 0o755);
});
afterAll(() => {
  chmodSync(dir, 0o755);
  rmSync(dir, { recursive: true, force: true });
});

const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
const siblings = (p: string) => ['-wal', '-shm', '-journal'].filter((s) => existsSync(p + s));

/** Someone else's database: WAL mode, user_version 2 (as many apps use), some tables and rows. */
function foreignDb(path: string, appId = 0): void {
  const d = new Database(path);
  if (appId) d.pragma(`application_id = ${appId}`);
  d.pragma('journal_mode = WAL');
  d.pragma('user_version = 2');
  d.exec(`CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('keep me');`);
  d.close();
}

describe('a file that is not a Mentor Radar store', () => {
  it('is refused by every command and left byte-for-byte untouched, without -wal/-shm', async () => {
    const cases: [string, () => void][] = [
      ['other-app.sqlite', () => foreignDb(join(dir, 'other-app.sqlite'))],
      ['marked-app.sqlite', () => foreignDb(join(dir, 'marked-app.sqlite'), 0x12345678)],
      ['notes.txt', () => writeFileSync(join(dir, 'notes.txt'), 'not a database at all\n'.repeat(20))],
    ];
    const exportFile = join(dir, 'export.json');
    writeFileSync(exportFile, JSON.stringify({ format: 'mentor-radar/candidates', version: 1, exportedAt: '2026-01-01T00:00:00.000Z', candidates: [candidate('https://a.example/', 'Mentoring guide')] }));
    for (const [name, make] of cases) {
      make();
      const path = join(dir, name);
      const before = sha(path);
      for (const argv of [['list'], ['export', '--format', 'json'], ['import', exportFile], ['decide', 'a.example', '--decision', 'include'], ['crawl', 'http://127.0.0.1:9/']]) {
        const r = await run([...argv, '--db', path]);
        expect(r.code, `${argv[0]} ${name}`).toBe(1);
        expect(expectOneLineError(r)).toContain(path);
        expect(r.stderr).toMatch(/refusing to touch it/);
      }
      expect(sha(path)).toBe(before);
      expect(siblings(path)).toEqual([]);
    }
    expect(inspectFile(join(dir, 'marked-app.sqlite'))).toMatchObject({ kind: 'foreign' });
  });
});

describe('stores', () => {
  it('are marked with application_id; an unmarked store of an earlier version is recognised and marked', () => {
    const fresh = join(dir, 'fresh.db');
    openStore(fresh).close();
    expect(readFileSync(fresh).readInt32BE(68)).toBe(APPLICATION_ID);
    const legacy = join(dir, 'legacy.db');
    const d = new Database(legacy);
    d.pragma('journal_mode = WAL');
    for (const m of MIGRATIONS.filter((x) => x.version <= 3)) d.exec(m.up);
    d.pragma('user_version = 3');
    d.close();
    expect(inspectFile(legacy)).toEqual({ kind: 'ours', userVersion: 3 });
    const store = openStore(legacy);
    expect(store.schemaVersion()).toBe(MIGRATIONS.at(-1)?.version);
    store.close();
    expect(readFileSync(legacy).readInt32BE(68)).toBe(APPLICATION_ID);
  });

  it('opened read-only, refuse writes with an error naming the file', () => {
    const path = join(dir, 'ro.db');
    seedStore(path, [candidate('https://b.example/', 'Mentoring program guide')]);
    const store = openStore(path, { readonly: true });
    try {
      expect(store.listCandidates()).toHaveLength(1);
      expect(() => store.decide('b.example', { decision: 'include' })).toThrow(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .*readonly`));
    } finally {
      store.close();
    }
    expect(() => openStore(join(dir, 'missing.db'), { readonly: true })).toThrow(/no store at .*missing\.db/);
  });
});

describe('read-only commands in a read-only folder', () => {
  // Root ignores file permissions: the commands then run as an unprivileged user.
  const asRoot = process.getuid?.() === 0;
  const probe = asRoot ? spawnSync(process.execPath, ['bin/mentor-radar.js', '--version'], { uid: 65534, gid: 65534, encoding: 'utf8' }) : undefined;
  const canDrop = !asRoot || probe?.status === 0;

  it.skipIf(!canDrop)('list and export read a WAL store in a folder nobody may write, and leave it as it was', () => {
    const ro = join(dir, 'readonly');
    mkdirSync(ro);
    const path = join(ro, 'store.db');
    seedStore(path, [candidate('https://c.example/', 'Mentoring for new mentors'), candidate('https://d.example/', 'Start a mentoring program')]);
    expect(readFileSync(path)[18]).toBe(2); // WAL
    expect(siblings(path)).toEqual([]); // closed cleanly
    const before = sha(path);
    chmodSync(path, 0o444);
    chmodSync(ro, 0o555);
    try {
      const as = asRoot ? { uid: 65534, gid: 65534 } : {};
      const cli = (args: string[]) => spawnSync(process.execPath, ['bin/mentor-radar.js', ...args, '--db', path], { ...as, encoding: 'utf8' });
      const list = cli(['list', '--json']);
      expect(list.stderr).toBe('');
      expect(list.status).toBe(0);
      expect(JSON.parse(list.stdout).map((r: { site: string }) => r.site).sort()).toEqual(['c.example', 'd.example']);
      const exp = cli(['export', '--format', 'csv']);
      expect(exp.status).toBe(0);
      expect(exp.stdout).toContain('d.example');
      // A writing command fails with one line naming the file.
      const decide = cli(['decide', 'c.example', '--decision', 'include']);
      expect(decide.status).toBe(1);
      expect(decide.stderr).toContain(path);
    } finally {
      chmodSync(ro, 0o755);
    }
    expect(sha(path)).toBe(before);
    expect(siblings(path)).toEqual([]);
  });
});
