// End-to-end: the portal build (<jixiao-workbench> in a hostile page under a strict CSP) and the
// single-file build opened from file:// with the network off.
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { cspViolations, cspWatch, networkOff, until } from './util.mjs';


/** A workbench instance inside its host element's shadow root (Playwright locators pierce open shadow roots). */
function instance(page, id) {
  const host = page.locator(`jixiao-workbench#${id}`);
  return {
    host,
    total: host.getByTestId('total-score'),
    grade: host.getByTestId('grade'),
    field: (p) => host.locator(`[data-path="${p}"] input`).first(),
  };
}

export default [
  {
    name: 'two instances on a hostile portal page under a strict CSP work independently',
    async run({ page, baseUrl, assert, consoleErrors }) {
      await cspWatch(page);
      await page.goto(`${baseUrl}/portal/index.html`);
      const a = instance(page, 'unit-a');
      const b = instance(page, 'unit-b');
      await until(async () => assert.equal((await a.total.textContent()).trim(), '99.5'));
      await until(async () => assert.equal((await b.total.textContent()).trim(), '0'));
      const historyBefore = await page.evaluate(() => history.length);
      await a.field('indicators/2.6.2/score').fill('1');
      await until(async () => assert.equal((await a.total.textContent()).trim(), '100'));
      assert.equal((await b.total.textContent()).trim(), '0', 'the other instance is unchanged');
      await until(async () => {
        const last = await page.evaluate(() => window.portalEvents.filter((e) => e.type === 'jixiao:change' && e.id === 'unit-a').pop());
        assert.equal(last.detail.total, '100');
        assert.equal(last.detail.grade, '优');
      });
      const ready = await page.evaluate(() => window.portalEvents.filter((e) => e.type === 'jixiao:ready').map((e) => e.id).sort());
      assert.deepEqual(ready, ['unit-a', 'unit-b']);
      // Tabs, undo and the report preview: still no history change on the host.
      await a.host.getByTestId('tab-report').click();
      await until(async () => assert.match(await a.host.getByTestId('report-preview').textContent(), /自评价得分为100分/));
      await a.host.getByTestId('print-report').click();
      const frame = page.frameLocator('jixiao-workbench#unit-a [data-testid="print-frame"]');
      await until(async () => assert.match(await frame.locator('h1').textContent(), /部门整体绩效自评价报告/));
      // Styled by an adopted stylesheet (a <style> would be refused by the CSP): title in 2号 (22pt).
      await until(async () => assert.equal(await frame.locator('h1').evaluate((el) => getComputedStyle(el).fontSize), '29.3333px'));
      // The Word / Excel module is fetched beside jixiao.js and instantiated under the CSP.
      const [xlsx] = await Promise.all([page.waitForEvent('download'), a.host.getByTestId('save-xlsx').click()]);
      assert.ok(xlsx.suggestedFilename().endsWith('评分表.xlsx'), xlsx.suggestedFilename());
      assert.equal(fs.readFileSync(await xlsx.path()).subarray(0, 2).toString(), 'PK');
      await a.host.getByTestId('undo').click();
      assert.equal(await page.evaluate(() => history.length), historyBefore);
      assert.equal(new URL(page.url()).pathname, '/portal/index.html');
      assert.deepEqual(await cspViolations(page), [], 'no CSP violations');
      assert.deepEqual(consoleErrors.filter((e) => /Content Security Policy|Refused/.test(e)), []);
      // One namespace only.
      assert.equal(await page.evaluate(() => typeof window.JiXiao.mount), 'function');
      assert.equal(await page.evaluate(() => typeof window.wasm_bindgen), 'undefined');
    },
  },
  {
    name: 'the widget looks the same as on a clean page and leaves the host alone',
    async run({ page, baseUrl, assert, context }) {
      const probe = async (p, id) => {
        const i = instance(p, id);
        await until(async () => assert.equal((await i.total.textContent()).trim(), '99.5'));
        const style = (locator) =>
          locator.evaluate((el) => {
            const s = getComputedStyle(el);
            return [s.fontSize, s.fontFamily, s.boxSizing, s.padding, s.letterSpacing, s.textTransform, s.display, s.lineHeight].join('|');
          });
        return {
          total: await style(i.total),
          title: await style(i.host.getByTestId('unit-title')),
          cell: await style(i.host.locator('td').first()),
          table: await style(i.host.getByTestId('indicator-table')),
          input: await style(i.field('indicators/2.6.2/score')),
        };
      };
      await page.goto(`${baseUrl}/portal/clean.html`);
      const clean = await probe(page, 'clean');
      const portal = await context.newPage();
      await portal.goto(`${baseUrl}/portal/index.html`);
      const hostile = await probe(portal, 'unit-a');
      assert.deepEqual(hostile, clean);
      // The host's own elements keep the host's styles, even one named like the widget's classes.
      const decoy = await portal.locator('#decoy').evaluate((el) => {
        const s = getComputedStyle(el);
        return [s.paddingTop, s.fontSize, s.borderBottomStyle, s.display];
      });
      assert.deepEqual(decoy, ['20px', '30px', 'none', 'block']);
      assert.equal(await portal.locator('#host-table').evaluate((el) => getComputedStyle(el).display), 'block');
      await portal.close();
    },
  },
  {
    name: 'unmounting removes the widget; JiXiao.mount mounts a new one',
    async run({ page, baseUrl, assert }) {
      await page.goto(`${baseUrl}/portal/index.html`);
      const a = instance(page, 'unit-a');
      await until(async () => assert.equal((await a.total.textContent()).trim(), '99.5'));
      await page.evaluate(() => document.getElementById('unit-b').remove());
      await page.evaluate(async () => {
        const el = document.createElement('div');
        el.id = 'manual';
        document.body.appendChild(el);
        window.__manual = await window.JiXiao.mount(el, { template: 'project', storageKey: 'manual' });
      });
      const m = instance(page, 'unit-a');
      assert.equal((await m.total.textContent()).trim(), '99.5');
      const manualTotal = page.locator('div#manual').getByTestId('total-score');
      await until(async () => assert.equal((await manualTotal.textContent()).trim(), '0'));
      await page.evaluate(() => window.__manual.unmount());
      assert.equal(await page.locator('div#manual').getByTestId('total-score').count(), 0);
    },
  },
  {
    name: 'data-src opens a served evaluation; data-readonly allows viewing and printing only',
    async run({ page, baseUrl, assert }) {
      await page.route('**/sample/project.json', (route) =>
        route.fulfill({ contentType: 'application/json', body: fs.readFileSync(new URL('../../templates/project.json', import.meta.url)) }),
      );
      await page.goto(`${baseUrl}/portal/clean.html`);
      await instance(page, 'clean').total.waitFor();
      await page.evaluate(async () => {
        for (const [id, options] of [['from-src', { src: '/sample/project.json', storageKey: 'src' }], ['viewer', { readonly: true, storageKey: 'ro' }]]) {
          const el = document.createElement('div');
          el.id = id;
          document.body.appendChild(el);
          await window.JiXiao.mount(el, options);
        }
      });
      const fromSrc = page.locator('div#from-src');
      await until(async () => assert.match(await fromSrc.getByTestId('unit-title').textContent(), /未填写单位/));
      assert.equal((await fromSrc.getByTestId('total-score').textContent()).trim(), '0');
      const viewer = page.locator('div#viewer');
      await until(async () => assert.equal((await viewer.getByTestId('total-score').textContent()).trim(), '99.5'));
      assert.equal(await viewer.getByTestId('undo').count(), 0, 'no editing toolbar');
      assert.equal(await viewer.locator('[data-path="indicators/2.6.2/score"] input').isDisabled(), true);
      await viewer.getByTestId('tab-report').click();
      assert.equal(await viewer.getByTestId('print-report').isDisabled(), false, 'printing stays available');
    },
  },
  {
    name: 'without localStorage (file:// in some browsers) the single file says so once and keeps working',
    async run({ page, assert, dist }) {
      await page.addInitScript(() => {
        Object.defineProperty(window, 'localStorage', {
          get() {
            throw new DOMException('The operation is insecure.', 'SecurityError');
          },
        });
      });
      await page.goto(pathToFileURL(path.join(dist, 'jixiao-standalone.html')).href);
      const w = instance(page, 'standalone');
      await until(async () => assert.equal((await w.total.textContent()).trim(), '99.5'), 15000);
      const notice = w.host.getByTestId('notice');
      assert.match(await notice.textContent(), /自动保存已关闭.*保存 JSON/);
      await w.field('indicators/2.6.2/score').fill('1');
      await until(async () => assert.equal((await w.total.textContent()).trim(), '100'));
      assert.equal(await w.host.getByTestId('notice').count(), 1, 'told once');
    },
  },
  {
    name: 'the single file works from file:// with the network off',
    async run({ page, assert, dist, context }) {
      const requests = await networkOff(context);
      await page.goto(pathToFileURL(path.join(dist, 'jixiao-standalone.html')).href);
      const w = instance(page, 'standalone');
      await until(async () => assert.equal((await w.total.textContent()).trim(), '99.5'), 15000);
      assert.equal((await w.grade.textContent()).trim(), '优');
      await w.field('indicators/2.6.2/score').fill('1');
      await until(async () => assert.equal((await w.total.textContent()).trim(), '100'));
      // The Word / Excel module is inlined too: a .docx comes out offline.
      await w.host.getByTestId('tab-report').click();
      const [docx] = await Promise.all([page.waitForEvent('download'), w.host.getByTestId('save-docx').click()]);
      assert.ok(docx.suggestedFilename().endsWith('.docx'), docx.suggestedFilename());
      assert.equal(fs.readFileSync(await docx.path()).subarray(0, 2).toString(), 'PK');
      // Evidence from file://: kept when the browser gives the page a database, else said in Chinese.
      await w.host.getByTestId('tab-indicators').click();
      const row = w.host.locator('tr[data-testid="indicator-row"][data-name="工作开展情况"]');
      await row.getByTestId('evidence-add').setInputFiles({ name: '纪要.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF 纪要') });
      await until(async () => {
        const count = await row.getByTestId('evidence-count').textContent();
        const notice = (await w.host.getByTestId('notice').count()) ? await w.host.getByTestId('notice').textContent() : '';
        assert.ok(count === '1' || /不允许本页使用本地数据库/.test(notice), `${count} ${notice}`);
      });
      assert.deepEqual(requests, [], 'no request leaves the page');
    },
  },
  {
    name: 'the single file inflates its own modules where the browser has no DecompressionStream',
    async run({ page, assert, dist, context }) {
      // Firefox before 113 and Safari before 16.4: the file's own inflater (src/embed/inline.js) runs.
      await context.addInitScript(() => {
        delete window.DecompressionStream;
      });
      const requests = await networkOff(context);
      await page.goto(pathToFileURL(path.join(dist, 'jixiao-standalone.html')).href);
      assert.equal(await page.evaluate(() => typeof DecompressionStream), 'undefined');
      const w = instance(page, 'standalone');
      await until(async () => assert.equal((await w.total.textContent()).trim(), '99.5'), 15000);
      // A chunk (the report), the Word / Excel module, then the document reader, each inflated on use.
      await w.host.getByTestId('tab-report').click();
      const [xlsx] = await Promise.all([page.waitForEvent('download'), w.host.getByTestId('save-xlsx').click()]);
      const annex = fs.readFileSync(await xlsx.path());
      assert.equal(annex.subarray(0, 2).toString(), 'PK');
      await w.host.getByTestId('file-input').setInputFiles({
        name: '评分表.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: annex,
      });
      await until(async () => assert.match(await w.host.getByTestId('notice').textContent(), /已将“评分表\.xlsx”作为新的评价打开/));
      assert.deepEqual(requests, [], 'no request leaves the page');
    },
  },
  {
    name: 'a browser that cannot compile the workbench says why, in the page, the portal element and the single file',
    // The refused compile is logged by the browser's own loader code; the point is what the user sees.
    expectedConsoleErrors: [/CompileError|invalid value type|jixiao/i],
    async run({ page, baseUrl, assert, dist, context }) {
      // An engine older than the build (Chromium 74 has no sign-extension ops): every compile is refused.
      await context.addInitScript(() => {
        const refuse = () => Promise.reject(new WebAssembly.CompileError('WebAssembly.instantiate(): invalid value type 0x6f'));
        for (const name of ['instantiate', 'instantiateStreaming', 'compile', 'compileStreaming']) WebAssembly[name] = refuse;
      });
      const says = async (locator) => {
        await until(async () => assert.match(await locator.textContent(), /版本过低.*Chrome 或 Edge 80 及以上.*技术信息：.*invalid value type/s));
      };
      await page.goto(`${baseUrl}/`);
      await says(page.getByTestId('unsupported'));
      await page.goto(`${baseUrl}/portal/index.html`);
      await says(page.locator('jixiao-workbench#unit-a').getByTestId('unsupported'));
      await says(page.locator('jixiao-workbench#unit-b').getByTestId('unsupported'));
      assert.equal(await page.locator('#decoy').count(), 1, 'the host page is left alone');
      await page.goto(pathToFileURL(path.join(dist, 'jixiao-standalone.html')).href);
      await says(page.locator('jixiao-workbench#standalone').getByTestId('unsupported'));
    },
  },
];
