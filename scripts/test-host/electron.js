// @ts-check
// `npm run test:electron`: the same suites under @vscode/test-electron, for machines that can
// download VS Code (a developer laptop, CI with internet). Where the download site cannot be
// reached it says so within seconds and exits 2 instead of hanging; use `npm run
// test:integration` (code-server, offline) there. On Linux without a display, run it under
// `xvfb-run -a npm run test:electron`.
const fs = require('node:fs');
const https = require('node:https');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { ROOT } = require('./install');
const { compileIntegration, groupByWorkspace, openTarget, FIXTURES, EMPTY } = require('./compile');

const DOWNLOAD_HOST = 'update.code.visualstudio.com';

/** True when the VS Code download site answers within a few seconds. */
function canDownload() {
  return new Promise((resolve) => {
    const req = https.request({ host: DOWNLOAD_HOST, path: '/api/releases/stable', method: 'HEAD', timeout: 8000 });
    req.on('response', (res) => resolve((res.statusCode ?? 500) < 500));
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve(false));
    req.end();
  });
}

async function main() {
  if (!(await canDownload())) {
    console.error(
      `[test-electron] ${DOWNLOAD_HOST} cannot be reached, so VS Code cannot be downloaded here.\n` +
        '[test-electron] Run the same suites offline with: npm run test:integration',
    );
    return 2;
  }
  const { runTests } = require('@vscode/test-electron');
  const build = spawnSync(process.execPath, [path.join(ROOT, 'esbuild.js')], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) return 2;
  const { index, suites } = compileIntegration();
  let status = 0;
  for (const [ws, files] of groupByWorkspace(suites)) {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-ready-electron-'));
    const folder = ws === EMPTY ? undefined : path.join(tmp, ws);
    if (folder) fs.cpSync(path.join(FIXTURES, ws), folder, { recursive: true });
    const target = folder ? openTarget(folder) : undefined;
    const open = target ? ('workspace' in target ? target.workspace : target.folder) : undefined;
    try {
      const code = await runTests({
        extensionDevelopmentPath: ROOT,
        extensionTestsPath: index,
        extensionTestsEnv: { AUDIT_READY_TEST_FILES: JSON.stringify(files) },
        launchArgs: [...(open ? [open] : []), '--disable-extensions', '--disable-workspace-trust'],
      });
      status = Math.max(status, code === 0 ? 0 : 1);
    } catch (err) {
      console.error(`[test-electron] ${ws}: ${err instanceof Error ? err.message : err}`);
      status = Math.max(status, 1);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }
  return status;
}

main().then((status) => process.exit(status));
