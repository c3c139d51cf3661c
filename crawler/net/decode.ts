// Bytes to text, with one set of rules for the crawl and `score FILE` (after the WHATWG
// Encoding Standard's sniffing): a BOM wins (UTF-8, UTF-16LE/BE); then the charset the HTTP
// header declares (BOM-less UTF-16 included); then `<meta charset>` in the first 1024 bytes (a
// meta claiming UTF-16 on ASCII-compatible bytes means UTF-8); then, with no declaration,
// UTF-8 when the bytes are valid UTF-8, else windows-1252 (so "café" saved as Latin-1 stays
// "café"). Decoding is iconv-lite's (Node 20's TextDecoder reads windows-1252 as Latin-1).
import iconv from 'iconv-lite';

export interface Decoded {
  text: string;
  /** The encoding used (iconv-lite's name, lower case). */
  charset: string;
}

/** Text with a NUL in its first 8 KB once decoded is binary (an image, an archive, a database). */
export class BinaryContentError extends Error {
  constructor() {
    super('binary content, not text');
    this.name = 'BinaryContentError';
  }
}

function bomCharset(b: Uint8Array): { charset: string; skip: number } | undefined {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { charset: 'utf-8', skip: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { charset: 'utf-16le', skip: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { charset: 'utf-16be', skip: 2 };
  return undefined;
}

/** BOM-less UTF-16 text (a saved file has no header): NULs at every other byte of ASCII markup. */
function utf16Pattern(b: Uint8Array): string | undefined {
  const n = Math.min(b.length - (b.length % 2), 512);
  if (n < 8) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0 && b[i + 1] !== 0) evenZero++;
    if (b[i + 1] === 0 && b[i] !== 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > 0.9 * pairs) return 'utf-16le';
  if (evenZero > 0.9 * pairs) return 'utf-16be';
  return undefined;
}

/** iconv-lite's canonical name for a label, or undefined when it has no such encoding. */
function known(label: string | undefined): string | undefined {
  if (!label) return undefined;
  const l = label.trim().toLowerCase();
  if (!iconv.encodingExists(l)) return undefined;
  // WHATWG: these labels all mean windows-1252 on the web.
  if (l === 'iso-8859-1' || l === 'latin1' || l === 'us-ascii' || l === 'ascii' || l === 'l1') return 'windows-1252';
  if (l === 'utf-16') return 'utf-16le';
  return l;
}

function headerCharset(contentType: string | undefined): string | undefined {
  return /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '')?.[1];
}

function metaCharset(b: Uint8Array): string | undefined {
  const head = Buffer.from(b.buffer, b.byteOffset, Math.min(b.length, 1024)).toString('latin1');
  return /<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_.:-]+)/i.exec(head)?.[1];
}

function isUtf8(b: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}

/** Decodes a body (or a local file: no header) by the rules above. */
export function decodeBody(bytes: Uint8Array, contentType?: string): Decoded {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bom = bomCharset(bytes);
  if (bom) return { text: iconv.decode(buf.subarray(bom.skip), bom.charset), charset: bom.charset };
  let charset = known(headerCharset(contentType)) ?? (contentType === undefined ? utf16Pattern(bytes) : undefined);
  if (!charset) {
    const meta = known(metaCharset(bytes));
    if (meta) charset = meta.startsWith('utf-16') ? 'utf-8' : meta;
  }
  if (!charset) charset = isUtf8(bytes) ? 'utf-8' : 'windows-1252';
  return { text: iconv.decode(buf, charset), charset };
}

/** decodeBody, refusing binary content (a NUL in the first 8 KB of the decoded text). */
export function decodeText(bytes: Uint8Array, contentType?: string): Decoded {
  const d = decodeBody(bytes, contentType);
  if (d.text.slice(0, 8192).includes('\u0000')) throw new BinaryContentError();
  return d;
}
