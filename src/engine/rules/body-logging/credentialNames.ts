/**
 * Does a variable, field, key or header name hold a credential *value*? Decided from its last
 * word (`resetToken`, `DB_PASSWORD`, `x-api-key`), so `tokenType`, `passwordHash`,
 * `hasToken`, `isTokenValid`, `password_length` or `nextPageToken` are not credentials.
 */

/** Last words that are credential values on their own. */
const NOUNS = new Set([
  'password', 'passwords', 'passwd', 'pwd', 'passphrase', 'secret', 'secrets', 'token', 'apikey', 'authorization',
  'credential', 'credentials', 'creds', 'cookie', 'cookies', 'jwt', 'bearer', 'otp', 'privatekey', 'secretkey',
  'accesstoken', 'refreshtoken', 'idtoken', 'authtoken',
]);
/** `key` is a credential only after one of these (`apiKey`, `PRIVATE_KEY`, `signing_key`). */
const KEY_QUALIFIERS = new Set([
  'api', 'secret', 'private', 'signing', 'encryption', 'master', 'access', 'client', 'hmac', 'webhook', 'auth', 'app',
  'license', 'subscription', 'service', 'account', 'ssh', 'gpg', 'pgp', 'aes', 'jwt',
]);
/** `pass` only as the last of several words (`db_pass`, `smtpPass`), never alone. */
const SHORT_PASS = new Set(['pass', 'pw']);
/** First words that make the name a boolean, a check or an action, not a value. */
const NOT_VALUE_FIRST = new Set([
  'is', 'has', 'should', 'can', 'needs', 'need', 'must', 'check', 'verify', 'validate', 'valid', 'invalid', 'missing',
  'require', 'requires', 'required', 'allow', 'allows', 'enable', 'enabled', 'did', 'was', 'will', 'show', 'use',
  'uses', 'no', 'num', 'count', 'max', 'min', 'total', 'len', 'with', 'without', 'set', 'parse', 'compare', 'match',
  'hash', 'hashed', 'encrypted', 'encrypt', 'masked', 'mask', 'redact', 'redacted', 'sanitized', 'obfuscated', 'safe',
  'fake', 'dummy', 'mock', 'example', 'sample', 'default', 'revoke', 'revoked', 'delete', 'remove', 'clear', 'expired',
  'supports', 'wants', 'skip', 'ignore', 'print', 'log', 'on', 'handle', 'render',
]);
/** Words before the last that turn a credential noun into something harmless. */
const NOT_VALUE_MODIFIER = new Set([
  'hash', 'hashed', 'digest', 'encrypted', 'masked', 'redacted', 'sanitized', 'obfuscated', 'safe', 'fake', 'dummy',
  'mock', 'page', 'next', 'cursor', 'continuation', 'cancellation', 'cancel', 'sync', 'pagination', 'device', 'push',
  'fcm', 'apns', 'registration', 'notification', 'csrf', 'xsrf', 'lookahead', 'current', 'prev', 'previous', 'lexer',
  'parser', 'max', 'min', 'num', 'total', 'count', 'has', 'is', 'valid', 'invalid', 'public', 'type', 'placeholder',
  'example', 'sample', 'test', 'stop', 'end', 'start', 'eof', 'sentinel', 'special', 'unknown', 'cache', 'i18n',
  'without', 'no', 'missing', 'empty', 'null', 'none',
]);

/** Splits `resetPasswordToken`, `DB_PASSWORD`, `x-api-key`, `APIKey` into lower-case words. */
export function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length > 0)
    .map((w) => w.toLowerCase());
}

/** True when `name` (an identifier, member, key or header name) holds a credential value. */
export function isCredentialName(name: string): boolean {
  const w = words(name);
  if (w.length === 0) return false;
  const last = w[w.length - 1];
  const before = w.slice(0, -1);
  let credential = NOUNS.has(last);
  if (!credential && last === 'key' && before.length > 0) credential = KEY_QUALIFIERS.has(before[before.length - 1]);
  if (!credential && SHORT_PASS.has(last) && before.length > 0) credential = true;
  if (!credential && last === 'header' && before.length > 0) credential = /^(?:auth|authorization)$/.test(before[before.length - 1]);
  if (!credential && last === 'key' && before.length === 0) return false;
  if (!credential) return false;
  if (before.length > 0 && NOT_VALUE_FIRST.has(w[0])) return false;
  if (before.some((b) => NOT_VALUE_MODIFIER.has(b))) return false;
  return true;
}
