// The extension's IndexedDB store (through idb): candidates, the pages scored for them, and meta.
//
// Schema history (DB_VERSION is the newest; every step below runs for a user several versions behind,
// so a v1 database goes v1 -> v2 -> v3 in one upgrade transaction without losing a record):
//   v1  stores `candidates` (keyPath site) and `pages` (keyPath url), no indexes.
//   v2  pages gain a `site` field (migrated from their finalUrl/url) and the `bySite` index;
//       candidates gain `byDecision`, `byKind`, `byScore`; the `meta` store appears.
//   v3  pages gain `savedAt` (migrated from their candidate's lastScoredAt); candidates gain the
//       multi-entry `bySource` index and `byLastScored`.
//   v4  pages are keyed by their normalised URL (scoring's normalisePageUrl: no tracking
//       parameters, fragment or default port), so `?utm_source=x` and the plain address are one
//       page; duplicates collapse to the newest `savedAt`. One record per page and site, with its
//       PageScore, is what a site score is computed from.
//   v5  pages are scoring's page records (SitePage): `scoredAt` (from `savedAt`) and `source`
//       ('bookmark': before v5 only bookmarks stored pages), keyed by the normalised final URL.
//       The store now holds a site's pages from every source (the crawler's, through import and
//       sync) and the curator's removals (`removedAt`, a tombstone that sync carries); a site's
//       score is computed from all of them by scoring's one rule (settleCandidate, mergeCandidates).
//       Candidates may carry the site's `activity`; they never hold `pages` (those live here).
//       Issue 11 needs no step of its own: a bookmarked page's `vector` (what the model reads of it)
//       is a field no index reads, kept with the record of the reading it was made from (a
//       re-score or a removal of that reading keeps it; a newer reading of the page replaces it);
//       the curator's model and the crawler's status of each site live in `meta` (learning.ts).
// Candidates are stored whole, so the curator's roundup picks (roundupRank, best, blurb,
// nameOverride, pickedAt) need no schema step: no index reads them.
//
// Rules: nothing but IndexedDB requests is awaited inside a transaction (score first, then write);
// writes that fail for lack of space surface as DbQuotaError so the UI can tell the curator.
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { PickError, applyPicks, applyRoundupChange, candidateName, isDecision, livePages, mergeAll, mergeCandidates, normalisePageUrl, pagesCandidate, recordScoreInHistory, settleCandidate, siteKey, toSitePage, unionPages } from '../../scoring/index.ts';
import type { Candidate, Decision, PageScore, PicksChange, RoundupChange, RoundupOptions, SitePage } from '../../scoring/index.ts';

export const DB_NAME = 'mentor-radar';
export const DB_VERSION = 5;

/** A page as stored: scoring's page record plus the site key it belongs to and when it was saved here. */
export interface StoredPage extends SitePage {
  site: string;
  savedAt: string;
  /**
   * Issue 11: what the model reads of the page (scoring/vector.ts, encoded), so a new model re-scores
   * it without reading the page again (learning.ts). Bookmarks only (the crawler keeps its own pages'
   * vectors and re-scores them); absent on pages bookmarked before. It belongs to the reading of
   * `scoredAt`: kept while the record is of that reading, dropped when a newer one replaces it.
   */
  vector?: string;
}

export interface MentorRadarDB extends DBSchema {
  candidates: {
    key: string;
    value: Candidate;
    indexes: {
      byDecision: string;
      byKind: string;
      byScore: number;
      bySource: string;
      byLastScored: string;
    };
  };
  pages: {
    key: string;
    value: StoredPage;
    indexes: { bySite: string };
  };
  meta: {
    key: string;
    value: unknown;
  };
}

export type MentorDb = IDBPDatabase<MentorRadarDB>;

// ------------------------------------------------------------------ errors and events

/** The browser refused a write for lack of space. The UI shows `message` to the curator. */
export class DbQuotaError extends Error {
  override name = 'DbQuotaError';
  constructor(cause?: unknown) {
    super(
      'The browser has no more storage space for Mentor Radar. Export your candidates (JSON), then free some disk space or delete candidates you do not need.',
    );
    if (cause !== undefined) (this as { cause?: unknown }).cause = cause;
  }
}

