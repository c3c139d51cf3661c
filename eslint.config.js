// Lint also enforces the layout's dependency arrows (DESIGN.md): scoring/ is isomorphic,
// crawler/ and extension/ never import each other, and nothing bundles natural's root.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export default tseslint.config(
  { ignores: ['node_modules/', '.output/', '.wxt/', 'data/', 'storage/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [{ name: 'natural', message: 'Deep-import through scoring/nlp.ts only.' }] }],
    },
  },
  {
    files: ['scoring/**/*.ts'],
    ignores: ['scoring/train/**'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'natural', message: 'Deep-import through scoring/nlp.ts only.' }, ...nodeBuiltins.map((name) => ({ name, message: 'scoring/ is isomorphic: no Node built-ins.' }))],
          patterns: [{ group: ['**/crawler/**', '**/extension/**'], message: 'scoring/ depends on nothing of ours.' }],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'process', 'Buffer', 'require', 'fetch', 'XMLHttpRequest', 'indexedDB', 'localStorage'],
    },
  },
  {
    files: ['crawler/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'natural', message: 'Use scoring/.' }], patterns: [{ group: ['**/extension/**'], message: 'crawler/ never imports extension/.' }] }],
    },
  },
  {
    files: ['extension/**/*.ts'],
    languageOptions: { globals: { ...globals.browser, ...globals.webextensions } },
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'natural', message: 'Use scoring/.' }, ...nodeBuiltins.map((name) => ({ name, message: 'The extension runs in a browser.' }))], patterns: [{ group: ['**/crawler/**'], message: 'extension/ never imports crawler/.' }] }],
    },
  },
);
