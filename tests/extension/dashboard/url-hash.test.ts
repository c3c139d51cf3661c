// The view in the URL hash: written compactly, read back validated (junk means "any").
import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../../extension/lib/dashboard/model.ts';
import { viewFromHash, viewToHash } from '../../../extension/lib/dashboard/url-hash.ts';

describe('URL hash', () => {
  it('round-trips filters and sort; the default view is an empty hash', () => {
    expect(viewToHash({ filters: NO_FILTERS, sort: 'score' })).toBe('');
    const v = { filters: { query: 'first meeting', kind: 'blog' as const, decision: 'include' as const, source: 'crawl' as const, year: 2025 }, sort: 'quality' as const };
    const h = viewToHash(v);
    expect(h).toBe('q=first+meeting&kind=blog&decision=include&source=crawl&year=2025&sort=quality');
    expect(viewFromHash(`#${h}`)).toEqual(v);
  });

  it('ignores junk values', () => {
    expect(viewFromHash('#kind=<img>&decision=evil&year=x&sort=__proto__')).toEqual({ filters: NO_FILTERS, sort: 'score' });
    expect(viewFromHash('')).toEqual({ filters: NO_FILTERS, sort: 'score' });
  });
});

describe('compare in the hash', () => {
  it('keeps two or three site keys, drops junk and repeats', () => {
    const h = viewToHash({ filters: NO_FILTERS, sort: 'score', compare: ['a.example', '127.0.0.1:8080'] });
    expect(h).toBe('compare=a.example%2C127.0.0.1%3A8080');
    expect(viewFromHash(h).compare).toEqual(['a.example', '127.0.0.1:8080']);
    expect(viewFromHash('#compare=a.example,<img>,a.example,b.example,c.example,d.example').compare).toEqual(['a.example', 'b.example', 'c.example']);
    expect(viewFromHash('#compare=').compare).toBeUndefined();
  });
});

describe('the roundup view in the hash', () => {
  it('view=roundup opens it, shortlist=1 adds the shortlist; anything else is the list', () => {
    const h = viewToHash({ filters: NO_FILTERS, sort: 'score', roundup: true, withShortlist: true });
    expect(h).toBe('view=roundup&shortlist=1');
    expect(viewFromHash(`#${h}`)).toEqual({ filters: NO_FILTERS, sort: 'score', roundup: true, withShortlist: true });
    expect(viewFromHash('#view=<img>&shortlist=yes')).toEqual({ filters: NO_FILTERS, sort: 'score' });
  });
});
