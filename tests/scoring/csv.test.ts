import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, candidatesToCsv, csvCell, csvUncell, decodeList, encodeList } from '../../scoring/csv.ts';
import { ImportError, parseCandidates } from '../../scoring/export.ts';
import type { Candidate } from '../../scoring/types.ts';
import { NOW, candidate } from './fixtures-candidates.ts';

const parseCsv = (csv: string) => Papa.parse<string[]>(csv.replace(/^\uFEFF/, '').trimEnd(), { skipEmptyLines: false }).data;
const col = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);

describe('candidatesToCsv', () => {
  it('starts with a BOM, writes the DESIGN.md columns in order, ranked, CRLF, site_url with its scheme', () => {
    const csv = candidatesToCsv([candidate('https://low.example', 10), candidate('http://127.0.0.12:8080', 90, {}, 'Second Chair')]);
    expect(csv.startsWith('\uFEFFrank,site,site_url,name,score,')).toBe(true);
    expect(csv.split('\r\n')[0]).toBe(`\uFEFF${CSV_COLUMNS.join(',')}`);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv);
    expect(rows[1].slice(0, 5)).toEqual(['1', '127.0.0.12:8080', 'http://127.0.0.12:8080', 'Second Chair', '90']);
    expect(rows[2].slice(0, 3)).toEqual(['2', 'low.example', 'https://low.example']);
    expect(rows[1][col('relevance')]).toBe('0.912');
    expect(rows[1][col('reasons')]).toBe('Practical advice for new mentors; Program toolkit with templates');
  });

  it('writes the picks and the outreach columns', () => {
    const c = candidate('https://p.example', 50, { decision: 'include', roundupRank: 2, best: 1, blurb: 'Kind, practical.', nameOverride: 'Renamed', tags: ['a; b', 'c\\d'] }, undefined, {
      outreach: { author: 'Jane Doe', contactUrl: 'https://p.example/contact', email: 'jane@p.example', social: [{ network: 'linkedin', url: 'https://www.linkedin.com/in/jane' }, { network: 'mastodon', url: 'https://mastodon.social/@jane' }] },
    });
    const row = parseCsv(candidatesToCsv([c]))[1];
    expect(row[col('name')]).toBe('Renamed');
    expect([row[col('decision')], row[col('roundup_rank')], row[col('best')], row[col('blurb')]]).toEqual(['include', '2', '1', 'Kind, practical.']);
    expect(row[col('tags')]).toBe('a\\; b; c\\\\d');
    expect([row[col('author')], row[col('contact_url')], row[col('email')]]).toEqual(['Jane Doe', 'https://p.example/contact', 'jane@p.example']);
    expect(row[col('social_links')]).toBe('https://www.linkedin.com/in/jane; https://mastodon.social/@jane');
  });

  it('quotes commas, quotes and newlines per RFC 4180 and keeps UTF-8 text', () => {
    const c = candidate('https://q.example', 50, { notes: 'He said "listen", then\r\nwait — ça va 🙂' }, 'Mentoring, Inc.');
    const csv = candidatesToCsv([c]);
    expect(csv).toContain('"Mentoring, Inc."');
    expect(csv).toContain('"He said ""listen"", then\r\nwait — ça va 🙂"');
    expect(parseCsv(csv)[1][col('notes')]).toBe('He said "listen", then\r\nwait — ça va 🙂');
  });

  it.each(['=', '+', '-', '@', '\t', '\r', '＝', "'"])('puts one apostrophe before a cell that starts with %j, in every text column', (lead) => {
    const hostile = `${lead}HYPERLINK("http://evil.example","x")`;
    const c = candidate('https://f.example', 50, { notes: hostile, tags: [hostile], blurb: hostile }, hostile, { outreach: { author: hostile, email: hostile } });
    const row = parseCsv(candidatesToCsv([c]))[1];
    for (const name of ['name', 'notes', 'tags', 'blurb', 'author', 'email'] as const) {
      expect(row[col(name)], name).toBe(`'${hostile}`);
    }
  });

  it('honours --top', () => {
    const list = [1, 2, 3, 4].map((i) => candidate(`https://s${i}.example`, i * 10));
    expect(parseCsv(candidatesToCsv(list, { top: 2 }))).toHaveLength(3);
  });
});

describe('list cells', () => {
  it('encode ; and \\ inside an item, keep spaces, and decode exactly', () => {
    const items = ['a; b', ' spaced ', 'x\\y', 'end\\', ';', 'plain'];
    expect(encodeList(items)).toBe('a\\; b;  spaced ; x\\\\y; end\\\\; \\;; plain');
    expect(decodeList(encodeList(items))).toEqual(items);
  });

  it('read a hand-typed list: "a;b", a plain backslash, empty items dropped', () => {
    expect(decodeList('a;b;;  c')).toEqual(['a', 'b', ' c']);
    expect(decodeList('C:\\path; x')).toEqual(['C:\\path', 'x']);
    expect(decodeList('')).toEqual([]);
  });

  it('round-trip any list of non-empty items', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom('a', ' ', ';', '\\', '; ', 'é', '🙂', '"', ',') }).filter((s) => s !== '')), (items) => {
        expect(decodeList(encodeList(items))).toEqual(items);
      }),
      { numRuns: 500 },
    );
  });
});

