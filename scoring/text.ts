// Display text from untrusted sources (page titles, names, imports): one line, no control or
// invisible formatting characters, bounded. Used by identity, outreach, the roundup and the badge.

/**
 * C0/C1 controls, DEL, bidi embeddings/overrides/isolates, zero-width space and no-break, BOM,
 * line/paragraph separators and other whitespace. ZWJ (U+200D) stays: emoji sequences need it.
 */
// eslint-disable-next-line no-control-regex
const INVISIBLE_OR_SPACE_RE = /[\u0000-\u0020\u007F-\u00A0\u1680\u180E\u2000-\u200C\u200E\u200F\u2028-\u202F\u205F-\u2064\u2066-\u206F\u3000\uFEFF]+/g;

/**
 * One line of text: every run of whitespace, control or invisible formatting characters becomes
 * one space, trimmed, and cut to at most `max` characters (on a code point boundary, with "…").
 */
export function oneLine(s: unknown, max = 300): string {
  if (typeof s !== 'string' || s === '') return '';
  // Bound the work on huge input before the regex pass: nothing past this is ever shown.
  const head = s.length > max * 4 + 64 ? s.slice(0, max * 4 + 64) : s;
  const t = head.replace(LONE_SURROGATE_RE, '').replace(INVISIBLE_OR_SPACE_RE, ' ').trim();
  return cut(t, max);
}

/** Half of a surrogate pair without its other half: not a character, and invalid in UTF-8 and XML. */
const LONE_SURROGATE_RE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `s` cut to at most `max` UTF-16 units without splitting a surrogate pair, "…" marking the cut. */
export function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = Math.max(0, max - 1);
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return `${s.slice(0, end).trimEnd()}…`;
}
