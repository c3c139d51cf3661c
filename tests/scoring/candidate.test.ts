import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PickError, applyPicks, candidateName, mergeAll, mergeCandidates, newCandidate, rankCandidates, settleCandidate } from '../../scoring/candidate.ts';
import { toSitePage } from '../../scoring/site-pages.ts';
import { siteKey } from '../../scoring/url.ts';
import { DECISIONS, SOURCES, type Candidate, type PageScore, type SiteScore } from '../../scoring/types.ts';

function siteScore(site: string, score: number, pagesScored = 1): SiteScore {
  return {
    site,
    name: new URL(site).hostname,
    score,
    components: {
      relevance: 0.9, mentorGuidance: 0.5, programGuidance: 0.4, actionability: 0.3,
      quality: 0.7, freshness: 0.2, activity: 0.1, coverage: 0.3,
    },
    pagesScored,
    mentoringPages: pagesScored,
    bestPageUrl: `${site}/guide`,
    siteKind: 'blog',
    reasons: ['r1'],
    scorerVersion: 'test',
  };
}

describe('siteKey', () => {
  it.each([
    ['https://www.Example.org/a/b?c=1', 'example.org'],
    ['http://example.org:80/', 'example.org'],
    ['https://example.org:443', 'example.org'],
    ['https://example.org:8443/x', 'example.org:8443'],
    ['http://127.0.0.2:8080/blog', '127.0.0.2:8080'],
    ['WWW.EXAMPLE.ORG', 'example.org'],
    ['https://blog.example.org./', 'blog.example.org'],
    ['https://wwwfoo.example.org/', 'wwwfoo.example.org'],
  ])('%s -> %s', (input, key) => {
    expect(siteKey(input)).toBe(key);
  });

  it('rejects non-http schemes and garbage with a clear message', () => {
    expect(() => siteKey('javascript:alert(1)')).toThrow(/http/);
    expect(() => siteKey('ftp://example.org')).toThrow(/not an http/);
    expect(() => siteKey('http://')).toThrow(/not a URL/);
  });
});

describe('mergeCandidates', () => {
  const crawl = newCandidate(siteScore('https://www.mentors.example', 70, 10), 'crawl', '2026-03-01T00:00:00.000Z');
  const bookmark = newCandidate(siteScore('https://mentors.example', 82, 1), 'bookmark', '2026-05-01T00:00:00.000Z');

  it('turns the same site from crawl and bookmark into one candidate', () => {
    const merged = mergeAll([crawl, bookmark]);
    expect(merged).toHaveLength(1);
    expect(merged[0].site).toBe('mentors.example');
    expect(merged[0].sources).toEqual(['crawl', 'bookmark']);
    expect(merged[0].firstSeenAt).toBe('2026-03-01T00:00:00.000Z');
    expect(merged[0].lastScoredAt).toBe('2026-05-01T00:00:00.000Z');
  });

  it('keeps the site score built from more pages', () => {
    expect(mergeCandidates(bookmark, crawl).siteScore.pagesScored).toBe(10);
    expect(mergeCandidates(crawl, bookmark).siteScore.pagesScored).toBe(10);
  });

  it('never loses the curator’s tags, notes or decision', () => {
    const local: Candidate = { ...crawl, decision: 'shortlist', tags: ['nonprofit', 'Top'], notes: 'great toolkit' };
    const incoming: Candidate = { ...bookmark, tags: ['top', 'vendor'], notes: 'check the pricing page' };
    const m = mergeCandidates(local, incoming);
    expect(m.decision).toBe('shortlist');
    expect(m.tags).toEqual(['nonprofit', 'Top', 'vendor']);
    expect(m.notes).toContain('great toolkit');
    expect(m.notes).toContain('check the pricing page');
    // merging again is stable (idempotent)
    expect(mergeCandidates(m, incoming)).toEqual(m);
  });

  it('lets the later curation win when both carry a timestamp', () => {
    const a: Candidate = { ...crawl, decision: 'include', curatedAt: '2026-04-01T00:00:00Z' };
    const b: Candidate = { ...bookmark, decision: 'exclude', curatedAt: '2026-06-01T00:00:00Z' };
    expect(mergeCandidates(a, b).decision).toBe('exclude');
    expect(mergeCandidates(b, a).decision).toBe('exclude');
  });

  it('a made decision beats undecided when there are no timestamps', () => {
    const b: Candidate = { ...bookmark, decision: 'include' };
    expect(mergeCandidates(crawl, b).decision).toBe('include');
  });

  it('unions the yearly history', () => {
    const a: Candidate = { ...crawl, history: [{ year: 2025, score: 60 }, { year: 2026, score: 70 }] };
    const b: Candidate = { ...bookmark, history: [{ year: 2024, score: 50 }] };
    expect(mergeCandidates(a, b).history.map((h) => h.year)).toEqual([2024, 2025, 2026]);
  });

  it('refuses to merge different sites', () => {
    const other = newCandidate(siteScore('https://other.example', 10), 'crawl', '2026-01-01T00:00:00Z');
    expect(() => mergeCandidates(crawl, other)).toThrow(/different sites/);
  });
});

