// @ts-check
// The UI check: the packaged .vsix installed into a real workbench, looked at the way a user
// would. Screenshots land in test-results/ (sidebar.png, problems.png, quickfix.png, hover.png).
const assert = require('node:assert/strict');
const { openWorkbench, runCommand, openFile, contributedViews, retry } = require('./workbench');

const PLANTED_FILE = 'src/github.js';
const PLANTED_RULE = 'secrets/github-token';

/**
 * The middle of the first error squiggle in the editor, where a user would click or point.
 * @param {import('playwright-core').Page} page
 */
async function squiggle(page) {
  const box = await page.locator('.monaco-editor .squiggly-error').first().boundingBox();
  assert.ok(box, 'an error squiggle is shown in the editor');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

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

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && page) {
      await wb.screenshot(`failed-${this.currentTest.title.replace(/\W+/g, '-')}`).catch(() => undefined);
    }
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
    // A container with a single view folds the view's header into its title, so the headers
    // are checked as present, and the sidebar as showing content.
    for (const view of views) {
      await sidebar.locator(`.pane-header[aria-label="${view.name} Section"]`).waitFor({ state: 'attached' });
    }
    await sidebar.locator('.pane-body .monaco-list-row').first().waitFor();
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
    await squiggle(page).then(({ x, y }) => page.mouse.click(x, y));
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: /environment variable|\.env/i }).first();
    // The menu lists what the providers answered by the time it opens; until the extension's
    // actions are in, close it and ask again.
    await retry(async () => {
      await page.keyboard.press('Control+.');
      await fix.waitFor({ timeout: 5_000 }).catch(async (err) => {
        await page.keyboard.press('Escape');
        throw err;
      });
    }, 45_000);
    await wb.screenshot('quickfix');
    await page.keyboard.press('Escape');
    await fix.waitFor({ state: 'hidden' });
  });

  it('explains the finding in a hover', async () => {
    await squiggle(page).then(({ x, y }) => page.mouse.move(x, y));
    const hover = page.locator('.monaco-hover', { hasText: /rotate/i }).first();
    await hover.waitFor({ timeout: 15_000 });
    await wb.screenshot('hover');
  });

  it('shows its status bar item', async () => {
    const item = page.locator('.part.statusbar [id^="audit-ready.audit-ready"]').first();
    await item.waitFor();
    assert.match(await item.innerText(), /\d/, 'the status bar item shows the finding counts');
  });
});
