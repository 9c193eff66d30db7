import type { ScanContext } from '../../context';

/**
 * A value assigned to a name, as found by `findAssignmentsAt`: `name = "v"`, `name: v`,
 * `"name": "v"`, `name := "v"`, `name => 'v'`, `define('NAME', 'v')`, `setName("v")`,
 * `<name>v</name>`, `key="Name" value="v"`, `- name: NAME` + `value: v`.
 */
export interface Assignment {
  name: string;
  nameStart: number;
  value: string;
  valueStart: number;
  valueEnd: number;
  /** The value was a quoted literal (in code, only those are data). */
  quoted: boolean;
}

/** Identifier characters of the languages we read, plus `.` and `-` (dotted and kebab keys), by code. */
const IDENT = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  IDENT[c] = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36 || c === 46 || c === 45 ? 1 : 0;
}
function isIdent(c: number): boolean {
  return c < 128 && IDENT[c] === 1;
}
const MAX_IDENT = 64;
const MAX_VALUE = 400;
const MAX_ATTEMPTS = 3000;

/** One kind of name `findAssignmentsAt` looks for: which identifiers, and which names pass. */
export interface NameKind {
  /** The identifier (its text, as in the file) holds a name of this kind. */
  isName: (identifier: string) => boolean;
  accept: (name: string) => boolean;
}

/**
 * The assignments of names of each kind, read from offsets: `starts` (ascending) are where the
 * keyword pass saw a context word; each identifier around them is read once and tried for every
 * kind whose `isName` holds. One list per kind, in text order (at most `limit`, and
 * `MAX_ATTEMPTS` names tried per kind). No pass over the text of its own.
 */
export function findAssignmentsAt(
  ctx: ScanContext,
  starts: ArrayLike<number>,
  kinds: readonly NameKind[],
  limit = 200,
): Assignment[][] {
  const text = ctx.text;
  const out: Assignment[][] = kinds.map(() => []);
  const attempts = kinds.map(() => 0);
  let lastIdentEnd = -1;
  for (let i = 0; i < starts.length; i++) {
    const at = starts[i];
    if (at < lastIdentEnd) continue;
    const [s, e] = identifierAround(text, at, at + 1);
    lastIdentEnd = e;
    if (!mayAssign(text, s, e)) continue;
    const identifier = text.slice(s, e);
    for (let k = 0; k < kinds.length; k++) {
      if (out[k].length >= limit || attempts[k] >= MAX_ATTEMPTS || !kinds[k].isName(identifier)) continue;
      attempts[k]++;
      const name = trimName(identifier);
      if (!kinds[k].accept(name)) continue;
      const a = valueAfter(ctx, s, e, name);
      if (a) out[k].push(a);
    }
  }
  return out;
}

/** The identifier without leading `-`, `$`, `.` and trailing `-`, `.` (the regex `^[-$.]+|[-.]+$`, without one). */
function trimName(identifier: string): string {
  let a = 0;
  let b = identifier.length;
  while (a < b && (identifier[a] === '-' || identifier[a] === '$' || identifier[a] === '.')) a++;
  while (b > a && (identifier[b - 1] === '-' || identifier[b - 1] === '.')) b--;
  return a === 0 && b === identifier.length ? identifier : identifier.slice(a, b);
}

/** The identifier (bounded to `MAX_IDENT` characters each way) around the span [from, to). */
function identifierAround(text: string, from: number, to: number): [number, number] {
  let s = from;
  let e = to;
  while (s > 0 && from - s < MAX_IDENT && isIdent(text.charCodeAt(s - 1))) s--;
  while (e < text.length && e - from < MAX_IDENT && isIdent(text.charCodeAt(e))) e++;
  return [s, e];
}

/**
 * Whether the text after a name ending at `e` can start one of the shapes `valueAfter` knows:
 * up to two closing quotes or brackets, then an operator, a parenthesis, a comma, `>`, a quote,
 * or blanks followed by an operator, a quote, a word or a line break. Anything else (`.`, `)`,
 * `;`, `}` …) means the name is read, not assigned: most occurrences in code, skipped cheaply.
 */
