import { describe, expect, it } from 'vitest';
import { extract } from '../../scoring/extract.ts';
import { cleanAuthor, emailsInText, mailtoAddress, pageOutreach, siteOutreach, socialProfile } from '../../scoring/outreach.ts';
import { siteQuotes } from '../../scoring/quotes.ts';
import { candidatesToJson, newCandidate, parseCandidates, scorePage, scoreSite } from '../../scoring/index.ts';
import type { PageScore } from '../../scoring/types.ts';

describe('socialProfile: profiles only, normalised', () => {
  it.each([
    ['https://www.linkedin.com/in/jane-doe/', 'linkedin', 'https://www.linkedin.com/in/jane-doe'],
    ['http://uk.linkedin.com/company/bridgeway?trk=x', 'linkedin', 'https://www.linkedin.com/company/bridgeway'],
    ['https://twitter.com/JaneDoe', 'x', 'https://x.com/JaneDoe'],
    ['https://mobile.twitter.com/JaneDoe/', 'x', 'https://x.com/JaneDoe'],
    ['https://x.com/jane_doe?ref=1', 'x', 'https://x.com/jane_doe'],
    ['https://mastodon.social/@jane', 'mastodon', 'https://mastodon.social/@jane'],
    ['https://fosstodon.org/@jane/', 'mastodon', 'https://fosstodon.org/@jane'],
    ['https://bsky.app/profile/Jane.bsky.social', 'bluesky', 'https://bsky.app/profile/jane.bsky.social'],
    ['https://m.facebook.com/BridgewayMentoring', 'facebook', 'https://www.facebook.com/BridgewayMentoring'],
    ['https://www.facebook.com/profile.php?id=1000123', 'facebook', 'https://www.facebook.com/profile.php?id=1000123'],
    ['https://instagram.com/second.chair/', 'instagram', 'https://www.instagram.com/second.chair'],
    ['https://www.youtube.com/@SecondChair', 'youtube', 'https://www.youtube.com/@SecondChair'],
    ['https://youtube.com/channel/UC123abc', 'youtube', 'https://www.youtube.com/channel/UC123abc'],
  ])('%s is a %s profile', (href, network, url) => {
    expect(socialProfile(href)).toEqual({ network, url });
    expect(socialProfile(url)).toEqual({ network, url }); // normalising twice changes nothing (CSV import relies on it)
  });

  it.each([
    'https://twitter.com/intent/tweet?text=hi',
    'https://twitter.com/share?url=x',
    'https://x.com/jane/status/123',
    'https://www.facebook.com/sharer/sharer.php?u=x',
    'https://www.facebook.com/sharer.php?u=x',
    'https://www.facebook.com/dialog/share',
    'https://www.linkedin.com/shareArticle?mini=true',
    'https://www.linkedin.com/sharing/share-offsite/?url=x',
    'https://bsky.app/intent/compose?text=x',
    'https://bsky.app/profile/jane/post/3k',
    'https://www.instagram.com/p/Cx123/',
    'https://www.youtube.com/watch?v=abc',
    'https://www.youtube.com/embed/abc',
    'https://medium.com/@jane',
    'https://www.tiktok.com/@jane',
    'javascript:alert(1)//twitter.com/x',
    'https://example.org/about',
  ])('%s is not a profile', (href) => {
    expect(socialProfile(href)).toBeUndefined();
  });
});

