// The e2e harness: build the extension, serve fixture sites on loopback, launch Debian's Chromium
// with the unpacked extension in a persistent profile (close and relaunch it with the same profile).
// Used by tests/e2e/*.test.ts and bench/extension.bench.ts.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** The test-only build (MENTOR_RADAR_E2E=1): adds host_permissions for http://127.0.0.1/* only. */
export const E2E_EXT_DIR = join(ROOT, '.output/e2e-chrome-mv3');
/** The production build (`npm run build`). */
export const PROD_EXT_DIR = join(ROOT, '.output/chrome-mv3');
/**
 * Every e2e run takes the popup and dashboard screenshots; they go to .output/screenshots so a
 * test run leaves the work tree clean, and `UPDATE_SCREENSHOTS=1 npm run test:e2e` refreshes the
 * committed copies in docs/screenshots that the README shows.
 */
export const SCREENSHOTS = join(ROOT, process.env.UPDATE_SCREENSHOTS === '1' ? 'docs/screenshots' : '.output/screenshots');

export function haveChromium(): boolean {
  return existsSync(CHROMIUM);
}

export const NO_CHROMIUM_MESSAGE = `Chromium not found at ${CHROMIUM}: the e2e tests need Debian's chromium (apt-get install -y chromium) or CHROMIUM_PATH.`;

/**
 * Whether the e2e suite runs here. In CI (process.env.CI set) a missing Chromium is an error;
 * on a developer machine without it the suite is skipped with a message.
 */
export function e2eEnabled(): boolean {
  if (haveChromium()) return true;
  if (process.env.CI) throw new Error(`${NO_CHROMIUM_MESSAGE} CI must install it (see .ci/run).`);
  console.warn(`[e2e] SKIPPED: ${NO_CHROMIUM_MESSAGE}`);
  return false;
}