function mayAssign(text: string, s: number, e: number): boolean {
  let j = e;
  let c = text.charCodeAt(j);
  let quoted = false;
  for (let k = 0; k < 2 && (c === 34 || c === 39 || c === 96 || c === 93); k++) {
    quoted ||= c !== 93;
    c = text.charCodeAt(++j);
  }
  if (Number.isNaN(c)) return false; // nothing follows: no value
  if (c === 61 /* = */ || c === 58 /* : */ || c === 63 /* ? */ || c === 124 /* | */ || c === 40 /* ( */) return true;
  if (c === 62 /* > */) return !quoted; // <name>value
  if (c === 44 /* , */) return quoted; // define('NAME', 'v')
  if (c === 34 || c === 39 || c === 96) return true;
  if (c !== 32 && c !== 9 && !isSpace(c)) return false;
  while (j - e < 48 && (c === 32 || c === 9)) c = text.charCodeAt(++j);
  // Only blanks to the end of the line: the value can only be on the next line, under
  // a Kubernetes `- name: NAME` (`value: …`).
  if (Number.isNaN(c) || c === 10 || c === 13) return K8S_NAME.test(text.slice(Math.max(0, s - 12), s));
  if (isSpace(c)) return true;
  return (
    c === 61 || c === 58 || c === 63 || c === 124 || c === 40 || c === 34 || c === 39 || c === 96 ||
    c === 91 /* [ */ || c === 42 /* * */ || isIdent(c) || c > 127
  );
}

