// Page score: extract -> features -> lexicon components + the trained model -> PageScore.
// The score is dominated by relevance × guidance (DESIGN.md, "What the score means").
import type { ComponentName, Evidence, PageComponents, PageScore, SiteKind, PageFlag } from './types.ts';
import { extract, type Extracted } from './extract.ts';
import { computeFeatures, sat, type Features } from './features.ts';
import { LEXICON_NAMES, type LexiconName } from './lexicons.ts';
import { MODEL, combineScore, predict, type LinearModel, type ScoreParts } from './model.ts';
import { scorerVersionOf } from './model-version.ts';
import { LANGS, type DetectedLang, type Lang } from './lang.ts';
import { jsonLdSiteName } from './identity.ts';
import { pageOutreach } from './outreach.ts';

/** Changes whenever the weights, the lexicons or the scoring code's version change (model-version.ts). */
export const SCORER_VERSION = scorerVersionOf(MODEL);

export interface ScorePageInput {
  url: string;
  html: string;
  /** URL after redirects; defaults to `url`. */
  finalUrl?: string;
  /** Freshness is measured against the end of this roundup year (default: the current UTC year). */
  roundupYear?: number;
}

const r3 = (x: number) => Math.round(Math.min(1, Math.max(0, x)) * 1000) / 1000;

function hostOf(u: string): string {
  try {
    return new URL(u).hostname.toLowerCase();
  } catch {
    return '';
  }
}

function pathOf(u: string): string {
  try {
    return new URL(u).pathname.toLowerCase();
  } catch {
    return '';
  }
}

const BLOG_PLATFORMS = new Set(['wordpress', 'ghost', 'blogger', 'medium', 'substack', 'tumblr', 'hashnode', 'jekyll', 'hugo', 'pelican', 'eleventy', 'gatsby', 'squarespace', 'wix']);

/** Site kind of one page, from host, platform, company markers, JSON-LD types and link structure. */
export function pageSiteKind(ex: Extracted, f: Features, url: string): SiteKind {
  const host = hostOf(url);
  const path = pathOf(url);
  const types = ex.jsonLdTypes.map((t) => t.toLowerCase());
  const has = (...ts: string[]) => types.length > 0 && ts.some((t) => types.includes(t));
  if (/\.edu$|\.edu\.[a-z]{2}$|\.ac\.[a-z]{2}$/.test(host) || has('collegeoruniversity', 'educationalorganization')) return 'academic';
  const external = ex.links.filter((l) => !l.internal && !l.chrome).length;
  const listy = /\b(?:directory|top \d+|\d+ best|best .{0,40}(?:blogs|sites|resources|websites|podcasts)|list of|blogroll|links)\b/i.test(ex.title);
  if ((listy && external >= 10) || (external >= 40 && external * 20 > f.wordCount)) return 'directory';
  const cm = ex.companyMarkers;
  const strongCompany = cm.includes('pricing') || cm.includes('demo') || cm.includes('free-trial') || cm.includes('contact-sales');
  if ((strongCompany && cm.length >= 1) || cm.length >= 3 || has('corporation', 'softwareapplication', 'product', 'offer')) return 'company';
  const nm = ex.nonprofitMarkers;
  if (has('ngo', 'nonprofit') || nm.includes('donate') || nm.includes('nonprofit') || (host.endsWith('.org') && nm.includes('volunteer'))) return 'nonprofit';
  if (
    (ex.platform && BLOG_PLATFORMS.has(ex.platform)) ||
    has('blogposting', 'blog', 'article', 'newsarticle') ||
    /(?:^|\/)(?:blog|blogs|posts?|articles?)(?:\/|$)|\/(?:19|20)\d{2}\/\d{2}\//.test(path) ||
    /(?:^|\.)(?:blog|blogspot|medium|substack|wordpress|ghost|hashnode|dev)\./.test(`${host}.`)
  )
    return 'blog';
  if (cm.length >= 2) return 'company';
  return 'other';
}

function trimSentence(s: string): string {
  // Sentences come from whitespace-collapsed blocks already.
  const t = s.trim();
  if (t.length <= 240) return t;
  const cut = t.slice(0, 239);
  const sp = cut.lastIndexOf(' ');
  return `${(sp > 160 ? cut.slice(0, sp) : cut).replace(/[\s,;:.-]+$/, '')}…`;
}

