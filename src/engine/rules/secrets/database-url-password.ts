import { envVarFix } from '../../fixes';
import { defineRule } from '../../rule';
import type { RuleMatch } from '../../types';
import type { ScanContext } from '../../context';
import { execAt } from '../../windows';
import { isPlaceholderPassword, isSchemeChar, judgeUrlCredential, userinfoUrlRegex, type UrlCredential } from './urlCredentials';

const SCHEMES =
  '(?:jdbc:)?(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\\+srv)?|rediss?|amqps?|mssql|sqlserver|oracle|cockroachdb|clickhouse|neo4j(?:\\+s)?|bolt|nats|kafka|couchdb|cassandra|memcached|elasticsearch|mqtts?|db2|snowflake|timescaledb|influxdb|questdb|valkey|dragonfly|sqlalchemy)(?:\\+[a-z0-9]{1,20})?';
const URL_RE = userinfoUrlRegex(SCHEMES);
/** JDBC and ODBC-style URLs that pass the password as a parameter. */
const PARAM_RE = /(?<![A-Za-z0-9])(jdbc:[a-z0-9]{2,20}:[^\s'"`<>]{0,200}?[?&;](?:password|pwd)=([^&;\s'"`<>#]{1,128}))/gi;
const URL_AT = new RegExp(URL_RE.source, 'iy');
/** The longest scheme `SCHEMES` matches (`cockroachdb` / `elasticsearch` plus a `+driver` suffix). */
const MAX_SCHEME = 40;
const PARAM_AT = new RegExp(PARAM_RE.source, 'iy');

/**
 * Words every scheme of `SCHEMES` starts with (`jdbc:` aside): recorded by the keyword pass, far
 * rarer than `://` (which every http URL has).
 */
const SCHEME_WORDS = ['postgres', 'mysql', 'mariadb', 'mongodb', 'redis', 'amqp', 'mssql', 'sqlserver', 'oracle', 'cockroachdb', 'clickhouse', 'neo4j', 'bolt', 'nats', 'kafka', 'couchdb', 'cassandra', 'memcached', 'elasticsearch', 'mqtt', 'db2', 'snowflake', 'timescaledb', 'influxdb', 'questdb', 'valkey', 'dragonfly', 'sqlalchemy'];

/**
 * The matches of `URL_RE`, in text order, read from the scheme words the keyword pass records:
 * a match can only start at the first scheme character of the run before a `://` (the pattern's
 * look-behind), or 5 characters earlier at a `jdbc:` prefix, so the pattern is tried stuck there.
 */
function urlMatches(ctx: ScanContext, limit: number): UrlCredential[] {
  const text = ctx.text;
  const words = ctx.anchorsOf(SCHEME_WORDS);
  const out: UrlCredential[] = [];
  let searched = 0;
  let runEnd = -1;
  for (let i = 0; i < words.length && out.length < limit; i++) {
    // Each run of scheme characters is looked at once (from its first word): it must be
    // followed by `://`, and the match can only start where it starts.
    if (words[i] < runEnd) continue;
    let end = words[i];
    while (end < text.length && isSchemeChar(text.charCodeAt(end))) end++;
    runEnd = end;
    if (!text.startsWith('://', end)) continue;
    let start = words[i];
    while (start > 0 && isSchemeChar(text.charCodeAt(start - 1))) start--;
    if (start < searched || end - start > MAX_SCHEME) continue;
    const jdbc = start - 5 >= searched && text.slice(start - 5, start).toLowerCase() === 'jdbc:' ? start - 5 : -1;
    let m: RegExpExecArray | null = null;
    for (const at of jdbc >= 0 ? [jdbc, start] : [start]) {
      URL_AT.lastIndex = at;
      m = URL_AT.exec(text);
      if (m) break;
    }
    if (m === null) continue;
    searched = m.index + m[0].length;
    const url = m[0].replace(/[.,;)\]}]+$/, '');
    out.push({ url, start: m.index, end: m.index + url.length, scheme: m[1].toLowerCase(), user: m[2], password: m[3], host: m[4] });
  }
  return out;
}