/** Run `wxt build` (production, or the e2e variant). Throws with the build output on failure. */
export function buildExtension(variant: 'prod' | 'e2e'): void {
  const bin = join(ROOT, 'node_modules/.bin/wxt');
  const env = { ...process.env };
  if (variant === 'e2e') env.MENTOR_RADAR_E2E = '1';
  else delete env.MENTOR_RADAR_E2E;
  const r = spawnSync(bin, ['build'], { cwd: ROOT, env, encoding: 'utf8', timeout: 240_000 });
  if (r.status !== 0) {
    throw new Error(`wxt build (${variant}) failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
  const dir = variant === 'e2e' ? E2E_EXT_DIR : PROD_EXT_DIR;
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`wxt build (${variant}) wrote no ${dir}/manifest.json`);
}

// ------------------------------------------------------------------ fixture sites on loopback

export interface Site {
  /** http://127.0.0.1:PORT */
  origin: string;
  server: Server;
}

export interface Route {
  body: string | Buffer;
  type?: string;
  /** HTTP status (default 200): a 404 or 500 page with an HTML body. */
  status?: number;
  /** Send the first half of the body, then hold the rest back this long (a page still loading). */
  slowMs?: number;
}
export type Routes = Record<string, Route>;

/** One HTTP server on 127.0.0.1 (random port) = one site (the site key keeps the port). */
export async function serveSite(routes: Routes): Promise<Site> {
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const r = routes[path];
    if (!r) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(r.status ?? 200, { 'content-type': r.type ?? 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    if (!r.slowMs) {
      res.end(r.body);
      return;
    }
    const body = Buffer.from(r.body);
    res.write(body.subarray(0, body.length >> 1));
    const t = setTimeout(() => {
      timers.delete(t);
      res.end(body.subarray(body.length >> 1));
    }, r.slowMs);
    timers.add(t);
    res.on('close', () => (clearTimeout(t), timers.delete(t)));
  });
  server.on('close', () => timers.forEach((t) => clearTimeout(t)));
  await new Promise<void>((ok, bad) => {
    server.once('error', bad);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, server };
}

export async function closeSites(sites: Site[]): Promise<void> {
  await Promise.all(
    sites.map(
      (s) =>
        new Promise<void>((ok) => {
          s.server.closeAllConnections?.();
          s.server.close(() => ok());
        }),
    ),
  );
}

// ------------------------------------------------------------------ fixture pages

const FIXTURES = join(ROOT, 'tests/e2e/fixtures');

/** A real mentoring guide (~60 KB; GSoC Mentor Guide text, CC-BY-SA-3.0). */
export function guidePage(): string {
  return readFileSync(join(FIXTURES, 'mentor-guide.html'), 'utf8');
}

/** A ~1 MB mentoring handbook page: the guide's sections many times over, plus long comment threads. */
export function bigPage(targetBytes = 1024 * 1024): string {
  const guide = guidePage();
  const sections = guide.match(/<section>[\s\S]*?<\/section>/g) ?? [];
  const parts: string[] = [];
  let size = 0;
  for (let chapter = 1; size < targetBytes - 4000; chapter++) {
    for (const s of sections) {
      const chunk = s.replace('<h2>', `<h2>Part ${chapter}: `);
      parts.push(chunk);
      size += chunk.length;
      if (size >= targetBytes - 4000) break;
    }
    parts.push(
      `<aside class="comments"><h3>Comments on part ${chapter}</h3><ul>${Array.from(
        { length: 20 },
        (_, i) => `<li><b>Reader ${chapter}-${i}</b> <p>Thanks, the checklist for the first meeting helped our program coordinator.</p></li>`,
      ).join('')}</ul></aside>`,
    );
  }
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>The Complete Mentoring Program Handbook</title>
<meta property="og:site_name" content="Mentoring Handbook">
<meta property="article:published_time" content="2025-06-01T08:00:00Z">
</head><body><main><article><h1>The Complete Mentoring Program Handbook</h1>
${parts.join('\n')}
</article></main></body></html>`;
}

/**
 * A hostile page: markup in its title and site name, a `javascript:` feed and links, and
 * "evidence" sentences that contain tags as text. None of it may ever run or become a link.
 */
export function hostilePage(): string {
  const para = (s: string) => `<p>${s}</p>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title><img src=x onerror=alert(1)></title>
<meta property="og:site_name" content="&lt;img src=x onerror=alert(3)&gt;Hostile">
<link rel="alternate" type="application/rss+xml" href="javascript:alert(4)">
<link rel="canonical" href="javascript:alert(5)">
</head><body><main><article>
<h1>Mentoring tips &lt;script&gt;alert(6)&lt;/script&gt;</h1>
${para('&lt;img src=x onerror=alert(2)&gt; A good mentor listens first, keeps every promise and agrees on goals with the mentee at the first meeting.')}
${para('Mentors should meet their mentee regularly, give honest feedback and help the mentee build a network of several mentors. &lt;a href="javascript:alert(7)"&gt;click&lt;/a&gt;')}
${para('A mentoring program needs a coordinator who recruits mentors, matches each mentor with a mentee, trains the mentors and evaluates the program every year.')}
${para('<a href="javascript:alert(8)">Download the mentoring checklist</a> · <a href="javascript:void(0)">Mentor training</a>')}
</article></main></body></html>`;
}

/** A page about something else entirely (cooking). */
export function irrelevantPage(): string {
  const steps = Array.from({ length: 12 }, (_, i) => `<li>Step ${i + 1}: stir the sauce, season it with salt and pepper and simmer for ten minutes.</li>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Slow-cooked tomato sauce</title></head>
<body><main><article><h1>Slow-cooked tomato sauce</h1><p>This recipe makes enough sauce for four people. Use ripe tomatoes, garlic, olive oil and fresh basil.</p>
<ol>${steps}</ol><p>Serve the sauce with pasta and grated cheese.</p></article></main></body></html>`;
}

/** A small valid PDF (one empty page): Chromium shows it in its PDF viewer. */
export function pdfBytes(): Buffer {
  return Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
      '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  );
}

/** An HTML error page about mentoring (so only the status can tell it is not a real page). */
export function errorPage(status: number): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${status} — Mentoring guide</title></head>
<body><main><h1>${status}</h1><p>The mentoring guide you asked for is not here. A good mentor listens first and meets the mentee regularly.</p></main></body></html>`;
}

export const FEED_XML = `<?xml version="1.0"?><rss version="2.0"><channel><title>Mentor Guide</title>
<item><title>How to be a good mentor</title><link>/guide</link><pubDate>Mon, 15 Sep 2025 09:00:00 GMT</pubDate></item>
</channel></rss>`;

// ------------------------------------------------------------------ the browser

export interface Launched {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Dialogs (alert/confirm/prompt) seen on any page of this context. */
  dialogs: string[];
}

export function tempProfile(prefix = 'mentor-radar-e2e-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeDir(dir: string | undefined): void {
  if (dir) rmSync(dir, { recursive: true, force: true });
}

/** Launch Chromium with the e2e build of the extension loaded, in `userDataDir` (kept across launches). */
export async function launch(userDataDir: string, extDir = E2E_EXT_DIR): Promise<Launched> {
  if (!existsSync(join(extDir, 'manifest.json'))) throw new Error(`no built extension in ${extDir}`);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1280, height: 800 },
    args: [
      `--disable-extensions-except=${extDir}`,
      `--load-extension=${extDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--no-default-browser-check',
    ],
    timeout: 60_000,
  });
  const dialogs: string[] = [];
  const watch = (p: Page) =>
    p.on('dialog', (d) => {
      dialogs.push(`${d.type()}: ${d.message()}`);
      void d.dismiss().catch(() => undefined);
    });
  context.pages().forEach(watch);
  context.on('page', watch);
  const worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  return { context, worker, extensionId, dialogs };
}

/** The service worker (it may have been stopped and restarted since launch). */
export async function currentWorker(l: Launched): Promise<Worker> {
  const w = l.context.serviceWorkers().find((x) => x.url().startsWith(`chrome-extension://${l.extensionId}/`));
  return w ?? (await l.context.waitForEvent('serviceworker', { timeout: 30_000 }));
}

