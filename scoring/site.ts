// Site score: an aggregate of the best pages (top-k weighted, not a plain mean), coverage of both
// audiences, posting activity about mentoring, freshness, best page, kind by vote and reasons.
import { SITE_KINDS, type ComponentName, type PageScore, type SiteActivityInput, type SiteKind, type SiteScore } from './types.ts';
import { SCORER_VERSION, freshnessOf } from './page.ts';
import { normaliseDate } from './extract.ts';
import { sat } from './features.ts';
import { siteIdentity } from './identity.ts';
import { siteOutreach } from './outreach.ts';
import { siteQuotes } from './quotes.ts';

export interface ScoreSiteOptions {
  /** Origin of the site; defaults to the first page's origin. */
  site?: string;
  roundupYear?: number;
  activity?: SiteActivityInput;
  /** The scorerVersion of the model its pages were scored with (default: the shipped model's). */
  scorerVersion?: string;
}

const r3 = (x: number) => Math.round(Math.min(1, Math.max(0, x)) * 1000) / 1000;
/** Weights of the best pages, best first: one great page counts, several good pages count more. */
const TOP_WEIGHTS = [1, 0.6, 0.45, 0.35, 0.3];

const isMentoring = (p: PageScore) => p.components.relevance >= 0.5;
const isMentorGuide = (p: PageScore) => isMentoring(p) && p.components.mentorGuidance >= 0.45 && p.score >= 35;
const isProgramGuide = (p: PageScore) => isMentoring(p) && p.components.programGuidance >= 0.4 && p.score >= 35;

function originOf(u: string): string {
  try {
    const x = new URL(u);
    return x.origin === 'null' ? u : x.origin;
  } catch {
    return u;
  }
}

