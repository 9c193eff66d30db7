import type { ScanContext } from '../../context';
import type { Fix, LanguageId } from '../../types';
import { linePrefix, replaceFix, tlsRule, type TlsHit } from './tlsRule';

/** Command lines run from scripts, Dockerfiles, CI YAML, package.json scripts and code. */
const LANGUAGES: LanguageId[] = [
  'shell', 'dockerfile', 'yaml', 'json', 'powershell', 'toml', 'terraform', 'ini',
  'javascript', 'typescript', 'python', 'ruby', 'php', 'go', 'java', 'kotlin', 'csharp', 'rust',
];
/** The rest of a command: no line end, pipe, `;`, `&`; bounded. */
const ARGS = String.raw`(?:[^\n|;&]|\\\n){0,400}?`;

/** Removes a flag token: `-k` and `--insecure` with their leading space, `k` from `-sSk`. */
function removeFlag(h: TlsHit, flagGroup: number, letter?: string): Fix[] {
  const [s, e] = h.m.indices![flagGroup];
  const flag = h.m[flagGroup];
  if (letter !== undefined && flag.length > 2 && !flag.startsWith('--')) {
    const i = flag.indexOf(letter);
    return [replaceFix(`Remove -${letter} (verify certificates)`, s + i, s + i + 1, '', true)];
  }
  const lead = /[ \t]+$/.exec(h.ctx.text.slice(Math.max(0, s - 20), s))?.[0].length ?? 0;
  return [replaceFix(`Remove ${flag} (verify certificates)`, s - lead, e, '', true)];
}

function inCommand(ctx: ScanContext, start: number): boolean {
  // A line mentioning the flag in prose (`echo "never use curl -k"`) is still a string; only
  // reject obvious documentation lines.
  return !/\b(?:echo|printf|Write-(?:Host|Output))\b[^;&|]*$/.test(linePrefix(ctx.text, start));
}

/**
 * Command-line switches that turn TLS verification off: `curl -k`/`--insecure`,
 * `wget --no-check-certificate`, `git -c http.sslVerify=false`, `git config http.sslVerify
 * false`, `npm|yarn|pnpm config set strict-ssl false`, `--insecure-skip-tls-verify`,
 * `--tls-verify=false`, `aws --no-verify-ssl`, PowerShell `-SkipCertificateCheck`, `pip --trusted-host`.
 */
