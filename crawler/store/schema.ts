// The store's schema: numbered migrations (append only, each in its own transaction, bumping
// user_version), the application_id that marks a SQLite file as a Mentor Radar store, and the
// check that keeps us off any other SQLite file (read from its header, never opened).
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import Database from './sqlite.ts';

/** `PRAGMA application_id` of our stores: 'MRdr'. */
export const APPLICATION_ID = 0x4d526472;

export const MIGRATIONS: { version: number; name: string; up: string }[] = [
  {
    version: 1,
    name: 'pages, sites, crawls',
    up: `
      CREATE TABLE pages (
        url TEXT PRIMARY KEY,
        site TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('scored','skipped','failed')),
        fetched_at TEXT NOT NULL,
        http_status INTEGER,
        error TEXT,
        score REAL,
        page_json TEXT
      );
      CREATE INDEX pages_site ON pages(site);
      CREATE TABLE sites (
        site TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        score REAL NOT NULL,
        site_score_json TEXT NOT NULL,
        sources_json TEXT NOT NULL,
        decision TEXT NOT NULL DEFAULT 'undecided',
        tags_json TEXT NOT NULL DEFAULT '[]',
        notes TEXT NOT NULL DEFAULT '',
        first_seen_at TEXT NOT NULL,
        last_scored_at TEXT NOT NULL,
        history_json TEXT NOT NULL DEFAULT '[]'
      );
      CREATE TABLE crawls (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        options_json TEXT NOT NULL,
        report_json TEXT
      );
    `,
  },
  {
    version: 2,
    name: 'curation table, per-year snapshots, site activity, error kinds, crawl id on pages',
    up: `
      CREATE TABLE curation (
        site TEXT PRIMARY KEY,
        decision TEXT NOT NULL DEFAULT 'undecided',
        tags_json TEXT NOT NULL DEFAULT '[]',
        notes TEXT NOT NULL DEFAULT '',
        curated_at TEXT
      );
      INSERT INTO curation (site, decision, tags_json, notes)
        SELECT site, decision, tags_json, notes FROM sites
        WHERE decision <> 'undecided' OR tags_json <> '[]' OR notes <> '';
      CREATE TABLE snapshots (
        year INTEGER NOT NULL,
        site TEXT NOT NULL,
        score REAL NOT NULL,
        taken_at TEXT NOT NULL,
        PRIMARY KEY (year, site)
      );
      CREATE TABLE site_activity (
        site TEXT PRIMARY KEY,
        post_dates_json TEXT NOT NULL,
        feed_url TEXT,
        updated_at TEXT NOT NULL
      );
      ALTER TABLE pages ADD COLUMN error_kind TEXT;
      ALTER TABLE pages ADD COLUMN crawl_id INTEGER;
    `,
  },
  {
    version: 3,
    name: 'crawler state: frontier, robots cache, content hashes',
    up: `
      CREATE TABLE frontier (
        url TEXT PRIMARY KEY,
        site TEXT NOT NULL,
        origin TEXT NOT NULL,
        priority REAL NOT NULL,
        hops INTEGER NOT NULL DEFAULT 0,
        kind TEXT NOT NULL DEFAULT 'page',
        state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued','inflight','done')),
        parent TEXT,
        added_at TEXT NOT NULL
      );
      CREATE INDEX frontier_pick ON frontier(state, priority DESC);
      CREATE INDEX frontier_site ON frontier(site);
      CREATE TABLE robots (
        origin TEXT PRIMARY KEY,
        status TEXT NOT NULL,
        body TEXT,
        fetched_at TEXT NOT NULL
      );
      ALTER TABLE pages ADD COLUMN content_hash TEXT;
      ALTER TABLE pages ADD COLUMN changed_at TEXT;
    `,
  },
  {
    version: 4,
    name: 'one crawl per store (lease), links found per page',
    up: `
      CREATE TABLE lease (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        token TEXT NOT NULL,
        pid INTEGER NOT NULL,
        host TEXT NOT NULL,
        started_at TEXT NOT NULL,
        heartbeat_at TEXT NOT NULL
      );
      ALTER TABLE pages ADD COLUMN link_count INTEGER;
    `,
  },
  {
    version: 5,
    name: "the curator's roundup picks (rank, best place, blurb, rename, pick times), the feed's title",
    up: `
      ALTER TABLE curation ADD COLUMN roundup_rank INTEGER;
      ALTER TABLE curation ADD COLUMN best INTEGER;
      ALTER TABLE curation ADD COLUMN blurb TEXT;
      ALTER TABLE curation ADD COLUMN name_override TEXT;
      ALTER TABLE curation ADD COLUMN picked_at_json TEXT;
      ALTER TABLE site_activity ADD COLUMN feed_title TEXT;
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
    `,
  },
  // Issue 10: the page records from imports and sync (feed titles came with migration 5).
  {
    version: 6,
    name: 'site pages from imports and sync (the union a site is scored from)',
    up: `
      CREATE TABLE site_pages (
        url TEXT PRIMARY KEY,
        site TEXT NOT NULL,
        at TEXT NOT NULL,
        page_json TEXT NOT NULL
      );
      CREATE INDEX site_pages_site ON site_pages(site);
    `,
  },
  // Issue 11 (learning from the curator; a bookmark sends the crawler), after issue 10's 6.
  {
    version: 7,
    name: "page vectors, the curator's models, the crawl queue",
    up: `
      ALTER TABLE pages ADD COLUMN vector BLOB;
      CREATE TABLE models (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        created_at TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('curator', 'shipped')),
        scorer_version TEXT NOT NULL,
        model_json TEXT,
        report_json TEXT
      );
      CREATE TABLE crawl_queue (
        site TEXT PRIMARY KEY,
        url TEXT NOT NULL,
        reason TEXT NOT NULL,
        queued_at TEXT NOT NULL,
        bookmarked_at TEXT,
        done_at TEXT
      );
    `,
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/** Brings a database up to `target` (default: the newest version) and marks it as ours. */
export function migrate(db: Database.Database, target = SCHEMA_VERSION): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new Error(`store schema ${current} is newer than this Mentor Radar (${SCHEMA_VERSION}); upgrade the program`);
  }
  if ((db.pragma('application_id', { simple: true }) as number) !== APPLICATION_ID) db.pragma(`application_id = ${APPLICATION_ID}`);
  for (const m of MIGRATIONS) {
    if (m.version <= current || m.version > target) continue;
    db.transaction(() => {
      db.exec(m.up);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
  return db.pragma('user_version', { simple: true }) as number;
}

/** What a file at the store's path is, judged without opening it with SQLite. */
export type FileKind =
  | { kind: 'missing' }
  | { kind: 'empty' }
  | { kind: 'ours'; userVersion: number }
  | { kind: 'foreign'; why: string };

const MAGIC = 'SQLite format 3\u0000';
/** Stores of the versions before application_id (user_version 1..3) are recognised by their tables. */
const LEGACY_TABLES = ['pages', 'sites', 'crawls'];
const LEGACY_SNIFF_BYTES = 8 * 1024 * 1024;

/**
 * Reads the 100-byte SQLite header. A file with our application_id is ours; an unmarked file
 * of an earlier Mentor Radar (user_version 1..3) is recognised by its tables, read from an
 * in-memory copy (opening a WAL-mode file with SQLite, even read-only, would create -wal and
 * -shm files next to someone else's database).
 */
export function inspectFile(path: string): FileKind {
  if (!existsSync(path)) return { kind: 'missing' };
  const st = statSync(path);
  if (st.isDirectory()) return { kind: 'foreign', why: 'is a directory' };
  if (st.size === 0) return { kind: 'empty' };
  const head = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  let n: number;
  try {
    n = readSync(fd, head, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (n < 100 || head.toString('latin1', 0, 16) !== MAGIC) return { kind: 'foreign', why: 'is not a SQLite database' };
  const userVersion = head.readInt32BE(60);
  const appId = head.readInt32BE(68);
  if (appId === APPLICATION_ID) return { kind: 'ours', userVersion };
  if (appId !== 0) return { kind: 'foreign', why: `is the SQLite database of another application (application_id 0x${(appId >>> 0).toString(16)})` };
  if (userVersion >= 1 && userVersion <= 3 && hasLegacyTables(path, st.size)) return { kind: 'ours', userVersion };
  return { kind: 'foreign', why: 'is a SQLite database that is not a Mentor Radar store' };
}

function hasLegacyTables(path: string, size: number): boolean {
  const readNames = (bytes: Buffer): Set<string> => {
    bytes[18] = 1; // as a rollback-journal database: an in-memory copy cannot be in WAL mode
    bytes[19] = 1;
    const db = new Database(bytes, { readonly: true });
    try {
      return new Set((db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((r) => r.name));
    } finally {
      db.close();
    }
  };
  const attempts = size > LEGACY_SNIFF_BYTES ? [LEGACY_SNIFF_BYTES, size] : [size];
  for (const bytes of attempts) {
    try {
      const buf = Buffer.alloc(bytes);
      const fd = openSync(path, 'r');
      try {
        readSync(fd, buf, 0, bytes, 0);
      } finally {
        closeSync(fd);
      }
      const names = readNames(buf);
      return LEGACY_TABLES.every((t) => names.has(t));
    } catch {
      /* the schema lies beyond the first pages: read the whole file */
    }
  }
  return false;
}

/** The whole file as a read-only in-memory database (a WAL store in a folder we cannot write). */
export function snapshotOf(path: string): Database.Database {
  const bytes = readFileSync(path);
  bytes[18] = 1;
  bytes[19] = 1;
  return new Database(bytes, { readonly: true });
}
