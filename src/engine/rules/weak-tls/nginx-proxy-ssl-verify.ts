import { replaceFix, tlsRule } from './tlsRule';

/** nginx `proxy_ssl_verify off` (and grpc/uwsgi): upstream certificates explicitly not verified. */
export default tlsRule({
  id: 'weak-tls/nginx-proxy-ssl-verify',
  title: 'nginx does not verify upstream certificates',
  description:
    '`proxy_ssl_verify off` makes nginx send traffic — often including Authorization headers and session cookies — to any upstream that presents any certificate. Between nginx and the backend, the connection can then be intercepted.',
  remediation: 'Set `proxy_ssl_verify on;` with `proxy_ssl_trusted_certificate` pointing at the CA, and `proxy_ssl_name`/`proxy_ssl_server_name on;` as needed.',
  severity: 'error',
  cwe: ['CWE-295'],
  keywords: ['_ssl_verify'],
  languages: ['nginx'],
  patterns: [
    {
      re: /^[ \t]*(((?:proxy|grpc|uwsgi)_ssl_verify)[ \t]{1,20}(off))[ \t]{0,20};/m,
      group: 1,
      region: 'code',
      message: (h) => `${h.m[2]} off: nginx accepts any upstream certificate. Turn it on with a trusted CA.`,
      fixes: (h) =>
        // nginx refuses `proxy_ssl_verify on` without a trusted CA file: only fix when one is configured.
        /_ssl_trusted_certificate\s/.test(h.ctx.text)
          ? [replaceFix('Verify upstream certificates', h.m.indices![3][0], h.m.indices![3][1], 'on')]
          : [],
    },
  ],
  bad: [
    {
      path: 'nginx.conf',
      text: 'location /api/ {\n  proxy_pass https://backend;\n  proxy_ssl_trusted_certificate /etc/nginx/ca.pem;\n  proxy_ssl_verify off;\n}\n',
      fixed: 'location /api/ {\n  proxy_pass https://backend;\n  proxy_ssl_trusted_certificate /etc/nginx/ca.pem;\n  proxy_ssl_verify on;\n}\n',
    },
    { path: 'nginx.conf', text: 'location / {\n  grpc_pass grpcs://svc:443;\n  grpc_ssl_verify off;\n}\n' },
  ],
  good: [
    { path: 'nginx.conf', text: 'proxy_ssl_verify on;\nproxy_ssl_verify_depth 2;\n' },
    { path: 'nginx.conf', text: 'ssl_verify_client off;\n' },
  ],
});
