/**
 * Shared false-positive controls: what must NOT be flagged is as important as what must.
 * Every rule family uses these so the engine is consistently quiet on the same decoys.
 */

const PLACEHOLDER_WORDS =
  /^(?:changeme|change[-_]?me|changeit|replace[-_]?me|password|passw0rd|secret|token|example|sample|dummy|fake|test|testing|xxx+|todo|tbd|none|null|nil|undefined|redacted|hidden|placeholder|your[-_a-z]*|my[-_]?(?:secret|password|token|key)|insert[-_a-z]*|enter[-_a-z]*|put[-_a-z]*|foo|bar|baz|foobar|abc123?|1234(?:5678?)?|secret123|password123|admin|root|user|pass|s3cr3t|\*+|\.+|-+|_+|x+)$/i;

/**
 * True for values that are obviously not real credentials: template and env references,
 * placeholder words, repeated characters, masked values, angle-bracket hints.
 */
export function isPlaceholder(value: string): boolean {
  const v = value.trim().replace(/^['"`]|['"`]$/g, '');
  if (v.length === 0) return true;
  if (PLACEHOLDER_WORDS.test(v)) return true;
  // ${VAR}, $VAR, {{ var }}, %(var)s, #{var}, <your-key>, [KEY], %VAR%, @VAR@
  if (/^\$\{[^}]*\}$|^\$[A-Za-z_][A-Za-z0-9_]*$|^\{\{.*\}\}$|^%\(?[A-Za-z_]+\)?s?%?$/.test(v)) {
    return true;
  }
  if (/\$\{[^}]+\}|\{\{[^}]+\}\}|#\{[^}]+\}|<[^>]{2,}>|%\([a-z_]+\)s/i.test(v)) return true;
  if (/^\[[^\]]+\]$|^@[A-Z_]+@$|^%[A-Z_]+%$/.test(v)) return true;
  // One character repeated, or a run of x/X/*/0 making up most of the value.
  if (/^(.)\1+$/.test(v)) return true;
  if (/(?:x{6,}|X{6,}|\*{4,}|\.{3,}|0{8,}|_{4,})/.test(v)) return true;
  if (/(?:^|[-_])(?:your|my|example|sample|dummy|fake|placeholder|changeme|replace|redacted)(?:[-_]|$)/i.test(v)) {
    return true;
  }
  return false;
}

/** Shannon entropy in bits per character. */
export function entropy(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const c of counts.values()) {
    const p = c / value.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/** Hex digests (MD5/SHA-1/SHA-256/…), UUIDs, SRI integrity strings, git SHAs. */
export function isHashLike(value: string): boolean {
  const v = value.trim();
  if (/^[0-9a-f]{32}$|^[0-9a-f]{40}$|^[0-9a-f]{56}$|^[0-9a-f]{64}$|^[0-9a-f]{96}$|^[0-9a-f]{128}$/.test(v)) {
    return true;
  }
  if (/^[0-9A-F]{32}$|^[0-9A-F]{40}$|^[0-9A-F]{64}$/.test(v)) return true;
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v)) return true;
  if (/^sha(?:1|256|384|512)-[A-Za-z0-9+/]+=*$/.test(v)) return true;
  return false;
}

/**
 * An environment or secret-store lookup: `process.env.X`, `os.environ["X"]`, `os.Getenv`,
 * `System.getenv`, `ENV[...]`, `getenv(...)`, `Environment.GetEnvironmentVariable`, config
 * lookups. A value that *is* such an expression is not a hardcoded secret.
 */
export function isEnvLookup(expr: string): boolean {
  return /process\.env|import\.meta\.env|os\.environ|os\.getenv|os\.Getenv|System\.getenv|getenv\s*\(|ENV\s*\[|ENV\.fetch|Environment\.GetEnvironmentVariable|Deno\.env|env\s*\(|config\s*\(|settings\.|secrets\.|vault|SecretManager|ssm\.|\$\{\{\s*secrets\./i.test(
    expr,
  );
}

/** Documentation example keys published by providers (never real). */
export function isDocumentedExample(value: string): boolean {
  return /EXAMPLE|AKIAIOSFODNN7|wJalrXUtnFEMI\/K7MDENG|sk_test_4eC39HqLyjWDarjtT1zdp7dc|xoxb-not-a-real|ghp_x{20,}|1234567890abcdef/i.test(
    value,
  );
}

/** Loopback, link-local-free private dev names, and RFC 2606 / 6761 reserved names. */
export function isSafeHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (h === 'localhost' || h === '0.0.0.0' || h === '::1' || h === '::') return true;
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h)) return true;
  if (/\.(localhost|test|local|example|invalid|internal\.test)$/.test(h)) return true;
  if (/^(?:[a-z0-9-]+\.)*example\.(?:com|net|org)$/.test(h) || h === 'example') return true;
  if (h === 'host.docker.internal') return true;
  return false;
}

/** Lock files and other generated manifests, skipped by every rule. */
export function isLockFile(path: string): boolean {
  return /(?:^|\/)(?:package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|bun\.lockb?|composer\.lock|Gemfile\.lock|Cargo\.lock|poetry\.lock|Pipfile\.lock|go\.sum|packages\.lock\.json|gradle\.lockfile|mix\.lock|pubspec\.lock|Podfile\.lock|flake\.lock|uv\.lock)$/.test(
    path,
  );
}
