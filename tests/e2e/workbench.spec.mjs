// End-to-end: the built app in Debian's Chromium, as a user sees it.
import fs from 'node:fs';
import { WorkbenchPage } from './pages.mjs';
import { bigEvaluation, until } from './util.mjs';

async function fresh(page, baseUrl) {
  const app = new WorkbenchPage(page);
  await app.open(`${baseUrl}/`);
  return app;
}


export default [
  {
    name: 'opens on the Nanjing 2024 example with total 99.5 and grade 优',
    async run({ page, baseUrl, assert }) {
      const app = await fresh(page, baseUrl);
      assert.equal(await app.totalText(), '99.5');
      assert.equal(await app.gradeText(), '优');
      assert.match(await app.unitTitle.textContent(), /12345/);
      assert.equal(await app.leafRowCount(), 32);
      assert.match(await app.findingsCount.textContent(), /错误 0/);
    },
  },
  {
    name: 'lowering 工作开展情况 from 0.5 to 0 gives 99 and demands a reason',
    async run({ page, baseUrl, assert }) {
      const app = await fresh(page, baseUrl);
      const path = await app.rowPath('工作开展情况');
      await app.setField(`${path}/score`, '0');
      await until(async () => assert.equal(await app.totalText(), '99'));
      // The reason still says 扣0.5分, and the printed total 99.5 no longer matches.
      assert.match(await app.findingsCount.textContent(), /错误 2/);
      const codes = await app.findingCodes();
      assert.ok(codes.includes('score.reason_amount') && codes.includes('stated.total'), codes.join());
      await app.tab('indicators').click();
      await app.setField(`${path}/reason`, '');
      await until(async () => assert.deepEqual((await app.findingCodes()).filter((c) => c.startsWith('score.reason')), ['score.reason']));
    },
  },
  {
    name: 'an opened row explains its score, and the explanation follows the accounts',
    async run({ page, baseUrl, assert }) {
      const app = await fresh(page, baseUrl);
      const explanation = () => app.row('预算编制科学规范').locator('xpath=../tr[contains(@class,"jx-detail")]').getByTestId('explanation');
      await app.row('预算编制科学规范').getByTestId('toggle-details').click();
      await until(async () => assert.match(await explanation().textContent(), /95\.04%.*\(90, \+∞\)/));
      await app.tab('accounts').click();
      await app.setField('accounts/adjusted_budget', '3500');
      await app.tab('indicators').click();
      await app.row('预算编制科学规范').getByTestId('toggle-details').click();
      await until(async () => assert.match(await explanation().textContent(), /88\.27%.*；填报 2 未采用$/));
      assert.equal(await app.totalText(), '98.5');
    },
  },
  {
    name: 'adding a 三级指标 under a 二级 shows the 分值-sum finding until fixed',
    async run({ page, baseUrl, assert }) {
      const app = await fresh(page, baseUrl);
      const parent = app.row('决策机制');
      const parentPath = await parent.getAttribute('data-path');
      await parent.getByTestId('add-child').click();
      const newRow = app.table.locator('tr[data-testid="indicator-row"][data-name="新指标"]');
      await newRow.waitFor();
      const newPath = await newRow.getAttribute('data-path');
      await app.setField(`${newPath}/name`, '决策执行的有效性');
      await app.setField(`${newPath}/points`, '1');
      await app.setField(`${newPath}/score`, '1');
      let codes = await app.findingCodes();
      assert.ok(codes.includes('tree.points_sum'), codes.join());
      await app.tab('indicators').click();
      await app.setField(`${parentPath}/points`, '5');
      codes = await app.findingCodes();
      assert.ok(codes.includes('tree.points_sum'), 'the 一级 now disagrees: ' + codes.join());
      await app.tab('indicators').click();
      await app.setField(`${parentPath}/points`, '4');
      const firstChild = await app.row('决策流程的科学性').getAttribute('data-path');
      await app.setField(`${firstChild}/points`, '1');
      await app.setField(`${firstChild}/score`, '1');
      codes = await app.findingCodes();
      assert.ok(!codes.includes('tree.points_sum'), codes.join());
      assert.equal(await app.totalText(), '99.5');
    },
  },
  {
    name: 'the tree is navigable and editable by keyboard',
    async run({ page, baseUrl, assert }) {
      const app = await fresh(page, baseUrl);
      const first = await app.rowPath('决策制度的规范性');
      const names = async () =>
        app.table.locator('tr[data-testid="indicator-row"]').evaluateAll((rows) => rows.slice(0, 4).map((r) => r.dataset.name));
      assert.deepEqual(await names(), ['部门决策', '决策机制', '决策制度的规范性', '决策流程的科学性']);
      await app.field(`${first}/name`).focus();
      await page.keyboard.press('Alt+ArrowDown');
      await until(async () => assert.deepEqual((await names()).slice(2), ['决策流程的科学性', '决策制度的规范性']));
      const focused = () => page.evaluate(() => document.activeElement?.closest('tr')?.dataset.name);
      await until(async () => assert.equal(await focused(), '决策制度的规范性', 'focus follows the moved row'));
      await page.keyboard.press('ArrowUp');
      assert.equal(await focused(), '决策流程的科学性');
      await page.keyboard.press('Alt+Enter');
      await until(async () => assert.equal(await focused(), '新指标'));
      await page.keyboard.press('Alt+Delete');
      await until(async () => assert.equal(await app.row('新指标').count(), 0));
      await page.keyboard.press('Control+z');
      await until(async () => assert.equal(await app.row('新指标').count(), 1));
    },
  },
  {
    name: 'a 2,110-row tree opens with its first rows editable; the others are built as they come into view',
    async run({ page, baseUrl, assert }) {
      const big = bigEvaluation(JSON.parse(fs.readFileSync('templates/nanjing-2024.json', 'utf8')));
      // Seeded once: the reload below must find the autosave of the edits, not the seed.
      await page.addInitScript((text) => {
        if (!sessionStorage.getItem('seeded')) {
          localStorage.setItem('jixiao:default', text);
          sessionStorage.setItem('seeded', '1');
        }
      }, JSON.stringify(big));
      const app = await fresh(page, baseUrl);
      await until(async () => assert.equal(await app.totalText(), '100'), 20000);
      const rows = app.table.locator('tr[data-testid="indicator-row"]');
      const waiting = () => app.table.locator('tbody[data-wait]').count();
      const focused = () => page.evaluate(() => document.activeElement?.closest('tr')?.dataset.name);
      assert.equal(await rows.count(), 2110, 'every row is in the table, built or not');
      assert.equal(await app.field('indicators/1.1.1/score').count(), 1, 'the first rows take an edit at once');
      const far = app.table.locator('tr[data-path="indicators/7.3.11"]');
      assert.equal(await far.getAttribute('data-name'), '三级指标7.3.11', 'a row not built has its name');
      assert.equal(await app.field('indicators/7.3.11/score').count(), 0, 'a row far below is not built yet');
      const before = await waiting();
      assert.ok(before > 1500, `${before} rows wait`);
      await far.scrollIntoViewIfNeeded();
      await until(async () => assert.equal(await app.field('indicators/7.3.11/score').count(), 1));
      assert.ok((await waiting()) < before, 'only the rows near the screen were built');
      await app.setField('indicators/7.3.11/score', '0');
      await until(async () => assert.equal(await app.totalText(), '99.95'));
      // ↓ never meets a row not built; Alt+Enter adds a row there and focuses it.
      await app.field('indicators/7.3.11/name').focus();
      await page.keyboard.press('ArrowDown');
      assert.equal(await focused(), '三级指标7.3.12');
      await page.keyboard.press('Alt+Enter');
      await until(async () => assert.equal(await focused(), '新指标'));
      assert.equal(await rows.count(), 2111);
      // After a reload nothing below is built: a finding there still takes the user to its field.
      await page.reload();
      await until(async () => assert.equal(await app.totalText(), '99.95'), 20000);
      assert.equal(await app.field('indicators/7.3.11/score').count(), 0);
      const items = await app.findings();
      await items.filter({ hasText: '三级指标7.3.11' }).first().click();
      await until(async () => assert.equal(await focused(), '三级指标7.3.11'));
    },
  },
  {
    name: 'undo and redo restore exact states (buttons and keyboard)',
    async run({ page, baseUrl, assert }) {
      const app = await fresh(page, baseUrl);
      const path = await app.rowPath('工作开展情况');
      const reason = await app.field(`${path}/reason`).inputValue();
      await app.setField(`${path}/score`, '1');
      await app.field(`${path}/score`).blur();
      await app.setField(`${path}/reason`, '已全面开展');
      await app.field(`${path}/reason`).blur();
      await until(async () => assert.equal(await app.totalText(), '100'));
      await app.root.getByTestId('undo').click();
      assert.equal(await app.field(`${path}/reason`).inputValue(), reason);
      await app.root.getByTestId('undo').click();
      await until(async () => assert.equal(await app.totalText(), '99.5'));
      assert.equal(await app.field(`${path}/score`).inputValue(), '0.5');
      await app.field(`${path}/score`).focus();
      await page.keyboard.press('Control+Shift+Z');
      await until(async () => assert.equal(await app.totalText(), '100'));
      assert.equal(await app.field(`${path}/score`).inputValue(), '1');
      await page.keyboard.press('Control+y');
      assert.equal(await app.field(`${path}/reason`).inputValue(), '已全面开展');
      await page.keyboard.press('Control+z');
      await page.keyboard.press('Control+z');
      assert.equal(await app.totalText(), '99.5');
      assert.equal(await app.field(`${path}/reason`).inputValue(), reason);
    },
  },
  {
    name: 'a page reload restores the edited evaluation',
    async run({ page, baseUrl, assert }) {
      const app = await fresh(page, baseUrl);
      await app.tab('unit').click();
      await app.setField('unit/name', '测试单位');
      await app.tab('indicators').click();
      const path = await app.rowPath('工作开展情况');
      await app.setField(`${path}/score`, '1');
      await until(async () => assert.equal(await app.totalText(), '100'));
      await page.reload();
      await app.total.waitFor();
      assert.equal(await app.totalText(), '100');
      assert.match(await app.unitTitle.textContent(), /测试单位/);
      await page.evaluate(() => localStorage.clear());
    },
  },
  {
    name: 'opening a malformed JSON shows the error and changes nothing',
    async run({ page, baseUrl, assert }) {
      const app = await fresh(page, baseUrl);
      const before = await app.totalText();
      await app.openFile('broken.json', '{"schema_version": 1, "kind": ');
      await app.notice.waitFor();
      assert.match(await app.notice.textContent(), /无法打开“broken\.json”.*不是有效的 JSON.*当前内容未改动/);
      await app.openFile('wrong.json', JSON.stringify({ schema_version: 1, kind: 'department', accounts: { income_total: '三千' } }));
      await until(async () => assert.match(await app.notice.textContent(), /accounts\.income_total/));
      await app.openFile('newer.json', JSON.stringify({ schema_version: 7, kind: 'department' }));
      await until(async () => assert.match(await app.notice.textContent(), /版本为 7/));
      assert.equal(await app.totalText(), before);
      assert.equal(await app.root.getByTestId('undo').isDisabled(), true, 'nothing was changed');
    },
  },
  {
    name: 'clicking a finding switches tab and focuses its field',
    async run({ page, baseUrl, assert }) {
      const app = await fresh(page, baseUrl);
      const items = await app.findings();
      const info = items.filter({ hasText: '95.04%' });
      await info.click();
      await until(async () => assert.equal(await app.tab('accounts').getAttribute('aria-selected'), 'true'));
      await until(async () =>
        assert.equal(await page.evaluate(() => document.activeElement?.closest('[data-path]')?.getAttribute('data-path')), 'accounts/adjusted_budget'),
      );
    },
  },
  {
    name: 'a 项目支出 evaluation is created from its template and scored',
    async run({ page, baseUrl, assert }) {
      const app = await fresh(page, baseUrl);
      await app.newFromTemplate('project');
      await until(async () => assert.equal(await app.totalText(), '0'));
      await app.tab('accounts').click();
      await app.setField('project/funds/0/adjusted', '120');
      await app.setField('project/funds/0/executed', '113.9');
      await app.setField('project/funds/1/adjusted', '0');
      await app.setField('project/funds/1/executed', '0');
      await until(async () => assert.equal(await app.totalText(), '9.49'));
      await app.tab('indicators').click();
      const leaf = await app.rowPath('服务对象满意度');
      await app.setField(`${leaf}/actual`, '95');
      await until(async () => assert.equal(await app.totalText(), '19.49'));
      assert.equal(await app.gradeText(), '差');
      await app.root.getByTestId('undo').click();
      await until(async () => assert.equal(await app.totalText(), '9.49'));
      await page.evaluate(() => localStorage.clear());
    },
  },
  {
    name: 'a typed amount that is not a number keeps the text and says why',
    async run({ page, baseUrl, assert }) {
      const app = await fresh(page, baseUrl);
      await app.tab('accounts').click();
      await app.setField('accounts/adjusted_budget', '３,２５０.６ 万元');
      await until(async () => assert.match(await app.root.getByTestId('execution-rate').textContent(), /95\.04%/));
      await app.setField('accounts/adjusted_budget', '三千');
      const error = app.root.getByTestId('field-error');
      await until(async () => assert.match(await error.textContent(), /不是有效数字/));
      assert.equal(await app.field('accounts/adjusted_budget').inputValue(), '三千');
      assert.match(await app.root.getByTestId('execution-rate').textContent(), /95\.04%/);
      await page.evaluate(() => localStorage.clear());
    },
  },
  {
    name: 'the report preview follows an edit and prints from an iframe holding only the report',
    async run({ page, baseUrl, assert }) {
      const app = await fresh(page, baseUrl);
      await app.tab('report').click();
      const preview = app.root.getByTestId('report-preview');
      await until(async () => assert.match(await preview.textContent(), /自评价得分为99\.5分，评价等级为“优”/));
      await app.tab('indicators').click();
      const path = await app.rowPath('工作开展情况');
      await app.setField(`${path}/score`, '1');
      await app.setField(`${path}/reason`, '');
      await app.tab('report').click();
      await until(async () => assert.match(await preview.textContent(), /自评价得分为100分/));
      assert.match(await preview.textContent(), /各项指标均未扣分/);
      await page.evaluate(() => { window.print = () => {}; });
      await app.root.getByTestId('print-report').click();
      const frame = page.frameLocator('[data-testid="print-frame"]');
      await until(async () => assert.match(await frame.locator('h1').textContent(), /部门整体绩效自评价报告/));
      assert.equal(await frame.locator('[data-testid="report-total"]').textContent(), '100');
      assert.equal(await frame.locator('[data-testid="workbench"]').count(), 0, 'only the report is printed');
    },
  },
  {
    name: 'pasting the reference indicator table rebuilds the same tree; a bad table changes nothing',
    async run({ page, baseUrl, assert }) {
      const app = await fresh(page, baseUrl);
      await app.newFromTemplate('department');
      await until(async () => assert.equal(await app.totalText(), '0'));
      await app.root.getByTestId('import-open').click();
      await app.root.getByTestId('import-text').fill('随便\t什么\n1\t2');
      await app.root.getByTestId('import-apply').click();
      await until(async () => assert.match(await app.notice.textContent(), /无法导入.*未找到指标表的表头.*当前内容未改动/));
      assert.equal(await app.totalText(), '0');
      const tsv = fs.readFileSync(new URL('../fixtures/nanjing-12345-2024-indicators.tsv', import.meta.url), 'utf8');
      await app.root.getByTestId('import-text').fill(tsv);
      await app.root.getByTestId('import-apply').click();
      await until(async () => assert.equal(await app.totalText(), '99.5'));
      assert.equal(await app.leafRowCount(), 32);
      await app.root.getByTestId('undo').click();
      await until(async () => assert.equal(await app.totalText(), '0'));
    },
  },
  {
    name: 'a pasted 绩效目标申报表 opens in the target stage: not scored, its targets checked (undoable)',
    async run({ page, baseUrl, assert }) {
      const app = await fresh(page, baseUrl);
      await until(async () => assert.equal(await app.totalText(), '99.5'));
      assert.match(await app.root.getByTestId('stage').textContent(), /绩效自评/);
      // A published 项目绩效目标表 (乌海, 2021; its stored copy stops before the 效益 rows).
      const tsv = fs.readFileSync(new URL('../fixtures/real/targets/xiangmu-mubiao-neimenggu-wuhai-gongxiaoshe-2021.tsv', import.meta.url), 'utf8');
      await app.root.getByTestId('import-open').click();
      await app.root.getByTestId('import-text').fill(tsv);
      await app.root.getByTestId('import-apply').click();
      await until(async () => assert.match(await app.notice.textContent(), /作为新的评价打开/));
      await until(async () => assert.match(await app.root.getByTestId('stage').textContent(), /项目支出绩效目标申报/));
      assert.match(await app.root.getByTestId('not-scored').textContent(), /不评分/);
      assert.equal(await app.root.getByTestId('total-score').count(), 0, 'no total of 0 shown');
      const codes = await app.findingCodes();
      assert.ok(codes.includes('target.level1_missing'), `${codes}`);
      assert.ok(!codes.some((c) => c.startsWith('score.') || c === 'tree.total_points'), `no scoring finding: ${codes}`);
      await app.root.getByTestId('undo').click();
      await until(async () => assert.equal(await app.totalText(), '99.5'));
      assert.match(await app.root.getByTestId('stage').textContent(), /绩效自评/);
    },
  },
  {
    name: 'a blank 申报表: targets typed as printed, the self-check grades them, 进入下一阶段 through 运行监控 (lights with formulas, red explained) to 自评 (undoable), a later change is an adjustment',
    async run({ page, baseUrl, assert }) {
      const app = await fresh(page, baseUrl);
      await until(async () => assert.equal(await app.totalText(), '99.5'));
      await app.newFromTemplate('project-target');
      await until(async () => assert.match(await app.root.getByTestId('stage').textContent(), /项目支出绩效目标申报/));
      // The target columns, not the scoring ones.
      const headers = await app.table.locator('thead th').allTextContents();
      assert.deepEqual(headers, ['指标', '指标值', '计量单位', '指标值设定依据', '指标解释', '操作']);
      assert.match(await app.root.getByTestId('target-review').textContent(), /自查：差/);
      const leaves = [
        ['1.1.1', '培训人次', '≥300人次'], ['1.2.1', '培训合格率', '≥95%'], ['1.3.1', '按期完成率', '100%'],
        ['1.4.1', '人均培训成本', '≤800元'], ['2.1.1', '基层干部业务能力', '明显提升'], ['3.1.1', '学员满意度', '≥90%'],
      ];
      for (const [id, name, value] of leaves) {
        await app.setField(`indicators/${id}/name`, name);
        await app.setField(`indicators/${id}/target`, value);
        await app.setField(`indicators/${id}/basis`, '计划标准');
      }
      // What was typed stays as typed (the input is not rewritten while typing).
      assert.equal(await app.field('indicators/1.1.1/target').inputValue(), '≥300人次');
      await until(async () => assert.match(await app.root.getByTestId('target-review').textContent(), /自查：优/));
      // A cost written as a floor is a warning, and the grade follows.
      await app.setField('indicators/1.4.1/target', '≥800元');
      await until(async () => assert.match(await app.root.getByTestId('target-review').textContent(), /自查：良/));
      assert.ok((await app.findingCodes()).includes('target.cost_floor'));
      await app.tab('indicators').click();
      await app.setField('indicators/1.4.1/target', '≤800元');
      await app.root.getByTestId('stage-date').fill('2026-01-20');
      assert.equal(await app.root.getByTestId('to-self-evaluation').count(), 1, 'a project not monitored may skip');
      await app.root.getByTestId('next-stage').click();
      await until(async () => assert.match(await app.root.getByTestId('stage').textContent(), /项目支出绩效运行监控/));
      assert.match(await app.notice.textContent(), /已进入运行监控阶段.*2026-01-20 批复/);
      // The monitoring columns; 1—7 月: 100 of 300 × 7/12 = 57.14 % → red, and a red light must be explained.
      assert.deepEqual(await app.table.locator('thead th').allTextContents(),
        ['指标', '年度指标值', '1—7月完成值', '全年预计完成值', '完成目标可能性', '预警', '偏差原因', '纠偏措施', '操作']);
      assert.equal(await app.row('培训人次').getByTestId('approved-target').textContent(), '≥300人次');
      await app.setField('indicators/1.1.1/monitoring/to_date', '100');
      await until(async () => assert.equal(await app.row('培训人次').getByTestId('light').textContent(), '红灯'));
      assert.match(await app.row('培训人次').locator('.jx-light').getAttribute('title'), /100 ÷ \(年度指标值 300 × 序时进度 58.33%\) = 57.14% → 红灯/);
      assert.match(await app.root.getByTestId('monitoring-light').textContent(), /运行监控（1—7月）：不评分，项目红灯/);
      assert.ok((await app.findingCodes()).includes('monitor.light_unexplained'));
      await app.tab('indicators').click();
      await app.setField('indicators/1.1.1/monitoring/cause', '场地改造，上半年停训两个月');
      await app.setField('indicators/1.1.1/monitoring/measure', '四季度加开两期');
      assert.ok(!(await app.findingCodes()).includes('monitor.light_unexplained'));
      await app.tab('indicators').click();
      // 1—3 月: 100 of 300 × 3/12 = 133 % → blue (the target was probably set too low).
      await app.root.getByTestId('monitoring-month').selectOption('3');
      await until(async () => assert.equal(await app.row('培训人次').getByTestId('light').textContent(), '蓝灯'));
      await app.root.getByTestId('next-stage').click();
      await until(async () => assert.match(await app.root.getByTestId('stage').textContent(), /项目支出绩效自评/));
      assert.match(await app.root.getByTestId('target-approved').textContent(), /2026-01-20 批复，未调整/);
      // The scoring columns are back; the 指标值 came along unchanged.
      assert.ok((await app.table.locator('thead th').allTextContents()).includes('自评分'));
      assert.equal(await app.field('indicators/1.1.1/target').inputValue(), '300');
      // What the monitoring said of the row stands beside the year-end figures, read-only.
      assert.equal(await app.row('培训人次').getByTestId('monitored').textContent(),
        '1—3月监控：完成 100，蓝灯；偏差原因：场地改造，上半年停训两个月；纠偏措施：四季度加开两期');
      // Undo returns to monitoring; move on again.
      await app.root.getByTestId('undo').click();
      await until(async () => assert.match(await app.root.getByTestId('stage').textContent(), /运行监控/));
      await app.root.getByTestId('next-stage').click();
      await until(async () => assert.match(await app.root.getByTestId('stage').textContent(), /绩效自评/));
      // A target changed after approval must be recorded as an adjustment.
      await app.setField('indicators/1.1.1/target', '260');
      await until(async () => assert.match(await app.root.getByTestId('unrecorded').textContent(), /有 1 项指标值/));
      assert.ok((await app.findingCodes()).includes('target.unrecorded_change'));
      await app.tab('indicators').click();
      await app.root.getByTestId('record-adjustment').click();
      await until(async () => assert.match(await app.notice.textContent(), /请填写调整原因/));
      await app.root.getByTestId('adjust-reason').fill('场地改造，班次减少');
      await app.root.getByTestId('record-adjustment').click();
      await until(async () => assert.match(await app.root.getByTestId('adjustment').first().textContent(), /场地改造，班次减少.*培训人次：≥300人次 → ≥260人次/));
      assert.equal(await app.root.getByTestId('unrecorded').count(), 0);
      assert.ok(!(await app.findingCodes()).includes('target.unrecorded_change'));
    },
  },
  {
    name: 'a blank 部门整体 申报表: its 年度主要任务 typed in 单位概况, each task\'s 总额 checked against its parts, the 金额合计 against the tasks',
    async run({ page, baseUrl, assert }) {
      const app = await fresh(page, baseUrl);
      await until(async () => assert.equal(await app.totalText(), '99.5'));
      await app.newFromTemplate('department-target');
      await until(async () => assert.match(await app.root.getByTestId('stage').textContent(), /部门整体.*绩效目标申报/));
      await app.tab('unit').click();
      const tasks = app.root.getByTestId('annual-task');
      await until(async () => assert.equal(await tasks.count(), 2));
      assert.ok((await app.findingCodes()).includes('target.task_blank'));
      await app.tab('unit').click();
      await app.setField('tasks/tasks/0/name', '群众文化活动');
      await app.setField('tasks/tasks/0/content', '全年组织大型文化活动12场');
      await app.setField('tasks/tasks/0/amounts/total', '80');
      await app.setField('tasks/tasks/0/amounts/fiscal', '70');
      await app.setField('tasks/tasks/0/amounts/other', '5');
      await app.root.getByTestId('remove-task').nth(1).click();
      await until(async () => assert.equal(await tasks.count(), 1));
      await app.setField('tasks/stated_total/total', '80');
      await app.field('tasks/stated_total/total').blur();
      await until(async () => assert.match(await app.root.getByTestId('annual-tasks-sum').textContent(), /80 \/ 70 \/ 5/));
      const codes = await app.findingCodes();
      assert.ok(codes.includes('target.task_sum'), codes.join());
      assert.ok(!codes.includes('target.task_blank'), codes.join());
      assert.ok(!codes.includes('target.tasks_total'), codes.join());
      const finding = app.root.locator('[data-testid="finding"][data-code="target.task_sum"]');
      assert.match(await finding.textContent(), /“群众文化活动”的预算金额总额 80 万元，与财政拨款 70 \+ 其他资金 5 = 75 万元不符/);
      // Mended, the finding goes.
      await app.tab('unit').click();
      await app.setField('tasks/tasks/0/amounts/other', '10');
      await app.field('tasks/tasks/0/amounts/other').blur();
      await until(async () => assert.ok(!(await app.findingCodes()).includes('target.task_sum')));
    },
  },
  {
    name: 'another unit\'s whole table opens as a new evaluation (undoable); 只替换指标体系 keeps the unit',
    async run({ page, baseUrl, assert }) {
      const app = await fresh(page, baseUrl);
      await until(async () => assert.equal(await app.totalText(), '99.5'));
      const tsv = fs.readFileSync(new URL('../fixtures/real/xiangmu-yunnan-linxiang-linchaoju-2023-shourongsuo.tsv', import.meta.url), 'utf8');
      await app.root.getByTestId('import-open').click();
      await app.root.getByTestId('import-text').fill(tsv);
      await app.root.getByTestId('import-apply').click();
      await until(async () => assert.match(await app.notice.textContent(), /作为新的评价打开/));
      await app.tab('unit').click();
      await until(async () => assert.match(await app.field('unit/name').inputValue(), /临翔/));
      // Nothing Nanjing printed is checked against this table.
      const codes = await app.findingCodes();
      assert.ok(!codes.includes('stated.total'), `no stated total from another unit: ${codes}`);
      assert.ok(!codes.some((c) => c.startsWith('metrics.')), `no Nanjing metrics: ${codes}`);
      await app.root.getByTestId('undo').click();
      await until(async () => assert.equal(await app.totalText(), '99.5'));
      await app.tab('unit').click();
      await until(async () => assert.match(await app.field('unit/name').inputValue(), /12345/));
      // The explicit choice: only the tree, the unit stays.
      await app.root.getByTestId('import-open').click();
      await app.root.getByTestId('import-text').fill(tsv);
      await app.root.getByTestId('import-tree-only').click();
      await until(async () => assert.match(await app.notice.textContent(), /替换了当前评价的指标体系/));
      await until(async () => assert.match(await app.field('unit/name').inputValue(), /12345/));
      assert.notEqual(await app.totalText(), '99.5');
    },
  },
  {
    name: 'a paste carrying HTML is read from its table (rowspan known), not from its plain text',
    async run({ page, baseUrl, assert }) {
      const app = await fresh(page, baseUrl);
      await app.newFromTemplate('department');
      await until(async () => assert.equal(await app.totalText(), '0'));
      await app.root.getByTestId('import-open').click();
      const html = '<table><tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>分值</td><td>得分</td></tr>'
        + '<tr><td rowspan="2">产出</td><td>数量</td><td>完成量</td><td>60</td><td>60</td></tr>'
        + '<tr><td>质量</td><td>合格率</td><td>40</td><td>38</td></tr></table>';
      const area = app.root.getByTestId('import-text');
      // What Excel puts on the clipboard: the table as HTML beside a plain text (here one no reader could use).
      await area.evaluate((el, h) => {
        const data = new DataTransfer();
        data.setData('text/html', h);
        data.setData('text/plain', '随便');
        el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      }, html);
      await area.fill('随便');
      await app.root.getByTestId('import-apply').click();
      await until(async () => assert.equal(await app.totalText(), '98'));
      assert.equal(await app.leafRowCount(), 2);
    },
  },
  {
    name: 'a real published table pastes whole: summary, audit findings, the inferred rule and adopting it',
    async run({ page, baseUrl, assert }) {
      const app = await fresh(page, baseUrl);
      const tsv = fs.readFileSync(new URL('../fixtures/real/national2020-shanxi-jishan-yibaoju-2020.tsv', import.meta.url), 'utf8');
      await app.root.getByTestId('import-open').click();
      await app.root.getByTestId('import-text').fill(tsv);
      await app.root.getByTestId('import-apply').click();
      await until(async () => assert.match(await app.notice.textContent(), /读入指标 6 行，其中 6 行由指标值推断评分标准/));
      // The execution score is recomputed: 65.07 / 65.66 = 99.10 % → 9.91, not the printed 9.
      await until(async () => assert.equal(await app.totalText(), '93.91'));
      const codes = await app.findingCodes();
      for (const code of ['stated.total', 'audit.deflated', 'audit.execution_deflated', 'score.reason']) {
        assert.ok(codes.includes(code), `${code} in ${codes}`);
      }
      await app.tab('indicators').click();
      const row = app.row('全县参合人数');
      const inferred = row.getByTestId('inferred-rule');
      await until(async () => assert.match(await inferred.textContent(), /由指标值推断：正向/));
      await inferred.getByTestId('adopt-inferred').click();
      await until(async () => assert.equal(await row.getByTestId('rule-select').inputValue(), 'proportional'));
      // The rule now computes 14.86 and wins over the typed 13 (no override reason).
      await until(async () => assert.equal(await app.totalText(), '95.77'));
    },
  },
  {
    name: 'Word and Excel files download from the page; the .xlsx opens again',
    async run({ page, baseUrl, assert }) {
      const app = await fresh(page, baseUrl);
      let annex = null;
      let word = null;
      await app.tab('report').click();
      for (const [testid, suffix] of [['save-docx', '.docx'], ['save-xlsx', '.xlsx'], ['save-html', '.html']]) {
        const [download] = await Promise.all([page.waitForEvent('download'), app.root.getByTestId(testid).click()]);
        assert.ok(download.suggestedFilename().endsWith(suffix), download.suggestedFilename());
        const bytes = fs.readFileSync(await download.path());
        if (suffix === '.html') {
          assert.match(bytes.toString('utf8'), /自评价得分为99\.5分/);
        } else {
          assert.equal(bytes.subarray(0, 2).toString(), 'PK', `${suffix} is a zip container`);
          assert.ok(bytes.length > 5000, `${suffix} has content (${bytes.length} bytes)`);
          if (suffix === '.xlsx') annex = bytes;
          if (suffix === '.docx') word = bytes;
        }
      }
      // The annex opens again as an indicator table (read by the Word / Excel module) ...
      const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      await app.openFile('评分表.xlsx', annex, XLSX);
      await until(async () => assert.match(await app.notice.textContent(), /已将“评分表\.xlsx”作为新的评价打开.*读入指标 32 行/));
      assert.equal(await app.totalText(), '99.5');
      // ... and so does the Word report: its annex table, read with its merged cells.
      await app.newFromTemplate('department');
      await until(async () => assert.equal(await app.totalText(), '0'));
      await app.openFile('报告.docx', word, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      await until(async () => assert.match(await app.notice.textContent(), /已将报告“报告\.docx”作为新的评价打开/));
      assert.equal(await app.totalText(), '99.5');
      await app.tab('indicators').click();
      await until(async () => assert.equal(await app.leafRowCount(), 32));
      // The report's words come back too: the unit, and the deducted row's reason (no error left).
      await app.tab('unit').click();
      await until(async () => assert.match(await app.field('unit/name').inputValue(), /12345/));
      const codes = await app.findingCodes();
      assert.ok(!codes.includes('score.reason'), `the reason came from the text: ${codes}`);
      // A PDF of the report reads the same way, in the browser: its text layer and drawn rules (read by
      // the Word / Excel module, lopdf compiled to WebAssembly).
      await app.newFromTemplate('department');
      await until(async () => assert.equal(await app.totalText(), '0'));
      const pdf = fs.readFileSync(new URL('../fixtures/pdf/nanjing-2024-report.pdf', import.meta.url));
      await app.openFile('报告.pdf', pdf, 'application/pdf');
      await until(async () => assert.match(await app.notice.textContent(), /已将报告“报告\.pdf”作为新的评价打开/), 15000);
      assert.equal(await app.totalText(), '99.5');
      await app.tab('unit').click();
      await until(async () => assert.match(await app.field('unit/name').inputValue(), /12345/));
      // An old Word file is named, with what to do, and changes nothing.
      await app.openFile('旧报告.doc', Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.from('WordDocument', 'utf16le')]), 'application/msword');
      await until(async () => assert.match(await app.notice.textContent(), /无法读取“旧报告\.doc”.*\.doc.*另存为 \.docx.*当前内容未改动/));
      assert.equal(await app.totalText(), '99.5');
      // ... and a file that only looks like one changes nothing.
      await app.openFile('garbage.xlsx', Buffer.from('PK\x03\x04 not really a workbook'), XLSX);
      await until(async () => assert.match(await app.notice.textContent(), /无法读取“garbage\.xlsx”.*当前内容未改动/));
      assert.equal(await app.totalText(), '99.5');
    },
  },
  {
    name: 'two tabs on the same saved evaluation: the other tab is warned and does not overwrite',
    async run({ page, baseUrl, assert, context }) {
      const a = await fresh(page, baseUrl);
      const otherPage = await context.newPage();
      const b = new WorkbenchPage(otherPage);
      await b.open(`${baseUrl}/`);
      await a.tab('unit').click();
      await a.setField('unit/name', '甲窗口的单位');
      await until(async () => assert.match(await b.notice.textContent(), /另一个窗口.*暂停自动保存/), 5000);
      await b.tab('unit').click();
      await b.setField('unit/name', '乙窗口的单位');
      await otherPage.waitForTimeout(800);
      const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('jixiao:default')).unit.name);
      assert.equal(saved, '甲窗口的单位', 'the warned tab did not overwrite');
      await otherPage.close();
    },
  },
  {
    name: 'a full storage keeps the previous save and says so once',
    async run({ page, baseUrl, assert }) {
      await page.addInitScript(() => {
        if (!sessionStorage.getItem('seeded')) {
          sessionStorage.setItem('seeded', '1');
          localStorage.setItem('jixiao:default', 'previous good copy');
        }
        const setItem = Storage.prototype.setItem;
        Storage.prototype.setItem = function (key, value) {
          if (key === 'jixiao:default') throw new DOMException('quota', 'QuotaExceededError');
          return setItem.call(this, key, value);
        };
      });
      const app = new WorkbenchPage(page);
      await app.open(`${baseUrl}/`);
      // The unreadable previous copy is reported and kept aside; the example opens.
      assert.match(await app.notice.textContent(), /上次自动保存的内容无法打开/);
      await app.tab('unit').click();
      await app.setField('unit/name', '新内容');
      await until(async () => assert.match(await app.notice.textContent(), /自动保存失败.*上次保存的内容未被改动/), 5000);
      assert.equal(await page.evaluate(() => localStorage.getItem('jixiao:default')), 'previous good copy');
      assert.equal(await page.evaluate(() => localStorage.getItem('jixiao:default:unreadable')), 'previous good copy');
      await app.setField('unit/name', '新内容2');
      await page.waitForTimeout(700);
      assert.match(await app.unitTitle.textContent(), /新内容2/, 'the app keeps working from memory');
    },
  },
  {
    name: 'hostile text in every field stays inert in the page, the preview, the print frame and the downloads',
    async run({ page, baseUrl, assert }) {
      const vectors = [
        '<script>window.__xss = 1</script>',
        '<img src=x onerror="window.__xss = 2">',
        '"><svg onload="window.__xss = 3">',
        "javascript:window.__xss = 4",
        '</style><b onmouseover="window.__xss = 5">悬停</b>',
        '{{constructor.constructor("window.__xss = 6")()}}',
        '\u202E54.99\u202C',
        '🙂𠀀𪚥',
      ];
      const long = '长'.repeat(10000);
      const dialogs = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        d.dismiss();
      });
      const app = await fresh(page, baseUrl);
      const evaluation = JSON.parse(fs.readFileSync(new URL('../../templates/nanjing-2024.json', import.meta.url), 'utf8'));
      evaluation.unit.name = vectors.join(' ') + long;
      evaluation.unit.parent_department = vectors[1];
      evaluation.indicators[0].name = vectors[2];
      evaluation.indicators[1].children[5].children[1].reason = vectors[4] + '扣0.5分。';
      evaluation.narrative.problems = vectors.join('\n');
      evaluation.metrics[0].name = vectors[0];
      await app.openFile('hostile.json', JSON.stringify(evaluation));
      await until(async () => assert.match(await app.notice.textContent(), /已打开/));
      assert.equal(await app.totalText(), '99.5');
      for (const key of ['unit', 'accounts', 'metrics', 'indicators', 'findings', 'report']) await app.tab(key).click();
      const preview = app.root.getByTestId('report-preview');
      await until(async () => assert.ok((await preview.textContent()).includes('<img src=x onerror="window.__xss = 2">')));
      await page.evaluate(() => { window.print = () => {}; });
      await app.root.getByTestId('print-report').click();
      const frame = page.frameLocator('[data-testid="print-frame"]');
      await until(async () => assert.ok((await frame.locator('h1').textContent()).includes('<script>window.__xss = 1</script>')));
      const [download] = await Promise.all([page.waitForEvent('download'), app.root.getByTestId('save-html').click()]);
      const html = fs.readFileSync(await download.path(), 'utf8');
      assert.ok(!html.includes('<script>window.__xss'), 'escaped in the .html export');
      assert.ok(html.includes('&lt;img src=x onerror='));
      await page.hover('text=悬停').catch(() => {});
      await page.waitForTimeout(300);
      assert.equal(await page.evaluate(() => window.__xss), undefined, 'no script ran');
      assert.deepEqual(dialogs, []);
      assert.equal(await page.locator('img[src="x"], svg[onload], b[onmouseover]').count(), 0, 'no element injected');
      assert.equal(await page.locator('[data-testid="print-frame"]').evaluate((f) => f.contentDocument.querySelectorAll('img, svg, script').length), 0);
    },
  },
  {
    name: 'loads without console errors and without touching history',
    async run({ page, baseUrl, assert, consoleErrors }) {
      await page.addInitScript(() => {
        window.__historyAtStart = history.length;
      });
      const app = new WorkbenchPage(page);
      await app.open(`${baseUrl}/`);
      for (const key of ['unit', 'accounts', 'metrics', 'findings', 'report', 'indicators']) {
        await app.tab(key).click();
      }
      assert.equal(await page.evaluate(() => history.length - window.__historyAtStart), 0);
      assert.equal(new URL(page.url()).pathname, '/');
      assert.deepEqual(consoleErrors, []);
    },
  },
];