/** Go's MySQL driver DSN: `user:password@tcp(host:3306)/db`, no scheme. */
const GO_DSN = /(?<![A-Za-z0-9_.:/-])([A-Za-z0-9_.-]{1,64}):([^\s@/'"`]{1,128})@(?:tcp|unix)\(([^)\s'"`]{1,200})\)[^\s'"`]{0,200}/g;

/**
 * Database and message-broker URLs with an embedded password (`postgres://app:pw@db…`,
 * `mongodb+srv://…`, `redis://:pw@…`, `amqp://…`, `jdbc:…?password=…`).
 */
export default defineRule({
  id: 'secrets/database-url-password',
  family: 'secrets',
  title: 'Database URL with embedded password',
  description:
    'A connection URL with its password gives direct access to the database or broker behind it — usually production data — to anyone who reads the code, bypassing the application and its access control.',
  remediation: 'Move the URL to an environment variable (DATABASE_URL) or a secret manager and change the database password.',
  severity: 'error',
  confidence: 'high',
  cwe: ['CWE-798', 'CWE-259'],
  keywords: ['@tcp(', '@unix(', 'postgres', 'mysql', 'mariadb', 'mongodb', 'redis', 'amqp', 'mssql', 'sqlserver', 'oracle', 'cockroach', 'clickhouse', 'neo4j', 'bolt://', 'nats://', 'kafka://', 'couchdb', 'cassandra', 'memcached', 'elasticsearch', 'mqtt', 'jdbc:', 'snowflake', 'influxdb', 'valkey', 'sqlalchemy', 'timescale', 'questdb', 'db2://', 'dragonfly'],
  anchors: [...SCHEME_WORDS, 'jdbc:'],
  languages: 'all',
  detect(ctx) {
    const out: RuleMatch[] = [];
    for (const c of urlMatches(ctx, 50)) {
      const severity = judgeUrlCredential(c);
      if (!severity) continue;
      out.push({
        start: c.start,
        end: c.end,
        value: c.url,
        severity,
        message: `${c.scheme.replace(/^jdbc:/, '')} URL with an embedded password: move it to the environment (DATABASE_URL) and change the password.`,
        fixes: envVarFix(ctx, c.start, c.end, c.url, 'DATABASE_URL'),
      });
    }
    const dsn = new RegExp(GO_DSN.source, 'g');
    let d: RegExpExecArray | null;
    const hasDsn = ctx.saw('@tcp(') || ctx.saw('@unix(');
    while (hasDsn && (d = dsn.exec(ctx.text)) !== null && out.length < 50) {
      const host = d[3].replace(/:\d+$/, '');
      const severity = judgeUrlCredential({ url: d[0], start: d.index, end: d.index + d[0].length, scheme: 'mysql', user: d[1], password: d[2], host });
      if (!severity) continue;
      out.push({
        start: d.index,
        end: d.index + d[0].length,
        value: d[0],
        severity,
        message: 'MySQL DSN with an embedded password: move it to the environment (DATABASE_URL) and change the password.',
        fixes: envVarFix(ctx, d.index, d.index + d[0].length, d[0], 'DATABASE_DSN'),
      });
    }
    // JDBC parameters: tried stuck to each `jdbc:` the keyword pass saw (no `[A-Za-z0-9]` before).
    const params = Array.from(ctx.anchors('jdbc:')).filter((at) => at === 0 || !/[A-Za-z0-9]/.test(ctx.text[at - 1]));
    execAt(PARAM_AT, ctx.text, params, (m) => {
      if (out.length >= 200) return false;
      if (isPlaceholderPassword(m[2])) return;
      out.push({
        start: m.index,
        end: m.index + m[1].length,
        value: m[1],
        message: 'JDBC URL with a password parameter: move it to the environment and change the password.',
        fixes: envVarFix(ctx, m.index, m.index + m[1].length, m[1], 'DATABASE_URL'),
      });
    });
    return out;
  },
  bad: [
    {
      path: 'src/db.ts',
      text: "const databaseUrl = 'postgres://app:Xk29sLq7pRw@prod-db.acme.io:5432/app';\n",
      fixed: 'const databaseUrl = process.env.DATABASE_URL;\n',
    },
    { path: 'config/settings.py', text: 'CELERY_BROKER_URL = "amqp://worker:Zq8mT4vLp2@mq.acme.io:5672//"\n' },
    { path: 'docker-compose.yml', text: 'services:\n  api:\n    environment:\n      MONGO_URL: mongodb+srv://api:Mg7xQ2pLz9@cluster0.ab12c.mongodb.net/app\n' },
    { path: 'src/main/resources/application.properties', text: 'spring.datasource.url=jdbc:mysql://db.acme.io:3306/shop?user=shop&password=Sh0pPa55x9\n' },
    { path: 'cache.go', text: 'rdb := redis.NewClient(opt) // redis://:Rd5kP9xQ2m@cache.acme.io:6379/0\n' },
    { path: 'store.go', text: 'db, err := sql.Open("mysql", "shop:Sh7xK2mQ9z@tcp(db.acme.io:3306)/shop?parseTime=true")\n' },
  ],
  good: [
    { path: 'src/db.ts', text: 'const databaseUrl = process.env.DATABASE_URL;\n' },
    { path: 'docker-compose.yml', text: 'DATABASE_URL: postgres://postgres:postgres@db:5432/app\n' },
    { path: '.env.example', text: 'DATABASE_URL=postgresql://user:password@localhost:5432/app\n' },
    { path: 'config/db.yml', text: 'url: postgres://${DB_USER}:${DB_PASSWORD}@${DB_HOST}/app\n' },
    { path: 'README.md', text: 'Use `mysql://<user>:<password>@<host>/<db>` or redis://localhost:6379.\n' },
  ],
});
