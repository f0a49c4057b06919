// End-to-end: 佐证材料 — files attached to two rows survive a reload, one is removed, the package is
// exported and opened in a fresh profile with evaluation and evidence identical (SHA-256 checked in the
// page's own IndexedDB); the oversize and storage-full messages; two portal instances keep files apart.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { until } from './util.mjs';
import { WorkbenchPage } from './pages.mjs';

const sha = (buffer) => crypto.createHash('sha256').update(buffer).digest('hex');

/** SHA-256 of what the page's IndexedDB holds under each key (null when absent). */
async function storedHashes(page, keys) {
  return page.evaluate(async (keys) => {
    const db = await new Promise((resolve, reject) => {
      const r = indexedDB.open('jixiao-evidence', 1);
      r.onupgradeneeded = () => r.result.createObjectStore('files');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const out = [];
    for (const key of keys) {
      const value = await new Promise((resolve) => {
        const r = db.transaction('files').objectStore('files').get(key);
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => resolve(undefined);
      });
      if (!value) { out.push(null); continue; }
      const digest = await crypto.subtle.digest('SHA-256', value);
      out.push([...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join(''));
    }
    return out;
  }, keys);
}

/** Every key the page's IndexedDB holds. */
async function storedKeys(page) {
  return page.evaluate(async () => {
    const db = await new Promise((resolve) => {
      const r = indexedDB.open('jixiao-evidence', 1);
      r.onupgradeneeded = () => r.result.createObjectStore('files');
      r.onsuccess = () => resolve(r.result);
    });
    return new Promise((resolve) => {
      const r = db.transaction('files').objectStore('files').getAllKeys();
      r.onsuccess = () => resolve(r.result);
    });
  });
}

const pdf = Buffer.from('%PDF-1.4 会议纪要 ' + 'x'.repeat(20000));
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.alloc(5000, 7)]);
const contract = Buffer.from('合同扫描件 ' + 'y'.repeat(3000));

export default [
  {
    name: 'evidence on two rows survives a reload, one removed, the package reopens identical in a fresh profile',
    async run({ page, context, baseUrl, assert }) {
      const app = new WorkbenchPage(page);
      await app.open(`${baseUrl}/`);
      const rowA = app.row('工作开展情况');
      const rowB = app.row('组织管理情况');
      await rowA.getByTestId('evidence-add').setInputFiles([
        { name: '纪要.pdf', mimeType: 'application/pdf', buffer: pdf },
        { name: '照片.png', mimeType: 'image/png', buffer: png },
      ]);
      await until(async () => assert.equal(await rowA.getByTestId('evidence-count').textContent(), '2'));
      await rowB.getByTestId('evidence-add').setInputFiles({ name: '合同.pdf', mimeType: 'application/pdf', buffer: contract });
      await until(async () => assert.equal(await rowB.getByTestId('evidence-count').textContent(), '1'));
      assert.equal(await app.row('绩效信息公开').getByTestId('evidence-count').textContent(), '0');
      await page.waitForTimeout(700); // past the autosave delay
      await page.reload();
      await app.total.waitFor();
      await until(async () => assert.equal(await rowA.getByTestId('evidence-count').textContent(), '2'));
      assert.equal(await rowB.getByTestId('evidence-count').textContent(), '1');
      // The list: three files; the picture removed (undoable), its row down to one.
      await app.tab('evidence').click();
      const files = app.root.getByTestId('evidence-file');
      await until(async () => assert.equal(await files.count(), 3));
      assert.match(await app.root.getByTestId('evidence-usage').textContent(), /共 3 个文件/);
      // Previews inline: the picture as an image, the PDF in a frame, both from the stored bytes.
      await files.filter({ hasText: '照片.png' }).getByTestId('evidence-preview').click();
      const shown = app.root.getByTestId('evidence-shown');
      await until(async () => assert.match(await shown.locator('img').getAttribute('src'), /^blob:/));
      await files.filter({ hasText: '纪要.pdf' }).getByTestId('evidence-preview').click();
      await until(async () => assert.match(await shown.locator('iframe').getAttribute('src'), /^blob:/));
      await files.filter({ hasText: '照片.png' }).getByTestId('evidence-remove').click();
      await until(async () => assert.equal(await files.count(), 2));
      await files.filter({ hasText: '纪要.pdf' }).locator('input').fill('2024年绩效工作会议纪要');
      await files.filter({ hasText: '纪要.pdf' }).locator('input').blur();
      // The report lists them with their SHA-256.
      await app.tab('report').click();
      const preview = app.root.getByTestId('report-preview');
      await until(async () => assert.match(await preview.textContent(), /佐证材料清单/));
      assert.ok((await preview.textContent()).includes(sha(pdf)));
      // The package.
      await app.tab('evidence').click();
      const [download] = await Promise.all([page.waitForEvent('download'), app.root.getByTestId('export-package').click()]);
      assert.ok(download.suggestedFilename().endsWith('材料包.zip'), download.suggestedFilename());
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-pkg-'));
      const zip = path.join(dir, download.suggestedFilename());
      await download.saveAs(zip);
      // The autosave of the last edits (a removal, a description) may land after the download.
      let saved;
      await until(async () => {
        saved = JSON.parse(await page.evaluate(() => localStorage.getItem('jixiao:default')));
        assert.ok(saved.evidence_files.every((f) => f.name !== '照片.png'), 'the removal saved');
        assert.ok(saved.evidence_files.some((f) => f.description === '2024年绩效工作会议纪要'), 'the description saved');
      });
      // A fresh profile: nothing there until the package is opened.
      const other = await context.browser().newContext();
      try {
        const fresh = new WorkbenchPage(await other.newPage());
        await fresh.open(`${baseUrl}/`);
        assert.equal(await fresh.row('工作开展情况').getByTestId('evidence-count').textContent(), '0');
        fresh.page.once('dialog', (d) => d.accept());
        await fresh.tab('evidence').click();
        await fresh.root.getByTestId('open-package').setInputFiles(zip);
        await until(async () => assert.match(await fresh.notice.textContent(), /已打开材料包.*2 个佐证材料/));
        await until(async () => assert.equal(await fresh.root.getByTestId('evidence-file').count(), 2));
        await fresh.page.waitForTimeout(700);
        const opened = JSON.parse(await fresh.page.evaluate(() => localStorage.getItem('jixiao:default')));
        assert.deepEqual(opened, saved, 'the same evaluation');
        assert.deepEqual(opened.evidence_files.map((f) => f.sha256), [sha(pdf), sha(contract)]);
        assert.equal(opened.evidence_files[0].description, '2024年绩效工作会议纪要');
        const hashes = await storedHashes(fresh.page, [sha(pdf), sha(contract)].map((h) => `jixiao:default:${h}`));
        assert.deepEqual(hashes, [sha(pdf), sha(contract)], 'the bytes themselves, re-hashed in the browser');
      } finally {
        await other.close();
      }
    },
  },
  {
    name: 'an oversized file and a full disk get a Chinese message and change nothing',
    async run({ page, baseUrl, assert }) {
      const app = new WorkbenchPage(page);
      await app.open(`${baseUrl}/`);
      const row = app.row('工作开展情况');
      // Playwright passes files over 50 MB by path: a sparse 51 MB file.
      const big = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-big-')), '录像.mp4');
      fs.writeFileSync(big, '');
      fs.truncateSync(big, 51 * 1024 * 1024);
      await row.getByTestId('evidence-add').setInputFiles(big);
      await until(async () => assert.match(await app.notice.textContent(), /录像\.mp4.*超过单个佐证材料 50 MB 的上限，未添加/));
      assert.equal(await row.getByTestId('evidence-count').textContent(), '0');
      // A full disk: IndexedDB refuses the write with QuotaExceededError, as the browser does when the
      // site's quota is used up (Chromium's quota override is not enforced on a first small write, so the
      // refusal itself is injected).
      await page.evaluate(() => {
        window.__put = IDBObjectStore.prototype.put;
        IDBObjectStore.prototype.put = function () { throw new DOMException('磁盘已满', 'QuotaExceededError'); };
      });
      await row.getByTestId('evidence-add').setInputFiles({ name: '纪要.pdf', mimeType: 'application/pdf', buffer: pdf });
      await until(async () => assert.match(await app.notice.textContent(), /浏览器存储空间已满.*已保存的材料未受影响/));
      assert.equal(await row.getByTestId('evidence-count').textContent(), '0', 'no record without its bytes');
      await page.evaluate(() => { IDBObjectStore.prototype.put = window.__put; });
      await row.getByTestId('evidence-add').setInputFiles({ name: '纪要.pdf', mimeType: 'application/pdf', buffer: pdf });
      await until(async () => assert.equal(await row.getByTestId('evidence-count').textContent(), '1'));
      // A file dropped on a row is that row's evidence (not a file to open).
      const target = app.row('绩效信息公开');
      const transfer = await page.evaluateHandle(() => {
        const dt = new DataTransfer();
        dt.items.add(new File(['照片'], '现场照片.png', { type: 'image/png' }));
        return dt;
      });
      await target.locator('td').first().dispatchEvent('drop', { dataTransfer: transfer });
      await until(async () => assert.equal(await target.getByTestId('evidence-count').textContent(), '1'));
      assert.equal(await app.totalText(), '99.5', 'the evaluation itself was not replaced');
    },
  },
  {
    name: 'two portal instances keep their evidence apart',
    async run({ page, baseUrl, assert }) {
      await page.goto(`${baseUrl}/portal/index.html`);
      const host = (id) => page.locator(`jixiao-workbench#${id}`);
      await until(async () => assert.equal((await host('unit-a').getByTestId('total-score').textContent()).trim(), '99.5'));
      const rowA = host('unit-a').locator('tr[data-testid="indicator-row"][data-name="工作开展情况"]');
      await rowA.getByTestId('evidence-add').setInputFiles({ name: '纪要.pdf', mimeType: 'application/pdf', buffer: pdf });
      await until(async () => assert.equal(await rowA.getByTestId('evidence-count').textContent(), '1'));
      const rowB = host('unit-b').locator('tr[data-testid="indicator-row"][data-name="工作开展情况"]');
      assert.equal(await rowB.getByTestId('evidence-count').textContent(), '0');
      await host('unit-b').getByTestId('tab-evidence').click();
      assert.equal(await host('unit-b').getByTestId('evidence-file').count(), 0);
      const keys = await storedKeys(page);
      assert.equal(keys.length, 1);
      assert.ok(keys[0].startsWith('jixiao:embedded-unit-a:'), keys[0]);
    },
  },
];
