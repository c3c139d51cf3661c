// The production build asks for no host access: no host_permissions, no <all_urls> anywhere.
// (Only the test-only build in .output/e2e-chrome-mv3 may read http://127.0.0.1/* pages.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { E2E_EXT_DIR, PROD_EXT_DIR } from './harness.ts';

const read = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;

describe('built manifests', () => {
  it('production (.output/chrome-mv3): MV3, no host permissions, no <all_urls>, default CSP', () => {
    const m = read(PROD_EXT_DIR);
    const raw = readFileSync(join(PROD_EXT_DIR, 'manifest.json'), 'utf8');
    expect(m.manifest_version).toBe(3);
    expect(m.host_permissions).toBeUndefined();
    expect(m.optional_host_permissions).toBeUndefined();
    expect(raw).not.toContain('<all_urls>');
    expect(raw).not.toMatch(/"\*:\/\/\*\/\*"|https?:\/\/\*\//);
    expect(m.content_scripts).toBeUndefined();
    expect(m.content_security_policy).toBeUndefined();
    const perms = m.permissions as string[];
    expect(perms).toEqual(expect.arrayContaining(['activeTab', 'scripting', 'storage']));
    expect(perms).not.toContain('tabs');
  });

  it('the e2e variant differs only by loopback host access, in its own output dir', () => {
    const prod = read(PROD_EXT_DIR);
    const e2e = read(E2E_EXT_DIR);
    expect(e2e.host_permissions).toEqual(['http://127.0.0.1/*']);
    const { host_permissions: _h, ...rest } = e2e;
    expect(rest).toEqual(prod);
  });
});
