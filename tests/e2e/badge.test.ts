// The winner badge in real Chromium: it renders as an <img> (the way winners embed it) and inline,
// fetches nothing, and its name fits the sheet. Takes docs/screenshots/badge.png (under
// UPDATE_SCREENSHOTS=1; otherwise into .output/screenshots, like the other screenshots).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BADGE_HEIGHT, BADGE_WIDTH, badgeDataUri, badgeEmbedHtml, badgeSvg } from '../../scoring/index.ts';
import { CHROMIUM, SCREENSHOTS, e2eEnabled } from './harness.ts';

const enabled = e2eEnabled();

const BADGES = [
  { name: 'Second Chair', year: 2026, place: 1 as const },
  { name: 'Bridgeway Youth Mentoring Alliance', year: 2026, place: 2 as const },
  { name: 'The Extraordinarily Long Name of a Mentoring Program Coordinators Network International', year: 2026, place: 3 as const },
  { name: 'LSU Mentoring Handbook', year: 2026 },
];

describe.skipIf(!enabled)('the winner badge in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('renders as embedded images without a single request, and inline with the name inside the sheet', async () => {
    // Four badges at half size (the embed's width and height), 12 px padding, 24 px gaps.
    const page = await browser.newPage({ viewport: { width: 24 + BADGES.length * (BADGE_WIDTH / 2) + (BADGES.length - 1) * 24, height: 24 + BADGE_HEIGHT / 2 }, deviceScaleFactor: 2 });
    const requests: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith('data:') && r.url() !== 'about:blank') requests.push(r.url());
    });
    const snippets = BADGES.map((b) => badgeEmbedHtml({ ...b, svgUrl: badgeDataUri(badgeSvg(b)), roundupUrl: 'https://mentoring.example/best-2026' }));
    await page.setContent(`<!doctype html><html><body style="margin:0;padding:12px;background:#fff;display:flex;gap:24px">${snippets.join('')}</body></html>`);
    const sizes = await page.$$eval('img', (imgs) => Promise.all(imgs.map((i) => i.decode().then(() => [i.naturalWidth, i.complete]))));
    expect(sizes).toEqual(BADGES.map(() => [BADGE_WIDTH, true]));
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'badge.png') });
    expect(requests).toEqual([]);

    // Inline: every text line lies within the inner frame of the sheet (x 18 .. width - 18).
    const inline = await browser.newPage();
    await inline.setContent(`<!doctype html><html><body>${BADGES.map((b) => badgeSvg(b)).join('')}</body></html>`);
    const boxes = await inline.$$eval('svg text', (ts) => ts.map((t) => (t as SVGTextElement).getBBox()).map((b) => [b.x, b.x + b.width, b.width]));
    expect(boxes.length).toBeGreaterThan(BADGES.length * 4);
    for (const [left, right, width] of boxes) {
      expect(width).toBeGreaterThan(0);
      expect(left).toBeGreaterThanOrEqual(18);
      expect(right).toBeLessThanOrEqual(BADGE_WIDTH - 18);
    }
    await page.close();
    await inline.close();
  });
});
