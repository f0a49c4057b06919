// Browser benchmarks (figures, never pass/fail), run by `scripts/bench`:
//   transfer size (gzip, brotli) of the app's first download against the reference Leptos counter,
//   each capability's chunks and its click → usable time (cold, and warm from the HTTP cache),
//   time to interactive (median of cold loads) against the app's own static .html export,
//   edit latency (one 自评分 → total, grade, findings updated) on the example and on a 2,000-row tree,
//   export time in the browser (.docx / .xlsx, first and later),
// then merges the native figures (core throughput, native export) and prints one table.
// Usage: node tests/e2e/bench.mjs APP_DIST COUNTER_DIST STATIC_HTML NATIVE_JSON OUT_JSON
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { serve } from './server.mjs';
import { bigEvaluation } from './util.mjs';

const [appDist, counterDist, staticHtml, nativeJson, outJson] = process.argv.slice(2);
const LOADS = Number(process.env.BENCH_LOADS || 11);
const EDITS = Number(process.env.BENCH_EDITS || 40);
// BENCH_ONLY=load,chunks,edit,export runs only those browser groups (while working on one figure).
const only = (group) => !process.env.BENCH_ONLY || process.env.BENCH_ONLY.split(',').includes(group);

// ---------- statistics ----------
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const p95 = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)];
};

// ---------- transfer size ----------
function sizes(dir, filter = () => true) {
  const out = { raw: 0, gzip: 0, brotli: 0, files: [] };
  for (const name of fs.readdirSync(dir)) {
    if (!/\.(wasm|js|css)$/.test(name) || !filter(name)) continue;
    const bytes = fs.readFileSync(path.join(dir, name));
    const f = {
      name,
      raw: bytes.length,
      gzip: zlib.gzipSync(bytes, { level: 9 }).length,
      brotli: zlib.brotliCompressSync(bytes, {
        params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
      }).length,
    };
    out.files.push(f);
    for (const k of ['raw', 'gzip', 'brotli']) out[k] += f[k];
  }
  return out;
}

// ---------- browser ----------
const ARGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/** Records, in the page, when `found()` first holds (checked on every DOM mutation). */
const WATCH = (predicate) => `
  (() => {
    const found = ${predicate};
    const check = () => { if (window.__ready === undefined && found()) window.__ready = performance.now(); };
    new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
    document.addEventListener('DOMContentLoaded', check);
  })();`;

const APP_READY = `() => document.querySelector('[data-testid="total-score"]')?.textContent.trim() === '99.5'`;
// Time until an edit works: once the total shows, one 自评分 is typed (the page's own input event) and
// the figure is taken when the total follows it (99.5 → 100).
const APP_EDITABLE = `(() => {
  let typed = false;
  return () => {
    const total = document.querySelector('[data-testid="total-score"]');
    if (!typed) {
      const input = document.querySelector('[data-path="indicators/2.6.2/score"] input');
      if (!input || total?.textContent.trim() !== '99.5') return false;
      typed = true;
      input.value = '1';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      return false;
    }
    return total.textContent.trim() === '100';
  };
})()`;
const STATIC_READY = `() => !!document.body && document.body.textContent.includes('99.5')`;

async function coldLoads(browser, url, predicate, initScript) {
  const times = [];
  for (let i = 0; i < LOADS; i += 1) {
    const context = await browser.newContext(); // empty cache and storage: a cold load
    const page = await context.newPage();
    if (initScript) await page.addInitScript(initScript);
    await page.addInitScript(WATCH(predicate));
    await page.goto(url);
    await page.waitForFunction(() => window.__ready !== undefined, null, { timeout: 60000 });
    times.push(await page.evaluate(() => window.__ready));
    await context.close();
  }
  return times;
}

/** In the page: sets one 自评分 `count` times, alternating, and times input → total updated (all effects run). */
async function editLatency(page, scorePath, values, count) {
  return page.evaluate(async ({ scorePath, values, count }) => {
    const input = document.querySelector(`[data-path="${scorePath}"] input`);
    const total = document.querySelector('[data-testid="total-score"]');
    const grade = document.querySelector('[data-testid="grade"]');
    const findings = document.querySelector('[data-testid="findings-count"]');
    if (!input || !total) throw new Error(`no field ${scorePath} or total`);
    // A macrotask runs only after every microtask, so after it Leptos's effects have all run.
    const channel = new MessageChannel();
    const macrotask = () => new Promise((r) => { channel.port1.onmessage = () => r(); channel.port2.postMessage(0); });
    const times = [];
    for (let i = 0; i < count + 3; i += 1) {
      const before = total.textContent;
      const value = values[i % values.length];
      performance.mark('edit-start');
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await macrotask();
      performance.mark('edit-script');
      void grade.textContent; void findings.textContent; void document.body.offsetHeight; // force style + layout
      performance.mark('edit-end');
      const m = performance.measure('edit', 'edit-start', 'edit-end');
      const script = performance.measure('edit-script', 'edit-start', 'edit-script');
      if (total.textContent === before) throw new Error(`total did not change after setting ${value}`);
      if (i >= 3) times.push([m.duration, script.duration]); // the first three warm up
      await new Promise((r) => setTimeout(r, 20));
    }
    return times;
  }, { scorePath, values, count });
}

