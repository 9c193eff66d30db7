import { around, tlsRule } from './tlsRule';

const RETURNS_TRUE = String.raw`(?:=>\s{0,10}(?:true\b|\{\s{0,20}return\s{1,5}true\s{0,5};\s{0,20}\})|\{\s{0,20}return\s{1,5}true\s{0,5};\s{0,20}\})`;
const LAMBDA = String.raw`(?:\([^()]{0,200}\)|\w{1,40}|delegate\s{0,5}(?:\([^()]{0,200}\))?)\s{0,10}`;
const MESSAGE = 'This certificate validation callback accepts every certificate: connections can be intercepted. Remove it or check sslPolicyErrors == SslPolicyErrors.None.';

/**
 * .NET certificate validation switched off: `ServerCertificateValidationCallback`,
 * `ServerCertificateCustomValidationCallback` and `RemoteCertificateValidationCallback` that
 * return true, `HttpClientHandler.DangerousAcceptAnyServerCertificateValidator`, and the
 * PowerShell idiom `{$true}`.
 */
export default tlsRule({
  id: 'weak-tls/csharp-certificate-validation',
  title: '.NET certificate validation disabled',
  description:
    'A certificate validation callback that returns true, or `DangerousAcceptAnyServerCertificateValidator`, makes HttpClient, SslStream or WebRequest accept any certificate for any host. Anyone on the network path can then read and change the traffic, credentials included.',
  remediation: 'Remove the callback (the default validation is correct) or return `sslPolicyErrors == SslPolicyErrors.None` after your own extra checks.',
  severity: 'error',
  cwe: ['CWE-295'],
  keywords: ['certificatevalidationcallback', 'certificatecustomvalidationcallback', 'dangerousacceptanyservercertificatevalidator', 'sslstream', 'sslpolicyerrors'],
  languages: ['csharp', 'powershell'],
  patterns: [
    {
      re: new RegExp(String.raw`\b(?:Server|Remote)Certificate(?:Custom)?ValidationCallback\s{0,10}(?:\+?=|\()\s{0,10}(?:new\s{1,5}\w{1,60}\s{0,5}\(\s{0,5})?${LAMBDA}${RETURNS_TRUE}`),
      region: 'code',
      message: MESSAGE,
    },
    {
      re: /\bDangerousAcceptAnyServerCertificateValidator\b/,
      region: 'code',
      message: 'DangerousAcceptAnyServerCertificateValidator accepts every certificate: remove it and trust your CA in the OS store.',
    },
    {
      // `new SslStream(inner, false, (s, cert, chain, errors) => true)` and method groups that return true.
      re: /\(\s{0,5}\w{1,40}\s{0,5},\s{0,5}\w{1,40}\s{0,5},\s{0,5}\w{1,40}\s{0,5},\s{0,5}\w{1,40}\s{0,5}\)\s{0,5}=>\s{0,5}true\b/,
      region: 'code',
      message: (h) =>
        /SslStream|Certificate|SslPolicyErrors|HttpClientHandler/.test(around(h.ctx, h.start, h.end, 200, 0)) ? MESSAGE : undefined,
    },
    {
      re: /\bbool\s{1,5}\w{1,60}\s{0,5}\(\s{0,5}object\??\s{1,5}\w{1,40}\s{0,5},\s{0,5}X509Certificate2?\??\s{1,5}\w{1,40}\s{0,5},\s{0,5}X509Chain\??\s{1,5}\w{1,40}\s{0,5},\s{0,5}SslPolicyErrors\s{1,5}\w{1,40}\s{0,5}\)\s{0,10}(?:=>\s{0,5}true\s{0,5};|\{\s{0,40}return\s{1,5}true\s{0,5};\s{0,40}\})/,
      region: 'code',
      message: MESSAGE,
    },
    {
      // PowerShell: `[Net.ServicePointManager]::ServerCertificateValidationCallback = {$true}`.
      re: /ServerCertificateValidationCallback\s{0,5}=\s{0,5}\{\s{0,5}\$true\s{0,5}\}/i,
      message: MESSAGE,
    },
  ],
  bad: [
    {
      path: 'src/Api/Startup.cs',
      text: 'var handler = new HttpClientHandler\n{\n    ServerCertificateCustomValidationCallback = (message, cert, chain, errors) => true\n};\n',
      count: 1,
    },
    { path: 'src/Legacy/Client.cs', text: 'ServicePointManager.ServerCertificateValidationCallback += (sender, certificate, chain, sslPolicyErrors) => true;\n' },
    { path: 'src/Legacy/Client.cs', text: 'ServicePointManager.ServerCertificateValidationCallback = delegate { return true; };\n' },
    { path: 'src/Api/Http.cs', text: 'handler.ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator;\n' },
    { path: 'src/Mq/Conn.cs', text: 'var ssl = new SslStream(tcp.GetStream(), false, (s, cert, chain, errors) => true);\n' },
    {
      path: 'src/Mq/Conn.cs',
      text: 'private static bool AcceptAll(object sender, X509Certificate certificate, X509Chain chain, SslPolicyErrors errors) { return true; }\n',
    },
    { path: 'deploy/smoke.ps1', text: '[System.Net.ServicePointManager]::ServerCertificateValidationCallback = {$true}\n' },
  ],
  good: [
    {
      path: 'src/Api/Startup.cs',
      text: 'handler.ServerCertificateCustomValidationCallback = (msg, cert, chain, errors) => errors == SslPolicyErrors.None && Pins.Match(cert);\n',
    },
    { path: 'src/Api/Startup.cs', text: '// never: ServerCertificateCustomValidationCallback = (m, c, ch, e) => true\n' },
    { path: 'src/Api/Query.cs', text: 'var all = items.Where((a, b, c, d) => true);\n' },
  ],
});