export function extUrl(l: Launched, path: string): string {
  return `chrome-extension://${l.extensionId}/${path.replace(/^\//, '')}`;
}

/**
 * The tab id of the (only) tab showing `url`, asked from the extension's service worker. A tab that
 * has just committed a navigation may still report the URL as `pendingUrl` for a moment (seen under
 * load), so the question is asked again for up to 5 s.
 */
export async function tabIdOf(l: Launched, url: string): Promise<number> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const worker = await currentWorker(l);
    const id = await worker.evaluate(async (u: string) => {
      const c = (globalThis as unknown as { chrome: { tabs: { query: (q: object) => Promise<{ id?: number; url?: string; pendingUrl?: string }[]> } } }).chrome;
      const tabs = await c.tabs.query({});
      return tabs.find((t) => t.url === u || t.pendingUrl === u)?.id ?? -1;
    }, url);
    if (id >= 0) return id;
    if (Date.now() > deadline) throw new Error(`no tab shows ${url}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The ids of every open tab (the extension may not see their URLs). */
export async function tabIds(l: Launched): Promise<number[]> {
  const worker = await currentWorker(l);
  return worker.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: { tabs: { query: (q: object) => Promise<{ id?: number }[]> } } }).chrome;
    return (await c.tabs.query({})).map((t) => t.id ?? -1);
  });
}

/** The site keys stored in the extension's IndexedDB, read in its service worker (sorted). */
export async function storedSiteKeys(l: Launched): Promise<string[]> {
  const worker = await currentWorker(l);
  return worker.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('mentor-radar');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction('candidates').objectStore('candidates').getAllKeys();
          req.onsuccess = () => {
            db.close();
            resolve((req.result as string[]).sort());
          };
          req.onerror = () => reject(req.error);
        };
      }),
  );
}

/** Open `url` in a tab and return that page and its tab id. */
export async function openSitePage(l: Launched, url: string): Promise<{ page: Page; tabId: number }> {
  const page = await l.context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  return { page, tabId: await tabIdOf(l, page.url()) };
}

/**
 * Bookmark through the real popup: open popup.html?tabId=N in a tab (the popup bookmarks that tab
 * on open, as it does for the active tab from the toolbar) and wait for the result or the error.
 */
export async function openPopupFor(l: Launched, tabId: number, opts: { width?: number; height?: number } = {}): Promise<Page> {
  const popup = await l.context.newPage();
  await popup.setViewportSize({ width: opts.width ?? 400, height: opts.height ?? 720 });
  await popup.goto(extUrl(l, `popup.html?tabId=${tabId}`));
  await popup.waitForFunction(() => ['done', 'error'].includes(document.body.getAttribute('data-state') ?? ''), undefined, { timeout: 30_000 });
  return popup;
}

/** The popup for a tab, opened without waiting for its result (`query` adds e.g. `wait=1500`). */
export async function openPopupPage(l: Launched, tabId: number, query = ''): Promise<Page> {
  const popup = await l.context.newPage();
  await popup.setViewportSize({ width: 400, height: 720 });
  await popup.goto(extUrl(l, `popup.html?tabId=${tabId}${query ? `&${query}` : ''}`));
  return popup;
}

/** Wait until the popup has answered (done or error); returns its status line. */
export async function popupResult(popup: Page, timeout = 30_000): Promise<{ state: string; reason: string | null; status: string }> {
  await popup.waitForFunction(() => ['done', 'error'].includes(document.body.getAttribute('data-state') ?? ''), undefined, { timeout });
  return {
    state: (await popup.getAttribute('body', 'data-state')) ?? '',
    reason: await popup.getAttribute('body', 'data-reason'),
    status: (await popup.textContent('#status')) ?? '',
  };
}

// ------------------------------------------------------------------ accessibility

const AXE_SOURCE = join(ROOT, 'node_modules/axe-core/axe.min.js');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Run axe-core on a page of the extension. Its CSP blocks addScriptTag, so axe's source goes in
 * through page.evaluate (the DevTools protocol is not subject to the page's CSP).
 * Returns the serious and critical violations (WCAG 2 A/AA rules and axe's best practices).
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(AXE_SOURCE, 'utf8'));
  const violations = await page.evaluate(async () => {
    type Node = { target: unknown[]; failureSummary?: string };
    type Rule = { id: string; impact: string | null; help: string; nodes: Node[] };
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Rule[]; passes: Rule[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return {
      passed: r.passes.length,
      violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => `${JSON.stringify(n.target)}: ${n.failureSummary ?? ''}`) })),
    };
  });
  // A run that checked nothing would pass vacuously.
  if (violations.passed < 10) throw new Error(`axe-core checked only ${violations.passed} rules on ${page.url()}`);
  return violations.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Open the dashboard and wait until it has read the store. */
export async function openDashboard(l: Launched, page?: Page): Promise<Page> {
  const p = page ?? (await l.context.newPage());
  await p.goto(extUrl(l, 'dashboard.html'));
  await p.waitForFunction(() => ['ready', 'error'].includes(document.body.getAttribute('data-state') ?? ''), undefined, { timeout: 60_000 });
  return p;
}
