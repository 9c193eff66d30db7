// Runs a TypeScript bench script: bundles bench/<name>.ts (default `bench`) with esbuild into
// the git-ignored bench/.cache/ and executes it, passing the remaining arguments. Bundling keeps
// the bench independent of `out/`, which the test build deletes and rewrites.
const esbuild = require('esbuild');
const path = require('node:path');

const args = process.argv.slice(2);
const name = args[0] && !args[0].startsWith('-') ? args.shift() : 'bench';
const entry = path.join(__dirname, `${name}.ts`);
const outfile = path.join(__dirname, '.cache', 'build', `${name}.js`);

esbuild.buildSync({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  external: ['esbuild'],
  // jsonc-parser's UMD build requires files dynamically; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
  define: { __AUDIT_READY_VERSION__: JSON.stringify(require('../package.json').version) },
});
process.argv = [process.argv[0], outfile, ...args];
require(outfile);
