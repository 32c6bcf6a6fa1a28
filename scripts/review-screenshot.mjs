// Screenshot of the review page (`show --html`) with a failure selected: docs/review-page.png.
//   node scripts/review-screenshot.mjs REPORT.html OUT.png [failure index, 0-based]
// Needs /usr/bin/chromium (playwright-core drives it) and a CJK font (Debian: fonts-noto-cjk).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const [html, out, nth = '0'] = process.argv.slice(2);
if (!html || !out) {
  console.error('usage: node scripts/review-screenshot.mjs REPORT.html OUT.png [failure index]');
  process.exit(2);
}
const dir = await mkdtemp(path.join(os.tmpdir(), 'review-shot-'));
const browser = await chromium.launchPersistentContext(path.join(dir, 'profile'), {
  executablePath: '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1400, height: 900 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  const page = await browser.newPage();
  await page.goto(pathToFileURL(path.resolve(html)).href);
  // Select the failure: the list stays at the top of the window, the page image and the grid scroll to its cell.
  await page.locator('li.failure:not(.cause-item)').nth(Number(nth)).click();
  await page.mouse.move(1399, 899); // no hover on the list (it moved up when the window scrolled)
  await page.waitForTimeout(200);
  await page.screenshot({ path: out, type: 'png' });
} finally {
  await browser.close();
  await rm(dir, { recursive: true, force: true });
}
