import { ALNUM, DIGITS, HEX, LOWER, UPPER, type Prng } from './prng';

/**
 * Line templates of realistic code and config per language, for the generated bench tree.
 * Ordinary lines include the benign look-alikes real code is full of (https URLs, hashes,
 * UUIDs, env lookups, loopback URLs, metadata logging) so the rules do real work on them.
 */
export type Lang =
  | 'ts'
  | 'js'
  | 'py'
  | 'go'
  | 'java'
  | 'cs'
  | 'rb'
  | 'php'
  | 'yaml'
  | 'json'
  | 'md'
  | 'tf'
  | 'conf'
  | 'sh';

const WORDS =
  'user order invoice account payment session cart product customer report export item price tax ship audit token cache queue event metric'.split(
    ' ',
  );

export function ident(r: Prng): string {
  return (
    r.pick(WORDS) +
    r.pick(WORDS).replace(/^./, (c) => c.toUpperCase()) +
    (r.next() < 0.3 ? r.int(1, 99) : '')
  );
}

function uuid(r: Prng): string {
  return `${r.chars(HEX, 8)}-${r.chars(HEX, 4)}-4${r.chars(HEX, 3)}-a${r.chars(HEX, 3)}-${r.chars(HEX, 12)}`;
}

function host(r: Prng): string {
  return `${r.pick(WORDS)}.${r.pick(['acme-cloud.io', 'svc.example.com', 'api.shopco.dev', 'internal.corp-net.io'])}`;
}

type Line = (r: Prng) => string;

const C_LIKE: Line[] = [
  (r) => `  const ${ident(r)} = await ${ident(r)}(${ident(r)}, ${r.int(1, 5000)});`,
  (r) => `  if (${ident(r)}.length > ${r.int(1, 100)} && !${ident(r)}) { return null; }`,
  (r) =>
    `  // ${r.pick(WORDS)} the ${r.pick(WORDS)} before we ${r.pick(WORDS)} it (see ${ident(r)})`,
  (r) => `  const url = 'https://${host(r)}/v${r.int(1, 3)}/${r.pick(WORDS)}s';`,
  (r) => `  const id = '${uuid(r)}';`,
  (r) => `  const digest = '${r.chars(HEX, 64)}';`,
  (r) =>
    `  logger.info({ method: req.method, path: req.path, status: res.statusCode }, '${r.pick(WORDS)}');`,
  (r) =>
    `  const ${ident(r)} = process.env.${r.pick(WORDS).toUpperCase()}_${r.pick(['URL', 'KEY', 'TOKEN', 'HOST'])};`,
  (r) =>
    `  for (const ${r.pick(WORDS)} of ${ident(r)}) total += ${r.pick(WORDS)}.${r.pick(['price', 'count', 'size'])};`,
  (r) => `  throw new Error(\`${r.pick(WORDS)} ${r.pick(WORDS)} failed: \${err.message}\`);`,
  (r) => `  const dev = 'http://localhost:${r.int(3000, 9000)}/${r.pick(WORDS)}';`,
  (r) => `  return { ${ident(r)}: ${ident(r)}, ${ident(r)}: ${r.int(0, 1e6)} };`,
  (r) => `  }`,
  () => ``,
];

