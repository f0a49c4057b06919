// End-to-end: the reviewer's desk (复核台) — a mixed batch read into the league table, sorted, filtered,
// drilled into and back, a 复核意见 kept across a reload, the summary downloaded; the same in the portal
// element under a strict CSP.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cspViolations, cspWatch, until } from './util.mjs';

const REAL = 'tests/fixtures/real';
const JISHAN = 'national2020-shanxi-jishan-yibaoju-2020.tsv';
const BAOSHAN = 'xiangmu-yunnan-baoshan-tuiyijunren-2022-chunjieweiwen.tsv';

/** The batch as a reviewer receives it: files written to a fresh folder, returned as paths. */
export function mixedBatch() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-review-'));
  const nanjing = fs.readFileSync('templates/nanjing-2024.json');
  const files = {
    '南京.json': nanjing,
    '南京-副本.json': nanjing,
    '稷山.tsv': fs.readFileSync(path.join(REAL, JISHAN)),
    '保山.tsv': fs.readFileSync(path.join(REAL, BAOSHAN)),
    '坏的.json': Buffer.from('{ "schema_version": '),
    '批次.zip': fs.readFileSync('tests/fixtures/review/批次.zip'),
  };
  return Object.entries(files).map(([name, bytes]) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, bytes);
    return file;
  });
}

/** The desk inside `scope` (the page, or a portal element). */
export class DeskPage {
  constructor(scope) {
    this.scope = scope;
    this.desk = scope.getByTestId('review-desk');
    this.rows = scope.getByTestId('review-row');
    this.open = scope.getByTestId('review-open');
    this.progress = scope.getByTestId('review-progress');
    this.search = scope.getByTestId('review-search');
  }

  row(suffix) {
    return this.scope.locator(`[data-testid="review-row"][data-file$="${suffix}"]`);
  }

  async files() {
    return this.rows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-file')));
  }

  async flags() {
    return this.rows.evaluateAll((rows) => Object.fromEntries(rows.map((r) => [r.getAttribute('data-file').split('/').pop(), r.getAttribute('data-flag')])));
  }

  async read(files, count) {
    await this.open.setInputFiles(files);
    await until(async () => {
      if ((await this.rows.count()) !== count || (await this.progress.count()) !== 0) throw new Error(`rows: ${await this.rows.count()}`);
    }, 20000);
  }
}

const EXPECTED_FLAGS = {
  '南京.json': 'yellow', // prints its 执行率 without the 全年预算数
  '南京-副本.json': 'yellow',
  '稷山.tsv': 'red', // printed 94, computed 93.91
  '保山.tsv': 'none',
  '坏的.json': 'red',
  '南京12345.xlsx': 'red', // the exported annex carries no deduction reasons
  '永德明朗中学.tsv': 'red',
  '说明.pdf': 'red',
  '加密.xlsx': 'red',
};