describe('emails', () => {
  it('reads mailto links (first address, no query, percent-decoded) and skips non-addresses', () => {
    expect(mailtoAddress('mailto:Jane.Doe@Example.ORG?subject=Hi')).toBe('Jane.Doe@example.org');
    expect(mailtoAddress('MAILTO:ann%40example.org,bob@example.org')).toBe('ann@example.org');
    expect(mailtoAddress('mailto:')).toBe('');
    expect(mailtoAddress('https://example.org')).toBe('');
  });

  it('finds plain and obviously obfuscated addresses in text, not image names', () => {
    expect(emailsInText('Write to jane@example.org, or ann [at] bridgeway [dot] org. Logo: logo@2x.png')).toEqual(['jane@example.org', 'ann@bridgeway.org']);
    expect(emailsInText('contact: bob(at)mentors(dot)example.com or CAROL AT EXAMPLE DOT NET')).toEqual(['bob@mentors.example.com', 'CAROL@example.net']);
    expect(emailsInText('we meet at noon at the library (at) 5')).toEqual([]);
    // White space of any kind between the bracket and "at"; "AT" between spaces of any kind.
    expect(emailsInText('dan{\u00a0at\u2003}example{dot}org')).toEqual(['dan@example.org']);
    expect(emailsInText('ed\u3000AT\u3000example DOT org')).toEqual(['ed@example.org']);
  });

  it('is linear on pathological text', () => {
    const t0 = performance.now();
    emailsInText('a'.repeat(200_000));
    emailsInText('@'.repeat(200_000));
    emailsInText(`${'a.'.repeat(100_000)}@`);
    emailsInText('(at) '.repeat(40_000));
    emailsInText(`(${' '.repeat(200_000)}`);
    expect(performance.now() - t0).toBeLessThan(300);
  });
});

describe('cleanAuthor', () => {
  it.each([
    ['By Jane Doe', 'Jane Doe'],
    ['Posted by  Ann Berg,', 'Ann Berg'],
    ['View all posts by Ann Berg', 'Ann Berg'],
    ['admin', ''],
    ['https://example.org/jane', ''],
    ['jane@example.org', ''],
    ['A very long line that is certainly not a person’s name at all, is it', ''],
  ])('%j -> %j', (raw, name) => {
    expect(cleanAuthor(raw)).toBe(name);
  });
});

const POST = (extra = '') => `<!doctype html><html><head><title>Five habits – Second Chair</title>
<meta name="author" content="Ann Berg">
<script type="application/ld+json">{"@type":"BlogPosting","author":{"@type":"Person","name":"Ann Berg"},"publisher":{"@type":"Organization","name":"Second Chair"}}</script>
</head><body>
<header><nav><a href="/contact">Contact</a></nav></header>
<article><h1>Five habits of a new mentor</h1><p class="byline">By <a rel="author" href="/author/ann">Ann Berg</a></p>
<p>Meet often, listen, and keep your promises: the three habits of every good mentor. Mentoring is a relationship.</p>
<p>Read what <a href="https://www.linkedin.com/in/someone-else">a guest</a> wrote about it. Questions? Write to ann [at] second-chair [dot] example.</p>
<p><a href="https://twitter.com/intent/tweet?url=x">Share on X</a> <a href="https://www.facebook.com/sharer/sharer.php?u=x">Share</a></p>${extra}
</article>
<footer><a href="mailto:hello@second-chair.example?subject=Hi">Email us</a>
<a href="https://www.linkedin.com/company/second-chair/">LinkedIn</a> <a rel="me" href="https://mastodon.social/@secondchair">Mastodon</a>
<a href="https://twitter.com/SecondChair">X</a></footer></body></html>`;

