import { replaceFix, tlsRule } from './tlsRule';
import { MOZILLA_INTERMEDIATE, weakCiphers } from './tlsValues';

/**
 * HAProxy TLS versions and ciphers: `ssl-min-ver TLSv1.0`, `ssl-max-ver TLSv1.1`,
 * `force-tlsv10`, `ssl-default-bind-ciphers` / `ciphers` with weak suites — on `bind`,
 * `server` and `ssl-default-*-options` lines.
 */
export default tlsRule({
  id: 'weak-tls/haproxy-tls',
  title: 'HAProxy allows TLS 1.0/1.1 or weak ciphers',
  description:
    '`ssl-min-ver SSLv3|TLSv1.0|TLSv1.1`, `force-tlsv10`/`force-tlsv11`/`force-sslv3` or a cipher list with RC4, 3DES, NULL, EXPORT or anonymous suites let clients or backends negotiate protocols and ciphers deprecated by RFC 8996 and broken in practice.',
  remediation: 'Use `ssl-default-bind-options ssl-min-ver TLSv1.2 no-tls-tickets` and Mozilla\'s intermediate `ssl-default-bind-ciphers`.',
  severity: 'warning',
  cwe: ['CWE-326', 'CWE-327'],
  keywords: ['ssl-min-ver', 'ssl-max-ver', 'force-tlsv1', 'force-sslv3', 'ciphers'],
  languages: ['haproxy', 'ini', 'nginx', 'text'],
  patterns: [
    {
      re: /\b(ssl-min-ver|ssl-max-ver)[ \t]{1,10}(SSLv3|TLSv1\.0|TLSv1\.1)\b/,
      region: 'code',
      message: (h) => `${h.m[1]} ${h.m[2]} allows a deprecated protocol: use ssl-min-ver TLSv1.2.`,
      fixes: (h) => {
        const to = h.m[1] === 'ssl-min-ver' ? 'TLSv1.2' : 'TLSv1.3';
        return [replaceFix(`Use ${to}`, h.m.indices![2][0], h.m.indices![2][1], to, true)];
      },
    },
    {
      re: /(?:^|[ \t])(force-(?:sslv3|tlsv10|tlsv11))\b/m,
      group: 1,
      region: 'code',
      message: (h) => `${h.value} pins a deprecated protocol: use ssl-min-ver TLSv1.2.`,
      fixes: (h) => [replaceFix('Use ssl-min-ver TLSv1.2', h.start, h.end, 'ssl-min-ver TLSv1.2', true)],
    },
    {
      re: /(?:^|[ \t])(ssl-default-(?:bind|server)-ciphers|ciphers)[ \t]{1,10}([^\s#]{1,1000})/m,
      group: 2,
      region: 'code',
      message: (h) => {
        const weak = weakCiphers(h.value);
        return weak.length > 0 ? `${h.m[1]} enables weak suites (${weak.slice(0, 4).join(', ')}): use a modern list.` : undefined;
      },
      fixes: (h) => [replaceFix("Use Mozilla's intermediate cipher list", h.start, h.end, MOZILLA_INTERMEDIATE)],
    },
  ],
  bad: [
    {
      path: 'deploy/haproxy.cfg',
      text: 'global\n    ssl-default-bind-options ssl-min-ver TLSv1.0 no-tls-tickets\n\nfrontend https\n    bind :443 ssl crt /etc/haproxy/site.pem\n',
      fixed: 'global\n    ssl-default-bind-options ssl-min-ver TLSv1.2 no-tls-tickets\n\nfrontend https\n    bind :443 ssl crt /etc/haproxy/site.pem\n',
    },
    { path: 'haproxy.cfg', text: 'frontend fe\n    bind :443 ssl crt site.pem force-tlsv10\n' },
    { path: 'haproxy.cfg', text: 'global\n    ssl-default-bind-ciphers ECDHE-RSA-AES128-GCM-SHA256:DES-CBC3-SHA:RC4-SHA\n' },
  ],
  good: [
    { path: 'haproxy.cfg', text: `global\n    ssl-default-bind-ciphers ${MOZILLA_INTERMEDIATE}\n    ssl-default-bind-options ssl-min-ver TLSv1.2 no-tls-tickets\n` },
    { path: 'haproxy.cfg', text: '    # ssl-min-ver TLSv1.0 for the old POS terminals (removed)\n    bind :443 ssl crt site.pem ssl-min-ver TLSv1.2\n' },
  ],
});
