import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES, applyEdits, scanText, type Finding } from '../../src/engine';

const FIXTURES = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'secrets');
const TODAY = '2026-01-01';

/**
 * Realistic files per language, the secrets a reviewer would flag in each (rule + a snippet of
 * the flagged line), and — implicitly — silence on everything else in them: env lookups, type
 * annotations, labels, placeholders, publishable keys, local defaults, test values.
 * `as` is the path the file is scanned under (dotfiles are stored under other names).
 */
const CASES: { file: string; as?: string; expect: [rule: string, line: string][] }[] = [
  {
    file: 'billing.ts',
    expect: [
      ['stripe-secret-key', "new Stripe('sk_live_"],
      ['generic-secret', "password: 'Vq8#"],
      ['jwt-credential', 'const internalApiToken'],
    ],
  },
  {
    file: 'settings.py',
    expect: [
      ['generic-secret', 'SECRET_KEY = "django-'],
      ['generic-secret', '"PASSWORD": "Pq7'],
      ['sendgrid-api-key', 'SENDGRID_API_KEY ='],
      ['aws-access-key-id', 'AWS_ACCESS_KEY_ID ='],
      ['aws-secret-access-key', 'AWS_SECRET_ACCESS_KEY ='],
    ],
  },
  {
    file: 'main.go',
    expect: [
      ['github-token', 'const githubToken'],
      ['database-url-password', 'postgres://reporting:'],
    ],
  },
  {
    file: 'PaymentsConfig.java',
    expect: [
      ['generic-secret', 'PARTNER_API_KEY ='],
      ['slack-webhook', 'SLACK_WEBHOOK ='],
      ['database-url-password', 'String JDBC ='],
    ],
  },
  {
    file: 'Startup.cs',
    expect: [
      ['azure-storage-key', 'AccountKey='],
      ['connection-string-password', 'User ID=orders_app;Password='],
    ],
  },
  {
    file: 'stripe.rb',
    expect: [
      ['stripe-secret-key', 'Stripe.api_key ='],
      ['generic-secret', 'config.secret_key_base ='],
    ],
  },
  {
    file: 'wp-config.php',
    expect: [
      ['generic-secret', "'DB_PASSWORD', 'Wp7"],
      ['generic-secret', "'AUTH_KEY'"],
    ],
  },
  {
    file: 'deploy.yaml',
    expect: [
      ['slack-token', 'value: "xoxb-'],
      ['generic-secret', 'value: "Rd8'],
    ],
  },
  { file: 'ci.yml', expect: [['npm-token', 'NPM_TOKEN: npm_']] },
  {
    file: 'main.tf',
    expect: [
      ['digitalocean-token', 'token = "dop_v1_'],
      ['generic-secret', 'password = "Tf8'],
    ],
  },
  {
    file: 'dot.env',
    as: '.env',
    expect: [
      ['database-url-password', 'DATABASE_URL='],
      ['generic-dotenv-secret', 'JWT_SECRET='],
      ['generic-dotenv-secret', 'SMTP_PASSWORD='],
      ['openai-api-key', 'OPENAI_API_KEY='],
    ],
  },
  { file: 'dot.env.example', as: '.env.example', expect: [] },
  { file: 'service-account.json', expect: [['gcp-service-account-key', '"private_key":']] },
  { file: 'id_ed25519', as: '.ssh/id_ed25519', expect: [['private-key', 'BEGIN OPENSSH PRIVATE KEY']] },
  { file: 'package.json', expect: [] },
  { file: 'billing.test.ts', as: 'test/billing.test.ts', expect: [] },
  // Hard decoys: a React login form with public-by-design keys, Helm values full of references.
  { file: 'LoginForm.tsx', as: 'src/LoginForm.tsx', expect: [] },
  { file: 'values.yaml', as: 'charts/api/values.yaml', expect: [] },
  // Less common assignment shapes.
  { file: 'shapes.rs', as: 'src/shapes.rs', expect: [['generic-secret', 'const API_KEY: &str']] },
  { file: 'shapes.go', expect: [['generic-secret', 'var webhookSecret string']] },
  { file: 'config.h', as: 'firmware/config.h', expect: [['generic-secret', '#define WIFI_PASSWORD']] },
  { file: 'Dockerfile', expect: [['generic-secret', 'ENV SESSION_SECRET=']] },
  { file: 'variables.tf', as: 'infra/variables.tf', expect: [['generic-secret', 'default = "Tv8']] },
  { file: 'init.sql', as: 'db/init.sql', expect: [['sql-password', 'CREATE ROLE reporting']] },
  { file: 'dot.pgpass', as: '.pgpass', expect: [['cli-password', 'db.acme.io:5432']] },
];