/** Clicks an export button and reads the export's own performance measure (build + hand-over of the file). */
// (Waits for the measure, not the download event: Chromium holds back repeated downloads from one page.)
async function exportTime(page, testid, measureName) {
  await page.evaluate(() => performance.clearMeasures());
  await page.getByTestId(testid).click();
  await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, measureName, { timeout: 60000 });
  return page.evaluate((name) => performance.getEntriesByName(name).at(-1).duration, measureName);
}

const rows = [];
const row = (group, figure, value, unit, reference = null, target = null) =>
  rows.push({ group, figure, value, unit, reference, ratio: reference ? value / reference : null, target });

// The first download: what the page loads before its first screen (not the Word / Excel module, not the
// capabilities' chunks, src/ui/lazy.rs).
const isChunk = (n) => /^(split|chunk)_/.test(n);
const isFileModule = (n) => /^jixiao_(export|read)/.test(n);
const app = sizes(appDist, (n) => !isFileModule(n) && !isChunk(n));
const chunks = sizes(appDist, isChunk);
const exportsModule = sizes(appDist, (n) => n.startsWith('jixiao_export'));
const readerModule = sizes(appDist, (n) => n.startsWith('jixiao_read'));
const counter = sizes(counterDist);
row('size', 'workbench first download (wasm+js+css), gzip', app.gzip, 'B', counter.gzip, '≤ 250 KB (≤ 7 × counter)');
row('size', 'workbench first download, brotli', app.brotli, 'B', counter.brotli);
row('size', `capabilities' chunks (${chunks.files.length} files, on first use), gzip`, chunks.gzip, 'B');
if (exportsModule.files.length) {
  row('size', 'Word/Excel module (loaded on first export), gzip', exportsModule.gzip, 'B', null, '≤ 600 KB');
  row('size', 'Word/Excel module, brotli', exportsModule.brotli, 'B');
}
if (readerModule.files.length) {
  row('size', 'document reader (loaded on first file opened), gzip', readerModule.gzip, 'B');
}
row('size', 'everything, gzip', app.gzip + chunks.gzip + exportsModule.gzip + readerModule.gzip, 'B');
row('size', 'everything, brotli', app.brotli + chunks.brotli + exportsModule.brotli + readerModule.brotli, 'B');
if (process.env.BENCH_SINGLE_FILE && fs.existsSync(process.env.BENCH_SINGLE_FILE)) {
  row('size', 'single offline file (jixiao-standalone.html)', fs.statSync(process.env.BENCH_SINGLE_FILE).size, 'B', null, '≤ 3.5 MB');
}
row('size', 'reference counter, gzip', counter.gzip, 'B');
const gzipOf = Object.fromEntries(chunks.files.map((f) => [f.name, f.gzip]));

/** In the page: clicks `testid` and times until `selector` shows (every DOM change checked). */
function clickToUsable(page, testid, selector) {
  return page.evaluate(({ testid, selector }) => new Promise((resolve, reject) => {
    const t0 = performance.now();
    const observer = new MutationObserver(() => check());
    const check = () => {
      if (!document.querySelector(selector)) return;
      observer.disconnect();
      resolve(performance.now() - t0);
    };
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    document.querySelector(`[data-testid="${testid}"]`).click();
    check();
    setTimeout(() => reject(new Error(`${selector} did not show`)), 60000);
  }), { testid, selector });
}

// Each capability beyond the first screen: its chunk(s) and the click → usable time.
const CAPABILITIES = [
  ['单位概况', 'tab-unit', '[data-testid="unit-form"]'],
  ['收支与资产', 'tab-accounts', '[data-testid="execution-rate"]'],
  ['业务指标', 'tab-metrics', '[data-testid="metric-card"]'],
  ['报告预览', 'tab-report', '[data-testid="report-preview"] h1'],
  ['上年对比', 'tab-compare', '[data-testid="compare-open"]'],
  ['佐证材料', 'tab-evidence', '[data-testid="evidence-tab"]'],
  ['指标库', 'library-open', '[data-testid="library-entry"]'],
  ['复核台', 'mode-review', '[data-testid="review-counts"]'],
];

