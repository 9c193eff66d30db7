// Transpiles src/, test/ and bench/ TypeScript to out/ (CommonJS) for mocha. Type checking is
// a separate step (`npm run typecheck`); transpiling file by file keeps the test loop fast.
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const outdir = path.join(root, 'out');

function collect(dir, files = []) {
  if (!fs.existsSync(dir)) return files;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'fixtures' || entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      collect(full, files);
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
      files.push(full);
    }
  }
  return files;
}

// No wipe of out/ by default: several builds may run side by side; `--clean` starts afresh.
if (process.argv.includes('--clean')) fs.rmSync(outdir, { recursive: true, force: true });
const entryPoints = ['src', 'test', 'bench'].flatMap((d) => collect(path.join(root, d)));
esbuild.buildSync({
  entryPoints,
  outdir,
  outbase: root,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  define: { __AUDIT_READY_VERSION__: JSON.stringify(require('../package.json').version) },
});
