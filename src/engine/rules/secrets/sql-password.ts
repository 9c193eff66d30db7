import { defineRule } from '../../rule';
import { execInWindows, unionWindows, windowsAround } from '../../windows';
import type { RuleMatch } from '../../types';
import { MAX_MATCHES_PER_RULE } from './tokenRule';
import { isPlaceholderPassword } from './urlCredentials';
import { isDefaultPassword } from './util';

/**
 * Passwords in SQL statements: `CREATE USER … IDENTIFIED BY '…'`, `CREATE ROLE … WITH PASSWORD
 * '…'`, `ALTER USER … PASSWORD '…'`, `CREATE LOGIN … WITH PASSWORD = '…'` (SQL Server).
 */
const SQL = /\b(?:IDENTIFIED\s{1,4}(?:WITH\s{1,4}\w{1,40}\s{1,4})?BY|(?:WITH|ENCRYPTED|UNENCRYPTED)\s{1,4}PASSWORD|(?:USER|ROLE|LOGIN)\s{1,4}[\w".`-]{1,64}\s{1,4}(?:WITH\s{1,4})?(?:LOGIN\s{1,4})?PASSWORD)\s{0,4}=?\s{0,4}(?:N)?'([^'\n]{1,128})'/gi;

/**
 * The PASSWORD words a statement can end with: followed by `\s{0,4}=?\s{0,4}N?'`, as `SQL`
 * requires (in code, `password` is mostly a name: `password = …`, `password: string`).
 */
function quotedAfter(text: string, starts: ArrayLike<number>): number[] {
  const out: number[] = [];
  const blank = (i: number): boolean => /\s/.test(text[i] ?? '');
  for (let k = 0; k < starts.length; k++) {
    let i = starts[k] + 8;
    for (let n = 0; n < 4 && blank(i); n++) i++;
    if (text[i] === '=') i++;
    for (let n = 0; n < 4 && blank(i); n++) i++;
    if (text[i] === 'N' || text[i] === 'n') i++;
    if (text[i] === "'") out.push(starts[k]);
  }
  return out;
}

export default defineRule({
  id: 'secrets/sql-password',
  family: 'secrets',
  title: 'Password in a SQL statement',
  description:
    'Migrations and init scripts that create database users with a literal password (IDENTIFIED BY, WITH PASSWORD) put that database login into the repository, usually for every environment that runs them.',
  remediation: 'Create users with a password passed in at deploy time (psql variables, environment, secret manager), and change it.',
  severity: 'error',
  confidence: 'high',
  cwe: ['CWE-798', 'CWE-259'],
  keywords: ['identified', 'password'],
  anchors: ['identified', 'password'],
  languages: 'all',
  detect(ctx) {
    const out: RuleMatch[] = [];
    const re = new RegExp(SQL.source, 'gi');
    // A statement starts at IDENTIFIED, or at most ~100 characters (USER name WITH LOGIN) before
    // PASSWORD; the pattern runs only in windows there, never over the rest of the text.
    const length = ctx.text.length;
    const windows = unionWindows([
      windowsAround(ctx.anchors('identified'), 0, 260, length),
      windowsAround(quotedAfter(ctx.text, ctx.anchors('password')), 110, 180, length),
    ]);
    execInWindows(re, ctx.text, windows, (m) => {
      if (out.length >= MAX_MATCHES_PER_RULE) return false;
      const password = m[1];
      if (password.length < 4 || isPlaceholderPassword(password) || isDefaultPassword(password) || /^:|^&|\{|\$/.test(password)) return;
      const start = m.index + m[0].length - password.length - 1;
      out.push({
        start,
        end: start + password.length,
        value: password,
        message: 'Password in a SQL statement: pass it in at deploy time instead of committing it, and change it.',
      });
    });
    return out;
  },
  bad: [
    { path: 'db/init.sql', text: "CREATE USER reporting WITH PASSWORD 'Rp7!xQ2mLz9k';\nGRANT SELECT ON ALL TABLES IN SCHEMA public TO reporting;\n" },
    { path: 'db/mysql-init.sql', text: "CREATE USER 'app'@'%' IDENTIFIED BY 'My7!xQ2mLz9k';\n" },
    { path: 'scripts/setup.sh', text: 'psql -c "ALTER ROLE app WITH PASSWORD \'Ps8!kQ2xPz7m\'"\n' },
    { path: 'db/login.sql', text: "CREATE LOGIN orders_app WITH PASSWORD = 'Ms9!pQ2xLz7k';\n" },
  ],
  good: [
    { path: 'db/init.sql', text: "CREATE USER reporting WITH PASSWORD :'reporting_password';\n" },
    { path: 'db/init.sql', text: "CREATE USER app WITH PASSWORD 'changeme';\nALTER USER postgres PASSWORD 'postgres';\n" },
    { path: 'db/schema.sql', text: 'CREATE TABLE users (id serial, password_hash text NOT NULL);\n' },
  ],
});
