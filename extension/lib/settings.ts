// Settings through WXT storage (`local:settings`): roundup year, sync server URL, badge on/off, the
// published roundup's URL (the winner badges link to it); the sync token apart (`local:syncToken`).
import { storage } from 'wxt/utils/storage';
import { safeHttpUrl } from './dom.ts';

export interface Settings {
  /** Freshness is measured against the end of this year; null = the current year. */
  roundupYear: number | null;
  /** `mentor-radar serve` (the crawler's loopback sync API). */
  syncUrl: string;
  /** Show the site's score on the toolbar badge on tabs of known candidates. */
  badge: boolean;
  /** The published roundup (http(s)) the winner badges link to; '' = not yet published. */
  roundupUrl: string;
}

export const DEFAULT_SETTINGS: Settings = {
  roundupYear: null,
  syncUrl: 'http://127.0.0.1:7457',
  badge: true,
  roundupUrl: '',
};

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/** Whatever is stored, cleaned: wrong types fall back to the defaults. */
export function cleanSettings(raw: unknown): Settings {
  const x = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const year = x.roundupYear;
  return {
    roundupYear: Number.isInteger(year) && (year as number) >= 2000 && (year as number) <= 2100 ? (year as number) : null,
    syncUrl: safeHttpUrl(x.syncUrl)?.replace(/\/$/, '') ?? DEFAULT_SETTINGS.syncUrl,
    badge: typeof x.badge === 'boolean' ? x.badge : DEFAULT_SETTINGS.badge,
    roundupUrl: safeHttpUrl(x.roundupUrl) ?? '',
  };
}

export async function getSettings(): Promise<Settings> {
  return cleanSettings(await settingsItem.getValue());
}

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = cleanSettings({ ...(await getSettings()), ...patch });
  await settingsItem.setValue(next);
  return next;
}

/** The year scores are measured against. */
export function roundupYearOf(s: Settings, now: Date = new Date()): number {
  return s.roundupYear ?? now.getUTCFullYear();
}

/**
 * The token of `mentor-radar serve` (its `--show-token`), kept in extension storage apart from the
 * other settings so nothing that shows or logs settings ever carries it.
 */
export const syncTokenItem = storage.defineItem<string>('local:syncToken', { fallback: '' });

/** What the field may hold: the token's characters only, at most 256 of them ('' when junk). */
export function cleanSyncToken(raw: unknown): string {
  const t = typeof raw === 'string' ? raw.trim() : '';
  return /^[A-Za-z0-9_-]{0,256}$/.test(t) ? t : '';
}

export async function getSyncToken(): Promise<string> {
  return cleanSyncToken(await syncTokenItem.getValue());
}

export async function saveSyncToken(token: string): Promise<string> {
  const t = cleanSyncToken(token);
  await syncTokenItem.setValue(t);
  return t;
}
