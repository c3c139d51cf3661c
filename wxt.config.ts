import { defineConfig } from 'wxt';

// The extension's sources live in extension/ (DESIGN.md layout); scoring/ is shared with the crawler.
//
// Permissions (justified in the README): activeTab + scripting read the open tab's HTML after the
// curator's gesture (toolbar, context menu, shortcut); storage for settings; contextMenus for the
// menu item; unlimitedStorage so thousands of candidates never hit the default quota. `tabs` is
// optional, asked for only when the curator turns on "badge on every tab". No host permissions.
//
// MENTOR_RADAR_E2E=1 builds a test-only variant into .output/e2e-chrome-mv3 that may read
// http://127.0.0.1/* pages (headless automation cannot make the toolbar gesture that grants
// activeTab). It never lands in .output/chrome-mv3 or the store zip.
const e2e = process.env.MENTOR_RADAR_E2E === '1';

// Modules that only define things (no work at import time). Telling the bundler so lets the popup
// and the dashboard drop the page scorer (cheerio, natural's stemmer) they never call; the
// background, which scores, keeps it.
const PURE_MODULE =
  /[\\/](scoring|node_modules[\\/](cheerio|cheerio-select|entities|css-select|css-what|domutils|domhandler|domelementtype|dom-serializer|htmlparser2|boolbase|nth-check|natural|papaparse))[\\/]/;

export default defineConfig({
  srcDir: 'extension',
  publicDir: 'extension/public',
  vite: () => ({
    build: {
      rollupOptions: {
        treeshake: { moduleSideEffects: (id: string) => !PURE_MODULE.test(id) },
      },
    },
  }),
  outDir: '.output',
  outDirTemplate: e2e ? 'e2e-{{browser}}-mv{{manifestVersion}}' : '{{browser}}-mv{{manifestVersion}}',
  manifest: ({ browser }) => ({
    name: 'Mentor Radar',
    description: 'Bookmark mentoring blogs and company sites and see their Mentor Radar score at once.',
    permissions: ['activeTab', 'scripting', 'storage', 'contextMenus', 'unlimitedStorage'],
    optional_permissions: ['tabs'],
    ...(e2e ? { host_permissions: ['http://127.0.0.1/*'] } : {}),
    action: { default_title: 'Bookmark this page in Mentor Radar' },
    commands: {
      bookmark: {
        suggested_key: { default: 'Alt+Shift+M' },
        description: 'Bookmark the current page in Mentor Radar',
      },
    },
    // Firefox wants an add-on id (storage and permissions are tied to it); Chrome would warn on the key.
    ...(browser === 'firefox' ? { browser_specific_settings: { gecko: { id: 'mentor-radar@mentor-radar.invalid', strict_min_version: '115.0', data_collection_permissions: { required: ['none'] } } } } : {}),
  }),
});
