import { linePrefix, tlsRule } from './tlsRule';

const EMPTY_BODY = String.raw`\{\s{0,60}(?:(?://[^\n]{0,200}\n\s{0,60})|(?:/\*[^*]{0,300}\*/\s{0,60}))?(?:return\s{0,5};?\s{0,60})?\}`;
const MESSAGE = 'This trust manager accepts every certificate chain: connections using it can be intercepted. Use the default TrustManagerFactory with a truststore holding your CA.';

/**
 * JVM trust managers that accept any certificate: an `X509TrustManager` with an empty
 * `checkServerTrusted`, Apache HttpClient `TrustAllStrategy`/`TrustSelfSignedStrategy` or a
 * `(chain, authType) -> true` strategy, Netty `InsecureTrustManagerFactory`.
 */
export default tlsRule({
  id: 'weak-tls/java-trust-all-certificates',
  title: 'Java/Kotlin trust manager that accepts every certificate',
  description:
    'A trust manager whose `checkServerTrusted` does nothing — or a trust strategy that returns true — turns off certificate verification for every connection that uses it. Anyone on the network path can then present their own certificate and read or change the traffic.',
  remediation: 'Delete the custom trust manager; use `TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm())` initialised with a KeyStore that holds your private CA.',
  severity: 'error',
  cwe: ['CWE-295'],
  keywords: ['checkservertrusted', 'trustallstrategy', 'trustselfsignedstrategy', 'insecuretrustmanagerfactory', 'truststrategy', 'loadtrustmaterial', 'onreceivedsslerror'],
  languages: ['java', 'kotlin', 'scala'],
  patterns: [
    {
      re: new RegExp(String.raw`\bcheckServerTrusted\s{0,10}\([^()]{0,200}\)\s{0,20}(?::\s{0,5}Unit\s{0,20})?(?:throws\s{1,10}[\w.]{1,80}(?:\s{0,5},\s{0,5}[\w.]{1,80}){0,4}\s{0,20})?(?:${EMPTY_BODY}|=\s{0,10}Unit\b)`),
      region: 'code',
      message: MESSAGE,
    },
    {
      // Android WebView: `onReceivedSslError(...) { handler.proceed(); }` loads the page anyway.
      re: /\bonReceivedSslError\s{0,10}\([^()]{0,200}\)\s{0,10}\{\s{0,40}(?:super\.onReceivedSslError\([^()]{0,120}\)\s{0,5};?\s{0,40})?\w{1,40}\??\.proceed\s{0,5}\(\s{0,5}\)/,
      region: 'code',
      message: 'onReceivedSslError calls proceed(): the WebView accepts any certificate. Call handler.cancel() instead.',
    },
    {
      re: /\b(?:TrustAllStrategy|TrustSelfSignedStrategy|InsecureTrustManagerFactory)\b/,
      region: 'code',
      message: (h) =>
        /^\s*import\b/.test(linePrefix(h.ctx.text, h.start))
          ? undefined
          : `${h.value} accepts certificates without verifying who issued them: use the default trust managers.`,
    },
    {
      re: /\b(?:TrustStrategy\s{1,10}\w{1,60}\s{0,10}=|loadTrustMaterial\s{0,10}\(\s{0,10}(?:null|\w{1,60})\s{0,10},)\s{0,10}(?:\([^()]{0,160}\)|\w{1,40})\s{0,10}->\s{0,10}(?:true\b|\{\s{0,20}return\s{1,5}true\s{0,5};\s{0,20}\})/,
      region: 'code',
      message: 'This trust strategy returns true for every certificate chain: verification is off. Remove it.',
    },
  ],
  bad: [
    {
      path: 'src/main/java/com/acme/http/UnsafeClient.java',
      text: [
        'TrustManager[] trustAll = new TrustManager[] {',
        '  new X509TrustManager() {',
        '    public void checkClientTrusted(X509Certificate[] chain, String authType) {}',
        '    public void checkServerTrusted(X509Certificate[] chain, String authType) {}',
        '    public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }',
        '  }',
        '};',
        '',
      ].join('\n'),
      count: 1,
    },
    {
      path: 'src/main/kotlin/com/acme/Http.kt',
      text: 'object : X509TrustManager {\n  override fun checkServerTrusted(chain: Array<out X509Certificate>?, authType: String?) {}\n  override fun getAcceptedIssuers() = arrayOf<X509Certificate>()\n}\n',
    },
    {
      path: 'src/main/java/com/acme/RestConfig.java',
      text: 'SSLContext sslContext = SSLContexts.custom()\n    .loadTrustMaterial(null, (chain, authType) -> true)\n    .build();\n',
    },
    { path: 'src/main/java/com/acme/RestConfig.java', text: 'TrustStrategy acceptingTrustStrategy = (X509Certificate[] chain, String authType) -> true;\n' },
    { path: 'src/main/java/com/acme/Netty.java', text: 'SslContext ctx = SslContextBuilder.forClient().trustManager(InsecureTrustManagerFactory.INSTANCE).build();\n' },
  ],
  good: [
    {
      path: 'src/main/java/com/acme/PinningTrustManager.java',
      text: 'public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {\n  delegate.checkServerTrusted(chain, authType);\n  pins.check(chain[0]);\n}\n',
    },
    { path: 'src/main/java/com/acme/Server.java', text: 'public void checkClientTrusted(X509Certificate[] chain, String authType) {}\n' },
    { path: 'src/main/java/com/acme/Imports.java', text: 'import org.apache.http.conn.ssl.TrustSelfSignedStrategy;\n' },
  ],
});
