// @ts-check
// Bundles the integration entry (test/integration/index.ts) and every suite
// (test/integration/suite/**/*.test.ts) into .vscode-test/out/integration/, one file each, with
// `vscode` (given by the host) and `mocha` (loaded from node_modules) left external. The output
// sits outside out/ so that `node scripts/build-tests.js`, which empties out/, cannot pull the
// files away from a run in progress.
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, CACHE } = require('./install');

const SRC = path.join(ROOT, 'test', 'integration');
const OUT = path.join(CACHE, 'out', 'integration');

/** @returns {string[]} the suite sources, sorted */
function suiteSources(dir = path.join(SRC, 'suite')) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) return suiteSources(full);
      return e.name.endsWith('.test.ts') ? [full] : [];
    })
    .sort();
}

/**
 * Compiles the entry and the suites.
 * @returns {{ index: string, suites: { source: string, compiled: string }[] }}
 */
function compileIntegration() {
  const sources = suiteSources();
  fs.rmSync(OUT, { recursive: true, force: true });
  esbuild.buildSync({
    entryPoints: [path.join(SRC, 'index.ts'), ...sources],
    outdir: OUT,
    outbase: SRC,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
    define: { __AUDIT_READY_VERSION__: JSON.stringify(require(path.join(ROOT, 'package.json')).version) },
  });
  const compiled = (/** @type {string} */ source) =>
    path.join(OUT, path.relative(SRC, source)).replace(/\.ts$/, '.js');
  return {
    index: path.join(OUT, 'index.js'),
    suites: sources.map((source) => ({ source, compiled: compiled(source) })),
  };
}

const FIXTURES = path.join(ROOT, 'test', 'fixtures');
/** The workspace a suite gets unless it asks for others. */
const DEFAULT_WORKSPACE = 'integration-workspace';
/** The name that asks for an empty window (no folder). */
const EMPTY = 'empty';

/** The workspaces a suite asks for in its first line: `// @workspace name[, name…]`. */
function workspacesOf(source) {
  const first = fs.readFileSync(source, 'utf8').split('\n', 1)[0];
  const match = /^\/\/\s*@workspace\s+(.+)$/.exec(first.trim());
  return match ? match[1].split(',').map((w) => w.trim()).filter(Boolean) : [DEFAULT_WORKSPACE];
}

/**
 * Groups compiled suites by the fixture workspace (folder under test/fixtures/, or `empty`)
 * they run in; each group is one window.
 * @param {{ source: string, compiled: string }[]} suites
 * @returns {Map<string, string[]>}
 */
function groupByWorkspace(suites) {
  const groups = new Map();
  for (const suite of suites) {
    for (const ws of workspacesOf(suite.source)) {
      if (ws !== EMPTY && !fs.existsSync(path.join(FIXTURES, ws))) {
        throw new Error(`${path.relative(ROOT, suite.source)} asks for test/fixtures/${ws}, which does not exist`);
      }
      groups.set(ws, [...(groups.get(ws) ?? []), suite.compiled]);
    }
  }
  return groups;
}

/**
 * What a window opens for a copied fixture: the `*.code-workspace` file at its top (a multi-root
 * workspace) when there is exactly one, else the folder itself.
 * @param {string} folder
 * @returns {{ folder: string } | { workspace: string }}
 */
function openTarget(folder) {
  const files = fs.readdirSync(folder).filter((n) => n.endsWith('.code-workspace'));
  if (files.length > 1) throw new Error(`${folder} holds more than one .code-workspace file: ${files.join(', ')}`);
  return files.length === 1 ? { workspace: path.join(folder, files[0]) } : { folder };
}

module.exports = { compileIntegration, groupByWorkspace, openTarget, FIXTURES, EMPTY };
