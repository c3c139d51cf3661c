// The curator's model in the extension (issue 11): taken from `mentor-radar serve` on sync, checked
// (a malformed model, or one made by another version of the scorer, is refused with a message and
// the model in use stays), kept in IndexedDB (`meta`), and used for every bookmark. Taking a new one
// re-scores the stored bookmarked pages from their vectors (no page is read again) through their page
// records (db.ts: the same reading, `source` and removals kept, `scoredAt` unchanged, `rescoredAt` the
// model's time) and scores their sites again from the union of their pages (scoring/site-pages.ts).
// The crawler's pages are re-scored by the store (`train`) and come back re-scored with the same
// sync; a page bookmarked before vectors were kept is re-scored at its next bookmark.
// Also the crawler's status of each bookmarked site (queued / crawled), kept from the last sync.
import { isoInstant, normalisePageUrl, siteKey } from '../../scoring/index.ts';
import { MODEL, ModelError, parseModel, type LinearModel } from '../../scoring/model.ts';
import { scorerVersionOf } from '../../scoring/model-version.ts';
import { decodeVector, rescorePage } from '../../scoring/vector.ts';
import { parseCrawlStatus, type CrawlStatus } from '../../scoring/crawl-status.ts';
import { openMentorDb, rescorePages } from './db.ts';

const MODEL_KEY = 'model';
const CRAWL_STATUS_KEY = 'crawlStatus';

interface StoredModel {
  model: LinearModel;
  scorerVersion: string;
  trainedAt?: string;
  takenAt: string;
}

/** What the sync server offers (GET /api/model), checked. `model` undefined: the shipped model. */
export interface ServerModel {
  model?: LinearModel;
  scorerVersion: string;
  trainedAt?: string;
  /** When the store took this model into use (a train, or a reset to the shipped one): the pages' `rescoredAt`. */
  modelAt?: string;
}

let cached: { key: string; model: LinearModel } | undefined;

/** The model bookmarks are scored with: the curator's when one was taken (and still reads), else the shipped one. */
export async function currentModel(): Promise<LinearModel> {
  const db = await openMentorDb();
  const raw = (await db.get('meta', MODEL_KEY)) as StoredModel | undefined;
  if (!raw) return MODEL;
  if (cached?.key === raw.scorerVersion) return cached.model;
  try {
    const model = parseModel(raw.model);
    if (scorerVersionOf(model) !== raw.scorerVersion) return MODEL;
    cached = { key: raw.scorerVersion, model };
    return model;
  } catch {
    return MODEL; // never breaks scoring
  }
}

/** GET /api/model's body, checked: throws ModelError saying why it cannot be used. */
export function checkServerModel(body: unknown): ServerModel {
  if (typeof body !== 'object' || body === null) throw new ModelError('the sync server sent no model description');
  const b = body as Record<string, unknown>;
  if (typeof b.scorerVersion !== 'string') throw new ModelError('the sync server sent a model without its scorerVersion');
  if (b.model === null || b.model === undefined) {
    if (b.scorerVersion !== scorerVersionOf(MODEL)) throw new ModelError(`the sync server scores with ${b.scorerVersion.slice(0, 60)}, this extension with ${scorerVersionOf(MODEL)}: update the older one`);
    return { scorerVersion: b.scorerVersion, ...modelAtOf(b.modelAt) };
  }
  const model = parseModel(b.model);
  // The version names the weights and the lexicons: another version of the scorer reads pages otherwise.
  if (scorerVersionOf(model) !== b.scorerVersion) throw new ModelError('the sync server\'s model was made by another version of Mentor Radar (its scorerVersion does not match): update the older one');
  const trainedAt = modelAtOf(b.trainedAt).modelAt;
  return { model, scorerVersion: b.scorerVersion, ...(trainedAt ? { trainedAt } : {}), ...modelAtOf(b.modelAt ?? trainedAt) };
}

/** The offer's model time as a canonical instant (an older server sends none). */
function modelAtOf(x: unknown): { modelAt?: string } {
  const t = isoInstant(x);
  return t === undefined ? {} : { modelAt: new Date(t).toISOString() };
}

