// The contracts shared by the crawler, the extension and the exports (DESIGN.md, "Contracts").
// Everything both sides need lives here, once.

export const COMPONENT_NAMES = [
  'relevance',
  'mentorGuidance',
  'programGuidance',
  'actionability',
  'quality',
  'freshness',
] as const;
export type ComponentName = (typeof COMPONENT_NAMES)[number];

/** Each component is in [0, 1]. */
export type PageComponents = Record<ComponentName, number>;

export type SiteComponentName = ComponentName | 'activity' | 'coverage';
export type SiteComponents = Record<SiteComponentName, number>;

/** Human-readable names of the components, for every UI (popup, dashboard, CLI). */
export const COMPONENT_LABELS: Record<SiteComponentName, string> = {
  relevance: 'Relevance',
  mentorGuidance: 'Mentor guidance',
  programGuidance: 'Program guidance',
  actionability: 'Actionability',
  quality: 'Quality',
  freshness: 'Freshness',
  activity: 'Activity',
  coverage: 'Coverage',
};

export const SITE_KINDS = ['blog', 'company', 'nonprofit', 'academic', 'directory', 'other'] as const;
export type SiteKind = (typeof SITE_KINDS)[number];

/** Every flag `scorePage` can set (machine ids; each UI says them in words). */
export const PAGE_FLAGS = [
  'coaching-only',
  'tutoring',
  'onboarding',
  'hardware',
  'job-ad',
  'leadership',
  'software-docs',
  'brand-mentor',
  'place-mentor',
  'keyword-stuffing',
  'thin',
  'language-unknown',
  'undated',
  'downloads',
] as const;
export type PageFlag = (typeof PAGE_FLAGS)[number];

export interface Evidence {
  component: ComponentName;
  /** A sentence of the page's own text; render it as text only. */
  text: string;
}

export interface PageScore {
  url: string;
  finalUrl: string;
  title: string;
  lang: string;
  scorerVersion: string;
  /** 0..100 */
  score: number;
  components: PageComponents;
  evidence: Evidence[];
  /** Machine-readable notes: 'thin', 'keyword-stuffing', 'coaching-only', 'brand-mentor', ... */
  flags: string[];
  /** ISO 8601 date of the page's publication, when it says. */
  publishedAt?: string;
  feedUrls: string[];
  siteKind: SiteKind;
  wordCount: number;
  /** og:site_name or the JSON-LD publisher, when the page names its site. */
  siteName?: string;
  /**
   * Issue 9 (roundup): the JSON-LD WebSite or Organization name, the second source of a site's
   * name after og:site_name (identity.ts). Filled by page.ts from the extraction's JSON-LD.
   */
  jsonLdSiteName?: string;
  /** Issue 9 (roundup): who wrote the page and how to reach them (outreach.ts); absent when nothing was found. */
  outreach?: PageOutreach;
}

/** The networks whose profile links outreach.ts recognises (profiles only, never share links). */
export const SOCIAL_NETWORKS = ['linkedin', 'x', 'mastodon', 'bluesky', 'facebook', 'instagram', 'youtube'] as const;
export type SocialNetwork = (typeof SOCIAL_NETWORKS)[number];

export interface SocialProfile {
  network: SocialNetwork;
  /** Normalised https profile URL. */
  url: string;
}

/** What one page says about its author and how to reach them; each list is small and deduplicated. */
export interface PageOutreach {
  /** Author names: JSON-LD author, meta author, rel=author bylines. */
  authors?: string[];
  /** http(s) contact pages linked from the page. */
  contactUrls?: string[];
  /** Published addresses: mailto links, then plain or obviously obfuscated ones in the text. */
  emails?: string[];
  social?: SocialProfile[];
}

/** One way each to reach a site's author, aggregated over its pages (outreach.ts). */
export interface SiteOutreach {
  author?: string;
  contactUrl?: string;
  email?: string;
  /** At most one profile per network. */
  social?: SocialProfile[];
}

/** A sentence of one of the site's pages, with the page it is from: the roundup quotes it with a link. */
export interface SiteQuote {
  /** http(s) URL of the page. */
  url: string;
  /** The page's title (may be empty). */
  title: string;
  component: ComponentName;
  /** The page's own text; render it as text only. */
  text: string;
}

export interface SiteScore {
  /** Origin, e.g. https://example.org */
  site: string;
  name: string;
  /** 0..100 */
  score: number;
  components: SiteComponents;
  pagesScored: number;
  mentoringPages: number;
  bestPageUrl: string;
  lastPostAt?: string;
  feedUrl?: string;
  siteKind: SiteKind;
  /** Top 3, human readable. */
  reasons: string[];
  scorerVersion: string;
  /** Issue 9 (roundup): evidence sentences of the best pages with their URLs, best first (quotes.ts). */
  quotes?: SiteQuote[];
  /** Issue 9 (roundup): author, contact page, email and social profiles from the site's pages. */
  outreach?: SiteOutreach;
}

