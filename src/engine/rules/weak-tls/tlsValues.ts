/**
 * What counts as an old protocol version or a weak cipher, in every spelling the supported
 * languages and configs use, and how to write TLS 1.2 in that same spelling.
 */

/**
 * An old protocol version token: SSLv2/SSLv3, TLS 1.0/1.1 as `TLSv1`, `TLSv1.1`, `TLSv1_0`,
 * `TLS1_1`, `TLS_1_0`, `TLS10`, `tls11`, `VersionTLS10`, `VersionSSL30`, CloudFront's
 * `TLSv1_2016`/`TLSv1.1_2016`. `TLSv1.2`, `TLS1_2`, `TLS12`, `VersionTLS13` are not old.
 */
const OLD_VERSION =
  /^(?:(?:Version)?SSL(?:v|_)?(?:2|3|30|3\.0)|(?:Version)?TLS(?:v|_)?1(?:[._]?[01])?(?:_2016)?)$/i;

export function isOldVersion(token: string): boolean {
  return OLD_VERSION.test(token);
}

/** Modern version tokens, kept when an old one is removed from a list. */
const MODERN_VERSION = /^(?:Version)?TLS(?:v|_)?1[._]?[23]$/i;

export function isModernVersion(token: string): boolean {
  return MODERN_VERSION.test(token);
}

/**
 * `token` raised to TLS 1.2 in the same spelling (`TLSv1` → `TLSv1.2`, `TLS1_0` → `TLS1_2`,
 * `tls10` → `tls12`, `VersionTLS11` → `VersionTLS12`, `1.0` → `1.2`), or `undefined` where the
 * spelling is ambiguous.
 */
export function raiseVersion(token: string): string | undefined {
  if (/^1\.[01]$/.test(token)) return '1.2';
  if (/^TLSv1(?:\.1)?_2016$/i.test(token)) return 'TLSv1.2_2021';
  if (/^SSLv[23]$/i.test(token)) return 'TLSv1.2';
  if (/^VersionSSL30$/.test(token)) return 'VersionTLS12';
  const m = /^((?:Version)?TLS)(v|_)?1(?:([._]?)([01]))?$/i.exec(token);
  if (!m) return undefined;
  const [, prefix, sep = '', minorSep, minor] = m;
  if (minor !== undefined) return `${prefix}${sep}1${minorSep}${minor === '0' || minor === '1' ? '2' : minor}`;
  return sep === 'v' ? `${prefix}v1.2` : undefined;
}

/** OpenSSL cipher-string keywords that switch on weak suites. */
const WEAK_KEYWORD = /^(?:RC4|RC2|DES|3DES|MD5|e?NULL|aNULL|COMPLEMENTOFALL|EXP(?:ORT(?:40|56)?)?|LOW|ADH|AECDH|SSLv2|@SECLEVEL=0)$/i;
/** Suite names (OpenSSL or IANA) with a weak component. */
const WEAK_NAME =
  /RC4|RC2|DES[-_]CBC3|3DES|(?:^|[-_])(?:DES|DES40|NULL|EXP\d{0,4}|EXPORT\d{0,2}|ADH|AECDH|anon)(?:[-_]|$)|[-_]MD5$/i;
/** Tokens a cipher list is made of (keywords, OpenSSL and IANA names, `@SECLEVEL=1`). */
const CIPHERISH =
  /^(?:HIGH|MEDIUM|LOW|ALL|DEFAULT|COMPLEMENTOFDEFAULT|@SECLEVEL=\d|@STRENGTH|SSLv3|TLSv1(?:\.[0-3])?|k?[A-Z0-9]{2,10}(?:[-_][A-Za-z0-9]{1,12}){0,9})$/i;
const KNOWN_PART = /AES|CHACHA|RC4|DES|NULL|EXP|ECDHE?|DHE?|RSA|CAMELLIA|HIGH|MEDIUM|LOW|ALL|DEFAULT|MD5|SHA|PSK|ADH|anon/i;

/**
 * The weak suites a cipher list switches on (tokens prefixed `!` or `-` remove suites, `+`
 * only reorders), or `[]` when the list has none — or does not look like a cipher list.
 */
export function weakCiphers(list: string): string[] {
  const tokens = list.split(/[\s:,;]+/).filter((t) => t.length > 0);
  if (tokens.length === 0) return [];
  // `A+B` is the intersection of A and B: each part must be cipher-like, and one weak part
  // makes it weak.
  const parts = tokens.map((t) => t.replace(/^[!+-]/, '').split('+'));
  if (!parts.every((ps) => ps.every((p) => CIPHERISH.test(p)))) return [];
  if (!parts.some((ps) => ps.some((p) => KNOWN_PART.test(p)))) return [];
  return tokens.filter(
    (t, i) => !/^[!+-]/.test(t) && parts[i].some((p) => WEAK_KEYWORD.test(p) || WEAK_NAME.test(p)),
  );
}

/** True for an IANA suite name (`TLS_RSA_WITH_RC4_128_SHA`) with a weak component. */
export function isWeakSuiteName(name: string): boolean {
  return WEAK_NAME.test(name);
}

/** Mozilla's "intermediate" cipher list (TLS 1.2 suites; TLS 1.3 suites are fixed). */
export const MOZILLA_INTERMEDIATE =
  'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384';

/** The same list in IANA names (Java, Spring, .NET), TLS 1.3 suites first. */
export const MOZILLA_INTERMEDIATE_IANA = [
  'TLS_AES_128_GCM_SHA256',
  'TLS_AES_256_GCM_SHA384',
  'TLS_CHACHA20_POLY1305_SHA256',
  'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256',
  'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256',
];

/** A modern replacement for `list`, in its naming style and with its separator. */
export function modernCipherList(list: string): string {
  const iana = /(?:^|[\s,:])(?:TLS|SSL)_\w{4,}/.test(list);
  if (!iana) return MOZILLA_INTERMEDIATE;
  const sep = /,\s/.test(list) ? ', ' : list.includes(',') ? ',' : ':';
  return MOZILLA_INTERMEDIATE_IANA.join(sep);
}

const FLIP: Record<string, string> = {
  false: 'true',
  true: 'false',
  no: 'yes',
  yes: 'no',
  off: 'on',
  on: 'off',
  '0': '1',
  '1': '0',
};

/** The opposite boolean in the same spelling and case (`False` → `True`, `off` → `on`). */
export function flipBoolean(value: string): string | undefined {
  const flipped = FLIP[value.toLowerCase()];
  if (flipped === undefined) return undefined;
  if (value === value.toUpperCase() && value !== value.toLowerCase()) return flipped.toUpperCase();
  if (value[0] === value[0].toUpperCase() && value[0] !== value[0].toLowerCase()) {
    return flipped[0].toUpperCase() + flipped.slice(1);
  }
  return flipped;
}
