import { describe, expect, it } from 'vitest';
import { cleanName, jsonLdSiteName, sharedTitlePart, siteIdentity, titleParts, type IdentityPage } from '../../scoring/identity.ts';
import { scorePage, scoreSite } from '../../scoring/index.ts';

const pages = (origin: string, titles: string[], extra: Partial<IdentityPage> = {}): IdentityPage[] =>
  titles.map((title, i) => ({ url: `${origin}/${i === 0 ? '' : `p${i}`}`, title, ...extra }));

describe('siteIdentity: og:site_name, JSON-LD, shared title part, feed title, home title, host', () => {
  it.each([
    [['Five habits – Second Chair', 'Listening first — Second Chair', 'Second Chair', 'About – Second Chair'], 'Second Chair'],
    [['Contents - LSU Mentoring Handbook', 'Chapter 2: Matching - LSU Mentoring Handbook', 'Evaluation - LSU Mentoring Handbook'], 'LSU Mentoring Handbook'],
    [['About | Bridgeway Youth Mentoring Alliance', 'Programs | Bridgeway Youth Mentoring Alliance', 'Home | Bridgeway Youth Mentoring Alliance'], 'Bridgeway Youth Mentoring Alliance'],
    [['Mentor Notes · How to listen', 'Mentor Notes · Goals', 'Mentor Notes · Feedback'], 'Mentor Notes'],
    [['Blog: First meetings', 'Blog: Boundaries', 'Quiet Desk: About'], ''],
  ])('the shared title part of %j is %j', (titles, name) => {
    expect(sharedTitlePart(titles)).toBe(name);
  });

  it('takes og:site_name first, then the JSON-LD name, whatever the titles say', () => {
    const titles = ['Five habits – Second Chair', 'Listening – Second Chair'];
    expect(siteIdentity(pages('https://a.example', titles, { siteName: 'Chair Media', jsonLdSiteName: 'Chair Org' }), { site: 'https://a.example' })).toEqual({ name: 'Chair Media', source: 'site-name' });
    expect(siteIdentity(pages('https://a.example', titles, { jsonLdSiteName: 'Chair Org' }), { site: 'https://a.example' })).toEqual({ name: 'Chair Org', source: 'json-ld' });
    expect(siteIdentity(pages('https://a.example', titles), { site: 'https://a.example', feedTitle: 'Feed' })).toEqual({ name: 'Second Chair', source: 'shared-title' });
  });

  it('votes across pages: the most common site name, case-insensitively, whatever the page order', () => {
    const ps: IdentityPage[] = [
      { url: 'https://a.example/1', title: 'x', siteName: 'Acme' },
      { url: 'https://a.example/2', title: 'y', siteName: 'ACME' },
      { url: 'https://a.example/3', title: 'z', siteName: 'Acme' },
      { url: 'https://a.example/4', title: 'w', siteName: 'Other' },
    ];
    expect(siteIdentity(ps, { site: 'https://a.example' }).name).toBe('Acme');
    expect(siteIdentity([...ps].reverse(), { site: 'https://a.example' }).name).toBe('Acme');
  });

  it('then the feed title, then the home page title without generic parts, then the host', () => {
    const one = [{ url: 'https://www.a.example/post', title: 'Five habits – Second Chair' }];
    expect(siteIdentity(one, { site: 'https://www.a.example', feedTitle: '  Second Chair\n' })).toEqual({ name: 'Second Chair', source: 'feed-title' });
    const home = [{ url: 'https://a.example/', title: 'Home | Bridgeway' }, { url: 'https://a.example/x', title: 'Something else entirely' }];
    expect(siteIdentity(home, { site: 'https://a.example' })).toEqual({ name: 'Bridgeway', source: 'home-title' });
    expect(siteIdentity(one, { site: 'https://www.a.example:8080' })).toEqual({ name: 'a.example', source: 'host' });
  });

  it('is robust to hostile strings: controls, bidi, huge titles, entities already decoded', () => {
    expect(cleanName('  Second\u0000 \u202EChair\u200B\t')).toBe('Second Chair');
    expect(cleanName('Tom &amp; Jerry')).toBe('Tom &amp; Jerry'); // never decoded twice
    expect(cleanName('— · —')).toBe('');
    expect(cleanName('x'.repeat(500)).length).toBeLessThanOrEqual(120);
    const huge = `${'word '.repeat(200_000)}– Second Chair`;
    const t0 = performance.now();
    expect(titleParts(huge)).toEqual([]); // one part far too long for a name
    expect(sharedTitlePart([huge, huge, `A – Second Chair`])).not.toBe('Second Chair'); // the huge title is cut long before its end
    expect(performance.now() - t0).toBeLessThan(500);
    const evil = '<script>alert(1)</script> – Second Chair';
    expect(siteIdentity(pages('https://a.example', [evil, evil]), { site: 'https://a.example' }).name).toBe('Second Chair');
  });
});

