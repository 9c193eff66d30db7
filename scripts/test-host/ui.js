// @ts-check
// `npm run test:ui`: builds the production bundle, packages the .vsix with vsce, and runs the
// UI check (test/ui/*.test.js) against a workbench with that .vsix installed. Exits 0 (passed),
// 1 (a check failed) or 2 (packaging or the host failed).
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const Mocha = require('mocha').default;
const { ROOT, CACHE, ensureHost } = require('./install');

const VSIX = path.join(CACHE, 'audit-ready.vsix');

function step(what, cmd, args) {
  const res = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit' });
  if (res.status !== 0) throw new Error(`${what} failed`);
}

function packageVsix() {
  step('building the extension', process.execPath, [path.join(ROOT, 'esbuild.js'), '--production']);
  fs.mkdirSync(CACHE, { recursive: true });
  fs.rmSync(VSIX, { force: true });
  const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  // The extension is bundled by esbuild, so no node_modules go into the package.
  step('vsce package', process.execPath, [vsce, 'package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '--out', VSIX]);
  const kb = fs.statSync(VSIX).size / 1024;
  console.log(`[test-host] ${path.relative(ROOT, VSIX)}: ${kb.toFixed(0)} KiB`);
}

async function main() {
  ensureHost();
  packageVsix();
  process.env.AUDIT_READY_VSIX = VSIX;
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout: 90_000 });
  const dir = path.join(ROOT, 'test', 'ui');
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.test.js')).sort()) mocha.addFile(path.join(dir, f));
  let hookFailed = false;
  const counts = await new Promise((resolve) => {
    const runner = mocha.run(() => resolve({ passed: runner.stats?.passes ?? 0, failed: runner.stats?.failures ?? 0 }));
    // A failing before/after hook means the workbench never came up (or could not be closed).
    runner.on('fail', (runnable) => (hookFailed ||= runnable.type === 'hook'));
  });
  console.log(`ui: ${counts.passed} passed, ${counts.failed} failed`);
  return hookFailed ? 2 : counts.failed > 0 ? 1 : 0;
}

main().then(
  (status) => process.exit(status),
  (err) => {
    console.error(`[test-host] ${err instanceof Error ? err.message : err}`);
    process.exit(2);
  },
);
