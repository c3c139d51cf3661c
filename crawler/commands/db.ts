// Opening the store for a command, and the one "merge these candidates in" used by both
// `import` and `serve`'s POST.
import { existsSync, statSync } from 'node:fs';
import type { Candidate } from '../../scoring/index.ts';
import { openStore } from '../store/index.ts';
import type { Store } from '../store/index.ts';
import { CliError, clean } from './common.ts';

/**
 * Open the store at `path`. Read-only commands (`list`, `export`, `decide`) pass
 * `mustExist`, so a mistyped --db is an error instead of a new empty database.
 */
export function open(path: string, opts: { mustExist?: boolean } = {}): Store {
  if (existsSync(path) && statSync(path).isDirectory()) throw new CliError(`--db ${clean(path)} is a directory`);
  if (opts.mustExist && !existsSync(path)) {
    throw new CliError(`no store at ${clean(path)} (run mentor-radar crawl or import first, or pass --db)`);
  }
  return openStore(path);
}

export async function withStore<T>(path: string, opts: { mustExist?: boolean }, fn: (store: Store) => T | Promise<T>): Promise<T> {
  const store = open(path, opts);
  try {
    return await fn(store);
  } finally {
    store.close();
  }
}

export interface MergeResult {
  imported: number;
  added: number;
  merged: number;
}

/**
 * Merge every candidate into the store by site, all or nothing: the candidates were validated
 * by parseCandidates before we get here, and the writes run in one transaction.
 */
export function mergeIntoStore(store: Store, candidates: Candidate[]): MergeResult {
  const result: MergeResult = { imported: 0, added: 0, merged: 0 };
  store.db
    .transaction(() => {
      for (const c of candidates) {
        if (store.getCandidate(c.site)) result.merged++;
        else result.added++;
        store.upsertCandidate(c);
        result.imported++;
      }
    })
    .immediate();
  return result;
}
