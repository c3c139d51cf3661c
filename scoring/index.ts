// The public face of the scoring core. The crawler and the extension import from here only.
export * from './types.ts';
export { scorePage, SCORER_VERSION } from './page.ts';
export type { ScorePageInput } from './page.ts';
export { scoreSite } from './site.ts';
export type { ScoreSiteOptions } from './site.ts';
export { siteKey, siteOrigin, normalisePageUrl, isTrackingParam } from './url.ts';
export {
  newCandidate,
  mergeCandidates,
  mergeAll,
  rankCandidates,
  isDecision,
  isSource,
  isBestPlace,
  candidateName,
  settleCandidate,
  recordScoreInHistory,
  pagesCandidate,
  applyPicks,
  pickTime,
  PickError,
  PICK_LIMITS,
} from './candidate.ts';
export type { PicksChange } from './candidate.ts';
export { MAX_SITE_PAGES, MAX_POST_DATES, toSitePage, unionPages, livePages, mergeActivity, siteScoreOfPages, roundupYearOfPages, scorerVersionOfPages } from './site-pages.ts';
export { inRoundup, roundupOrder, roundupPlace, roundupPlaces, bestThree, setBestPlace, setRoundupRank, applyRoundupChange } from './roundup.ts';
export type { RoundupOptions, RoundupChange, RoundupPlace, PlacedCandidate, ListEdit } from './roundup.ts';
export { siteIdentity, sharedTitlePart, jsonLdSiteName, cleanName, MAX_NAME_CHARS } from './identity.ts';
export type { IdentityPage, SiteIdentity, NameSource } from './identity.ts';
export { pageOutreach, siteOutreach, socialProfile, SOCIAL_LABELS } from './outreach.ts';
export { siteQuotes } from './quotes.ts';
export { isoInstant } from './time.ts';
export { candidateSearchText, searchWords, matchesWords } from './search.ts';
export { CSV_COLUMNS, CSV_LIST_SEPARATOR, candidatesToCsv, encodeList, decodeList } from './csv.ts';
export type { CsvColumn } from './csv.ts';
export { candidatesToMarkdown, bestFor } from './markdown.ts';
export type { MarkdownOptions } from './markdown.ts';
export { candidatesToJson, parseCandidates, ImportError, JSON_FORMAT, JSON_VERSION } from './export.ts';
export type { CandidatesFile } from './export.ts';
export { badgeSvg, badgeEmbedHtml, badgeDataUri, badgeFileName, placeLabel, BadgeError, BADGE_WIDTH, BADGE_HEIGHT } from './badge.ts';
export type { BadgeInput, BadgeEmbedInput } from './badge.ts';
