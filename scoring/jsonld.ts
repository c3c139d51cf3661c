// JSON-LD blocks of a page, parsed defensively and walked without recursion: types, the article's
// dates, body, language and the names of its publisher and site.

export interface JsonLdInfo {
  /** Parsed blocks (malformed ones are skipped). */
  blocks: unknown[];
  types: string[];
  /** datePublished / dateCreated of the first article-like item (raw strings, see dates.ts). */
  published: string[];
  modified: string[];
  /** datePublished of other items (related posts, breadcrumbs' pages...), a weaker hint. */
  otherPublished: string[];
  publisher?: string;
  /** Name of a WebSite item. */
  website?: string;
  articleBody?: string;
  inLanguage?: string;
}

const MAX_JSONLD_CHARS = 200_000;
const ARTICLE_TYPES = /article|posting|report|review|newsarticle|blogposting|webpage|creativework|howto|recipe|scholarly|episode|videoobject|event|qapage|faqpage/i;

/** Keys whose values are other pages or items, not the page itself. */
const OTHER_ITEMS_KEYS = /^(?:itemListElement|relatedLink|significantLink|mentions|citation|comment|review|isPartOf|hasPart|subjectOf|workExample|recipe|about|author|creator|publisher|breadcrumb)$/;

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

function nameOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return nameOf(v[0]);
  if (v && typeof v === 'object') return str((v as Record<string, unknown>).name);
  return undefined;
}

/** Reads JSON-LD script texts (each a JSON document, possibly wrapped in an HTML comment). */
export function readJsonLd(texts: string[]): JsonLdInfo {
  const info: JsonLdInfo = { blocks: [], types: [], published: [], modified: [], otherPublished: [] };
  for (const t of texts) {
    if (t.length > MAX_JSONLD_CHARS) continue;
    try {
      const v: unknown = JSON.parse(t.trim().replace(/^<!--|-->$/g, '').replace(/^\s*\/\/\s*<!\[CDATA\[|\/\/\s*\]\]>\s*$/g, ''));
      info.blocks.push(v);
      walk(v, info);
    } catch {
      /* malformed JSON-LD is ignored */
    }
  }
  return info;
}

function walk(root: unknown, info: JsonLdInfo): void {
  const stack: [unknown, number, boolean][] = [[root, 0, false]];
  let seen = 0;
  let articleSeen = false;
  while (stack.length > 0 && seen < 500) {
    const [v, depth, nested] = stack.pop()!;
    seen++;
    if (v === null || typeof v !== 'object' || depth > 8) continue;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], depth + 1, nested]);
      continue;
    }
    const o = v as Record<string, unknown>;
    const t = o['@type'];
    const types = (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
    for (const ty of types) if (info.types.length < 50) info.types.push(ty.slice(0, 60));
    const pub = str(o.datePublished) ?? str(o.dateCreated) ?? str(o.uploadDate);
    const mod = str(o.dateModified);
    const isArticle = types.some((x) => ARTICLE_TYPES.test(x));
    // The page's own item: the first article-like item outside lists of (and links to) other items.
    const inList = nested || types.some((x) => /listitem|itemlist|breadcrumb|comment/i.test(x));
    if (pub || mod) {
      if (isArticle && !articleSeen && !inList) {
        articleSeen = true;
        if (pub) info.published.push(pub.slice(0, 100));
        if (mod) info.modified.push(mod.slice(0, 100));
      } else if (pub && info.otherPublished.length < 20) info.otherPublished.push(pub.slice(0, 100));
    }
    if (isArticle && !info.articleBody && typeof o.articleBody === 'string') info.articleBody = o.articleBody.slice(0, 400_000);
    if (!info.inLanguage) info.inLanguage = str(o.inLanguage)?.slice(0, 20);
    const publisher = nameOf(o.publisher);
    if (!info.publisher && publisher) info.publisher = clean(publisher).slice(0, 200);
    if (!info.website && types.some((x) => x === 'WebSite')) {
      const n = str(o.name);
      if (n) info.website = clean(n).slice(0, 200);
    }
    const keys = Object.keys(o);
    for (let k = keys.length - 1; k >= 0; k--) {
      const c = o[keys[k]];
      if (c && typeof c === 'object') stack.push([c, depth + 1, nested || OTHER_ITEMS_KEYS.test(keys[k])]);
    }
  }
}

// Issue 9: a generic bounded walk for identity.ts and outreach.ts.

const MAX_NODES = 500;
const MAX_DEPTH = 8;
const MAX_LIST = 200;

/**
 * Calls `visit` on every object (not array) in `roots`, in document order; `visit` returns true
 * to stop the walk. Keys listed in `skipKeys` are not descended into.
 */
export function walkJsonLd(roots: unknown[], visit: (o: Record<string, unknown>) => boolean | void, skipKeys: readonly string[] = []): void {
  const stack: [unknown, number][] = [];
  for (let i = Math.min(roots.length, MAX_LIST) - 1; i >= 0; i--) stack.push([roots[i], 0]);
  let seen = 0;
  while (stack.length > 0 && seen++ < MAX_NODES) {
    const [v, depth] = stack.pop() as [unknown, number];
    if (v === null || typeof v !== 'object' || depth > MAX_DEPTH) continue;
    if (Array.isArray(v)) {
      for (let i = Math.min(v.length, MAX_LIST) - 1; i >= 0; i--) stack.push([v[i], depth + 1]);
      continue;
    }
    const o = v as Record<string, unknown>;
    if (visit(o)) return;
    const keys = Object.keys(o);
    for (let i = keys.length - 1; i >= 0; i--) {
      const c = o[keys[i]];
      if (c && typeof c === 'object' && !skipKeys.includes(keys[i])) stack.push([c, depth + 1]);
    }
  }
}

/** The lower-cased local names of an object's @type ("schema:WebSite" → "website"). */
export function jsonLdTypes(o: Record<string, unknown>): string[] {
  const t = o['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string').map((x) => x.toLowerCase().replace(/^.*[/#:]/, ''));
}
