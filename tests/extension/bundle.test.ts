// What the extension's scripts pull in: scoring/ and natural's deep imports only — never natural's
// root (it drags in fs-bound classifiers, WordNet, etc.) and never a Node built-in.
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const ENTRIES = ['extension/entrypoints/background.ts', 'extension/entrypoints/popup/main.ts', 'extension/entrypoints/dashboard/main.ts'];

describe('extension bundle', () => {
  for (const entry of ENTRIES) {
    it(`${entry} bundles for the browser without natural's root or Node built-ins`, async () => {
      const result = await build({
        entryPoints: [entry],
        bundle: true,
        write: false,
        metafile: true,
        format: 'esm',
        platform: 'browser',
        logLevel: 'silent',
        // `#imports`-style globals (defineBackground) stay free variables; that is fine here.
      });
      const inputs = Object.keys(result.metafile.inputs);
      expect(inputs).toContain(entry);
      expect(inputs.filter((p) => /node_modules\/natural\/lib\/natural\/index\.js$/.test(p))).toEqual([]);
      expect(inputs.filter((p) => /node_modules\/natural\/lib\/natural\/(classifiers|wordnet|spellcheck|brill_pos_tagger|sentiment)\//.test(p))).toEqual([]);
      expect(inputs.filter((p) => p.startsWith('node:') || /^(fs|path|os|child_process)$/.test(p))).toEqual([]);
      expect(inputs.filter((p) => p.includes('/crawler/'))).toEqual([]);
    });
  }
});
