// @ts-check
// Opens the packaged extension in a real workbench (code-server + headless Chromium) for the UI
// check, and a few ways to drive it the way a user would: keyboard, palette, clicks.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ensureHost, ROOT } = require('../../scripts/test-host/install');
const { startHost } = require('../../scripts/test-host/host');
const { launchBrowser } = require('../../scripts/test-host/browser');
const { onCleanup, removeDir } = require('../../scripts/test-host/cleanup');

const RESULTS = path.join(ROOT, 'test-results');
const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'integration-workspace');

/**
 * Starts a host with the .vsix installed, opens a copy of the fixture workspace and waits for
 * the workbench to be up.
 * @param {string} vsix
 */
async function openWorkbench(vsix) {
  const paths = ensureHost();
  const host = await startHost(paths, { vsix: [vsix] });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-ready-ui-'));
  const removeTmp = onCleanup(() => removeDir(tmp));
  const folder = path.join(tmp, 'integration-workspace');
  fs.cpSync(FIXTURE, folder, { recursive: true });
  const { browser, context } = await launchBrowser(paths.chromium);
  const page = await context.newPage();
  const close = async () => {
    await browser.close().catch(() => undefined);
    await host.stop();
    removeTmp();
  };
  try {
    await page.goto(`${host.baseUrl}/?folder=${encodeURIComponent(folder)}`, { waitUntil: 'domcontentloaded' });
    await page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 60_000 });
    await page.locator('.monaco-workbench .part.statusbar').waitFor();
  } catch (err) {
    console.error(`[ui] the workbench did not open:\n${host.log()}`);
    await close();
    throw err;
  }
  fs.mkdirSync(RESULTS, { recursive: true });
  return {
    page,
    host,
    close,
    /** Saves a PNG of the page (or of one element) under test-results/. */
    async screenshot(/** @type {string} */ name, /** @type {import('playwright-core').Locator} */ locator) {
      const file = path.join(RESULTS, `${name}.png`);
      await (locator ?? page).screenshot({ path: file });
      return file;
    },
  };
}

/**
 * Runs a command from the palette by its label, as a user would.
 * @param {import('playwright-core').Page} page
 * @param {string} label
 */
async function runCommand(page, label) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${label}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor();
  await page.keyboard.press('Enter');
}

/**
 * Opens a workspace file through Quick Open and waits for its editor tab.
 * @param {import('playwright-core').Page} page
 * @param {string} relativePath
 */
async function openFile(page, relativePath) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(relativePath);
  const name = path.basename(relativePath);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator(`.tabs-container .tab[aria-label^="${name}"]`).waitFor();
}

/**
 * Calls `attempt` until it resolves, or rethrows its last error once `timeoutMs` has passed.
 * @param {() => Promise<void>} attempt
 * @param {number} timeoutMs
 */
async function retry(attempt, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await attempt();
    } catch (err) {
      if (Date.now() > deadline) throw err;
    }
  }
}

/**
 * The bounding box of the first *visible* element of `locator`, waiting for one up to
 * `timeoutMs`. `locator.first().boundingBox()` answers null at once when the first match is in
 * a hidden editor (the workbench keeps the DOM of editors it switched away from) or is being
 * re-rendered, as after opening a file from the Problems panel.
 * @param {import('playwright-core').Locator} locator
 * @param {number} [timeoutMs]
 */
async function visibleBox(locator, timeoutMs = 15_000) {
  const visible = locator.locator('visible=true').first();
  /** @type {{ x: number, y: number, width: number, height: number } | null} */
  let box = null;
  await retry(async () => {
    await visible.waitFor({ state: 'visible', timeout: 2_000 });
    box = await visible.boundingBox();
    if (!box) throw new Error('no visible element');
  }, timeoutMs);
  return /** @type {{ x: number, y: number, width: number, height: number }} */ (box);
}

/** Reads the contributed views of the activity-bar container from package.json. */
function contributedViews() {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const container = pkg.contributes?.viewsContainers?.activitybar?.[0];
  return { container, views: container ? (pkg.contributes.views?.[container.id] ?? []) : [] };
}

module.exports = { openWorkbench, runCommand, openFile, contributedViews, retry, visibleBox };
