import { applyEdits, modify, parse } from 'jsonc-parser';
import type { TextEdit } from '../engine';

/**
 * Pure text edits of `.auditready.jsonc` and `.gitignore`: comments and formatting the user
 * wrote are kept (jsonc-parser `modify`), so the file stays reviewable in a diff.
 */

/** The commented file "Open Configuration" creates when a folder has none. */
export const CONFIG_TEMPLATE = `// Audit Ready project configuration: shared by the editor extension and the CLI.
// Commit it: it is the one source of truth for what this project accepts.
{
  // Globs of files to scan (empty: everything not excluded).
  "include": [],
  // Globs of files never scanned, on top of .gitignore and the built-in skips.
  "exclude": [],
  // Rule id, "family/*" or family → "off" | "error" | "warning" | "info".
  "rules": {
    // "insecure-http/*": "info"
  },
  "allow": {
    // Hosts whose http:// URLs are accepted (an internal service name, for example).
    "hosts": [],
    // Finding fingerprints or secret value hashes that are accepted.
    "fingerprints": [],
    // Globs of paths whose findings are accepted (test fixtures, for example).
    "paths": []
  },
  // Files larger than this many bytes are skipped.
  "maxFileSize": 1048576
}
`;

const FORMAT = { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' } };

/** The config text with `host` added to `allow.hosts` (unchanged when it is already there). */
export function addAllowedHost(text: string, host: string): string {
  const source = text.trim().length === 0 ? '{}\n' : text;
  const current = parse(source, [], { allowTrailingComma: true }) as
    { allow?: { hosts?: unknown } } | undefined;
  const hosts = Array.isArray(current?.allow?.hosts)
    ? (current.allow.hosts as unknown[])
    : undefined;
  const lower = host.toLowerCase();
  if (hosts?.some((h) => typeof h === 'string' && h.toLowerCase() === lower)) return source;
  const path = hosts ? ['allow', 'hosts', hosts.length] : ['allow', 'hosts'];
  const value = hosts ? lower : [lower];
  return applyEdits(
    source,
    modify(source, path, value, { ...FORMAT, isArrayInsertion: Boolean(hosts) }),
  );
}

/** The host of an `http://` URL, lower-cased; undefined when there is none. */
export function hostOf(url: string): string | undefined {
  const m =
    /^[a-z][a-z0-9+.-]{0,31}:\/\/(?:[^@/\s]{0,256}@)?(\[[0-9a-f:.]{2,45}\]|[^/:?#\s]{1,253})/i.exec(
      url,
    );
  return m?.[1].toLowerCase();
}

/**
 * Renames an environment variable in a fix's edits (`process.env.TOKEN` → `process.env.TOKEN_2`)
 * when `.env` already held the first name with another value.
 */
export function renameEnvInEdits(edits: readonly TextEdit[], from: string, to: string): TextEdit[] {
  if (from === to) return [...edits];
  const word = new RegExp(
    `(?<![A-Za-z0-9_])${from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9_])`,
    'g',
  );
  return edits.map((e) => ({ ...e, newText: e.newText.replace(word, to) }));
}

/** Files where moving a secret to an env lookup makes no sense: the secret file itself. */
export function isSecretFile(relPath: string): boolean {
  const name = relPath.slice(relPath.lastIndexOf('/') + 1).toLowerCase();
  if (
    name === '.env' ||
    (name.startsWith('.env.') && !/\.(example|sample|template|dist)$/.test(name))
  )
    return true;
  return (
    /\.(pem|key|p12|pfx|jks|keystore)$/.test(name) || /^id_(rsa|dsa|ecdsa|ed25519)$/.test(name)
  );
}

/** The shell command that stops tracking a file while keeping it on disk. */
export function untrackCommand(relPath: string): string {
  return `git rm --cached -- '${relPath.replace(/'/g, `'\\''`)}'`;
}

/**
 * Edits that fit together in one "fix all": the first `fixAll` fix of each finding, skipping
 * any whose edits overlap an edit already taken (applying both could corrupt the text).
 */
export function mergeFixAll(fixes: ReadonlyArray<{ edits: readonly TextEdit[] }>): TextEdit[] {
  const taken: TextEdit[] = [];
  for (const fix of fixes) {
    const overlaps = fix.edits.some((e) =>
      taken.some(
        (t) => (e.start < t.end && t.start < e.end) || (e.start === e.end && e.start === t.start),
      ),
    );
    if (!overlaps) taken.push(...fix.edits);
  }
  return taken.sort((a, b) => a.start - b.start);
}
