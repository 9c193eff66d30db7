// @ts-check
// One extension-test session: a browser page opens the workbench with the extension-test payload,
// the extension host's console is streamed, and the page reports the result through the two
// automation hooks the workbench calls when the smoke-test driver is enabled.
const util = require('node:util');

/** Printed by test/integration/index.ts when mocha starts, and its last line. */
const RUN_STARTED = '[audit-ready-tests] running';
const RUN_FINISHED = /^\n?\d+ passed, \d+ failed/;
/** Workbench chatter that is logged in every window and says nothing about the tests. */
const NOISE = /^(Ignoring fetching additional builtin extensions|Updating additional builtin extensions cache)/;

/**
 * @typedef {object} SessionOptions
 * @property {string} [folder]  absolute workspace folder to open
 * @property {string} [workspace]  absolute `.code-workspace` file to open (multi-root); with
 *   neither, the window is empty
 * @property {string} extensionDevelopmentPath
 * @property {string} extensionTestsPath  the compiled index.js
 * @property {Record<string, string>} env  extra environment for the extension host
 * @property {number} timeoutMs
 * @property {(line: string) => void} print
 * @property {() => void} [onRunStarted]  called when mocha starts (the workbench and the
 *   extension host are up)
 */

/** Turns one forwarded console call into text, applying a `%s` template if there is one. */
function formatLog(args) {
  const values = Array.isArray(args) ? args : [args];
  return util.format(...values.map((v) => (typeof v === 'string' || typeof v === 'number' ? v : util.inspect(v))));
}

/**
 * Runs the suites once. Resolves with 0 (passed) or 1 (failed); rejects on an infrastructure
 * failure (page crash, host gone, timeout).
 * @param {import('playwright-core').BrowserContext} context
 * @param {{ baseUrl: string, isAlive: () => boolean }} host
 * @param {SessionOptions} options
 * @returns {Promise<number>}
 */
async function runSession(context, host, options) {
  const remote = (/** @type {string} */ p) => `vscode-remote://${new URL(host.baseUrl).host}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(options.extensionDevelopmentPath)],
    ['extensionTestsPath', remote(options.extensionTestsPath)],
    ['extensionEnvironment', JSON.stringify(options.env)],
  ];
  const query = new URLSearchParams();
  // The workbench turns an absolute path into a vscode-remote URI on the server.
  if (options.workspace) query.set('workspace', options.workspace);
  else if (options.folder) query.set('folder', options.folder);
  query.set('payload', JSON.stringify(payload));

  // The channel also carries the workbench's own console; only what is logged while mocha runs
  // is streamed, the rest is kept for the failure report.
  /** @type {string[]} */
  const workbenchLog = [];
  let streaming = false;
  const route = (/** @type {string} */ line) => {
    if (line.startsWith(RUN_STARTED)) {
      streaming = true;
      return void options.onRunStarted?.();
    }
    if (streaming && !NOISE.test(line)) options.print(line);
    else workbenchLog.push(line);
    if (RUN_FINISHED.test(line)) streaming = false;
  };

  const page = await context.newPage();
  /** @type {(code: number) => void} */
  let finish = () => {};
  /** @type {(err: Error) => void} */
  let fail = () => {};
  const result = new Promise((resolve, reject) => ((finish = resolve), (fail = reject)));
  result.catch(() => undefined); // awaited below; this only keeps an early failure from going unhandled
  await page.exposeFunction('codeAutomationLog', (_type, args) => route(formatLog(args)));
  await page.exposeFunction('codeAutomationExit', (code) => finish(code === 0 ? 0 : 1));
  page.on('crash', () => fail(new Error('the browser page crashed')));
  const timer = setTimeout(() => fail(new Error(`no result within ${options.timeoutMs / 1000} s`)), options.timeoutMs);
  const watchdog = setInterval(() => host.isAlive() || fail(new Error('code-server exited')), 500);
  try {
    await page.goto(`${host.baseUrl}/?${query}`, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    const code = /** @type {number} */ (await result);
    // A failing test may come from the workbench (a file it could not read, a timed-out
    // participant): show what it logged before the tests ran.
    const notes = workbenchLog.filter((l) => /error|fail|warn|timeout|abort/i.test(l)).slice(-30);
    if (code !== 0 && notes.length > 0) {
      options.print(`   workbench console (errors and warnings, last ${notes.length}):`);
      for (const line of notes) options.print(`   | ${line.split('\n', 1)[0].slice(0, 300)}`);
    }
    return code;
  } catch (err) {
    throw Object.assign(/** @type {Error} */ (err), { workbenchLog: workbenchLog.join('\n') });
  } finally {
    clearTimeout(timer);
    clearInterval(watchdog);
    await page.close().catch(() => undefined);
  }
}

module.exports = { runSession };