/** Anything else that went wrong in the store, with a message fit for the curator. */
export class DbError extends Error {
  override name = 'DbError';
}

export function isQuotaError(e: unknown): boolean {
  const name = (e as { name?: string } | null)?.name;
  return name === 'QuotaExceededError' || name === 'DbQuotaError' || (e as { code?: number } | null)?.code === 22;
}

function toDbError(e: unknown): Error {
  if (e instanceof DbQuotaError || e instanceof DbError) return e;
  if (isQuotaError(e)) return new DbQuotaError(e);
  const inner = e as { name?: string; message?: string } | null;
  return new DbError(`Storage error: ${inner?.name ?? 'Error'}${inner?.message ? `: ${inner.message}` : ''}`);
}

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    throw toDbError(e);
  }
}

export type DbEventType = 'blocked' | 'blocking' | 'terminated' | 'persisted';
/**
 * `blocked`: an older tab/page keeps the old schema open (the upgrade waits until it closes);
 * `blocking`: a newer version wants to open, this connection closed itself;
 * `terminated`: the browser dropped the connection (the next call reopens).
 */
export const dbEvents = new EventTarget();
const emit = (type: DbEventType, detail?: unknown) => dbEvents.dispatchEvent(new CustomEvent(type, { detail }));

// ------------------------------------------------------------------ schema upgrades

type UpgradeTx = IDBPTransaction<MentorRadarDB, StoreNames<MentorRadarDB>[], 'versionchange'>;

function pageSite(p: { site?: unknown; finalUrl?: unknown; url?: unknown }): string {
  for (const u of [p.finalUrl, p.url]) {
    if (typeof u === 'string' && u) {
      try {
        return siteKey(u);
      } catch {
        /* next */
      }
    }
  }
  return typeof p.site === 'string' ? p.site : '';
}

/** Every step for every old version; `oldVersion` 0 is a fresh install. */
function upgrade(db: MentorDb, oldVersion: number, tx: UpgradeTx): void {
  // Data migrations run one after another (never interleaved on the same records).
  const migrations: (() => Promise<void>)[] = [];
  if (oldVersion < 1) {
    db.createObjectStore('candidates', { keyPath: 'site' });
    db.createObjectStore('pages', { keyPath: 'url' });
  }
  if (oldVersion < 2) {
    const cands = tx.objectStore('candidates');
    cands.createIndex('byDecision', 'decision');
    cands.createIndex('byKind', 'siteScore.siteKind');
    cands.createIndex('byScore', 'siteScore.score');
    const pages = tx.objectStore('pages');
    pages.createIndex('bySite', 'site');
    db.createObjectStore('meta');
    // v1 pages have no `site`: derive it so `bySite` finds them.
    migrations.push(async () => {
      let cursor = await pages.openCursor();
      while (cursor) {
        const p = cursor.value as Partial<StoredPage>;
        if (!p.site) await cursor.update({ ...(p as StoredPage), site: pageSite(p) });
        cursor = await cursor.continue();
      }
    });
  }
  if (oldVersion < 3) {
    const cands = tx.objectStore('candidates');
    cands.createIndex('bySource', 'sources', { multiEntry: true });
    cands.createIndex('byLastScored', 'lastScoredAt');
    const pages = tx.objectStore('pages');
    migrations.push(async () => {
      const lastScored = new Map<string, string>();
      let cc = await cands.openCursor();
      while (cc) {
        lastScored.set(cc.value.site, cc.value.lastScoredAt);
        cc = await cc.continue();
      }
      let cursor = await pages.openCursor();
      while (cursor) {
        const p = cursor.value as Partial<StoredPage>;
        if (!p.savedAt) {
          const site = p.site || pageSite(p);
          await cursor.update({ ...(p as StoredPage), site, savedAt: lastScored.get(site) ?? new Date().toISOString() });
        }
        cursor = await cursor.continue();
      }
    });
  }
  if (oldVersion < 4) {
    const pages = tx.objectStore('pages');
    migrations.push(async () => {
      // Read all, then write back under the new keys (re-keying under a cursor could visit a record twice).
      const all = await pages.getAll();
      const keep = new Map<string, StoredPage>();
      for (const p of all) {
        const url = normalisePageUrl(p.url) ?? p.url;
        const prev = keep.get(url);
        if (!prev || (p.savedAt ?? '') > (prev.savedAt ?? '')) keep.set(url, { ...p, url, finalUrl: normalisePageUrl(p.finalUrl) ?? p.finalUrl });
      }
      await pages.clear();
      for (const p of keep.values()) await pages.put(p);
    });
  }
  if (oldVersion < 5) {
    const pages = tx.objectStore('pages');
    migrations.push(async () => {
      // Every v4 page was a bookmark: a page record scored when it was saved, keyed by its final URL.
      const all = await pages.getAll();
      const keep = new Map<string, StoredPage>();
      for (const p of all) {
        let rec: SitePage;
        try {
          const at = [p.scoredAt, p.savedAt].find((t) => typeof t === 'string' && !Number.isNaN(Date.parse(t))) ?? new Date().toISOString();
          rec = toSitePage(p, at, p.source ?? 'bookmark', p.removedAt);
        } catch {
          // No usable time or URL: keep the record as it was, under its key (nothing is lost).
          keep.set(p.url, p);
          continue;
        }
        const prev = keep.get(rec.url);
        if (!prev || (p.savedAt ?? '') > (prev.savedAt ?? '')) keep.set(rec.url, { ...rec, site: p.site || pageSite(rec), savedAt: p.savedAt, ...(typeof p.vector === 'string' ? { vector: p.vector } : {}) });
      }
      await pages.clear();
      for (const p of keep.values()) await pages.put(p);
    });
  }
  // A failed migration aborts the whole upgrade: the old database stays as it was.
  const runAll = async () => {
    for (const step of migrations) await step();
  };
  runAll().catch(() => {
    try {
      tx.abort();
    } catch {
      /* already finished */
    }
  });
}