interface EvidenceSpec {
  component: ComponentName;
  /** Indices of the lexicons (in LEXICON_NAMES) whose hits count. */
  lexes: number[];
  need: number;
}
const lexIndex = (name: LexiconName) => LEXICON_NAMES.indexOf(name);
const CORE = lexIndex('core');
const MENTOR_GUIDANCE = lexIndex('mentorGuidance');
const PROGRAM_GUIDANCE = lexIndex('programGuidance');
const ACTIONABILITY = lexIndex('actionability');
const EVIDENCE_SPECS: EvidenceSpec[] = [
  { component: 'relevance', lexes: [CORE], need: 1 },
  { component: 'mentorGuidance', lexes: [MENTOR_GUIDANCE, lexIndex('mentorSide')], need: 2 },
  { component: 'programGuidance', lexes: [PROGRAM_GUIDANCE], need: 2 },
  { component: 'actionability', lexes: [ACTIONABILITY], need: 2 },
];
const EVIDENCE_PER_COMPONENT = 3;
const EVIDENCE_POOL = 8;

/** One pass over the sentences keeps a small pool of the best candidates per component. */
function pickEvidence(f: Features): Evidence[] {
  const pools: { text: string; s: number; i: number }[][] = EVIDENCE_SPECS.map(() => []);
  const sentences = f.sentences;
  for (let i = 0; i < sentences.length; i++) {
    const sen = sentences[i];
    if (sen.words < 5 || sen.words > 80) continue;
    const hits = sen.hits;
    const core = hits[CORE];
    if (core === 0 && hits[MENTOR_GUIDANCE] === 0 && hits[PROGRAM_GUIDANCE] === 0 && hits[ACTIONABILITY] === 0) continue;
    const guidance = hits[MENTOR_GUIDANCE] + hits[PROGRAM_GUIDANCE];
    const lengthBonus = (sen.words >= 8 ? 1 : 0) + Math.min(sen.words, 30) / 100;
    for (let k = 0; k < EVIDENCE_SPECS.length; k++) {
      const spec = EVIDENCE_SPECS[k];
      let h = 0;
      for (const l of spec.lexes) h += hits[l];
      if (h < spec.need) continue;
      // Prefer whole sentences (not headings) that also tie the advice to mentoring.
      const s = Math.min(h, 4) + (spec.component === 'relevance' ? 0.5 * Math.min(guidance, 3) : 0.5 * Math.min(core, 2)) + lengthBonus;
      const pool = pools[k];
      if (pool.length >= EVIDENCE_POOL && s <= pool[pool.length - 1].s) continue;
      // Keep the pool sorted by score, then sentence order (insertion: the pool is tiny and
      // sentences arrive in order, so an entry goes after all entries with an equal score).
      let at = pool.length;
      while (at > 0 && pool[at - 1].s < s) at--;
      pool.splice(at, 0, { text: sen.text, s, i });
      if (pool.length > EVIDENCE_POOL) pool.pop();
    }
  }
  const used = new Set<string>();
  const out: Evidence[] = [];
  EVIDENCE_SPECS.forEach((spec, k) => {
    let n = 0;
    for (const r of pools[k]) {
      const text = trimSentence(r.text);
      if (used.has(text)) continue;
      used.add(text);
      out.push({ component: spec.component, text });
      if (++n >= EVIDENCE_PER_COMPONENT) break;
    }
  });
  return out;
}

/** Freshness of a date against the end of the roundup year: 1 within the roundup year (or later), decaying after. */
export function freshnessOf(iso: string | undefined, roundupYear: number): number {
  if (!iso) return 0;
  const t = Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (!Number.isFinite(t)) return 0;
  const end = Date.UTC(roundupYear + 1, 0, 1);
  const ageYears = (end - t) / (365.25 * 86_400_000);
  if (ageYears <= 1) return 1;
  return Math.exp(-(ageYears - 1) / 1.5);
}

export interface PageAnalysis {
  extracted: Extracted;
  features: Features;
  /** The language detected from the page's text ('und' for none of the seven). */
  detectedLang: DetectedLang;
}

