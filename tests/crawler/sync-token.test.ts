// The sync token: random, made once (also when two processes race), compared in constant time.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bearerMatches, loadOrCreateToken, newToken, tokenPathFor } from '../../crawler/sync-token.ts';
import { tempDir } from './commands/helpers.ts';

describe('sync token', () => {
  it('is 32 random bytes, base64url, different every time', () => {
    const seen = new Set(Array.from({ length: 50 }, () => newToken()));
    expect(seen.size).toBe(50);
    for (const t of seen) expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('is made once beside the store (in a new folder too), mode 0600, then read back', () => {
    const tmp = tempDir();
    try {
      const path = tokenPathFor(join(tmp.dir, 'nested', 'store.db'));
      expect(path.endsWith('store.db.token')).toBe(true);
      const first = loadOrCreateToken(path);
      expect(first.created).toBe(true);
      if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
      expect(readFileSync(path, 'utf8')).toBe(`${first.token}\n`);
      expect(loadOrCreateToken(path)).toEqual({ token: first.token, created: false });
    } finally {
      tmp.cleanup();
    }
  });

  it('matches only "Bearer <token>" exactly', () => {
    const t = newToken();
    expect(bearerMatches(`Bearer ${t}`, t)).toBe(true);
    expect(bearerMatches(`bearer  ${t} `, t)).toBe(true);
    for (const h of [undefined, '', 'Bearer', `Bearer ${t.slice(1)}`, `Bearer ${t}x`, t, `Basic ${t}`, `Bearer ${t} extra`]) expect(bearerMatches(h, t), String(h)).toBe(false);
  });
});
