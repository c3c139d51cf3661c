// Outreach: how the curator reaches a site's author (to tell them they made the list). Per page
// from the extraction (JSON-LD author, meta author, rel=author bylines, contact links, mailto
// links, obviously obfuscated addresses, social profile links), then one of each per site.
// Everything is bounded (links, text scanned, hits) so hostile pages cost little.
import type { Extracted } from './extract.ts';
import type { PageOutreach, SiteOutreach, SocialNetwork, SocialProfile } from './types.ts';
import { SOCIAL_NETWORKS } from './types.ts';
import { normalisePageUrl } from './url.ts';
import { oneLine } from './text.ts';
import { compareStrings } from './time.ts';
import { jsonLdTypes, walkJsonLd } from './jsonld.ts';
import { isSpace } from './chars.ts';

const MAX_PER_LIST = 5;
const MAX_TEXT_SCANNED = 100_000;
const MAX_AT_SIGNS = 200;

// ------------------------------------------------------------------ author names

const NOT_A_NAME = /^(?:admin|administrator|author|authors|editor|editors|staff|team|our team|guest|guest author|unknown|anonymous|webmaster|user|root|wordpress|blog|home|contact|about|more|read more|view all posts|all posts|posts|view profile|profile)$/i;
const BYLINE_PREFIX = /^(?:(?:posted|written|published|words)\s+)?by\s+|^(?:author|av|von|por|par|af)\s*:?\s+/i;
const POSTS_BY = /^(?:view |see )?(?:all |more )?(?:posts|articles|stories)\s+(?:by|from)\s+/i;

/** A person's name as a byline gives it ("By Jane Doe" → "Jane Doe"), or '' for anything that is not one. */
export function cleanAuthor(raw: unknown): string {
  let s = oneLine(raw, 200).replace(POSTS_BY, '').replace(BYLINE_PREFIX, '').trim();
  s = s.replace(/[\s,;|·:–—-]+$/, '');
  if (s.length < 2 || s.length > 60) return '';
  if (!/\p{L}/u.test(s) || /[@/\\<>{}[\]=]|https?:|www\.|\d{3,}/i.test(s)) return '';
  if (s.split(/\s+/).length > 6 || NOT_A_NAME.test(s)) return '';
  return s;
}

/** Author names in JSON-LD: `author` / `creator` as a string, a Person, or a list of them (not organisations). */
function jsonLdAuthors(jsonLd: unknown[]): string[] {
  const out: string[] = [];
  walkJsonLd(
    jsonLd,
    (o) => {
      const a = o.author ?? o.creator;
      for (const x of Array.isArray(a) ? a.slice(0, 10) : [a]) {
        if (typeof x === 'string') out.push(x);
        else if (x && typeof x === 'object' && !jsonLdTypes(x as Record<string, unknown>).some((t) => t.includes('organization'))) {
          const name = (x as Record<string, unknown>).name;
          if (typeof name === 'string') out.push(name);
        }
      }
      return out.length >= 10;
    },
    ['author', 'creator'],
  );
  return out;
}

// ------------------------------------------------------------------ email

const LOCAL_CHAR = /[A-Za-z0-9._%+-]/;
const DOMAIN_CHAR = /[A-Za-z0-9.-]/;
const EMAIL_RE = /^[A-Za-z0-9._%+-]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.){1,8}[A-Za-z]{2,24}$/;
const NOT_AN_ADDRESS = /\.(?:png|jpe?g|gif|webp|svg|avif|css|js)$/i;

/** A plausible published address, lower-cased domain, or '' (image names like logo@2x.png are not addresses). */
export function cleanEmail(raw: string): string {
  const s = raw.trim().replace(/^\.+|\.+$/g, '');
  if (s.length > 254 || !EMAIL_RE.test(s) || NOT_AN_ADDRESS.test(s)) return '';
  const at = s.lastIndexOf('@');
  if (s.slice(0, at).startsWith('.') || s.slice(0, at).endsWith('.') || s.includes('..')) return '';
  return `${s.slice(0, at)}@${s.slice(at + 1).toLowerCase()}`;
}

/** The address around the `@` at `i`: walk out over address characters (no regex backtracking on long text). */
function addressAt(text: string, i: number): string {
  let start = i;
  while (start > 0 && i - start < 64 && LOCAL_CHAR.test(text[start - 1])) start--;
  let end = i + 1;
  while (end < text.length && end - i < 254 && DOMAIN_CHAR.test(text[end])) end++;
  return cleanEmail(text.slice(start, end));
}