const BY_LANG: Record<Lang, { head: Line; body: Line[] }> = {
  ts: {
    head: (r) =>
      `import { ${ident(r)} } from './${r.pick(WORDS)}';\n\nexport async function ${ident(r)}(req: Request, res: Response) {`,
    body: C_LIKE,
  },
  js: {
    head: (r) =>
      `'use strict';\nconst ${r.pick(WORDS)} = require('${r.pick(WORDS)}');\n\nmodule.exports = async function ${ident(r)}(req, res) {`,
    body: C_LIKE,
  },
  go: {
    head: (r) =>
      `package ${r.pick(WORDS)}\n\nimport (\n\t"fmt"\n\t"net/http"\n)\n\nfunc ${ident(r)}(w http.ResponseWriter, r *http.Request) {`,
    body: [
      (r) => `\t${ident(r)}, err := ${ident(r)}(r.Context(), ${r.int(1, 99)})`,
      () => `\tif err != nil {\n\t\treturn err\n\t}`,
      (r) => `\tlog.Printf("%s %s %d", r.Method, r.URL.Path, ${r.int(200, 504)})`,
      (r) => `\turl := fmt.Sprintf("https://${host(r)}/%s", ${ident(r)})`,
      (r) =>
        `\t// ${r.pick(WORDS)} ${r.pick(WORDS)} ${r.pick(WORDS)}: keep in sync with ${ident(r)}`,
      (r) => `\tsum := "${r.chars(HEX, 40)}"`,
      (r) => `\tkey := os.Getenv("${r.pick(WORDS).toUpperCase()}_KEY")`,
      () => ``,
    ],
  },
  py: {
    head: (r) =>
      `import logging\nimport os\n\nlog = logging.getLogger(__name__)\n\n\ndef ${r.pick(WORDS)}_${r.pick(WORDS)}(request):`,
    body: [
      (r) =>
        `    ${r.pick(WORDS)} = ${r.pick(WORDS)}_${r.pick(WORDS)}(request, limit=${r.int(1, 500)})`,
      (r) => `    log.info("%s %s -> %d", request.method, request.path, ${r.int(200, 504)})`,
      (r) => `    url = "https://${host(r)}/api/${r.pick(WORDS)}"`,
      (r) =>
        `    # ${r.pick(WORDS)} ${r.pick(WORDS)} ${r.pick(WORDS)} (ticket ${UPPER[r.int(0, 25)]}-${r.int(1, 999)})`,
      (r) => `    token = os.environ.get("${r.pick(WORDS).toUpperCase()}_TOKEN")`,
      (r) => `    checksum = "${r.chars(HEX, 64)}"`,
      (r) => `    return {"${r.pick(WORDS)}": ${r.pick(WORDS)}, "count": ${r.int(0, 999)}}`,
      () => ``,
    ],
  },
  java: {
    head: (r) =>
      `package com.acme.${r.pick(WORDS)};\n\nimport java.util.List;\n\npublic class ${ident(r).replace(/^./, (c) => c.toUpperCase())} {`,
    body: [
      (r) =>
        `    private final String ${ident(r)} = System.getenv("${r.pick(WORDS).toUpperCase()}_URL");`,
      (r) =>
        `    public List<String> ${ident(r)}(int ${r.pick(WORDS)}) { return repository.find(${r.int(1, 99)}); }`,
      (r) =>
        `    log.info("Handled {} {} in {} ms", request.getMethod(), request.getRequestURI(), ${r.int(1, 900)});`,
      (r) => `    // ${r.pick(WORDS)} ${r.pick(WORDS)} ${r.pick(WORDS)}`,
      (r) => `    private static final String ENDPOINT = "https://${host(r)}/v2";`,
      () => `    }`,
      () => ``,
    ],
  },
  cs: {
    head: (r) =>
      `using System;\nusing Microsoft.Extensions.Logging;\n\nnamespace Acme.${r.pick(WORDS)}\n{\n    public class ${ident(r).replace(/^./, (c) => c.toUpperCase())}\n    {`,
    body: [
      (r) =>
        `        private readonly string _${ident(r)} = Environment.GetEnvironmentVariable("${r.pick(WORDS).toUpperCase()}_KEY");`,
      (r) =>
        `        _logger.LogInformation("Handled {Method} {Path}", request.Method, request.Path); // ${r.int(1, 99)}`,
      (r) => `        var uri = new Uri("https://${host(r)}/api");`,
      (r) =>
        `        public int ${ident(r).replace(/^./, (c) => c.toUpperCase())} { get; set; } = ${r.int(0, 99)};`,
      () => ``,
    ],
  },
  rb: {
    head: (r) =>
      `class ${ident(r).replace(/^./, (c) => c.toUpperCase())}Controller < ApplicationController`,
    body: [
      (r) =>
        `  def ${r.pick(WORDS)}_${r.pick(WORDS)}\n    @${r.pick(WORDS)} = ${ident(r)}.find(params[:id])\n  end`,
      (r) => `  Rails.logger.info "Processing #{controller_name}##{action_name} ${r.int(1, 99)}"`,
      (r) => `  API = URI("https://${host(r)}/v1")`,
      (r) => `  KEY = ENV.fetch("${r.pick(WORDS).toUpperCase()}_KEY")`,
      () => ``,
    ],
  },
  php: {
    head: (r) =>
      `<?php\n\nnamespace App\\${r.pick(WORDS)};\n\nfinal class ${ident(r).replace(/^./, (c) => c.toUpperCase())}\n{`,
    body: [
      (r) => `    private string $${ident(r)} = 'https://${host(r)}/api';`,
      (r) =>
        `    public function ${ident(r)}(array $${r.pick(WORDS)}): int { return count($${r.pick(WORDS)}) + ${r.int(1, 9)}; }`,
      (r) => `    // ${r.pick(WORDS)} ${r.pick(WORDS)}`,
      (r) => `    $key = getenv('${r.pick(WORDS).toUpperCase()}_KEY');`,
      () => ``,
    ],
  },
  yaml: {
    head: (r) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${r.pick(WORDS)}\nspec:`,
    body: [
      (r) => `  ${r.pick(WORDS)}_${r.pick(WORDS)}: ${r.int(1, 999)}`,
      (r) => `  - name: ${r.pick(WORDS).toUpperCase()}_URL\n    value: "https://${host(r)}"`,
      (r) =>
        `  - name: ${r.pick(WORDS).toUpperCase()}_PASSWORD\n    valueFrom: { secretKeyRef: { name: ${r.pick(WORDS)}, key: password } }`,
      (r) => `  image: ghcr.io/acme/${r.pick(WORDS)}@sha256:${r.chars(HEX, 64)}`,
      (r) => `  # ${r.pick(WORDS)} ${r.pick(WORDS)}`,
    ],
  },
  json: {
    head: () => `{\n  "name": "svc",`,
    body: [
      (r) => `  "${ident(r)}": "${r.pick(WORDS)}-${r.int(1, 999)}",`,
      (r) => `  "${ident(r)}Url": "https://${host(r)}/v1",`,
      (r) => `  "${ident(r)}Id": "${uuid(r)}",`,
      (r) => `  "${ident(r)}": ${r.int(0, 1e5)},`,
    ],
  },
  md: {
    head: (r) => `# ${r.pick(WORDS)} service\n`,
    body: [
      (r) =>
        `The ${r.pick(WORDS)} ${r.pick(WORDS)} is documented at https://${host(r)}/docs and http://${r.pick(WORDS)}.example.com.`,
      (r) =>
        `- ${r.pick(WORDS)}: run \`npm run ${r.pick(WORDS)}\` then open http://localhost:${r.int(3000, 9000)}`,
      (r) => `Set \`${r.pick(WORDS).toUpperCase()}_TOKEN\` to your own token; never commit it.`,
      () => ``,
    ],
  },
  tf: {
    head: (r) => `resource "aws_s3_bucket" "${r.pick(WORDS)}" {`,
    body: [
      (r) => `  ${r.pick(WORDS)}_${r.pick(WORDS)} = "${r.pick(WORDS)}-${r.int(1, 99)}"`,
      (r) => `  password = var.${r.pick(WORDS)}_password`,
      (r) => `  min_tls_version = "TLS1_2"`,
      () => `}\n`,
    ],
  },
  conf: {
    head: (r) => `server {\n    listen 443 ssl;\n    server_name ${host(r)};`,
    body: [
      () => `    ssl_protocols TLSv1.2 TLSv1.3;`,
      (r) =>
        `    location /${r.pick(WORDS)}/ { proxy_pass http://127.0.0.1:${r.int(3000, 9000)}; }`,
      (r) => `    # ${r.pick(WORDS)} ${r.pick(WORDS)}`,
      (r) => `    add_header X-${r.pick(WORDS)} "${r.int(1, 99)}";`,
    ],
  },
  sh: {
    head: () => `#!/usr/bin/env bash\nset -euo pipefail\n`,
    body: [
      (r) => `curl -fsSL "https://${host(r)}/install.sh" -o /tmp/${r.pick(WORDS)}.sh`,
      (r) =>
        `export ${r.pick(WORDS).toUpperCase()}_URL="\${${r.pick(WORDS).toUpperCase()}_URL:-https://${host(r)}}"`,
      (r) => `# ${r.pick(WORDS)} ${r.pick(WORDS)}`,
      (r) => `echo "${r.pick(WORDS)} done in \${SECONDS}s (${r.int(1, 99)})"`,
    ],
  },
};

