import { lineEndNear, replaceFix, tlsRule } from './tlsRule';

/** HAProxy `server … ssl verify none` and global `ssl-server-verify none`. */
export default tlsRule({
  id: 'weak-tls/haproxy-verify-none',
  title: 'HAProxy does not verify backend certificates',
  description:
    '`verify none` on a `server`/`default-server` line (or `ssl-server-verify none` in `global`) makes HAProxy send traffic — cookies and Authorization headers included — to a backend whose certificate it does not check, so the hop behind the load balancer can be intercepted.',
  remediation: 'Use `verify required ca-file /etc/haproxy/backend-ca.pem` (and `sni`/`verifyhost` for host names).',
  severity: 'error',
  cwe: ['CWE-295'],
  keywords: ['verify none', 'ssl-server-verify'],
  languages: ['haproxy', 'ini', 'nginx', 'text'],
  patterns: [
    {
      re: /^[ \t]*(?:server|default-server)[ \t][^\n#]{0,400}?\b(verify[ \t]{1,10}(none))\b/m,
      group: 1,
      region: 'code',
      message: 'verify none: HAProxy accepts any backend certificate. Use verify required with a ca-file.',
      fixes: (h) =>
        /\bca-file\s/.test(h.m[0] + h.ctx.text.slice(h.end, lineEndNear(h.ctx.text, h.end).at))
          ? [replaceFix('Require a verified certificate', h.m.indices![2][0], h.m.indices![2][1], 'required')]
          : [],
    },
    {
      re: /^[ \t]*(ssl-server-verify[ \t]{1,10}(none))\b/m,
      group: 1,
      region: 'code',
      message: 'ssl-server-verify none: no backend certificate is verified. Use "required".',
      fixes: (h) => [replaceFix('Require verified backend certificates', h.m.indices![2][0], h.m.indices![2][1], 'required')],
    },
  ],
  bad: [
    {
      path: 'deploy/haproxy.cfg',
      text: 'backend api\n    balance roundrobin\n    server api1 10.0.1.10:8443 ssl verify none check\n    server api2 10.0.1.11:8443 ssl verify none check\n',
      count: 2,
    },
    {
      path: 'haproxy.cfg',
      text: 'backend b\n    server s1 10.0.0.5:443 ssl verify none ca-file /etc/haproxy/ca.pem\n',
      fixed: 'backend b\n    server s1 10.0.0.5:443 ssl verify required ca-file /etc/haproxy/ca.pem\n',
    },
    { path: 'haproxy.cfg', text: 'global\n    ssl-server-verify none\n' },
  ],
  good: [
    { path: 'haproxy.cfg', text: 'backend api\n    server api1 10.0.1.10:8443 ssl verify required ca-file /etc/haproxy/ca.pem check\n' },
    { path: 'haproxy.cfg', text: 'frontend fe\n    bind :443 ssl crt site.pem verify none\n' },
  ],
});