function quote(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return `“${t.length > 80 ? `${t.slice(0, 79)}…` : t}”`;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function scoreSite(pages: PageScore[], opts: ScoreSiteOptions = {}): SiteScore {
  if (pages.length === 0) throw new Error('scoreSite needs at least one page');
  const roundupYear = opts.roundupYear ?? new Date().getUTCFullYear();
  // One score per URL (the best), in a deterministic order: score desc, then URL.
  const byUrl = new Map<string, PageScore>();
  for (const p of pages) {
    const k = p.finalUrl || p.url;
    const prev = byUrl.get(k);
    if (!prev || p.score > prev.score) byUrl.set(k, p);
  }
  const ranked = [...byUrl.values()].sort((a, b) => b.score - a.score || (a.finalUrl < b.finalUrl ? -1 : a.finalUrl > b.finalUrl ? 1 : 0));
  const best = ranked[0];
  const site = opts.site ?? originOf(best.finalUrl || best.url);

  // Top-k weighted aggregate of page scores (missing pages do not count as zeros).
  const top = ranked.slice(0, TOP_WEIGHTS.length);
  let wSum = 0;
  let sSum = 0;
  for (let i = 0; i < top.length; i++) {
    wSum += TOP_WEIGHTS[i];
    sSum += TOP_WEIGHTS[i] * top[i].score;
  }
  const topMean = sSum / wSum / 100;
  const agg = 0.75 * (best.score / 100) + 0.25 * topMean;
  const compMean = (c: ComponentName) => {
    let w = 0;
    let s = 0;
    for (let i = 0; i < Math.min(3, top.length); i++) {
      w += TOP_WEIGHTS[i];
      s += TOP_WEIGHTS[i] * top[i].components[c];
    }
    return s / w;
  };

  const mentoring = ranked.filter(isMentoring);
  const mentorGuides = ranked.filter(isMentorGuide);
  const programGuides = ranked.filter(isProgramGuide);
  const goodPages = ranked.filter((p) => isMentoring(p) && p.score >= 40).length;
  const coverage = ((sat(mentorGuides.length, 1.5) + sat(programGuides.length, 1.5)) / 2) * (0.6 + 0.4 * sat(goodPages, 3));

  // Activity: dated posts about mentoring in the roundup year (feeds/sitemaps/archives plus page dates).
  const dates = new Set<string>();
  for (const d of opts.activity?.postDates ?? []) {
    const n = normaliseDate(d);
    if (n) dates.add(n);
  }
  for (const p of mentoring) if (p.publishedAt) dates.add(p.publishedAt.slice(0, 10));
  const allDates = [...dates].sort();
  const endOfYear = `${roundupYear}-12-31`;
  const inYear = allDates.filter((d) => d.startsWith(`${roundupYear}-`)).length;
  const prevYear = allDates.filter((d) => d.startsWith(`${roundupYear - 1}-`)).length;
  const activity = sat(inYear + 0.5 * prevYear, 5);
  const upToYear = allDates.filter((d) => d <= endOfYear);
  const lastPostAt = upToYear.length > 0 ? upToYear[upToYear.length - 1] : allDates[allDates.length - 1];
  const freshness = freshnessOf(lastPostAt, roundupYear);

  // Relevance gate: activity and freshness only count for a site that is about mentoring.
  const gate = Math.min(1, agg * 2.5);
  const score01 = agg * 0.85 + 0.12 * coverage * gate + gate * (0.05 * activity + 0.03 * freshness);
  const score = Math.round(Math.min(1, Math.max(0, score01)) * 1000) / 10;

  // Kind by vote (weighted by score); 'other' only if nothing else.
  const votes = new Map<SiteKind, number>();
  for (const p of ranked) votes.set(p.siteKind, (votes.get(p.siteKind) ?? 0) + 1 + p.score / 50);
  let siteKind: SiteKind = 'other';
  let bestVote = 0;
  for (const k of SITE_KINDS) {
    const v = votes.get(k) ?? 0;
    if (k !== 'other' && v > bestVote) {
      bestVote = v;
      siteKind = k;
    }
  }

  // Name, quotes and outreach: issue 9's rules, each in its own module (identity.ts, quotes.ts, outreach.ts).
  const { name } = siteIdentity(ranked, { site, ...(opts.activity?.feedTitle ? { feedTitle: opts.activity.feedTitle } : {}) });
  const quotes = siteQuotes(ranked);
  const outreach = siteOutreach(ranked, site);

  const feeds = new Map<string, number>();
  for (const p of ranked) for (const f of p.feedUrls) feeds.set(f, (feeds.get(f) ?? 0) + 1);
  let feedUrl = opts.activity?.feedUrl;
  if (!feedUrl) {
    let c = 0;
    for (const [f, n] of [...feeds].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (n > c) [feedUrl, c] = [f, n];
  }

  // Reasons, by priority.
  const reasons: [number, string][] = [];
  if (mentorGuides.length >= 2) reasons.push([90 + mentorGuides.length, `${mentorGuides.length} pages of practical advice for new mentors`]);
  else if (mentorGuides.length === 1) reasons.push([70, `Practical advice for new mentors: ${quote(mentorGuides[0].title || mentorGuides[0].finalUrl)}`]);
  const toolkits = programGuides.filter((p) => p.flags.includes('downloads') || p.components.actionability >= 0.6);
  if (toolkits.some((p) => p.flags.includes('downloads'))) reasons.push([88, 'Program toolkit with downloadable templates']);
  else if (toolkits.length > 0) reasons.push([80, `Step-by-step program guidance: ${quote(toolkits[0].title || toolkits[0].finalUrl)}`]);
  if (programGuides.length >= 2) reasons.push([85 + programGuides.length, `${programGuides.length} pages on starting and running a mentoring program`]);
  else if (programGuides.length === 1 && toolkits.length === 0) reasons.push([68, `Guide to running a mentoring program: ${quote(programGuides[0].title || programGuides[0].finalUrl)}`]);
  if (inYear > 0 && mentoring.length > 0) reasons.push([60 + Math.min(inYear, 20), `Posted about mentoring ${plural(inYear, 'time', 'times')} in ${roundupYear}`]);
  else if (lastPostAt && mentoring.length > 0) reasons.push([40, `Last post about mentoring ${lastPostAt.slice(0, 7)}`]);
  if (mentoring.length > 0 && reasons.length < 3) reasons.push([50, `Best page: ${quote(best.title || best.finalUrl)} (${Math.round(best.score)}/100)`]);
  if (mentoring.length >= 3 && reasons.length < 3) reasons.push([45, `${mentoring.length} of ${ranked.length} pages scored are about mentoring`]);
  if (mentoring.length === 0) reasons.push([10, `No page about mentoring among ${plural(ranked.length, 'page', 'pages')} scored`]);
  const flagged = ranked.slice(0, 3).flatMap((p) => p.flags).filter((f) => ['keyword-stuffing', 'brand-mentor', 'place-mentor', 'coaching-only', 'tutoring', 'onboarding', 'software-docs', 'hardware', 'job-ad', 'leadership'].includes(f));
  if (flagged.length > 0 && agg < 0.3) reasons.push([20, `Near miss: ${[...new Set(flagged)].join(', ')}`]);
  reasons.sort((a, b) => b[0] - a[0] || (a[1] < b[1] ? -1 : 1));

  const out: SiteScore = {
    site,
    name,
    score,
    components: {
      relevance: r3(compMean('relevance')),
      mentorGuidance: r3(compMean('mentorGuidance')),
      programGuidance: r3(compMean('programGuidance')),
      actionability: r3(compMean('actionability')),
      quality: r3(compMean('quality')),
      freshness: r3(freshness),
      activity: r3(activity),
      coverage: r3(coverage),
    },
    pagesScored: ranked.length,
    mentoringPages: mentoring.length,
    bestPageUrl: best.finalUrl || best.url,
    siteKind,
    reasons: reasons.slice(0, 3).map((r) => r[1]),
    scorerVersion: opts.scorerVersion ?? SCORER_VERSION,
  };
  if (lastPostAt) out.lastPostAt = lastPostAt;
  if (feedUrl) out.feedUrl = feedUrl;
  if (quotes.length) out.quotes = quotes;
  if (outreach) out.outreach = outreach;
  return out;
}
