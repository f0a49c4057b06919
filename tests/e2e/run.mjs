// End-to-end runner: serves a built dist/ on 127.0.0.1 and drives Debian's /usr/bin/chromium through
// playwright-core (never a downloaded browser). Usage: node tests/e2e/run.mjs DIST_DIR
// Prints one line per test and ends with "e2e: N passed, N failed"; exits non-zero on any failure.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve } from './server.mjs';
import workbench from './workbench.spec.mjs';
import embed from './embed.spec.mjs';
import review from './review.spec.mjs';
import year from './year.spec.mjs';
import library from './library.spec.mjs';
import evidence from './evidence.spec.mjs';
import baseline from './baseline.spec.mjs';
import chunks from './chunks.spec.mjs';

const dist = process.argv[2] || 'dist';
if (!fs.existsSync(path.join(dist, 'index.html'))) {
  console.error(`e2e: no built app in ${dist} (run trunk build first)`);
  process.exit(2);
}

const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

// E2E_ONLY=review runs one suite (while working on it); CI runs them all.
const suites = [['workbench', workbench], ['embed', embed], ['review', review], ['year', year], ['library', library], ['evidence', evidence], ['chunks', chunks], ['baseline', baseline]]
  .filter(([name]) => !process.env.E2E_ONLY || process.env.E2E_ONLY.split(',').includes(name));
// The portal examples are served with the strict CSP a government portal would send.
export const PORTAL_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const server = await serve(dist, {
  headers: (urlPath) => (urlPath.startsWith('/portal/') ? { 'content-security-policy': PORTAL_CSP } : {}),
});
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
let passed = 0;
let failed = 0;
try {
  for (const [suite, tests] of suites) {
    // E2E_GREP=申报表 runs only the tests whose name contains it (while working on one).
    for (const test of tests.filter((t) => !process.env.E2E_GREP || t.name.includes(process.env.E2E_GREP))) {
      // A fresh context per test: its own localStorage, so tests never see each other's autosave.
      const context = await browser.newContext();
      const page = await context.newPage();
      const consoleErrors = [];
      page.on('console', (msg) => msg.type() === 'error' && consoleErrors.push(msg.text()));
      page.on('pageerror', (err) => consoleErrors.push(String(err)));
      const started = Date.now();
      try {
        await test.run({ page, baseUrl: server.url, assert, consoleErrors, context, dist: path.resolve(dist) });
        // A test passes only with a clean console, unless it provokes errors on purpose (and says which).
        const unexpected = consoleErrors.filter((e) => !(test.expectedConsoleErrors || []).some((re) => re.test(e)));
        assert.deepEqual(unexpected, [], 'the page logged console errors');
        passed += 1;
        console.log(`ok   ${suite} › ${test.name} (${Date.now() - started} ms)`);
      } catch (err) {
        failed += 1;
        console.log(`FAIL ${suite} › ${test.name}\n     ${String(err.stack || err).split('\n').join('\n     ')}`);
      } finally {
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
