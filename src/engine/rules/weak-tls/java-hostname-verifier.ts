import { linePrefix, replaceFix, tlsRule } from './tlsRule';

const MESSAGE = 'This hostname verifier accepts any host: a certificate issued for another site passes. Use the default verifier.';

/**
 * JVM host name verification turned off: `NoopHostnameVerifier`, `ALLOW_ALL_HOSTNAME_VERIFIER`,
 * `AllowAllHostnameVerifier`, `(hostname, session) -> true`, `verify(...) { return true; }`,
 * `setEndpointIdentificationAlgorithm(null)`.
 */
export default tlsRule({
  id: 'weak-tls/java-hostname-verifier',
  title: 'Java/Kotlin host name verification disabled',
  description:
    'A hostname verifier that always returns true accepts a valid certificate issued for any other domain, which an attacker can obtain for free. The connection is then open to interception even though the certificate chain is checked.',
  remediation: 'Remove the custom verifier (HttpsURLConnection, OkHttp and Apache HttpClient verify host names by default) or use `DefaultHostnameVerifier`.',
  severity: 'error',
  cwe: ['CWE-297'],
  keywords: ['hostnameverifier', 'hostname_verifier', 'sslsession', 'endpointidentificationalgorithm'],
  languages: ['java', 'kotlin', 'scala'],
  patterns: [
    {
      re: /\b(?:SSLSocketFactory\.)?(ALLOW_ALL_HOSTNAME_VERIFIER|NoopHostnameVerifier|AllowAllHostnameVerifier)\b/,
      region: 'code',
      message: (h) => (/^\s*import\b/.test(linePrefix(h.ctx.text, h.start)) ? undefined : `${h.m[1]}: ${MESSAGE}`),
      fixes: (h) =>
        h.value === 'SSLSocketFactory.ALLOW_ALL_HOSTNAME_VERIFIER'
          ? [replaceFix('Use STRICT_HOSTNAME_VERIFIER', h.start, h.end, 'SSLSocketFactory.STRICT_HOSTNAME_VERIFIER')]
          : [],
    },
    {
      // Lambdas: `setHostnameVerifier((h, s) -> true)`, Kotlin `hostnameVerifier { _, _ -> true }`,
      // a typed local `HostnameVerifier allowAll = (h, s) -> true;`.
      re: /\b(?:set(?:Default)?HostnameVerifier|hostnameVerifier|HostnameVerifier(?:\s{1,10}[A-Za-z_]\w{0,40}\s{0,10}=\s{0,10}(?=\())?)\s{0,10}(?:=\s{0,10})?[({]?\s{0,10}(?:\(\s{0,10}[\w_]{1,40}\s{0,10}(?::\s{0,5}[\w?]{1,20}\s{0,5})?,\s{0,10}[\w_]{1,40}\s{0,10}(?::\s{0,5}[\w?]{1,20}\s{0,5})?\)|[\w_]{1,40}\s{0,5},\s{0,5}[\w_]{1,40})\s{0,10}->\s{0,10}(?:true\b|\{\s{0,20}return\s{1,5}true\s{0,5};\s{0,20}\})/,
      region: 'code',
      message: MESSAGE,
    },
    {
      // Anonymous classes: `public boolean verify(String hostname, SSLSession session) { return true; }`,
      // also with the fully qualified `javax.net.ssl.SSLSession`.
      re: /\b(?:boolean\s{1,10}verify\s{0,10}\(\s{0,10}(?:final\s{1,5})?String\s{1,10}\w{1,40}\s{0,10},\s{0,10}(?:final\s{1,5})?(?:javax\.net\.ssl\.)?SSLSession\s{1,10}\w{1,40}\s{0,10}\)|fun\s{1,10}verify\s{0,10}\(\s{0,10}\w{1,40}\s{0,5}:\s{0,5}String\??\s{0,5},\s{0,10}\w{1,40}\s{0,5}:\s{0,5}SSLSession\??\s{0,5}\)\s{0,5}:\s{0,5}Boolean)\s{0,10}(?:\{\s{0,40}return\s{1,5}true\s{0,5};?\s{0,40}\}|=\s{0,10}true\b)/,
      region: 'code',
      message: MESSAGE,
    },
    {
      re: /\bsetEndpointIdentificationAlgorithm\s{0,5}\(\s{0,5}(?:null|""|'')\s{0,5}\)/,
      region: 'code',
      message: 'setEndpointIdentificationAlgorithm(null) turns host name verification off: use "HTTPS".',
      fixes: (h) => [replaceFix('Verify host names ("HTTPS")', h.start, h.end, 'setEndpointIdentificationAlgorithm("HTTPS")')],
    },
  ],
  bad: [
    {
      path: 'src/main/java/com/acme/Http.java',
      text: 'CloseableHttpClient client = HttpClients.custom()\n    .setSSLContext(sslContext)\n    .setSSLHostnameVerifier(NoopHostnameVerifier.INSTANCE)\n    .build();\n',
      count: 1,
    },
    { path: 'src/main/java/com/acme/Legacy.java', text: 'HttpsURLConnection.setDefaultHostnameVerifier((hostname, session) -> true);\n' },
    {
      path: 'src/main/java/com/acme/Legacy.java',
      text: 'conn.setHostnameVerifier(new HostnameVerifier() {\n  @Override\n  public boolean verify(String hostname, SSLSession session) {\n    return true;\n  }\n});\n',
    },
    { path: 'src/main/kotlin/com/acme/Api.kt', text: 'val client = OkHttpClient.Builder()\n  .hostnameVerifier { _, _ -> true }\n  .build()\n' },
    { path: 'src/main/java/com/acme/Legacy.java', text: 'HostnameVerifier allowAll = (hostname, session) -> true;\nHttpsURLConnection.setDefaultHostnameVerifier(allowAll);\n', count: 1 },
    {
      path: 'src/main/java/com/acme/Legacy.java',
      text: 'return new HostnameVerifier() {\n  public boolean verify(String hostname, javax.net.ssl.SSLSession session) {\n    return true;\n  }\n};\n',
    },
    {
      path: 'src/main/java/com/acme/Old.java',
      text: 'factory.setHostnameVerifier(SSLSocketFactory.ALLOW_ALL_HOSTNAME_VERIFIER);\n',
      fixed: 'factory.setHostnameVerifier(SSLSocketFactory.STRICT_HOSTNAME_VERIFIER);\n',
    },
  ],
  good: [
    { path: 'src/main/java/com/acme/Http.java', text: '.setSSLHostnameVerifier(new DefaultHostnameVerifier())\n' },
    { path: 'src/main/java/com/acme/Http.java', text: 'HostnameVerifier strict = (hostname, session) -> hostname.endsWith(".acme.io");\n' },
    { path: 'src/main/java/com/acme/Http.java', text: 'import org.apache.http.conn.ssl.NoopHostnameVerifier;\n' },
    {
      path: 'src/main/java/com/acme/Pinned.java',
      text: 'conn.setHostnameVerifier((hostname, session) -> ALLOWED.contains(hostname) && pins.matches(session));\n',
    },
  ],
});