export default [
  {
    name: 'a mixed batch becomes a flagged league table; sort, filter, drill in and back, a 复核意见 kept across a reload, the summary downloaded',
    async run({ page, baseUrl, assert }) {
      await page.goto(baseUrl);
      const workbench = page.getByTestId('workbench');
      await until(async () => assert.equal((await workbench.getByTestId('total-score').textContent()).trim(), '99.5'));
      await workbench.getByTestId('mode-review').click();
      const desk = new DeskPage(page);
      await desk.read(mixedBatch(), 9);
      assert.deepEqual(await desk.flags(), EXPECTED_FLAGS);
      assert.match(await desk.row('南京-副本.json').textContent(), /重复文件（与 南京\.json 相同）/);
      assert.match(await desk.row('加密.xlsx').textContent(), /密码/);
      assert.match(await desk.row('说明.pdf').textContent(), /不是评价文件或指标表/);
      assert.equal(await desk.row('批次.zip/批次/2024/南京12345.xlsx').count(), 1, 'the zip keeps its folders');
      // Worst first by default.
      const order = Object.values(await desk.flags());
      assert.deepEqual(order, [...order].sort((a, b) => ['red', 'yellow', 'none'].indexOf(a) - ['red', 'yellow', 'none'].indexOf(b)));
      // Sort by computed total, highest first (an unreadable file has none: last).
      await page.getByTestId('review-sort-total').click();
      await page.getByTestId('review-sort-total').click();
      const byTotal = await desk.files();
      assert.ok(byTotal[0].endsWith('保山.tsv'), byTotal.join());
      assert.ok(byTotal[byTotal.length - 1].match(/(坏的\.json|说明\.pdf|加密\.xlsx)$/), byTotal.join());
      // Filters: red only, then a unit search.
      await page.getByTestId('review-filter-flag').selectOption('red');
      await until(async () => assert.deepEqual(new Set(Object.values(await desk.flags())), new Set(['red'])));
      assert.equal(await desk.rows.count(), 6);
      await page.getByTestId('review-filter-flag').selectOption('');
      await desk.search.fill('稷山');
      await until(async () => assert.equal(await desk.rows.count(), 1));
      // Drill in: the file in the normal views, read-only; the reviewer's own workbench untouched.
      await desk.row('稷山.tsv').getByTestId('review-drill').click();
      const viewer = page.getByTestId('review-viewer');
      await until(async () => assert.equal((await viewer.getByTestId('total-score').textContent()).trim(), '93.91'));
      assert.ok(await viewer.locator('fieldset.jx-main-fieldset input').first().isDisabled(), 'read-only');
      await viewer.getByTestId('tab-findings').click();
      assert.ok((await viewer.getByTestId('finding').count()) > 0);
      await viewer.getByTestId('tab-report').click();
      await viewer.getByTestId('report-preview').waitFor();
      // 复核意见.
      await page.getByTestId('review-conclusion').selectOption('return');
      await page.getByTestId('review-comment').fill('总分与各项得分之和不符，请核实后重新报送。');
      await page.getByTestId('review-comment').blur();
      await page.getByTestId('review-back').click();
      // Back to the same sort and filter.
      assert.equal(await desk.search.inputValue(), '稷山');
      assert.equal(await desk.rows.count(), 1);
      assert.equal(await desk.row('稷山.tsv').getByTestId('review-row-conclusion').inputValue(), 'return');
      await desk.search.fill('');
      // The summary workbook (read back by a native test after this tier).
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('review-summary-xlsx').click()]);
      assert.equal(download.suggestedFilename(), '绩效自评复核汇总.xlsx');
      fs.mkdirSync('target/e2e-out', { recursive: true });
      await download.saveAs('target/e2e-out/复核汇总.xlsx');
      assert.equal(fs.readFileSync('target/e2e-out/复核汇总.xlsx').subarray(0, 2).toString(), 'PK');
      const [html] = await Promise.all([page.waitForEvent('download'), page.getByTestId('review-summary-html').click()]);
      const text = fs.readFileSync(await html.path(), 'utf8');
      assert.match(text, /共收到 9 个文件/);
      assert.match(text, /☑ 退回修改/);
      // Reload: the list and the 复核意见 are kept; the file itself must be opened again to view.
      await page.reload();
      await until(async () => assert.equal(await desk.rows.count(), 9));
      assert.equal(await desk.row('稷山.tsv').getByTestId('review-row-conclusion').inputValue(), 'return');
      await desk.row('稷山.tsv').getByTestId('review-drill').click();
      assert.equal(await page.getByTestId('review-comment').inputValue(), '总分与各项得分之和不符，请核实后重新报送。');
      await page.getByTestId('review-not-kept').waitFor();
      await page.getByTestId('review-back').click();
      // Reopening the same files: one row each again, the verdict still there, the file viewable.
      await desk.read(mixedBatch(), 9);
      assert.equal(await desk.row('稷山.tsv').getByTestId('review-row-conclusion').inputValue(), 'return');
      // The reviewer's own workbench was never touched.
      await page.getByTestId('mode-workbench').click();
      assert.equal((await workbench.getByTestId('total-score').first().textContent()).trim(), '99.5');
    },
  },
  {
    name: 'edit a copy: a file of the batch opens in the workbench as an ordinary evaluation (undoable)',
    async run({ page, baseUrl, assert }) {
      await page.goto(`${baseUrl}/?mode=review`);
      const desk = new DeskPage(page);
      await desk.desk.waitFor();
      await desk.read(mixedBatch().filter((f) => f.endsWith('稷山.tsv')), 1);
      await desk.row('稷山.tsv').getByTestId('review-drill').click();
      page.once('dialog', (d) => d.accept());
      await page.getByTestId('review-edit-copy').click();
      const total = page.getByTestId('workbench').getByTestId('total-score');
      await until(async () => assert.equal((await total.textContent()).trim(), '93.91'));
      await page.getByTestId('undo').click();
      await until(async () => assert.equal((await total.textContent()).trim(), '99.5'));
    },
  },
  {
    name: 'a batch of 监控表: each unit\'s light as a flag, the red and yellow rows with the unit\'s causes and measures',
    async run({ page, baseUrl, assert }) {
      await page.goto(`${baseUrl}/?mode=review`);
      const desk = new DeskPage(page);
      await desk.desk.waitFor();
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-monitoring-'));
      const national = path.join(dir, '培训.tsv');
      fs.writeFileSync(national, [
        '项目支出绩效目标执行监控表（1-7月）',
        '一级指标\t二级指标\t三级指标\t年度指标值\t1-7月实际完成值\t全年预计完成值\t完成目标可能性\t经费保障\t制度保障\t人员保障\t硬件条件保障\t偏差原因\t纠偏措施',
        '产出指标\t数量指标\t培训人次\t≥1200人次\t400\t1100\t有可能\t\t\t√\t\t师资不足\t外聘讲师',
        '\t质量指标\t合格率\t≥95%\t96\t96\t确定能\t\t\t\t\t\t',
        '效益指标\t社会效益指标\t能力提升\t明显提升\t部分达成\t\t有可能\t\t\t\t\t\t',
      ].join('\n'));
      const huangshi = path.join(dir, '黄石.tsv');
      fs.copyFileSync(path.join(REAL, 'monitoring/jiankong-hubei-huangshi-wenwuju-2019.tsv'), huangshi);
      await desk.read([national, huangshi], 2);
      const red = desk.row('培训.tsv');
      assert.match(await red.textContent(), /监控·红灯/);
      assert.match(await red.textContent(), /监控红灯/);
      assert.match(await desk.row('黄石.tsv').textContent(), /监控·黄灯/);
      // The red and yellow rows, worst first, with what the unit said (or did not).
      const alerts = red.getByTestId('review-alerts');
      await alerts.locator('summary').click();
      const lines = await alerts.getByTestId('alert').allTextContents();
      assert.equal(lines.length, 2, lines.join('\n'));
      assert.match(lines[0], /红灯\s*培训人次.*57\.14%.*偏差原因：人员保障：师资不足；纠偏措施：外聘讲师/s);
      assert.match(lines[1], /黄灯\s*能力提升.*未说明偏差原因；未提出纠偏措施/s);
      // Sorted by the light (green and blue first, red last), and the file opened shows them too.
      await page.getByTestId('review-sort-grade').click();
      const order = await desk.files();
      assert.ok(order[0].endsWith('黄石.tsv'), order.join());
      await red.getByTestId('review-drill').click();
      const detail = page.getByTestId('review-detail-alerts');
      await detail.waitFor();
      assert.match(await detail.textContent(), /监控预警（红灯）.*培训人次/s);
    },
  },
  {
    name: 'the desk in a portal element (data-mode="review") under a strict CSP: read, drill in and back',
    async run({ page, baseUrl, assert }) {
      await cspWatch(page);
      await page.goto(`${baseUrl}/portal/review.html`);
      const host = page.locator('jixiao-workbench#desk');
      const desk = new DeskPage(host);
      await desk.desk.waitFor();
      const historyBefore = await page.evaluate(() => history.length);
      await desk.read(mixedBatch(), 9);
      assert.deepEqual(await desk.flags(), EXPECTED_FLAGS);
      await desk.row('南京.json').getByTestId('review-drill').click();
      await until(async () => assert.equal((await host.getByTestId('review-viewer').getByTestId('total-score').textContent()).trim(), '99.5'));
      await host.getByTestId('review-back').click();
      assert.equal(await desk.rows.count(), 9);
      assert.deepEqual(await cspViolations(page), []);
      assert.equal(await page.evaluate(() => history.length), historyBefore, 'the host history is untouched');
    },
  },
];
