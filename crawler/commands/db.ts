// Opening the store for a command. Read-only commands (`list`, `export`) open it read-only:
// nothing is created or changed, and a store in a read-only folder still reads.
import { existsSync, statSync } from 'node:fs';
import { openStore } from '../store/index.ts';
import type { Store } from '../store/index.ts';
import { CliError, clean } from './common.ts';

/**
 * Open the store at `path`. `mustExist` (decide, and every read-only command) makes a mistyped
 * --db an error instead of a new empty database.
 */
export function open(path: string, opts: { mustExist?: boolean; readonly?: boolean } = {}): Store {
  if (existsSync(path) && statSync(path).isDirectory()) throw new CliError(`--db ${clean(path)} is a directory`);
  if ((opts.mustExist || opts.readonly) && !existsSync(path)) {
    throw new CliError(`no store at ${clean(path)} (run mentor-radar crawl or import first, or pass --db)`);
  }
  return openStore(path, { readonly: opts.readonly });
}

export async function withStore<T>(path: string, opts: { mustExist?: boolean; readonly?: boolean }, fn: (store: Store) => T | Promise<T>): Promise<T> {
  const store = open(path, opts);
  try {
    return await fn(store);
  } finally {
    store.close();
  }
}
