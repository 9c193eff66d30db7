import { replaceFix, tlsRule } from './tlsRule';

const ALL = ['SSLv3', 'TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];
const OLD = new Set(['sslv2', 'sslv3', 'tlsv1', 'tlsv1.0', 'tlsv1.1']);

/** The protocols an `SSLProtocol` value leaves enabled (`all -SSLv3` still includes TLSv1). */
export function enabledProtocols(value: string): string[] {
  const on = new Set<string>();
  for (const token of value.trim().split(/\s+/)) {
    const sign = /^[+-]/.test(token) ? token[0] : '+';
    const name = token.replace(/^[+-]/, '').toLowerCase();
    const names = name === 'all' ? ALL.map((p) => p.toLowerCase()) : [name];
    for (const n of names) sign === '-' ? on.delete(n) : on.add(n);
  }
  return [...on].filter((p) => OLD.has(p));
}

/**
 * Apache `SSLProtocol` / `SSLProxyProtocol` whose effective set includes SSLv3, TLSv1 or
 * TLSv1.1 (`all -SSLv3` is still TLS 1.0). mod_ssl directives also sit in `*.conf` vhost files.
 */
export default tlsRule({
  id: 'weak-tls/apache-ssl-protocol',
  title: 'Apache allows SSLv3 or TLS 1.0/1.1',
  description:
    '`SSLProtocol all -SSLv3` (a common copy-paste) still enables TLS 1.0 and 1.1; listing `+TLSv1` or `+TLSv1.1` does too. Those protocols are deprecated by RFC 8996 and rejected by auditors and PCI DSS.',
  remediation: 'Use `SSLProtocol all -SSLv3 -TLSv1 -TLSv1.1` (Mozilla intermediate).',
  severity: 'warning',
  cwe: ['CWE-326', 'CWE-327'],
  keywords: ['sslprotocol', 'sslproxyprotocol'],
  languages: ['apache', 'nginx', 'text'],
  patterns: [
    {
      re: /^[ \t]*(SSL(?:Proxy)?Protocol)[ \t]{1,20}([^\n#]{1,200})/im,
      group: 2,
      region: 'code',
      message: (h) => {
        const old = enabledProtocols(h.value);
        return old.length > 0 ? `${h.m[1]} leaves ${old.join(', ')} enabled: use "all -SSLv3 -TLSv1 -TLSv1.1".` : undefined;
      },
      fixes: (h) => {
        const value = h.value.replace(/\s+$/, '');
        return [replaceFix('Allow TLS 1.2+ only', h.start, h.start + value.length, 'all -SSLv3 -TLSv1 -TLSv1.1', true)];
      },
    },
  ],
  bad: [
    {
      path: 'deploy/apache/default-ssl.conf',
      text: '<VirtualHost *:443>\n    SSLEngine on\n    SSLProtocol all -SSLv2 -SSLv3\n</VirtualHost>\n',
      fixed: '<VirtualHost *:443>\n    SSLEngine on\n    SSLProtocol all -SSLv3 -TLSv1 -TLSv1.1\n</VirtualHost>\n',
    },
    { path: 'httpd.conf', text: 'SSLProtocol -all +TLSv1 +TLSv1.1 +TLSv1.2\n' },
    { path: 'httpd.conf', text: 'SSLProxyProtocol all\n' },
  ],
  good: [
    { path: 'httpd.conf', text: 'SSLProtocol all -SSLv3 -TLSv1 -TLSv1.1\n' },
    { path: 'httpd.conf', text: 'SSLProtocol -all +TLSv1.2 +TLSv1.3\n' },
    { path: 'httpd.conf', text: '# SSLProtocol all -SSLv3\nSSLProtocol TLSv1.2\n' },
  ],
});