// ------------------------------------------------------------------ connection

const connections = new Map<string, Promise<MentorDb>>();
let defaultName = DB_NAME;

/** Tests (and nothing else) point the module-level API at another database name. */
export function setDefaultDbName(name: string): void {
  defaultName = name;
}

/** Open (once per name) and upgrade the database. */
export function openMentorDb(name: string = defaultName): Promise<MentorDb> {
  const cached = connections.get(name);
  if (cached) return cached;
  const opening = openDB<MentorRadarDB>(name, DB_VERSION, {
    upgrade: (db, oldVersion, _newVersion, tx) => upgrade(db, oldVersion, tx),
    blocked: (currentVersion, blockedVersion) => emit('blocked', { currentVersion, blockedVersion }),
    blocking: (currentVersion, blockedVersion) => {
      // A newer version of the extension (another page) needs to upgrade: get out of its way.
      connections.delete(name);
      void opening.then((db) => db.close());
      emit('blocking', { currentVersion, blockedVersion });
    },
    terminated: () => {
      connections.delete(name);
      emit('terminated');
    },
  }).catch((e: unknown) => {
    connections.delete(name);
    throw toDbError(e);
  });
  connections.set(name, opening);
  return opening;
}

/** Close and forget the connection(s): tests, and before deleting a database. */
export async function closeMentorDb(name?: string): Promise<void> {
  const names = name ? [name] : [...connections.keys()];
  for (const n of names) {
    const p = connections.get(n);
    connections.delete(n);
    if (p) (await p.catch(() => null))?.close();
  }
}

/**
 * Ask the browser once to keep our data when space runs low (`navigator.storage.persist()`).
 * Window contexts only (the service worker has no `persist`); remembered in `meta`.
 */
export async function requestPersistence(): Promise<boolean | undefined> {
  const sm = (globalThis as { navigator?: { storage?: { persist?: () => Promise<boolean>; persisted?: () => Promise<boolean> } } })
    .navigator?.storage;
  if (!sm?.persist) return undefined;
  const db = await openMentorDb();
  const asked = await db.get('meta', 'persistRequested');
  if (asked) return sm.persisted ? sm.persisted() : undefined;
  const granted = await sm.persist().catch(() => false);
  await db.put('meta', new Date().toISOString(), 'persistRequested').catch(() => undefined);
  emit('persisted', granted);
  return granted;
}