describe('rankCandidates', () => {
  it('orders by score, then mentoring pages, then site key, deterministically', () => {
    const a = newCandidate(siteScore('https://b.example', 50, 3), 'crawl', '2026-01-01T00:00:00Z');
    const b = newCandidate(siteScore('https://a.example', 50, 3), 'crawl', '2026-01-01T00:00:00Z');
    const c = newCandidate(siteScore('https://c.example', 50, 5), 'crawl', '2026-01-01T00:00:00Z');
    const d = newCandidate(siteScore('https://d.example', 90, 1), 'crawl', '2026-01-01T00:00:00Z');
    expect(rankCandidates([a, b, c, d]).map((x) => x.site)).toEqual(['d.example', 'c.example', 'a.example', 'b.example']);
  });
});

// ---------------------------------------------------------------------------- issue 9: picks

describe('the curator’s picks through merges', () => {
  const base = newCandidate(siteScore('https://mentors.example', 60, 3), 'crawl', '2026-03-01T00:00:00.000Z');

  it('a re-crawl (more pages, newer, new computed name) never touches the rename or any pick', () => {
    const curated = applyPicks(base, { decision: 'include', name: 'Second Chair', blurb: 'Short, kind advice.', note: 'private' }, '2026-04-01T00:00:00Z');
    const recrawl = newCandidate({ ...siteScore('https://mentors.example', 70, 9), name: 'Computed Name' }, 'crawl', '2026-09-01T00:00:00.000Z');
    for (const m of [mergeCandidates(curated, recrawl), mergeCandidates(recrawl, curated)]) {
      expect(m.siteScore.name).toBe('Computed Name');
      expect(m.nameOverride).toBe('Second Chair');
      expect(m.name).toBe('Second Chair');
      expect(candidateName(m)).toBe('Second Chair');
      expect([m.decision, m.blurb, m.notes]).toEqual(['include', 'Short, kind advice.', 'private']);
      expect(m.siteScore.pagesScored).toBe(9);
    }
    // Clearing the rename brings the computed name back.
    const cleared = applyPicks(mergeCandidates(curated, recrawl), { name: '' }, '2026-10-01T00:00:00Z');
    expect(candidateName(cleared)).toBe('Computed Name');
    expect(cleared.nameOverride).toBeUndefined();
  });

  it('each pick keeps its own time: two devices editing different picks both keep their edit', () => {
    const laptop = applyPicks(base, { blurb: 'Typed on the laptop' }, '2026-05-01T10:00:00Z');
    const phone = applyPicks(base, { decision: 'include' }, '2026-05-02T10:00:00Z');
    const m = mergeCandidates(laptop, phone);
    expect(m.blurb).toBe('Typed on the laptop');
    expect(m.decision).toBe('include');
    expect(m.curatedAt).toBe('2026-05-02T10:00:00Z');
    expect(m.pickedAt).toEqual({ blurb: '2026-05-01T10:00:00Z', decision: '2026-05-02T10:00:00Z' });
    // A later clear wins over an older value.
    const clearedLater = applyPicks(laptop, { blurb: '' }, '2026-05-03T00:00:00Z');
    expect(mergeCandidates(m, clearedLater).blurb).toBeUndefined();
  });

  it('a writer that does not date picks (only curatedAt) is never taken for older than it is', () => {
    const merged = mergeCandidates(applyPicks(base, { decision: 'include' }, '2026-05-01T00:00:00Z'), applyPicks(base, { blurb: 'x' }, '2026-05-02T00:00:00Z'));
    // An old dashboard edits the decision and bumps curatedAt, leaving pickedAt as it was.
    const edited: Candidate = { ...merged, decision: 'exclude', curatedAt: '2026-05-09T00:00:00Z' };
    const remote = applyPicks(base, { decision: 'shortlist' }, '2026-05-05T00:00:00Z');
    expect(mergeCandidates(edited, remote).decision).toBe('exclude');
    expect(mergeCandidates(remote, edited).decision).toBe('exclude');
    // The next dated edit writes those times down: the edit stays dated 05-09.
    const next = applyPicks(edited, { blurb: 'y' }, '2026-05-10T00:00:00Z');
    expect(next.pickedAt?.decision).toBe('2026-05-09T00:00:00Z');
    expect(mergeCandidates(next, remote).decision).toBe('exclude');
  });

  it('compares curatedAt as instants and ignores times that are not ISO 8601', () => {
    const a: Candidate = { ...base, decision: 'include', curatedAt: 'Sat Jan 01 2000' };
    const b: Candidate = { ...base, decision: 'exclude', curatedAt: '2026-01-01T00:00:00Z' };
    expect(mergeCandidates(a, b).decision).toBe('exclude');
    expect(mergeCandidates(b, a).decision).toBe('exclude');
    expect(mergeCandidates(a, b).curatedAt).toBe('2026-01-01T00:00:00Z');
    // +02:00 is two hours earlier than the same wall-clock time in UTC.
    const c: Candidate = { ...base, decision: 'include', curatedAt: '2026-06-01T11:00:00+02:00' };
    const d: Candidate = { ...base, decision: 'shortlist', curatedAt: '2026-06-01T10:00:00Z' };
    expect(mergeCandidates(c, d).decision).toBe('shortlist');
  });

  it('keeps tags as typed and in the curator’s order when one side has them all', () => {
    const a: Candidate = { ...base, tags: ['zeta', ' spaced ', 'Top', 'a; b'] };
    const b: Candidate = { ...base, tags: ['top', 'zeta'] };
    expect(mergeCandidates(a, b).tags).toEqual(['zeta', ' spaced ', 'Top', 'a; b']);
    expect(mergeCandidates(b, a).tags).toEqual(['zeta', ' spaced ', 'Top', 'a; b']);
  });
});

