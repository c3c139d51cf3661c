import { describe, expect, it } from 'vitest';
import { parseMachineDate, parseWrittenDate, urlDate } from '../../scoring/dates.ts';
import { extract } from '../../scoring/extract.ts';

const page = (body: string, head = '') => `<html><head><title>A post</title>${head}</head><body>${body}</body></html>`;

describe('written dates in the curator\'s languages', () => {
  const cases: [string, string][] = [
    ['Published on November 19, 2019 by Ann', '2019-11-19'],
    ['19 November 2019', '2019-11-19'],
    ['12. März 2019', '2019-03-12'],
    ['Veröffentlicht am 12.03.2019 um 10:00', '2019-03-12'],
    ['3 de mayo de 2020', '2020-05-03'],
    ['le 3 mai 2020', '2020-05-03'],
    ['publicerad 3 maj 2020', '2020-05-03'],
    ['10. mars 2026', '2026-03-10'],
    ['10. marts 2026', '2026-03-10'],
    ['2019-11-19T08:00:00+01:00', '2019-11-19'],
    ['2019年11月19日', '2019-11-19'],
  ];
  for (const [text, day] of cases) it(text, () => expect(parseWrittenDate(text)).toBe(day));

  it('reads slashed dates month first only for US English, and day first when the day says so', () => {
    expect(parseWrittenDate('03/04/2020', { monthFirst: true })).toBe('2020-03-04');
    expect(parseWrittenDate('03/04/2020', { monthFirst: false })).toBe('2020-04-03');
    expect(parseWrittenDate('25/04/2020', { monthFirst: true })).toBe('2020-04-25');
  });

  it('rejects impossible days, ranges and texts without a full date', () => {
    expect(parseWrittenDate('31 February 2020')).toBeUndefined();
    expect(parseWrittenDate('Wochenbericht 14. - 20. Januar 2022')).toBeUndefined();
    expect(parseWrittenDate('in 2019 we grew')).toBeUndefined();
    expect(parseWrittenDate('31.10.23')).toBeUndefined();
    expect(parseWrittenDate('31.10.23', { monthFirst: false, shortYear: true })).toBe('2023-10-31');
  });

  it('a day number glued to a digit or a letter (any script, also outside the BMP) is no day; after other characters it is', () => {
    expect(parseWrittenDate('a12 March 2019')).toBeUndefined();
    expect(parseWrittenDate('é12 March 2019')).toBeUndefined();
    expect(parseWrittenDate('\u{1D400}12 March 2019')).toBeUndefined();
    expect(parseWrittenDate('112 March 2019')).toBeUndefined();
    expect(parseWrittenDate('x 112 March 2019, 3 April 2019')).toBe('2019-04-03');
    expect(parseWrittenDate('\udc0012 March 2019')).toBe('2019-03-12');
    expect(parseWrittenDate('(12. März 2019)')).toBe('2019-03-12');
    expect(parseWrittenDate('№12 de mayo de 2020')).toBe('2020-05-12');
  });

  it('machine dates keep the day as written; RFC 822 works', () => {
    expect(parseMachineDate('2026-02-14T23:30:00-02:00')).toBe('2026-02-14');
    expect(parseMachineDate('20190312')).toBe('2019-03-12');
    expect(parseMachineDate('Tue, 19 Nov 2019 10:00:00 GMT')).toBe('2019-11-19');
    expect(parseMachineDate('soon')).toBeUndefined();
  });
});

describe('dates in URLs', () => {
  it('a full date is a day; a year and a month are not', () => {
    expect(urlDate('https://x.example/2019/11/19/post/')).toBe('2019-11-19');
    expect(urlDate('https://x.example/news/2019-11-19-post')).toBe('2019-11-19');
    expect(urlDate('https://x.example/2019/11/post/')).toBeUndefined();
    expect(urlDate('https://x.example/2019/post/')).toBeUndefined();
  });
});

describe('publication day of a page', () => {
  it('prefers JSON-LD and published meta over modified dates and over <time>', () => {
    const ld = '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2021-05-04T10:00:00+02:00","dateModified":"2021-06-01"}</script>';
    expect(extract({ url: 'https://x.example/a', html: page('<p>x</p>', ld) }).publishedAt).toBe('2021-05-04');
    const meta = '<meta property="article:modified_time" content="2021-06-01"><meta property="article:published_time" content="2021-05-04">';
    expect(extract({ url: 'https://x.example/a', html: page('<time datetime="2020-01-01">x</time>', meta) }).publishedAt).toBe('2021-05-04');
  });

  it('takes the article\'s own date, not a related post\'s or a comment\'s', () => {
    const body = `<article><h1>A post</h1><p class="byline">By Ann, 12. März 2019</p><p>${'Text of the post. '.repeat(40)}</p></article>
      <aside><ul><li>Older post <time datetime="2018-01-01">1 Jan</time></li></ul></aside>
      <div class="comments"><time datetime="2019-04-01">1 April</time></div>`;
    expect(extract({ url: 'https://x.example/a', html: page(body) }).publishedAt).toBe('2019-03-12');
    const onlyForeign = `<article><h1>A post</h1><p>${'Text of the post. '.repeat(40)}</p></article><div class="comments"><time datetime="2019-04-01">1 April</time></div>`;
    expect(extract({ url: 'https://x.example/a', html: page(onlyForeign) }).publishedAt).toBeUndefined();
  });

  it('reads the date written under the title ("3 de mayo de 2020") and before an update', () => {
    const es = `<article><h1>Guía de mentoría</h1><p>Publicado el 3 de mayo de 2020 · actualizado el 5 de junio de 2020</p><p>${'Texto de la guía. '.repeat(40)}</p></article>`;
    expect(extract({ url: 'https://x.example/a', html: page(es) }).publishedAt).toBe('2020-05-03');
  });

  it('reads "Veröffentlicht am 16.08.2019" anywhere in the page\'s own text', () => {
    const de = `<article><h1>Folge 158</h1><p>${'Ein Gespräch über Teilchenbeschleuniger. '.repeat(30)}</p><p>Download: mp3 (30 MB)</p><p>Veröffentlicht am 16.08.2019 · Dauer: 1 Stunde</p></article>`;
    expect(extract({ url: 'https://x.example/folge-158/', html: page(de) }).publishedAt).toBe('2019-08-16');
  });

  it('prefers the URL\'s day when metadata in UTC moved a late post to the next day', () => {
    const meta = '<meta property="article:published_time" content="2023-11-09T02:00:00+00:00">';
    expect(extract({ url: 'https://x.example/2023/11/08/post/', html: page('<p>x</p>', meta) }).publishedAt).toBe('2023-11-08');
  });

  it('falls back to the modified date when nothing else says', () => {
    expect(extract({ url: 'https://x.example/a', html: page('<p>x</p>', '<meta property="article:modified_time" content="2022-02-02">') }).publishedAt).toBe('2022-02-02');
  });
});
