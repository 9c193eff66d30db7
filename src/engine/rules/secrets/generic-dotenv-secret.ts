import { defineRule } from '../../rule';
import type { RuleMatch } from '../../types';
import { isSecretValue, secretKind } from './genericValue';
import { isDefaultPassword } from './util';

const LINE = /^[ \t]{0,8}(?:export[ \t]{1,4})?([A-Za-z_][A-Za-z0-9_.]{0,80})[ \t]{0,4}=[ \t]{0,4}(.{0,1000})$/gm;

/** Template files meant to be committed: placeholders there are the point. */
const TEMPLATE = /(?:^|\/)(?:\.env\.(?:example|sample|template|dist|defaults?|tpl|schema|ci|test)|[^/]*\.env\.(?:example|sample|template|dist)|(?:example|sample|template)\.env)$/i;

const MESSAGE =
  'Real secret in a committed .env file: untrack it (git rm --cached), add .env* to .gitignore, commit a .env.example with placeholders instead, and rotate the value.';

/**
 * `.env` files holding real values. Provider-specific rules shadow it (their findings are
 * more precise); this rule catches the rest: passwords, secrets, tokens and keys by name.
 */
export default defineRule({
  id: 'secrets/generic-dotenv-secret',
  family: 'secrets',
  title: 'Secret in a committed .env file',
  description:
    'A `.env` file with real values, once committed, hands every credential of that environment to whoever can read the repository. `.env` files are meant to stay local; the repository should hold a `.env.example` with placeholders.',
  remediation: 'Untrack the file, ignore it, commit a .env.example with placeholders, and rotate the values.',
  severity: 'error',
  confidence: 'medium',
  cwe: ['CWE-798', 'CWE-538'],
  keywords: ['='],
  languages: ['dotenv'],
  detect(ctx) {
    if (TEMPLATE.test(ctx.path)) return [];
    const out: RuleMatch[] = [];
    const re = new RegExp(LINE.source, 'gm');
    let m: RegExpExecArray | null;
    while ((m = re.exec(ctx.text)) !== null && out.length < 500) {
      const [, name, rawValue] = m;
      if (/PUBLIC|PUBLISHABLE|(?:^|_)(?:ID|URL|URI|HOST|PORT|USER|USERNAME|NAME|REGION|BUCKET|PATH|FILE|ENABLED|TTL|EXPIRY|EXPIRES_IN|LENGTH|ALGORITHM)$/i.test(name)) continue;
      const kind = secretKind(name);
      if (!kind) continue;
      const { value, offset } = unquote(rawValue);
      if (kind === 'password' && isDefaultPassword(value)) continue;
      if (!isSecretValue(value, kind, name)) continue;
      const start = m.index + m[0].length - rawValue.length + offset;
      out.push({ start, end: start + value.length, value, message: MESSAGE });
    }
    return out;
  },
  bad: [
    { path: '.env', text: 'NODE_ENV=production\nDB_PASSWORD=Xk29!sLq7pRw\nJWT_SECRET=f8Kq2LmX9vR4tZ7wB1yN6cH3\n', count: 2 },
    { path: '.env.production', text: 'export SESSION_SECRET="9hT4kLq2XmZ8vR1w"\n' },
    { path: 'services/api/.env', text: 'SMTP_PASS=Mq7xK2pL9z # mail relay\n' },
  ],
  good: [
    { path: '.env.example', text: 'DB_PASSWORD=Xk29!sLq7pRw\nJWT_SECRET=f8Kq2LmX9vR4tZ7wB1yN6cH3\n' },
    { path: '.env', text: 'DB_PASSWORD=\nJWT_SECRET=changeme\nAPI_KEY=<your-api-key>\nSTRIPE_KEY=${STRIPE_KEY}\n' },
    { path: '.env', text: 'POSTGRES_PASSWORD=postgres\nNEXT_PUBLIC_API_KEY=pk_7fK2mX9qL4pR8vZ3\nTOKEN_TTL=3600\n' },
    { path: '.env.development', text: 'AUTH_TOKEN_HEADER=X-Auth-Token\nSECRET_KEY_PATH=./certs/dev.key\n' },
    { path: '.env.production', text: 'POSTHOG_KEY=phc_bxFuaLLKjhk1hBoCxbim5hWdKlIqy32Ftq4JzU1zyKp\n' },
  ],
});

/** Strips matching quotes and a trailing ` # comment`; `offset` is where the value starts in `raw`. */
function unquote(raw: string): { value: string; offset: number } {
  const v = raw.replace(/\r$/, '');
  const q = v[0];
  if ((q === '"' || q === "'") && v.indexOf(q, 1) > 0) return { value: v.slice(1, v.indexOf(q, 1)), offset: 1 };
  const hash = v.search(/\s#/);
  return { value: (hash >= 0 ? v.slice(0, hash) : v).trimEnd(), offset: 0 };
}