// "jane [at] example [dot] org", "jane(at)example(dot)org", "jane {at} example {dot} org", "jane AT example DOT org"
// (No leading \s* in the global pattern: a long run of spaces must not be rescanned from every start.)
const OBFUSCATED_AT = /[[({]\s*at\s*[\])}]|\sAT\s/g;

/** Whether `s` has "AT" between white space (the second form of OBFUSCATED_AT). */
function spacedAt(s: string): boolean {
  for (let i = s.indexOf('AT'); i >= 0; i = s.indexOf('AT', i + 1)) if (i > 0 && isSpace(s.charCodeAt(i - 1)) && isSpace(s.charCodeAt(i + 2))) return true;
  return false;
}

/** Whether `s` has an opening bracket, then white space or nothing, then "at" (the first form of OBFUSCATED_AT). */
function bracketAt(s: string): boolean {
  for (const open of ['[', '(', '{']) {
    for (let i = s.indexOf(open); i >= 0; i = s.indexOf(open, i + 1)) {
      let j = i + 1;
      while (j < s.length && isSpace(s.charCodeAt(j))) j++;
      if (s.charCodeAt(j) === 97 && s.charCodeAt(j + 1) === 116) return true;
    }
  }
  return false;
}
const OBFUSCATED_DOT = /\s*[[({]\s*dot\s*[\])}]\s*|\s+DOT\s+/g;

/** Addresses written in the text: plain, or obfuscated in one of the obvious ways. Linear in the text. */
export function emailsInText(text: string): string[] {
  const s = text.length > MAX_TEXT_SCANNED ? text.slice(0, MAX_TEXT_SCANNED) : text;
  const found: string[] = [];
  let from = 0;
  for (let n = 0; n < MAX_AT_SIGNS && found.length < MAX_PER_LIST; n++) {
    const i = s.indexOf('@', from);
    if (i < 0) break;
    const e = addressAt(s, i);
    if (e) found.push(e);
    from = i + 1;
  }
  // Most texts have neither form: the pattern's scan is skipped.
  if (!spacedAt(s) && !bracketAt(s)) return [...new Set(found)];
  OBFUSCATED_AT.lastIndex = 0;
  for (let n = 0, m = OBFUSCATED_AT.exec(s); m && n < 20 && found.length < MAX_PER_LIST; n++, m = OBFUSCATED_AT.exec(s)) {
    // Only the few words around the marker are rewritten and read.
    const left = s.slice(Math.max(0, m.index - 64), m.index).trimEnd().split(/\s/).pop() ?? '';
    const right = s.slice(m.index + m[0].length, m.index + m[0].length + 160).replace(OBFUSCATED_DOT, '.').trimStart().split(/\s/)[0] ?? '';
    const e = cleanEmail(`${left}@${right.replace(/[.,;:!?)]+$/, '')}`);
    if (e) found.push(e);
  }
  return [...new Set(found)];
}