describe('pageOutreach and siteOutreach', () => {
  it('reads author, contact page, addresses and the site’s own profiles from a page, share links left out', () => {
    const o = pageOutreach(extract({ url: 'https://second-chair.example/five-habits', html: POST() }));
    expect(o?.authors).toEqual(['Ann Berg']);
    expect(o?.contactUrls).toEqual(['https://second-chair.example/contact']);
    expect(o?.emails).toEqual(['hello@second-chair.example', 'ann@second-chair.example']);
    expect(o?.social?.map((s) => s.url)).toEqual([
      'https://www.linkedin.com/company/second-chair',
      'https://mastodon.social/@secondchair',
      'https://x.com/SecondChair',
      'https://www.linkedin.com/in/someone-else',
    ]);
    expect(pageOutreach(extract({ url: 'https://a.example/', html: '<p>Nothing here</p>' }))).toBeUndefined();
  });

  it('aggregates one of each per site: the site’s own before others, the most frequent, whatever the page order', () => {
    const pages = [
      { outreach: { authors: ['Ann Berg'], contactUrls: ['https://other.example/contact', 'https://second-chair.example/contact'], emails: ['guest@other.example'], social: [{ network: 'linkedin' as const, url: 'https://www.linkedin.com/company/second-chair' }, { network: 'linkedin' as const, url: 'https://www.linkedin.com/in/someone-else' }] } },
      { outreach: { authors: ['Ann Berg', 'Bo Li'], emails: ['hello@second-chair.example'], social: [{ network: 'linkedin' as const, url: 'https://www.linkedin.com/in/someone-else' }] } },
      { outreach: { authors: ['Bo Li'], social: [{ network: 'linkedin' as const, url: 'https://www.linkedin.com/company/second-chair' }, { network: 'x' as const, url: 'https://x.com/SecondChair' }] } },
      {},
    ];
    const expected = {
      author: 'Ann Berg',
      contactUrl: 'https://second-chair.example/contact',
      email: 'hello@second-chair.example',
      social: [{ network: 'linkedin', url: 'https://www.linkedin.com/company/second-chair' }, { network: 'x', url: 'https://x.com/SecondChair' }],
    };
    expect(siteOutreach(pages, 'https://second-chair.example')).toEqual(expected);
    expect(siteOutreach([...pages].reverse(), 'https://second-chair.example')).toEqual(expected);
    expect(siteOutreach([{}], 'https://a.example')).toBeUndefined();
  });

  it('travels from pages to the site score and through a JSON export', () => {
    const p1 = scorePage({ url: 'https://second-chair.example/five-habits', html: POST(), roundupYear: 2026 });
    const p2 = scorePage({ url: 'https://second-chair.example/listen', html: POST('<p>Listen before you advise: ask one question at a time, then wait.</p>'), roundupYear: 2026 });
    const site = scoreSite([p1, p2], { roundupYear: 2026 });
    expect(site.outreach).toMatchObject({ author: 'Ann Berg', contactUrl: 'https://second-chair.example/contact', email: 'hello@second-chair.example' });
    expect(site.outreach?.social?.map((s) => s.network)).toEqual(['linkedin', 'x', 'mastodon']);
    const c = newCandidate(site, 'crawl', '2026-05-01T00:00:00.000Z');
    expect(parseCandidates(candidatesToJson([c], '2026-05-01T00:00:00.000Z'), '2026-05-01T00:00:00.000Z')[0].siteScore.outreach).toEqual(site.outreach);
  });
});

describe('siteQuotes', () => {
  const page = (url: string, score: number, relevance: number, texts: [string, string][]): PageScore =>
    ({
      url,
      finalUrl: url,
      title: `T ${url}`,
      score,
      components: { relevance, mentorGuidance: 0.5, programGuidance: 0.5, actionability: 0.5, quality: 0.5, freshness: 0 },
      evidence: texts.map(([component, text]) => ({ component, text })),
    }) as unknown as PageScore;

  it('quotes the best mentoring pages in turn, guidance first, with their URLs', () => {
    const q = siteQuotes([
      page('https://a.example/best', 80, 0.9, [['relevance', 'Mentoring is a relationship of trust.'], ['mentorGuidance', 'Meet every two weeks, and listen more than you speak.']]),
      page('https://a.example/off', 70, 0.1, [['mentorGuidance', 'Not about mentoring at all, really not.']]),
      page('https://a.example/second#top', 60, 0.8, [['programGuidance', 'Recruit mentors before you recruit mentees.']]),
    ]);
    expect(q.map((x) => [x.url, x.text])).toEqual([
      ['https://a.example/best', 'Meet every two weeks, and listen more than you speak.'],
      ['https://a.example/second', 'Recruit mentors before you recruit mentees.'],
      ['https://a.example/best', 'Mentoring is a relationship of trust.'],
    ]);
  });
});
