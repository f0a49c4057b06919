// End-to-end: 上年对比 and 等级差距 — the margins to the neighbouring grades, next year made from this one
// (this year kept as the comparison, undoable), last year's file opened as a comparison and kept across
// a reload.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { until } from './util.mjs';

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
      // Last year's figures as this year's 上年数 (one undoable step), for the 变动率 rules.
      await root.getByTestId('compare-fill-prior').click();
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
];
