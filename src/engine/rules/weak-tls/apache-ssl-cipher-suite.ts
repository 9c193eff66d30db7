import { replaceFix, tlsRule } from './tlsRule';
import { MOZILLA_INTERMEDIATE, weakCiphers } from './tlsValues';

/** Apache `SSLCipherSuite` / `SSLProxyCipherSuite` enabling RC4, DES/3DES, NULL, EXPORT, MD5 or anonymous suites. */
export default tlsRule({
  id: 'weak-tls/apache-ssl-cipher-suite',
  title: 'Apache enables weak cipher suites',
  description:
    'An `SSLCipherSuite` that switches on RC4, DES or 3DES, NULL, EXPORT, MD5 or anonymous suites lets a client or attacker pick a cipher that can be broken or that skips server authentication (SWEET32, RC4 biases, FREAK/Logjam).',
  remediation: "Use Mozilla's intermediate list (`SSLCipherSuite ECDHE-ECDSA-AES128-GCM-SHA256:…`) with `SSLHonorCipherOrder off`.",
  severity: 'warning',
  cwe: ['CWE-327'],
  keywords: ['sslciphersuite', 'sslproxyciphersuite'],
  languages: ['apache', 'nginx', 'text'],
  patterns: [
    {
      re: /^[ \t]*(SSL(?:Proxy)?CipherSuite)[ \t]{1,20}(?:(?:SSL|TLSv1\.3)[ \t]{1,20})?(['"]?)([^\n'"#]{1,1000}?)\2[ \t]*$/im,
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
      path: 'deploy/apache/ssl.conf',
      text: 'SSLEngine on\nSSLCipherSuite RC4-SHA:AES128-SHA:HIGH:MEDIUM:!aNULL:!MD5\n',
      fixed: `SSLEngine on\nSSLCipherSuite ${MOZILLA_INTERMEDIATE}\n`,
    },
    { path: 'httpd.conf', text: 'SSLCipherSuite ALL:!ADH:RC4+RSA:+HIGH:+MEDIUM:+LOW:+SSLv2:+EXP:+eNULL\n' },
  ],
  good: [
    { path: 'httpd.conf', text: 'SSLCipherSuite HIGH:!aNULL:!MD5:!3DES\n' },
    { path: 'httpd.conf', text: `SSLCipherSuite ${MOZILLA_INTERMEDIATE}\nSSLHonorCipherOrder off\n` },
  ],
});
