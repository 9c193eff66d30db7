// @ts-check
// One place that undoes what a test run started: process groups are killed and temporary
// folders removed on normal exit, on an uncaught error and on Ctrl-C / SIGTERM.
const fs = require('node:fs');

/** @type {Set<() => void>} */
const tasks = new Set();
let installed = false;

/** Registers a synchronous undo step; returns a function that runs it once and unregisters it. */
function onCleanup(task) {
  install();
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    tasks.delete(once);
    try {
      task();
    } catch {
      // Best effort: the remaining steps must still run.
    }
  };
  tasks.add(once);
  return once;
}

function runAll() {
  for (const task of [...tasks].reverse()) task();
}

function install() {
  if (installed) return;
  installed = true;
  process.on('exit', runAll);
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
    process.on(signal, () => {
      console.error(`\n[test-host] ${signal}: stopping the test host`);
      runAll();
      process.exit(130);
    });
  }
}

/** Kills a detached child's whole process group (the host forks several helpers). */
function killGroup(pid, signal = 'SIGKILL') {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/** Removes a folder tree, ignoring a folder that is already gone. */
function removeDir(dir) {
  fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}

module.exports = { onCleanup, killGroup, removeDir };
