import type { TlsHit } from './tlsRule';
import { replaceFix, tlsRule } from './tlsRule';
import { isOldVersion } from './tlsValues';

/** JavaMail, Kafka and JSSE property names whose values weaken TLS. */
const KEY = String.raw`mail\.(?:smtps?|imaps?|pop3s?)\.ssl\.(?:trust|protocols|checkserveridentity)|ssl\.endpoint\.identification\.algorithm|(?:[\w-]{1,40}\.){0,4}ssl\.(?:enabled\.protocols|protocol)`;

/** What `key = value` does, or undefined when it is safe. */
function judge(key: string, value: string): { message: string; error: boolean } | undefined {
  const k = key.toLowerCase();
  const v = value.trim();
  if (k.endsWith('.ssl.trust')) {
    return v === '*' ? { message: `${key} = "*" trusts any certificate the mail server presents: name the server host, or remove it.`, error: true } : undefined;
  }
  if (k.endsWith('checkserveridentity')) {
    return /^false$/i.test(v) ? { message: `${key} = false turns JavaMail host name verification off: set it to true.`, error: true } : undefined;
  }
  if (k === 'ssl.endpoint.identification.algorithm') {
    return v === '' ? { message: 'An empty ssl.endpoint.identification.algorithm turns Kafka host name verification off: set it to "https".', error: true } : undefined;
  }
  const old = v.split(/[\s,]+/).filter(isOldVersion);
  return old.length > 0 ? { message: `${key} enables ${old.join(', ')}, deprecated protocols: allow TLSv1.2 and TLSv1.3 only.`, error: false } : undefined;
}

function message(h: TlsHit): string | undefined {
  return judge(h.m[1], h.m[2])?.message;
}

/**
 * TLS weakened through string-keyed properties in JVM code: `props.put("mail.smtp.ssl.trust", "*")`,
 * `"mail.smtp.ssl.checkserveridentity", "false"`, `"mail.smtp.ssl.protocols", "TLSv1"`,
 * Kafka `"ssl.endpoint.identification.algorithm", ""`, `"ssl.enabled.protocols", "TLSv1"` —
 * in `put`/`setProperty`/`put(…)` calls and Kotlin `props["…"] = "…"`.
 */
export default tlsRule({
  id: 'weak-tls/jvm-ssl-properties',
  title: 'JavaMail or Kafka client property weakens TLS',
  description:
    'JavaMail and Kafka clients read their TLS settings from string properties. `mail.smtp.ssl.trust = "*"` accepts any certificate, `checkserveridentity = false` and an empty `ssl.endpoint.identification.algorithm` skip host name checks, and protocol lists with TLSv1/TLSv1.1 allow deprecated protocols — so mail credentials and event streams can be intercepted.',
  remediation:
    'Set `mail.smtp.ssl.trust` to the server host (or leave it unset), `checkserveridentity` to true, `ssl.endpoint.identification.algorithm` to `https`, and protocol lists to `TLSv1.2 TLSv1.3`.',
  severity: 'warning',
  cwe: ['CWE-295', 'CWE-326'],
  keywords: ['.ssl.trust', 'checkserveridentity', 'endpoint.identification', 'ssl.protocols', 'ssl.enabled.protocols', 'ssl.protocol'],
  languages: ['java', 'kotlin', 'scala'],
  patterns: [
    {
      // `put("key", "value")`, `setProperty("key", "value")`, `Map.entry("key", "value")`, `"key" to "value"`.
      re: new RegExp(String.raw`"(${KEY})"\s{0,5}(?:,|\bto\b)\s{0,5}"([^"\n]{0,200})"`),
      regionGroup: 1,
      message,
      fixes: (h) => {
        const v = judge(h.m[1], h.m[2]);
        if (!v || !h.m[1].toLowerCase().endsWith('checkserveridentity')) return [];
        const at = h.m.indices![2];
        return [replaceFix('Check the server identity (true)', at[0], at[1], 'true', true)];
      },
    },
    {
      // Kotlin / Groovy index assignment: `props["mail.smtp.ssl.trust"] = "*"`.
      re: new RegExp(String.raw`\[\s{0,5}"(${KEY})"\s{0,5}\]\s{0,5}=\s{0,5}"([^"\n]{0,200})"`),
      regionGroup: 1,
      message,
    },
  ],
  postProcess: (matches) =>
    matches.map((m) => (/trusts any certificate|host name/.test(m.message ?? '') ? { ...m, severity: 'error' as const } : m)),
  bad: [
    {
      path: 'src/main/java/com/acme/Mail.java',
      text: 'Properties props = new Properties();\nprops.put("mail.smtp.ssl.trust", "*");\nprops.put("mail.smtp.ssl.protocols", "TLSv1");\n',
      count: 2,
    },
    {
      path: 'src/main/java/com/acme/Mail.java',
      text: 'props.put("mail.smtp.ssl.checkserveridentity", "false");\n',
      fixed: 'props.put("mail.smtp.ssl.checkserveridentity", "true");\n',
    },
    { path: 'src/main/java/com/acme/Events.java', text: 'props.put("ssl.endpoint.identification.algorithm", "");\n' },
    { path: 'src/main/kotlin/com/acme/Mail.kt', text: 'props["mail.smtps.ssl.trust"] = "*"\n' },
  ],
  good: [
    {
      path: 'src/main/java/com/acme/Mail.java',
      text: 'props.put("mail.smtp.ssl.trust", "smtp.acme.io");\nprops.put("mail.smtp.ssl.protocols", "TLSv1.2 TLSv1.3");\nprops.put("mail.smtp.ssl.checkserveridentity", "true");\n',
    },
    { path: 'src/main/java/com/acme/Events.java', text: 'props.put("ssl.endpoint.identification.algorithm", "https");\n' },
    { path: 'src/main/java/com/acme/Mail.java', text: '// props.put("mail.smtp.ssl.trust", "*");\n' },
  ],
});
