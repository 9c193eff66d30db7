/**
 * Setting names (compared without case and separators, see `normalizeKey`) that switch TLS
 * verification off, and the values that do it. Suffix matches: `http.sslVerify` ends in
 * `sslverify`, `tls_config.insecure_skip_verify` in `insecureskipverify`.
 */

/** Keys that disable verification when set to false / no / off / 0. */
const OFF_WHEN_FALSE =
  /(?:sslverify|verifyssl|tlsverify|verifytls|verifycerts?|verifycertificates?|verifypeer|verifyhost|verifyhostname|verifyservercert(?:ificate)?|sslverifypeer|sslverifyhost|sslcertverify|certverify|certificateverification|hostnameverification|tlsverification|sslverification|validate(?:server|peer|ssl|tls)?certs?|validate(?:server|peer|ssl|tls)?certificates?|strictssl|checkhostname|checkcertificates?|rejectunauthorized|verifysslcerts?|verifysslcertificates?|hostnameverificationenabled|enablehostnameverification|sslverifyservercert|verifyservercertificate|verifycertificate|sslvalidate|tlsvalidate|verifyservercertificate|verifyoutgoing|verifyserverhostname)$/;

/** Keys that disable verification when set to true / yes / on / 1. */
const OFF_WHEN_TRUE =
  /(?:insecureskip(?:tls)?verify|skip(?:tls|ssl|cert|certificate)verif(?:y|ication)|(?:tls|ssl)skipverify|(?:tls|ssl)insecure(?:skipverify)?|insecure(?:ssl|tls)|disable(?:ssl|tls|cert|certificate)verif(?:y|ication)|disable(?:ssl|tls)certverif(?:y|ication)|trustall(?:certs?|certificates)?|acceptany(?:cert|certificate)s?|acceptall(?:cert|certificate)s?|allowselfsigned(?:certs?|certificates?)?|acceptinvalidcerts?|acceptinvalidcertificates?|acceptselfsigned(?:certs?|certificates?)?|ignore(?:ssl|tls|cert|certificate)(?:errors?|validation)|ignorecerts?|ignorecertificates?|disabletls|nocheckcertificate|allowinsecure(?:tls|ssl)|tlsskipverifyinsecure|(?:tls|ssl)?allowinvalid(?:certs?|certificates|hostnames?)|allowunverified(?:ssl|tls|certs?|certificates)?|(?:tls|ssl)allowall|trustservercertificate|acceptinvalidhostnames?)$/;

/** Keys whose value names a verification mode, and the modes that mean "no check". */
const MODES: [RegExp, RegExp][] = [
  [/(?:verificationmode|verifymode|sslcertreqs|certreqs)$/, /^(?:none|cert_none|verify_none)$/i],
  [/sslaccept$/, /^accept_invalid_certs$/i],
  [/certvalidation$/, /^ignore$/i],
  [/tlsreqcert$/, /^(?:never|allow)$/i],
  // RabbitMQ `ssl_options.verify = verify_none`, Erlang/Elixir `verify: :verify_none`.
  [/verify$/, /^:?verify_none$/i],
];

const FALSE = /^(?:false|no|off|0|disabled?)$/i;
const TRUE = /^(?:true|yes|on|1|enabled?)$/i;

/** How `key = value` weakens verification: 'off' (a boolean), 'mode' (a named mode) or undefined. */
export function verificationOff(key: string, value: string, language: string): 'off' | 'mode' | undefined {
  if (OFF_WHEN_FALSE.test(key) && FALSE.test(value)) return 'off';
  if (OFF_WHEN_TRUE.test(key) && TRUE.test(value)) return 'off';
  // Terraform providers (kubernetes, helm, rancher2) spell it `insecure = true`.
  if (language === 'terraform' && key === 'insecure' && TRUE.test(value)) return 'off';
  return MODES.some(([k, v]) => k.test(key) && v.test(value)) ? 'mode' : undefined;
}

/** Whether `key` is a bare `verify`, which means TLS only inside an ssl/tls block. */
export function isBareVerify(key: string, value: string): boolean {
  return key === 'verify' && FALSE.test(value);
}