/** The text before a name in a Kubernetes env entry (`- name: DB_PASSWORD`), as `valueAfter` requires it. */
const K8S_NAME = /name:\s{0,4}["']?$/;

/** White space other than blanks: line breaks, form feeds, and Unicode spaces. */
function isSpace(c: number): boolean {
  return c === 10 || c === 13 || c === 11 || c === 12 || (c > 127 && /\s/.test(String.fromCharCode(c)));
}

function valueAfter(ctx: ScanContext, s: number, e: number, name: string): Assignment | undefined {
  const text = ctx.text;
  const before = text.slice(Math.max(0, s - 40), s);
  const rest = text.slice(e, Math.min(text.length, e + MAX_VALUE + 80));
  const nl = rest.indexOf('\n');
  const line = nl < 0 ? rest : rest.slice(0, nl);
  const base = { name, nameStart: s };
  // The patterns on `before` below end with `$`: a regex tries them from every position of the
  // 40 characters, so each is first gated on the character it must end with (names are many).
  const last = lastNonBlank(before);
  // A name inside a placeholder (`${DB_PASSWORD:devpass}`, `#{token}`, `%(password)s`) is a reference.
  if ((last === 123 /* { */ || last === 40 /* ( */) && /(?:\$\{|#\{|%\()\s{0,2}$/.test(before)) return undefined;
  // A quoted type name ending in the word (`"AWS::IAM::AccessKey": …`) is a type, not a credential.
  if (last === 58 /* : */ && before.endsWith('::') && /["'][A-Za-z0-9:]{0,80}::$/.test(before)) return undefined;
  // ?api_key=value&… inside a URL string
  if (line.startsWith('=') && /[?&;]$/.test(before) && /(?:https?:\/\/|\/)[^\s"'`]*[?&;]$/.test(text.slice(Math.max(0, s - 300), s))) {
    const q = /^=([^&"'`#\s<>;]{1,300})/.exec(line);
    if (q && ctx.regionAt(s) === 'string') return assignment(base, q[1], e + 1, e + 1 + q[1].length, true);
  }
  // In code, `name = <not a literal>` (a call, a variable, a number) holds nothing to judge:
  // after `=` only the operator shape applies, and it wants a literal next. Most names in code
  // are assigned that way, so this is decided here, before the other shapes are tried.
  if (!ctx.isConfig && assignsNonLiteral(line)) return undefined;
  // <password>value</password>
  if (before.endsWith('<') && line.startsWith('>')) {
    const close = line.indexOf('</');
    if (close <= 1) return undefined;
    return assignment(base, line.slice(1, close), e + 1, e + close, true);
  }
  // key="DbPassword" value="…"  /  name="password" value="…"
  if ((last === 34 || last === 39) && /(?:key|name)\s{0,2}=\s{0,2}["']$/.test(before)) {
    const attr = /^["']\s{1,8}value\s{0,2}=\s{0,2}(["'])/.exec(line);
    if (attr) return literal(ctx, e + attr[0].length - 1, base);
  }
  // define('NAME', 'v'), setenv("NAME", "v"), put("password", "v") — not getters.
  const first = line.length > 0 ? line.charCodeAt(0) : -1;
  const call = first === 34 || first === 39 ? /^["'][ \t]{0,4},[ \t]{0,40}(?=[bru]?["'`])/i.exec(line) : null;
  const fn = call ? /(\w{1,30})\s{0,4}\(\s{0,4}["']$/.exec(before)?.[1] : undefined;
  if (call && fn) {
    if (/^(?:get\w*|fetch|read\w*|env|lookup|require|has\w*|delete|remove|pop|environ|translate|t|i18n|gettext|_|__|trans|message|error|warn|log\w*|print\w*|assert\w*|expect|equal|includes|contains|match\w*|test|query|select|where|field|input|param|header|cookie)$/i.test(fn)) {
      return undefined;
    }
    return literal(ctx, e + call[0].length, base);
  }
  // setPassword("v") / withApiKey("v") / password("v")
  const setter = first === 40 /* ( */ ? /^\(\s{0,4}(?=[bru]?["'`])/.exec(line) : null;
  if (setter && /^(?:set|with)?[A-Za-z]{0,30}(?:Password|Secret|Token|ApiKey|AccessKey|SecretKey|PrivateKey|password|secret)$/.test(name.split('.').pop() ?? '')) {
    return literal(ctx, e + setter[0].length, base);
  }
  // name: type = "v" (Python / TypeScript annotations with a default)
  const annotated = /^\s{0,4}\??:\s{0,4}[A-Za-z_&][\w[\]., |&<>']{0,40}?\s{0,4}=\s{0,4}(?=[bru]?["'`])/.exec(line);
  if (annotated && !/==/.test(annotated[0])) return literal(ctx, e + annotated[0].length, base);
  // Go `var apiKey string = "v"`, C `#define API_KEY "v"`
  const typed = ctx.language === 'go' ? /^\s{1,4}[A-Za-z_*[\]][\w.[\]*]{0,30}\s{1,4}=\s{0,4}(?=["'`])/.exec(line) : null;
  if (typed) return literal(ctx, e + typed[0].length, base);
  if (last === 101 /* e */ && /#\s{0,4}define\s{1,4}$/.test(before)) {
    const def = /^\s{1,8}(?=L?["'])L?/.exec(line);
    if (def) return literal(ctx, e + def[0].length, base);
  }
  // name = v, name: v, "name": v, name := v, name => v, name ||= v, name ??= v
  // Aligned blocks (terraform fmt, gofmt, YAML/properties tables) pad names with up to 40 blanks.
  const op = /^["'`\]]{0,2}(?:[ \t]{0,40}|\s{0,8})(:=|=>|\?\?=|\|\|=|\?=|=(?![=~>])|:(?![:=]))[ \t]{0,40}/.exec(line);
  if (op) {
    const at = e + op[0].length;
    const next = text[at];
    if (next === undefined) return undefined;
    if (/["'`]/.test(next) || (/[bruBRU]/.test(next) && /["']/.test(text[at + 1] ?? '') && ctx.language === 'python')) {
      return literal(ctx, at, base);
    }
    // The literal wrapped in its language's byte conversion: `[]byte("k")`, `Buffer.from('k')`.
    const wrapped = BYTES_WRAPPER.exec(text.slice(at, at + 40));
    if (wrapped) return literal(ctx, at + wrapped[0].length, base);
    if (!ctx.isConfig) return undefined;
    return bare(ctx, at, line.slice(op[0].length), base);
  }
  // Groovy/Gradle and Ruby DSL calls without parentheses: `storePassword "v"`, `password 'v'`.
  if (DSL_LANGUAGES.has(ctx.language) && /^[ \t]*$/.test(before.slice(before.lastIndexOf('\n') + 1))) {
    const dsl = /^[ \t]{1,8}(?=["'][^"'\n]{1,400}["'][ \t;)]*(?:\r?\n|$))/.exec(line);
    if (dsl) return literal(ctx, e + dsl[0].length, base);
  }
  // Kubernetes env: - name: DB_PASSWORD \n  value: "…"
  if (nl >= 0 && /^["']?\s*$/.test(line) && /name:\s{0,4}["']?$/.test(before)) {
    const next = /^\s{0,40}value:\s{0,4}/.exec(rest.slice(nl + 1));
    if (!next) return undefined;
    const at = e + nl + 1 + next[0].length;
    const nextLine = text.slice(at, Math.min(text.length, at + MAX_VALUE)).split('\n')[0];
    return /["']/.test(text[at] ?? '') ? literal(ctx, at, base) : bare(ctx, at, nextLine, base);
  }
  return undefined;
}

/**
 * An assignment of `base`'s name. Built field by field: an object spread here cost ~3 µs per
 * call (V8's generic clone path), more than everything else `valueAfter` does.
 */
function assignment(base: { name: string; nameStart: number }, value: string, valueStart: number, valueEnd: number, quoted: boolean): Assignment {
  return { name: base.name, nameStart: base.nameStart, value, valueStart, valueEnd, quoted };
}

/**
 * Whether `line` (the text after a name) is `=` — past up to two closing quotes or brackets and
 * blanks, as the operator shape reads it — followed by something that cannot start a literal:
 * not a quote, a Python string prefix, or a byte conversion (`[]byte(`, `Buffer.from(`,
 * `Encoding.…`, `bytes(`). `==`, `=~` and `=>` are left to the full shapes.
 */
function assignsNonLiteral(line: string): boolean {
  let i = 0;
  while (i < 2 && (line[i] === '"' || line[i] === "'" || line[i] === '`' || line[i] === ']')) i++;
  for (let n = 0; n < 40 && (line[i] === ' ' || line[i] === '\t'); n++) i++;
  if (line[i] !== '=' || line[i + 1] === '=' || line[i + 1] === '~' || line[i + 1] === '>') return false;
  i++;
  for (let n = 0; n < 40 && (line[i] === ' ' || line[i] === '\t'); n++) i++;
  const c = line[i];
  if (c === undefined || c === '"' || c === "'" || c === '`' || c === '[' || c === 'E') return false;
  if (c === 'b' || c === 'r' || c === 'u' || c === 'B' || c === 'R' || c === 'U') return false;
  return true;
}

/** The last character code of `s` that is not white space (-1 when none). */
function lastNonBlank(s: string): number {
  for (let i = s.length - 1; i >= 0; i--) {
    const c = s.charCodeAt(i);
    if (c > 32 && !(c >= 0x80 && /\s/.test(s[i]))) return c;
  }
  return -1;
}

/** Byte conversions around a literal: Go `[]byte(`, Node `Buffer.from(`, C# `Encoding.UTF8.GetBytes(`, Python `bytes(`. */
const BYTES_WRAPPER = /^(?:\[\]byte\(|Buffer\.from\(|Encoding\.\w{1,10}\.GetBytes\(|bytes\()\s{0,2}(?=[bB]?["'`])[bB]?/;
/** Languages with parenthesis-free DSL calls (`name "value"` on a line of its own). */
const DSL_LANGUAGES = new Set(['java', 'kotlin', 'ruby']);

/** The string literal opening at `at` (after an optional Python prefix), on one line. */
function literal(ctx: ScanContext, at: number, base: { name: string; nameStart: number }): Assignment | undefined {
  const text = ctx.text;
  let i = at;
  if (/[bruBRU]/.test(text[i])) i++;
  const q = text[i];
  if (q !== '"' && q !== "'" && q !== '`') return undefined;
  let j = i + 1;
  const limit = Math.min(text.length, j + MAX_VALUE);
  while (j < limit && text[j] !== q && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
  if (text[j] !== q) return undefined;
  const value = text.slice(i + 1, j);
  // Concatenation or formatting: the literal is only part of the value.
  const after = text.slice(j + 1, j + 12);
  if (/^\s{0,4}(?:\+|%(?!>)|\.format\(|\.\.|<<)/.test(after)) return undefined;
  if (q === '`' && value.includes('${')) return undefined;
  return assignment(base, value, i + 1, j, true);
}

/** An unquoted config value: up to the end of the line, minus a trailing comment. */
function bare(ctx: ScanContext, at: number, line: string, base: { name: string; nameStart: number }): Assignment | undefined {
  let v = line.endsWith('\r') ? line.slice(0, -1) : line;
  const comment = /\s(?:#|\/\/|;)\s?/.exec(v);
  if (comment) v = v.slice(0, comment.index);
  // Trailing blanks, commas and semicolons (a loop: `[\s,;]+$` is tried from every position).
  let end = v.length;
  while (end > 0 && (v[end - 1] === ',' || v[end - 1] === ';' || /\s/.test(v[end - 1]))) end--;
  v = v.slice(0, end);
  if (v.length === 0) return undefined;
  if (/^["']/.test(v) && v.length > 1 && v.endsWith(v[0])) {
    return assignment(base, v.slice(1, -1), at + 1, at + v.length - 1, true);
  }
  return assignment(base, v, at, at + v.length, false);
}