describe('applyPicks', () => {
  const c = newCandidate(siteScore('https://mentors.example', 60, 3), 'crawl', '2026-03-01T00:00:00.000Z');

  it('stamps each changed pick and the record, and keeps a legacy record’s times for the others', () => {
    const legacy: Candidate = { ...c, decision: 'include', curatedAt: '2026-02-01T00:00:00Z' };
    const next = applyPicks(legacy, { blurb: 'Hello' }, '2026-03-01T00:00:00Z');
    expect(next.pickedAt?.blurb).toBe('2026-03-01T00:00:00Z');
    expect(next.pickedAt?.decision).toBe('2026-02-01T00:00:00Z');
    expect(next.curatedAt).toBe('2026-03-01T00:00:00Z');
    expect(legacy.pickedAt).toBeUndefined(); // the input is not modified
  });

  it('appends notes, adds and removes tags case-insensitively', () => {
    let x = applyPicks(c, { note: 'first', addTags: ['Mentor', 'program'] }, '2026-03-02T00:00:00Z');
    x = applyPicks(x, { note: '  second  ', addTags: ['mentor'], removeTags: ['PROGRAM'] }, '2026-03-03T00:00:00Z');
    expect(x.notes).toBe('first\nsecond');
    expect(x.tags).toEqual(['Mentor']);
    expect(x.curatedAt).toBe('2026-03-03T00:00:00Z');
  });

  it('cleans a rename to one line and refuses what cannot be a pick, changing nothing', () => {
    expect(applyPicks(c, { name: '  Second\n\u202EChair\u0000 ' }, '2026-03-02T00:00:00Z').nameOverride).toBe('Second Chair');
    expect(() => applyPicks(c, { name: 'x'.repeat(201) }, '2026-03-02T00:00:00Z')).toThrow(PickError);
    expect(() => applyPicks(c, { blurb: 'x'.repeat(2001) }, '2026-03-02T00:00:00Z')).toThrow(/at most 2000/);
    expect(() => applyPicks(c, { addTags: ['  '] }, '2026-03-02T00:00:00Z')).toThrow(/empty/);
    expect(() => applyPicks(c, { decision: 'maybe' as never }, '2026-03-02T00:00:00Z')).toThrow(/not a decision/);
    expect(() => applyPicks(c, { decision: 'include' }, 'yesterday')).toThrow(/ISO 8601/);
  });
});

