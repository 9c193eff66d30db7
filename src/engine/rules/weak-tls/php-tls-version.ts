import { replaceFix, tlsRule } from './tlsRule';

/** PHP cURL `CURLOPT_SSLVERSION` and stream `crypto_method` values for SSL or TLS 1.0/1.1. */
export default tlsRule({
  id: 'weak-tls/php-tls-version',
  title: 'PHP allows SSL or TLS 1.0/1.1',
  description:
    '`CURL_SSLVERSION_TLSv1` (meaning "1.0 or later"), `_TLSv1_0`, `_TLSv1_1`, `_SSLv3` and the stream crypto methods of the same versions let PHP negotiate protocols deprecated by RFC 8996. Auditors expect TLS 1.2 as the floor.',
  remediation: 'Use `CURL_SSLVERSION_TLSv1_2` and `STREAM_CRYPTO_METHOD_TLSv1_2_CLIENT` (or newer).',
  severity: 'warning',
  cwe: ['CWE-326', 'CWE-327'],
  keywords: ['curl_sslversion_', 'curlopt_sslversion', 'stream_crypto_method_'],
  languages: ['php'],
  patterns: [
    {
      re: /\bCURL_SSLVERSION_(?:SSLv2|SSLv3|TLSv1|TLSv1_0|TLSv1_1)\b/,
      region: 'code',
      message: (h) => `${h.value} allows a deprecated protocol: use CURL_SSLVERSION_TLSv1_2.`,
      fixes: (h) => [replaceFix('Use CURL_SSLVERSION_TLSv1_2', h.start, h.end, 'CURL_SSLVERSION_TLSv1_2', true)],
    },
    {
      re: /\bCURLOPT_SSLVERSION\s{0,10}(?:=>|,)\s{0,10}([1-5])\b/,
      group: 1,
      region: 'code',
      message: (h) => `CURLOPT_SSLVERSION ${h.value} allows SSL or TLS 1.0/1.1: use CURL_SSLVERSION_TLSv1_2.`,
      fixes: (h) => [replaceFix('Use CURL_SSLVERSION_TLSv1_2', h.start, h.end, 'CURL_SSLVERSION_TLSv1_2', true)],
    },
    {
      re: /\bSTREAM_CRYPTO_METHOD_(?:SSLv2|SSLv3|SSLv23|TLSv1_0|TLSv1_1)_(CLIENT|SERVER)\b/,
      region: 'code',
      message: (h) => `${h.value} allows a deprecated protocol: use STREAM_CRYPTO_METHOD_TLSv1_2_${h.m[1]}.`,
      fixes: (h) => [replaceFix('Use TLS 1.2', h.start, h.end, `STREAM_CRYPTO_METHOD_TLSv1_2_${h.m[1]}`, true)],
    },
  ],
  bad: [
    {
      path: 'src/Legacy.php',
      text: "curl_setopt($ch, CURLOPT_SSLVERSION, CURL_SSLVERSION_TLSv1);\n",
      fixed: "curl_setopt($ch, CURLOPT_SSLVERSION, CURL_SSLVERSION_TLSv1_2);\n",
    },
    { path: 'src/Legacy.php', text: "curl_setopt($ch, CURLOPT_SSLVERSION, 3);\n", fixed: "curl_setopt($ch, CURLOPT_SSLVERSION, CURL_SSLVERSION_TLSv1_2);\n" },
    {
      path: 'src/Mail.php',
      text: "stream_socket_enable_crypto($fp, true, STREAM_CRYPTO_METHOD_TLSv1_0_CLIENT);\n",
      fixed: "stream_socket_enable_crypto($fp, true, STREAM_CRYPTO_METHOD_TLSv1_2_CLIENT);\n",
    },
  ],
  good: [
    { path: 'src/Legacy.php', text: "curl_setopt($ch, CURLOPT_SSLVERSION, CURL_SSLVERSION_TLSv1_2);\n" },
    { path: 'src/Legacy.php', text: "curl_setopt($ch, CURLOPT_SSLVERSION, 6);\n" },
    { path: 'src/Mail.php', text: "stream_socket_enable_crypto($fp, true, STREAM_CRYPTO_METHOD_TLSv1_3_CLIENT);\n" },
  ],
});
