// The winner badge: a red, diploma-like SVG in the spirit of the seed post's logo ("a logo that
// looks more like a diploma, and a more energized color, red"): a cream sheet with a double red
// border and corner ornaments, serif lettering, a rosette with ribbon tails carrying the place
// ("#1"…"#3", else "Listed"), laurels, the year and the site's name. Self-contained: no script,
// no external reference (no href, no url(), no image, no web font), no foreignObject, a few KB.
import { oneLine } from './text.ts';
import type { BestPlace } from './types.ts';

export interface BadgeInput {
  /** The site's name (the curator's rename when there is one). */
  name: string;
  year: number;
  /** 1–3 for the best three; anything else is "Listed". */
  place?: BestPlace;
}

export const BADGE_WIDTH = 360;
export const BADGE_HEIGHT = 460;

const RED = '#b3121b';
const DARK_RED = '#7a0c12';
const CREAM = '#fdf6e8';
const SERIF = "Georgia, 'Times New Roman', Times, serif";

/** Text for XML character data and attribute values: the five specials escaped, nothing that XML 1.0 forbids. */
export function xmlText(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`);
}

/** The place as printed on the rosette. */
export function placeLabel(place: BestPlace | undefined): string {
  return place === 1 || place === 2 || place === 3 ? `#${place}` : 'Listed';
}

