import { replaceFix, tlsRule } from './tlsRule';

const OLD = "TLSv1(?:\\.1)?|SSLv3";

/**
 * Node.js TLS options and flags that allow TLS 1.0/1.1 or SSLv3: `minVersion`, `maxVersion`,
 * `tls.DEFAULT_MIN_VERSION`, `secureProtocol: 'TLSv1_method'`, `--tls-min-v1.0`.
 */
export default tlsRule({
  id: 'weak-tls/node-tls-version',
  title: 'Node.js allows TLS 1.0/1.1',
  description:
    'TLS 1.0 and 1.1 (and SSLv3) are deprecated (RFC 8996): they lack modern cipher suites and have known downgrade and padding attacks. PCI DSS, SOC 2 auditors and most enterprise questionnaires require TLS 1.2 or newer.',
  remediation: "Set `minVersion: 'TLSv1.2'` (Node's default) and drop `secureProtocol` and `--tls-min-v1.x` flags.",
  severity: 'warning',
  cwe: ['CWE-326', 'CWE-327'],
  keywords: ['minversion', 'maxversion', 'default_min_version', 'secureprotocol', '--tls-min-v1.', '--tls-max-v1.'],
  languages: ['javascript', 'typescript', 'json', 'yaml', 'shell', 'dockerfile', 'dotenv'],
  patterns: [
    {
      re: new RegExp(`\\b(minVersion|DEFAULT_MIN_VERSION)['"]?\\s{0,20}[:=]\\s{0,20}(['"\`])(${OLD})\\2`),
      message: (h) => `${h.m[1]} '${h.m[3]}' allows a deprecated protocol: raise it to 'TLSv1.2'.`,
      fixes: (h) => [replaceFix("Raise the minimum to 'TLSv1.2'", h.m.indices![3][0], h.m.indices![3][1], 'TLSv1.2', true)],
    },
    {
      re: new RegExp(`\\b(maxVersion|DEFAULT_MAX_VERSION)['"]?\\s{0,20}[:=]\\s{0,20}(['"\`])(${OLD})\\2`),
      message: (h) => `${h.m[1]} '${h.m[3]}' caps connections at a deprecated protocol: allow 'TLSv1.3'.`,
      fixes: (h) => [replaceFix("Allow up to 'TLSv1.3'", h.m.indices![3][0], h.m.indices![3][1], 'TLSv1.3', true)],
    },
    {
      re: /\bsecureProtocol['"]?\s{0,20}([:=])\s{0,20}(['"`])((?:SSLv2|SSLv3|TLSv1|TLSv1_1)(?:_client|_server)?_method)\2/,
      message: (h) => `secureProtocol '${h.m[3]}' pins a deprecated protocol: use minVersion: 'TLSv1.2' instead.`,
      fixes: (h) =>
        h.m[1] === ':' && !/['"]/.test(h.ctx.text[h.start - 1] ?? '') ? [replaceFix("Use minVersion: 'TLSv1.2'", h.start, h.end, "minVersion: 'TLSv1.2'")] : [],
    },
    {
      re: /--tls-(?:min|max)-v1\.[01]\b/,
      message: (h) => `${h.value} lets Node.js negotiate a deprecated protocol: remove the flag.`,
    },
  ],
  bad: [
    {
      path: 'src/server.ts',
      text: "const server = https.createServer({ key, cert, minVersion: 'TLSv1' }, app);\n",
      fixed: "const server = https.createServer({ key, cert, minVersion: 'TLSv1.2' }, app);\n",
    },
    {
      path: 'src/legacy.js',
      text: "const socket = tls.connect({ host, port, secureProtocol: 'TLSv1_method' });\n",
      fixed: "const socket = tls.connect({ host, port, minVersion: 'TLSv1.2' });\n",
    },
    { path: 'src/boot.js', text: "tls.DEFAULT_MIN_VERSION = 'TLSv1.1';\n", fixed: "tls.DEFAULT_MIN_VERSION = 'TLSv1.2';\n" },
    { path: 'Dockerfile', text: 'ENV NODE_OPTIONS="--max-old-space-size=2048 --tls-min-v1.0"\n' },
    { path: 'src/client.ts', text: "const agent = new https.Agent({ maxVersion: 'TLSv1.1' });\n" },
  ],
  good: [
    { path: 'src/server.ts', text: "const server = https.createServer({ key, cert, minVersion: 'TLSv1.2' }, app);\n" },
    { path: 'src/server.ts', text: "tls.connect({ host, minVersion: 'TLSv1.3', secureProtocol: 'TLS_method' });\n" },
    { path: 'src/check.ts', text: "if (socket.getProtocol() === 'TLSv1') socket.destroy();\n" },
    { path: 'src/server.ts', text: "// minVersion: 'TLSv1' was needed for IE10, removed in 2021\n" },
  ],
});
