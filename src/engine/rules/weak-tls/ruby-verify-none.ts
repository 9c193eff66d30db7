import { around, replaceFix, tlsRule } from './tlsRule';
import { flipFix } from './tlsFixes';

/**
 * Ruby clients with certificate verification off: `OpenSSL::SSL::VERIFY_NONE` (Net::HTTP,
 * OpenSSL contexts), Faraday `ssl: { verify: false }`, HTTParty `verify: false`, RestClient
 * `verify_ssl: false`, Excon `ssl_verify_peer: false`.
 */
export default tlsRule({
  id: 'weak-tls/ruby-verify-none',
  title: 'Ruby certificate verification disabled',
  description:
    '`OpenSSL::SSL::VERIFY_NONE` and the HTTP-client options built on it (`verify: false`, `verify_ssl: false`, `ssl_verify_peer: false`) accept any certificate, so the connection can be intercepted by anyone on the network path.',
  remediation: 'Use `OpenSSL::SSL::VERIFY_PEER` (the default) and point `ca_file` at your private CA if you have one.',
  severity: 'error',
  cwe: ['CWE-295'],
  keywords: ['verify_none', 'verify:', 'verify =>', 'verify_ssl', 'ssl_verify'],
  languages: ['ruby'],
  patterns: [
    {
      re: /\bOpenSSL::SSL::VERIFY_NONE\b/,
      region: 'code',
      message: (h) =>
        /(?:==|!=|\bwhen)\s*$/.test(h.ctx.text.slice(Math.max(0, h.start - 20), h.start))
          ? undefined
          : 'VERIFY_NONE accepts any certificate: use OpenSSL::SSL::VERIFY_PEER.',
      fixes: (h) => [replaceFix('Verify the peer (VERIFY_PEER)', h.start, h.end, 'OpenSSL::SSL::VERIFY_PEER', true)],
    },
    {
      re: /\b(verify_ssl|ssl_verify_peer|ssl_verify)\b\]?\s{0,10}(?::|=>|=)\s{0,10}(false)\b/,
      region: 'code',
      message: (h) => `${h.m[1]}: false accepts any certificate: remove it.`,
      fixes: (h) => flipFix('Turn certificate verification back on', h.m.indices![2][0], h.m.indices![2][1], 'false'),
    },
    {
      // `verify: false` means TLS only next to `ssl:` (Faraday) or in HTTParty calls.
      re: /(?::verify\s{0,10}=>|\bverify:)\s{0,10}(false)\b/,
      region: 'code',
      message: (h) =>
        /ssl|httparty|\.(?:get|post|put|patch|delete|head)\b/i.test(around(h.ctx, h.start, h.end, 200, 0))
          ? 'verify: false accepts any certificate: remove it.'
          : undefined,
      fixes: (h) => flipFix('Turn certificate verification back on', h.m.indices![1][0], h.m.indices![1][1], 'false'),
    },
  ],
  bad: [
    {
      path: 'lib/payments/client.rb',
      text: 'http = Net::HTTP.new(uri.host, uri.port)\nhttp.use_ssl = true\nhttp.verify_mode = OpenSSL::SSL::VERIFY_NONE\n',
      fixed: 'http = Net::HTTP.new(uri.host, uri.port)\nhttp.use_ssl = true\nhttp.verify_mode = OpenSSL::SSL::VERIFY_PEER\n',
    },
    {
      path: 'lib/crm.rb',
      text: "conn = Faraday.new(url: base, ssl: { verify: false }) do |f|\n  f.request :json\nend\n",
      fixed: "conn = Faraday.new(url: base, ssl: { verify: true }) do |f|\n  f.request :json\nend\n",
    },
    { path: 'lib/crm.rb', text: "response = HTTParty.get(url, headers: h, verify: false)\n" },
    { path: 'lib/legacy.rb', text: "RestClient::Resource.new(url, verify_ssl: false)\n" },
  ],
  good: [
    { path: 'lib/payments/client.rb', text: 'http.verify_mode = OpenSSL::SSL::VERIFY_PEER\n' },
    { path: 'app/models/user.rb', text: 'validates :email, presence: true, verify: false\n' },
    { path: 'lib/check.rb', text: 'raise "insecure" if http.verify_mode == OpenSSL::SSL::VERIFY_NONE\n' },
  ],
});
