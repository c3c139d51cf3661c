import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { newCandidate } from '../../scoring/candidate.ts';
import {
  CSV_COLUMNS,
  ImportError,
  candidatesToCsv,
  candidatesToJson,
  candidatesToMarkdown,
  parseCandidates,
} from '../../scoring/export.ts';
import type { Candidate, SiteScore } from '../../scoring/types.ts';

const NOW = '2026-11-24T12:00:00.000Z';

function candidate(site: string, score: number, patch: Partial<Candidate> = {}, name?: string): Candidate {
  const s: SiteScore = {
    site,
    name: name ?? new URL(site).hostname,
    score,
    components: {
      relevance: 0.91234, mentorGuidance: 0.5, programGuidance: 0.25, actionability: 0.3,
      quality: 0.7, freshness: 0.2, activity: 0.1, coverage: 0.4,
    },
    pagesScored: 4,
    mentoringPages: 3,
    bestPageUrl: `${site}/how-to-mentor`,
    feedUrl: `${site}/feed.xml`,
    lastPostAt: '2026-10-01',
    siteKind: 'nonprofit',
    reasons: ['Practical advice for new mentors', 'Program toolkit with templates'],
    scorerVersion: 'v-test',
  };
  return { ...newCandidate(s, 'crawl', '2026-02-03T04:05:06.000Z'), ...patch };
}

const parseCsv = (csv: string) => Papa.parse<string[]>(csv.trimEnd(), { skipEmptyLines: false }).data;

describe('candidatesToCsv', () => {
  it('writes the DESIGN.md columns in order, ranked, with CRLF line ends', () => {
    const csv = candidatesToCsv([candidate('https://low.example', 10), candidate('https://high.example', 90)]);
    expect(csv.split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv);
    expect(rows[1].slice(0, 3)).toEqual(['1', 'high.example', 'high.example']);
    expect(rows[2].slice(0, 2)).toEqual(['2', 'low.example']);
    const header = rows[0];
    expect(rows[1][header.indexOf('relevance')]).toBe('0.912');
    expect(rows[1][header.indexOf('reasons')]).toBe('Practical advice for new mentors; Program toolkit with templates');
  });

  it('quotes commas, quotes and newlines per RFC 4180 and keeps UTF-8 text', () => {
    const c = candidate('https://q.example', 50, { notes: 'He said "listen", then\r\nwait — ça va 🙂' }, 'Mentoring, Inc.');
    const csv = candidatesToCsv([c]);
    expect(csv).toContain('"Mentoring, Inc."');
    expect(csv).toContain('"He said ""listen"", then\r\nwait — ça va 🙂"');
    const rows = parseCsv(csv);
    expect(rows[1][CSV_COLUMNS.indexOf('notes')]).toBe('He said "listen", then\r\nwait — ça va 🙂');
  });

  it.each(['=', '+', '-', '@', '\t', '\r'])('neutralises a formula lead %j in every text cell', (lead) => {
    const hostile = `${lead}HYPERLINK("http://evil.example","x")`;
    const c = candidate('https://f.example', 50, { notes: hostile, tags: [hostile] }, hostile);
    const rows = parseCsv(candidatesToCsv([c]));
    for (const col of ['name', 'notes', 'tags'] as const) {
      const cell = rows[1][CSV_COLUMNS.indexOf(col)];
      expect(cell.startsWith("'"), `${col}: ${JSON.stringify(cell)}`).toBe(true);
      expect(cell.slice(1)).toBe(hostile);
    }
  });

  it('neutralises a formula lead even when a newline follows it', () => {
    const c = candidate('https://f.example', 50, { notes: '=1+2\nmore' });
    const cell = parseCsv(candidatesToCsv([c]))[1][CSV_COLUMNS.indexOf('notes')];
    expect(cell).toBe("'=1+2\nmore");
  });

  it('leaves numbers alone (negative-looking text is only ever a string here)', () => {
    const rows = parseCsv(candidatesToCsv([candidate('https://n.example', 42.25)]));
    expect(rows[1][CSV_COLUMNS.indexOf('score')]).toBe('42.3');
  });

  it('honours --top', () => {
    const list = [1, 2, 3, 4].map((i) => candidate(`https://s${i}.example`, i * 10));
    expect(parseCsv(candidatesToCsv(list, { top: 2 }))).toHaveLength(3);
  });
});

