// @ts-check
// The UI check: the packaged .vsix installed into a real workbench, looked at the way a user
// would. Screenshots land in test-results/ (sidebar.png, problems.png, quickfix.png, hover.png).
const assert = require('node:assert/strict');
const { openWorkbench, runCommand, openFile, contributedViews } = require('./workbench');

const PLANTED_FILE = 'src/github.js';
const PLANTED_RULE = 'secrets/github-token';

describe('Audit Ready in the workbench', function () {
  this.timeout(90_000);
  /** @type {Awaited<ReturnType<typeof openWorkbench>>} */
  let wb;
  /** @type {import('playwright-core').Page} */
  let page;

  before(async function () {
    this.timeout(180_000);
    const vsix = process.env.AUDIT_READY_VSIX;
    assert.ok(vsix, 'AUDIT_READY_VSIX names the packaged extension (run through npm run test:ui)');
    wb = await openWorkbench(vsix);
    page = wb.page;
  });

  after(async () => {
    await wb?.close();
  });

  it('shows its container in the activity bar, with its views', async () => {
    const { container, views } = contributedViews();
    assert.ok(container, 'package.json contributes an activity-bar container');
    const item = page.locator(`.part.activitybar [aria-label^="${container.title}"]`).first();
    await item.waitFor({ timeout: 30_000 });
    await item.click();
    const sidebar = page.locator('.part.sidebar');
    await sidebar.locator('.composite.title', { hasText: container.title }).first().waitFor();
    for (const view of views) {
      await sidebar.locator('.pane-header', { hasText: view.name }).first().waitFor();
    }
    await wb.screenshot('sidebar');
  });

  it('lists a planted secret in the Problems panel', async () => {
    await openFile(page, PLANTED_FILE);
    await runCommand(page, 'View: Focus Problems (Errors, Warnings, Infos)');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: PLANTED_RULE }).first();
    await row.waitFor({ timeout: 30_000 });
    await wb.screenshot('problems');
  });

  it('offers the fix in the quick-fix menu', async () => {
    // Selecting the row moves the cursor onto the finding, as a click would.
    await page.locator('.markers-panel .monaco-list-row', { hasText: PLANTED_RULE }).first().dblclick();
    await page.locator('.monaco-editor.focused').waitFor();
    await page.keyboard.press('Control+.');
    const menu = page.locator('.action-widget');
    await menu.waitFor();
    const fix = menu.locator('.monaco-list-row', { hasText: /environment variable|\.env/i }).first();
    await fix.waitFor();
    await wb.screenshot('quickfix');
    await page.keyboard.press('Escape');
  });

  it('explains the finding in a hover', async () => {
    await page.locator('.monaco-editor .squiggly-error').first().hover();
    const hover = page.locator('.monaco-hover', { hasText: /rotate/i }).first();
    await hover.waitFor({ timeout: 15_000 });
    await wb.screenshot('hover');
  });

  it('shows its status bar item', async () => {
    const item = page.locator('.part.statusbar [id^="audit-ready.audit-ready"]').first();
    await item.waitFor();
    assert.match((await item.innerText()).trim(), /\S/, 'the status bar item shows some text');
  });
});
