import { replaceFix, tlsRule } from './tlsRule';

/** Go `tls.Config` with `MinVersion`/`MaxVersion` at SSLv3, TLS 1.0 or TLS 1.1. */
export default tlsRule({
  id: 'weak-tls/go-tls-version',
  title: 'Go allows TLS 1.0/1.1',
  description:
    '`MinVersion: tls.VersionTLS10` (or `VersionTLS11`, `VersionSSL30`) lets clients negotiate protocols deprecated by RFC 8996, and a `MaxVersion` that low forbids anything better. Auditors expect TLS 1.2 as the floor.',
  remediation: 'Set `MinVersion: tls.VersionTLS12` (or `tls.VersionTLS13`).',
  severity: 'warning',
  cwe: ['CWE-326', 'CWE-327'],
  keywords: ['versiontls10', 'versiontls11', 'versionssl30'],
  languages: ['go'],
  patterns: [
    {
      re: /\b(MinVersion|MaxVersion)\s{0,10}(?::|=)\s{0,10}(tls\.Version(?:SSL30|TLS10|TLS11))\b/,
      region: 'code',
      message: (h) => `${h.m[1]}: ${h.m[2]} allows a deprecated protocol: use tls.VersionTLS12 or newer.`,
      fixes: (h) => {
        const to = h.m[1] === 'MinVersion' ? 'tls.VersionTLS12' : 'tls.VersionTLS13';
        return [replaceFix(`Use ${to}`, h.m.indices![2][0], h.m.indices![2][1], to, true)];
      },
    },
  ],
  bad: [
    {
      path: 'internal/server/tls.go',
      text: 'srv.TLSConfig = &tls.Config{\n\tMinVersion:   tls.VersionTLS10,\n\tCertificates: []tls.Certificate{cert},\n}\n',
      fixed: 'srv.TLSConfig = &tls.Config{\n\tMinVersion:   tls.VersionTLS12,\n\tCertificates: []tls.Certificate{cert},\n}\n',
    },
    { path: 'cmd/legacy/main.go', text: 'cfg.MinVersion = tls.VersionSSL30\n', fixed: 'cfg.MinVersion = tls.VersionTLS12\n' },
    { path: 'cmd/legacy/main.go', text: 'cfg := &tls.Config{MaxVersion: tls.VersionTLS11}\n' },
  ],
  good: [
    { path: 'internal/server/tls.go', text: 'cfg := &tls.Config{MinVersion: tls.VersionTLS12}\n' },
    { path: 'internal/server/tls.go', text: 'if state.Version == tls.VersionTLS10 {\n\tlog.Print("old client")\n}\n' },
    { path: 'internal/server/tls.go', text: '// MinVersion: tls.VersionTLS10 was needed for old Android clients\n' },
  ],
});
