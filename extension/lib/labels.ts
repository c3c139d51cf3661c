// Every word the extension shows for a machine value, in one place: site kinds, decisions,
// sources, score components (scoring/'s COMPONENT_LABELS, shared with the CLI) and page flags.
import { COMPONENT_LABELS } from '../../scoring/index.ts';
import type { Decision, SiteKind, Source } from '../../scoring/index.ts';

export { COMPONENT_LABELS };

export const KIND_LABELS: Record<SiteKind, string> = {
  blog: 'Blog',
  company: 'Company site',
  nonprofit: 'Nonprofit',
  academic: 'Academic',
  directory: 'Directory',
  other: 'Other',
};

/** The kind in words; anything unknown reads as "Other". */
export function kindLabel(kind: unknown): string {
  return typeof kind === 'string' && Object.hasOwn(KIND_LABELS, kind) ? KIND_LABELS[kind as SiteKind] : KIND_LABELS.other;
}

export const DECISION_LABELS: Record<Decision, string> = {
  undecided: 'Undecided',
  shortlist: 'Shortlist',
  include: 'Include',
  exclude: 'Exclude',
};

export const SOURCE_LABELS: Record<Source, string> = {
  crawl: 'Crawl',
  bookmark: 'Bookmark',
  import: 'Import',
};

/** How one page of a site came to be scored, before its date ("crawled 2026-11-24"). */
export const PAGE_SOURCE_LABELS: Record<Source, string> = {
  crawl: 'crawled',
  bookmark: 'bookmarked',
  import: 'imported',
};

/** The scorer's page flags (scoring/page.ts), said the way a curator would. */
export const FLAG_LABELS: Record<string, string> = {
  'coaching-only': 'about coaching rather than mentoring',
  tutoring: 'about tutoring rather than mentoring',
  onboarding: 'about employee onboarding',
  'brand-mentor': 'a product or brand called "Mentor"',
  'place-mentor': 'a place called Mentor',
  'keyword-stuffing': 'repeats keywords unnaturally',
  hardware: 'about a hardware kit or device',
  'job-ad': 'a job advertisement',
  leadership: 'leadership advice, not mentoring',
  'software-docs': 'documentation of software named "mentor"',
  thin: 'little text',
  'language-unknown': 'language not recognised',
  // Set by scorer 1.x only; kept so stored pages still read in words.
  'not-english': 'not in English',
  undated: 'no publication date',
  downloads: 'has downloads (templates, toolkits)',
  truncated: 'very long page, only the start was read',
};

/** One flag in words; an unknown flag id is shown as itself, hyphens read as spaces. */
export function flagLabel(flag: string): string {
  return Object.hasOwn(FLAG_LABELS, flag) ? FLAG_LABELS[flag] : flag.replace(/[-_]+/g, ' ');
}

/** "About this page: little text; no publication date", or '' for no flags. */
export function flagsText(flags: readonly string[] | undefined): string {
  const words = (flags ?? []).map(flagLabel);
  return words.length ? `About this page: ${words.join('; ')}` : '';
}
