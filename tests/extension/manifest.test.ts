// The production build: MV3, the narrow permission list, no host permissions, default CSP; the
// e2e variant (MENTOR_RADAR_E2E=1) is the only one with loopback host access, in its own folder.
import { mkdtempSync, readFileSync, rmSync, existsSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const tmp = mkdtempSync(join(tmpdir(), 'mentor-radar-manifest-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function buildInto(outDir: string, env: Record<string, string | undefined>): Promise<{ dir: string; manifest: Record<string, unknown> }> {
  const saved = process.env.MENTOR_RADAR_E2E;
  if (env.MENTOR_RADAR_E2E === undefined) delete process.env.MENTOR_RADAR_E2E;
  else process.env.MENTOR_RADAR_E2E = env.MENTOR_RADAR_E2E;
  try {
    const { build } = await import('wxt');
    await build({ root: process.cwd(), outDir, logger: { debug() {}, info() {}, warn() {}, error() {}, fatal() {}, success() {}, log() {}, box() {}, level: 0 } as never });
  } finally {
    if (saved === undefined) delete process.env.MENTOR_RADAR_E2E;
    else process.env.MENTOR_RADAR_E2E = saved;
  }
  const [dir] = readdirSync(outDir).filter((d) => statSync(join(outDir, d)).isDirectory() && existsSync(join(outDir, d, 'manifest.json')));
  return { dir, manifest: JSON.parse(readFileSync(join(outDir, dir, 'manifest.json'), 'utf8')) };
}

describe('manifest', () => {
  it('production build: narrow permissions, no host permissions, default CSP, the bookmark command', async () => {
    const { dir, manifest } = await buildInto(join(tmp, 'prod'), { MENTOR_RADAR_E2E: undefined });
    expect(dir).toBe('chrome-mv3');
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.permissions).toEqual(['activeTab', 'scripting', 'storage', 'contextMenus', 'unlimitedStorage']);
    expect(manifest.optional_permissions).toEqual(['tabs']);
    expect(manifest.host_permissions).toBeUndefined();
    expect(manifest.optional_host_permissions).toBeUndefined();
    expect(manifest.content_scripts).toBeUndefined();
    expect(manifest.content_security_policy).toBeUndefined(); // MV3 default CSP
    expect(manifest.externally_connectable).toBeUndefined();
    expect(JSON.stringify(manifest)).not.toContain('<all_urls>');
    expect(manifest.commands).toMatchObject({ bookmark: { suggested_key: { default: 'Alt+Shift+M' } } });
    expect(manifest.background).toEqual({ service_worker: 'background.js' });
    expect((manifest.action as { default_popup?: string }).default_popup).toBe('popup.html');
    expect(manifest.icons).toEqual({ '16': 'icon/16.png', '32': 'icon/32.png', '48': 'icon/48.png', '128': 'icon/128.png' });
  });

  it('the e2e variant adds only loopback host access and builds into its own folder', async () => {
    const { dir, manifest } = await buildInto(join(tmp, 'e2e'), { MENTOR_RADAR_E2E: '1' });
    expect(dir).toBe('e2e-chrome-mv3');
    expect(manifest.host_permissions).toEqual(['http://127.0.0.1/*']);
  });
});