// Hostile text: spreadsheet formula leads, quotes, line breaks, apostrophes, BOMs, separators, emoji.
const hostileUnit = fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '\r\n', '"', ',', ';', '; ', "'", '\\', '\uFEFF', '🙂', 'a', 'Z', ' ', 'é', '|', '＝', '\u202E');
const hostile = fc.string({ unit: hostileUnit, maxLength: 12 });
const nonBlank = hostile.filter((s) => s.trim() !== '');

describe('CSV → import → CSV', () => {
  it('leaves every cell unchanged and every curator-typed field as typed (property over hostile strings)', () => {
    fc.assert(
      fc.property(
        fc.record({
          name: nonBlank,
          notes: hostile,
          blurb: nonBlank,
          tags: fc.uniqueArray(nonBlank, { selector: (t) => t.trim().toLowerCase(), maxLength: 4 }),
          author: nonBlank,
          email: nonBlank,
          decision: fc.constantFrom('undecided', 'include', 'shortlist', 'exclude' as const),
          rank: fc.option(fc.integer({ min: 1, max: 500 }), { nil: undefined }),
          best: fc.option(fc.constantFrom(1 as const, 2 as const, 3 as const), { nil: undefined }),
        }),
        (r) => {
          const c: Candidate = candidate('http://127.0.0.12:8080', 61.5, { decision: r.decision, notes: r.notes, blurb: r.blurb, tags: r.tags, roundupRank: r.rank, best: r.best }, r.name, {
            outreach: { author: r.author, email: r.email, contactUrl: 'http://127.0.0.12:8080/contact', social: [{ network: 'x', url: 'https://x.com/jane_doe' }] },
          });
          if (r.rank === undefined) delete c.roundupRank;
          if (r.best === undefined) delete c.best;
          const first = candidatesToCsv([c, candidate('https://other.example', 20)]);
          const back = parseCandidates(first, NOW);
          expect(candidatesToCsv(back)).toBe(first);
          const x = back.find((b) => b.site === '127.0.0.12:8080') as Candidate;
          expect([x.name, x.notes, x.blurb, x.tags, x.decision, x.roundupRank, x.best]).toEqual([r.name, r.notes, r.blurb, r.tags, r.decision, r.rank, r.best]);
          expect([x.siteScore.outreach?.author, x.siteScore.outreach?.email]).toEqual([r.author, r.email]);
          expect(x.siteScore.site).toBe('http://127.0.0.12:8080');
        },
      ),
      { numRuns: 400 },
    );
  });

  it('a leading apostrophe the curator typed survives; a cell is undone by exactly one apostrophe', () => {
    for (const v of ["'quoted", "''", "'=1+1", '=1+1', 'plain', '']) expect(csvUncell(Papa.parse<string[]>(csvCell(v)).data[0]?.[0] ?? '')).toBe(v);
  });

  it('reads a version-1 CSV (no site_url): only formula apostrophes removed, lists split on "; " and trimmed', () => {
    const v1 = "rank,site,name,score,decision,tags,notes\r\n1,a.example,A,50,include,x; y ,'=SUM(1)\r\n2,b.example,B,40,,,'kept\r\n";
    const [a, b] = parseCandidates(v1, NOW);
    expect([a.decision, a.tags, a.notes, a.siteScore.site]).toEqual(['include', ['x', 'y'], '=SUM(1)', 'https://a.example']);
    expect(b.notes).toBe("'kept");
  });

  it.each([
    ['roundup_rank', 'x', /candidate 1: roundupRank must be a whole number .*\(CSV row 2\)/],
    ['roundup_rank', '0', /roundupRank must be a whole number/],
    ['best', '4', /candidate 1: best must be 1, 2 or 3.*\(CSV row 2\)/],
    ['social_links', 'https://twitter.com/intent/tweet?text=x', /social_links: not a profile URL/],
    ['site_url', 'https://elsewhere.example', /not the host of its siteScore.site/],
    ['contact_url', 'javascript:alert(1)', /not an http\(s\) URL/],
  ])('refuses a bad %s cell (%j) naming the record and row', (column, value, message) => {
    const rows = parseCsv(candidatesToCsv([candidate('https://a.example', 50)]));
    rows[1][col(column as (typeof CSV_COLUMNS)[number])] = value;
    const text = Papa.unparse(rows);
    expect(() => parseCandidates(text, NOW)).toThrow(ImportError);
    expect(() => parseCandidates(text, NOW)).toThrow(message);
  });
});
