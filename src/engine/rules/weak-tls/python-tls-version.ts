import { replaceFix, tlsRule } from './tlsRule';

/**
 * Python `ssl`/pyOpenSSL settings that allow SSLv3 or TLS 1.0/1.1: `PROTOCOL_TLSv1`,
 * `ssl.TLSVersion.TLSv1` as minimum, `SSL.TLSv1_METHOD`.
 */
export default tlsRule({
  id: 'weak-tls/python-tls-version',
  title: 'Python allows SSLv3 or TLS 1.0/1.1',
  description:
    '`ssl.PROTOCOL_TLSv1`, `PROTOCOL_TLSv1_1`, `minimum_version = ssl.TLSVersion.TLSv1` and pyOpenSSL `TLSv1_METHOD` negotiate protocols deprecated by RFC 8996, with known downgrade and padding attacks. Auditors expect TLS 1.2 as the floor.',
  remediation: 'Use `ssl.create_default_context()` and `ctx.minimum_version = ssl.TLSVersion.TLSv1_2`.',
  severity: 'warning',
  cwe: ['CWE-326', 'CWE-327'],
  keywords: ['protocol_tlsv1', 'protocol_sslv', 'tlsversion.', 'v1_method', 'v3_method', 'v2_method', 'v1_1_method'],
  languages: ['python'],
  patterns: [
    {
      re: /\b(?:ssl\.)?PROTOCOL_(?:SSLv2|SSLv3|TLSv1|TLSv1_1)\b/,
      region: 'code',
      message: (h) => `${h.value} pins a deprecated protocol: use ssl.create_default_context() with minimum_version TLSv1_2.`,
    },
    {
      // Only settings: comparisons (`if ctx.minimum_version in (TLSVersion.TLSv1, …)`) read them.
      re: /\b(minimum_version|maximum_version)['"]?\s{0,10}(?:=(?!=)|:)\s{0,10}(?:ssl\.)?TLSVersion\.(SSLv3|TLSv1|TLSv1_1)\b/,
      region: 'code',
      message: (h) => `${h.m[1]} TLSVersion.${h.m[2]} allows a deprecated protocol: use TLSVersion.TLSv1_2 or newer.`,
      fixes: (h) =>
        h.m[1] === 'minimum_version'
          ? [replaceFix('Raise the minimum to TLSVersion.TLSv1_2', h.m.indices![2][0], h.m.indices![2][1], 'TLSv1_2', true)]
          : [],
    },
    {
      re: /\bSSL\.(?:SSLv2|SSLv3|TLSv1|TLSv1_1)_METHOD\b/,
      region: 'code',
      message: (h) => `pyOpenSSL ${h.value} pins a deprecated protocol: use SSL.TLS_METHOD with set_min_proto_version(SSL.TLS1_2_VERSION).`,
    },
  ],
  bad: [
    {
      path: 'app/tls.py',
      text: 'ctx = ssl.create_default_context()\nctx.minimum_version = ssl.TLSVersion.TLSv1\n',
      fixed: 'ctx = ssl.create_default_context()\nctx.minimum_version = ssl.TLSVersion.TLSv1_2\n',
    },
    { path: 'app/legacy.py', text: 'sock = ssl.wrap_socket(raw, ssl_version=ssl.PROTOCOL_TLSv1)\n' },
    { path: 'app/legacy.py', text: 'context = ssl.SSLContext(ssl.PROTOCOL_TLSv1_1)\n' },
    { path: 'app/ossl.py', text: 'from OpenSSL import SSL\nctx = SSL.Context(SSL.TLSv1_METHOD)\n' },
  ],
  good: [
    { path: 'app/tls.py', text: 'ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)\nctx.minimum_version = ssl.TLSVersion.TLSv1_2\n' },
    { path: 'app/tls.py', text: 'ctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1_2)\n' },
    { path: 'app/tls.py', text: 'if ctx.minimum_version in (ssl.TLSVersion.TLSv1, ssl.TLSVersion.TLSv1_1):\n    log.warning("old")\n' },
    { path: 'app/tls.py', text: '# PROTOCOL_TLSv1 is deprecated, we use create_default_context\n' },
  ],
});