export default tlsRule({
  id: 'weak-tls/shell-insecure-flags',
  title: 'Command run with TLS verification disabled',
  description:
    '`curl -k`, `wget --no-check-certificate`, `git -c http.sslVerify=false`, `npm config set strict-ssl false` and similar switches download code, packages or data without checking who sent them. In build scripts, Dockerfiles and CI that is a supply-chain risk: anyone on the network path can swap what gets installed or deployed.',
  remediation: 'Remove the switch; if the server uses a private CA, pass it explicitly (`curl --cacert ca.pem`, `git -c http.sslCAInfo=ca.pem`, `npm config set cafile ca.pem`).',
  severity: 'error',
  cwe: ['CWE-295'],
  keywords: ['curl', 'wget', 'sslverify', 'strict-ssl', 'insecure-skip-tls-verify', 'tls-verify', 'tlsverify', 'no-verify-ssl', 'skipcertificatecheck', 'trusted-host', 'unsafely-ignore-certificate-errors', '--ignore-certs', '--kubelet-insecure-tls', 'global.trusted-host', 'insecure-skip-server-verification', 'disable_ssl_validation', 'disable_connection_verification', '.curlrc', '.wgetrc'],
  languages: LANGUAGES,
  patterns: [
    {
      requires: ['curl'],
      re: new RegExp(String.raw`\bcurl(?:\.exe)?(?=\s)${ARGS}\s(-[a-zA-Z]{0,8}k[a-zA-Z]{0,8}|--insecure)(?=[\s"'\`\\)]|$)`, 'm'),
      group: 1,
      message: (h) => (inCommand(h.ctx, h.start) ? `curl ${h.value} skips certificate verification: remove it (use --cacert for a private CA).` : undefined),
      fixes: (h) => removeFlag(h, 1, 'k'),
    },
    {
      requires: ['--no-check-certificate'],
      re: new RegExp(String.raw`\bwget(?=\s)${ARGS}\s(--no-check-certificate)\b`),
      group: 1,
      message: (h) => (inCommand(h.ctx, h.start) ? 'wget --no-check-certificate skips certificate verification: remove it.' : undefined),
      fixes: (h) => removeFlag(h, 1),
    },
    {
      requires: ['sslverify'],
      re: /\bgit(?=\s)(?:[^\n|;&]){0,200}?\s(-c\s{1,5}http(?:\.[^\s=]{1,200})?\.sslVerify=(?:false|0|no|off))\b/i,
      group: 1,
      message: (h) => (inCommand(h.ctx, h.start) ? 'git -c http.sslVerify=false clones without verifying the server: remove it (use http.sslCAInfo for a private CA).' : undefined),
      fixes: (h) => removeFlag(h, 1),
    },
    {
      requires: ['sslverify'],
      re: /\bgit\s{1,5}config\s{1,5}(?:--[a-z]{1,10}\s{1,5}){0,2}http(?:\.[^\s]{1,200})?\.sslVerify\s{1,5}["']?(false|0|no|off)\b/i,
      message: (h) => (inCommand(h.ctx, h.start) ? 'git config http.sslVerify false turns certificate verification off for every fetch: set it to true.' : undefined),
      fixes: (h) => [replaceFix('Set http.sslVerify true', h.m.indices![1][0], h.m.indices![1][1], 'true', true)],
    },
    {
      requires: ['strict-ssl', 'strict_ssl'],
      re: /\b(?:npm|yarn|pnpm)\s{1,5}(?:config\s{1,5})?set\s{1,5}strict[-_]ssl(?:\s{1,5}|\s{0,5}=\s{0,5})["']?(false)\b/i,
      message: (h) => (inCommand(h.ctx, h.start) ? 'strict-ssl false installs packages without verifying the registry: set it to true (use cafile for a private CA).' : undefined),
      fixes: (h) => [replaceFix('Set strict-ssl true', h.m.indices![1][0], h.m.indices![1][1], 'true', true)],
    },
    {
      requires: ['--insecure-skip-tls-verify', '--insecure-skip-server-verification', 'tls-verify=false', 'tlsverify=false', '--no-verify-ssl', '--strict-ssl=false', '--unsafely-ignore-certificate-errors', '--ignore-certs', '--kubelet-insecure-tls', '-skipcertificatecheck'],
      re: /(?:^|\s)(--insecure-skip-tls-verify(?:=true)?|--insecure-skip-server-verification|--(?:src-|dest-)?tls-?verify=false|--no-verify-ssl|--strict-ssl=false|--unsafely-ignore-certificate-errors(?:=[^\s"'`]{0,200})?|--ignore-certs|--kubelet-insecure-tls|-SkipCertificateCheck)(?=[\s"'`\\]|$)/m,
      group: 1,
      message: (h) => (inCommand(h.ctx, h.start) ? `${h.value} skips certificate verification: remove it.` : undefined),
      fixes: (h) => removeFlag(h, 1),
    },
    {
      requires: ['--trusted-host', 'global.trusted-host'],
      re: /\bpip3?(?=\s)(?:[^\n|;&]){0,300}?\s(--trusted-host(?:=|\s{1,5})[\w.:-]{1,200}|config\s{1,5}set\s{1,5}global\.trusted-host)/,
      group: 1,
      severity: 'warning',
      message: (h) => (inCommand(h.ctx, h.start) ? `pip ${h.value} installs from that host without verifying its certificate: remove it.` : undefined),
    },
    {
      // Cloud CLIs: `gcloud config set auth/disable_ssl_validation True`,
      // `az config set core.disable_connection_verification=1`.
      requires: ['auth/disable_ssl_validation', 'core.disable_connection_verification'],
      re: /\b(?:gcloud|az)\s{1,5}config\s{1,5}set\s{1,5}(auth\/disable_ssl_validation|core\.disable_connection_verification)(?:\s{1,5}|\s{0,5}=\s{0,5})["']?(?:true|1|yes)\b/i,
      message: (h) => (inCommand(h.ctx, h.start) ? `${h.m[1]} makes the cloud CLI skip certificate verification for every call: remove it.` : undefined),
    },
    {
      // Written into the tool's rc file, the switch applies to every later run.
      requires: ['.curlrc', '.wgetrc'],
      re: /\b(?:echo|printf)\s{1,5}(?:-e\s{1,5})?["']?(insecure|-k|--insecure|check_certificate\s{0,3}=\s{0,3}off)["']?\s{0,5}>>?\s{0,5}[^\s;&|]{0,200}?\.(?:curlrc|wgetrc)\b/,
      message: (h) => `${h.m[1]} in ${/wgetrc/.test(h.value) ? '.wgetrc' : '.curlrc'} makes every later download skip certificate verification: remove it.`,
    },
  ],
  bad: [
    { path: 'Dockerfile', text: 'FROM debian:12\nRUN echo "insecure" >> ~/.curlrc\n' },
    { path: 'scripts/setup.sh', text: 'gcloud config set auth/disable_ssl_validation True\n' },
    { path: 'scripts/repos.sh', text: 'argocd repo add https://git.acme.io/deploy.git --insecure-skip-server-verification\n' },
    {
      path: 'scripts/install.sh',
      text: '#!/usr/bin/env bash\nset -euo pipefail\ncurl -fsSLk https://get.acme-tools.io/install.sh | bash\n',
      fixed: '#!/usr/bin/env bash\nset -euo pipefail\ncurl -fsSL https://get.acme-tools.io/install.sh | bash\n',
    },
    {
      path: 'Dockerfile',
      text: 'FROM node:20-slim\nRUN curl --insecure -o /tmp/ca.tgz https://artifacts.acme.io/ca.tgz \\\n    && tar xzf /tmp/ca.tgz\n',
      fixed: 'FROM node:20-slim\nRUN curl -o /tmp/ca.tgz https://artifacts.acme.io/ca.tgz \\\n    && tar xzf /tmp/ca.tgz\n',
    },
    {
      path: '.github/workflows/deploy.yml',
      text: 'jobs:\n  deploy:\n    steps:\n      - run: wget --no-check-certificate https://releases.acme.io/cli.tar.gz\n',
      fixed: 'jobs:\n  deploy:\n    steps:\n      - run: wget https://releases.acme.io/cli.tar.gz\n',
    },
    { path: 'scripts/ci.sh', text: 'git -c http.sslVerify=false clone https://git.acme.io/platform/infra.git\n', fixed: 'git clone https://git.acme.io/platform/infra.git\n' },
    { path: 'scripts/setup.sh', text: 'npm config set strict-ssl false\n', fixed: 'npm config set strict-ssl true\n' },
    { path: 'Makefile', text: 'deploy:\n\tkubectl --insecure-skip-tls-verify apply -f k8s/\n' },
    { path: 'package.json', text: '{ "scripts": { "fetch-schema": "curl -k https://api.acme.io/schema.json -o schema.json" } }\n' },
  ],
  good: [
    {
      path: '.github/workflows/lint.yml',
      text: 'steps:\n  - name: Refuse curl -k in scripts\n    run: "! grep -rnE \'curl (-k|--insecure)\' scripts/"\n',
    },
    { path: 'scripts/install.sh', text: 'curl -fsSL --cacert certs/acme-ca.pem https://get.acme-tools.io/install.sh | bash\n' },
    { path: 'scripts/install.sh', text: '# curl -k is forbidden here, see SECURITY.md\ncurl -fsSL https://acme.io/x | sh\n' },
    { path: 'scripts/install.sh', text: 'curl -H "X-Key: $KEY" -o out.json https://api.acme.io/keys\nsort -k2 data.txt\n' },
    { path: 'scripts/ci.sh', text: 'git config --global http.sslVerify true\n' },
    { path: 'Dockerfile', text: 'HEALTHCHECK CMD curl -fsk https://localhost:8443/healthz || exit 1\n' },
    { path: 'docs/setup.md', text: 'Never run `curl -k` against production.\n' },
  ],
});
