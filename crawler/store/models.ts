// The curator's models (issue 11): every `train` adds a row (kind 'curator', the model's JSON and
// what it printed), every `train --reset` a row of kind 'shipped'. The newest row is the model the
// crawler, `score --db` and (through `serve`) the extension score with.
import { MODEL, ModelError, parseModel, type LinearModel } from '../../scoring/model.ts';
import { scorerVersionOf } from '../../scoring/model-version.ts';
import type Database from './sqlite.ts';

export interface ActiveModel {
  model: LinearModel;
  /** Its row (undefined: never trained, the shipped model). */
  version?: number;
  kind: 'curator' | 'shipped';
  createdAt?: string;
  scorerVersion: string;
  /** Why the stored model could not be used (the shipped one is used instead). */
  error?: string;
}

export interface ModelRecord {
  version: number;
  kind: 'curator' | 'shipped';
  createdAt: string;
  scorerVersion: string;
  report?: unknown;
}

type Row = { id: number; created_at: string; kind: 'curator' | 'shipped'; scorer_version: string; model_json: string | null; report_json: string | null };

const SHIPPED: ActiveModel = { model: MODEL, kind: 'shipped', scorerVersion: scorerVersionOf(MODEL) };

export function modelQueries(db: Database.Database) {
  const q = {
    newest: db.prepare(`SELECT id, created_at, kind, scorer_version, model_json, report_json FROM models ORDER BY id DESC LIMIT 1`),
    next: db.prepare(`SELECT COALESCE(MAX(id), 0) + 1 AS n FROM models`),
    insert: db.prepare(`INSERT INTO models (id, created_at, kind, scorer_version, model_json, report_json) VALUES (?, ?, ?, ?, ?, ?)`),
    all: db.prepare(`SELECT id, created_at, kind, scorer_version, report_json FROM models ORDER BY id`),
  };
  // One parsed model per row (the crawler asks once per crawl; serve per request).
  let cache: { id: number; active: ActiveModel } | undefined;
  return {
    /** The model to score with: the newest trained one, else the shipped one. */
    activeModel(): ActiveModel {
      const r = q.newest.get() as Row | undefined;
      if (!r || r.kind === 'shipped') return r ? { ...SHIPPED, version: r.id, createdAt: r.created_at } : SHIPPED;
      if (cache?.id === r.id) return cache.active;
      let active: ActiveModel;
      try {
        const model = parseModel(JSON.parse(r.model_json ?? 'null'));
        active = { model, version: r.id, kind: 'curator', createdAt: r.created_at, scorerVersion: scorerVersionOf(model) };
      } catch (e) {
        const why = e instanceof ModelError ? e.message : `not JSON (${(e as Error).message})`;
        active = { ...SHIPPED, error: `stored model ${r.id} is ${why.replace(/^not a usable model: /, 'unusable: ')}; scoring with the shipped model` };
      }
      cache = { id: r.id, active };
      return active;
    },
    /** The id the next trained model gets ("curator-N"). */
    nextModelVersion(): number {
      return (q.next.get() as { n: number }).n;
    },
    /** Saves a trained model (its `id` must be curator-<version>) or, with `undefined`, the return to the shipped one. */
    saveModel(version: number, model: LinearModel | undefined, at: string, report?: unknown): void {
      const kind = model ? 'curator' : 'shipped';
      q.insert.run(version, at, kind, scorerVersionOf(model ?? MODEL), model ? JSON.stringify(model) : null, report === undefined ? null : JSON.stringify(report));
    },
    modelHistory(): ModelRecord[] {
      return (q.all.all() as Omit<Row, 'model_json'>[]).map((r) => ({
        version: r.id,
        kind: r.kind,
        createdAt: r.created_at,
        scorerVersion: r.scorer_version,
        ...(r.report_json ? { report: JSON.parse(r.report_json) as unknown } : {}),
      }));
    },
  };
}
