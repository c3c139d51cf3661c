// robots.txt per RFC 9309: fetched once per origin and cached (memory + SQLite, 24 h); 2xx =
// the rules for our product token (else `*`); 4xx = everything allowed; 5xx, timeouts and
// unreachable hosts = nothing fetched. Crawl-delay (non-standard, widely used) is honoured.
import type { Store } from '../store/index.ts';
import { fetchPage, FetchError } from './fetch.ts';

export const ROBOTS_TOKEN = 'mentorradar';
export const ROBOTS_TTL_MS = 24 * 3600 * 1000;
/** RFC 9309 asks crawlers to parse at least 500 KiB. */
const ROBOTS_MAX_BYTES = 512 * 1024;

interface Rule {
  allow: boolean;
  pattern: string;
  re: RegExp;
}

export interface RobotsRules {
  rules: Rule[];
  crawlDelaySec?: number;
  sitemaps: string[];
}

export type RobotsStatus = 'ok' | 'allow-all' | 'blocked';

export interface Robots {
  origin: string;
  status: RobotsStatus;
  rules: RobotsRules;
  /** Why it is blocked (HTTP 503, timeout, refused...). */
  reason?: string;
}

function patternToRegExp(pattern: string): RegExp {
  let anchored = false;
  let p = pattern;
  if (p.endsWith('$')) {
    anchored = true;
    p = p.slice(0, -1);
  }
  const body = p
    .split('*')
    .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}${anchored ? '$' : ''}`);
}

/** Percent-encoding normalisation so /a%7eb and /a~b compare equal (RFC 9309 2.2.2). */
function normPath(p: string): string {
  // RFC 9309 §2.2.2: rules with non-ASCII characters match their percent-encoded (UTF-8) form,
  // the form URL paths arrive in.
  const ascii = p.replace(/[\u0080-\u{10FFFF}]/gu, (ch) => {
    try {
      return encodeURIComponent(ch);
    } catch {
      return ''; // a lone surrogate: no URL can contain it
    }
  });
  return ascii.replace(/%([0-9a-f]{2})/gi, (m, h: string) => {
    const c = String.fromCharCode(parseInt(h, 16));
    return /[A-Za-z0-9\-._~]/.test(c) ? c : m.toUpperCase();
  });
}

export function parseRobots(text: string, token = ROBOTS_TOKEN): RobotsRules {
  const sitemaps: string[] = [];
  interface Group {
    agents: string[];
    rules: Rule[];
    crawlDelaySec?: number;
  }
  const groups: Group[] = [];
  let current: Group | undefined;
  let lastWasAgent = false;
  for (const raw of text.split(/\r\n|\n|\r/)) {
    const line = raw.replace(/#.*$/, '').trim();
    const m = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1].toLowerCase();
    const value = m[2].trim();
    if (key === 'sitemap') {
      if (value) sitemaps.push(value);
      continue;
    }
    if (key === 'user-agent') {
      if (!current || !lastWasAgent) {
        current = { agents: [], rules: [] };
        groups.push(current);
      }
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (!current) continue;
    if (key === 'allow' || key === 'disallow') {
      if (!value) continue; // an empty Disallow allows everything
      const pattern = normPath(value);
      current.rules.push({ allow: key === 'allow', pattern, re: patternToRegExp(pattern) });
    } else if (key === 'crawl-delay') {
      const n = Number(value);
      if (Number.isFinite(n) && n >= 0) current.crawlDelaySec = n;
    }
  }
  // RFC 9309 §2.2.1: the product token matches case-insensitively and whole (a version suffix
  // such as `/0.1` aside): `User-agent: mentor` is someone else's crawler, not ours.
  const ours = token.toLowerCase();
  const mine = groups.filter((g) => g.agents.some((a) => a !== '*' && a.replace(/\/.*$/, '').trim() === ours));
  const chosen = mine.length ? mine : groups.filter((g) => g.agents.includes('*'));
  const rules = chosen.flatMap((g) => g.rules);
  const delays = chosen.map((g) => g.crawlDelaySec).filter((d): d is number => d !== undefined);
  const out: RobotsRules = { rules, sitemaps };
  if (delays.length) out.crawlDelaySec = Math.max(...delays);
  return out;
}

/** Longest matching rule wins; on a tie, Allow wins; no match = allowed. */
export function isAllowed(robots: Robots, url: string): boolean {
  if (robots.status === 'blocked') return false;
  if (robots.status === 'allow-all') return true;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  const path = normPath(u.pathname + u.search);
  if (path === '/robots.txt') return true;
  let best: Rule | undefined;
  for (const r of robots.rules.rules) {
    if (!r.re.test(path)) continue;
    if (!best || r.pattern.length > best.pattern.length || (r.pattern.length === best.pattern.length && r.allow && !best.allow)) best = r;
  }
  return best ? best.allow : true;
}

export interface RobotsCacheOptions {
  /** Where the cache persists (24 h); memory only without it. */
  store?: Pick<Store, 'robotsRow' | 'saveRobots'>;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Called right before robots.txt is requested (for counting requests). */
  onFetch?: (origin: string) => void;
}

/** One fetch per origin, shared by concurrent callers, cached in memory and in SQLite. */
export class RobotsCache {
  private mem = new Map<string, Promise<Robots>>();
  constructor(private opts: RobotsCacheOptions = {}) {}

  get(origin: string): Promise<Robots> {
    let p = this.mem.get(origin);
    if (!p) {
      p = this.load(origin);
      this.mem.set(origin, p);
    }
    return p;
  }

  private fromRow(origin: string, status: RobotsStatus, body: string | null): Robots {
    if (status === 'ok') return { origin, status, rules: parseRobots(body ?? '') };
    if (status === 'blocked') return { origin, status, rules: { rules: [], sitemaps: [] }, reason: body ?? 'unreachable' };
    return { origin, status, rules: { rules: [], sitemaps: [] } };
  }

  private async load(origin: string): Promise<Robots> {
    const store = this.opts.store;
    const row = store?.robotsRow(origin);
    if (row && Date.now() - Date.parse(row.fetchedAt) < ROBOTS_TTL_MS && row.status !== 'blocked') return this.fromRow(origin, row.status as RobotsStatus, row.body);
    let status: RobotsStatus;
    let body: string | null = null;
    try {
      this.opts.onFetch?.(origin);
      const res = await fetchPage(`${origin}/robots.txt`, {
        accept: 'any',
        allowErrorStatus: true,
        truncate: true,
        maxBytes: ROBOTS_MAX_BYTES,
        timeoutMs: this.opts.timeoutMs ?? 15_000,
        ...(this.opts.signal ? { signal: this.opts.signal } : {}),
      });
      if (res.status >= 200 && res.status < 300) {
        status = 'ok';
        body = res.body;
      } else if (res.status >= 400 && res.status < 500) {
        status = 'allow-all';
      } else {
        status = 'blocked';
        body = `robots.txt HTTP ${res.status}`;
      }
    } catch (err) {
      const kind = err instanceof FetchError ? err.kind : 'other';
      if (kind === 'too-many-redirects' || kind === 'redirect-loop') {
        status = 'allow-all'; // RFC 9309 2.3.1.2: unable to follow = unavailable
      } else {
        status = 'blocked';
        body = `robots.txt ${kind}`;
      }
    }
    try {
      store?.saveRobots(origin, status, body, new Date().toISOString());
    } catch {
      /* the cache is an optimisation */
    }
    return this.fromRow(origin, status, body);
  }
}