export const EXT: Record<Lang, string> = {
  ts: 'ts',
  js: 'js',
  py: 'py',
  go: 'go',
  java: 'java',
  cs: 'cs',
  rb: 'rb',
  php: 'php',
  yaml: 'yaml',
  json: 'json',
  md: 'md',
  tf: 'tf',
  conf: 'conf',
  sh: 'sh',
};

/** Weighted language mix of a typical startup monorepo. */
export const LANG_MIX: Lang[] = [
  'ts',
  'ts',
  'ts',
  'ts',
  'js',
  'js',
  'py',
  'py',
  'py',
  'go',
  'go',
  'java',
  'cs',
  'rb',
  'php',
  'yaml',
  'yaml',
  'json',
  'md',
  'tf',
  'conf',
  'sh',
];

/** Planted findings (fake, format-valid values), one line each, per family. */
export const PLANTS: { family: string; line: Line }[] = [
  {
    family: 'secrets',
    line: (r) => `const awsKeyId = "AKIA${r.chars('ABCDFGHIJKLMNOPQRSTUVWYZ234567', 16)}";`,
  },
  { family: 'secrets', line: (r) => `const githubToken = "ghp_${r.chars(ALNUM, 36)}";` },
  { family: 'secrets', line: (r) => `const stripeKey = "sk_live_${r.chars(ALNUM, 32)}";` },
  {
    family: 'secrets',
    line: (r) =>
      `const slackToken = "xoxb-${r.chars(DIGITS, 11)}-${r.chars(DIGITS, 13)}-${r.chars(ALNUM, 24)}";`,
  },
  {
    family: 'insecure-http',
    line: (r) =>
      `const partnerUrl = "http://api.${r.chars(LOWER, 8)}-partner.io/v1/${r.pick(WORDS)}";`,
  },
  {
    family: 'weak-tls',
    line: () => `const agent = new https.Agent({ rejectUnauthorized: false });`,
  },
  { family: 'body-logging', line: () => `console.log('incoming payload', req.body);` },
];

/** One file of about `bytes` bytes in `lang`; planted lines are inserted where `plant` says. */
export function fileText(r: Prng, lang: Lang, bytes: number, plant?: (r: Prng) => string): string {
  const spec = BY_LANG[lang];
  const parts = [spec.head(r)];
  let size = parts[0].length;
  const plantAt = plant ? r.int(1, Math.max(1, Math.floor(bytes / 60))) : -1;
  for (let i = 0; size < bytes; i++) {
    const line =
      i === plantAt && plant ? plant(r) : spec.body[Math.floor(r.next() * spec.body.length)](r);
    parts.push(line);
    size += line.length + 1;
  }
  return `${parts.join('\n')}\n`;
}
