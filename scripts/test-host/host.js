// @ts-check
// Starts code-server (a real VS Code) on a free loopback port with throw-away profile folders,
// and stops it again by process group. See DESIGN.md, "Testing in a real VS Code".
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { nodeEnv } = require('./install');
const { onCleanup, killGroup, removeDir } = require('./cleanup');

/** User settings that keep the workbench quiet and offline. */
const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.tips.enabled': false,
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'security.workspace.trust.enabled': false,
  // code-server saves edited files after a second by default: an edit a test makes would reach
  // the disk (and the next workspace scan) on its own, and a save under load can be aborted
  // ("Aborted onWillSaveTextDocument-event after 1750ms"). Tests save when they mean to.
  'files.autoSave': 'off',
};

const FLAGS = [
  '--auth', 'none',
  '--disable-telemetry',
  '--disable-update-check',
  '--disable-workspace-trust',
  '--disable-getting-started-override',
  '--ignore-last-opened',
  '--vscode-option', 'enable-smoke-test-driver',
];

/** Asks the kernel for a free loopback port. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Resolves when GET url answers 200, polling until the deadline. */
async function waitForHttp(url, timeoutMs, isAlive) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive()) throw new Error('code-server exited before it listened');
    const ok = await new Promise((resolve) => {
      const req = http.get(url, (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      });
      req.on('error', () => resolve(false));
      req.setTimeout(2000, () => req.destroy());
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`code-server did not answer ${url} within ${timeoutMs / 1000} s`);
}

/** The extension host log files of a profile, each headed by its path (for failure reports). */
function extensionHostLogs(userData) {
  const found = [];
  const walk = (dir) => {
    for (const e of fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (/exthost.*\.log$/.test(e.name)) found.push(`--- ${full}\n${fs.readFileSync(full, 'utf8')}`);
    }
  };
  walk(path.join(userData, 'logs'));
  return found;
}

/** Makes the throw-away folders and files of one host; all inside one temp folder. */
function makeProfile(tmp) {
  const dirs = {
    userData: path.join(tmp, 'user-data'),
    extensions: path.join(tmp, 'extensions'),
    tmp: path.join(tmp, 'tmp'),
    xdgConfig: path.join(tmp, 'xdg-config'),
    xdgData: path.join(tmp, 'xdg-data'),
    xdgCache: path.join(tmp, 'xdg-cache'),
    config: path.join(tmp, 'config.yaml'),
  };
  for (const dir of Object.values(dirs)) if (!dir.endsWith('.yaml')) fs.mkdirSync(dir, { recursive: true });
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify(QUIET_SETTINGS, null, 2));
  fs.writeFileSync(dirs.config, 'auth: none\ncert: false\n');
  return dirs;
}

function hostEnv(paths, dirs) {
  return nodeEnv(paths, {
    EXTENSIONS_GALLERY: '{}',
    TMPDIR: dirs.tmp,
    XDG_CONFIG_HOME: dirs.xdgConfig,
    XDG_DATA_HOME: dirs.xdgData,
    XDG_CACHE_HOME: dirs.xdgCache,
  });
}

function profileArgs(dirs) {
  return ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--config', dirs.config];
}

/**
 * Starts a host. `vsix` files are installed into its extensions folder first.
 * @param {import('./install').HostPaths} paths
 * @param {{ vsix?: string[], startTimeoutMs?: number }} [options]
 */
async function startHost(paths, options = {}) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-ready-host-'));
  const removeTmp = onCleanup(() => removeDir(tmp));
  const dirs = makeProfile(tmp);
  const env = hostEnv(paths, dirs);
  const node = path.join(paths.nodeBin, 'node');
  for (const vsix of options.vsix ?? []) {
    const res = spawnSync(node, [paths.codeServer, ...profileArgs(dirs), '--install-extension', vsix], {
      env,
      encoding: 'utf8',
      timeout: 120_000,
    });
    if (res.status !== 0) throw new Error(`installing ${vsix} failed:\n${res.stdout}${res.stderr}`);
  }
  const port = await freePort();
  const args = [paths.codeServer, ...FLAGS, ...profileArgs(dirs), '--bind-addr', `127.0.0.1:${port}`];
  const child = spawn(node, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  /** @type {string[]} */
  const log = [];
  child.stdout?.on('data', (d) => log.push(String(d)));
  child.stderr?.on('data', (d) => log.push(String(d)));
  let alive = true;
  const exited = new Promise((resolve) => child.once('exit', () => resolve((alive = false))));
  const kill = onCleanup(() => killGroup(/** @type {number} */ (child.pid)));
  const host = {
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    isAlive: () => alive,
    /** code-server's own output, then the extension host logs of the profile. */
    log: () => [log.join(''), ...extensionHostLogs(dirs.userData)].join('\n'),
    /** Stops the server and every process it started, then removes the temp folders. */
    async stop() {
      if (alive && child.pid) {
        killGroup(child.pid, 'SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
      }
      kill();
      removeTmp();
    },
  };
  try {
    await waitForHttp(`${host.baseUrl}/healthz`, options.startTimeoutMs ?? 60_000, host.isAlive);
  } catch (err) {
    await host.stop();
    throw Object.assign(/** @type {Error} */ (err), { hostLog: host.log() });
  }
  return host;
}

module.exports = { startHost };
