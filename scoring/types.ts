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
}

export const SOURCES = ['crawl', 'bookmark', 'import'] as const;
export type Source = (typeof SOURCES)[number];

export const DECISIONS = ['undecided', 'shortlist', 'include', 'exclude'] as const;
export type Decision = (typeof DECISIONS)[number];

export interface HistoryEntry {
  year: number;
  score: number;
}

export interface Candidate {
  /** Normalised site key (see siteKey in candidate.ts). */
  site: string;
  name: string;
  siteScore: SiteScore;
  sources: Source[];
  decision: Decision;
  tags: string[];
  notes: string;
  /** ISO 8601 */
  firstSeenAt: string;
  /** ISO 8601 */
  lastScoredAt: string;
  history: HistoryEntry[];
  /** ISO 8601 of the curator's last change to decision/tags/notes; decides merge conflicts. */
  curatedAt?: string;
}

/** Post dates a crawler (or a feed read by the extension) found for a site: feeds, sitemaps, archives. */
export interface SiteActivityInput {
  /** ISO dates of posts about mentoring (or of all posts, when `mentoringOnly` is false). */
  postDates: string[];
  feedUrl?: string;
}
