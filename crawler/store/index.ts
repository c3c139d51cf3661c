// The SQLite store behind one facade (no raw SQL, no connection outside store/): pages,
// candidates with their curation and roundup picks, per-year snapshots, crawls and their lease,
// the crawler's persisted state, a few settings. WAL, busy timeout 5 s; every page write and its site's re-aggregation in
// one transaction. Marked as ours with application_id; any other SQLite file is refused and
// left untouched. Read-only commands open it read-only (in a read-only folder too), and every
// store error names the file.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { siteKey, type Candidate, type Source } from '../../scoring/index.ts';
import Database from './sqlite.ts';
import { SCHEMA_VERSION, inspectFile, migrate, snapshotOf } from './schema.ts';
import { pageQueries, pageSiteKey, type PageRecord } from './pages.ts';
import { candidateQueries } from './candidates.ts';
import { sitePageQueries } from './site-pages.ts';
import { yearQueries } from './years.ts';
import { crawlQueries, type LeaseHolder } from './crawls.ts';
import { crawlStateQueries } from './crawl-state.ts';
import { settingQueries } from './settings.ts';
import { modelQueries } from './models.ts';
import { queueQueries } from './queue.ts';

export type { PageRecord, SiteFreshness } from './pages.ts';
export type { LeaseHolder } from './crawls.ts';
export type { DecideResult } from './candidates.ts';
export type { EntryKind } from './crawl-state.ts';
export type { ActiveModel } from './models.ts';
export type { QueueEntry } from './queue.ts';

/** A store failure; the message starts with the file, `code` is SQLite's (SQLITE_BUSY ...). */
export class StoreError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

export interface MergeResult {
  imported: number;
  added: number;
  merged: number;
}

export interface OpenOptions {
  /** Never writes: the file must be a store already; a folder we cannot write is fine. */
  readonly?: boolean;
  /** How long a write waits for another writer's lock (default 5 s). */
  busyTimeoutMs?: number;
}

function facade(db: Database.Database, path: string, readonly: boolean) {
  const pages = pageQueries(db);
  const models = modelQueries(db);
  const candidates = candidateQueries(db, sitePageQueries(db));
  const queue = queueQueries(db, pages);
  const years = yearQueries(db);
  const crawls = crawlQueries(db);
  const state = crawlStateQueries(db);
  const settings = settingQueries(db);
  /** One IMMEDIATE transaction: the write lock is taken at BEGIN (nested calls become savepoints). */
  const tx = <T>(fn: () => T): T => db.transaction(fn).immediate();
  const { reaggregate, ...candidateApi } = candidates;
  const { writeSnapshot, ...yearApi } = years;
  const { writeLease, leaseHolder, ...crawlApi } = crawls;
  const { writePage, ...pageApi } = pages;
  return {
    path,
    readonly,
    close(): void {
      if (db.open) db.close();
    },
    schemaVersion(): number {
      return db.pragma('user_version', { simple: true }) as number;
    },
    transaction: tx,
    ...pageApi,
    ...candidateApi,
    ...yearApi,
    ...crawlApi,
    ...state,
    ...models,
    saveModel: (...args: Parameters<typeof models.saveModel>) => tx(() => models.saveModel(...args)),
    queuedSites: queue.queuedSites,
    queueLength: queue.queueLength,
    crawlStatus: queue.crawlStatus,
    /** Queues bookmarked pages' sites the crawler has not read since (see queue.ts); the sites queued. */
    queueBookmarks(bookmarks: { url: string; bookmarkedAt?: string }[], at = new Date().toISOString()): string[] {
      return tx(() => bookmarks.filter((b) => queue.queueBookmark(b.url, b.bookmarkedAt, at)).map((b) => siteKey(b.url)));
    },
    clearQueued: (...args: Parameters<typeof queue.clearQueued>) => tx(() => queue.clearQueued(...args)),
    /**
     * Re-computes one site from the union of its pages (after its crawled pages were re-scored by
     * another model: `train`), by the same rule as every other write.
     */
    reaggregateSite(site: string, at = new Date().toISOString()): void {
      tx(() => {
        const c = candidates.getCandidate(site);
        reaggregate(siteKey(site), at, c?.sources[0] ?? 'crawl');
      });
    },
    getSetting: settings.getSetting,
    setSetting: (...args: Parameters<typeof settings.setSetting>) => tx(() => settings.setSetting(...args)),
    leaseHolder,
    /** Writes a page row and re-aggregates its site, in one transaction. */
    savePage(rec: PageRecord, source: Source = 'crawl'): void {
      tx(() => {
        const key = pageSiteKey(rec);
        writePage(rec, key);
        if (rec.status === 'scored' && rec.page) reaggregate(key, rec.fetchedAt, source);
      });
    },
    upsertCandidate: (c: Candidate): Candidate => tx(() => candidates.upsertCandidate(c)),
    decide: (...args: Parameters<typeof candidates.decide>) => tx(() => candidates.decide(...args)),
    setSiteActivity: (...args: Parameters<typeof candidates.setSiteActivity>) => tx(() => candidates.setSiteActivity(...args)),
    /** Merges candidates by site, all or nothing (import, the sync server's POST): their pages join each site's, whose score is the union's. */
    mergeCandidates(list: Candidate[]): MergeResult {
      const result: MergeResult = { imported: 0, added: 0, merged: 0 };
      tx(() => {
        for (const c of list) {
          if (candidates.getCandidate(c.site)) result.merged++;
          else result.added++;
          candidates.upsertCandidate(c);
          result.imported++;
        }
      });
      return result;
    },
    /** This year's ranking as the year's snapshot. */
    snapshotYear(year: number): void {
      const ranked = candidates.listCandidates({ year });
      const at = new Date().toISOString();
      tx(() => writeSnapshot(year, ranked, at));
    },
    /**
     * Takes the lease when nobody holds it or `canTakeOver(holder)` says the holder is gone;
     * returns the holder that keeps it otherwise. Atomic (one IMMEDIATE transaction).
     */
    tryLease(mine: LeaseHolder, canTakeOver: (holder: LeaseHolder) => boolean): LeaseHolder | undefined {
      return tx(() => {
        const holder = leaseHolder();
        if (holder && holder.token !== mine.token && !canTakeOver(holder)) return holder;
        writeLease(mine);
        return undefined;
      });
    },
  };
}