// ---------------------------------------------------------------------------- properties

const TIMES = ['2026-01-01T00:00:00Z', '2026-01-01T00:00:00.000Z', '2026-01-01T02:00:00+02:00', '2026-02-01T00:00:00Z', '2026-03-01', 'Sat Jan 01 2000'];
const time = fc.constantFrom(...TIMES);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
/** FC_RUNS=20000 for a longer search than CI's. */
const RUNS = Number(process.env.FC_RUNS) || 1500;

/** A page of mentors.example as the merge keeps it: a few URLs (one with a tracking parameter), times, scores, removals. */
function pageScore(url: string, score: number, relevance: number): PageScore {
  return {
    url, finalUrl: url, title: `Guide ${url.slice(-1)} – Mentors`, lang: 'en', scorerVersion: 'test', score,
    components: { relevance, mentorGuidance: 0.6, programGuidance: 0.5, actionability: 0.4, quality: 0.6, freshness: 0.5 },
    evidence: [{ component: 'mentorGuidance', text: `Meet your mentee every two weeks (${url}).` }],
    flags: [], publishedAt: '2026-03-01', feedUrls: [], siteKind: 'blog', wordCount: 800,
  };
}
const arbPageRecord = fc
  .record({
    url: fc.constantFrom('https://mentors.example/a', 'https://mentors.example/a?utm_source=x', 'https://www.mentors.example/b', 'https://mentors.example/c'),
    score: fc.constantFrom(20, 55.5, 80),
    relevance: fc.constantFrom(0.3, 0.9),
    at: fc.constantFrom(...TIMES.slice(0, 5)),
    removedAt: maybe(fc.constantFrom('2026-01-01T00:00:00Z', '2026-02-15T00:00:00Z')),
    source: fc.constantFrom(...SOURCES),
  })
  .map((r) => toSitePage(pageScore(r.url, r.score, r.relevance), r.at, r.source, r.removedAt));

const arbCandidate: fc.Arbitrary<Candidate> = fc
  .record({
    pages: fc.integer({ min: 1, max: 3 }),
    score: fc.constantFrom(40, 50.5, 60),
    computedName: fc.constantFrom('mentors.example', 'Mentors', 'Second Chair'),
    sources: fc.subarray([...SOURCES]),
    decision: fc.constantFrom(...DECISIONS),
    tags: fc.subarray(['a', 'A', 'b', ' b', 'c; d', 'Top', 'top', 'x\\y', '🙂']),
    notes: fc.constantFrom('', '  ', 'n1', 'n1 more', 'n2', ' n2', 'n1\n---\nn2'),
    roundupRank: maybe(fc.integer({ min: 1, max: 4 })),
    best: maybe(fc.constantFrom(1 as const, 2 as const, 3 as const)),
    blurb: maybe(fc.constantFrom('b1', 'b2 longer', 'B1')),
    nameOverride: maybe(fc.constantFrom('R1', 'R2')),
    firstSeenAt: time,
    lastScoredAt: time,
    history: fc.dictionary(fc.constantFrom('2024', '2025', '2026'), fc.constantFrom(10, 40, 55)),
    curatedAt: maybe(time),
    pickedAt: maybe(fc.record({ decision: time, roundupRank: time, best: time, blurb: time, nameOverride: time, notes: time, tags: time }, { requiredKeys: [] })),
    pageRecords: maybe(fc.array(arbPageRecord, { maxLength: 4 })),
    activity: maybe(fc.record({ postDates: fc.subarray(['2026-01-05', '2025-06-01T08:00:00Z', '2026-07-07']), feedUrl: fc.constantFrom('https://mentors.example/feed', 'https://mentors.example/atom'), updatedAt: fc.constantFrom(...TIMES.slice(0, 4)) }, { requiredKeys: ['postDates'] })),
  })
  .map((r) => {
    const c: Candidate = {
      site: 'mentors.example',
      name: r.nameOverride ?? r.computedName,
      siteScore: { ...siteScore('https://mentors.example', r.score, r.pages), name: r.computedName },
      sources: r.sources,
      decision: r.decision,
      tags: r.tags,
      notes: r.notes,
      firstSeenAt: r.firstSeenAt,
      lastScoredAt: r.lastScoredAt,
      history: Object.entries(r.history).map(([year, score]) => ({ year: Number(year), score })),
    };
    for (const k of ['roundupRank', 'best', 'blurb', 'nameOverride', 'curatedAt', 'pickedAt', 'activity'] as const) if (r[k] !== undefined) (c as unknown as Record<string, unknown>)[k] = r[k];
    if (r.pageRecords) c.pages = r.pageRecords;
    // A candidate with pages carries the score of its pages (every writer settles it).
    return settleCandidate(c);
  });

