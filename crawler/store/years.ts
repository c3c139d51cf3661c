// Per-year snapshots of the ranking: what `list --year` compares against (the `move` column).
import type { Candidate } from '../../scoring/index.ts';
import type Database from './sqlite.ts';

export function yearQueries(db: Database.Database) {
  const q = {
    upsert: db.prepare(`
      INSERT INTO snapshots (year, site, score, taken_at) VALUES (?, ?, ?, ?)
      ON CONFLICT(year, site) DO UPDATE SET score=excluded.score, taken_at=excluded.taken_at`),
    ofYear: db.prepare(`SELECT site, score FROM snapshots WHERE year = ?`),
    years: db.prepare(`SELECT DISTINCT year FROM snapshots ORDER BY year`),
  };
  return {
    writeSnapshot(year: number, ranked: Candidate[], at: string): void {
      for (const c of ranked) q.upsert.run(year, c.site, c.siteScore.score, at);
    },
    snapshot(year: number): Map<string, number> {
      return new Map((q.ofYear.all(year) as { site: string; score: number }[]).map((r) => [r.site, r.score]));
    },
    snapshotYears(): number[] {
      return (q.years.all() as { year: number }[]).map((r) => r.year);
    },
  };
}
