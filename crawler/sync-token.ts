// The sync API's bearer token: made once per store with the OS's cryptographic random source,
// kept beside the store (`<db>.token`, mode 0600: only its owner may read it), compared in
// constant time. Any local process or installed extension can reach 127.0.0.1, so the token is
// what stands between them and the curator's decisions.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** 32 random bytes, base64url: 43 characters. */
export const TOKEN_BYTES = 32;
const TOKEN_RE = /^[A-Za-z0-9_-]{32,256}$/;

export class TokenError extends Error {
  override name = 'TokenError';
}

/** Where the token of the store at `dbPath` lives. */
export function tokenPathFor(dbPath: string): string {
  return `${dbPath}.token`;
}

export function newToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

function readToken(path: string): string {
  const token = readFileSync(path, 'utf8').trim();
  if (!TOKEN_RE.test(token)) throw new TokenError(`the sync token file ${path} is damaged: delete it and run serve again to make a new one`);
  // Someone loosened its permissions: only the owner may read it.
  if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  return token;
}

/**
 * The store's token, made on first use. `created` says whether this call made it. Two processes
 * starting at once agree: the file is created exclusively, and the loser reads the winner's.
 */
export function loadOrCreateToken(path: string): { token: string; created: boolean } {
  try {
    return { token: readToken(path), created: false };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  const token = newToken();
  mkdirSync(dirname(path), { recursive: true });
  try {
    writeFileSync(path, token + '\n', { mode: 0o600, flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return { token: readToken(path), created: false };
    throw e;
  }
  if (process.platform !== 'win32') chmodSync(path, 0o600);
  return { token, created: true };
}

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/**
 * True when an `Authorization` header carries exactly `Bearer <token>`. The comparison takes the
 * same time whatever the guess (fixed-length digests through timingSafeEqual).
 */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? '');
  const given = m ? m[1] : '';
  const same = timingSafeEqual(digest(given), digest(token));
  return same && given.length > 0;
}
