import type { LanguageId } from '../../types';
import { linePrefix, replaceFix, tlsRule, type TlsHit } from './tlsRule';

const LANGUAGES: LanguageId[] = [
  'shell', 'dockerfile', 'yaml', 'json', 'powershell', 'toml', 'terraform', 'ini',
  'javascript', 'typescript', 'python', 'ruby', 'php', 'go', 'java', 'kotlin', 'csharp', 'rust',
];
const ARGS = String.raw`(?:[^\n|;&]|\\\n){0,400}?`;

/** Not when the command is only printed (`echo "never use curl --tlsv1.0"`). */
function run(message: string) {
  return (h: TlsHit): string | undefined =>
    /\b(?:echo|printf|Write-(?:Host|Output))\b[^;&|]*$/.test(linePrefix(h.ctx.text, h.start)) ? undefined : message;
}

/**
 * Command-line switches that make a tool speak SSLv3 or TLS 1.0/1.1: curl `--tlsv1.0`,
 * `--tlsv1.1`, `--tlsv1`, `--sslv3`, `--tls-max 1.1`; wget `--secure-protocol=TLSv1`;
 * git `http.sslVersion tlsv1.0`.
 */
export default tlsRule({
  id: 'weak-tls/shell-old-protocol-flags',
  title: 'Command forces SSLv3 or TLS 1.0/1.1',
  description:
    '`curl --tlsv1.0`, `--tlsv1.1`, `--sslv3`, `--tls-max 1.1`, `wget --secure-protocol=TLSv1` and `git -c http.sslVersion=tlsv1.0` make scripts, Dockerfiles and CI jobs negotiate protocols deprecated by RFC 8996 — usually to reach a legacy server that should be upgraded instead.',
  remediation: 'Remove the switch (curl and wget negotiate TLS 1.2+ by default) or use `--tlsv1.2` / `--secure-protocol=TLSv1_2`.',
  severity: 'warning',
  cwe: ['CWE-326', 'CWE-327'],
  keywords: ['--tlsv1', '--sslv3', '--sslv2', '--tls-max', 'secure-protocol', 'sslversion', '--tls-min-v1.0', '--tls-min-v1.1'],
  languages: LANGUAGES,
  patterns: [
    {
      // Node.js `--tls-min-v1.0` / `--tls-min-v1.1`, on the command line or in NODE_OPTIONS.
      re: /(?:^|[\s"'=])(--tls-min-v1\.[01])(?=[\s"'`]|$)/m,
      group: 1,
      message: run('Node.js started with a TLS 1.0/1.1 minimum accepts deprecated protocols on every connection: remove the flag (the default is TLS 1.2).'),
    },
    {
      re: new RegExp(String.raw`\bcurl(?:\.exe)?(?=\s)${ARGS}\s(--tlsv1(?:\.[01])?|--sslv[23])(?=[\s"'\`\\)]|$)`, 'm'),
      group: 1,
      message: run('This curl switch allows a deprecated protocol: remove it or use --tlsv1.2.'),
      fixes: (h) => (h.value === '--sslv2' || h.value === '--sslv3' ? [] : [replaceFix('Use --tlsv1.2', h.start, h.end, '--tlsv1.2', true)]),
    },
    {
      re: new RegExp(String.raw`\bcurl(?:\.exe)?(?=\s)${ARGS}\s--tls-max[\s=]{1,5}(1\.[01])\b`, 'm'),
      group: 1,
      message: run('curl --tls-max caps the connection at a deprecated protocol: remove it.'),
    },
    {
      re: new RegExp(String.raw`\bwget(?=\s)${ARGS}\s--secure-protocol=(SSLv2|SSLv3|TLSv1|TLSv1_1)\b`, 'm'),
      group: 1,
      message: run('wget --secure-protocol pins a deprecated protocol: use TLSv1_2 or drop the switch.'),
      fixes: (h) => [replaceFix('Use TLSv1_2', h.start, h.end, 'TLSv1_2', true)],
    },
    {
      re: /\bhttp(?:\.[^\s=]{1,200})?\.sslVersion[\s=]{1,5}["']?(sslv3|tlsv1\.[01])\b/i,
      group: 1,
      message: run('git http.sslVersion pins a deprecated protocol: use tlsv1.2 or remove it.'),
      fixes: (h) => [replaceFix('Use tlsv1.2', h.start, h.end, 'tlsv1.2', true)],
    },
  ],
  bad: [
    { path: 'Dockerfile', text: 'FROM node:20\nENV NODE_OPTIONS="--tls-min-v1.0"\n' },
    {
      path: 'scripts/backup.sh',
      text: 'pg_dump acme | gzip > /tmp/acme.sql.gz\ncurl --tlsv1.0 -T /tmp/acme.sql.gz "$BACKUP_ENDPOINT"\n',
      fixed: 'pg_dump acme | gzip > /tmp/acme.sql.gz\ncurl --tlsv1.2 -T /tmp/acme.sql.gz "$BACKUP_ENDPOINT"\n',
    },
    { path: 'Dockerfile', text: 'RUN curl --sslv3 -o /tmp/agent.tgz https://legacy.acme.io/agent.tgz\n' },
    { path: 'scripts/get.sh', text: 'wget --secure-protocol=TLSv1 https://ftp.acme.io/feed.csv\n', fixed: 'wget --secure-protocol=TLSv1_2 https://ftp.acme.io/feed.csv\n' },
    { path: 'scripts/ci.sh', text: 'git -c http.sslVersion=tlsv1.0 clone https://git.acme.io/old.git\n' },
  ],
  good: [
    { path: 'Dockerfile', text: 'FROM node:20\nENV NODE_OPTIONS="--tls-min-v1.2"\n' },
    { path: 'scripts/backup.sh', text: 'curl --tlsv1.2 -T /tmp/acme.sql.gz https://backup.acme.io/upload\ncurl --tlsv1.3 https://acme.io\n' },
    { path: 'scripts/check.sh', text: '# curl --tlsv1.0 must fail against prod\necho "try curl --tlsv1.1 to test"\n' },
  ],
});
