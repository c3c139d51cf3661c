// Lexicons for the components in DESIGN.md ("What the score means") and for the near misses, one
// set per language (scoring/lexicons/<lang>.ts). Phrases are plain words; features.ts tokenises and
// stems them once with the page language's stemmer, then matches them over the stems of the page.
// Bump LEXICON_VERSION whenever anything here changes.
import type { Lang } from './lang.ts';
import { en } from './lexicons/en.ts';
import { no } from './lexicons/no.ts';
import { sv } from './lexicons/sv.ts';
import { da } from './lexicons/da.ts';
import { de } from './lexicons/de.ts';
import { es } from './lexicons/es.ts';
import { fr } from './lexicons/fr.ts';

export const LEXICON_VERSION = 'lex-6';

export const LEXICON_NAMES = [
  /** The page is about mentoring. */
  'core',
  /** Practical advice for a new mentor. */
  'mentorGuidance',
  /** Advice for starting or running a mentoring program. */
  'programGuidance',
  /** Steps, checklists, templates, downloadable toolkits, worked examples. */
  'actionability',
  /** Near misses: coaching, tutoring and homework help, employee/volunteer onboarding, software and EDA tooling, hardware kits, job ads, leadership advice. */
  'coaching',
  'tutoring',
  'onboarding',
  'tech',
  'hardware',
  'jobs',
  'leadership',
  /** Written to the mentor, or to the mentee (mentee-side guides are "mentions", grade 1). */
  'mentorSide',
  'menteeSide',
  /** Announcements, calls, spotlights, timelines (about mentoring, not a guide). */
  'mention',
] as const;

export type LexiconName = (typeof LEXICON_NAMES)[number];
export type Lexicon = Record<LexiconName, readonly string[]>;

/** Lexicons per language. */
export const LEXICONS: Record<Lang, Lexicon> = { en, no, sv, da, de, es, fr };

/** Case-sensitive patterns on the raw text: "Mentor" as a brand, product or place. Linear-time (no nested quantifiers). */
export const BRAND_RE = /\bMentor[ -]?(?:Graphics|Graphic's|Bot|App|AI|API|CLI|Pro|Studio|HQ|Embedded|Paths?)\b|\bSiemens EDA\b|\bMentor\s+(?:is|was)\s+an?\s+(?:bot|app|tool|platform|software|plugin|library|framework|application|service|product)\b|\b(?:install|download|launch|run|start)\s+Mentor\b/g;
export const PLACE_RE = /\bMentor,?\s+(?:Ohio|OH\b)|\bMentor[- ]on[- ]the[- ]Lake\b|\b(?:City|city) of Mentor\b|\bMentor\s+(?:Headlands|High School|Public Library|Public Schools|Schools|Avenue|Ave\b|Municipal|City Council|Police|Fire Department|Marsh|Lagoons|Beach Park|Plaza|Civic)|\bLake County,?\s+Ohio\b/g;