// ------------------------------------------------------------------ reads

export async function listCandidates(): Promise<Candidate[]> {
  return guarded(async () => (await openMentorDb()).getAll('candidates'));
}

/** The `n` best-scored candidates straight from the `byScore` index: the dashboard's first screen. */
export async function topCandidatesByScore(n: number): Promise<Candidate[]> {
  return guarded(async () => {
    const db = await openMentorDb();
    const out: Candidate[] = [];
    let cur = await db.transaction('candidates').store.index('byScore').openCursor(null, 'prev');
    while (cur && out.length < n) {
      out.push(cur.value);
      cur = await cur.continue();
    }
    return out;
  });
}

export async function getCandidate(site: string): Promise<Candidate | undefined> {
  return guarded(async () => (await openMentorDb()).get('candidates', normKey(site)));
}

/** The pages a site is scored from and the dashboard lists (not the removed ones): as many as its `pagesScored`. */
export async function pagesOfSite(site: string): Promise<StoredPage[]> {
  return guarded(async () => livePages(await (await openMentorDb()).getAllFromIndex('pages', 'bySite', normKey(site))));
}

/** A stored page as scoring's page record (without `site` and `savedAt`); undefined for a record the merge cannot key. */
function toRecord(p: StoredPage): SitePage | undefined {
  try {
    return toSitePage(p, p.scoredAt, p.source, p.removedAt);
  } catch {
    return undefined;
  }
}

function recordsOf(stored: StoredPage[]): SitePage[] {
  return stored.map(toRecord).filter((r): r is SitePage => r !== undefined);
}

/** The candidate with the site's stored pages (none: as it is), for scoring's merge. */
function withRecords(c: Candidate, stored: StoredPage[]): Candidate {
  const pages = recordsOf(stored);
  return pages.length ? { ...c, pages } : c;
}

/** A candidate that is the site's only record here, with the pages stored for the site too: settled (scored from all of them). */
function alone(c: Candidate, stored: StoredPage[]): Candidate {
  const pages = [...(c.pages ?? []), ...recordsOf(stored)];
  return pages.length ? settleCandidate({ ...c, pages }) : c;
}

/** The candidates with their stored pages (removals too, so that sync carries them): a JSON export, a sync push. */
export async function withStoredPages(list: Candidate[]): Promise<Candidate[]> {
  return guarded(async () => {
    const db = await openMentorDb();
    const index = db.transaction('pages').store.index('bySite');
    const stored = await Promise.all(list.map((c) => index.getAll(c.site)));
    return list.map((c, i) => withRecords(c, stored[i]));
  });
}

function normKey(site: string): string {
  try {
    return siteKey(site);
  } catch {
    return site;
  }
}

// ------------------------------------------------------------------ writes

export async function putCandidate(c: Candidate): Promise<void> {
  assertCandidate(c, 'candidate');
  const { pages: _pages, ...record } = c;
  await guarded(async () => {
    await (await openMentorDb()).put('candidates', { ...record, site: siteKey(c.site) });
  });
}

type WriteTx = IDBPTransaction<MentorRadarDB, ('pages' | 'candidates')[], 'readwrite'>;

/** One reading of a page: its URL, when it was read and by whom (a re-score or a removal keeps it). */
const readingOf = (p: SitePage): string => JSON.stringify([p.url, p.scoredAt, p.source]);

/**
 * Write a merged site: the candidate (without `pages`) and its page records, replacing the site's
 * stored pages (`before`) with `merged.pages`; unchanged records are not written again, and a
 * record that was stored before (here, or in `carried`: an undone delete, a new bookmark, pages
 * re-scored) keeps its `savedAt`, and its vector while it is of the same reading.
 */
