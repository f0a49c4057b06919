// End-to-end: the 指标库 — search by keyboard, insert an entry at the focused row and a whole group at its
// framework's place (the 分值合计 moves), save a row to 我的指标库, export it and import it in a fresh
// profile; a library file of a newer version is refused with its reason.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { until } from './util.mjs';
import { WorkbenchPage } from './pages.mjs';

async function pointsTotal(app) {
  const text = await app.root.getByTestId('tree-totals').textContent();
  return text.match(/分值合计 ([\d.]+)/)[1];
}

/** The names of the indicator rows, in order. */
async function rowNames(app) {
  return app.table.locator('tr[data-testid="indicator-row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-name')));
}

export default [
  {
    name: 'search the library, insert an entry and a group by keyboard, save a row to my library, export and re-import it',
    async run({ page, context, baseUrl, assert }) {
      const app = new WorkbenchPage(page);
      await app.open(`${baseUrl}/`);
      assert.equal(await pointsTotal(app), '100');
      // Focus a row, then open the library: the search box has the keyboard.
      const anchor = await app.rowPath('工作开展情况');
      await app.field(`${anchor}/name`).focus();
      await app.root.getByTestId('library-open').click();
      const search = app.root.getByTestId('library-search');
      await until(async () => assert.equal(await search.evaluate((el) => el === el.getRootNode().activeElement), true));
      assert.match(await app.root.getByTestId('library-place').textContent(), /“工作开展情况”处/);
      await page.keyboard.type('预算调整率');
      const entries = app.root.getByTestId('library-entry');
      await until(async () => assert.match(await entries.first().textContent(), /预算调整率/));
      assert.match(await app.root.getByTestId('library-detail').textContent(), /预算调整率=0，计3分/);
      assert.match(await app.root.getByTestId('library-detail').textContent(), /来源：/);
      await page.keyboard.press('Enter');
      await until(async () => {
        const names = await rowNames(app);
        assert.equal(names[names.indexOf('工作开展情况') + 1], '预算调整率', 'right after the focused row');
      });
      assert.equal(await pointsTotal(app), '100', 'a row in an existing group leaves the 一级 分值 as set');
      // Its rule came with it: a 分档计分 ladder.
      const inserted = await app.rowPath('预算调整率');
      assert.equal(await app.root.locator(`select[data-path="${inserted}/rule"]`).inputValue(), 'tiered');
      // A whole group at its framework's place: no row chosen any more, Shift+Enter.
      await app.root.getByTestId('library-place-clear').click();
      assert.match(await app.root.getByTestId('library-place').textContent(), /按所属框架/);
      await search.fill('支付进度');
      await search.focus();
      await until(async () => assert.match(await entries.first().textContent(), /支付进度/));
      await page.keyboard.press('Shift+Enter');
      await until(async () => assert.equal(await pointsTotal(app), '115'), 'a new 一级 “过程” holding the 预算执行 group (3 + 3 + 3 + 6)');
      const names = await rowNames(app);
      const at = names.indexOf('过程');
      assert.deepEqual(names.slice(at, at + 6), ['过程', '预算执行', '预算调整率', '支付进度', '资金结余', '“三公经费”控制率']);
      // Undo takes the group out again.
      await app.root.getByTestId('undo').click();
      await until(async () => assert.equal(await pointsTotal(app), '100'));
      // Save the inserted row to my library; export it.
      await app.field(`${await app.rowPath('预算调整率')}/name`).focus();
      await app.root.getByTestId('library-save-row').click();
      await until(async () => assert.match(await app.notice.textContent(), /已存入我的指标库：1 项/));
      const [download] = await Promise.all([page.waitForEvent('download'), app.root.getByTestId('library-export').click()]);
      assert.equal(download.suggestedFilename(), '我的指标库.json');
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-lib-'));
      const file = path.join(dir, 'mine.json');
      await download.saveAs(file);
      const saved = JSON.parse(fs.readFileSync(file, 'utf8'));
      assert.equal(saved.library_version, 1);
      assert.equal(saved.entries[0].indicator.name, '预算调整率');
      assert.equal(saved.entries[0].framework, '我的指标库');
      // Kept across a reload.
      await page.reload();
      await app.total.waitFor();
      await app.root.getByTestId('library-open').click();
      await app.root.getByTestId('library-framework').selectOption('我的指标库');
      await until(async () => assert.equal(await entries.count(), 1));
      // A fresh profile: nothing of its own until the file is imported.
      const other = await context.browser().newContext();
      try {
        const fresh = new WorkbenchPage(await other.newPage());
        await fresh.open(`${baseUrl}/`);
        await fresh.root.getByTestId('library-open').click();
        const newer = path.join(dir, 'newer.json');
        fs.writeFileSync(newer, JSON.stringify({ ...saved, library_version: 9 }));
        await fresh.root.getByTestId('library-import').setInputFiles(newer);
        await until(async () => assert.match(await fresh.notice.textContent(), /较新版本的格式（第 9 版）.*我的指标库未改动/));
        await fresh.root.getByTestId('library-import').setInputFiles(file);
        await until(async () => assert.match(await fresh.notice.textContent(), /导入 1 项（新增 1 项）/));
        await fresh.root.getByTestId('library-framework').selectOption('我的指标库');
        const mine = fresh.root.getByTestId('library-entry');
        await until(async () => assert.equal(await mine.count(), 1));
        assert.match(await mine.first().textContent(), /预算调整率/);
      } finally {
        await other.close();
      }
    },
  },
  {
    name: 'a scoring profile chosen once moves the grade and is stated in the report',
    async run({ page, baseUrl, assert }) {
      const app = new WorkbenchPage(page);
      await app.open(`${baseUrl}/`);
      await app.tab('metrics').click();
      await app.setField('metrics/satisfaction/value', '85');
      await until(async () => assert.equal(await app.totalText(), '89.5'));
      assert.equal(await app.gradeText(), '良');
      await app.tab('unit').click();
      const select = app.root.getByTestId('profile-select');
      assert.equal(await select.inputValue(), 'mof-2020', 'a file naming no profile is under the one it matches');
      assert.match(await app.root.getByTestId('profile-source').textContent(), /财预〔2020〕10号/);
      await select.selectOption('bands-80-70-60');
      await until(async () => assert.equal(await app.gradeText(), '优'));
      await app.tab('report').click();
      await until(async () => assert.match(await app.root.getByTestId('report-preview').textContent(), /等级划分：80分（含）以上为优/));
      // A band edited by hand makes it 自定义; undo brings the profile back.
      await app.tab('unit').click();
      await app.setField('settings/grade_bands/0/min', '95');
      await app.field('settings/grade_bands/0/min').blur();
      await until(async () => assert.equal(await select.inputValue(), ''));
      assert.equal(await app.gradeText(), '良');
      await app.root.getByTestId('undo').click();
      await until(async () => assert.equal(await select.inputValue(), 'bands-80-70-60'));
    },
  },
];
