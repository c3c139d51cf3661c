// Parity: the scoring module bundled for the browser (esbuild, platform browser, the way the
// extension bundles it) gives a deep-equal PageScore to the Node one for the same inputs.
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import * as scoring from '../../scoring/index.ts';
import { MANIFEST, fixture, corpusPages } from './helpers.ts';

const entry = resolve(import.meta.dirname, '..', '..', 'scoring', 'index.ts');
type ScoringApi = typeof scoring;
let dir = '';

function inputs(): { url: string; html: string; roundupYear: number }[] {
  const list = MANIFEST.map((m) => ({ ...fixture(m.file), roundupYear: 2026 }));
  list.push({ url: 'https://x.example/', html: '', roundupYear: 2026 });
  list.push({ url: 'not a url', html: '<p>mentor <b>unclosed', roundupYear: 2026 });
  for (const p of corpusPages().slice(0, 81).filter((_, i) => i % 4 === 0)) list.push({ url: `https://corpus.example/${p.file}`, html: p.html, roundupYear: 2026 });
  return list;
}

const plain = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;

describe('browser bundle parity', () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'mr-parity-'));
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('an ESM browser bundle imported from a file scores like Node', async () => {
    const out = await build({ entryPoints: [entry], bundle: true, platform: 'browser', format: 'esm', minify: true, write: false, external: ['stream'], logLevel: 'silent' });
    const file = join(dir, 'scoring.browser.mjs');
    writeFileSync(file, out.outputFiles[0].contents);
    const browser = (await import(pathToFileURL(file).href)) as ScoringApi;
    expect(browser.SCORER_VERSION).toBe(scoring.SCORER_VERSION);
    for (const inp of inputs()) expect(plain(browser.scorePage(inp))).toEqual(plain(scoring.scorePage(inp)));
  });

  it('the browser bundle runs in a fresh vm context without Node globals and scores like Node', async () => {
    const out = await build({ entryPoints: [entry], bundle: true, platform: 'browser', format: 'iife', globalName: 'MentorScoring', minify: true, write: false, external: ['stream'], logLevel: 'silent' });
    // Only web-platform globals a browser worker also has; no process, Buffer, require or module.
    const ctx = vm.createContext({ URL, URLSearchParams, TextEncoder, TextDecoder, atob, btoa, console });
    vm.runInContext(out.outputFiles[0].text, ctx, { timeout: 20_000 });
    const api = (ctx as unknown as { MentorScoring: ScoringApi }).MentorScoring;
    expect(vm.runInContext('typeof process + typeof Buffer + typeof require', ctx)).toBe('undefinedundefinedundefined');
    expect(api.SCORER_VERSION).toBe(scoring.SCORER_VERSION);
    for (const inp of inputs()) {
      const node = scoring.scorePage(inp);
      expect(plain(api.scorePage(inp))).toEqual(plain(node));
    }
    const pages = inputs().slice(0, 3).map((i) => scoring.scorePage(i));
    expect(plain(api.scoreSite(pages, { roundupYear: 2026 }))).toEqual(plain(scoring.scoreSite(pages, { roundupYear: 2026 })));
  });
});
