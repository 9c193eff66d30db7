import { flipFix } from './tlsFixes';
import { tlsRule } from './tlsRule';

/**
 * Node.js TLS clients and servers with certificate verification switched off:
 * `rejectUnauthorized: false` (tls, https, axios and got agents, pg, mysql2, ioredis, nodemailer
 * …) and the `request` library's `strictSSL: false`.
 */
export default tlsRule({
  id: 'weak-tls/node-reject-unauthorized',
  title: 'Node.js certificate verification disabled',
  description:
    'With `rejectUnauthorized: false` (or `strictSSL: false`) Node.js accepts any certificate, so anyone on the network path can impersonate the server and read or change the traffic, credentials included. Auditors treat it as encryption without authentication.',
  remediation: 'Set `rejectUnauthorized: true` (the default); trust a private CA with the `ca` option instead.',
  severity: 'error',
  cwe: ['CWE-295'],
  keywords: ['rejectunauthorized', 'strictssl', 'disabletlscerts', 'ignore-certificate-errors', 'certificate-error'],
  languages: ['javascript', 'typescript', 'json', 'yaml'],
  patterns: [
    {
      re: /\b(?:rejectUnauthorized|strictSSL)['"]?\s{0,20}[:=]\s{0,20}(false)\b/,
      // Only right at the option names (the keyword pass's offsets), not over the whole text.
      near: { anchor: /rejectUnauthorized|strictSSL/, before: 0, after: 50, literals: { words: ['rejectunauthorized', 'strictssl'], longest: 18 } },
      region: 'code',
      regionGroup: 1,
      message: 'Certificate verification is disabled: any server certificate is accepted. Set it to true and trust a private CA with `ca`.',
      fixes: (h) => flipFix('Turn certificate verification back on', h.m.indices![1][0], h.m.indices![1][1], 'false'),
    },
    {
      // superagent `.disableTLSCerts()`; Electron/Chromium `--ignore-certificate-errors`.
      re: /\.disableTLSCerts\s{0,5}\(\s{0,5}\)|\bappendSwitch\s{0,5}\(\s{0,5}['"`]ignore-certificate-errors['"`]/,
      near: {
        anchor: /disableTLSCerts|ignore-certificate-errors/,
        before: 30,
        after: 15,
        literals: { words: ['disabletlscerts', 'ignore-certificate-errors'], longest: 25 },
      },
      region: 'code',
      message: 'Certificate verification is disabled for these requests: any server certificate is accepted. Remove it and trust a private CA instead.',
    },
    {
      // Electron `app.on('certificate-error', (event, …, callback) => { event.preventDefault(); callback(true); })`.
      near: { anchor: /certificate-error/, before: 15, after: 700, literals: { words: ['certificate-error'], longest: 17 } },
      re: /\bon\s{0,5}\(\s{0,5}['"`]certificate-error['"`]\s{0,5},\s{0,5}(?:async\s{1,5})?(?:function\s{0,5})?\([^()]{0,200}?\b(\w{1,40})\s{0,5}\)\s{0,5}(?:=>\s{0,5})?\{[^{}]{0,300}?\b\1\s{0,5}\(\s{0,5}true\s{0,5}\)/,
      region: 'code',
      message: 'This certificate-error handler accepts every invalid certificate (callback(true)): remove it or check the certificate fingerprint first.',
    },
  ],
  bad: [
    {
      path: 'src/client.ts',
      text: "const agent = new https.Agent({\n  keepAlive: true,\n  rejectUnauthorized: false,\n});\n",
      fixed: "const agent = new https.Agent({\n  keepAlive: true,\n  rejectUnauthorized: true,\n});\n",
    },
    {
      path: 'src/db.js',
      text: "const pool = new Pool({ connectionString, ssl: { rejectUnauthorized: false } });\n",
      fixed: "const pool = new Pool({ connectionString, ssl: { rejectUnauthorized: true } });\n",
    },
    { path: 'src/legacy.js', text: "request({ url, strictSSL: false }, cb);\n", count: 1 },
    { path: 'config/default.json', text: '{ "smtp": { "tls": { "rejectUnauthorized": false } } }\n' },
    { path: 'src/agent.ts', text: 'https.globalAgent.options.rejectUnauthorized = false;\n' },
    { path: 'src/rates.js', text: 'const res = await superagent.get(url).disableTLSCerts();\n' },
    { path: 'electron/main.js', text: "app.commandLine.appendSwitch('ignore-certificate-errors');\n" },
    {
      path: 'electron/main.js',
      text: "app.on('certificate-error', (event, webContents, url, error, certificate, callback) => {\n  event.preventDefault();\n  callback(true);\n});\n",
    },
  ],
  good: [
    { path: 'src/client.ts', text: 'const agent = new https.Agent({ rejectUnauthorized: true, ca });\n' },
    {
      path: 'electron/main.js',
      text: "app.on('certificate-error', (event, webContents, url, error, certificate, callback) => {\n  callback(false);\n});\n",
    },
    { path: 'src/client.ts', text: '// never set rejectUnauthorized: false in production\n' },
    { path: 'src/check.ts', text: "if (opts.rejectUnauthorized === false) throw new Error('refusing insecure TLS');\n" },
    { path: 'src/lint.ts', text: "const hint = 'remove rejectUnauthorized: false from the agent';\n" },
    {
      path: 'test/tls.test.ts',
      text: "it('refuses', () => {\n  expect(() => makeAgent({ rejectUnauthorized: false })).toThrow();\n});\n",
    },
  ],
});
