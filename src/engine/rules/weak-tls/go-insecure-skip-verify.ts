import { around, tlsRule } from './tlsRule';
import { flipFix } from './tlsFixes';

/** Go `tls.Config{InsecureSkipVerify: true}` without a custom verification callback. */
export default tlsRule({
  id: 'weak-tls/go-insecure-skip-verify',
  title: 'Go TLS certificate verification disabled',
  description:
    '`InsecureSkipVerify: true` makes crypto/tls accept any certificate chain and any host name, so the connection can be intercepted by anyone on the network path. It is only acceptable together with a `VerifyPeerCertificate` or `VerifyConnection` callback that does its own checking (for example certificate pinning).',
  remediation: 'Remove `InsecureSkipVerify` (or set it to false) and add private CAs to `RootCAs`.',
  severity: 'error',
  cwe: ['CWE-295'],
  keywords: ['insecureskipverify'],
  languages: ['go'],
  patterns: [
    {
      re: /\bInsecureSkipVerify\s{0,10}(?::|=)\s{0,10}(true)\b/,
      region: 'code',
      message: (h) =>
        /VerifyPeerCertificate|VerifyConnection/.test(around(h.ctx, h.start, h.end, 600, 600))
          ? undefined
          : 'InsecureSkipVerify: true accepts any certificate and host name: remove it and trust private CAs via RootCAs.',
      fixes: (h) => flipFix('Turn certificate verification back on', h.m.indices![1][0], h.m.indices![1][1], 'true'),
    },
  ],
  bad: [
    {
      path: 'internal/client/http.go',
      text: 'tr := &http.Transport{\n\tTLSClientConfig: &tls.Config{\n\t\tInsecureSkipVerify: true, // self-signed in staging\n\t},\n}\n',
      fixed: 'tr := &http.Transport{\n\tTLSClientConfig: &tls.Config{\n\t\tInsecureSkipVerify: false, // self-signed in staging\n\t},\n}\n',
    },
    { path: 'cmd/probe/main.go', text: 'cfg := &tls.Config{}\ncfg.InsecureSkipVerify = true\n' },
  ],
  good: [
    { path: 'internal/client/http.go', text: 'cfg := &tls.Config{InsecureSkipVerify: false, RootCAs: pool}\n' },
    {
      path: 'internal/pin/pin.go',
      text: 'cfg := &tls.Config{\n\tInsecureSkipVerify: true, // verified below against the pinned key\n\tVerifyPeerCertificate: verifyPinned(pins),\n}\n',
    },
    { path: 'internal/client/http.go', text: 'cfg := &tls.Config{InsecureSkipVerify: *insecure}\n' },
    { path: 'internal/client/http.go', text: '// InsecureSkipVerify: true is forbidden, see SECURITY.md\n' },
  ],
});
