import { replaceFix, tlsRule } from './tlsRule';

/** Ruby `ssl_version = :TLSv1`, `min_version = OpenSSL::SSL::TLS1_VERSION` and friends. */
export default tlsRule({
  id: 'weak-tls/ruby-tls-version',
  title: 'Ruby allows SSLv3 or TLS 1.0/1.1',
  description:
    '`ssl_version = :TLSv1` / `:SSLv3` or a `min_version` of `TLS1_VERSION`/`TLS1_1_VERSION` let Net::HTTP and OpenSSL contexts negotiate protocols deprecated by RFC 8996. Auditors expect TLS 1.2 as the floor.',
  remediation: 'Set `min_version = OpenSSL::SSL::TLS1_2_VERSION` (or `ssl_version = :TLSv1_2`).',
  severity: 'warning',
  cwe: ['CWE-326', 'CWE-327'],
  keywords: ['ssl_version', 'min_version', 'tls1_version', 'tls1_1_version', 'ssl3_version', 'sslcontext.new'],
  languages: ['ruby'],
  patterns: [
    {
      re: /\bssl_version\b\]?\s{0,10}(?:=|:|=>)\s{0,10}(:|['"])?(SSLv2|SSLv3|TLSv1|TLSv1_1)\b['"]?/,
      region: 'code',
      message: (h) => `ssl_version ${h.m[2]} pins a deprecated protocol: use TLSv1_2.`,
      fixes: (h) => [replaceFix('Use TLSv1_2', h.m.indices![2][0], h.m.indices![2][1], 'TLSv1_2', true)],
    },
    {
      re: /\bSSLContext\.new\s{0,5}\(\s{0,5}(?::|['"])(SSLv2|SSLv3|TLSv1|TLSv1_1)\b/,
      region: 'code',
      message: (h) => `SSLContext.new(:${h.m[1]}) pins a deprecated protocol: use :TLSv1_2.`,
      fixes: (h) => [replaceFix('Use TLSv1_2', h.m.indices![1][0], h.m.indices![1][1], 'TLSv1_2', true)],
    },
    {
      re: /\b(?:min_version|max_version)\b\]?\s{0,10}(?:=|:|=>)\s{0,10}(?:OpenSSL::SSL::(SSL2_VERSION|SSL3_VERSION|TLS1_VERSION|TLS1_1_VERSION)|:(TLS1|TLS1_1|SSL3))\b/,
      region: 'code',
      message: (h) => `${h.m[1] ?? h.m[2]} allows a deprecated protocol: use TLS1_2_VERSION.`,
      fixes: (h) => {
        if (!h.value.startsWith('min_version')) return [];
        const g = h.m[1] !== undefined ? 1 : 2;
        const to = g === 1 ? 'TLS1_2_VERSION' : 'TLS1_2';
        return [replaceFix(`Raise the minimum to ${to}`, h.m.indices![g][0], h.m.indices![g][1], to, true)];
      },
    },
  ],
  bad: [
    {
      path: 'lib/gateway.rb',
      text: 'http = Net::HTTP.new(host, 443)\nhttp.use_ssl = true\nhttp.ssl_version = :TLSv1\n',
      fixed: 'http = Net::HTTP.new(host, 443)\nhttp.use_ssl = true\nhttp.ssl_version = :TLSv1_2\n',
    },
    {
      path: 'lib/gateway.rb',
      text: 'ctx = OpenSSL::SSL::SSLContext.new\nctx.min_version = OpenSSL::SSL::TLS1_VERSION\n',
      fixed: 'ctx = OpenSSL::SSL::SSLContext.new\nctx.min_version = OpenSSL::SSL::TLS1_2_VERSION\n',
    },
    { path: 'lib/gateway.rb', text: 'Faraday.new(url, ssl: { min_version: :TLS1_1 })\n' },
  ],
  good: [
    { path: 'lib/gateway.rb', text: 'http.ssl_version = :TLSv1_2\nctx.min_version = OpenSSL::SSL::TLS1_2_VERSION\n' },
    { path: 'lib/gateway.rb', text: '# http.ssl_version = :TLSv1  (old Windows servers)\n' },
  ],
});
