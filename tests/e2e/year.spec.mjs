// End-to-end: 上年对比 and 等级差距 — the margins to the neighbouring grades, next year made from this one
// (this year kept as the comparison, undoable), last year's file opened as a comparison and kept across
// a reload.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { until } from './util.mjs';
import { WorkbenchPage } from './pages.mjs';

export default [
  {
    name: 'the grade margins, next year from this one, and last year opened beside this year',
    async run({ page, baseUrl, assert }) {
      await page.goto(baseUrl);
      const root = page.getByTestId('workbench');
      const total = root.getByTestId('total-score');
      await until(async () => assert.equal((await total.textContent()).trim(), '99.5'));
      await root.getByTestId('tab-compare').click();
      assert.match(await root.getByTestId('grade-margin').textContent(), /再失 9\.5 分以上将降为“良”/);
      assert.match(await root.getByTestId('points-lost').textContent(), /工作开展情况：失 0\.5 分/);
      // 新建下一年度: scores cleared, this year kept as the comparison.
      page.once('dialog', (d) => d.accept());
      await root.getByTestId('next-year').click();
      await until(async () => assert.equal((await total.textContent()).trim(), '0'));
      assert.match(await root.getByTestId('unit-title').textContent(), /2025年度/);
      assert.match(await root.getByTestId('compare-head').textContent(), /2024年 → 2025年：总分 99\.5 → 0/);
      assert.equal(await root.getByTestId('compare-row').count(), 52);
      assert.equal(await root.getByTestId('compare-chart').locator('g').count(), 5, 'one pair of bars per 一级');
      // Undo brings this year back; the comparison stays as it is.
      await root.getByTestId('undo').click();
      await until(async () => assert.equal((await total.textContent()).trim(), '99.5'));
      await root.getByTestId('compare-clear').click();
      assert.equal(await root.getByTestId('compare-head').count(), 0);
      // Last year's file: the same system, one row lower, a 2023 total.
      const last = JSON.parse(fs.readFileSync('templates/nanjing-2024.json', 'utf8'));
      last.unit.year = 2023;
      // Last year the row had another name: it pairs only by hand.
      const rename = (nodes) => nodes.forEach((n) => {
        if (n.name === '绩效信息公开') n.name = '绩效信息公开工作';
        rename(n.children || []);
      });
      rename(last.indicators);
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-year-')), '2023.json');
      fs.writeFileSync(file, JSON.stringify(last));
      await root.getByTestId('compare-open').setInputFiles(file);
      await until(async () => assert.match(await root.getByTestId('compare-head').textContent(), /2023年 → 2024年/));
      assert.match(await root.getByTestId('compare-only-last').textContent(), /绩效信息公开工作/);
      assert.equal(await root.getByTestId('compare-only-this').count(), 1);
      assert.equal(await root.getByTestId('compare-row').count(), 51);
      const pick = root.getByTestId('compare-pair');
      const value = await pick.locator('option', { hasText: '绩效信息公开工作' }).getAttribute('value');
      await pick.selectOption(value);
      await until(async () => assert.equal(await root.getByTestId('compare-row').count(), 52));
      assert.equal(await root.getByTestId('compare-only-this').count(), 0);
      assert.match(await root.getByTestId('compare-row').filter({ hasText: '（手工配对）' }).textContent(), /绩效信息公开/);
      const accepted = root.getByTestId('compare-amount').filter({ hasText: '受理各类诉求' });
      assert.match(await accepted.textContent(), /424\.76 → 424\.76 万件0%/);
      // This year's file says the metric's 上年值 was 383.75 and grew 10.69 %; last year's file says 424.76.
      const disagree = root.getByTestId('compare-finding');
      assert.deepEqual(await disagree.evaluateAll((els) => els.map((e) => e.getAttribute('data-code'))),
        ['compare.prior_metric', 'compare.growth']);
      assert.match(await disagree.first().textContent(), /上年值填为 383\.75，上年（2023年）文件为 424\.76/);
      // Last year's figures as this year's 上年数 (one undoable step), for the 变动率 rules.
      await root.getByTestId('compare-fill-prior').click();
      await until(async () => assert.equal(await disagree.count(), 1), 'only the printed growth is left to correct');
      // The report now compares with last year and reports on last year's problems.
      await root.getByTestId('tab-report').click();
      const preview = root.getByTestId('report-preview');
      await until(async () => assert.match(await preview.textContent(), /总支出3089\.41万元，与上年持平/));
      assert.match(await preview.textContent(), /四、上年度问题整改落实情况/);
      assert.match(await preview.textContent(), /五、存在问题及原因分析/);
      await root.getByTestId('tab-accounts').click();
      const prior = root.locator('[data-path="accounts/prior/expense_total"] input');
      await until(async () => assert.equal(await prior.inputValue(), '3089.41'));
      await root.getByTestId('undo').click();
      await until(async () => assert.equal(await prior.inputValue(), ''));
      await root.getByTestId('tab-compare').click();
      // Kept across a reload; this year's evaluation untouched.
      await page.reload();
      await root.getByTestId('tab-compare').click();
      await until(async () => assert.match(await root.getByTestId('compare-head').textContent(), /2023年 → 2024年：总分 99\.5 → 99\.5/));
      assert.equal((await total.textContent()).trim(), '99.5');
    },
  },
  {
    name: 'a what-if in a scratch copy moves total, grade and findings; discarded it leaves nothing, applied it stays',
    async run({ page, baseUrl, assert }) {
      const app = new WorkbenchPage(page);
      await app.open(`${baseUrl}/`);
      const bar = app.root.getByTestId('what-if-bar');
      assert.equal(await bar.count(), 0);
      await app.root.getByTestId('what-if').click();
      await until(async () => assert.match(await bar.textContent(), /总分 99\.5 → 99\.5（\+0）/));
      const path = await app.rowPath('工作开展情况');
      await app.setField(`${path}/score`, '1');
      await until(async () => assert.equal(await app.totalText(), '100'));
      const summary = app.root.getByTestId('what-if-summary');
      await until(async () => assert.match(await summary.textContent(), /总分 99\.5 → 100（\+0\.5），等级“优” → “优”/));
      assert.match(await app.root.getByTestId('what-if-row').first().textContent(), /工作开展情况：0\.5 → 1/);
      // A figure: 满意率 85 instead of 96.83 fails the "> 90" rule, 10 points go and the grade drops.
      await app.setField(`${path}/score`, '0.5');
      await app.tab('metrics').click();
      await app.setField('metrics/satisfaction/value', '85');
      await until(async () => assert.match(await summary.textContent(), /总分 99\.5 → 89\.5（-10），等级“优” → “良”/));
      assert.match(await app.root.getByTestId('what-if-row').first().textContent(), /服务对象对热线工作的满意度：10 → 0/);
      // The draft is never saved: a reload finds the original.
      await page.waitForTimeout(700); // past the autosave delay
      await page.reload();
      await app.total.waitFor();
      assert.equal(await app.totalText(), '99.5', 'the draft was not saved');
      assert.equal(await bar.count(), 0);
      // Discard: evaluation and undo history as before.
      await app.tab('indicators').click();
      await app.root.getByTestId('what-if').click();
      await app.setField(`${path}/score`, '1');
      await until(async () => assert.equal(await app.totalText(), '100'));
      await app.root.getByTestId('what-if-discard').click();
      await until(async () => assert.equal(await app.totalText(), '99.5'));
      assert.equal(await app.field(`${path}/score`).inputValue(), '0.5');
      assert.equal(await app.root.getByTestId('undo').isDisabled(), true, 'nothing to undo: the draft left no step');
      // Apply: the change stays, is saved and can be undone.
      await app.root.getByTestId('what-if').click();
      await app.setField(`${path}/score`, '1');
      await app.field(`${path}/score`).blur();
      await until(async () => assert.equal(await app.totalText(), '100'));
      await app.root.getByTestId('what-if-apply').click();
      assert.equal(await bar.count(), 0);
      await page.waitForTimeout(700);
      await page.reload();
      await app.total.waitFor();
      assert.equal(await app.totalText(), '100');
    },
  },
];