function writeSite(tx: WriteTx, merged: Candidate, before: StoredPage[], savedAt: string, carried: StoredPage[] = []): Promise<unknown>[] {
  const { pages: records, ...candidate } = recordScoreInHistory(merged);
  const writes: Promise<unknown>[] = [tx.objectStore('candidates').put(candidate)];
  if (!records) return writes;
  const pages = tx.objectStore('pages');
  const savedAtOf = new Map<string, string>();
  for (const p of carried) savedAtOf.set(JSON.stringify(toRecord(p) ?? null), p.savedAt);
  const vectorOf = new Map<string, string>();
  for (const p of [...before, ...carried]) if (p.vector) vectorOf.set(readingOf(p), p.vector);
  const here = new Map(before.map((p) => [p.url, JSON.stringify(toRecord(p) ?? null)]));
  for (const rec of records) {
    const json = JSON.stringify(rec);
    const same = here.get(rec.url) === json;
    here.delete(rec.url);
    const vector = vectorOf.get(readingOf(rec));
    if (!same) writes.push(pages.put({ ...rec, site: merged.site, savedAt: savedAtOf.get(json) ?? savedAt, ...(vector ? { vector } : {}) }));
  }
  for (const url of here.keys()) writes.push(pages.delete(url));
  return writes;
}

/**
 * Store a bookmarked page (with its vector, when given: learning.ts) and re-score its site from all
 * its pages (the crawler's too, when they came by import or sync), in one transaction: scoring's
 * merge rule decides the score, the curator's picks stay. Returns what was stored and whether the
 * site and the page were known.
 */
export async function savePageAndCandidate(
  page: PageScore,
  savedAt: string = new Date().toISOString(),
  vector?: string,
): Promise<{ candidate: Candidate; wasKnown: boolean; pageWasKnown: boolean; page: StoredPage }> {
  let record: SitePage;
  try {
    record = toSitePage(page, savedAt, 'bookmark');
  } catch (e) {
    throw new DbError(`page: ${(e as Error).message}`);
  }
  const site = siteKey(record.url);
  return guarded(async () => {
    const db = await openMentorDb();
    const tx = db.transaction(['pages', 'candidates'], 'readwrite');
    const [existing, before] = await Promise.all([tx.objectStore('candidates').get(site), tx.objectStore('pages').index('bySite').getAll(site)]);
    const incoming = pagesCandidate([record], 'bookmark', savedAt);
    const merged = existing ? mergeCandidates(withRecords(existing, before), incoming) : alone(incoming, before);
    const pageWasKnown = before.some((p) => p.url === record.url && !p.removedAt);
    const stored: StoredPage = { ...record, site, savedAt, ...(vector ? { vector } : {}) };
    await Promise.all([...writeSite(tx, merged, before, savedAt, [stored]), tx.done]);
    const { pages: _pages, ...candidate } = recordScoreInHistory(merged);
    return { candidate, wasKnown: Boolean(existing), pageWasKnown, page: stored };
  });
}

export interface RemovedPage {
  page: StoredPage;
  candidate: Candidate;
  pagesLeft: number;
}

/**
 * Remove one page from its site and score the site again from the pages left, in one
 * transaction. The page stays as a removal (`removedAt`), so that sync and exports carry it and an
 * older copy of the page (the crawler's) does not bring it back; a newer score of the page does.
 * The last page of a site is not removed (delete the site instead): a site with no page has no score.
 */
export async function removePageAndRescore(pageUrl: string, at: string = new Date().toISOString()): Promise<RemovedPage> {
  const url = normalisePageUrl(pageUrl) ?? pageUrl;
  return guarded(async () => {
    const db = await openMentorDb();
    const tx = db.transaction(['pages', 'candidates'], 'readwrite');
    const page = await tx.objectStore('pages').get(url);
    const candidate = page ? await tx.objectStore('candidates').get(page.site) : undefined;
    const before = page ? await tx.objectStore('pages').index('bySite').getAll(page.site) : [];
    const fail = async (why: string): Promise<never> => {
      tx.abort();
      await tx.done.catch(() => undefined);
      throw new DbError(why);
    };
    const record = page && toRecord(page);
    if (!page || !candidate || !record || page.removedAt) return fail('That page is no longer stored.');
    const left = before.filter((p) => !p.removedAt && p.url !== url);
    if (left.length === 0) return fail(`This is the only page stored for ${candidateName(candidate)}: delete the site instead.`);
    // The removal must be the newest record of the page, whatever the clocks said when it was scored.
    const removedAt = Date.parse(at) >= Date.parse(record.scoredAt) ? at : record.scoredAt;
    const removal = toSitePage(record, record.scoredAt, record.source, removedAt);
    const later = Date.parse(candidate.lastScoredAt) >= Date.parse(at) ? candidate.lastScoredAt : at;
    const next = settleCandidate({ ...candidate, pages: unionPages(recordsOf(before), [removal]), lastScoredAt: later });
    await Promise.all([...writeSite(tx, next, before, at), tx.done]);
    const { pages: _pages, ...stored } = recordScoreInHistory(next);
    return { page, candidate: stored, pagesLeft: left.length };
  });
}

