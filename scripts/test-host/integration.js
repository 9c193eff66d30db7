// @ts-check
// `npm run test:integration`: runs the mocha suites of test/integration/suite/ inside a real
// VS Code extension host (code-server), one browser page per fixture workspace, and exits
// 0 (passed), 1 (a test failed) or 2 (the host could not run the tests). Arguments are
// substrings that select suite files, e.g. `npm run test:integration -- activation`.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { ROOT, ensureHost } = require('./install');
const { compileIntegration, groupByWorkspace, openTarget, FIXTURES, EMPTY } = require('./compile');
const { startHost } = require('./host');
const { launchBrowser } = require('./browser');
const { runSession } = require('./session');
const { onCleanup, removeDir } = require('./cleanup');

const TIMEOUT_MS = Number(process.env.AUDIT_READY_TEST_TIMEOUT ?? 300) * 1000;

/** A fresh copy of a fixture workspace, so tests may edit files; removed at exit. */
function copyWorkspace(name) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-ready-ws-'));
  onCleanup(() => removeDir(tmp));
  const folder = path.join(tmp, name);
  fs.cpSync(path.join(FIXTURES, name), folder, { recursive: true });
  return folder;
}

function buildExtension() {
  const res = spawnSync(process.execPath, [path.join(ROOT, 'esbuild.js')], { cwd: ROOT, stdio: 'inherit' });
  if (res.status !== 0) throw new Error('building the extension (node esbuild.js) failed');
  const main = path.join(ROOT, require(path.join(ROOT, 'package.json')).main ?? 'dist/extension.js');
  if (!fs.existsSync(main)) throw new Error(`${path.relative(ROOT, main)} was not built: is src/extension/extension.ts there?`);
}

/** How many windows run at once (each is a browser page with its own extension host). */
const WINDOWS = Math.max(1, Number(process.env.AUDIT_READY_TEST_WINDOWS ?? 2));

/**
 * Console output of windows that run at once, printed in window order: the first unfinished
 * window streams live, the others are held until every window before them has finished.
 * @param {number} count
 */
function orderedOutput(count) {
  /** @type {string[][]} */
  const held = Array.from({ length: count }, () => []);
  const done = new Array(count).fill(false);
  let head = 0;
  const advance = () => {
    while (head < count && done[head]) {
      head += 1;
      if (head < count) for (const line of held[head].splice(0)) console.log(line);
    }
  };
  return {
    /** @param {number} i @param {string} line */
    print(i, line) {
      if (i === head) console.log(line);
      else held[i].push(line);
    },
    /** @param {number} i */
    finish(i) {
      done[i] = true;
      advance();
    },
  };
}

/**
 * Runs every workspace group in one host, up to WINDOWS at once; returns the exit status.
 * @param {import('./install').HostPaths} paths
 * @param {string} index
 * @param {Map<string, string[]>} groups
 */
async function runGroups(paths, index, groups) {
  const host = await startHost(paths);
  const totals = { passed: 0, failed: 0, status: 0 };
  // Largest first, so that the last window to start is a short one.
  const windows = [...groups].sort((a, b) => b[1].length - a[1].length);
  const out = orderedOutput(windows.length);
  try {
    const { browser, context } = await launchBrowser(paths.chromium);
    /** @param {number} i */
    const runWindow = async (i) => {
      const [ws, files] = windows[i];
      const print = (/** @type {string} */ line) => {
        out.print(i, line);
        const m = /(?:^|\n)(\d+) passed, (\d+) failed/.exec(line);
        if (m) (totals.passed += Number(m[1])), (totals.failed += Number(m[2]));
      };
      const started = Date.now();
      let ready = 0;
      const title = ws === EMPTY ? 'empty window' : `workspace ${ws}`;
      print(`\n── ${title}: ${files.length} suite file(s)`);
      try {
        const code = await runSession(context, host, {
          ...(ws === EMPTY ? {} : openTarget(copyWorkspace(ws))),
          extensionDevelopmentPath: ROOT,
          extensionTestsPath: index,
          env: {
            AUDIT_READY_TEST_FILES: JSON.stringify(files),
            AUDIT_READY_TEST_GREP: process.env.AUDIT_READY_TEST_GREP ?? '',
          },
          timeoutMs: TIMEOUT_MS,
          print,
          onRunStarted: () => (ready = Date.now()),
        });
        const secs = (/** @type {number} */ ms) => (ms / 1000).toFixed(1);
        const startup = `${secs(ready - started)} s until the tests started`;
        print(`   (window: ${secs(Date.now() - started)} s, of which ${startup})`);
        totals.status = Math.max(totals.status, code);
      } finally {
        out.finish(i);
      }
    };
    try {
      let next = 0;
      const worker = async () => {
        while (next < windows.length) await runWindow(next++);
      };
      await Promise.all(Array.from({ length: Math.min(WINDOWS, windows.length) }, worker));
    } finally {
      await browser.close();
    }
  } catch (err) {
    console.error(`\n[test-host] infrastructure failure: ${err instanceof Error ? err.message : err}`);
    const workbenchLog = /** @type {{ workbenchLog?: string }} */ (err).workbenchLog;
    if (workbenchLog) console.error(`[test-host] workbench console:\n${workbenchLog}`);
    console.error(`[test-host] host log:\n${host.log()}`);
    totals.status = 2;
  } finally {
    await host.stop();
  }
  console.log(`\nintegration: ${totals.passed} passed, ${totals.failed} failed`);
  return totals.status;
}

async function main() {
  const started = Date.now();
  const paths = ensureHost();
  buildExtension();
  const { index, suites } = compileIntegration();
  const filters = process.argv.slice(2);
  const chosen = suites.filter((s) => filters.length === 0 || filters.some((f) => s.source.includes(f)));
  if (chosen.length === 0) throw new Error('no suite file matched');
  const status = await runGroups(paths, index, groupByWorkspace(chosen));
  console.log(`[test-host] integration run took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return status;
}

main().then(
  (status) => process.exit(status),
  (err) => {
    console.error(`[test-host] ${err instanceof Error ? (err.stack ?? err.message) : err}`);
    if (err?.hostLog) console.error(`[test-host] host log:\n${err.hostLog}`);
    process.exit(2);
  },
);
