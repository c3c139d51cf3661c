// The public face of the scoring core. The crawler and the extension import from here only.
export * from './types.ts';
export { scorePage, SCORER_VERSION } from './page.ts';
export type { ScorePageInput } from './page.ts';
export { scoreSite } from './site.ts';
export type { ScoreSiteOptions } from './site.ts';
export { siteKey, siteOrigin, normalisePageUrl, isTrackingParam } from './url.ts';
export { newCandidate, mergeCandidates, mergeAll, rankCandidates, isDecision, isSource } from './candidate.ts';
export {
  CSV_COLUMNS,
  candidatesToCsv,
  candidatesToJson,
  candidatesToMarkdown,
  parseCandidates,
  ImportError,
  JSON_FORMAT,
  JSON_VERSION,
} from './export.ts';