describe('mergeCandidates, property-style over generated pairs', () => {
  it('is commutative', () => {
    fc.assert(
      fc.property(arbCandidate, arbCandidate, (a, b) => {
        expect(mergeCandidates(a, b)).toEqual(mergeCandidates(b, a));
      }),
      { numRuns: RUNS },
    );
  });

  it('is idempotent: merging the result with either side, or itself, changes nothing', () => {
    fc.assert(
      fc.property(arbCandidate, arbCandidate, (a, b) => {
        const m = mergeCandidates(a, b);
        expect(mergeCandidates(m, a)).toEqual(m);
        expect(mergeCandidates(b, m)).toEqual(m);
        expect(mergeCandidates(m, m)).toEqual(m);
      }),
      { numRuns: RUNS },
    );
  });

  it('gives the same site whatever the order and grouping of the merges (mergeAll over shuffles): score, pages, activity, history, sources, dates', () => {
    const site = (c: Candidate) => ({
      siteScore: c.siteScore,
      pages: c.pages,
      activity: c.activity,
      history: c.history,
      sources: c.sources,
      firstSeenAt: c.firstSeenAt,
      lastScoredAt: c.lastScoredAt,
    });
    const arbList = fc.array(arbCandidate, { minLength: 2, maxLength: 5 }).chain((l) => fc.tuple(fc.constant(l), fc.shuffledSubarray(l, { minLength: l.length, maxLength: l.length })));
    fc.assert(
      fc.property(arbList, ([list, shuffled]) => {
        const expected = site(mergeAll(list)[0]);
        expect(site(mergeAll(shuffled)[0])).toEqual(expected);
        // Grouped from the right instead of the left, and every record merged in twice.
        expect(site(list.reduceRight((acc, c) => mergeCandidates(c, acc)))).toEqual(expected);
        expect(site(mergeAll([...list, ...shuffled])[0])).toEqual(expected);
        // With pages on any side, the score is the score of the union of all the pages.
        if (expected.pages?.length) expect(expected.siteScore.pagesScored).toBe(expected.pages.filter((p) => !p.removedAt).length || expected.pages.length);
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });

  it('loses nothing typed: every tag, every note, a set pick survives unless the other side changed it later', () => {
    fc.assert(
      fc.property(arbCandidate, arbCandidate, (a, b) => {
        const m = mergeCandidates(a, b);
        const keys = new Set(m.tags.map((t) => t.trim().toLowerCase()));
        for (const t of [...a.tags, ...b.tags]) expect(keys.has(t.trim().toLowerCase())).toBe(true);
        for (const n of [a.notes, b.notes]) expect(m.notes).toContain(n.trim());
        // A candidate with no curation at all (a fresh crawl) never changes a curated one's picks.
        const fresh = newCandidate(siteScore('https://mentors.example', 99, 50), 'crawl', '2027-01-01T00:00:00.000Z');
        const kept = mergeCandidates(a, fresh);
        for (const f of ['decision', 'roundupRank', 'best', 'blurb', 'nameOverride', 'notes'] as const) expect(kept[f]).toEqual(a[f]);
        // A site with pages is scored (and named) from them; a fresh crawl without pages does not change that.
        expect(candidateName(kept)).toBe(a.nameOverride ?? (a.pages?.length ? a.siteScore.name : 'mentors.example'));
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });
});
