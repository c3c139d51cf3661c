// Character classes for the hand-written tokenisers (nlp.ts, lang.ts): a table lookup per code unit.
// Letters (any script) and digits make words; an inner apostrophe keeps "don't" and "mentor's" whole.
// A hand-written scanner (linear, no regex per token): tokenising is the hot loop of scoring.
const WORD_CHAR_RE = /[\p{L}\p{N}]/u;
const LETTER_RE = /\p{L}/u;
// 0 = unknown, 1 = letter, 2 = digit/number, 3 = neither (for non-ASCII code units).
const charClass = new Uint8Array(65536);
/** 1 = letter, 2 = digit or other word character, 3 = separator. */
const ASCII_CLASS = new Uint8Array(128).map((_, c) => ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? 1 : c >= 48 && c <= 57 ? 2 : 3));
export function classOf(c: number): number {
  if (c < 128) return ASCII_CLASS[c];
  let k = charClass[c];
  if (k === 0) {
    const ch = String.fromCharCode(c);
    k = LETTER_RE.test(ch) ? 1 : WORD_CHAR_RE.test(ch) ? 2 : 3;
    charClass[c] = k;
  }
  return k;
}

/** JavaScript's \s (white space and line terminators), by code unit. */
export function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
