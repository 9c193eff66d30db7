import { entropy, isDocumentedExample, isEnvLookup, isHashLike, isPlaceholder } from '../../heuristics';
import { decodeBase64, isMixed, looksFake } from './util';

/**
 * Shared judgement of "is this value a real secret?" for the generic rules: what a name
 * looks like (password vs. key/token) and what a value looks like (label, reference, prose,
 * hash format, path, random string).
 */

/** Words that make a name secret-like, matched case-insensitively inside identifiers. */
export const SECRET_WORD =
  /passw(?:or)?d|passphrase|pwd|\bpass\b|secret|token|credential|api[_-]?key|apikey|(?:access|private|signing|encryption|master|client|app|license|consumer|account|hmac|jwt|session|auth|crypt|cipher|aes|shared|webhook|service|admin|root)[_-]?key|db[_-]?pass|_pass\b|erlang[_-]?cookie|sonar[._-]login/gi;

/** Split an identifier into lower-case words (camelCase, snake_case, kebab-case, dotted). */
export function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

const NOT_A_VALUE_SUFFIX = new Set(
  'end start begin re rx chars separator delimiter mgr realm namespace ns url uri urls endpoint path file filename files dir directory name names type types field fields label placeholder hint length len min max minlength maxlength regex regexp pattern policy policies expiry expires expiration expiresin ttl timeout count header headers prefix suffix format mode enabled required error errors message messages msg text title prompt input id ids hash hashed digest rotation strength reset confirm confirmation validation validator validators provider store manager ref version scope scopes kind class limit size attempts lifetime duration interval period at date time status state column param parameter location env var variable arn storage cache bytes bits algorithm alg algo method endpoint issuer audience type key_id keyid index count schema rules rule template hint option options config settings setting generator encoder decoder service holder helper handler factory strategy callback fn func function property attribute attr selector element button link route usage visible visibility toggle'.split(
    ' ',
  ),
);
const NOT_A_VALUE_PREFIX = new Set(
  'is has show hide use should can get fetch load read on handle validate check reset forgot change update toggle new old confirm current verify require requires enable disable no allow num max min generate create rotate revoke parse encode decode hash compare match save'.split(
    ' ',
  ),
);

/** Cached for names that are neither kind (one `get` answers both cases). */
const NO_KIND = 'none';
const kindCache = new Map<string, 'password' | 'key' | typeof NO_KIND>();

/** The kind of secret a name announces, or undefined when the name is not secret-like. */
export function secretKind(name: string): 'password' | 'key' | undefined {
  // Names repeat a lot within and across files (token, apiKey, password): memoise, bounded.
  const cached = kindCache.get(name);
  if (cached !== undefined) return cached === NO_KIND ? undefined : cached;
  const kind = computeSecretKind(name);
  if (kindCache.size > 5000) kindCache.clear();
  kindCache.set(name, kind ?? NO_KIND);
  return kind;
}

