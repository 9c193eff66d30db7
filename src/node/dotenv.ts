import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import ignore from 'ignore';
import { writeFileAtomic } from './atomicWrite';

const KEY_LINE = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/;

/** The value of a dotenv line, unquoted (enough to compare with a value we wrote). */
function unquote(raw: string): string {
  const v = raw.trim();
  const q = v[0];
  if ((q === '"' || q === "'") && v.endsWith(q) && v.length >= 2) return v.slice(1, -1);
  return v.replace(/\s+#.*$/, '');
}

/** A dotenv value, quoted when it holds characters a dotenv parser would otherwise mangle. */
function quote(value: string): string {
  if (/^[A-Za-z0-9_./:@+=,-]*$/.test(value)) return value;
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

/**
 * Appends NAME=value to the .env at envPath (created if missing), atomically; never
 * overwrites an existing key: if NAME exists with another value a new name (NAME_2, …) is
 * chosen; if it exists with the same value, it is reused. Returns the name used.
 */
export async function appendEnvEntry(
  envPath: string,
  name: string,
  value: string,
): Promise<{ name: string; created: boolean }> {
  let text = '';
  let exists = true;
  try {
    text = await fs.readFile(envPath, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    exists = false;
  }
  const existing = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const m = KEY_LINE.exec(line);
    if (m) existing.set(m[1], unquote(m[2]));
  }
  let chosen = name;
  for (let n = 2; existing.has(chosen); n++) {
    if (existing.get(chosen) === value) return { name: chosen, created: false };
    chosen = `${name}_${n}`;
  }
  const sep = text.length > 0 && !text.endsWith('\n') ? '\n' : '';
  await writeFileAtomic(envPath, `${text}${sep}${chosen}=${quote(value)}\n`);
  return { name: chosen, created: !exists };
}

/**
 * Adds `entry` (e.g. `.env`) to `<root>/.gitignore` unless it is already ignored there
 * (checked with the `ignore` package, so `*.env` or `.env*` count). Returns true if changed.
 */
export async function ensureGitignored(root: string, entry: string): Promise<boolean> {
  const file = path.join(root, '.gitignore');
  let text = '';
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const rel = entry.replace(/\\/g, '/').replace(/^\/+/, '');
  if (text.length > 0 && ignore().add(text).ignores(rel)) return false;
  const sep = text.length > 0 && !text.endsWith('\n') ? '\n' : '';
  await writeFileAtomic(file, `${text}${sep}${rel}\n`);
  return true;
}