export type Store = ReturnType<typeof facade>;

const isSqliteError = (e: unknown): e is Error & { code: string } => typeof (e as { code?: unknown })?.code === 'string' && (e as { code: string }).code.startsWith('SQLITE');

/** The file name in front of any SQLite error (its code kept), so every store error says which file. */
function named(path: string, e: unknown): unknown {
  if (e instanceof StoreError || !isSqliteError(e)) return e;
  return new StoreError(`${path}: ${e.message}`, e.code);
}

function withNamedErrors(store: Store): Store {
  const wrapped: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(store)) {
    wrapped[k] =
      typeof v === 'function'
        ? (...args: unknown[]) => {
            try {
              return (v as (...a: unknown[]) => unknown)(...args);
            } catch (e) {
              throw named(store.path, e);
            }
          }
        : v;
  }
  return wrapped as Store;
}

function openWritable(path: string, busyTimeoutMs = 5000): Database.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
    // application_id first: on a new file it lands in the main file, before WAL is switched on.
    migrate(db, 0);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

function openReadonly(path: string, userVersion: number): Database.Database {
  if (userVersion < SCHEMA_VERSION) {
    // An older store: upgraded once where it can be written, else read as it is would miss columns.
    try {
      openWritable(path).close();
    } catch (e) {
      throw new StoreError(`${path}: store schema ${userVersion} needs an upgrade to ${SCHEMA_VERSION}, and the file cannot be written (${(e as Error).message})`);
    }
  }
  const db = new Database(path, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  try {
    db.prepare('SELECT COUNT(*) FROM sqlite_master').get();
    return db;
  } catch (e) {
    db.close();
    // A WAL store in a folder we cannot write (SQLite needs its -shm file there): with no
    // pending -wal, the main file is the whole store, so read it from memory.
    const code = (e as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN')) return snapshotOf(path);
    throw e;
  }
}

/** Opens (or creates, unless read-only) the store at `path`. */
export function openStore(path: string, opts: OpenOptions = {}): Store {
  try {
    const file = path === ':memory:' ? ({ kind: 'empty' } as const) : inspectFile(path);
    if (file.kind === 'foreign') throw new StoreError(`${path} ${file.why}; refusing to touch it (pass --db with a Mentor Radar store or a new file)`);
    if (opts.readonly) {
      if (file.kind !== 'ours') throw new StoreError(`no store at ${path}`);
      return withNamedErrors(facade(openReadonly(path, file.userVersion), path, true));
    }
    return withNamedErrors(facade(openWritable(path, opts.busyTimeoutMs), path, false));
  } catch (e) {
    throw named(path, e);
  }
}
