import { replaceFix, tlsRule } from './tlsRule';
import { isModernVersion, isOldVersion } from './tlsValues';

/** A Java string-array protocol list rewritten without its old entries (TLSv1.2 if none remain). */
function modernList(inner: string): string | undefined {
  const items = inner.split(',').map((s) => s.trim());
  if (!items.every((s) => /^"[\w.]{1,20}"$/.test(s))) return undefined;
  const kept = items.filter((s) => isModernVersion(s.slice(1, -1)));
  return (kept.length > 0 ? kept : ['"TLSv1.2"']).join(', ');
}

/**
 * JVM code pinning SSL or TLS 1.0/1.1: `SSLContext.getInstance("TLSv1")`,
 * `setEnabledProtocols(new String[] {"TLSv1", …})`, `https.protocols` system properties, OkHttp
 * `TlsVersion.TLS_1_0`.
 */
export default tlsRule({
  id: 'weak-tls/java-tls-version',
  title: 'Java/Kotlin allows SSL or TLS 1.0/1.1',
  description:
    '`SSLContext.getInstance("SSL")`, `"TLSv1"` or `"TLSv1.1"` and protocol lists that enable them allow protocols deprecated by RFC 8996, open to downgrade and padding attacks. Auditors expect TLS 1.2 as the floor.',
  remediation: 'Use `SSLContext.getInstance("TLSv1.2")` (or `"TLSv1.3"`) and enable only TLSv1.2/TLSv1.3.',
  severity: 'warning',
  cwe: ['CWE-326', 'CWE-327'],
  keywords: ['getinstance', 'enabledprotocols', 'https.protocols', 'jdk.tls.client.protocols', 'tlsversion.', 'sslconnectionsocketfactory'],
  languages: ['java', 'kotlin', 'scala'],
  patterns: [
    {
      re: /\bSSLContext\.getInstance\s{0,5}\(\s{0,5}"(SSL|SSLv2|SSLv3|TLSv1|TLSv1\.1)"/,
      region: 'code',
      message: (h) => `SSLContext "${h.m[1]}" allows a deprecated protocol: use "TLSv1.2" or "TLSv1.3".`,
      fixes: (h) => [replaceFix('Use "TLSv1.2"', h.m.indices![1][0], h.m.indices![1][1], 'TLSv1.2', true)],
    },
    {
      // Also Apache HttpClient's `new SSLConnectionSocketFactory(ctx, new String[] {"TLSv1"}, …)`.
      re: /\b(?:setEnabledProtocols\s{0,5}\(|new\s{1,5}SSLConnectionSocketFactory\s{0,5}\(\s{0,5}[\w.()]{1,80}\s{0,5},)\s{0,5}(?:new\s{1,5}String\s{0,5}\[\s{0,5}\]\s{0,5}\{|arrayOf\s{0,5}\()([^{}()]{1,200})[})]/,
      region: 'code',
      message: (h) => {
        const old = h.m[1].match(/"[^"]{1,20}"/g)?.filter((s) => isOldVersion(s.slice(1, -1)));
        return old && old.length > 0 ? `Enabled protocols include ${old.join(', ')}: enable only TLSv1.2 and TLSv1.3.` : undefined;
      },
      fixes: (h) => {
        const list = modernList(h.m[1]);
        const [s, e] = h.m.indices![1];
        return list ? [replaceFix('Enable only TLS 1.2+', s, e, h.m[1].startsWith(' ') ? ` ${list} ` : list)] : [];
      },
    },
    {
      re: /"(?:https\.protocols|jdk\.tls\.(?:client|server)\.protocols)"\s{0,5},\s{0,5}"([^"\n]{1,120})"/,
      message: (h) => (h.m[1].split(/[,\s]+/).some(isOldVersion) ? 'The JVM is told to allow SSL or TLS 1.0/1.1: list only TLSv1.2,TLSv1.3.' : undefined),
    },
    {
      re: /\bTlsVersion\.(?:SSL_3_0|TLS_1_0|TLS_1_1)\b/,
      region: 'code',
      message: (h) => `${h.value} allows a deprecated protocol: use TlsVersion.TLS_1_2 and TLS_1_3.`,
    },
  ],
  bad: [
    {
      path: 'src/main/java/com/acme/Legacy.java',
      text: 'return new SSLConnectionSocketFactory(ctx, new String[] {"TLSv1"}, null, SSLConnectionSocketFactory.getDefaultHostnameVerifier());\n',
    },
    {
      path: 'src/main/java/com/acme/Tls.java',
      text: 'SSLContext ctx = SSLContext.getInstance("TLSv1");\nctx.init(null, tms, null);\n',
      fixed: 'SSLContext ctx = SSLContext.getInstance("TLSv1.2");\nctx.init(null, tms, null);\n',
    },
    { path: 'src/main/java/com/acme/Tls.java', text: 'SSLContext sc = SSLContext.getInstance("SSL");\n' },
    {
      path: 'src/main/java/com/acme/Tls.java',
      text: 'socket.setEnabledProtocols(new String[] { "TLSv1", "TLSv1.1", "TLSv1.2" });\n',
      fixed: 'socket.setEnabledProtocols(new String[] { "TLSv1.2" });\n',
    },
    { path: 'src/main/java/com/acme/Boot.java', text: 'System.setProperty("https.protocols", "TLSv1,TLSv1.1,TLSv1.2");\n' },
    { path: 'src/main/kotlin/com/acme/Api.kt', text: 'val spec = ConnectionSpec.Builder(ConnectionSpec.COMPATIBLE_TLS).tlsVersions(TlsVersion.TLS_1_0).build()\n' },
  ],
  good: [
    { path: 'src/main/java/com/acme/Tls.java', text: 'SSLContext ctx = SSLContext.getInstance("TLSv1.3");\nSSLContext d = SSLContext.getInstance("TLS");\n' },
    { path: 'src/main/java/com/acme/Tls.java', text: 'socket.setEnabledProtocols(new String[] {"TLSv1.2", "TLSv1.3"});\n' },
    { path: 'src/main/java/com/acme/Tls.java', text: 'System.setProperty("https.protocols", "TLSv1.2,TLSv1.3");\n' },
  ],
});