describe('jsonLdSiteName', () => {
  it('prefers a WebSite name, then an Organization (or subtype), anywhere in the graph', () => {
    expect(jsonLdSiteName([{ '@context': 'https://schema.org', '@graph': [{ '@type': 'Organization', name: 'Org' }, { '@type': 'WebSite', name: 'The Site' }] }])).toBe('The Site');
    expect(jsonLdSiteName([{ '@type': 'BlogPosting', publisher: { '@type': 'NGO', name: 'Bridgeway' } }])).toBe('Bridgeway');
    expect(jsonLdSiteName([{ '@type': ['schema:WebSite'], name: ['First', 'Second'] }])).toBe('First');
    expect(jsonLdSiteName([{ '@type': 'Person', name: 'Jane' }])).toBeUndefined();
  });

  it('walks a bounded part of hostile JSON-LD quickly', () => {
    let deep: unknown = { '@type': 'WebSite', name: 'Too deep' };
    for (let i = 0; i < 10_000; i++) deep = { child: deep };
    const wide = Array.from({ length: 100_000 }, () => ({ '@type': 'Thing' }));
    const t0 = performance.now();
    expect(jsonLdSiteName([deep, wide])).toBeUndefined();
    expect(performance.now() - t0).toBeLessThan(200);
  });
});

describe('scoreSite names sites from their pages', () => {
  const html = (title: string, head = '') => `<html><head><title>${title}</title>${head}</head><body><article><h1>${title}</h1><p>Mentoring advice for new mentors: listen first, keep promises.</p></article></body></html>`;

  it('the shared title part when there is no site name', () => {
    const ps = ['Five habits &ndash; Second Chair', 'Listening &ndash; Second Chair', 'About &ndash; Second Chair'].map((t, i) => scorePage({ url: `http://127.0.0.12/${i}`, html: html(t), roundupYear: 2026 }));
    expect(scoreSite(ps, { roundupYear: 2026 }).name).toBe('Second Chair');
  });

  it('the JSON-LD WebSite name, and og:site_name over it', () => {
    const ld = '<script type="application/ld+json">{"@context":"https://schema.org","@type":"WebSite","name":"Bridgeway Youth Mentoring Alliance"}</script>';
    const a = scorePage({ url: 'https://b.example/', html: html('Home', ld), roundupYear: 2026 });
    expect(a.jsonLdSiteName).toBe('Bridgeway Youth Mentoring Alliance');
    expect(scoreSite([a], { roundupYear: 2026 }).name).toBe('Bridgeway Youth Mentoring Alliance');
    const og = scorePage({ url: 'https://b.example/x', html: html('X', `${ld}<meta property="og:site_name" content="Bridgeway">`), roundupYear: 2026 });
    expect(scoreSite([a, og], { roundupYear: 2026 }).name).toBe('Bridgeway');
  });

  it('the feed title passed with the activity', () => {
    const p = scorePage({ url: 'https://c.example/post', html: html('A post'), roundupYear: 2026 });
    expect(scoreSite([p], { roundupYear: 2026, activity: { postDates: [], feedTitle: 'Coordinator Corner' } }).name).toBe('Coordinator Corner');
    expect(scoreSite([p], { roundupYear: 2026 }).name).toBe('c.example');
  });
});
