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
