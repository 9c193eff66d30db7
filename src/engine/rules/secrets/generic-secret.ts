import { envNameFrom, envVarFix } from '../../fixes';
import { defineRule } from '../../rule';
import type { LanguageId, RuleMatch } from '../../types';
import { findAssignmentsAt } from './assignment';
import { EXTRA_ANCHORS, EXTRA_GATES, extraAssignments } from './genericExtras';
import { MAX_MATCHES_PER_RULE } from './tokenRule';
import { isSecretValue, SECRET_WORD, secretKind, wordsOf } from './genericValue';
import { entropy } from '../../heuristics';
import { inDocString, isDocsPath, isTestPath, textBefore } from './util';
import type { Assignment } from './assignment';
import { isHashLike } from '../../heuristics';

const SEALED_SECRET = /^kind:[ \t]{0,4}SealedSecret\b/m;

/**
 * Names whose only secret word is a trailing `key` (`routing_key`, `serverKey`,
 * `SUBSCRIPTION_KEY`, `integration_key`): many such keys are identifiers (`primary_key`,
 * `cacheKey`, `idempotencyKey`), so only clearly random values count (`isStrongRandom`).
 */
const KEY_SUFFIX = /[a-z0-9](?:[_-]key|Key|[_-]KEY|KEY)(?![A-Za-z0-9])|(?<![\w$-])(?:key|Key|KEY)(?![\w$-])/;

/**
 * Every name `SECRET_WORD` can match contains one of these: the keyword pass records where
 * they occur, and the rule reads names around those offsets instead of searching the text.
 */
const SECRET_ANCHORS = ['pass', 'pwd', 'secret', 'token', 'credential', 'key', 'erlang', 'sonar'];
const SECRET_NAME = new RegExp(SECRET_WORD.source, 'i');

// Tested directly: a memo keyed by identifier cost more than the regex (identifiers are
// mostly distinct, and hashing each fresh slice is not free).
const hasSecretWord = (ident: string): boolean => SECRET_NAME.test(ident);
const hasKeySuffix = (ident: string): boolean => KEY_SUFFIX.test(ident);

/** Marks a `KEY_SUFFIX` candidate (judged more strictly); in place, as spreads are slow here. */
function markWeak(a: Assignment): Assignment & { weak?: boolean } {
  const weak: Assignment & { weak?: boolean } = a;
  weak.weak = true;
  return weak;
}

const NAME_KINDS = [
  { isName: hasSecretWord, accept: (name: string) => secretKind(name) !== undefined },
  { isName: hasKeySuffix, accept: isWeakKeyName },
];

const NOT_SECRET_KEYS =
  /^(?:primary|foreign|partition|sort|range|cache|idempotency|dedup|dedupe|deduplication|lookup|map|object|row|hash|unique|composite|index|i18n|translation|message|react|list|item|public|publishable|site|search|browser|ssh|gpg|pgp|kms|cmk|bucket|s3|redis|group|shard|sharding|cursor|storage|local|query|field|form|state|route|hotkey|short|shortcut|keyboard|license|instrumentation|write|mobile|client|recaptcha|file|doc|document|sheet|spreadsheet|record|entity|node|asset|image|video|media|template|project|board|tenant|workspace|user|stream|topic|queue|event|job|task|order|product|sku|price|plan|feature|flag|experiment|variant|column|table|lock|mutex|trace|span|request|correlation|tracking|locale|lang|label|name|display|primary|secondary|sort|natural|surrogate|business|lookup|join|parent|child|row|entry)$/;

function isWeakKeyName(name: string): boolean {
  // Names repeat within and across files (`key`, `routingKey`): memoised, bounded.
  let weak = weakKeyNames.get(name);
  if (weak === undefined) {
    weak = computeWeakKeyName(name);
    if (weakKeyNames.size > 5000) weakKeyNames.clear();
    weakKeyNames.set(name, weak);
  }
  return weak;
}
const weakKeyNames = new Map<string, boolean>();

