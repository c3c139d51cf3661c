// Labels: every kind, decision, source and flag the scorer can produce reads as words.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPONENT_LABELS, DECISION_LABELS, FLAG_LABELS, KIND_LABELS, SOURCE_LABELS, flagLabel, flagsText, kindLabel } from '../../extension/lib/labels.ts';
import { COMPONENT_LABELS as SCORING_LABELS, DECISIONS, PAGE_FLAGS, SITE_KINDS, SOURCES } from '../../scoring/index.ts';

describe('labels', () => {
  it('covers every kind, decision and source; component labels are scoring/s', () => {
    for (const k of SITE_KINDS) expect(KIND_LABELS[k]).toMatch(/^[A-Z]/);
    for (const d of DECISIONS) expect(DECISION_LABELS[d]).toMatch(/^[A-Z]/);
    for (const s of SOURCES) expect(SOURCE_LABELS[s]).toMatch(/^[A-Z]/);
    expect(COMPONENT_LABELS).toBe(SCORING_LABELS);
    expect(kindLabel('company')).toBe('Company site');
    expect(kindLabel('__proto__')).toBe('Other');
    expect(kindLabel(undefined)).toBe('Other');
  });

  it('says flags in words, never as raw ids', () => {
    for (const [id, words] of Object.entries(FLAG_LABELS)) {
      expect(flagLabel(id)).toBe(words);
      expect(words).not.toMatch(/^[a-z]+-[a-z]+$/);
    }
    expect(flagLabel('new-flag_x')).toBe('new flag x');
    expect(flagsText(['thin', 'undated'])).toBe('About this page: little text; no publication date');
    expect(flagsText([])).toBe('');
    expect(flagsText(undefined)).toBe('');
  });
});

describe('every flag the scorer sets has words', () => {
  it('PAGE_FLAGS (the type of scorePage\'s flags) are all in FLAG_LABELS, and the bookmark flow\'s "truncated"', () => {
    expect(PAGE_FLAGS.length).toBeGreaterThan(5);
    for (const flag of [...PAGE_FLAGS, 'truncated']) expect(Object.hasOwn(FLAG_LABELS, flag), flag).toBe(true);
  });

  it('scoring/page.ts sets no flag outside PAGE_FLAGS', () => {
    const src = readFileSync(resolve(process.cwd(), 'scoring/page.ts'), 'utf8');
    const pushed = [...src.matchAll(/flags\.push\('([a-z-]+)'\)/g)].map((m) => m[1]);
    expect(pushed.length).toBeGreaterThan(5);
    for (const flag of pushed) expect((PAGE_FLAGS as readonly string[]).includes(flag), flag).toBe(true);
  });
});
