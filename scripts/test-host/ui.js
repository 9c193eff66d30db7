// @ts-check
// `npm run test:ui`: builds the production bundle, packages the .vsix with vsce, and runs the
// UI check (test/ui/*.test.js) against a workbench with that .vsix installed. Exits 0 (passed),
// 1 (a check failed) or 2 (packaging or the host failed).
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const Mocha = require('mocha').default;
const { ROOT, CACHE, ensureHost } = require('./install');
const { onCleanup, removeDir } = require('./cleanup');

const VSIX = path.join(CACHE, 'audit-ready.vsix');

function step(what, cmd, args, cwd) {
  const res = spawnSync(cmd, args, { cwd, stdio: 'inherit' });
  if (res.status !== 0) throw new Error(`${what} failed`);
}

/**
 * Copies the repository's own files (tracked or not ignored, plus the dist/ bundles) into a
 * staging folder. vsce walks every file under its folder before applying .vscodeignore, and
 * the host cache in .vscode-test/ holds over 100 000 files.
 */
function stage() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-ready-vsix-'));
  onCleanup(() => removeDir(dir));
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  const dist = fs.readdirSync(path.join(ROOT, 'dist')).map((f) => `dist/${f}`);
  for (const rel of [...listed.stdout.split('\0').filter(Boolean), ...dist]) {
    const from = path.join(ROOT, rel);
    if (!fs.existsSync(from) || !fs.statSync(from).isFile()) continue;
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.copyFileSync(from, path.join(dir, rel));
  }
  return dir;
}

function packageVsix() {
  step('building the extension', process.execPath, [path.join(ROOT, 'esbuild.js'), '--production'], ROOT);
  fs.mkdirSync(CACHE, { recursive: true });
  fs.rmSync(VSIX, { force: true });
  const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  // --no-dependencies: the extension is bundled. The bundles carry the rules' example secrets
  // (fake, format-valid) on purpose, which vsce's secret scan would refuse; .vscodeignore is an
  // allowlist, so no .env file can slip in either.
  const flags = ['--no-dependencies', '--skip-license', '--allow-missing-repository', '--no-rewrite-relative-links'];
  const secrets = ['--allow-package-all-secrets', '--allow-package-env-file'];
  step('vsce package', process.execPath, [vsce, 'package', ...flags, ...secrets, '--out', VSIX], stage());
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
