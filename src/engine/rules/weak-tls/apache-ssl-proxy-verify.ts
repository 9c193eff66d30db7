import { replaceFix, tlsRule } from './tlsRule';

/** Apache mod_ssl proxy checks switched off: `SSLProxyVerify none`, `SSLProxyCheckPeerName|CN|Expire off`. */
export default tlsRule({
  id: 'weak-tls/apache-ssl-proxy-verify',
  title: 'Apache does not verify backend certificates',
  description:
    '`SSLProxyVerify none` and `SSLProxyCheckPeerName off` / `SSLProxyCheckPeerCN off` / `SSLProxyCheckPeerExpire off` make Apache forward requests — cookies and Authorization headers included — to a backend whose certificate it does not check. `SSLVerifyClient none` is not flagged: it only concerns client certificates.',
  remediation: 'Use `SSLProxyVerify require` with `SSLProxyCACertificateFile`, and leave `SSLProxyCheckPeerName`/`CN`/`Expire` on (the default).',
  severity: 'error',
  cwe: ['CWE-295', 'CWE-297'],
  keywords: ['sslproxyverify', 'sslproxycheckpeer'],
  languages: ['apache', 'nginx', 'text'],
  patterns: [
    {
      re: /^[ \t]*((SSLProxyVerify)[ \t]{1,20}(none|optional_no_ca))\b/im,
      group: 1,
      region: 'code',
      message: (h) => `SSLProxyVerify ${h.m[3]}: Apache accepts any backend certificate. Use "require" with SSLProxyCACertificateFile.`,
      fixes: (h) =>
        /SSLProxyCACertificate(?:File|Path)\s/i.test(h.ctx.text)
          ? [replaceFix('Require a verified backend certificate', h.m.indices![3][0], h.m.indices![3][1], 'require')]
          : [],
    },
    {
      re: /^[ \t]*((SSLProxyCheckPeer(?:Name|CN|Expire))[ \t]{1,20}(off))\b/im,
      group: 1,
      region: 'code',
      message: (h) => `${h.m[2]} off: Apache accepts a backend certificate for ${h.m[2].endsWith('Expire') ? 'any date' : 'any host'}. Remove it.`,
      fixes: (h) => [replaceFix('Turn the check back on', h.m.indices![3][0], h.m.indices![3][1], 'on', true)],
    },
  ],
  bad: [
    {
      path: 'deploy/apache/proxy.conf',
      text: 'SSLProxyEngine on\nSSLProxyVerify none\nSSLProxyCheckPeerCN off\nSSLProxyCheckPeerName off\n',
      count: 3,
    },
    { path: 'httpd.conf', text: 'SSLProxyEngine on\nSSLProxyCheckPeerName off\n', fixed: 'SSLProxyEngine on\nSSLProxyCheckPeerName on\n' },
  ],
  good: [
    { path: 'httpd.conf', text: 'SSLProxyEngine on\nSSLProxyVerify require\nSSLProxyCACertificateFile /etc/ssl/backend-ca.pem\n' },
    { path: 'httpd.conf', text: 'SSLVerifyClient none\n' },
  ],
});
