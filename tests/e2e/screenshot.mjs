// Takes a screenshot of the built app (for the README and for looking at a change):
// node tests/e2e/screenshot.mjs DIST_DIR OUT.png [tab-key | review] [width] [height]
// ("review": the reviewer's desk with the end-to-end tests' mixed batch read in.)
import { chromium } from 'playwright-core';
import { serve } from './server.mjs';
import { mixedBatch } from './review.spec.mjs';

const [dist = 'dist', out = 'docs/screenshot.png', tab = 'indicators', width = '1400', height = '900'] = process.argv.slice(2);
const server = await serve(dist);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height) } });
if (tab === 'review') {
  await page.goto(`${server.url}/?mode=review`);
  await page.getByTestId('review-open').setInputFiles(mixedBatch());
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="review-row"]').length === 9
    && !document.querySelector('[data-testid="review-progress"]'));
} else {
  await page.goto(`${server.url}/`);
  await page.getByTestId('total-score').waitFor();
  await page.getByTestId(`tab-${tab}`).click();
}
await page.waitForTimeout(300);
await page.screenshot({ path: out });
await browser.close();
await server.close();
console.log(`screenshot: ${out}`);
