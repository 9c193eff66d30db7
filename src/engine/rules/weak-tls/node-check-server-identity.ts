import { removeMemberFix } from './tlsFixes';
import { tlsRule } from './tlsRule';

/** A `checkServerIdentity` that accepts every host name (returns nothing, or `undefined`). */
export default tlsRule({
  id: 'weak-tls/node-check-server-identity',
  title: 'Node.js host name verification disabled',
  description:
    'A `checkServerIdentity` callback that returns `undefined` for every host tells Node.js that any valid certificate matches any server name. A certificate issued for another site — which anyone can obtain — then passes, so the connection can be intercepted.',
  remediation: 'Remove the override (Node.js checks the host name by default) or call `tls.checkServerIdentity(host, cert)` inside it.',
  severity: 'error',
  cwe: ['CWE-297'],
  keywords: ['checkserveridentity'],
  languages: ['javascript', 'typescript'],
  patterns: [
    {
      // Arrow functions and function expressions whose body returns nothing.
      re: /\bcheckServerIdentity\s{0,10}[:=]\s{0,10}(?:(?:async\s{1,5})?(?:\([^()]{0,120}\)|[\w$]{1,40})\s{0,10}=>\s{0,10}(?:undefined|null|void\s{1,5}0|\{\s{0,40}(?:return(?:\s{1,10}(?:undefined|null))?\s{0,10};?\s{0,40})?\})|function\s{0,10}[\w$]{0,40}\s{0,10}\([^()]{0,120}\)\s{0,10}\{\s{0,40}(?:return(?:\s{1,10}(?:undefined|null))?\s{0,10};?\s{0,40})?\})/,
      region: 'code',
      message: 'checkServerIdentity accepts every host name: a certificate for any other site passes. Remove the override.',
      fixes: (h) => removeMemberFix(h.ctx, h.start, h.end, 'Remove the override (Node.js verifies host names by default)'),
    },
    {
      // Method shorthand: `checkServerIdentity(host, cert) { return undefined; }`.
      re: /(?:^|[{,])\s{0,40}(checkServerIdentity\s{0,10}\([^()]{0,120}\)\s{0,10}\{\s{0,40}(?:return(?:\s{1,10}(?:undefined|null))?\s{0,10};?\s{0,40})?\})/m,
      group: 1,
      regionGroup: 1,
      message: 'checkServerIdentity accepts every host name: a certificate for any other site passes. Remove the override.',
    },
  ],
  bad: [
    {
      path: 'src/mq.ts',
      text: 'const socket = tls.connect({\n  host,\n  port: 5671,\n  checkServerIdentity: () => undefined,\n});\n',
      fixed: 'const socket = tls.connect({\n  host,\n  port: 5671,\n});\n',
    },
    {
      path: 'src/ldap.js',
      text: 'const client = ldap.createClient({ url, tlsOptions: { ca, checkServerIdentity: function (host, cert) { return undefined; } } });\n',
    },
    { path: 'src/x.ts', text: 'const opts = { ca, checkServerIdentity(host: string, cert: PeerCertificate) { return undefined; } };\n' },
    { path: 'src/y.js', text: 'options.checkServerIdentity = () => {};\n' },
  ],
  good: [
    {
      path: 'src/mq.ts',
      text: 'const socket = tls.connect({ host, ca, checkServerIdentity: (h, cert) => tls.checkServerIdentity(h, cert) ?? pinCheck(cert) });\n',
    },
    { path: 'src/mq.ts', text: '// checkServerIdentity: () => undefined  <- never do this\n' },
  ],
});
