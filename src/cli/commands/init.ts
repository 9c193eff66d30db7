import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE } from '../../engine';
import { writeFileAtomic } from '../../node/atomicWrite';
import type { Command } from '../command';
import { EXIT, FatalError, type CliIo } from '../io';

/** The commented starter config `init` writes; every key shows its default or an example. */
export const CONFIG_TEMPLATE = `// Audit Ready settings for this folder (JSON with comments).
// Docs: https://github.com/audit-ready/audit-ready#configuration
{
  // Globs of files to scan; empty means every file git (or .gitignore) lets through.
  "include": [],

  // Globs never scanned, on top of .gitignore and the built-in skips
  // (node_modules, vendor, lock files, binaries, minified and generated files).
  // Example: ["test/fixtures/**", "docs/**/*.md"]
  "exclude": [],

  // Turn rules off or re-grade them: a rule id, "family/*" or a family name
  // (secrets, insecure-http, weak-tls, body-logging) → "off" | "error" | "warning" | "info".
  "rules": {
    // "insecure-http": "warning",
    // "weak-tls/node-reject-unauthorized": "error"
  },

  // Accepted findings, for everything a suppression comment cannot express.
  "allow": {
    // Hosts whose http:// URLs are fine (e.g. a service mesh name inside the cluster).
    "hosts": [],
    // Finding fingerprints or secret value hashes (from the JSON or SARIF report).
    "fingerprints": [],
    // Globs of files whose findings are accepted.
    "paths": []
  },

  // Git history scanning limits.
  "history": { "maxCommits": 10000 },

  // Files larger than this many bytes are skipped (and reported as skipped).
  "maxFileSize": 1048576
}
`;

async function init(io: CliIo, positionals: string[], force: boolean): Promise<number> {
  const folder = path.resolve(io.cwd, positionals[0] ?? '.');
  const file = path.join(folder, CONFIG_FILE);
  const exists = await fs.stat(file).then(
    () => true,
    () => false,
  );
  if (exists && !force) {
    throw new FatalError(
      `${path.relative(io.cwd, file) || CONFIG_FILE} already exists (use --force to overwrite)`,
    );
  }
  await writeFileAtomic(file, CONFIG_TEMPLATE);
  io.stdout.write(`Wrote ${path.relative(io.cwd, file) || CONFIG_FILE}\n`);
  return EXIT.clean;
}

export const initCommand: Command = {
  name: 'init',
  summary: 'write a commented .auditready.jsonc',
  usage: 'audit-ready init [PATH] [--force]',
  description: `Writes a commented ${CONFIG_FILE} with every setting and its default into PATH
(default: the current folder). An existing file is kept unless --force is given.`,
  options: { force: { type: 'boolean' } },
  optionHelp: [['--force', `overwrite an existing ${CONFIG_FILE}`]],
  run: ({ io, values, positionals }) => init(io, positionals, values.force === true),
};