/** Rough advance width of serif text, in ems (no font metrics in a pure module): enough to choose a size. */
function ems(s: string): number {
  let w = 0;
  for (const ch of s) w += /[A-Z]/.test(ch) ? 0.68 : /[mwMW@]/.test(ch) ? 0.85 : /[ilj.,'’:;|!]/.test(ch) ? 0.3 : /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\u{1f300}-\u{1faff}]/u.test(ch) ? 1 : 0.52;
  return w;
}

/** The name in one or two lines, words kept whole where they can be, and the font size that fits `width`. */
export function layoutName(name: string, width: number): { lines: string[]; size: number } {
  const text = oneLine(name, 90) || 'Unnamed site';
  const fits = (lines: string[], size: number) => lines.every((l) => ems(l) * size <= width);
  for (const size of [26, 23, 20, 18]) if (fits([text], size)) return { lines: [text], size };
  // Two lines: the split at a space that balances them best.
  const words = text.split(' ');
  let best: string[] = [text];
  let bestWidth = Infinity;
  for (let i = 1; i < words.length; i++) {
    const lines = [words.slice(0, i).join(' '), words.slice(i).join(' ')];
    const w = Math.max(...lines.map(ems));
    if (w < bestWidth) [best, bestWidth] = [lines, w];
  }
  if (best.length === 1) {
    // One long word: cut it in two.
    const chars = [...text];
    const mid = Math.ceil(chars.length / 2);
    best = [chars.slice(0, mid).join(''), chars.slice(mid).join('')];
    bestWidth = Math.max(...best.map(ems));
  }
  const size = Math.max(11, Math.min(20, Math.floor(width / bestWidth)));
  return { lines: best, size };
}

function f(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** A star polygon: the rosette's pleated edge. */
function pleats(cx: number, cy: number, outer: number, inner: number, points: number): string {
  const pts: string[] = [];
  for (let i = 0; i < points * 2; i++) {
    const r = i % 2 === 0 ? outer : inner;
    const a = (Math.PI * i) / points - Math.PI / 2;
    pts.push(`${f(cx + r * Math.cos(a))},${f(cy + r * Math.sin(a))}`);
  }
  return pts.join(' ');
}

/** A laurel branch: leaves along an arc around (cx, cy), mirrored for the other side. */
function laurel(cx: number, cy: number, r: number, side: 1 | -1): string {
  const leaves: string[] = [];
  for (let i = 0; i < 7; i++) {
    const deg = 126 + i * 16;
    const a = (Math.PI / 180) * deg;
    const x = cx + side * r * Math.cos(a);
    const y = cy + r * Math.sin(a);
    // Each leaf leans along the branch, pointing up and out.
    const tilt = side === 1 ? deg + 60 : 180 - deg - 60;
    leaves.push(`<ellipse cx="${f(x)}" cy="${f(y)}" rx="10" ry="4" transform="rotate(${f(tilt)} ${f(x)} ${f(y)})"/>`);
  }
  return leaves.join('');
}

/** A line of text that never runs past `maxWidth`: textLength squeezes it when the estimate says it may. */
function fittedText(x: number, y: number, text: string, size: number, maxWidth: number, attrs: string): string {
  const squeeze = ems(text) * size > maxWidth ? ` textLength="${f(maxWidth)}" lengthAdjust="spacingAndGlyphs"` : '';
  return `<text x="${f(x)}" y="${f(y)}" font-size="${size}"${squeeze} ${attrs}>${xmlText(text)}</text>`;
}

/** The badge as a standalone SVG document (UTF-8 text). */
export function badgeSvg(input: BadgeInput): string {
  const W = BADGE_WIDTH;
  const H = BADGE_HEIGHT;
  const cx = W / 2;
  const year = Number.isInteger(input.year) && input.year >= 1000 && input.year <= 9999 ? String(input.year) : '';
  const label = placeLabel(input.place);
  const ranked = label !== 'Listed';
  const { lines, size } = layoutName(input.name, W - 80);
  // The name band sits between the ribbon tails (down to y 326) and the footer line.
  const nameTop = lines.length === 1 ? 380 : 368;
  const nameBottom = Math.max(394, nameTop + (lines.length - 1) * (size + 4) + 14);
  const title = `${oneLine(input.name, 90) || 'Unnamed site'}: ${ranked ? label : 'listed'} in Best Mentoring Blogs ${year}`.trim();
  const corner = (x: number, y: number) => `<path d="M${x} ${y - 7}L${x + 7} ${y}L${x} ${y + 7}L${x - 7} ${y}Z"/>`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${xmlText(title)}">`,
    `<title>${xmlText(title)}</title>`,
    // The sheet: cream, a heavy red frame, a fine inner rule, diamonds in the corners.
    `<rect x="4" y="4" width="${W - 8}" height="${H - 8}" rx="14" fill="${CREAM}" stroke="${RED}" stroke-width="8"/>`,
    `<rect x="18" y="18" width="${W - 36}" height="${H - 36}" rx="8" fill="none" stroke="${RED}" stroke-width="1.5"/>`,
    `<rect x="24" y="24" width="${W - 48}" height="${H - 48}" rx="6" fill="none" stroke="${RED}" stroke-width="0.75" stroke-dasharray="2 3"/>`,
    `<g fill="${RED}">${corner(18, 18)}${corner(W - 18, 18)}${corner(18, H - 18)}${corner(W - 18, H - 18)}</g>`,
    // Heading.
    `<text x="${cx}" y="66" text-anchor="middle" font-family="${SERIF}" font-size="19" font-weight="bold" letter-spacing="2.5" fill="${RED}">BEST MENTORING BLOGS</text>`,
    `<path d="M70 80H${W - 70}" stroke="${RED}" stroke-width="1"/>`,
    year ? `<text x="${cx}" y="112" text-anchor="middle" font-family="${SERIF}" font-size="30" font-weight="bold" letter-spacing="4" fill="${DARK_RED}">${year}</text>` : '',
    // Ribbon tails behind the rosette.
    `<g fill="${RED}" stroke="${DARK_RED}" stroke-width="1">`,
    `<path d="M${cx - 34} 236L${cx - 58} 318L${cx - 40} 306L${cx - 30} 326L${cx - 8} 246Z"/>`,
    `<path d="M${cx + 34} 236L${cx + 58} 318L${cx + 40} 306L${cx + 30} 326L${cx + 8} 246Z"/>`,
    `</g>`,
    // Laurels around the rosette.
    `<g fill="${RED}" opacity="0.85">${laurel(cx, 196, 82, 1)}${laurel(cx, 196, 82, -1)}</g>`,
    // The rosette: pleated edge, rings, the place.
    `<polygon points="${pleats(cx, 196, 64, 56, 28)}" fill="${RED}"/>`,
    `<circle cx="${cx}" cy="196" r="50" fill="${DARK_RED}"/>`,
    `<circle cx="${cx}" cy="196" r="45" fill="none" stroke="${CREAM}" stroke-width="1.5"/>`,
    `<circle cx="${cx}" cy="196" r="41" fill="none" stroke="${CREAM}" stroke-width="0.6" stroke-dasharray="1.5 2.5"/>`,
    ranked
      ? `<text x="${cx}" y="212" text-anchor="middle" font-family="${SERIF}" font-size="44" font-weight="bold" fill="${CREAM}">${xmlText(label)}</text>`
      : `<text x="${cx}" y="203" text-anchor="middle" font-family="${SERIF}" font-size="19" font-weight="bold" letter-spacing="1.5" fill="${CREAM}">LISTED</text>`,
    // The name, on a ruled band.
    `<path d="M50 342H${W - 50}M50 ${nameBottom}H${W - 50}" stroke="${RED}" stroke-width="0.8"/>`,
    ...lines.map((line, i) => fittedText(cx, nameTop + i * (size + 4), line, size, W - 80, `text-anchor="middle" font-family="${SERIF}" font-style="italic" fill="${DARK_RED}"`)),
    `<text x="${cx}" y="${H - 40}" text-anchor="middle" font-family="${SERIF}" font-size="11" letter-spacing="1.5" fill="${RED}">${ranked ? 'ONE OF THE BEST THREE' : 'SELECTED FOR THE ROUNDUP'}</text>`,
    `</svg>`,
    '',
  ]
    .filter(Boolean)
    .join('\n');
}

/** The SVG as a data: URI (percent-encoded UTF-8: readable, no base64 needed), for an embed without hosting. */
export function badgeDataUri(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

export interface BadgeEmbedInput extends BadgeInput {
  /** Where the badge image is: an http(s) URL or a data:image/svg+xml URI (badgeDataUri). */
  svgUrl: string;
  /** The published roundup (http(s)); without it the badge is not a link. */
  roundupUrl?: string;
}

/** The badge's file name, the same from the CLI and the dashboard: badge-example.org-2026.svg (a port as _8080). */
export function badgeFileName(site: string, year: number): string {
  const safe = site.toLowerCase().replace(/:/g, '_').replace(/[^a-z0-9._-]/g, '-').slice(0, 100) || 'site';
  return `badge-${safe}-${year}.svg`;
}

export class BadgeError extends Error {
  override name = 'BadgeError';
}

function httpUrl(u: string): string | undefined {
  try {
    const url = new URL(u);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The HTML a winner pastes into their site: the badge image, linked to the roundup when its URL
 * is given. Throws BadgeError for a source that is not http(s) or an SVG data URI, or a roundup
 * URL that is not http(s).
 */
export function badgeEmbedHtml(input: BadgeEmbedInput): string {
  const src = input.svgUrl.startsWith('data:image/svg+xml') ? input.svgUrl : httpUrl(input.svgUrl);
  if (!src) throw new BadgeError(`the badge source must be an http(s) URL or a data:image/svg+xml URI, got ${JSON.stringify(input.svgUrl.slice(0, 60))}`);
  let link: string | undefined;
  if (input.roundupUrl !== undefined && input.roundupUrl !== '') {
    link = httpUrl(input.roundupUrl);
    if (!link) throw new BadgeError(`the roundup URL must be http(s), got ${JSON.stringify(input.roundupUrl.slice(0, 60))}`);
  }
  const name = oneLine(input.name, 90) || 'Unnamed site';
  const label = placeLabel(input.place);
  const alt = `${name}: ${label === 'Listed' ? 'listed' : label} in Best Mentoring Blogs ${input.year}`;
  const img = `<img src="${xmlText(src)}" alt="${xmlText(alt)}" width="${BADGE_WIDTH / 2}" height="${BADGE_HEIGHT / 2}">`;
  return link ? `<a href="${xmlText(link)}" title="Best Mentoring Blogs ${input.year}">${img}</a>\n` : `${img}\n`;
}