const appServer = await serve(appDist, { cache: true });
const counterServer = await serve(counterDist);
const staticServer = await serve(path.dirname(staticHtml));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
try {
  // ---------- time to interactive ----------
  if (only('load')) {
  const appTti = await coldLoads(browser, `${appServer.url}/`, APP_READY);
  const staticTti = await coldLoads(browser, `${staticServer.url}/${path.basename(staticHtml)}`, STATIC_READY);
  const counterTti = await coldLoads(browser, `${counterServer.url}/`, `() => !!document.querySelector('[data-testid="count"]')`);
  const appEditable = await coldLoads(browser, `${appServer.url}/`, APP_EDITABLE);
  row('load', `app shows the total (median of ${LOADS} cold loads)`, median(appTti), 'ms', median(staticTti), '≤ 2.5 × static');
  row('load', 'app takes an edit (typed score → total follows)', median(appEditable), 'ms', median(staticTti), '≤ 2.5 × static');
  row('load', 'static .html export of the same report', median(staticTti), 'ms');
  row('load', 'reference counter', median(counterTti), 'ms');
  }

  // ---------- capabilities: click → usable, cold (chunks fetched) and warm (from the HTTP cache) ----------
  if (only('chunks')) {
    for (const [name, testid, selector] of CAPABILITIES) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const fetched = [];
      page.on('request', (r) => {
        const file = path.basename(new URL(r.url()).pathname);
        if (isChunk(file)) fetched.push(file);
      });
      const times = [];
      for (let load = 0; load < 2; load += 1) {
        await page.goto(`${appServer.url}/`);
        await page.waitForFunction(APP_READY, null, { timeout: 60000 });
        times.push(await clickToUsable(page, testid, selector));
        // The app remembers the desk as the face to open with: back to the workbench before reloading.
        if (testid === 'mode-review') await page.getByTestId('mode-workbench').click();
      }
      const bytes = [...new Set(fetched)].reduce((sum, f) => sum + (gzipOf[f] || 0), 0);
      row('chunks', `${name}: click → usable, cold (${new Set(fetched).size} files, ${(bytes / 1024).toFixed(1)} KB gzip)`, times[0], 'ms', null, '≤ 600 ms');
      row('chunks', `${name}: click → usable, warm cache`, times[1], 'ms', null, '≤ 150 ms');
      await context.close();
    }
  }

  // ---------- edit latency ----------
  if (only('edit')) {
  const example = JSON.parse(fs.readFileSync(path.join(path.dirname(staticHtml), 'nanjing-2024.json'), 'utf8'));
  for (const [label, evaluation, scorePath, values, target] of [
    ['34-row example', null, 'indicators/2.6.2/score', ['1', '0.5'], 16],
    ['2,110-row tree', bigEvaluation(example), 'indicators/7.3.11/score', ['0', '0.05'], 50],
  ]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    if (evaluation) {
      await page.addInitScript((text) => localStorage.setItem('jixiao:default', text), JSON.stringify(evaluation));
    }
    const opened = Date.now();
    await page.goto(`${appServer.url}/`);
    // The first screen: its first row takes an edit (the rest of a large tree is built after it).
    await page.waitForSelector('[data-path="indicators/1.1.1/score"] input', { timeout: 120000 });
    const firstMs = Date.now() - opened;
    // A large tree builds its rows as they come near the screen: scrolled to, as a user would.
    await page.locator(`tr[data-path="${scorePath.replace(/\/score$/, '')}"]`).scrollIntoViewIfNeeded({ timeout: 120000 });
    await page.waitForSelector(`[data-path="${scorePath}"] input`, { timeout: 120000 });
    const openMs = Date.now() - opened;
    const pairs = await editLatency(page, scorePath, values, evaluation ? Math.min(EDITS, 20) : EDITS);
    const times = pairs.map((p) => p[0]);
    row('edit', `edit → updated, ${label}, median`, median(times), 'ms', null, `≤ ${target} ms`);
    row('edit', `edit → updated, ${label}, p95`, p95(times), 'ms');
    row('edit', `  of which script (Rust + DOM writes), median`, median(pairs.map((p) => p[1])), 'ms');
    if (evaluation) {
      row('edit', `open the ${label}: first rows shown, editable`, firstMs, 'ms', null, '≤ 500 ms');
      row('edit', `open the ${label}: scrolled to row 7.3.11, editable`, openMs, 'ms');
    }
    await context.close();
  }
  }

  // ---------- export time in the browser ----------
  if (only('export')) {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${appServer.url}/`);
    await page.getByTestId('tab-report').click();
    for (const [kind, testid] of [['docx', 'save-docx'], ['xlsx', 'save-xlsx']]) {
      const first = await exportTime(page, testid, `jixiao:export-${kind}`);
      const later = [];
      for (let i = 0; i < 5; i += 1) later.push(await exportTime(page, testid, `jixiao:export-${kind}`));
      row('export', `.${kind} in the browser, first`, first, 'ms');
      row('export', `.${kind} in the browser, later (median of 5)`, median(later), 'ms');
    }
    await context.close();
  }

  // ---------- the reviewer's desk: a batch read in the page ----------
  const batchDir = process.env.BENCH_REVIEW_DIR;
  if (only('review') && batchDir && fs.existsSync(batchDir)) {
    const files = fs.readdirSync(batchDir).sort().map((n) => path.join(batchDir, n));
    const bytes = files.reduce((sum, f) => sum + fs.statSync(f).size, 0);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.__long = [];
      new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__long.push(e.duration); })
        .observe({ type: 'longtask', buffered: true });
    });
    await page.goto(`${appServer.url}/?mode=review`);
    await page.getByTestId('review-desk').waitFor();
    await page.waitForTimeout(500);
    await page.evaluate(() => { window.__long = []; performance.clearMeasures(); });
    const started = Date.now();
    await page.getByTestId('review-open').setInputFiles(files);
    await page.waitForFunction(() => performance.getEntriesByName('jixiao:review-read').length > 0, null, { timeout: 600000 });
    const read = await page.evaluate(() => performance.getEntriesByName('jixiao:review-read').at(-1).duration);
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="review-row"]').length === n, files.length, { timeout: 600000 });
    const shown = Date.now() - started;
    const long = await page.evaluate(() => window.__long);
    row('review', `read ${files.length} files (${(bytes / files.length / 1024).toFixed(0)} KB avg; .json/.tsv/.xlsx) into the desk`, read, 'ms');
    row('review', `  until all ${files.length} rows are shown`, shown, 'ms');
    row('review', 'longest main-thread task meanwhile (Long Tasks ≥ 50 ms; 0 = none)', long.length ? Math.max(...long) : 0, 'ms');
    row('review', 'tasks of ≥ 50 ms meanwhile', long.length, 'tasks');
    await context.close();
  }
} finally {
  await browser.close();
  await appServer.close();
  await counterServer.close();
  await staticServer.close();
}

// ---------- the reviewer's command line over a big batch ----------
const nativeBatch = process.env.BENCH_REVIEW_NATIVE_DIR;
if (only('review') && nativeBatch && fs.existsSync(nativeBatch)) {
  const count = fs.readdirSync(nativeBatch).length;
  const times = [];
  for (let i = 0; i < 3; i += 1) {
    const started = process.hrtime.bigint();
    spawnSync('target/release/jixiao', ['check', '--summary', path.join(path.dirname(nativeBatch), 'summary.xlsx'), nativeBatch], { stdio: 'ignore' });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  row('review', `jixiao check --summary over ${count} files (median of 3)`, median(times), 'ms');
}

// ---------- native figures ----------
if (nativeJson && fs.existsSync(nativeJson)) {
  for (const r of JSON.parse(fs.readFileSync(nativeJson, 'utf8'))) rows.push(r);
}

// ---------- the table ----------
const fmt = (v, unit) => {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  if (unit === 'B') return `${(v / 1024).toFixed(1)} KB`;
  if (unit === 'ms') return v < 1 ? `${v.toFixed(3)} ms` : `${v.toFixed(1)} ms`;
  if (unit === 'ns') return `${v.toFixed(0)} ns`;
  return `${v} ${unit}`;
};
const line = (cells, widths) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ');
const widths = [8, 52, 12, 12, 7, 16];
console.log(line(['group', 'figure', 'value', 'reference', 'ratio', 'target'], widths));
for (const r of rows) {
  console.log(line([r.group, r.figure, fmt(r.value, r.unit), fmt(r.reference, r.unit),
    r.ratio ? `${r.ratio.toFixed(2)}×` : '', r.target ?? ''], widths));
}
fs.writeFileSync(outJson, JSON.stringify({ when: new Date().toISOString(), rows, sizes: { app, chunks, exportsModule, readerModule, counter } }, null, 2));
console.log(`bench: ${rows.length} figures written to ${outJson}`);
