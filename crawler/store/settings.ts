// The store's own settings (table `settings`, migration 5): what the curator sets once and the
// commands remember, such as the published roundup's URL per year that `badge` links to.
import type Database from './sqlite.ts';

export function settingQueries(db: Database.Database) {
  const q = {
    get: db.prepare(`SELECT value FROM settings WHERE key = ?`),
    put: db.prepare(`
      INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
      ON CONFLICT(key) DO UPDATE SET value=excluded.value, updated_at=excluded.updated_at`),
  };
  return {
    getSetting(key: string): string | undefined {
      return (q.get.get(key) as { value: string } | undefined)?.value;
    },
    setSetting(key: string, value: string, at = new Date().toISOString()): void {
      q.put.run(key, value, at);
    },
  };
}
