// End-to-end: the built app in Debian's Chromium, as a user sees it.
import { WorkbenchPage } from './pages.mjs';

export default [
  {
    name: 'opens on the Nanjing 2024 example with total 99.5 and grade 优',
    async run({ page, baseUrl, assert }) {
      const app = new WorkbenchPage(page);
      await app.open(`${baseUrl}/`);
      assert.equal(await app.totalText(), '99.5');
      assert.equal(await app.gradeText(), '优');
      assert.match(await app.unitTitle.textContent(), /12345/);
    },
  },
  {
    name: 'shows all 32 scored leaf rows of the annex',
    async run({ page, baseUrl, assert }) {
      const app = new WorkbenchPage(page);
      await app.open(`${baseUrl}/`);
      assert.equal(await app.leafRowCount(), 32);
      const row = app.table.locator('tr', { hasText: '工作开展情况' });
      assert.match(await row.textContent(), /0\.5/);
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
      assert.equal(await page.evaluate(() => history.length - window.__historyAtStart), 0);
      assert.equal(new URL(page.url()).pathname, '/');
      assert.deepEqual(consoleErrors, []);
    },
  },
];
