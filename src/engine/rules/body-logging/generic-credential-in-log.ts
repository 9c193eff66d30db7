import type { ScanContext } from '../../context';
import { defineRule } from '../../rule';
import type { RuleMatch } from '../../types';
import { isCredentialName } from './credentialNames';
import { isLoggedValue, isTestPath } from './exprContext';
import { presenceFix } from './fixHelpers';
import { findLogCalls, type LogCall } from './logCalls';
import { MAX_FINDINGS, messageFor, type Hit } from './requestRule';

/**
 * Any language: a log call that writes a value named like a credential — `password`,
 * `user.password`, `cfg.DBPassword`, `form['password']`, `params[:api_key]`,
 * `os.getenv("API_TOKEN")`, `$_SERVER['HTTP_AUTHORIZATION']`. Named `generic-*` so a
 * language-specific rule reporting the same span takes precedence.
 */

const CHAIN =
  /(?:(?<=\.)(?=\$)|(?<![\w$@.>:\\'"]))[$@]{0,2}[A-Za-z_]\w{0,63}(?:\(\))?(?:(?:\?\.|\.|->|::|&\.)\$?[A-Za-z_]\w{0,63}(?:\(\))?){0,8}/g;
const SUBSCRIPT = /^\[\s{0,2}(?:(['"])([\w.:-]{1,80})\1|:(\w{1,64}))\s{0,2}\]/;
const KEYED_CALL = /^\(\s{0,2}(['"])([\w.:-]{1,80})\1\s{0,2}\)/;
const KEYED_FUNCTIONS = new Set([
  'getenv', 'env', 'get', 'getheader', 'header', 'getparameter', 'input', 'param', 'cookie', 'getstring', 'getvalue',
  'fetch', 'getproperty', 'config', 'getrequestheader', 'headers', 'query', 'post', 'var', 'lookupenv',
]);
/** Members that return the same secret (`token.toString()`, `settings.api_key.get_secret_value()`). */
const SAME_VALUE = new Set([
  'tostring', 'to_s', 'get_secret_value', 'expose_secret', 'reveal', 'unwrap', 'value', 'encode', 'decode', 'strip',
  'trim', 'string', 'tostr', 'getvalue', 'inspect', 'to_json', 'tojson',
]);
/** Every credential name contains one of these: calls without any are skipped cheaply. */
const CREDENTIAL_HINT = /pass|pwd|pw\b|secret|token|key|auth|cred|cookie|jwt|bearer|otp/i;
/** Classes of header-name constants: `HttpHeaders.AUTHORIZATION` is the name, not the value. */
const NAME_CONSTANTS =
  /^(?:httpheaders|httprequestheader|hdrs)$|(?:names|name|keys|constants|consts|enum|types|kinds|fields|labels)$/;

function segmentsOf(chain: string): string[] {
  return chain
    .split(/\?\.|&\.|\.|->|::/)
    .map((s) => s.replace(/\(\)$/, '').replace(/^[$@]+/, ''))
    .filter((s) => s.length > 0);
}

/** The credential-bearing expression starting at a chain match, if there is one. */
function credentialAt(ctx: ScanContext, call: LogCall, start: number, chain: string): Hit | undefined {
  const text = ctx.text;
  const segs = segmentsOf(chain);
  let end = start + chain.length;
  let name: string | undefined;
  for (let i = 0; i < 3; i++) {
    const rest = text.slice(end, end + 100);
    const sub = SUBSCRIPT.exec(rest);
    const keyed = chain.endsWith('()') ? null : KEYED_CALL.exec(rest);
    if (sub) {
      name = sub[2] ?? sub[3];
      end += sub[0].length;
    } else if (keyed && i === 0 && KEYED_FUNCTIONS.has(segs[segs.length - 1]?.toLowerCase() ?? '')) {
      name = keyed[2];
      end += keyed[0].length;
    } else break;
  }
  if (name === undefined) {
    if (/^\s*\(/.test(text.slice(end, end + 4))) return undefined;
    while (segs.length > 1 && SAME_VALUE.has(segs[segs.length - 1].toLowerCase())) segs.pop();
    name = segs[segs.length - 1];
    if (segs.slice(0, -1).some((s) => NAME_CONSTANTS.test(s.toLowerCase()))) return undefined;
  }
  if (!name || !isCredentialName(name)) return undefined;
  if (end > call.argsEnd || !isLoggedValue(ctx, call.argsStart, start, end, 'credential')) return undefined;
  return { call, start, end, kind: 'credential', what: 'Credential value' };
}

function fixFor(ctx: ScanContext, hit: Hit) {
  if (ctx.language === 'javascript' || ctx.language === 'typescript') return presenceFix(ctx, hit, (e) => `Boolean(${e})`);
  if (ctx.language === 'python') return presenceFix(ctx, hit, (e) => `bool(${e})`);
  return undefined;
}

/** `body-logging/generic-credential-in-log`. */
export default defineRule({
  id: 'body-logging/generic-credential-in-log',
  family: 'body-logging',
  title: 'Password, token or key written to a log',
  description:
    'A log call writes a value whose name says it is a credential: a password, an access or refresh token, an API key, a client secret, a private key, an Authorization header or a cookie. Anyone who can read the logs — and every log service they are shipped to — can then sign in as that user or service.',
  remediation: 'Remove the value from the log; log that it was present (or its length), or a masked form from a redaction helper.',
  severity: 'error',
  confidence: 'medium',
  cwe: ['CWE-532'],
  keywords: [
    'password', 'passwd', 'pwd', 'secret', 'token', 'api_key', 'apikey', 'api-key', 'authorization', 'private_key',
    'privatekey', 'credential', 'creds', 'cookie', 'jwt', 'passphrase', '_pass', 'bearer', 'otp', 'app_key',
    'access_key', 'accesskey', 'signingkey', 'signing_key', 'secretkey',
    // Longer keywords of other rules that contain ours: the combined pre-filter reports only the
    // longest keyword at a position, so ours must be listed too to still run there.
    'access_token', 'auth_token', 'client_secret', 'secret_access_key', 'secretaccesskey', 'secret_', 'password=',
    'password =', 'pwd=', 'pwd =', 'x-api-key', 'cookies', 'bot_token', 'vault_token', '_authtoken',
  ],
  languages: ['javascript', 'typescript', 'python', 'go', 'java', 'kotlin', 'scala', 'csharp', 'ruby', 'php', 'rust', 'swift'],
  detect(ctx) {
    if (isTestPath(ctx.path)) return [];
    const out: RuleMatch[] = [];
    for (const call of findLogCalls(ctx)) {
      if (out.length >= MAX_FINDINGS) break;
      const args = ctx.text.slice(call.argsStart, call.argsEnd);
      if (!CREDENTIAL_HINT.test(args)) continue;
      CHAIN.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = CHAIN.exec(args)) !== null && out.length < MAX_FINDINGS) {
        // PHP's `.` concatenates: `$user.$password` is two values.
        const chain = ctx.language === 'php' ? m[0].split('.')[0] : m[0];
        if (chain.length < m[0].length) CHAIN.lastIndex = m.index + chain.length + 1;
        const hit = credentialAt(ctx, call, call.argsStart + m.index, chain);
        if (!hit) continue;
        const expr = ctx.text.slice(hit.start, hit.end);
        const fix = fixFor(ctx, hit);
        out.push({
          start: hit.start,
          end: hit.end,
          value: expr,
          message: messageFor('credential', hit.what, expr),
          severity: 'error',
          fixes: fix ? [fix] : [],
        });
      }
    }
    return out;
  },
  bad: [
    {
      path: 'src/auth.ts',
      text: "console.debug('login', username, password);\n",
      fixed: "console.debug('login', username, Boolean(password));\n",
    },
    { path: 'app/views.py', text: 'print(f"signup {form[\'email\']} password={form[\'password\']}")\n' },
    { path: 'main.go', text: 'log.Printf("connecting with %s", cfg.DBPassword)\n' },
    { path: 'Client.java', text: 'log.info("Authenticating with password={}", password);\n' },
    { path: 'Mailer.php', text: "$this->logger->debug('SMTP login', ['password' => $credentials['password']]);\n" },
    { path: 'app/jobs/sync.rb', text: 'Rails.logger.info "token=#{account.access_token}"\n' },
  ],
  good: [
    { path: 'src/auth.ts', text: "logger.warn('invalid password for user', userId);\nlogger.info('token expired');\n" },
    { path: 'src/auth.ts', text: 'logger.info({ tokenType, expiresIn: token.expiresIn, hasToken: !!token, len: password.length });\n' },
    { path: 'app/auth.py', text: 'logger.info("user %s password_hash %s", user.id, user.password_hash)\nlogger.debug("token %s", mask(token))\n' },
    { path: 'src/auth.ts', text: "// console.log(password)\nlogger.info({ password: '[REDACTED]', nextPageToken });\n" },
    { path: 'Startup.cs', text: '_logger.LogInformation("Token valid: {Valid}", IsTokenValid(token));\n' },
  ],
});