function computeSecretKind(name: string): 'password' | 'key' | undefined {
  // Named credentials whose words say nothing secret: RabbitMQ's Erlang cookie, SonarQube's token.
  if (/erlang[_-]?cookie$|sonar[._-]login$/i.test(name)) return 'key';
  const last = name.split(/[.[\]'"]/).filter(Boolean).pop() ?? name;
  const words = wordsOf(last);
  if (words.length === 0) return undefined;
  if (NOT_A_VALUE_SUFFIX.has(words[words.length - 1])) return undefined;
  if (words.length > 1 && NOT_A_VALUE_PREFIX.has(words[0])) return undefined;
  if (words.some((w) => /^(?:public|publishable|pub|csrf|xsrf|anon|nonce|cursor|pagination|page|next|continuation|sync|tokenizer|tokenize|tokenized|tokenization|tokens|test|testing|dummy|fake|example|sample|mock|demo|placeholder|invalid|bogus|wrong|bad)$/.test(w))) {
    return undefined;
  }
  const joined = words.join('_');
  if (/passw(?:or)?d|passphrase|(?:^|_)pwd(?:_|$)|(?:^|_)pass(?:_|$)/.test(joined)) return 'password';
  if (/secret|token|credential|api_?key|apikey|(?:^|_)[a-z]*_?key$|(?:^|_)key(?:_|$)/.test(joined)) return 'key';
  return undefined;
}

/**
 * Whether `value` (assigned to a name of `kind`) looks like a real secret rather than a
 * placeholder, reference, label, prose, path, number or hash format.
 */
export function isSecretValue(value: string, kind: 'password' | 'key', name: string): boolean {
  const v = value.trim();
  if (v.length < (kind === 'password' ? 6 : 8) || v.length > 400) return false;
  if (/\s/.test(v)) return false; // prose, i18n strings, commands
  // Every test below only rules the value out, so their order is free: the cheap anchored
  // shapes that decide most candidates (references, words, numbers, slugs) come first.
  if (/^(?:var|local|module|data|each|self|this|params|props|state|args|request|req|config|settings|env|secrets|inputs|vars|steps|needs|values|context)\.[\w.[\]'"-]+$/.test(v)) return false;
  if (/^(?:true|false|null|none|nil|undefined|yes|no|on|off)$/i.test(v) || /^[\d.,:-]+$/.test(v)) return false;
  if (/^[a-z]+(?:[_\-.:/][a-z]+)*$/.test(v) || /^[A-Z][a-z]+$/.test(v) || /^[A-Z0-9]+(?:_[A-Z0-9]+)+$/.test(v)) return false;
  if (/^[a-z]+(?:[A-Z][a-z]+)+$/.test(v) || /^[A-Za-z]+(?:-[A-Za-z]+)+$/.test(v)) return false;
  // Slugs and labels (`account-595`, `shipping-export-42`): words and short numbers, not random.
  if (kind === 'key' && /^[a-z0-9]+(?:[-_.:][a-z0-9]+)+$/.test(v) && v.split(/[-_.:]/).every((p) => /^\d{1,6}$/.test(p) || (/^[a-z]{3,}$/.test(p) && /[aeiouy]/.test(p)))) {
    return false;
  }
  if (isPlaceholder(v) || isDocumentedExample(v) || looksFake(v) || isEnvLookup(v)) return false;
  if (/\(\?[:=!<]|\\[sdwbSDWB]|\[\^|\[[a-z0-9]-[a-z0-9]\]/.test(v)) return false; // regular expressions
  if (hasSequentialRun(v, 5) && v.length < 24) return false; // hand-made: ABC12345, key-abcdef
  // Code, not data (minified sources): method calls, keywords, arrows, boolean operators.
  if (/[A-Za-z_$][\w$]*\.[A-Za-z_$][\w$]*[(=]|\b(?:function|return|null|undefined|this)\b[^A-Za-z]|=>|&&|\|\|/.test(v)) return false;
  if (/^(?:[\^~]|[<>]=?|=)?\s?v?\d+\.\d+(?:\.\d+)?(?:-[\w.]+)?$|^(?:latest|workspace:\S*|npm:\S+|file:\S+|link:\S+)$/.test(v)) return false; // versions
  if (/[$%]\{|\$\(|\{\{|\}\}|\{[\w.]{0,40}\}|%[sd]|^\$\w|^%\w+%$|^ENC[([]|^!|^&|^\*\w|^vault:|^arn:|^projects\/|^secretsmanager|^ssm:|^op:\/\/|^keyvault|^sm:\/\//i.test(v)) return false;
  if (/^\$(?:2[aby]?|argon2i?d?|pbkdf2|scrypt|sha\d{1,3}|\d)\$|^pbkdf2_sha\d+\$|^\{(?:SSHA|SHA|bcrypt)\}/i.test(v)) return false;
  if (/^(?:https?|file):\/\/|^[./~]{1,2}\/|^[A-Za-z]:\\|\.(?:pem|key|json|p12|pfx|crt|txt|ya?ml|env|jks|keystore)$/i.test(v)) return false;
  // Configuration key paths (`Smtp:Password`, `Jwt.SigningKey`, `ConnectionStrings:Default`).
  if (/^[A-Z]?[a-z]+(?:[A-Z][a-z]+){0,3}(?:[:./][A-Z]?[a-z]+(?:[A-Z][a-z]+){0,3}){1,4}$/.test(v)) return false;
  if (wordsOf(v).join('') === wordsOf(name).join('')) return false;
  // Identifiers and event names made of words (FlowPasswordRequiredV2, msal:acquireTokenStart).
  const parts = wordsOf(v);
  if (
    parts.length >= 2 &&
    parts.every((w) => /^[a-z]+\d{0,3}$/.test(w)) &&
    parts.join('').length >= 3 * parts.length &&
    parts.filter((w) => /[aeiouy]/.test(w)).length >= 0.75 * parts.length &&
    /^[A-Za-z0-9_.:/-]+$/.test(v)
  ) {
    return false;
  }
  if (/^\/[\w.-]+(?:\/[\w.{}:-]*)+$/.test(v)) return false; // URL paths
  if (/^_[a-z0-9_]+$/.test(v) || /^[a-z]+[-_][0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/i.test(v)) return false; // private identifiers, prefixed UUIDs
  if (isKnownHashConstant(v)) return false;
  if (/^(?:p[a@]ssw[o0]rd|secret|token|admin|letmein|welcome|qwerty|changeme|default|guest)[\W\d_]{0,6}$/i.test(v)) return false; // weak demo values
  // Keys that are public by design, and JWTs (judged by secrets/jwt-credential).
  if (/^pub[0-9a-f]{32}$/.test(v)) return false; // Datadog browser client tokens
  if (/^(?:pk_(?:live|test)_|pk\.eyJ|sb_publishable_|phc_|NRJS-|AIza[\w-]{35}$|eyJ[\w-]{8,}\.)/.test(v)) return false;
  // Base64 of a placeholder (Kubernetes Secret data: cGFzc3dvcmQ= is "password") is not a secret.
  if (/^[A-Za-z0-9+/]{8,}={0,2}$/.test(v) && v.length % 4 === 0) {
    const decoded = decodeBase64(v);
    if (decoded && /^[\x20-\x7e]{4,}$/.test(decoded) && (isPlaceholder(decoded) || looksFake(decoded))) return false;
  }
  if (kind === 'password') return entropy(v) >= 2.2;
  if (isHashLike(v) && /uuid|guid/i.test(name)) return false;
  return isMixed(v) && entropy(v) >= 3;
}

/** An ascending run of `n` consecutive characters (`12345`, `abcde`, `CDEFG`): typed by a person. */
function hasSequentialRun(v: string, n: number): boolean {
  let run = 1;
  for (let i = 1; i < v.length; i++) {
    run = v.charCodeAt(i) === v.charCodeAt(i - 1) + 1 && /[A-Za-z0-9]/.test(v[i]) ? run + 1 : 1;
    if (run >= n) return true;
  }
  return false;
}

/** Digests of the empty string and other constants that show up as "tokens" in tests. */
function isKnownHashConstant(v: string): boolean {
  return /^(?:d41d8cd98f00b204e9800998ecf8427e|da39a3ee5e6b4b0d3255bfef95601890afd80709|e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855)$/i.test(v);
}
