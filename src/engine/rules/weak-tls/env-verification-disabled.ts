import type { LanguageId } from '../../types';
import { replaceFix, tlsRule } from './tlsRule';
import { deleteLineFix, flipFix } from './tlsFixes';

const LANGUAGES: LanguageId[] = [
  'dotenv', 'shell', 'dockerfile', 'yaml', 'json', 'toml', 'ini', 'properties', 'terraform', 'powershell',
  'javascript', 'typescript', 'python', 'ruby', 'php', 'go', 'java', 'kotlin', 'csharp',
];
const ASSIGN = String.raw`\b(NODE_TLS_REJECT_UNAUTHORIZED|PYTHONHTTPSVERIFY)['"]?\]?\s{0,10}(?:=|:|\s)\s{0,10}(['"]?)(0)\2(?![\w.])`;
const MESSAGE = (name: string): string =>
  name === 'PYTHONHTTPSVERIFY'
    ? 'PYTHONHTTPSVERIFY=0 turns certificate verification off for every Python HTTPS request: remove it.'
    : 'NODE_TLS_REJECT_UNAUTHORIZED=0 turns certificate verification off for the whole Node.js process: remove it (use NODE_EXTRA_CA_CERTS for a private CA).';

/**
 * Environment variables that switch verification off process-wide, wherever they are set: `.env`,
 * Dockerfile `ENV`, CI and Kubernetes YAML, shell `export`, `process.env.X = '0'`:
 * `NODE_TLS_REJECT_UNAUTHORIZED=0`, `PYTHONHTTPSVERIFY=0`, `GIT_SSL_NO_VERIFY`,
 * `NPM_CONFIG_STRICT_SSL=false`, `PIP_TRUSTED_HOST`.
 */