export interface RescoredPages {
  /** Page records re-scored. */
  rescored: number;
  /** Sites scored again from their pages. */
  sites: number;
}

/**
 * Re-score stored page records in one transaction (issue 11: a new model, from the pages' vectors).
 * `rescore` returns a page's new record — the same reading (`url`, `scoredAt`, `source`, a removal
 * stays one), a new score — or undefined to leave it. Each site with a re-scored page is scored
 * again from all its pages by scoring's rule (settleCandidate), its picks untouched; the pages keep
 * their `savedAt` and vectors. `at`: the candidates' `lastScoredAt` (never moved back).
 */
export async function rescorePages(rescore: (p: StoredPage) => StoredPage | undefined, at: string = new Date().toISOString()): Promise<RescoredPages> {
  return guarded(async () => {
    const db = await openMentorDb();
    const tx = db.transaction(['pages', 'candidates'], 'readwrite');
    const all = await tx.objectStore('pages').getAll();
    const bySite = new Map<string, { before: StoredPage[]; after: StoredPage[]; changed: boolean }>();
    let rescored = 0;
    for (const p of all) {
      const next = rescore(p);
      const entry = bySite.get(p.site) ?? { before: [], after: [], changed: false };
      entry.before.push(p);
      entry.after.push(next ?? p);
      if (next) {
        entry.changed = true;
        rescored++;
      }
      bySite.set(p.site, entry);
    }
    const touched = [...bySite].filter(([, e]) => e.changed);
    const candidates = await Promise.all(touched.map(([site]) => tx.objectStore('candidates').get(site)));
    const writes = touched.flatMap(([, e], i) => {
      const c = candidates[i];
      // Pages of no candidate (nothing lists them): re-scored in place.
      if (!c) return e.after.filter((p, j) => p !== e.before[j]).map((p) => tx.objectStore('pages').put(p));
      const lastScoredAt = Date.parse(c.lastScoredAt) >= Date.parse(at) ? c.lastScoredAt : at;
      const next = settleCandidate({ ...c, pages: unionPages(recordsOf(e.after)), lastScoredAt });
      return writeSite(tx, next, e.before, at, e.after);
    });
    await Promise.all([...writes, tx.done]);
    return { rescored, sites: touched.filter((_, i) => candidates[i]).length };
  });
}

export interface Curation {
  decision?: Decision;
  /** The whole list of tags, as the curator typed it. */
  tags?: string[];
  /** The whole private note. */
  notes?: string;
  /** The public blurb ('' clears it). */
  blurb?: string;
  /** The curator's rename ('' clears it). */
  name?: string;
}

/** Validate and clean a curation patch; throws DbError with a message for the curator. */
export function cleanCuration(patch: Curation): Curation {
  const out: Curation = {};
  if (patch.decision !== undefined) {
    if (!isDecision(patch.decision)) throw new DbError(`unknown decision ${JSON.stringify(patch.decision)}`);
    out.decision = patch.decision;
  }
  if (patch.tags !== undefined) {
    if (!Array.isArray(patch.tags) || patch.tags.some((t) => typeof t !== 'string')) throw new DbError('tags must be a list of strings');
    const seen = new Set<string>();
    out.tags = patch.tags
      .map((t) => t.trim().slice(0, 100))
      .filter((t) => t && !seen.has(t.toLowerCase()) && seen.add(t.toLowerCase()))
      .slice(0, 50);
  }
  if (patch.notes !== undefined) {
    if (typeof patch.notes !== 'string') throw new DbError('notes must be text');
    out.notes = patch.notes.slice(0, 20_000);
  }
  for (const field of ['blurb', 'name'] as const) {
    if (patch[field] === undefined) continue;
    if (typeof patch[field] !== 'string') throw new DbError(`${field} must be text`);
    out[field] = patch[field];
  }
  return out;
}

