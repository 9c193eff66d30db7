import { replaceFix, tlsRule } from './tlsRule';

/**
 * PHP with certificate or host verification off: cURL `CURLOPT_SSL_VERIFYPEER`/`VERIFYHOST`,
 * stream contexts `verify_peer`/`verify_peer_name`/`allow_self_signed`, Guzzle/Symfony
 * `'verify' => false`, Laravel `Http::withoutVerifying()`.
 */
export default tlsRule({
  id: 'weak-tls/php-ssl-verify',
  title: 'PHP certificate verification disabled',
  description:
    '`CURLOPT_SSL_VERIFYPEER => false`, `CURLOPT_SSL_VERIFYHOST => 0`, `verify_peer => false` and Guzzle `verify => false` make PHP accept any certificate (or one for any host), so the connection can be intercepted and credentials read.',
  remediation: 'Set `CURLOPT_SSL_VERIFYPEER => true`, `CURLOPT_SSL_VERIFYHOST => 2`, `verify_peer => true`; point `CURLOPT_CAINFO`/`cafile` at a private CA if you need one.',
  severity: 'error',
  cwe: ['CWE-295', 'CWE-297'],
  keywords: ['curlopt_ssl_verify', 'curlopt_proxy_ssl_verify', 'verify_peer', 'verify_host', 'allow_self_signed', 'verify', 'withoutverifying', 'https_ssl_verify', 'https_local_ssl_verify'],
  languages: ['php'],
  patterns: [
    {
      re: /\bCURLOPT_(?:PROXY_)?SSL_VERIFY(PEER|HOST)\s{0,10}(?:=>|,)\s{0,10}(false|0)\b/i,
      regionGroup: 2,
      message: (h) => `CURLOPT_SSL_VERIFY${h.m[1].toUpperCase()} is off: cURL accepts ${h.m[1].toUpperCase() === 'PEER' ? 'any certificate' : 'a certificate for any host'}.`,
      fixes: (h) => {
        const to = h.m[1].toUpperCase() === 'PEER' ? 'true' : '2';
        return [replaceFix(`Turn it back on (${to})`, h.m.indices![2][0], h.m.indices![2][1], to, true)];
      },
    },
    {
      re: /(['"])(verify_peer|verify_peer_name|verify_host|verify)\1\s{0,10}=>\s{0,10}(false|0)\b/i,
      regionGroup: 3,
      message: (h) => `'${h.m[2]}' => ${h.m[3]} turns TLS verification off: remove it.`,
      fixes: (h) => [replaceFix('Turn verification back on', h.m.indices![3][0], h.m.indices![3][1], 'true', true)],
    },
    {
      re: /(['"])allow_self_signed\1\s{0,10}=>\s{0,10}(true|1)\b/i,
      regionGroup: 2,
      message: "'allow_self_signed' => true accepts self-signed certificates: trust your CA with 'cafile' instead.",
      fixes: (h) => [replaceFix('Refuse self-signed certificates', h.m.indices![2][0], h.m.indices![2][1], 'false', true)],
    },
    {
      re: /\bRequestOptions::VERIFY\s{0,10}=>\s{0,10}(false)\b/i,
      regionGroup: 1,
      message: 'Guzzle verify => false accepts any certificate: remove it.',
      fixes: (h) => [replaceFix('Turn verification back on', h.m.indices![1][0], h.m.indices![1][1], 'true', true)],
    },
    {
      // WordPress: `add_filter('https_ssl_verify', '__return_false')`.
      re: /\badd_filter\s{0,5}\(\s{0,5}(['"])https_(?:local_)?ssl_verify\1\s{0,5},\s{0,5}(['"])__return_false\2/,
      region: 'code',
      message: 'The https_ssl_verify filter returns false: WordPress HTTP calls skip certificate verification. Remove it.',
    },
    {
      re: /\bwithoutVerifying\s{0,5}\(\s{0,5}\)/,
      region: 'code',
      message: 'Http::withoutVerifying() accepts any certificate: remove it.',
    },
  ],
  bad: [
    {
      path: 'src/Payments/Gateway.php',
      text: "curl_setopt($ch, CURLOPT_URL, $url);\ncurl_setopt($ch, CURLOPT_SSL_VERIFYPEER, false);\ncurl_setopt($ch, CURLOPT_SSL_VERIFYHOST, 0);\n",
      fixed: "curl_setopt($ch, CURLOPT_URL, $url);\ncurl_setopt($ch, CURLOPT_SSL_VERIFYPEER, true);\ncurl_setopt($ch, CURLOPT_SSL_VERIFYHOST, 0);\n",
      count: 2,
    },
    {
      path: 'src/Feed.php',
      text: "$ctx = stream_context_create(['ssl' => [\n    'verify_peer' => false,\n    'verify_peer_name' => false,\n]]);\n",
      count: 2,
    },
    {
      path: 'src/Api.php',
      text: "$client = new \\GuzzleHttp\\Client(['base_uri' => $base, 'verify' => false]);\n",
      fixed: "$client = new \\GuzzleHttp\\Client(['base_uri' => $base, 'verify' => true]);\n",
    },
    { path: 'app/Services/Crm.php', text: "$res = Http::withoutVerifying()->get($url);\n" },
    { path: 'src/Opts.php', text: "curl_setopt_array($ch, [CURLOPT_SSL_VERIFYPEER => 0, CURLOPT_RETURNTRANSFER => true]);\n" },
  ],
  good: [
    { path: 'src/Payments/Gateway.php', text: "curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, true);\ncurl_setopt($ch, CURLOPT_SSL_VERIFYHOST, 2);\n" },
    { path: 'src/Api.php', text: "$client = new Client(['verify' => '/etc/ssl/private-ca.pem']);\n" },
    { path: 'src/Api.php', text: "// 'verify' => false is only for local dev, never commit it\n" },
    { path: 'src/Signup.php', text: "$rules = ['email' => 'required', 'verify' => 'boolean'];\n" },
  ],
});
