// End-to-end: the capabilities beyond the first screen (单位概况, 收支与资产, 业务指标, 报告预览, 上年对比,
// 佐证材料, 指标库, 复核台) arrive as
// chunks on first use (src/ui/lazy.rs). In each deployment — the page, the portal element under a strict
// CSP, the single file from file:// with the network off — each one opens and works after its chunk
// loads; a chunk that cannot be loaded is said in Chinese, the workbench keeps working, and opening the
// capability again retries.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { cspViolations, cspWatch, networkOff, until } from './util.mjs';

/** Each capability: how it is opened, and what shows that it works (inside `root`: the page or a host). */
const CAPABILITIES = [
  ['unit_form', async (root, assert) => {
    await root.getByTestId('tab-unit').click();
    await until(async () => assert.ok(await root.getByTestId('unit-form').isVisible()));
  }],
  ['accounts', async (root, assert) => {
    await root.getByTestId('tab-accounts').click();
    await until(async () => assert.match(await root.getByTestId('execution-rate').textContent(), /预算执行率（计算）：\d/));
  }],
  ['metrics', async (root, assert) => {
    await root.getByTestId('tab-metrics').click();
    await until(async () => assert.ok((await root.getByTestId('metric-card').count()) > 0));
  }],
  ['report', async (root, assert) => {
    await root.getByTestId('tab-report').click();
    await until(async () => assert.match(await root.getByTestId('report-preview').textContent(), /自评价得分为/));
  }],
  ['compare', async (root, assert) => {
    await root.getByTestId('tab-compare').click();
    await until(async () => assert.ok(await root.getByTestId('compare-open').isVisible()));
  }],
  ['evidence', async (root, assert) => {
    await root.getByTestId('tab-evidence').click();
    await until(async () => assert.ok(await root.getByTestId('evidence-tab').isVisible()));
  }],
  ['library', async (root, assert) => {
    await root.getByTestId('tab-indicators').click();
    await root.getByTestId('library-open').click();
    await root.getByTestId('library-search').fill('满意度');
    await until(async () => assert.ok((await root.getByTestId('library-entry').count()) > 0, 'the built-in library is searched'));
    await root.getByTestId('library-open').click();
  }],
  ['review_desk', async (root, assert) => {
    await root.getByTestId('mode-review').click();
    await until(async () => assert.match(await root.getByTestId('review-counts').textContent(), /共收到 0 个文件/));
    await root.getByTestId('mode-workbench').click();
  }],
];

/** Opens every capability in turn; returns the chunk files fetched for each (when `requests` is kept). */
async function openEach(root, assert, requests) {
  const fetched = {};
  for (const [name, open] of CAPABILITIES) {
    const before = requests ? requests.length : 0;
    await open(root, assert);
    if (requests) fetched[name] = requests.slice(before);
  }
  return fetched;
}

const chunkName = (url) => path.basename(new URL(url).pathname);
const isChunk = (url) => /\/(split|chunk)_[^/]*\.wasm$/.test(new URL(url).pathname);

export default [
  {
    name: 'the page fetches no chunk for the first screen, then each capability’s chunk on its first use',
    async run({ page, baseUrl, assert }) {
      const requests = [];
      page.on('request', (r) => isChunk(r.url()) && requests.push(chunkName(r.url())));
      await page.goto(`${baseUrl}/`);
      await until(async () => assert.equal((await page.getByTestId('total-score').textContent()).trim(), '99.5'));
      await page.locator('[data-path="indicators/2.6.2/score"] input').first().fill('1');
      await until(async () => assert.equal((await page.getByTestId('total-score').textContent()).trim(), '100'));
      assert.deepEqual(requests, [], 'the first screen and an edit need no chunk');
      const fetched = await openEach(page, assert, requests);
      for (const [name] of CAPABILITIES) {
        assert.ok(fetched[name].some((f) => f.startsWith(`split_${name}-`)), `${name}: ${fetched[name]}`);
      }
      // Once here, a capability opens again without fetching anything.
      const count = requests.length;
      await openEach(page, assert);
      assert.equal(requests.length, count, 'nothing fetched twice');
      assert.equal((await page.getByTestId('total-score').textContent()).trim(), '100');
    },
  },
  {
    name: 'a chunk that cannot be loaded is said in Chinese, the workbench keeps working, and the next opening retries',
    // The failed fetch, and the loader's report of it.
    expectedConsoleErrors: [/Failed to load resource/, /Failed to fetch|TypeError|net::ERR/],
    async run({ page, baseUrl, assert }) {
      await page.route('**/split_report-*.wasm', (route) => route.abort());
      await page.goto(`${baseUrl}/`);
      await until(async () => assert.equal((await page.getByTestId('total-score').textContent()).trim(), '99.5'));
      await page.getByTestId('tab-report').click();
      await until(async () => assert.match(await page.getByTestId('chunk-failed').textContent(), /报告预览未能载入.*其他功能不受影响/));
      assert.equal(await page.getByTestId('report-preview').count(), 0);
      // Everything else works: an edit, and another capability.
      await page.getByTestId('tab-indicators').click();
      await page.locator('[data-path="indicators/2.6.2/score"] input').first().fill('1');
      await until(async () => assert.equal((await page.getByTestId('total-score').textContent()).trim(), '100'));
      await CAPABILITIES.find(([n]) => n === 'compare')[1](page, assert);
      // The network is back: opening the report again loads it, with the edit in it.
      await page.unroute('**/split_report-*.wasm');
      await page.getByTestId('tab-report').click();
      await until(async () => assert.match(await page.getByTestId('report-preview').textContent(), /自评价得分为100分/));
      assert.equal(await page.getByTestId('chunk-failed').count(), 0);
    },
  },
  {
    name: 'in the portal element under a strict CSP every capability loads its chunk beside jixiao.js',
    async run({ page, baseUrl, assert, consoleErrors }) {
      await cspWatch(page);
      const requests = [];
      page.on('request', (r) => isChunk(r.url()) && requests.push(r.url()));
      await page.goto(`${baseUrl}/portal/index.html`);
      const host = page.locator('jixiao-workbench#unit-a');
      await until(async () => assert.equal((await host.getByTestId('total-score').textContent()).trim(), '99.5'));
      await openEach(host, assert);
      assert.ok(requests.length >= CAPABILITIES.length, requests.join(' '));
      // jixiao.js is at the root of the served dist, the portal page under /portal/.
      assert.ok(requests.every((u) => /^\/(split|chunk)_[^/]+\.wasm$/.test(new URL(u).pathname)), 'beside the script, not the page');
      assert.deepEqual(await cspViolations(page), [], 'no CSP violations');
      assert.deepEqual(consoleErrors, []);
    },
  },
  {
    name: 'the single file from file:// with the network off has every capability inside it',
    async run({ page, assert, dist, context }) {
      const requests = await networkOff(context);
      await page.goto(pathToFileURL(path.join(dist, 'jixiao-standalone.html')).href);
      const host = page.locator('jixiao-workbench#standalone');
      await until(async () => assert.equal((await host.getByTestId('total-score').textContent()).trim(), '99.5'), 15000);
      await openEach(host, assert);
      assert.deepEqual(requests, [], 'nothing asked of the network');
    },
  },
];
