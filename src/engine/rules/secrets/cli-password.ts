import { defineRule } from '../../rule';
import type { RuleMatch } from '../../types';
import { MAX_MATCHES_PER_RULE } from './tokenRule';
import { isPlaceholderPassword } from './urlCredentials';
import { isDefaultPassword } from './util';

/**
 * Passwords on command lines and in their config files: `mysql -pSecret` / `-p'Secret'`, `--password=…`,
 * `redis-server --requirepass …` (also in exec-form arrays),
 * `sshpass -p`, `redis-cli -a`, `PGPASSWORD=…`/`MYSQL_PWD=…`, `docker login -p`, PowerShell
 * `ConvertTo-SecureString "…" -AsPlainText`, `.netrc` and `.pgpass` files.
 * Group 1 of each pattern is the password.
 */
const MYSQL = ['mysql', 'mariadb'];
/** A pattern and the literals it needs: one of each group (lower-case; the rule's gates). */
interface CliPattern {
  re: RegExp;
  needs: string[][];
}
const PATTERNS: CliPattern[] = [
  { re: /\b(?:mysql|mysqldump|mysqladmin|mariadb|mariadb-dump|mysqlimport)\b[^\n]{0,200}?\s-p([^\s'"$`-][^\s'"`]{0,127})/g, needs: [MYSQL] },
  // mysql -p'secret' / -p"secret" (a quoted literal, not "$VAR")
  { re: /\b(?:mysql|mysqldump|mysqladmin|mariadb|mariadb-dump|mysqlimport)\b[^\n]{0,200}?\s-p["']([^\s'"$`-][^\s'"`$]{0,127})["']/g, needs: [MYSQL] },
  // redis-server --requirepass pw, also as an exec-form array: ["redis-server", "--requirepass", "pw"]
  { re: /--(?:requirepass|masterauth)(?:[= ]{1,2}["']?|["']\s{0,2},\s{0,2}["'])([^\s'"$`-][^\s'"`]{0,127})/g, needs: [['--requirepass', '--masterauth']] },
  {
    re: /\b(?:mysql|mysqldump|mariadb|psql|pg_dump|mongo|mongosh|mongodump|redis-cli|docker|helm|az|oc|kubectl|rabbitmqctl|influx|sqlcmd|ldapsearch|mc|rclone)\b[^\n]{0,200}?\s["']?--password(?:[= ]{1,2}["']?|["']\s{0,2},\s{0,2}["'])([^\s'"$`]{1,128})/g,
    needs: [['--password']],
  },
  // docker run -e POSTGRES_PASSWORD=… / --env API_TOKEN=…
  {
    re: /\s(?:-e|--env)[ =]{1,2}["']?[A-Z][A-Z0-9_]{0,60}(?:PASSWORD|PASSWD|SECRET|TOKEN|API_KEY|ACCESS_KEY)[A-Z0-9_]{0,30}=["']?([^\s'"$`-][^\s'"`]{0,127})/g,
    needs: [['-e', '--env'], ['password', 'passwd', 'secret', 'token', 'api_key', 'access_key']],
  },
  { re: /\bsshpass\s{1,4}-p\s{0,4}["']?([^\s'"$`]{1,128})/g, needs: [['sshpass']] },
  { re: /\bredis-cli\b[^\n]{0,200}?\s-a\s{1,4}["']?([^\s'"$`-][^\s'"`]{0,127})/g, needs: [['redis-cli']] },
  { re: /\bdocker\s{1,4}login\b[^\n]{0,200}?\s-p\s{1,4}["']?([^\s'"$`-][^\s'"`]{0,127})/g, needs: [['docker'], ['login']] },
  { re: /\bsqlcmd\b[^\n]{0,200}?\s-P\s{1,4}["']?([^\s'"$`-][^\s'"`]{0,127})/g, needs: [['sqlcmd']] },
  { re: /(?<![A-Za-z0-9_])(?:PGPASSWORD|MYSQL_PWD|REDISCLI_AUTH|SSHPASS)=["']?([^\s'"$`;]{1,128})/g, needs: [['pgpassword=', 'mysql_pwd=', 'rediscli_auth=', 'sshpass=']] },
  { re: /\bConvertTo-SecureString\s{1,4}(?:-String\s{1,4})?["']([^"'\n$]{1,128})["']\s{1,4}-AsPlainText/gi, needs: [['convertto-securestring']] },
  // .pgpass: host:port:database:user:password
  { re: /^[^:#\s]{1,253}:[^:\s]{1,8}:[^:\s]{1,128}:[^:\s]{1,128}:(\S{1,128})$/gm, needs: [] },
  { re: /^[ \t]{0,8}(?:machine\s{1,4}\S{1,253}\s{1,4}login\s{1,4}\S{1,128}\s{1,4})?password\s{1,4}(\S{1,128})\s*$/gm, needs: [['password']] },
];

export default defineRule({
  id: 'secrets/cli-password',
  family: 'secrets',
  title: 'Password on a command line',
  description:
    'A password typed into a command (mysql -p…, --password=…, sshpass, PGPASSWORD=…) in a script, Makefile, CI job or README is stored in the repository, and when it runs it is visible to every user of the machine in the process list and shell history.',
  remediation: 'Read it from the environment or an option file outside the repository (~/.my.cnf, ~/.pgpass, .netrc), and change it.',
  severity: 'error',
  confidence: 'medium',
  cwe: ['CWE-798', 'CWE-214'],
  // Each pattern runs only when the text holds the literals it needs (answered by the keyword pass).
  gates: [...new Set(PATTERNS.flatMap((p) => p.needs.flat()))],
  keywords: ['docker run', 'podman run', 'docker create', '--env', 'requirepass', 'masterauth', 'convertto-securestring', ':5432:', ':*:', 'mysql', 'mariadb', '--password', 'sshpass', 'redis-cli', 'docker login', 'sqlcmd', 'pgpassword', 'mysql_pwd', 'rediscli_auth', 'machine', 'password '],
  languages: ['shell', 'powershell', 'yaml', 'dockerfile', 'markdown', 'text', 'json', 'toml', 'terraform', 'python', 'javascript', 'typescript', 'ruby', 'go', 'php', 'java'],
  detect(ctx) {
    const out: RuleMatch[] = [];
    const netrcOk = /(?:^|\/)[._]?netrc$/.test(ctx.path) || /^\s*machine\s/m.test(ctx.text.slice(0, 2000));
    PATTERNS.forEach(({ re: pattern, needs }, i) => {
      if (i === PATTERNS.length - 1 && !netrcOk) return;
      if (i === PATTERNS.length - 2 && !/(?:^|\/)\.?pgpass(?:\.conf)?$/.test(ctx.path)) return;
      if (!needs.every((group) => group.some((literal) => ctx.saw(literal)))) return;
      const re = new RegExp(pattern.source, pattern.flags);
      let m: RegExpExecArray | null;
      while ((m = re.exec(ctx.text)) !== null && out.length < MAX_MATCHES_PER_RULE) {
        const password = m[1].replace(/["';)]+$/, '');
        if (password.length < 4 || isPlaceholderPassword(password) || isDefaultPassword(password)) continue;
        if (ctx.regionAt(m.index) === 'comment' && ctx.language !== 'markdown') continue;
        const start = m.index + m[0].lastIndexOf(m[1]);
        out.push({
          start,
          end: start + password.length,
          value: password,
          message: 'Password on a command line: read it from the environment or an option file outside the repository, and change it.',
        });
      }
    });
    return out;
  },
  bad: [
    { path: 'scripts/bootstrap.sh', text: "mysql -h db.acme.io -u admin -pMy5q!Lx8Tz -e 'show databases'\n" },
    { path: 'Makefile', text: 'dump:\n\tPGPASSWORD=Pg4xK9mQ2z pg_dump -h db.acme.io -U app app > dump.sql\n' },
    { path: '.github/workflows/ci.yml', text: 'steps:\n  - run: docker login registry.acme.io -u ci -p Dk7xQ2pLz9\n' },
    { path: '.netrc', text: 'machine api.acme.io login deploy password Nt8!kQ2xPz7m\n' },
    { path: 'deploy/.pgpass', text: 'db.acme.io:5432:shop:shop:Pg8!kQ2xPz7m\n' },
    { path: 'scripts/deploy.ps1', text: '$pw = ConvertTo-SecureString "Ps9!kQ2xPz7m" -AsPlainText -Force\n' },
    { path: 'scripts/run-local.sh', text: 'docker run -d -e POSTGRES_PASSWORD=Pg7kQ2xPz7mLw3 -p 5432:5432 postgres:16\n' },
    { path: 'scripts/migrate.sh', text: "mysql -h db.acme.io -u deploy -p'Mq7!xK2pLz9w' acme < migrate.sql\n" },
    { path: 'docker-compose.yml', text: 'services:\n  cache:\n    command: ["redis-server", "--requirepass", "Rd8kQ2xPz7mLw3"]\n' },
  ],
  good: [
    { path: 'scripts/bootstrap.sh', text: 'mysql -h db.acme.io -u admin -p -e "show databases"\nmysql -u root -p"$MYSQL_ROOT_PASSWORD"\n' },
    { path: 'scripts/ci.sh', text: 'echo "$TOKEN" | docker login -u ci --password-stdin registry.acme.io\nPGPASSWORD=$DB_PASSWORD psql -h db -U app\n' },
    { path: 'docker-compose.yml', text: 'command: redis-server --requirepass "$REDIS_PASSWORD"\nhealthcheck: mysqladmin ping -h localhost -proot\n' },
    { path: 'scripts/run-local.sh', text: 'docker run -d -e POSTGRES_PASSWORD="$PG_PASSWORD" -e POSTGRES_PASSWORD=postgres postgres:16\n' },
    { path: 'docker-compose.yml', text: 'command: ["redis-server", "--requirepass", "${REDIS_PASSWORD}"]\ntest: mysql -u root -p"$MYSQL_ROOT_PASSWORD" -e "select 1"\n' },
  ],
});
