import { replaceFix, tlsRule } from './tlsRule';
import { MOZILLA_INTERMEDIATE, weakCiphers } from './tlsValues';

/** nginx `ssl_ciphers` / `proxy_ssl_ciphers` that enable RC4, DES/3DES, NULL, EXPORT, MD5 or anonymous suites. */
export default tlsRule({
  id: 'weak-tls/nginx-ssl-ciphers',
  title: 'nginx enables weak cipher suites',
  description:
    'A cipher list that switches on RC4, DES or 3DES, NULL (no encryption), EXPORT (40/56-bit), MD5 or anonymous (unauthenticated) suites lets a client or attacker pick a cipher that can be broken or that skips authentication (SWEET32, RC4 biases, FREAK/Logjam).',
  remediation: "Use Mozilla's intermediate list (ECDHE/DHE with AES-GCM or ChaCha20) or exclude the weak classes (`!aNULL:!eNULL:!EXPORT:!DES:!3DES:!RC4:!MD5`).",
  severity: 'warning',
  cwe: ['CWE-327'],
  keywords: ['ssl_ciphers'],
  languages: ['nginx'],
  patterns: [
    {
      re: /^[ \t]*((?:proxy_|grpc_|uwsgi_)?ssl_ciphers)[ \t]{1,20}(['"]?)([^;\n'"#]{1,1000})\2[ \t]{0,20};/m,
      group: 3,
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
      path: 'deploy/nginx/api.conf',
      text: 'server {\n    ssl_protocols TLSv1.2;\n    ssl_ciphers "ECDHE-RSA-AES128-GCM-SHA256:RC4-SHA:DES-CBC3-SHA";\n}\n',
      fixed: `server {\n    ssl_protocols TLSv1.2;\n    ssl_ciphers "${MOZILLA_INTERMEDIATE}";\n}\n`,
    },
    { path: 'nginx.conf', text: 'ssl_ciphers ALL:!ADH:RC4+RSA:+HIGH:+MEDIUM:+LOW:+SSLv2:+EXP;\n' },
  ],
  good: [
    { path: 'nginx.conf', text: 'ssl_ciphers HIGH:!aNULL:!MD5;\n' },
    { path: 'nginx.conf', text: `ssl_ciphers ${MOZILLA_INTERMEDIATE};\n` },
    { path: 'nginx.conf', text: "ssl_ciphers 'EECDH+AESGCM:EDH+AESGCM:!aNULL:!eNULL:!EXPORT:!DES:!RC4:!3DES:!MD5';\n" },
  ],
});
