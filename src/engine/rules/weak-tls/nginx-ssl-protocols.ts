import { replaceFix, tlsRule } from './tlsRule';
import { isOldVersion } from './tlsValues';

/** nginx `ssl_protocols` / `proxy_ssl_protocols` / `grpc_ssl_protocols` listing SSLv3, TLSv1 or TLSv1.1. */
export default tlsRule({
  id: 'weak-tls/nginx-ssl-protocols',
  title: 'nginx allows SSLv3 or TLS 1.0/1.1',
  description:
    'An `ssl_protocols` line that lists SSLv2, SSLv3, TLSv1 or TLSv1.1 lets clients (or, for `proxy_ssl_protocols`, upstreams) negotiate protocols deprecated by RFC 8996, open to downgrade and padding attacks. Auditors and PCI DSS expect TLS 1.2 as the floor.',
  remediation: 'Use `ssl_protocols TLSv1.2 TLSv1.3;`.',
  severity: 'warning',
  cwe: ['CWE-326', 'CWE-327'],
  keywords: ['ssl_protocols'],
  languages: ['nginx'],
  patterns: [
    {
      re: /^[ \t]*((?:proxy_|grpc_|uwsgi_)?ssl_protocols)[ \t]{1,20}([^;\n{}#]{1,200});/m,
      group: 2,
      region: 'code',
      message: (h) => {
        const old = h.value.trim().split(/\s+/).filter(isOldVersion);
        return old.length > 0 ? `${h.m[1]} enables ${old.join(', ')}: use TLSv1.2 TLSv1.3 only.` : undefined;
      },
      fixes: (h) => [replaceFix('Use TLSv1.2 TLSv1.3', h.start, h.end, 'TLSv1.2 TLSv1.3', true)],
    },
  ],
  bad: [
    {
      path: 'deploy/nginx/api.conf',
      text: 'server {\n    listen 443 ssl http2;\n    server_name api.acme.io;\n    ssl_protocols TLSv1 TLSv1.1 TLSv1.2;\n}\n',
      fixed: 'server {\n    listen 443 ssl http2;\n    server_name api.acme.io;\n    ssl_protocols TLSv1.2 TLSv1.3;\n}\n',
    },
    { path: 'nginx.conf', text: 'http {\n  ssl_protocols SSLv3 TLSv1.2;\n  proxy_ssl_protocols TLSv1.1 TLSv1.2;\n}\n', count: 2 },
  ],
  good: [
    { path: 'nginx.conf', text: 'ssl_protocols TLSv1.2 TLSv1.3;\n' },
    { path: 'nginx.conf', text: '# ssl_protocols TLSv1 TLSv1.1 TLSv1.2;  (old)\nssl_protocols TLSv1.3;\n' },
  ],
});
