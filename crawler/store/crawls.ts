// Crawl records (options, report, finished or not) and the lease that lets one crawl at a
// time use a store.
import type { CrawlReport } from '../report.ts';
import type Database from './sqlite.ts';

export interface CrawlRecord {
  id: number;
  options: unknown;
  startedAt: string;
  report?: CrawlReport;
}

/** Who holds a store's lease. */
export interface LeaseHolder {
  token: string;
  pid: number;
  host: string;
  startedAt: string;
  heartbeatAt: string;
}

export function crawlQueries(db: Database.Database) {
  const q = {
    begin: db.prepare(`INSERT INTO crawls (started_at, options_json) VALUES (?, ?)`),
    finish: db.prepare(`UPDATE crawls SET finished_at = ?, report_json = ? WHERE id = ?`),
    report: db.prepare(`UPDATE crawls SET report_json = ? WHERE id = ?`),
    reopen: db.prepare(`UPDATE crawls SET finished_at = NULL WHERE id = ?`),
    last: db.prepare(`SELECT id, report_json FROM crawls WHERE report_json IS NOT NULL ORDER BY id DESC LIMIT 1`),
    newest: db.prepare(`SELECT id, options_json, started_at, report_json FROM crawls ORDER BY id DESC LIMIT 1`),
    unfinished: db.prepare(`SELECT id, options_json, started_at FROM crawls WHERE finished_at IS NULL ORDER BY id DESC LIMIT 1`),
    lease: db.prepare(`SELECT token, pid, host, started_at, heartbeat_at FROM lease WHERE id = 1`),
    takeLease: db.prepare(`INSERT OR REPLACE INTO lease (id, token, pid, host, started_at, heartbeat_at) VALUES (1, ?, ?, ?, ?, ?)`),
    beat: db.prepare(`UPDATE lease SET heartbeat_at = ? WHERE id = 1 AND token = ?`),
    release: db.prepare(`DELETE FROM lease WHERE id = 1 AND token = ?`),
  };
  const parse = (s: string | null): unknown => {
    if (s === null) return undefined;
    try {
      return JSON.parse(s) as unknown;
    } catch {
      return undefined;
    }
  };
  return {
    beginCrawl(options: unknown): number {
      return Number(q.begin.run(new Date().toISOString(), JSON.stringify(options ?? {})).lastInsertRowid);
    },
    finishCrawl(id: number, report: CrawlReport): void {
      q.finish.run(report.finishedAt ?? new Date().toISOString(), JSON.stringify({ ...report, crawlId: id }), id);
    },
    /** The report of a crawl that stays unfinished (interrupted: the next run continues it). */
    saveCrawlReport(id: number, report: CrawlReport): void {
      q.report.run(JSON.stringify(report), id);
    },
    /** A crawl continued after a --max-pages stop is unfinished again until it ends. */
    reopenCrawl(id: number): void {
      q.reopen.run(id);
    },
    lastCrawl(): { id: number; report: CrawlReport } | undefined {
      const r = q.last.get() as { id: number; report_json: string } | undefined;
      return r ? { id: r.id, report: JSON.parse(r.report_json) as CrawlReport } : undefined;
    },
    /** The newest crawl, whatever its state. */
    newestCrawl(): CrawlRecord | undefined {
      const r = q.newest.get() as { id: number; options_json: string; started_at: string; report_json: string | null } | undefined;
      if (!r) return undefined;
      const report = parse(r.report_json) as CrawlReport | undefined;
      return { id: r.id, options: parse(r.options_json), startedAt: r.started_at, ...(report ? { report } : {}) };
    },
    /** The newest crawl that never finished (killed or interrupted), with its options. */
    unfinishedCrawl(): { id: number; options: unknown; startedAt: string } | undefined {
      const r = q.unfinished.get() as { id: number; options_json: string; started_at: string } | undefined;
      return r ? { id: r.id, options: JSON.parse(r.options_json) as unknown, startedAt: r.started_at } : undefined;
    },
    leaseHolder(): LeaseHolder | undefined {
      const r = q.lease.get() as { token: string; pid: number; host: string; started_at: string; heartbeat_at: string } | undefined;
      return r ? { token: r.token, pid: r.pid, host: r.host, startedAt: r.started_at, heartbeatAt: r.heartbeat_at } : undefined;
    },
    writeLease(l: LeaseHolder): void {
      q.takeLease.run(l.token, l.pid, l.host, l.startedAt, l.heartbeatAt);
    },
    /** false when the lease is no longer ours (taken over). */
    heartbeatLease(token: string, at: string): boolean {
      return q.beat.run(at, token).changes === 1;
    },
    releaseLease(token: string): void {
      q.release.run(token);
    },
  };
}