export interface TakenModel {
  /** The scorerVersion in use before and now. */
  before: string;
  after: string;
  /** Pages re-scored from their vectors, and pages that have none (re-scored at their next bookmark). */
  rescored: number;
  withoutVector: number;
  /** Sites whose score was rebuilt from the re-scored pages. */
  sites: number;
}

/**
 * Keeps the server's model (or goes back to the shipped one) and re-scores the stored pages with it,
 * stamped with the model's time (`modelAt`; `at`, now, when an older server sends none).
 */
export async function takeModel(offer: ServerModel, opts: { at: string }): Promise<TakenModel> {
  const model = offer.model ?? MODEL;
  const before = scorerVersionOf(await currentModel());
  const db = await openMentorDb();
  if (offer.model) {
    const stored: StoredModel = { model: offer.model, scorerVersion: offer.scorerVersion, takenAt: opts.at, ...(offer.trainedAt ? { trainedAt: offer.trainedAt } : {}) };
    await db.put('meta', stored, MODEL_KEY);
  } else await db.delete('meta', MODEL_KEY);
  cached = undefined;
  return { before, after: scorerVersionOf(model), ...(await rescoreStoredPages(model, { at: opts.at, modelAt: offer.modelAt ?? opts.at })) };
}

/**
 * Every stored page record scored with another model and holding a vector, re-scored by `model`
 * (`rescoredAt` = `modelAt`, `scoredAt` kept: the page was not read again), and their sites scored
 * again from the union of their pages (db.ts, rescorePages). Records without a vector keep their
 * score: the crawler's (the store re-scores them) and bookmarks made before vectors were kept
 * (`withoutVector`: re-scored at their next bookmark).
 */
export async function rescoreStoredPages(model: LinearModel, opts: { at: string; modelAt: string }): Promise<{ rescored: number; withoutVector: number; sites: number }> {
  const version = scorerVersionOf(model);
  let withoutVector = 0;
  const { rescored, sites } = await rescorePages((p) => {
    if (p.scorerVersion === version) return undefined;
    const v = decodeVector(p.vector);
    if (v) return rescorePage(p, v, model, opts.modelAt);
    if (p.source === 'bookmark') withoutVector++;
    return undefined;
  }, opts.at);
  return { rescored, withoutVector, sites };
}

/** The bookmarked pages the server is told about (POST /api/bookmarks): URL and when each was saved. */
export async function bookmarkedPages(): Promise<{ url: string; savedAt: string }[]> {
  const db = await openMentorDb();
  // The page records that are bookmarks (not the crawler's pages sync brought, not removed ones),
  // each with when it was bookmarked: its score's time.
  return (await db.getAll('pages'))
    .filter((p) => p.source === 'bookmark' && !p.removedAt)
    .map((p) => ({ url: normalisePageUrl(p.finalUrl || p.url) ?? p.url, savedAt: p.scoredAt || p.savedAt }));
}

/** Keeps the crawler's status of each site (from the last sync), replacing what was kept. */
export async function saveCrawlStatus(raw: unknown): Promise<number> {
  const status: Record<string, CrawlStatus> = {};
  if (typeof raw === 'object' && raw !== null) {
    for (const [site, s] of Object.entries(raw)) {
      const parsed = parseCrawlStatus(s);
      if (parsed && site.length <= 300) status[site] = parsed;
    }
  }
  const db = await openMentorDb();
  await db.put('meta', status, CRAWL_STATUS_KEY);
  return Object.keys(status).length;
}

/** The crawler's status of `site` as of the last sync, if it has one. */
export async function crawlStatusOf(site: string): Promise<CrawlStatus | undefined> {
  let key: string;
  try {
    key = siteKey(site);
  } catch {
    return undefined;
  }
  const db = await openMentorDb().catch(() => undefined);
  const all = (await db?.get('meta', CRAWL_STATUS_KEY)) as Record<string, unknown> | undefined;
  return parseCrawlStatus(all?.[key]);
}