/** The lexicons to read a page with: the detected language, else a declared one of the seven, else English. */
function readingLang(detected: DetectedLang, declared: string): Lang {
  if (detected !== 'und') return detected;
  const d = declared === 'nb' || declared === 'nn' ? 'no' : declared;
  return (LANGS as readonly string[]).includes(d) ? (d as Lang) : 'en';
}

/**
 * Extraction, language and features (the training and evaluation code reuses them). The page is
 * read in its declared language (else English) while its function words are counted; when they say
 * it is in another of the seven, it is read again in that one (rare: <html lang> is mostly right).
 */
export function analysePage(input: { url: string; html: string; finalUrl?: string }): PageAnalysis {
  const extracted = extract({ url: input.finalUrl ?? input.url, html: input.html });
  let features = computeFeatures(extracted, readingLang('und', extracted.lang), extracted.lang);
  const detectedLang = features.detected.lang;
  if (detectedLang !== 'und' && detectedLang !== features.lang) features = computeFeatures(extracted, detectedLang, extracted.lang);
  return { extracted, features, detectedLang };
}

export function scorePage(input: ScorePageInput): PageScore {
  return scoreAnalysed(input, analysePage(input), MODEL);
}

/** Score from an analysis with a given model (evaluation passes a per-fold model; the crawler the store's). */
export function scoreAnalysed(input: ScorePageInput, a: PageAnalysis, model: LinearModel): PageScore {
  return scoreAnalysedParts(input, a, model).page;
}

