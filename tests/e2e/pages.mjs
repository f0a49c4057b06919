// Page objects: what a test may see and do on the workbench, through data-testid / data-path hooks.

export class WorkbenchPage {
  constructor(page) {
    this.page = page;
    this.root = page.getByTestId('workbench').first();
    this.total = this.root.getByTestId('total-score');
    this.grade = this.root.getByTestId('grade');
    this.findingsCount = this.root.getByTestId('findings-count');
    this.unitTitle = this.root.getByTestId('unit-title');
    this.table = this.root.getByTestId('indicator-table');
    this.notice = this.root.getByTestId('notice');
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

  tab(key) {
    return this.root.getByTestId(`tab-${key}`);
  }

  /** A row of the indicator tree, by its name. */
  row(name) {
    return this.table.locator(`tr[data-testid="indicator-row"][data-name="${name}"]`);
  }

  /** The input of a field by its data-path, e.g. "indicators/2.6.2/score". */
  field(path) {
    return this.root.locator(`[data-path="${path}"] input, [data-path="${path}"] textarea, [data-path="${path}"] select`).first();
  }

  async rowPath(name) {
    return this.row(name).getAttribute('data-path');
  }

  async setField(path, value) {
    const input = this.field(path);
    await input.fill(value);
  }

  async findings() {
    await this.tab('findings').click();
    return this.root.getByTestId('finding');
  }

  async findingCodes() {
    const items = await this.findings();
    return items.evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
  }

  async leafRowCount() {
    return this.table.locator('tr.jx-leaf').count();
  }

  /** Starts a new evaluation from a built-in template (nanjing-2024 | department | project). */
  async newFromTemplate(name) {
    await this.root.getByTestId('template-select').selectOption(name);
    await this.root.getByTestId('new-from-template').click();
  }

  /** Opens a file through the hidden file input (`content`: text or a Buffer). */
  async openFile(name, content, mimeType = 'application/json') {
    await this.root.getByTestId('file-input').setInputFiles({ name, mimeType, buffer: Buffer.from(content) });
  }
}