export const SOURCES = ['crawl', 'bookmark', 'import'] as const;
export type Source = (typeof SOURCES)[number];

export const DECISIONS = ['undecided', 'shortlist', 'include', 'exclude'] as const;
export type Decision = (typeof DECISIONS)[number];

export interface HistoryEntry {
  year: number;
  score: number;
}

/** A place among the roundup's best three. */
export const BEST_PLACES = [1, 2, 3] as const;
export type BestPlace = (typeof BEST_PLACES)[number];

/**
 * The curator's single-valued picks. Each carries its own time in `Candidate.pickedAt`, so two
 * devices that edit different picks of one site between two syncs both keep their edit.
 * (Notes and tags are not here: a merge combines them, it never chooses.)
 */
export const PICK_FIELDS = ['decision', 'roundupRank', 'best', 'blurb', 'nameOverride'] as const;
export type PickField = (typeof PICK_FIELDS)[number];
/** What `Candidate.pickedAt` dates: the picks, and the notes and tags (so `curatedAt` is always the latest of them). */
export const CURATION_FIELDS = [...PICK_FIELDS, 'notes', 'tags'] as const;
export type CurationField = (typeof CURATION_FIELDS)[number];

/**
 * One page of a site as the merge keeps it (site-pages.ts): the PageScore, when it was scored and by
 * which source, with `url` and `finalUrl` both the normalised final URL (the record's key). A site's
 * score is scoreSite over its pages from every source, the newest record per URL winning.
 */
export interface SitePage extends PageScore {
  /** ISO 8601: when this score was made. The newest record per URL wins. */
  scoredAt: string;
  /**
   * ISO 8601, set only by a re-score from the page's vector (issue 11: a curator's model, or back to
   * the shipped one): the time of the model that re-scored it (when the store took that model into
   * use), not the wall time of the re-score, so that every side re-scoring the same reading with the
   * same model writes the same record. `scoredAt` stays when the page was read: a re-score never
   * beats a newer reading of the page; of two records of one reading, the later model's wins.
   */
  rescoredAt?: string;
  /** Who scored it: the crawler, a bookmark in the extension, or an import without a source. */
  source: Source;
  /**
   * ISO 8601: the curator removed the page from its site (a tombstone, later than `scoredAt`). A
   * newer score of the page (a re-crawl, a new bookmark) brings it back.
   */
  removedAt?: string;
}

/** A site's activity as carried with its candidate: the post dates, and the feed with when it was read. */
export interface SiteActivity extends SiteActivityInput {
  /** ISO 8601: when the feed URL and title were read; the latest wins a merge. */
  updatedAt?: string;
}

export interface Candidate {
  /** Normalised site key (see siteKey in url.ts). */
  site: string;
  /**
   * The name to show: the curator's `nameOverride` when set, else the computed `siteScore.name`.
   * Derived (mergeCandidates and applyPicks keep it in step); read it through candidateName().
   */
  name: string;
  siteScore: SiteScore;
  sources: Source[];
  decision: Decision;
  tags: string[];
  /** The curator's private note: never published. */
  notes: string;
  /** The curator's order within the roundup: 1 is first; unset sites follow, by score. */
  roundupRank?: number;
  /** The curator's place among the best three; unique within the roundup (setBestPlace). */
  best?: BestPlace;
  /** The public blurb the roundup prints for the site (plain text). */
  blurb?: string;
  /** The curator's rename. A re-crawl only changes `siteScore.name`, never this. */
  nameOverride?: string;
  /** ISO 8601 */
  firstSeenAt: string;
  /** ISO 8601 */
  lastScoredAt: string;
  history: HistoryEntry[];
  /** ISO 8601 of the curator's last change to anything (picks, tags, notes). */
  curatedAt?: string;
  /**
   * ISO 8601 of the curator's last change to each pick (and to the notes and tags); decides merge
   * conflicts per pick. Writers stamp it through applyPicks / roundup.ts, which keep `curatedAt`
   * equal to its latest time. A record without it, or whose `curatedAt` is later than all of it
   * (a writer that does not date picks changed it since), dates every pick at `curatedAt`.
   */
  pickedAt?: Partial<Record<CurationField, string>>;
  /**
   * The site's pages from every source (site-pages.ts: newest per URL, at most MAX_SITE_PAGES,
   * removed ones as tombstones), when known. A candidate with pages always carries the siteScore
   * of its pages (settleCandidate); one without (CSV, JSON before version 3) keeps the score it came with.
   */
  pages?: SitePage[];
  /** The site's activity (feed and sitemap post dates, feed URL and title), merged like the pages. */
  activity?: SiteActivity;
}

/** Post dates a crawler (or a feed read by the extension) found for a site: feeds, sitemaps, archives. */
export interface SiteActivityInput {
  /** ISO dates of posts about mentoring (or of all posts, when `mentoringOnly` is false). */
  postDates: string[];
  feedUrl?: string;
  /** Issue 9: the feed's own title, a source of the site's name (identity.ts). */
  feedTitle?: string;
}
