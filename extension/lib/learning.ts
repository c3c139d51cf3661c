// The curator's model in the extension (issue 11): taken from `mentor-radar serve` on sync, checked
// (a malformed model, or one made by another version of the scorer, is refused with a message and
// the model in use stays), kept in IndexedDB (`meta`), and used for every bookmark. Taking a new one
// re-scores the stored pages from their vectors (no page is read again) and rebuilds the site scores
// built from them; a page bookmarked before vectors were kept is re-scored at its next bookmark.
// Also the crawler's status of each bookmarked site (queued / crawled), kept from the last sync.
import { normalisePageUrl, scoreSite, siteKey } from '../../scoring/index.ts';
import type { Candidate } from '../../scoring/index.ts';
import { MODEL, ModelError, parseModel, type LinearModel } from '../../scoring/model.ts';
import { scorerVersionOf } from '../../scoring/model-version.ts';
import { decodeVector, rescorePage } from '../../scoring/vector.ts';
import { parseCrawlStatus, type CrawlStatus } from '../../scoring/crawl-status.ts';
import { openMentorDb, type StoredPage } from './db.ts';

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
    return { scorerVersion: b.scorerVersion };
  }
  const model = parseModel(b.model);
  // The version names the weights and the lexicons: another version of the scorer reads pages otherwise.
  if (scorerVersionOf(model) !== b.scorerVersion) throw new ModelError('the sync server\'s model was made by another version of Mentor Radar (its scorerVersion does not match): update the older one');
  return { model, scorerVersion: b.scorerVersion, ...(typeof b.trainedAt === 'string' ? { trainedAt: b.trainedAt.slice(0, 40) } : {}) };
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

/** Keeps the server's model (or goes back to the shipped one) and re-scores the stored pages with it. */
export async function takeModel(offer: ServerModel, opts: { at: string; roundupYear: number }): Promise<TakenModel> {
  const model = offer.model ?? MODEL;
  const before = scorerVersionOf(await currentModel());
  const db = await openMentorDb();
  if (offer.model) {
    const stored: StoredModel = { model: offer.model, scorerVersion: offer.scorerVersion, takenAt: opts.at, ...(offer.trainedAt ? { trainedAt: offer.trainedAt } : {}) };
    await db.put('meta', stored, MODEL_KEY);
  } else await db.delete('meta', MODEL_KEY);
  cached = undefined;
  return { before, after: scorerVersionOf(model), ...(await rescoreStoredPages(model, opts)) };
}

/**
 * Every stored page scored with another model and holding a vector, re-scored by `model`; each site
 * whose score was built from the pages stored here (no more pages than we have: not a crawler's
 * site score) is rebuilt from them. One transaction.
 */
export async function rescoreStoredPages(model: LinearModel, opts: { at: string; roundupYear: number }): Promise<{ rescored: number; withoutVector: number; sites: number }> {
  const version = scorerVersionOf(model);
  const db = await openMentorDb();
  const tx = db.transaction(['pages', 'candidates'], 'readwrite');
  const pages = tx.objectStore('pages');
  const cands = tx.objectStore('candidates');
  const all = await pages.getAll();
  const bySite = new Map<string, StoredPage[]>();
  const touched = new Set<string>();
  let rescored = 0;
  let withoutVector = 0;
  for (const p of all) {
    let page = p;
    if (p.scorerVersion !== version) {
      const v = decodeVector(p.vector);
      if (v) {
        page = rescorePage(p, v, model);
        await pages.put(page);
        rescored++;
        touched.add(p.site);
      } else withoutVector++;
    }
    const list = bySite.get(p.site) ?? [];
    list.push(page);
    bySite.set(p.site, list);
  }
  let sites = 0;
  for (const site of touched) {
    const c = (await cands.get(site)) as Candidate | undefined;
    const left = bySite.get(site) ?? [];
    if (!c || left.length === 0 || c.siteScore.pagesScored > left.length) continue;
    const siteScore = scoreSite(left, { site: c.siteScore.site, roundupYear: opts.roundupYear, scorerVersion: version });
    await cands.put({ ...c, siteScore, name: c.nameOverride || siteScore.name || c.name, lastScoredAt: opts.at });
    sites++;
  }
  await tx.done;
  return { rescored, withoutVector, sites };
}

/** The bookmarked pages the server is told about (POST /api/bookmarks): URL and when each was saved. */
export async function bookmarkedPages(): Promise<{ url: string; savedAt: string }[]> {
  const db = await openMentorDb();
  return (await db.getAll('pages')).map((p) => ({ url: normalisePageUrl(p.finalUrl || p.url) ?? p.url, savedAt: p.savedAt }));
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