function secretsIn(text: string, p: string): Finding[] {
  return scanText(text, p, { today: TODAY }).filter((f) => f.family === 'secrets');
}

function lineOf(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return text.slice(start, end < 0 ? text.length : end);
}

describe('secrets/ on realistic files', () => {
  for (const c of CASES) {
    it(`${c.file}: reports exactly ${c.expect.length} secret(s) and stays quiet on the decoys`, () => {
      const text = fs.readFileSync(path.join(FIXTURES, c.file), 'utf8');
      const found = secretsIn(text, c.as ?? c.file).map((f) => `${f.ruleId} @ ${lineOf(text, f.start).trim()}`);
      const expected = c.expect.map(([rule, snippet]) => {
        const line = text.split('\n').find((l) => l.includes(snippet));
        assert.ok(line, `fixture ${c.file} has no line with ${snippet}`);
        return `secrets/${rule} @ ${line.trim()}`;
      });
      assert.deepEqual(found.sort(), expected.sort());
    });
  }

  it('never shows a raw secret in a message or display value', () => {
    for (const c of CASES) {
      const text = fs.readFileSync(path.join(FIXTURES, c.file), 'utf8');
      for (const f of secretsIn(text, c.as ?? c.file)) {
        const raw = text.slice(f.start, f.end);
        const probe = raw.length > 12 ? raw.slice(4, 16) : raw;
        assert.ok(!f.message.includes(probe), `${f.ruleId} message leaks ${c.file}`);
        assert.ok(!f.display.includes(probe), `${f.ruleId} display leaks ${c.file}`);
        for (const fix of f.fixes) assert.ok(!fix.title.includes(probe) && !(fix.note ?? '').includes(probe));
      }
    }
  });
});

describe('secrets/ quick fixes', () => {
  it('moves a Go secret to the environment only where "os" is imported', () => {
    const text = fs.readFileSync(path.join(FIXTURES, 'main.go'), 'utf8');
    const f = secretsIn(text, 'main.go').find((x) => x.ruleId === 'secrets/github-token');
    const fix = f?.fixes.find((x) => x.preferred);
    assert.ok(fix?.env, 'expected an env fix');
    assert.equal(fix.env.name, 'GITHUB_TOKEN');
    assert.match(applyEdits(text, fix.edits), /const githubToken = os\.Getenv\("GITHUB_TOKEN"\)/);
    assert.match(fix.note ?? '', /Rotate/);
  });

  it('offers no env fix for key files and .env files', () => {
    for (const [file, as] of [['id_ed25519', '.ssh/id_ed25519'], ['dot.env', '.env'], ['service-account.json', 'sa.json']]) {
      const text = fs.readFileSync(path.join(FIXTURES, file), 'utf8');
      for (const f of secretsIn(text, as)) assert.deepEqual(f.fixes.filter((x) => x.env), [], `${f.ruleId} in ${as}`);
    }
  });

  it('reports Stripe test keys and encrypted private keys as warnings', () => {
    const test = secretsIn(`const stripe = new Stripe('sk_test_${'Zq8mT4vLp2Xk9RbN3cY7hW1s'}');\n`, 'src/pay.ts');
    assert.deepEqual(test.map((f) => [f.ruleId, f.severity]), [['secrets/stripe-secret-key', 'warning']]);
    const body = 'MIIFHzBJBgkqhkiG9w0BBQ0wPDAbBgkqhkiG9w0BBQwwDgQIq3Xv8Zp0LgECAggAMB0GCWCGSAFlAwQBKgQQ';
    const enc = secretsIn(`-----BEGIN ENCRYPTED PRIVATE KEY-----\n${body}\n-----END ENCRYPTED PRIVATE KEY-----\n`, 'k.pem');
    assert.deepEqual(enc.map((f) => [f.ruleId, f.severity]), [['secrets/private-key', 'warning']]);
  });
});

describe('secrets/ catalogue', () => {
  const secrets = ALL_RULES.filter((r) => r.family === 'secrets');

  it('has a generic rule per kind and specific rules for at least 40 provider formats', () => {
    assert.ok(secrets.length >= 45, `only ${secrets.length} secrets rules`);
    assert.deepEqual(
      secrets.filter((r) => r.id.includes('/generic')).map((r) => r.id).sort(),
      ['secrets/generic-dotenv-secret', 'secrets/generic-secret'],
    );
  });

  it('runs specific rules before the generic ones they shadow', () => {
    const ids = secrets.map((r) => r.id);
    const firstGeneric = ids.findIndex((id) => id.includes('/generic'));
    assert.ok(ids.slice(firstGeneric).every((id) => id.includes('/generic')));
  });

  it('reports a provider token once, by its specific rule, even under a secret-like name', () => {
    const found = secretsIn("const password = 'ghp_Zk3q8VbN2mX7pL4wR9tY1uC6eH0sJ5aD8fGz';\n", 'src/a.ts');
    assert.deepEqual(found.map((f) => f.ruleId), ['secrets/github-token']);
  });
});

