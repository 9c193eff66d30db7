import { replaceFix, tlsRule, type TlsHit } from './tlsRule';

const OLD = new Set(['Ssl2', 'Ssl3', 'Tls', 'Tls11', 'Default']);

function members(expr: string): { type: string; name: string }[] {
  return [...expr.matchAll(/(SslProtocols|SecurityProtocolType)(?:\.|\]::)(\w{1,20})/g)].map((m) => ({ type: m[1], name: m[2] }));
}

function message(h: TlsHit): string | undefined {
  if (/~\s*\(?\s*$/.test(h.ctx.text.slice(Math.max(0, h.start - 10), h.start))) return undefined;
  if (/(?:==|!=|HasFlag\s*\(|[^&]&\s*\(?)\s*$/.test(h.ctx.text.slice(Math.max(0, h.start - 20), h.start))) return undefined;
  const old = members(h.value).filter((m) => OLD.has(m.name));
  return old.length === 0 ? undefined : `${old.map((m) => `${m.type}.${m.name}`).join(', ')} allows a deprecated protocol: use Tls12/Tls13.`;
}

/** The expression with its old members removed (Tls12 when none remain). */
function fixes(h: TlsHit) {
  // PowerShell `[Net.SecurityProtocolType]::Tls` has its own syntax: the message says what to use.
  if (h.value.includes(']::')) return [];
  const all = members(h.value);
  const kept = [...new Set(all.filter((m) => !OLD.has(m.name)).map((m) => `${m.type}.${m.name}`))];
  const text = kept.length > 0 ? kept.join(' | ') : `${all[0].type}.Tls12`;
  return [replaceFix(`Use ${text}`, h.start, h.end, text, true)];
}

/** .NET `SslProtocols`/`SecurityProtocolType` values that enable SSL 2/3 or TLS 1.0/1.1. */
export default tlsRule({
  id: 'weak-tls/csharp-ssl-protocols',
  title: '.NET allows SSL or TLS 1.0/1.1',
  description:
    '`SslProtocols.Ssl3`, `Tls`, `Tls11` (and `SslProtocols.Default`, which means SSL3 + TLS 1.0) or the same `SecurityProtocolType` members enable protocols deprecated by RFC 8996. Auditors expect TLS 1.2 as the floor; the OS default (`SslProtocols.None`) is usually best.',
  remediation: 'Use `SslProtocols.Tls12 | SslProtocols.Tls13` (or leave the OS default).',
  severity: 'warning',
  cwe: ['CWE-326', 'CWE-327'],
  keywords: ['sslprotocols.', 'securityprotocoltype.', 'sslprotocols]::', 'securityprotocoltype]::'],
  languages: ['csharp', 'powershell'],
  patterns: [
    {
      // C# `SslProtocols.Tls | SslProtocols.Tls11`; PowerShell `[Net.SecurityProtocolType]::Tls -bor …`.
      re: /(?:(?:SslProtocols|SecurityProtocolType)(?:\.|\]::)\w{2,20}\s{0,5}(?:\||-bor|,)\s{0,5}\[?(?:System\.)?(?:Net\.|Security\.Authentication\.)?){0,6}(?:SslProtocols|SecurityProtocolType)(?:\.|\]::)\w{2,20}/,
      region: 'code',
      message,
      fixes,
    },
  ],
  bad: [
    { path: 'deploy/agent.ps1', text: '[Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls\n' },
    {
      path: 'src/Legacy/Boot.cs',
      text: 'ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls | SecurityProtocolType.Tls11 | SecurityProtocolType.Tls12;\n',
      fixed: 'ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12;\n',
      count: 1,
    },
    {
      path: 'src/Mq/Conn.cs',
      text: 'await ssl.AuthenticateAsClientAsync(host, null, SslProtocols.Tls11, false);\n',
      fixed: 'await ssl.AuthenticateAsClientAsync(host, null, SslProtocols.Tls12, false);\n',
    },
    { path: 'src/Api/Kestrel.cs', text: 'o.SslProtocols = SslProtocols.Ssl3 | SslProtocols.Tls12 | SslProtocols.Tls13;\n' },
  ],
  good: [
    { path: 'deploy/agent.ps1', text: '[Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12\n' },
    { path: 'src/Api/Kestrel.cs', text: 'o.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;\n' },
    { path: 'src/Legacy/Boot.cs', text: 'ServicePointManager.SecurityProtocol &= ~SecurityProtocolType.Tls;\n' },
    { path: 'src/Legacy/Boot.cs', text: 'if (stream.SslProtocol == SslProtocols.Tls) log.Warn("old client");\n' },
  ],
});
