// Page objects: what a test may see and do on the workbench, through data-testid hooks only.

export class WorkbenchPage {
  constructor(page) {
    this.page = page;
    this.total = page.getByTestId('total-score');
    this.grade = page.getByTestId('grade');
    this.unitTitle = page.getByTestId('unit-title');
    this.table = page.getByTestId('indicator-table');
  }

  async open(url) {
    await this.page.goto(url);
    await this.total.waitFor({ state: 'visible' });
  }

  async totalText() {
    return (await this.total.textContent()).trim();
  }

  async gradeText() {
    return (await this.grade.textContent()).trim();
  }

  async leafRowCount() {
    return this.table.locator('tbody tr').count();
  }
}