describe('round trips through import', () => {
  const list = [
    candidate('https://a.example', 80, { decision: 'include', tags: ['vendor', 'top'], notes: 'great, "really"' }),
    candidate('https://b.example', 30, { decision: 'exclude', notes: '=not a formula' }),
  ];

  it('JSON keeps every field', () => {
    const back = parseCandidates(candidatesToJson(list, NOW), NOW);
    expect(back).toEqual(list);
  });

  it('CSV keeps site, score, decision, tags and notes (formula quotes removed)', () => {
    const back = parseCandidates(candidatesToCsv(list), NOW);
    expect(back.map((c) => [c.site, c.siteScore.score, c.decision, c.tags, c.notes])).toEqual([
      ['a.example', 80, 'include', ['vendor', 'top'], 'great, "really"'],
      ['b.example', 30, 'exclude', [], '=not a formula'],
    ]);
    expect(back[0].siteScore.components.relevance).toBeCloseTo(0.912, 3);
    expect(back[0].siteScore.feedUrl).toBe('https://a.example/feed.xml');
  });
});

describe('parseCandidates rejects broken files with a clear message', () => {
  it.each([
    ['', /empty/],
    ['{"format": "something-else"}', /not a Mentor Radar export/],
    ['{"format": "mentor-radar/candidates", "version": 99, "candidates": []}', /unsupported export version/],
    ['{"format": "mentor-radar/candidates", "version": 1, "candidates": [', /not valid JSON/],
    ['[{"site": "a.example"}]', /candidate 1: missing "siteScore"/],
    ['[{"site": "javascript:alert(1)", "siteScore": {"score": 1}}]', /candidate 1: .*http/],
    ['[{"site": "a.example", "siteScore": {"score": 500}}]', /score must be a number in 0..100/],
    ['[{"site": "a.example", "decision": "maybe", "siteScore": {"score": 5}}]', /unknown decision/],
    ['name,score\nx,1\n', /neither JSON nor a CSV|missing the column/],
    ['site,score\na.example,abc\n', /score must be a number/],
    ['\u0000\u0001\u0002binary', /neither JSON nor a CSV/],
  ])('%j', (text, message) => {
    expect(() => parseCandidates(text, NOW)).toThrow(ImportError);
    expect(() => parseCandidates(text, NOW)).toThrow(message);
  });

  it('refuses a javascript: best page URL instead of importing it', () => {
    const bad = JSON.stringify([{ site: 'a.example', siteScore: { score: 5, bestPageUrl: 'javascript:alert(1)' } }]);
    expect(() => parseCandidates(bad, NOW)).toThrow(/not an http\(s\) URL/);
  });
});

describe('candidatesToMarkdown', () => {
  it('drafts the ranked list and the best three, skipping excluded sites', () => {
    const md = candidatesToMarkdown(
      [
        candidate('https://one.example', 90),
        candidate('https://two.example', 80),
        candidate('https://out.example', 99, { decision: 'exclude' }),
        candidate('https://three.example', 70),
        candidate('https://four.example', 60),
      ],
      { year: 2026 },
    );
    expect(md).toMatch(/^# Best mentoring blogs and sites 2026/);
    expect(md).toContain('1. [one.example](https://one.example/)');
    expect(md).not.toContain('out.example');
    const best = md.split('## The best three')[1];
    expect(best.match(/^### /gm)).toHaveLength(3);
    expect(best).not.toContain('four.example');
  });

  it('renders hostile names as inert text', () => {
    const md = candidatesToMarkdown([candidate('https://h.example', 50, {}, '<img src=x onerror=alert(1)> [click](javascript:alert(1))')]);
    expect(md).not.toContain('<img');
    expect(md).not.toContain('](javascript:');
    expect(md).toContain('&lt;img src=x onerror=alert\\(1\\)&gt;');
  });
});

describe('CSV list cells', () => {
  it('keep a semicolon inside a tag (lists are joined with "; ")', () => {
    const c = candidate('https://t.example', 40, { tags: ['a;b', 'c'] });
    expect(parseCandidates(candidatesToCsv([c]), NOW)[0].tags).toEqual(['a;b', 'c']);
  });
});
