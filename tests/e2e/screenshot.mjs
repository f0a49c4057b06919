// Takes a screenshot of the built app (for the README and for looking at a change):
// node tests/e2e/screenshot.mjs DIST_DIR OUT.png [tab-key] [width] [height]
import { chromium } from 'playwright-core';
import { serve } from './server.mjs';

const [dist = 'dist', out = 'docs/screenshot.png', tab = 'indicators', width = '1400', height = '900'] = process.argv.slice(2);
const server = await serve(dist);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height) } });
await page.goto(`${server.url}/`);
await page.getByTestId('total-score').waitFor();
await page.getByTestId(`tab-${tab}`).click();
await page.waitForTimeout(300);
await page.screenshot({ path: out });
await browser.close();
await server.close();
console.log(`screenshot: ${out}`);
