import { defineRule } from '../../rule';
import { execAt } from '../../windows';
import type { RuleMatch } from '../../types';
import { MAX_MATCHES_PER_RULE } from './tokenRule';
import { isLocalHost, isPlaceholderPassword } from './urlCredentials';
import { isDefaultPassword, textBefore, textAfter } from './util';

const PASSWORD = /(?:^|[;"'`\s{])(?:password|pwd)\s{0,2}=\s{0,2}([^;"'`\n]{1,128})/gim;
/** `PASSWORD` stuck to one place: tried only at the `password`/`pwd` words the keyword pass saw. */
const PASSWORD_AT = new RegExp(PASSWORD.source, 'imy');

/** Where `PASSWORD` can match for the word at `at`: at the delimiter before it, or at a text start; -1 if neither. */
function matchStart(text: string, at: number): number {
  if (at === 0) return 0;
  const c = text[at - 1];
  return c === ';' || c === '"' || c === "'" || c === '`' || c === '{' || /\s/.test(c) ? at - 1 : -1;
}
/** Other keys of an ADO.NET / ODBC / OLE DB connection string on the same line. */
const CONNECTION_KEYS = /(?:server|data source|host|address|addr|initial catalog|database|user id|uid|username|user|driver|provider|dsn)\s{0,2}=/i;

/**
 * `Password=` / `Pwd=` inside ADO.NET, ODBC and OLE DB connection strings (SQL Server, Azure
 * SQL, MySQL, PostgreSQL via Npgsql, Oracle).
 */
export default defineRule({
  id: 'secrets/connection-string-password',
  family: 'secrets',
  title: 'Password in a connection string',
  description:
    'A connection string with Password= gives direct access to the database (often Azure SQL or SQL Server with the application\'s full rights) to anyone who reads the code or config.',
  remediation: 'Use a managed identity / integrated security, or read the connection string from a secret store; change the password.',
  severity: 'error',
  confidence: 'high',
  cwe: ['CWE-798', 'CWE-259'],
  keywords: ['password=', 'pwd=', 'password =', 'pwd ='],
  anchors: ['password', 'pwd'],
  languages: 'all',
  detect(ctx) {
    const out: RuleMatch[] = [];
    const starts = Array.from(ctx.anchorsOf(['password', 'pwd']), (at) => matchStart(ctx.text, at)).filter((at) => at >= 0);
    execAt(PASSWORD_AT, ctx.text, starts, (m) => {
      if (out.length >= MAX_MATCHES_PER_RULE) return false;
      const raw = m[1].trimEnd();
      const start = m.index + m[0].length - m[1].length;
      const line = textBefore(ctx, start, 300) + textAfter(ctx, start, 300);
      if (!line.includes(';') || !CONNECTION_KEYS.test(line)) return;
      const braced = /^\{(.*)\}$/.exec(raw);
      const value = braced ? braced[1] : raw;
      if (value.length === 0 || isPlaceholderPassword(value) || /^[A-Za-z_]+$/.test(value) && braced) return;
      const host = /(?:server|data source|host|address)\s{0,2}=\s{0,2}(?:tcp:)?([^;,"'\s]{1,200})/i.exec(line)?.[1] ?? '';
      if (isDefaultPassword(value) && (host === '' || isLocalHost(host.replace(/\\.*$/, '')))) return;
      const valueStart = braced ? start + 1 : start;
      out.push({
        start: valueStart,
        end: valueStart + value.length,
        value,
        message: 'Password in a connection string: use a managed identity or read the connection string from a secret store, and change the password.',
      });
    });
    return out;
  },
  bad: [
    {
      path: 'appsettings.json',
      text: '{\n  "ConnectionStrings": {\n    "Default": "Server=tcp:acme.database.windows.net,1433;Initial Catalog=shop;User ID=shopapp;Password=Sq7!kP2xLm9z;Encrypt=True;"\n  }\n}\n',
    },
    { path: 'src/Data/Db.cs', text: 'var cs = "Data Source=sql01;Initial Catalog=Billing;User Id=billing;Pwd=B1ll!ngX7q;";\n' },
    { path: 'config.py', text: 'CONN = "DRIVER={ODBC Driver 18 for SQL Server};SERVER=db.acme.io;UID=etl;PWD={Et7#kQ2xPz};"\n' },
  ],
  good: [
    { path: 'appsettings.json', text: '{ "Default": "Server=tcp:acme.database.windows.net;Authentication=Active Directory Default;Database=shop;" }\n' },
    { path: 'appsettings.Development.json', text: '{ "Default": "Server=localhost;Database=shop;User Id=sa;Password=<YourStrong@Passw0rd>;" }\n' },
    { path: 'src/Data/Db.cs', text: 'var cs = $"Server={host};Database=shop;User Id={user};Password={password};";\n' },
    { path: 'docker-compose.yml', text: 'ConnectionStrings__Default: "Host=db;Database=app;Username=postgres;Password=postgres"\n' },
  ],
});