function computeWeakKeyName(name: string): boolean {
  if (secretKind(name) !== 'key') return false;
  SECRET_WORD.lastIndex = 0;
  if (SECRET_WORD.test(name)) return false; // the main scan sees it
  const words = wordsOf(lastSegment(name));
  return words.length === 1 || !NOT_SECRET_KEYS.test(words[0]);
}

function lastSegment(name: string): string {
  return name.split(/[.[\]'"]/).filter(Boolean).pop() ?? name;
}

/**
 * A bare `key` (`KEY = "…".getBytes()`, `key: …`) names map keys, cache keys and React keys
 * far more often than secrets: only mixed-case random values that are not hex digests count.
 */
function isRandomBareKey(name: string, v: string): boolean {
  if (wordsOf(lastSegment(name)).length > 1) return true;
  return /[a-z]/.test(v) && /[A-Z]/.test(v) && !isHashLike(v) && !/[:/]/.test(v);
}

/** A value no person would type: long, random-looking, letters and digits, not a UUID. */
function isStrongRandom(v: string): boolean {
  if (v.length < 16 || entropy(v) < 3.5 || !/\d/.test(v) || !/[A-Za-z]/.test(v)) return false;
  return !(isHashLike(v) && v.includes('-'));
}

/** Everything but `.env` files (their own rule) and prose formats. */
const LANGUAGES: LanguageId[] = [
  'javascript', 'typescript', 'python', 'go', 'java', 'kotlin', 'csharp', 'ruby', 'php', 'rust', 'c', 'swift',
  'scala', 'shell', 'powershell', 'yaml', 'json', 'toml', 'ini', 'properties', 'xml', 'html', 'dockerfile',
  'terraform', 'sql', 'text', 'markdown', 'nginx', 'apache', 'haproxy',
];

/**
 * Generic secrets: a literal with enough entropy assigned to a secret-like name (password,
 * secret, token, api_key, client_secret, …). Specific provider rules shadow it on the same span.
 */
export default defineRule({
  id: 'secrets/generic-secret',
  family: 'secrets',
  title: 'Hardcoded password or secret',
  description:
    'A password, token or key written into code or config is shared with everyone who can read the repository, its forks, CI logs and backups, and it cannot be rotated without a code change.',
  remediation: 'Read it from an environment variable or a secret manager, and rotate it.',
  severity: 'error',
  confidence: 'medium',
  cwe: ['CWE-798', 'CWE-259'],
  keywords: ['passw', 'pwd', 'secret', 'token', 'api_key', 'apikey', 'api-key', 'credential', 'passphrase', '_key', 'key"', "key'", 'key=', 'key:', 'key =', '_pass', 'pass:', 'pass=', 'pass =', "pass'", 'pass"', 'erlang', 'sonar.login'],
  languages: LANGUAGES,
  anchors: [...SECRET_ANCHORS, ...EXTRA_ANCHORS],
  gates: [...EXTRA_GATES, 'sealedsecret'],
  detect(ctx) {
    const out: RuleMatch[] = [];
    // Sealed Secrets hold ciphertext only the cluster can decrypt: safe to commit by design.
    if (ctx.isConfig && ctx.saw('sealedsecret') && SEALED_SECRET.test(ctx.text)) return [];
    const strict = isTestPath(ctx.path) || isDocsPath(ctx.path);
    // Names with a secret word, and names whose only secret word is a trailing `key` (judged
    // more strictly), read in one walk over the anchors' identifiers.
    const named = findAssignmentsAt(ctx, ctx.anchorsOf(SECRET_ANCHORS), NAME_KINDS);
    // Pushed one by one: spreading arrays whose element kinds differ (empty ones, object ones)
    // deoptimised this method.
    const candidates: (Assignment & { fallback?: boolean; weak?: boolean })[] = [];
    for (const a of named[0]) candidates.push(a);
    for (const a of extraAssignments(ctx)) candidates.push(a);
    for (const a of named[1]) candidates.push(markWeak(a));
    for (const a of candidates) {
      if (out.length >= MAX_MATCHES_PER_RULE) break;
      const kind = secretKind(a.name);
      if (!kind || !isSecretValue(a.value, kind, a.name)) continue;
      if (a.weak && (!isStrongRandom(a.value) || !isRandomBareKey(a.name, a.value))) continue;
      // A literal fallback of an env lookup is only a secret when it is clearly random.
      if ('fallback' in a && a.fallback && (a.value.length < 12 || entropy(a.value) < 3.3)) continue;
      if (out.some((f) => f.start === a.valueStart)) continue;
      const region = ctx.regionAt(a.valueStart);
      if (!a.quoted && region === 'string') continue;
      if (region === 'comment' || ctx.regionAt(a.nameStart) === 'comment' || strict || inDocString(ctx, a.valueStart)) {
        // Comments, tests and docs hold examples: only clearly random values count there.
        if (a.value.length < 16 || entropy(a.value) < 3.5) continue;
        if (/example|e\.g\.|sample|for instance/i.test(textBefore(ctx, a.nameStart, 120))) continue;
      }
      out.push({
        start: a.valueStart,
        end: a.valueEnd,
        value: a.value,
        message: `Hardcoded ${kind === 'password' ? 'password' : 'secret'} in "${a.name}": read it from the environment or a secret manager, and rotate it.`,
        fixes: envVarFix(ctx, a.valueStart, a.valueEnd, a.value, envNameFrom(a.name, 'APP_SECRET')),
      });
    }
    return out;
  },
  bad: [
    {
      path: 'src/db.ts',
      text: "const dbPassword = 'Tr0ub4dor&3xQ';\n",
      fixed: 'const dbPassword = process.env.DB_PASSWORD;\n',
    },
    {
      path: 'app/settings.py',
      text: 'SECRET_KEY = "k9$Lm2!vQ8zR4wX7pT1yB6nH3jF5gD0s"\n',
      fixed: 'import os\nSECRET_KEY = os.environ["SECRET_KEY"]\n',
    },
    { path: 'config/application.yml', text: 'spring:\n  datasource:\n    password: Pg7#vLx92qRt\n' },
    { path: 'wp-config.php', text: "define('DB_PASSWORD', 'Wp8!xq2LmZ7r');\n" },
    { path: 'src/main/java/Client.java', text: 'ds.setPassword("Jv9$kP2mQx7!");\n' },
    { path: 'settings.xml', text: '<server>\n  <id>nexus</id>\n  <password>Mvn4!pQz8rTx</password>\n</server>\n' },
    { path: 'k8s/deploy.yaml', text: 'env:\n  - name: API_TOKEN\n    value: "tk_9fK2mX7qL4pR8vZ3"\n' },
    { path: 'config.py', text: 'class Settings(BaseSettings):\n    jwt_secret: str = "9fK2mX7qL4pR8vZ3wY6t"\n' },
    { path: 'app/config.py', text: 'SECRET_KEY = os.getenv("SECRET_KEY", "pX9#kL2mQ7vR4tZ8wB1y")\n' },
    { path: 'src/auth.js', text: "const jwtSecret = process.env.JWT_SECRET || 'f8Kq2LmX9vR4tZ7wB1yN';\n" },
    { path: 'infra/variables.tf', text: 'variable "db_password" {\n  type    = string\n  default = "Tv7!pQ2xLm9z"\n}\n' },
    { path: 'Dockerfile', text: 'FROM node:20\nENV API_TOKEN 9fK2mX7qL4pR8vZ3wY6t\n' },
    { path: 'config/app.xml', text: '<entry key="smtp.password">Xm7!pQ2kLz9w</entry>\n' },
    { path: 'src/weather.ts', text: "const res = await fetch('https://api.weather.io/v1/forecast?city=Paris&api_key=9f8e7d6c5b4a3f2e1d0c');\n" },
    { path: 'infra/main.tf', text: 'resource "aws_db_instance" "main" {\n  identifier        = "acme-prod"\n  password          = "Tf7!pQ2xLm9zKw"\n}\n' },
    { path: 'config/status.toml', text: '[notifiers.pagerduty]\nrouting_key = "9f8e7d6c5b4a39281706f5e4d3c2b1a0"\n' },
    { path: 'config/settings.ini', text: '[api]\nendpoint = https://erp.acme.io/api\nkey = 7c20b1e9f04a6d3852c9e7f1a0b4d6e3\n' },
    { path: 'helm/values.yaml', text: 'rabbitmq:\n  auth:\n    erlangCookie: Qm7xK2pLz9wR4tY8vB3nH6jD\n' },
    { path: 'pom.xml', text: '<properties>\n  <sonar.login>8e1f0c4b7a2d9e6f3c5b8a1d4e7f0a3c6b9d2e5f</sonar.login>\n</properties>\n' },
    { path: 'db/seeds/integrations.sql', text: "INSERT INTO integrations (name, api_key) VALUES ('shipfast', 'wUnt7kQ2xPz7mLw3Nd9Rt5Vb1Hj8Yu4G');\n" },
    { path: 'internal/auth/jwt.go', text: 'var jwtKey = []byte("Bg6FkP9vR4mW7tB1yN6cH3q8")\n' },
    { path: 'src/main/java/Tokens.java', text: 'private static final byte[] KEY = "F2APq8Lz2XkP9vR4mW7tB1yN".getBytes();\n' },
    { path: 'app/build.gradle', text: 'signingConfigs {\n  release {\n    storePassword "Gr7!pQ2xLm9zKw"\n  }\n}\n' },
    { path: 'app/build.gradle', text: 'buildConfigField "String", "BACKEND_SECRET", "\\"p7EWkQ2xPz7mLw3Nd9Rt5Vb1\\""\n' },
    { path: 'ecs/task.json', text: '"environment": [\n  {\n    "name": "DB_PASSWORD",\n    "value": "Ps8!kQ2xPz7mLw3"\n  }\n]\n' },
    { path: 'wp-config.php', text: "define( 'AUTH_KEY',         'Wp7!x&Lm9zKw3Qx#Tb' );\n" },
  ],
  good: [
    { path: 'src/db.ts', text: 'const dbPassword = process.env.DB_PASSWORD;\n' },
    { path: 'src/types.ts', text: 'interface User {\n  password: string;\n  passwordHash?: string;\n}\n' },
    { path: 'src/login.tsx', text: '<input type="password" name="password" placeholder="Enter your password" />\n' },
    { path: 'locales/en.json', text: '{ "password": "Password", "passwordHint": "At least 8 characters" }\n' },
    { path: 'app/views.py', text: 'password = request.form["password"]\nif password == "Sup3rS3cret!":\n    pass\n' },
    { path: 'src/auth.ts', text: "const TOKEN_STORAGE_KEY = 'auth_token';\nconst tokenType = 'Bearer';\n" },
    { path: 'config/billing.json', text: '{ "taxToken": "account-595", "exportApiKey": "shipping-export-42" }\n' },
    { path: 'config/application.yml', text: 'spring:\n  datasource:\n    password: ${DB_PASSWORD}\n' },
    { path: 'src/user.py', text: 'password_hash = "$2b$12$KIXQJ1vQ0fH6r0eC9m5r1uZk8Yl0pQ2wXn3sT4vB5cD6eF7gH8iJ"\n' },
    { path: 'tests/test_login.py', text: 'def test_login(client):\n    client.post("/login", data={"password": "hunter22"})\n' },
    { path: 'src/config.ts', text: "const apiKey = '';\nconst secret = 'changeme';\nconst token = `Bearer ${accessToken}`;\n" },
    { path: 'infra/main.tf', text: 'resource "aws_db_instance" "db" {\n  password = random_password.db.result\n}\n' },
    { path: 'src/cache.go', text: 'var sessionKey = "user-session"\n' },
    { path: 'app/config.py', text: 'SECRET_KEY = os.getenv("SECRET_KEY", "dev-secret")\nDB_PASSWORD = os.environ.get("DB_PASSWORD", "")\n' },
    { path: 'infra/variables.tf', text: 'variable "db_password" {\n  type      = string\n  sensitive = true\n}\n' },
    { path: 'src/weather.ts', text: 'const url = `https://api.weather.io/v1?api_key=${apiKey}&token=${token}`;\n' },
    { path: 'Services/EmailSender.cs', text: 'public const string PasswordKey = "Smtp:Password";\nconst string JwtKey = "Jwt:SigningKey";\n' },
    { path: 'src/orders.ts', text: "const idempotencyKey = '550e8400-e29b-41d4-a716-446655440000';\nconst cacheKey = 'orders:v2:8f3a9c2e71b4d5';\n" },
    { path: 'db/models.py', text: 'primary_key = "id"\nrouting_key = "orders.created"\n' },
    { path: 'src/figma.ts', text: "const fileKey = 'Qm7xK2pLz9wR4tY8vB3nH6';\nconst userKey = 'u8Kq2LmX9vR4tZ7wB1yN6c';\n" },
    { path: 'config/application.yml', text: 'spring:\n  datasource:\n    password: ${DB_PASSWORD:devpass}\n' },
    { path: 'web/src/monitoring.ts', text: "datadogRum.init({ applicationId: 'app', clientToken: 'pub3f9c2e7a1b8d4f6e0a5c9b2d7e1f4a8c' });\n" },
    { path: 'oauth1_session.py', text: 'def fetch(self):\n    \"\"\"Fetch a token.\n\n    >>> oauth.fetch()\n    {\n        \'oauth_token\': \'kjerht2309u\',\n        \'oauth_token_secret\': \'lsdajfh923874\',\n    }\n    \"\"\"\n' },
    { path: 'oauth2client/service_account.py', text: "_PKCS12_KEY = '_private_key_pkcs12'\n_SECRET_NAMESPACE = 'oauth2client:secrets#ns'\nclient_token = 'token-f5b56c05-09b0-4d17-8d8c-c75d8a67b806'\n" },
    { path: 'db/seeds/users.sql', text: "INSERT INTO users (email, password_hash, api_key) VALUES ('ops@acme.io', '$2b$12$KIXQJ1vQ0fH6r0eC9m5r1uZk8Yl0pQ2wXn3sT4vB5cD6eF7gH8iJ', NULL);\n" },
    { path: 'cfn/providers.py', text: 'TYPES = {\n    "AWS::IAM::AccessKey": "62d91b17309e76c8",\n    "AWS::SecretsManager::Secret": "c85175a4ebcce361",\n}\n' },
    { path: 'lexers/lisp.py', text: "_token_end = r'(?=\\s|#|[)\\]]|$)'\nSESSION_TOKEN = \"ABC12345\"\n" },
    { path: 'src/cache.ts', text: "const key = 'session:8f3a9c2e71b4d5e6';\nconst KEY = 'c1a5298f939e87e8f962a5edfc206918';\n" },
    { path: 'app/build.gradle', text: 'signingConfigs {\n  release {\n    storePassword System.getenv("STORE_PASSWORD")\n  }\n}\n' },
    { path: 'k8s/sealed.yaml', text: 'apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nspec:\n  encryptedData:\n    API_TOKEN: AgBy3i4OJSWK+PiTySYZZA9rO43cGDEq7Xp2LmQ9vR4tZ8wB1yN6cH3jF5gD0s\n' },
  ],
});
