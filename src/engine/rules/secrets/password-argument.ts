import { envVarFix } from '../../fixes';
import { defineRule } from '../../rule';
import { execAt } from '../../windows';
import type { RuleMatch } from '../../types';
import { isSecretValue } from './genericValue';
import { MAX_MATCHES_PER_RULE } from './tokenRule';
import { isTestPath } from './util';

/** Calls whose Nth argument (1-based, default 2) is a password, by function name. */
const POSITION: Record<string, number> = { getconnection: 3, pdo: 3, mysqli: 3, mysqli_connect: 3, mysql_connect: 3 };
/** Call names (lower-cased): the whole word before `(` must be one of them. */
const CALL_NAMES = new Set(
  'login signin sign_in authenticate basic_auth basicauth httpbasicauth httpdigestauth setbasicauth withbasicauth networkcredential passwordauthentication usernamepasswordcredentials usernamepasswordauthenticationtoken plaincredentials passwordcredential getconnection pdo mysqli mysqli_connect mysql_connect auth'.split(' '),
);
/** Every name of `CALL_NAMES` contains one of these (recorded by the keyword pass). */
const CALL_ANCHORS = ['login', 'signin', 'sign_in', 'auth', 'credential', 'getconnection', 'pdo', 'mysql'];
const OPEN_PAREN = /\s{0,4}\(/y;
/** `auth=("user", "pw")` in Python requests and friends. */
const AUTH_TUPLE = /\bauth\s{0,2}=\s{0,2}\(\s{0,2}(["'])[^"'\n]{1,64}\1\s{0,2},\s{0,2}(["'])([^"'\n]{4,128})\2\s{0,2}\)/g;
const AUTH_TUPLE_AT = new RegExp(AUTH_TUPLE.source, 'y');
/**
 * The same user/password pair in other HTTP clients; group 3 is the password:
 * Guzzle `'auth' => ['user', 'pw']`, Faraday `:basic, "user", "pw"` / `basic_auth("user", "pw")`,
 * PHP curl `CURLOPT_USERPWD, 'user:pw'`.
 */
const AUTH_PAIRS: RegExp[] = [
  /["']auth["']\s{0,2}=>\s{0,2}\[\s{0,2}(["'])[^"'\n]{1,64}\1\s{0,2},\s{0,2}(["'])([^"'\n]{4,128})\2/g,
  /:basic(?:_auth)?\s{0,2},\s{0,2}(["'])[^"'\n]{1,64}\1\s{0,2},\s{0,2}(["'])([^"'\n]{4,128})\2/g,
  /CURLOPT_USERPWD\s{0,2},\s{0,2}(["'])[^"':\n]{1,64}:((?:))([^"'\n]{4,128})\1/g,
];

/**
 * Passwords passed as literal arguments: `smtp.login(user, "pw")`, `HTTPBasicAuth("u", "pw")`,
 * `auth=("u", "pw")`, `DriverManager.getConnection(url, "u", "pw")`, `new PDO($dsn, 'u', 'pw')`,
 * `new NetworkCredential("u", "pw")`, `req.SetBasicAuth("u", "pw")`, Guzzle/Faraday/curl user-password pairs.
 */
export default defineRule({
  id: 'secrets/password-argument',
  family: 'secrets',
  title: 'Password passed as a literal argument',
  description:
    'A password written as an argument of a login, basic-auth or database-connection call is a hardcoded credential like any other: everyone who reads the repository can log in with it.',
  remediation: 'Pass a value read from the environment or a secret manager, and change the password.',
  severity: 'error',
  confidence: 'medium',
  cwe: ['CWE-798', 'CWE-259'],
  anchors: CALL_ANCHORS,
  keywords: ['credentials(', 'passwordcredential', 'curlopt_userpwd', ':basic', "'auth'", '"auth"', 'login', 'signin', 'sign_in', 'authenticate', 'auth', 'credential', 'getconnection', 'pdo', 'mysqli', 'mysql_connect'],
  languages: ['javascript', 'typescript', 'python', 'go', 'java', 'kotlin', 'csharp', 'ruby', 'php', 'scala', 'swift', 'rust', 'c'],
  detect(ctx) {
    if (isTestPath(ctx.path)) return [];
    const out: RuleMatch[] = [];
    const push = (start: number, value: string): void => {
      if (!isSecretValue(value, 'password', 'password') || ctx.regionAt(start) !== 'string') return;
      out.push({
        start,
        end: start + value.length,
        value,
        message: 'Password passed as a literal argument: pass a value from the environment or a secret manager, and change it.',
        fixes: envVarFix(ctx, start, start + value.length, value, 'APP_PASSWORD'),
      });
    };
    // Calls, read from the anchors: the word around each one, when a call name followed by `(`.
    const text = ctx.text;
    const starts = ctx.anchorsOf(CALL_ANCHORS);
    let lastEnd = -1;
    for (let i = 0; i < starts.length && out.length < MAX_MATCHES_PER_RULE; i++) {
      if (starts[i] < lastEnd) continue;
      let s = starts[i];
      let e = s + 1;
      while (s > 0 && isWord(text.charCodeAt(s - 1))) s--;
      while (e < text.length && isWord(text.charCodeAt(e))) e++;
      lastEnd = e;
      if (e - s > 40 || !CALL_NAMES.has(text.slice(s, e).toLowerCase())) continue;
      OPEN_PAREN.lastIndex = e;
      if (!OPEN_PAREN.test(text)) continue;
      const position = POSITION[text.slice(s, e).toLowerCase()] ?? 2;
      const arg = nthArgument(text, OPEN_PAREN.lastIndex, position);
      if (arg) push(arg.start, arg.value);
    }
    // `auth=("user", "pw")`: tried stuck to each `auth` word that starts a word.
    const auths = Array.from(ctx.anchors('auth')).filter((at) => at === 0 || !isWord(text.charCodeAt(at - 1)));
    execAt(AUTH_TUPLE_AT, text, auths, (m) => {
      if (out.length >= MAX_MATCHES_PER_RULE) return false;
      const start = m.index + m[0].lastIndexOf(m[3]);
      if (!out.some((f) => f.start === start)) push(start, m[3]);
    });
    // The other pairs need their own literal: `'auth'`, `:basic`, `CURLOPT_USERPWD`.
    const gates = [ctx.saw("'auth'") || ctx.saw('"auth"'), ctx.saw(':basic'), ctx.saw('curlopt_userpwd')];
    let m: RegExpExecArray | null;
    for (const [i, pattern] of AUTH_PAIRS.entries()) {
      if (!gates[i]) continue;
      const tuple = new RegExp(pattern.source, 'g');
      while ((m = tuple.exec(text)) !== null && out.length < MAX_MATCHES_PER_RULE) {
        const start = m.index + m[0].lastIndexOf(m[3]);
        if (!out.some((f) => f.start === start)) push(start, m[3]);
      }
    }
    return out;
  },
  bad: [
    { path: 'worker/mailer.py', text: 'server = smtplib.SMTP_SSL("smtp.acme.io", 465)\nserver.login("alerts@acme.io", "Sm7!pQ2xLz9k")\n' },
    { path: 'worker/fetch.py', text: 'r = requests.get(url, auth=("api", "Ap8!kQ2xPz7m"))\n' },
    { path: 'src/main/java/Db.java', text: 'Connection c = DriverManager.getConnection(url, "billing", "Jd9$kP2mQx7!");\n' },
    { path: 'src/db.php', text: "$pdo = new PDO('mysql:host=db.acme.io;dbname=shop', 'shop', 'Ph7!xQ2mLz9k');\n" },
    { path: 'src/Gateway.php', text: "curl_setopt($ch, CURLOPT_USERPWD, 'shop:Cu7!xQ2mLz9k');\n" },
    { path: 'worker/queue.py', text: 'creds = pika.PlainCredentials("orders", "Pk8!kQ2xPz7m")\n' },
    { path: 'native/client.c', text: 'curl_easy_setopt(c, CURLOPT_USERPWD, "device:Dv8!kQ2xPz7m");\n' },
    { path: 'src/Erp.php', text: "$client = new Client(['base_uri' => $url, 'auth' => ['erp', 'Gz8!kQ2xPz7m']]);\n" },
    { path: 'lib/partner.rb', text: 'conn = Faraday.new(url: BASE) { |f| f.request :authorization, :basic, "acme", "Fa9!kQ2xPz7m" }\n' },
  ],
  good: [
    { path: 'worker/mailer.py', text: 'server.login(os.environ["SMTP_USER"], os.environ["SMTP_PASSWORD"])\n' },
    { path: 'src/auth.ts', text: "await auth.login(email, password);\nconst res = await signIn('credentials', { redirect: false });\n" },
    { path: 'tests/test_mail.py', text: 'server.login("user@example.com", "Sm7!pQ2xLz9k")\n' },
    { path: 'src/main/java/Db.java', text: 'Connection c = DriverManager.getConnection(url, user, System.getenv("DB_PASSWORD"));\n' },
    { path: 'src/Gateway.php', text: "curl_setopt($ch, CURLOPT_USERPWD, $user . ':' . getenv('GATEWAY_PASSWORD'));\n" },
    { path: 'lib/partner.rb', text: 'f.request :authorization, :basic, ENV["PARTNER_USER"], ENV["PARTNER_PASSWORD"]\n' },
  ],
});

/** `\w`: ASCII letters, digits and `_`. */
function isWord(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** The `n`th top-level argument after an opening parenthesis, when it is a plain string literal. */
function nthArgument(text: string, from: number, n: number): { start: number; value: string } | undefined {
  let depth = 0;
  let index = 1;
  let argStart = from;
  const limit = Math.min(text.length, from + 400);
  for (let i = from; i < limit; i++) {
    const c = text[i];
    if (c === '"' || c === "'" || c === '`') {
      const close = text.indexOf(c, i + 1);
      if (close < 0 || close > limit || text.slice(i, close).includes('\n')) return undefined;
      i = close;
      continue;
    }
    if (c === '(' || c === '[' || c === '{') depth++;
    else if ((c === ')' || c === ']' || c === '}') && depth-- === 0) return index === n ? literal(text, argStart, i) : undefined;
    else if (c === ',' && depth === 0) {
      if (index === n) return literal(text, argStart, i);
      index++;
      argStart = i + 1;
    }
  }
  return undefined;
}

function literal(text: string, s: number, e: number): { start: number; value: string } | undefined {
  const m = /^\s*(["'])([^"'\n]{1,128})\1\s*$/.exec(text.slice(s, e));
  return m ? { start: s + m[0].indexOf(m[1]) + 1, value: m[2] } : undefined;
}
