import { describe, expect, it } from 'vitest';
import { normalisePageUrl, siteKey, siteOrigin } from '../../scoring/url.ts';

describe('normalisePageUrl', () => {
  it('drops tracking parameters, fragments, default ports and credentials, keeps the rest in order', () => {
    expect(normalisePageUrl('https://Blog.Example:443/post?utm_source=newsletter&id=2&fbclid=x#top')).toBe('https://blog.example/post?id=2');
    expect(normalisePageUrl('http://a.example:80/p?b=1&a=2&gclid=1&mc_cid=2&mc_eid=3&_hsenc=4&ref=home')).toBe('http://a.example/p?b=1&a=2');
    expect(normalisePageUrl('https://user:pw@a.example./x')).toBe('https://a.example/x');
    expect(normalisePageUrl('https://a.example:8443/x?UTM_Medium=mail')).toBe('https://a.example:8443/x');
  });

  it('resolves against a base and refuses what is not http(s)', () => {
    expect(normalisePageUrl('../a?utm_campaign=z', 'https://a.example/b/c')).toBe('https://a.example/a');
    expect(normalisePageUrl('mailto:someone@a.example')).toBeUndefined();
    expect(normalisePageUrl('javascript:alert(1)')).toBeUndefined();
    expect(normalisePageUrl('not a url')).toBeUndefined();
  });

  it('is idempotent', () => {
    const urls = ['https://a.example/p?x=1&utm_term=a#f', 'http://b.example:8080/', 'https://c.example/%C3%A9t%C3%A9?q=caf%C3%A9'];
    for (const u of urls) {
      const once = normalisePageUrl(u)!;
      expect(normalisePageUrl(once)).toBe(once);
    }
  });
});

describe('siteKey', () => {
  it('names a site by its host without www and default ports', () => {
    expect(siteKey('https://www.Example.org:443/a')).toBe('example.org');
    expect(siteKey('127.0.0.2:8080')).toBe('127.0.0.2:8080');
    expect(siteOrigin('https://example.org/a/b')).toBe('https://example.org');
    expect(() => siteKey('javascript:alert(1)')).toThrow(/not an http/);
  });
});
