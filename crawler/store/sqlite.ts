// The one place that picks the SQLite binding.
// better-sqlite3 ≤ 12 wraps its objects in node::ObjectWrap, and on Node 24 a Statement that is
// garbage-collected at the wrong moment aborts the whole process (`Assertion failed: (env) !=
// nullptr` in RemoveEnvironmentCleanupHook): seen here mid-crawl. better-sqlite3 13 is Node-API
// and fixed, but needs Node ≥ 22 (it segfaults on Node 20). So: 13 (shipped prebuilt, installed
// under the alias `better-sqlite3-napi`) on Node ≥ 22, 12 (built by node-gyp) on Node 20.
import type BetterSqlite3 from 'better-sqlite3';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const nodeMajor = Number(process.versions.node.split('.')[0]);

export const sqliteBinding = nodeMajor >= 22 ? 'better-sqlite3-napi' : 'better-sqlite3';

const Database = require(sqliteBinding) as typeof BetterSqlite3;
// Types only (both majors share the API): `Database.Database`, `Database.Statement`.
// eslint-disable-next-line @typescript-eslint/no-namespace
declare namespace Database {
  type Database = BetterSqlite3.Database;
  type Statement<P extends unknown[] | object = unknown[], R = unknown> = BetterSqlite3.Statement<P, R>;
}
export default Database;
