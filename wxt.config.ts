import { defineConfig } from 'wxt';

// The extension's sources live in extension/ (DESIGN.md layout); scoring/ is shared with the crawler.
export default defineConfig({
  srcDir: 'extension',
  outDir: '.output',
  manifest: {
    name: 'Mentor Radar',
    description: 'Bookmark mentoring blogs and company sites and see their Mentor Radar score at once.',
  },
});