/** The address of a mailto: link (the first one, without ?subject=…), or ''. */
export function mailtoAddress(href: string): string {
  const m = /^\s*mailto:([^?#]*)/i.exec(href);
  if (!m) return '';
  let s = m[1];
  try {
    s = decodeURIComponent(s);
  } catch {
    /* keep it encoded */
  }
  return cleanEmail(s.split(',')[0]);
}

// ------------------------------------------------------------------ social profiles

const NOT_X_HANDLES = new Set(['intent', 'share', 'home', 'search', 'hashtag', 'i', 'explore', 'settings', 'login', 'signup', 'messages', 'notifications', 'compose', 'tos', 'privacy', 'about']);
const NOT_FACEBOOK_PAGES = new Set(['sharer', 'sharer.php', 'share', 'share.php', 'dialog', 'plugins', 'tr', 'login', 'login.php', 'help', 'policies', 'privacy', 'events', 'watch', 'photo', 'photo.php', 'story.php', 'permalink.php', 'hashtag', 'marketplace', 'gaming', 'groups', 'pages', 'people', 'home.php', 'search', 'business', 'legal', 'ads']);
const NOT_INSTAGRAM_USERS = new Set(['p', 'reel', 'reels', 'explore', 'accounts', 'stories', 'direct', 'tv', 'about', 'legal', 'developer']);
/** Hosts whose /@name paths are not Mastodon accounts. */
const NOT_MASTODON_HOSTS = /(?:^|\.)(?:medium\.com|tiktok\.com|threads\.net|threads\.com|substack\.com|youtube\.com|pinterest\.[a-z.]+|flickr\.com|vimeo\.com|twitter\.com|x\.com|facebook\.com|instagram\.com|linkedin\.com|github\.com|dev\.to|hashnode\.com|behance\.net|dribbble\.com)$/;
/** A cheap gate before parsing a URL: only links that can be a profile. */
const SOCIAL_HINT = /linkedin\.com|twitter\.com|\/\/(?:www\.|mobile\.)?x\.com|bsky\.app|facebook\.com|fb\.com|instagram\.com|youtube\.com|\/@/i;

/**
 * The profile a link points to, normalised (https, no www./m., no query, no trailing slash), or
 * undefined for anything else: share links, intents, posts, videos, searches are not profiles.
 */
export function socialProfile(href: string): SocialProfile | undefined {
  if (href.length > 500 || !SOCIAL_HINT.test(href)) return undefined;
  let u: URL;
  try {
    u = new URL(href);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
  const host = u.hostname.toLowerCase().replace(/^(?:www|m|mobile|[a-z]{2})\.(?=(?:linkedin|facebook|instagram|youtube|twitter)\.com$)/, '').replace(/^(?:www|m|mobile)\./, '');
  const segs = u.pathname.split('/').filter(Boolean);
  const one = (network: SocialNetwork, url: string): SocialProfile => ({ network, url });
  if (host === 'linkedin.com') {
    if (segs.length >= 2 && ['in', 'company', 'school', 'showcase'].includes(segs[0].toLowerCase()) && /^[\w%.-]{2,100}$/.test(segs[1])) {
      return one('linkedin', `https://www.linkedin.com/${segs[0].toLowerCase()}/${segs[1]}`);
    }
    return undefined;
  }
  if (host === 'twitter.com' || host === 'x.com') {
    if (segs.length === 1 && /^\w{1,15}$/.test(segs[0]) && !NOT_X_HANDLES.has(segs[0].toLowerCase())) return one('x', `https://x.com/${segs[0]}`);
    return undefined;
  }
  if (host === 'bsky.app') {
    if (segs.length === 2 && segs[0] === 'profile' && /^[\w.:-]{3,253}$/.test(segs[1])) return one('bluesky', `https://bsky.app/profile/${segs[1].toLowerCase()}`);
    return undefined;
  }
  if (host === 'facebook.com' || host === 'fb.com') {
    if (segs.length === 1 && segs[0] === 'profile.php' && /^\d{1,20}$/.test(u.searchParams.get('id') ?? '')) {
      return one('facebook', `https://www.facebook.com/profile.php?id=${u.searchParams.get('id')}`);
    }
    if (segs.length === 1 && /^[\w.-]{2,80}$/.test(segs[0]) && !NOT_FACEBOOK_PAGES.has(segs[0].toLowerCase())) return one('facebook', `https://www.facebook.com/${segs[0]}`);
    return undefined;
  }
  if (host === 'instagram.com') {
    if (segs.length === 1 && /^[\w.]{1,30}$/.test(segs[0]) && !NOT_INSTAGRAM_USERS.has(segs[0].toLowerCase())) return one('instagram', `https://www.instagram.com/${segs[0]}`);
    return undefined;
  }
  if (host === 'youtube.com') {
    if (segs.length === 1 && /^@[\w.-]{3,100}$/.test(segs[0])) return one('youtube', `https://www.youtube.com/${segs[0]}`);
    if (segs.length === 2 && ['channel', 'c', 'user'].includes(segs[0]) && /^[\w.-]{2,100}$/.test(segs[1])) return one('youtube', `https://www.youtube.com/${segs[0]}/${segs[1]}`);
    return undefined;
  }
  if (segs.length === 1 && /^@\w{1,30}$/.test(segs[0]) && host.includes('.') && !NOT_MASTODON_HOSTS.test(host)) {
    return one('mastodon', `https://${host}${u.port ? `:${u.port}` : ''}/${segs[0]}`);
  }
  return undefined;
}

// ------------------------------------------------------------------ per page

function uniq(xs: string[], max = MAX_PER_LIST): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const x of xs) {
    const key = x.toLowerCase();
    if (!x || seen.has(key)) continue;
    seen.add(key);
    out.push(x);
    if (out.length >= max) break;
  }
  return out;
}

/**
 * What one page says about its author and how to reach them, or undefined when it says nothing.
 * Social links in the page's chrome (header, footer, sidebar) or marked rel="me" come first: they
 * are the site's own; a profile linked from a post's text may be someone else's.
 */
export function pageOutreach(ex: Extracted): PageOutreach | undefined {
  const bylines = ex.links.filter((l) => /\bauthor\b/.test(l.rel) || /\/(?:author|authors)\/[^/]+\/?$/i.test(l.href)).map((l) => l.text);
  const authors = uniq([...jsonLdAuthors(ex.jsonLd), ex.metaAuthor ?? '', ...bylines].map(cleanAuthor));
  const contactUrls = uniq(ex.contactLinks.filter((h) => !/^\s*mailto:/i.test(h)).map((h) => normalisePageUrl(h) ?? ''));
  const emails = uniq([...ex.contactLinks.map(mailtoAddress), ...emailsInText(ex.mainText)]);
  const own = (l: Extracted['links'][number]) => (l.chrome || /\bme\b/.test(l.rel) ? 0 : 1);
  const profiles: SocialProfile[] = [];
  const perNetwork = new Map<SocialNetwork, number>();
  for (const l of ex.links.filter((x) => SOCIAL_HINT.test(x.href)).sort((a, b) => own(a) - own(b))) {
    const p = socialProfile(l.href);
    if (!p || profiles.some((q) => q.url === p.url)) continue;
    const n = perNetwork.get(p.network) ?? 0;
    if (n >= 3) continue;
    perNetwork.set(p.network, n + 1);
    profiles.push(p);
    if (profiles.length >= 3 * SOCIAL_NETWORKS.length) break;
  }
  const out: PageOutreach = {};
  if (authors.length) out.authors = authors;
  if (contactUrls.length) out.contactUrls = contactUrls;
  if (emails.length) out.emails = emails;
  if (profiles.length) out.social = profiles;
  return Object.keys(out).length ? out : undefined;
}

// ------------------------------------------------------------------ per site

/** Tally with weights; the heaviest, then the code-unit-smallest (deterministic whatever the page order). */
class Tally {
  private readonly weights = new Map<string, number>();
  add(value: string, weight = 1): void {
    if (value) this.weights.set(value, (this.weights.get(value) ?? 0) + weight);
  }
  best(): string | undefined {
    let top: [string, number] | undefined;
    for (const e of this.weights) if (!top || e[1] > top[1] || (e[1] === top[1] && compareStrings(e[0], top[0]) < 0)) top = e;
    return top?.[0];
  }
}

function hostOf(u: string): string {
  try {
    return new URL(u).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return '';
  }
}

/**
 * One author, contact page, address and profile per network for the site: the most frequent
 * over its pages, the site's own (same host) before others. undefined when there is nothing.
 */
export function siteOutreach(pages: { outreach?: PageOutreach }[], site: string): SiteOutreach | undefined {
  const host = hostOf(site);
  const sameSite = (h: string) => h === host || h.endsWith(`.${host}`);
  const author = new Tally();
  const contact = new Tally();
  const email = new Tally();
  const social = new Map<SocialNetwork, Tally>();
  for (const p of pages) {
    const o = p.outreach;
    if (!o) continue;
    // A page's lists are best first (JSON-LD author, mailto links): the first counts double.
    const first = (i: number) => (i === 0 ? 1 : 0.5);
    (o.authors ?? []).forEach((a, i) => author.add(a, first(i)));
    // The site's own contact page outweighs any number of links to other sites' contact pages.
    (o.contactUrls ?? []).forEach((c, i) => contact.add(c, first(i) * (sameSite(hostOf(c)) ? 1000 : 1)));
    (o.emails ?? []).forEach((e, i) => email.add(e, first(i) * (sameSite(e.slice(e.lastIndexOf('@') + 1)) ? 1000 : 1)));
    const firstOf = new Set<SocialNetwork>();
    for (const s of o.social ?? []) {
      const t = social.get(s.network) ?? new Tally();
      t.add(s.url, firstOf.has(s.network) ? 0.5 : 1);
      firstOf.add(s.network);
      social.set(s.network, t);
    }
  }
  const out: SiteOutreach = {};
  const a = author.best();
  if (a) out.author = a;
  const c = contact.best();
  if (c) out.contactUrl = c;
  const e = email.best();
  if (e) out.email = e;
  const profiles = SOCIAL_NETWORKS.flatMap((n) => {
    const url = social.get(n)?.best();
    return url ? [{ network: n, url }] : [];
  });
  if (profiles.length) out.social = profiles;
  return Object.keys(out).length ? out : undefined;
}

/** Display names of the networks, for the roundup and the dashboard. */
export const SOCIAL_LABELS: Record<SocialNetwork, string> = {
  linkedin: 'LinkedIn',
  x: 'X (Twitter)',
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
  facebook: 'Facebook',
  instagram: 'Instagram',
  youtube: 'YouTube',
};