/**
 * The patch applied to `c` through scoring's edit rule (applyPicks): each pick changed is dated
 * `at` (its own time decides later merges), the rename kept apart from the computed name. Tags are
 * replaced by the typed list. Throws DbError with the rule's message for a value it refuses.
 */
export function applyCuration(c: Candidate, patch: Curation, at: string): Candidate {
  // Only what differs is a change: re-saving a value must not re-date it (a later merge would take it for a new edit).
  const picks: PicksChange = {};
  if (patch.decision !== undefined && patch.decision !== c.decision) picks.decision = patch.decision;
  if (patch.notes !== undefined && patch.notes !== c.notes) picks.notes = patch.notes;
  if (patch.blurb !== undefined && patch.blurb.trim() !== (c.blurb ?? '')) picks.blurb = patch.blurb;
  if (patch.name !== undefined && patch.name.trim() !== (c.nameOverride ?? '')) picks.name = patch.name;
  const tags = patch.tags && JSON.stringify(patch.tags) !== JSON.stringify(c.tags) ? patch.tags : undefined;
  try {
    let next = Object.keys(picks).length ? applyPicks(c, picks, at) : c;
    if (tags) next = applyPicks(applyPicks(next, { removeTags: next.tags }, at), { addTags: tags }, at);
    return next;
  } catch (e) {
    if (e instanceof PickError) throw new DbError(e.message);
    throw e;
  }
}

/** Set decision/tags/notes/blurb/name, each dated (and `curatedAt`), in one transaction. */
export async function updateCuration(site: string, patch: Curation, at: string = new Date().toISOString()): Promise<Candidate> {
  const clean = cleanCuration(patch);
  const key = normKey(site);
  return guarded(async () => {
    const db = await openMentorDb();
    const tx = db.transaction('candidates', 'readwrite');
    const current = await tx.store.get(key);
    const fail = async (e: Error): Promise<never> => {
      tx.abort();
      await tx.done.catch(() => undefined);
      throw e;
    };
    if (!current) return fail(new DbError(`no candidate ${JSON.stringify(key)}`));
    let next: Candidate;
    try {
      next = applyCuration(current, clean, at);
    } catch (e) {
      return fail(e as Error);
    }
    await Promise.all([tx.store.put(next), tx.done]);
    return next;
  });
}

export interface RoundupEdit {
  /** The site as stored after the edit. */
  candidate: Candidate;
  /** Every record written: the site, and those its new rank or best place moved. */
  changed: Candidate[];
}

/**
 * One edit of the roundup (scoring's applyRoundupChange, the rule `mentor-radar decide` uses):
 * the site's picks, its rank and best place, and the other sites they move, in one transaction.
 */
export async function editRoundup(site: string, change: RoundupChange, opts: RoundupOptions = {}, at: string = new Date().toISOString()): Promise<RoundupEdit> {
  const key = normKey(site);
  return guarded(async () => {
    const db = await openMentorDb();
    const tx = db.transaction('candidates', 'readwrite');
    const all = await tx.store.getAll();
    let edit: ReturnType<typeof applyRoundupChange>;
    try {
      edit = applyRoundupChange(all, key, change, at, opts);
    } catch (e) {
      tx.abort();
      await tx.done.catch(() => undefined);
      throw e instanceof PickError ? new DbError(e.message) : e;
    }
    await Promise.all([...edit.changed.map((c) => tx.store.put(c)), tx.done]);
    return { candidate: edit.candidates.find((c) => c.site === key) as Candidate, changed: edit.changed };
  });
}

export interface DeletedCandidate {
  candidate: Candidate;
  pages: StoredPage[];
}

/** Delete a candidate and its pages; returns them for `restoreCandidate` (undo). */
export async function deleteCandidate(site: string): Promise<DeletedCandidate | undefined> {
  const key = normKey(site);
  return guarded(async () => {
    const db = await openMentorDb();
    const tx = db.transaction(['candidates', 'pages'], 'readwrite');
    const cands = tx.objectStore('candidates');
    const pages = tx.objectStore('pages');
    const candidate = await cands.get(key);
    if (!candidate) {
      await tx.done;
      return undefined;
    }
    const pageList = await pages.index('bySite').getAll(key);
    await Promise.all([cands.delete(key), ...pageList.map((p) => pages.delete(p.url)), tx.done]);
    return { candidate, pages: pageList };
  });
}

