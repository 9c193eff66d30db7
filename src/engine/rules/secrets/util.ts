import type { ScanContext } from '../../context';

/**
 * Small, bounded helpers shared by the `secrets/` rules. Every look-around is capped so a
 * detector stays linear even on a 100 kB single-line file with thousands of candidates.
 */

/** Text on the same line before `offset`, at most `max` characters. */
export function textBefore(ctx: ScanContext, offset: number, max = 160): string {
  const from = Math.max(0, offset - max);
  const slice = ctx.text.slice(from, offset);
  const nl = slice.lastIndexOf('\n');
  return nl < 0 ? slice : slice.slice(nl + 1);
}

/** Text on the same line after `offset`, at most `max` characters. */
export function textAfter(ctx: ScanContext, offset: number, max = 160): string {
  const slice = ctx.text.slice(offset, offset + max);
  const nl = slice.indexOf('\n');
  return nl < 0 ? slice : slice.slice(0, nl);
}

/** Up to `radius` characters either side of `[start, end)`, across lines. */
export function windowAround(ctx: ScanContext, start: number, end: number, radius = 300): string {
  return ctx.text.slice(Math.max(0, start - radius), Math.min(ctx.text.length, end + radius));
}

/**
 * The name a value is assigned to on its line: `key = "…"`, `"key": "…"`, `KEY=…`,
 * `key: …`, `key => '…'`, `define('KEY', '…')`, `-e KEY=…`. Undefined when there is none.
 */
export function nameBefore(ctx: ScanContext, offset: number): string | undefined {
  const before = textBefore(ctx, offset, 120);
  const m = /([A-Za-z_$][\w$.-]{0,80})["'`\]]?\s{0,8}(?::=|=>|\?=|\|\|=|=|:|,|\()\s{0,8}(?:["'`]|\[|b?["']|@?["'])?\s{0,4}$/.exec(
    before,
  );
  return m?.[1];
}

/** Test, spec, fixture and mock paths, where fake credentials are expected. */
export function isTestPath(path: string): boolean {
  return /(?:^|\/)(?:tests?|specs?|__tests__|__mocks__|mocks?|fixtures?|testdata|test-data|e2e|cypress|playwright)\/|[._-](?:test|spec|tests|mock|fixture)s?\.[A-Za-z0-9]+$|_test\.go$|(?:^|\/)test_[^/]*\.py$|(?:^|\/)conftest\.py$/i.test(
    path,
  );
}

/** Documentation and example files (README, docs/, *.example): values there are illustrations. */
export function isDocsPath(path: string): boolean {
  return /(?:^|\/)(?:docs?|documentation|examples?|samples?)\/|(?:^|\/)readme[^/]*$|\.(?:md|mdx|rst|adoc)$/i.test(path);
}

/** Inside a Python docstring (a triple-quoted literal that is a statement of its own): documentation. */
export function inDocString(ctx: ScanContext, offset: number): boolean {
  if (ctx.language !== 'python' || ctx.regionAt(offset) !== 'string') return false;
  const lit = ctx.enclosing(offset);
  if (!lit || !/^[rRuUbB]{0,2}("""|''')/.test(ctx.text.slice(lit.start, lit.start + 5))) return false;
  return /^\s*[rRuUbB]{0,2}$/.test(textBefore(ctx, lit.start, 200));
}

/** Words that mark a value as made up. */
export function looksFake(value: string): boolean {
  return /fake|dummy|example|sample|placeholder|mock|invalid|not[-_]?(?:a[-_]?)?real|redacted|changeme|replace|your|xxxx|0000000|1234567|abcdef|(?:^|[-_.])test(?:ing)?(?:$|[-_.])/i.test(
    value,
  );
}

/** Decodes standard or URL-safe base64 to a Latin-1 string; undefined when it is not base64. */
export function decodeBase64(input: string): string | undefined {
  const s = input.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  if (!/^[A-Za-z0-9+/]*$/.test(s) || s.length % 4 === 1) return undefined;
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let bits = 0;
  let acc = 0;
  let out = '';
  for (const ch of s) {
    acc = (acc << 6) | alphabet.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((acc >> bits) & 0xff);
    }
  }
  return out;
}

/** True when the characters form a mix a random secret has (not a word, not a number). */
export function isMixed(value: string): boolean {
  const classes =
    Number(/[a-z]/.test(value)) + Number(/[A-Z]/.test(value)) + Number(/[0-9]/.test(value)) + Number(/[^A-Za-z0-9]/.test(value));
  return classes >= 2;
}

/** Passwords that appear in local-development defaults (docker-compose, CI services). */
export function isDefaultPassword(password: string, user?: string): boolean {
  const p = password.toLowerCase();
  if (user && p === user.toLowerCase()) return true;
  return /^(?:postgres|postgresql|mysql|mariadb|mongo|mongodb|redis|rabbitmq|guest|admin|root|password|pass|passwd|secret|dev|development|local|localdev|test|testing|example|changeme|docker|user|pw|pwd|default|1234|12345|123456|sa|oracle|keycloak|minio|minioadmin|airflow|app|demo|ci)$/.test(
    p,
  );
}
