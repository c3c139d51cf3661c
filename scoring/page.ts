// PLACEHOLDER until the real pipeline lands (extract -> features -> model -> page score).
// Signature is the contract; the body is a temporary word-density heuristic.
import type { PageScore } from './types.ts';

export const SCORER_VERSION = '0.0.0-dev';

export interface ScorePageInput {
  url: string;
  html: string;
  /** URL after redirects; defaults to `url`. */
  finalUrl?: string;
  /** Freshness is measured against the end of this roundup year (default: the current UTC year). */
  roundupYear?: number;
}

export function scorePage(input: ScorePageInput): PageScore {
  const text = input.html.replace(/<[^>]*>/g, ' ');
  const words = text.split(/\s+/).filter(Boolean);
  const hits = words.filter((w) => /^mentor/i.test(w)).length;
  const d = Math.min(1, (hits / Math.max(1, words.length)) * 20);
  const title = /<title[^>]*>([^<]*)/i.exec(input.html)?.[1]?.trim() ?? '';
  return {
    url: input.url,
    finalUrl: input.finalUrl ?? input.url,
    title,
    lang: 'en',
    scorerVersion: SCORER_VERSION,
    score: Math.round(d * 100),
    components: { relevance: d, mentorGuidance: d, programGuidance: d, actionability: 0, quality: 0.5, freshness: 0 },
    evidence: [],
    flags: [],
    feedUrls: [],
    siteKind: 'other',
    wordCount: words.length,
  };
}