/** Undo a delete: put the candidate and its pages back (merging if the site reappeared meanwhile). */
export async function restoreCandidate(deleted: DeletedCandidate): Promise<Candidate> {
  assertCandidate(deleted.candidate, 'candidate');
  return guarded(async () => {
    const db = await openMentorDb();
    const tx = db.transaction(['candidates', 'pages'], 'readwrite');
    const cands = tx.objectStore('candidates');
    const pages = tx.objectStore('pages');
    const [existing, before] = await Promise.all([cands.get(deleted.candidate.site), pages.index('bySite').getAll(deleted.candidate.site)]);
    const back = withRecords(deleted.candidate, deleted.pages);
    const merged = existing ? mergeCandidates(back, withRecords(existing, before)) : alone(back, before);
    await Promise.all([...writeSite(tx, merged, before, new Date().toISOString(), deleted.pages), tx.done]);
    const { pages: _pages, ...candidate } = recordScoreInHistory(merged);
    return candidate;
  });
}

/**
 * Merge a list (from `parseCandidates`) into the store by site, in one transaction.
 * Everything is validated first: one bad record rejects the whole list and nothing changes.
 * Decisions, tags and notes on either side survive (scoring's `mergeCandidates`).
 */
export async function importCandidates(list: Candidate[]): Promise<{ added: number; merged: number }> {
  if (!Array.isArray(list)) throw new DbError('import: not a list of candidates');
  list.forEach((c, i) => assertCandidate(c, `candidate ${i + 1}`));
  const incoming = mergeAll(list).map(settleCandidate);
  const savedAt = new Date().toISOString();
  return guarded(async () => {
    const db = await openMentorDb();
    const tx = db.transaction(['candidates', 'pages'], 'readwrite');
    const cands = tx.objectStore('candidates');
    const bySite = tx.objectStore('pages').index('bySite');
    const known = await Promise.all(incoming.map((c) => Promise.all([cands.get(c.site), bySite.getAll(c.site)])));
    let added = 0;
    let merged = 0;
    const writes = incoming.flatMap((c, i) => {
      const [old, before] = known[i];
      if (old) merged++;
      else added++;
      // The site's pages here and the incoming ones are one set; its score is computed from it.
      const next = old ? mergeCandidates(withRecords(old, before), c) : alone(c, before);
      return writeSite(tx, next, before, savedAt);
    });
    await Promise.all([...writes, tx.done]);
    return { added, merged };
  });
}

// ------------------------------------------------------------------ validation

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The shape every stored candidate must have; throws DbError naming the record. */
export function assertCandidate(c: unknown, where: string): asserts c is Candidate {
  const fail = (why: string): never => {
    throw new DbError(`${where}: ${why}`);
  };
  if (!isObj(c)) fail('not an object');
  const x = c as Record<string, unknown>;
  if (typeof x.site !== 'string' || !x.site) fail('missing "site"');
  try {
    siteKey(x.site as string);
  } catch (e) {
    fail((e as Error).message);
  }
  const s = x.siteScore;
  if (!isObj(s)) return fail('missing "siteScore"');
  if (typeof s.score !== 'number' || !Number.isFinite(s.score) || s.score < 0 || s.score > 100) fail('score must be a number in 0..100');
  if (!isObj(s.components)) fail('missing "siteScore.components"');
  if (!Array.isArray(x.sources)) fail('"sources" must be a list');
  if (!isDecision(x.decision)) fail(`unknown decision ${JSON.stringify(x.decision)}`);
  if (!Array.isArray(x.tags) || (x.tags as unknown[]).some((t) => typeof t !== 'string')) fail('"tags" must be a list of strings');
  if (typeof x.notes !== 'string') fail('"notes" must be text');
  if (typeof x.firstSeenAt !== 'string' || typeof x.lastScoredAt !== 'string') fail('missing dates');
  if (!Array.isArray(x.history)) fail('"history" must be a list');
}
