import { describe, expect, it } from 'vitest';
import { emptyReport, formatReport } from '../../crawler/report.ts';

describe('formatReport', () => {
  it('lists errors by kind, most frequent first, with the harvest rate', () => {
    const r = { ...emptyReport('2026-11-24T00:00:00Z'), crawlId: 4, pagesFetched: 10, pagesScored: 9, relevantPages: 4, harvestRate: 0.4, errors: { timeout: 1, 'http-500': 3 } };
    const text = formatReport(r);
    expect(text).toContain('harvest rate 40.0%');
    expect(text).toContain('errors         4 (http-500 3, timeout 1)');
    expect(text).not.toContain('no host could be reached');
  });

  it('says when no host at all could be reached (no network), instead of a silent empty crawl', () => {
    const r = { ...emptyReport('2026-11-24T00:00:00Z'), blockedHosts: 17, errors: { 'robots-unreachable': 17 } };
    expect(formatReport(r)).toContain('no host could be reached: check the network');
  });
});