/**
 * One-line cases across languages and config formats: the shapes secrets are written in
 * (expected rule), and the look-alikes a reviewer would not flag ('').
 */
const SHAPES: [path: string, text: string, rule: string][] = [
    ['src/a.kt', 'val apiKey = "9fK2mX7qL4pR8vZ3wY6tQ1"', 'generic-secret'],
  ['src/a.swift', 'let clientSecret = "9fK2mX7qL4pR8vZ3wY6tQ1"', 'generic-secret'],
  ['src/App.java', 'props.put("mail.smtp.password", "Mx7!pQ2kLz9w");', 'generic-secret'],
  ['src/App.java', 'private static final String PASSWORD = "Mx7!pQ2kLz9w";', 'generic-secret'],
  ['src/app.php', "$config['db_pass'] = 'Mx7!pQ2kLz9w';", 'generic-secret'],
  ['src/app.php', "'password' => 'Mx7!pQ2kLz9w',", 'generic-secret'],
  ['src/app.rb', ':password => "Mx7!pQ2kLz9w",', 'generic-secret'],
  ['src/app.rb', 'password: "Mx7!pQ2kLz9w"', 'generic-secret'],
  ['app.py', 'conn = psycopg2.connect(host="db.acme.io", user="app", password="Mx7!pQ2kLz9w")', 'generic-secret'],
  ['app.py', 'redis.Redis(host="cache.acme.io", password="Mx7!pQ2kLz9w")', 'generic-secret'],
  ['app.js', "mongoose.connect('mongodb://admin:Mx7pQ2kLz9w@mongo.acme.io:27017/app')", 'database-url-password'],
  ['app.js', "const transporter = nodemailer.createTransport({ auth: { user: 'a@acme.io', pass: 'Mx7!pQ2kLz9w' } });", 'generic-secret'],
  ['config.yml', 'smtp:\n  user: alerts\n  pass: Mx7!pQ2kLz9w\n', 'generic-secret'],
  ['appsettings.json', '{ "Jwt": { "Key": "9fK2mX7qL4pR8vZ3wY6tQ1aB", "Issuer": "acme" } }', 'generic-secret'],
  ['appsettings.json', '{ "SendGrid": { "ApiKey": "9fK2mX7qL4pR8vZ3wY6tQ1aB" } }', 'generic-secret'],
  ['main.go', 'const jwtSecret = "9fK2mX7qL4pR8vZ3wY6tQ1aB"', 'generic-secret'],
  ['main.go', 'cfg := Config{APIKey: "9fK2mX7qL4pR8vZ3wY6tQ1aB"}', 'generic-secret'],
  ['Program.cs', 'var client = new SmtpClient("smtp.acme.io") { Credentials = new NetworkCredential("alerts", "Mx7!pQ2kLz9w") };', 'password-argument'],
  ['docker-compose.yml', 'services:\n  db:\n    environment:\n      - MYSQL_ROOT_PASSWORD=Mx7!pQ2kLz9w\n', 'generic-secret'],
  ['docker-compose.yml', 'services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: Mx7pQ2kLz9w\n', 'generic-secret'],
  ['.github/workflows/a.yml', 'with:\n  username: acme\n  password: Mx7!pQ2kLz9w\n', 'generic-secret'],
  ['k8s/secret.yaml', 'apiVersion: v1\nkind: Secret\nstringData:\n  DB_PASSWORD: Mx7!pQ2kLz9w\n', 'generic-secret'],
  ['k8s/secret.yaml', 'apiVersion: v1\nkind: Secret\ndata:\n  password: TXg3IXBRMmtMejl3\n', 'generic-secret'],
  ['application.properties', 'spring.datasource.password=Mx7!pQ2kLz9w', 'generic-secret'],
  ['gradle.properties', 'signing.password=Mx7!pQ2kLz9w', 'generic-secret'],
  ['config.toml', '[database]\npassword = "Mx7!pQ2kLz9w"', 'generic-secret'],
  ['settings.ini', '[db]\npassword = Mx7!pQ2kLz9w', 'generic-secret'],
  ['deploy.sh', 'export API_TOKEN="9fK2mX7qL4pR8vZ3wY6tQ1aB"', 'generic-secret'],
  ['notebook.ipynb', '{"source": ["openai.api_key = \\"sk-proj-' + '9fK2mX7qL4pR8vZ3wY6tQ1aB9fK2mX7qL4pR8vZ3wY6tQ1aB\\""]}', 'openai-api-key'],
  ['a.py', 'headers = {"X-API-Key": "9fK2mX7qL4pR8vZ3wY6tQ1aB"}', 'generic-secret'],
  ['a.js', "axios.get(url, { headers: { 'x-api-key': '9fK2mX7qL4pR8vZ3wY6tQ1aB' } })", 'generic-secret'],
  ['a.js', "fetch(url, { headers: { Authorization: 'Bearer 9fK2mX7qL4pR8vZ3wY6tQ1aB' } })", 'authorization-header'],
  ['a.py', 'requests.post(url, headers={"Authorization": "Token 9fK2mX7qL4pR8vZ3wY6tQ1aB"})', 'authorization-header'],
  ['.env.local', 'STRIPE_WEBHOOK_SECRET=whsec_9fK2mX7qL4pR8vZ3wY6tQ1aB9fK2mX7q', 'stripe-secret-key'],
  ['.env', 'SLACK_SIGNING_SECRET=8f3a9c2e7b1d4f6a0e5c9b2d7a3f1e6c', 'generic-dotenv-secret'],
  ['.env', 'ENCRYPTION_KEY=base64:9fK2mX7qL4pR8vZ3wY6tQ1aB9fK2mX7qL4pR8vZ3wY6=', 'generic-dotenv-secret'],
  ['.env', 'APP_KEY=base64:9fK2mX7qL4pR8vZ3wY6tQ1aB9fK2mX7qL4pR8vZ3wY6=', 'generic-dotenv-secret'],
  ['.env', 'ADMIN_PASSWORD=hunter22', 'generic-dotenv-secret'],
  // decoys
  ['a.ts', "const password = req.body.password ?? '';", ''],
  ['a.ts', "if (user.password !== hashed) throw new Error('Invalid password');", ''],
  ['a.py', 'PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]', ''],
  ['a.py', 'token = jwt.encode(payload, settings.SECRET_KEY, algorithm="HS256")', ''],
  ['a.py', 'api_key = request.headers.get("X-API-Key")', ''],
  ['a.go', 'token := r.Header.Get("Authorization")', ''],
  ['a.yml', 'password: ${{ secrets.DOCKER_PASSWORD }}', ''],
  ['a.js', "const secret = crypto.randomBytes(32).toString('hex');", ''],
  ['a.js', "const API_KEY_HEADER = 'x-api-key';", ''],
  ['a.json', '{ "scripts": { "token": "node scripts/token.js" } }', ''],
  ['a.ts', "const msg = 'Your password must contain at least 12 characters';", ''],
  ['a.ts', "export const RESET_PASSWORD_ROUTE = '/auth/reset-password';", ''],
  ['a.ts', "const token = uuidv4();", ''],
  ['a.ts', "const csrfToken = 'a1b2c3d4e5f6a7b8c9d0';", ''],
  ['a.py', 'SECRET_KEY = get_random_secret_key()', ''],
  ['a.rb', 'config.secret_key_base = Rails.application.credentials.secret_key_base', ''],
  ['a.tf', 'password = data.aws_secretsmanager_secret_version.db.secret_string', ''],
  ['a.tf', 'master_password = var.master_password', ''],
  ['README.md', 'Set `API_KEY=your_api_key_here` in `.env`.', ''],
  ['a.ts', "const sha = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';", ''],
  ['a.ts', "const commitToken = process.env.COMMIT_TOKEN || '';", ''],
  ['a.py', 'password = getpass.getpass("Password: ")', ''],
  ['a.java', 'String password = new String(console.readPassword());', ''],
  ['a.cs', 'var password = Configuration["Db:Password"];', ''],
  ['a.php', "$password = $_POST['password'];", ''],
  ['a.ts', "const testPassword = 'Password123!';", ''],
  ['tests/a.spec.ts', "await page.fill('#password', 'Sup3rS3cret!');", ''],
  ['a.ts', "const defaultToken: string = '';", ''],
  ['a.ts', "type Secret = { token: string; expiresAt: number };", ''],
];

describe('secrets/ assignment shapes and look-alikes', () => {
  for (const [p, text, rule] of SHAPES) {
    it(`${rule ? `flags ${rule}` : 'stays quiet'} in ${p}: ${text.split('\n').join(' ').slice(0, 60)}`, () => {
      const found = secretsIn(`${text}\n`, p).map((f) => f.ruleId);
      assert.deepEqual(found, rule ? [`secrets/${rule}`] : []);
    });
  }
});
