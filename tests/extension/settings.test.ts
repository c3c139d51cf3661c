// Settings through WXT storage (local:settings): defaults, cleaning of bad values, persistence.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_SETTINGS, cleanSettings, cleanSyncToken, getSettings, getSyncToken, roundupYearOf, saveSettings, saveSyncToken, settingsItem } from '../../extension/lib/settings.ts';

beforeEach(() => fakeBrowser.reset());

describe('settings', () => {
  it('defaults: this year, the local mentor-radar serve, badge on', async () => {
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.syncUrl).toBe('http://127.0.0.1:7457');
    expect(roundupYearOf(DEFAULT_SETTINGS, new Date('2027-03-01T00:00:00Z'))).toBe(2027);
  });

  it('saves to browser.storage.local and reads back', async () => {
    await saveSettings({ roundupYear: 2025, badge: false });
    expect(await getSettings()).toEqual({ roundupYear: 2025, syncUrl: 'http://127.0.0.1:7457', badge: false, roundupUrl: '' });
    await saveSettings({ roundupUrl: 'https://mentoring.example/best-2025' });
    expect((await getSettings()).roundupUrl).toBe('https://mentoring.example/best-2025');
    expect((await fakeBrowser.storage.local.get('settings')).settings).toMatchObject({ roundupYear: 2025, badge: false });
    expect(roundupYearOf(await getSettings())).toBe(2025);
  });

  it('bad stored values fall back to the defaults', async () => {
    await settingsItem.setValue({ roundupYear: 'soon', syncUrl: 'javascript:alert(1)', badge: 'yes', roundupUrl: 'javascript:alert(2)' } as never);
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
    expect(cleanSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(cleanSettings({ roundupYear: 1999 })).toEqual(DEFAULT_SETTINGS);
    expect(cleanSettings({ syncUrl: 'http://127.0.0.1:9000/' }).syncUrl).toBe('http://127.0.0.1:9000');
  });
});

describe('sync token', () => {
  it('is kept apart from the settings, trimmed, and junk is dropped', async () => {
    expect(await getSyncToken()).toBe('');
    const t = 'Abc_def-0123456789abcdefghijklmnopqrstuvwxy';
    expect(await saveSyncToken(`  ${t}\n`)).toBe(t);
    expect(await getSyncToken()).toBe(t);
    expect((await fakeBrowser.storage.local.get('syncToken')).syncToken).toBe(t);
    expect(JSON.stringify(await getSettings())).not.toContain(t);
    expect(cleanSyncToken('<script>')).toBe('');
    expect(cleanSyncToken(42)).toBe('');
  });
});