/** The same, with the score's model-independent parts (a stored page vector keeps them: vector.ts). */
export function scoreAnalysedParts(input: ScorePageInput, a: PageAnalysis, model: LinearModel): { page: PageScore; parts: ScoreParts } {
  const { extracted: ex, features: f } = a;
  const url = typeof input.url === 'string' ? input.url : '';
  const finalUrl = input.finalUrl ?? url;
  const roundupYear = input.roundupYear ?? new Date().getUTCFullYear();
  const L = f.lex;
  const flags: PageFlag[] = [];

  // Near misses.
  const core = L.core.count;
  const share = (n: number) => (n + core === 0 ? 0 : n / (n + core));
  const penalty = (n: number, min: number, startShare: number) => {
    const s = share(n);
    if (n < min || s <= startShare) return 1;
    return Math.max(0.1, 1 - (0.9 * (s - startShare)) / (1 - startShare));
  };
  // Keyword stuffing: "mentor" words far denser than any guide, in text that is not prose or repeats
  // itself. Inclusive forms ("mentores/as", "Mentor:innen") and mentee words built on "mentor"
  // ("mentorado", "mentoré") count once per word, so a careful Spanish or German guide is not stuffing.
  const stuffing =
    f.mentorTokens >= 6 &&
    (f.mentorDensity > 0.15 || (f.mentorDensity > 0.07 && f.proseRatio < 0.3) || (f.uniqueSentenceRatio < 0.6 && f.mentorDensity > 0.03));
  const brand = f.brandHits >= 2 || (f.brandHits >= 1 && (L.tech.score > 0.3 || L.hardware.score > 0.3 || core < 6));
  const place = f.placeHits >= 2 || (f.placeHits >= 1 && L.mentorGuidance.score < 0.5);
  // Software documentation (a README or admin guide of a tool named or made for mentoring).
  const softwareDocs = f.docHeadings >= 3 || (f.docHeadings >= 1 && (f.codeBlocks >= 1 || L.tech.count >= 8)) || (f.codeBlocks >= 3 && L.tech.count >= 5);
  const thin = f.wordCount < 150;
  const pCoach = penalty(L.coaching.count, 4, 0.4);
  const pTutor = penalty(L.tutoring.count, 5, 0.45);
  const pOnboard = penalty(L.onboarding.count, 6, 0.55);
  const pTech = penalty(L.tech.count, 10, 0.6);
  const pHardware = penalty(L.hardware.count, 4, 0.4);
  const pJobs = penalty(L.jobs.count, 3, 0.3);
  const pLead = penalty(L.leadership.count, 5, 0.5);
  if (pCoach < 0.8) flags.push('coaching-only');
  if (pTutor < 0.8) flags.push('tutoring');
  if (pOnboard < 0.8) flags.push('onboarding');
  if (pHardware < 0.8) flags.push('hardware');
  if (pJobs < 0.8) flags.push('job-ad');
  if (pLead < 0.8) flags.push('leadership');
  if (softwareDocs) flags.push('software-docs');
  if (brand) flags.push('brand-mentor');
  if (place) flags.push('place-mentor');
  if (stuffing) flags.push('keyword-stuffing');
  if (thin) flags.push('thin');
  if (a.detectedLang === 'und' && f.wordCount >= 40) flags.push('language-unknown');
  if (!ex.publishedAt) flags.push('undated');
  if (ex.resources.length > 0) flags.push('downloads');

  let relevance = L.core.score * pCoach * pTutor * pOnboard * pTech * pHardware * pJobs * pLead;
  if (softwareDocs) relevance *= 0.3;
  if (brand) relevance *= 0.15;
  if (place) relevance *= 0.15;
  if (stuffing) relevance *= 0.2;

  const gate = 0.25 + 0.75 * relevance;
  const sideTotal = L.mentorSide.count + L.menteeSide.count;
  const side = sideTotal === 0 ? 0.8 : 0.45 + 0.55 * (L.mentorSide.count / sideTotal);
  const mentorGuidance = L.mentorGuidance.score * side * gate;
  const programGuidance = L.programGuidance.score * gate * (1 - 0.4 * L.mention.score);
  const actionability =
    0.5 * L.actionability.score + 0.2 * sat(f.orderedLists + f.lists * 0.5 + ex.lists.checkboxes / 3, 2) + 0.15 * sat(f.resources, 2) + 0.15 * sat(f.listItems, 10);
  let quality = sat(f.wordCount, 600) * (0.5 + 0.5 * f.proseRatio) * (0.7 + 0.3 * sat(f.headings + f.lists, 3)) * Math.min(1, f.uniqueSentenceRatio + 0.2);
  if (stuffing) quality *= 0.3;
  if (thin) quality = Math.min(quality, 0.3);
  const freshness = freshnessOf(ex.publishedAt, roundupYear);

  const components: PageComponents = {
    relevance: r3(relevance),
    mentorGuidance: r3(mentorGuidance),
    programGuidance: r3(programGuidance),
    actionability: r3(actionability),
    quality: r3(quality),
    freshness: r3(freshness),
  };

  // Score: relevance × guidance, with the trained model as a second opinion gated by relevance.
  const mg = components.mentorGuidance;
  const pg = components.programGuidance;
  const G = Math.min(1, Math.max(mg, pg) + 0.35 * Math.min(mg, pg));
  const lexScore = components.relevance * (0.15 + 0.85 * (0.65 * G + 0.2 * components.actionability + 0.15 * components.quality));
  // The model's opinion counts gated by relevance; the penalties apply in this order (model.ts, combineScore):
  // thin pages, stuffed pages (no second opinion either: the model reads "mentor" density as relevance),
  // software documentation and "Mentor" products (their mentor words are names).
  const pens: number[] = [];
  if (thin) pens.push(0.75);
  if (stuffing) pens.push(0.4);
  if (softwareDocs || brand) pens.push(0.5);
  const parts: ScoreParts = { lex: lexScore, gate: Math.min(1, components.relevance * 1.5), fresh: freshness, pens };
  const score = combineScore(parts, predict(model, f), model);

  const evidence = pickEvidence(f);

  const lang = a.detectedLang !== 'und' ? a.detectedLang : ex.lang || (f.wordCount >= 40 ? 'und' : '');

  const out: PageScore = {
    url,
    finalUrl,
    title: ex.title,
    lang,
    scorerVersion: scorerVersionOf(model),
    score,
    components,
    evidence,
    flags,
    feedUrls: ex.feedUrls,
    siteKind: pageSiteKind(ex, f, finalUrl),
    wordCount: f.wordCount,
  };
  if (ex.publishedAt) out.publishedAt = ex.publishedAt;
  if (ex.siteName) out.siteName = ex.siteName;
  // Issue 9 (roundup): the site's JSON-LD name and the page's outreach facts (identity.ts, outreach.ts).
  const ldName = jsonLdSiteName(ex.jsonLd);
  if (ldName) out.jsonLdSiteName = ldName;
  const outreach = pageOutreach(ex);
  if (outreach) out.outreach = outreach;
  return { page: out, parts };
}