export default tlsRule({
  id: 'weak-tls/env-verification-disabled',
  title: 'TLS verification disabled by an environment variable',
  description:
    '`NODE_TLS_REJECT_UNAUTHORIZED=0`, `PYTHONHTTPSVERIFY=0`, `GIT_SSL_NO_VERIFY=1` and `NPM_CONFIG_STRICT_SSL=false` turn certificate verification off for every connection the process makes — database, payment and identity-provider calls included — not just the one that needed it. Set in a Dockerfile, `.env` or CI file, they quietly ship to every environment.',
  remediation: 'Remove the variable; trust a private CA instead (`NODE_EXTRA_CA_CERTS`, `REQUESTS_CA_BUNDLE`, `GIT_SSL_CAINFO`, `NPM_CONFIG_CAFILE`).',
  severity: 'error',
  cwe: ['CWE-295'],
  keywords: ['node_tls_reject_unauthorized', 'pythonhttpsverify', 'git_ssl_no_verify', 'npm_config_strict_ssl', 'pip_trusted_host', 'vault_skip_verify', 'nomad_skip_verify', 'consul_http_ssl_verify', 'yarn_strict_ssl', 'curl_ca_bundle', 'disable_connection_verification', 'ssl_no_verify', 'sslmode'],
  languages: LANGUAGES,
  patterns: [
    {
      re: new RegExp(ASSIGN),
      message: (h) => MESSAGE(h.m[1]),
      fixes: (h) => [replaceFix('Set it to 1 (verification on)', h.m.indices![3][0], h.m.indices![3][1], '1', true)],
    },
    {
      // Kubernetes / ECS env lists: `- name: NODE_TLS_REJECT_UNAUTHORIZED` + `value: "0"`.
      re: /\bname["']?\s{0,5}:\s{0,5}["']?(NODE_TLS_REJECT_UNAUTHORIZED|PYTHONHTTPSVERIFY)["']?\s{0,5},?\s{0,200}?["']?value["']?\s{0,5}:\s{0,5}(["']?)(0)\2(?![\w.])/,
      message: (h) => MESSAGE(h.m[1]),
      fixes: (h) => [replaceFix('Set it to 1 (verification on)', h.m.indices![3][0], h.m.indices![3][1], '1', true)],
    },
    {
      re: /\b(GIT_SSL_NO_VERIFY)['"]?\]?\s{0,10}(?:=|:|\s)\s{0,10}(['"]?)(1|true|yes|on)\2(?![\w.])/i,
      message: 'GIT_SSL_NO_VERIFY makes git skip certificate verification (whatever its value): remove it.',
      fixes: (h) => deleteLineFix(h.ctx, h.start, /^(?:export\s+|ENV\s+|-\s+)?GIT_SSL_NO_VERIFY["']?\s*[=: ]\s*\S+$/i, 'Remove GIT_SSL_NO_VERIFY'),
    },
    {
      re: /\b(NPM_CONFIG_STRICT_SSL)['"]?\]?\s{0,10}(?:=|:|\s)\s{0,10}(['"]?)(false|0)\2(?![\w.])/i,
      message: 'npm strict-ssl is off: packages are installed without verifying the registry. Remove it.',
      fixes: (h) => [replaceFix('Set it to true', h.m.indices![3][0], h.m.indices![3][1], 'true', true)],
    },
    {
      re: /\b(VAULT_SKIP_VERIFY|NOMAD_SKIP_VERIFY|CONSUL_HTTP_SSL_VERIFY|YARN_STRICT_SSL)['"]?\]?\s{0,10}(?:=|:|\s)\s{0,10}(['"]?)(1|true|yes|false|0|no)\2(?![\w.])/i,
      message: (h) => {
        const skip = /SKIP/.test(h.m[1].toUpperCase());
        const off = skip ? /^(?:1|true|yes)$/i.test(h.m[3]) : /^(?:0|false|no)$/i.test(h.m[3]);
        return off ? `${h.m[1]}=${h.m[3]} turns certificate verification off for that CLI and its SDK: remove it.` : undefined;
      },
      fixes: (h) => flipFix('Turn verification back on', h.m.indices![3][0], h.m.indices![3][1], h.m[3]),
    },
    {
      // requests (before 2.32) treats an empty CURL_CA_BUNDLE as "do not verify".
      re: /\b(CURL_CA_BUNDLE)['"]?\]?\s{0,10}=\s{0,10}(?:""|''|(?=[ \t]*(?:\r?\n|$)))/m,
      message: 'An empty CURL_CA_BUNDLE switches certificate verification off in Python requests: remove it.',
    },
    {
      // Azure CLI / ADAL switches (`AZURE_CLI_DISABLE_CONNECTION_VERIFICATION=1`).
      re: /\b(AZURE_CLI_DISABLE_CONNECTION_VERIFICATION|ADAL_PYTHON_SSL_NO_VERIFY)['"]?\]?\s{0,10}(?:=|:|\s)\s{0,10}(['"]?)(1|true|yes)\2(?![\w.])/i,
      message: (h) => `${h.m[1]}=${h.m[3]} turns certificate verification off for the Azure CLI and SDK: remove it.`,
    },
    {
      // node-postgres: `sslmode=no-verify` encrypts but accepts any certificate.
      re: /\b(PGSSLMODE|sslmode)['"]?\s{0,10}(?:=|:)\s{0,10}(['"]?)(no-verify)\2(?![\w.-])/i,
      message: 'sslmode=no-verify makes node-postgres accept any server certificate: use verify-full with the provider CA.',
      fixes: (h) => [replaceFix('Use verify-full', h.m.indices![3][0], h.m.indices![3][1], 'verify-full', true)],
    },
    {
      re: /\b(PIP_TRUSTED_HOST)['"]?\]?\s{0,10}(?:=|:|\s)\s{0,10}['"]?[\w.-]{2,200}/i,
      severity: 'warning',
      message: 'PIP_TRUSTED_HOST makes pip skip certificate verification for that host: remove it.',
    },
  ],
  bad: [
    { path: 'app/settings.py', text: 'os.environ["CURL_CA_BUNDLE"] = ""\n' },
    { path: '.env', text: 'PORT=3000\nNODE_TLS_REJECT_UNAUTHORIZED=0\n', fixed: 'PORT=3000\nNODE_TLS_REJECT_UNAUTHORIZED=1\n' },
    { path: 'Dockerfile', text: 'FROM node:20\nENV NODE_ENV=production NODE_TLS_REJECT_UNAUTHORIZED=0\n' },
    { path: 'Dockerfile', text: 'FROM alpine\nENV GIT_SSL_NO_VERIFY 1\nRUN git clone https://git.acme.io/x.git\n', fixed: 'FROM alpine\nRUN git clone https://git.acme.io/x.git\n' },
    {
      path: 'k8s/deployment.yaml',
      text: '        env:\n          - name: NODE_TLS_REJECT_UNAUTHORIZED\n            value: "0"\n          - name: PORT\n            value: "8080"\n',
      fixed: '        env:\n          - name: NODE_TLS_REJECT_UNAUTHORIZED\n            value: "1"\n          - name: PORT\n            value: "8080"\n',
    },
    { path: '.gitlab-ci.yml', text: 'variables:\n  GIT_SSL_NO_VERIFY: "true"\n' },
    { path: 'src/boot.ts', text: "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';\n" },
    { path: 'app/settings.py', text: "os.environ['PYTHONHTTPSVERIFY'] = '0'\n" },
    { path: 'scripts/dev.sh', text: 'export NODE_TLS_REJECT_UNAUTHORIZED=0\nnode server.js\n' },
    { path: '.env', text: 'AZURE_CLI_DISABLE_CONNECTION_VERIFICATION=1\n' },
    { path: '.env', text: 'PGSSLMODE=no-verify\n', fixed: 'PGSSLMODE=verify-full\n' },
    { path: 'src/db.ts', text: "const url = `${process.env.DATABASE_URL}?sslmode=no-verify`;\n" },
  ],
  good: [
    { path: '.env', text: 'NODE_TLS_REJECT_UNAUTHORIZED=1\nNODE_EXTRA_CA_CERTS=/etc/ssl/acme-ca.pem\n' },
    { path: '.env', text: 'PGSSLMODE=verify-full\nAZURE_CLI_DISABLE_CONNECTION_VERIFICATION=0\n' },
    { path: 'src/boot.ts', text: "if (process.env.NODE_TLS_REJECT_UNAUTHORIZED === '0') throw new Error('TLS verification must stay on');\n" },
    { path: 'README.md', text: 'Do not set `NODE_TLS_REJECT_UNAUTHORIZED=0` in production.\n' },
    { path: 'scripts/dev.sh', text: '# export NODE_TLS_REJECT_UNAUTHORIZED=0\nunset NODE_TLS_REJECT_UNAUTHORIZED\n' },
  ],
});
