// The crawler's persisted state: the frontier's rows (so a killed crawl resumes where it
// stopped) and the robots.txt cache (24 h).
import type Database from './sqlite.ts';

export type EntryKind = 'page' | 'feed' | 'sitemap';

export interface FrontierRow {
  url: string;
  site: string;
  origin: string;
  priority: number;
  hops: number;
  kind: EntryKind;
  done: boolean;
  parent?: string;
}

export type FrontierWrite = Omit<FrontierRow, 'done'>;

export interface RobotsRow {
  status: string;
  body: string | null;
  fetchedAt: string;
}

export function crawlStateQueries(db: Database.Database) {
  const q = {
    insert: db.prepare(
      `INSERT INTO frontier (url, site, origin, priority, hops, kind, state, parent, added_at) VALUES (?, ?, ?, ?, ?, ?, 'queued', ?, ?)
       ON CONFLICT(url) DO UPDATE SET priority = MAX(priority, excluded.priority) WHERE state = 'queued'`,
    ),
    done: db.prepare(`UPDATE frontier SET state = 'done' WHERE url = ?`),
    all: db.prepare(`SELECT url, site, origin, priority, hops, kind, state, parent FROM frontier ORDER BY rowid`),
    clear: db.prepare(`DELETE FROM frontier`),
    queued: db.prepare(`SELECT COUNT(*) AS n FROM frontier WHERE state = 'queued'`),
    robots: db.prepare(`SELECT status, body, fetched_at FROM robots WHERE origin = ?`),
    putRobots: db.prepare(
      `INSERT INTO robots (origin, status, body, fetched_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(origin) DO UPDATE SET status=excluded.status, body=excluded.body, fetched_at=excluded.fetched_at`,
    ),
  };
  return {
    frontierRows(): FrontierRow[] {
      return (q.all.all() as { url: string; site: string; origin: string; priority: number; hops: number; kind: EntryKind; state: string; parent: string | null }[]).map((r) => ({
        url: r.url,
        site: r.site,
        origin: r.origin,
        priority: r.priority,
        hops: r.hops,
        kind: r.kind,
        done: r.state === 'done',
        ...(r.parent ? { parent: r.parent } : {}),
      }));
    },
    /** Buffered frontier changes: new or raised entries, and URLs finished or dropped. */
    writeFrontier(entries: Iterable<FrontierWrite>, done: Iterable<string>): void {
      const at = new Date().toISOString();
      for (const e of entries) q.insert.run(e.url, e.site, e.origin, e.priority, e.hops, e.kind, e.parent ?? null, at);
      for (const u of done) q.done.run(u);
    },
    clearFrontier(): void {
      q.clear.run();
    },
    queuedCount(): number {
      return (q.queued.get() as { n: number }).n;
    },
    robotsRow(origin: string): RobotsRow | undefined {
      const r = q.robots.get(origin) as { status: string; body: string | null; fetched_at: string } | undefined;
      return r ? { status: r.status, body: r.body, fetchedAt: r.fetched_at } : undefined;
    },
    saveRobots(origin: string, status: string, body: string | null, at: string): void {
      q.putRobots.run(origin, status, body, at);
    },
  };
}
