import type { ScanContext } from '../../context';
import { matchClose, skipLiteral } from './logCalls';

/**
 * Is an expression inside a log call's arguments really *logged as a value*? Not when it sits
 * in message text or a comment, is wrapped in `redact()`/`len()`/`hash()`, is only compared
 * (`token != null`), only measured (`req.body.length`), or is an object key (`{ body: … }`).
 */

/** What a logged expression holds: a request body (warning) or a credential (error). */
export type ValueKind = 'body' | 'credential';

/** Member calls that keep the whole value (`body.toString()`, `params.inspect`). */
const KEEP_MEMBERS = new Set([
  'tostring', 'tojson', 'to_s', 'to_h', 'to_hash', 'to_unsafe_h', 'to_json', 'as_json', 'inspect', 'decode',
  'encode', 'strip', 'trim', 'read', 'readall', 'readtoend', 'readtoendasync', 'readasstringasync', 'string',
  'getvalue', 'readlines', 'lines', 'collect', 'readline', 'readallbytes', 'getbytes', 'getcontents',
  '__tostring', 'all', 'to_dict', 'dict', 'permit!', 'get_secret_value', 'expose_secret', 'reveal', 'value',
  'unwrap', 'join', 'getcontentasstring', 'getcontentasbytearray', 'tostr', 'bytes', 'text', 'rewind',
]);
/** Truncation: still the body (warning), but a token prefix is a common redaction. */
const TRUNCATE = new Set([
  'truncate', 'substr', 'substring', 'slice', 'mb_substr', 'left', 'take', 'head', 'shorten', 'ellipsize',
  'truncatechars', 'abbreviate', 'first',
]);
/** Calls that pass their argument's content through to the log (serialise, decode, format). */
const PASSTHROUGH = new Set([
  'stringify', 'parse', 'loads', 'dumps', 'dump', 'tostring', 'string', 'str', 'repr', 'unicode', 'json_decode',
  'json_encode', 'from', 'valueof', 'getstring', 'copytostring', 'decode', 'encode', 'serialize',
  'serializeobject', 'writevalueasstring', 'writevalueasbytes', 'tojson', 'to_json', 'inspect', 'pformat',
  'pprint', 'format', 'sprintf', 'sprint', 'sprintln', 'readall', 'readtoend', 'readtoendasync', 'streamreader',
  'readallbytes', 'dict', 'list', 'tuple', 'vars', 'values', 'entries', 'assign', 'print_r', 'var_export',
  'implode', 'http_build_query', 'bytes', 'quote', 'any', 'bytestring', 'binary', 'stringer', 'reflect',
  'kv', 'keyvalue', 'value', 'of', 'aslist', 'fields', 'field', 'rawjson', 'interface', 'object', 'str_',
  'fromentries', 'utf8', 'newstring', 'tojsonstring', 'jsonify', 'prettify', 'pretty', 'json', 'dumps_',
  'copy', 'deepcopy', 'clone', 'merge', 'tomap', 'todict', 'getcontents', 'bufferedreader',
  'inputstreamreader', 'readertostring', 'iotoString', 'strval', 'print', 'map', 'array', 'concat',
  // Terminal colours (chalk, colors, kleur).
  'red', 'green', 'yellow', 'blue', 'cyan', 'magenta', 'gray', 'grey', 'white', 'bold', 'dim', 'italic',
]);
const SAFE_EXACT = new Set([
  'len', 'length', 'count', 'size', 'sizeof', 'strlen', 'mb_strlen', 'bool', 'boolean', 'typeof', 'isset', 'empty',
  'keys', 'is_null', 'isnull', 'isempty', 'isblank', 'present', 'exists', 'has', 'contains', 'includes',
  'startswith', 'endswith', 'match', 'test', 'verify', 'compare', 'check', 'validate', 'equals', 'not', 'type',
  'gettype', 'get_class', 'getclass', 'isinstance', 'id', 'bytelength', 'sizeofbody',
]);
const SAFE_PART =
  /mask|redact|sanitiz|scrub|obfuscat|censor|anonymi|hash|digest|hmac|sha1|sha256|sha512|md5|bcrypt|encrypt|omit|except|filter|clean|safe|fingerprint|sensitive|summar|preview/;

/** How a call wrapping a logged value treats it. */
export function calleeVerdict(name: string, kind: ValueKind): 'safe' | 'pass' | 'unknown' {
  const n = name.toLowerCase();
  if (n === '') return 'pass';
  if (SAFE_EXACT.has(n) || SAFE_PART.test(n)) return 'safe';
  if (TRUNCATE.has(n)) return kind === 'body' ? 'pass' : 'safe';
  return PASSTHROUGH.has(n) ? 'pass' : 'unknown';
}

/** Interpolation openers inside a string literal, by language. */
function interpolationMarker(ctx: ScanContext, literalStart: number): string | undefined {
  const text = ctx.text;
  const q = text[literalStart];
  const prefix = text.slice(Math.max(0, literalStart - 3), literalStart);
  switch (ctx.language) {
    case 'javascript':
    case 'typescript':
      return q === '`' ? '${' : undefined;
    case 'python':
      return /(?:^|[^\w])[rRbB]?[fF][rRbB]?$/.test(prefix) ? '{' : undefined;
    case 'ruby':
      return q === '"' || q === '`' ? '#{' : undefined;
    case 'csharp':
      return /\$@?$|@\$$/.test(prefix) ? '{' : undefined;
    case 'kotlin':
    case 'java':
    case 'scala':
      return q === '"' ? '${' : undefined;
    case 'php':
      return q === '"' ? '{$' : undefined;
    case 'swift':
      return q === '"' ? '\\(' : undefined;
    case 'rust':
      return q === '"' ? '{' : undefined;
    default:
      return undefined;
  }
}

/**
 * The ranges to read enclosing calls from, when `offset` is code or inside an interpolation;
 * `undefined` when it is plain string text or a comment.
 */
export function codeRanges(ctx: ScanContext, offset: number, argsStart: number): [number, number][] | undefined {
  const region = ctx.regionAt(offset);
  if (region === 'code') return [[argsStart, offset]];
  if (region === 'comment') return undefined;
  const span = ctx.enclosing(offset);
  if (!span) return undefined;
  const text = ctx.text;
  const marker = interpolationMarker(ctx, span.start);
  if (!marker) return undefined;
  // PHP "$var" and Kotlin/Groovy "$name" interpolate without braces.
  const dollarTemplate = ctx.language === 'php' || ctx.language === 'kotlin' || ctx.language === 'java' || ctx.language === 'scala';
  if (dollarTemplate && (text[offset] === '$' || (text[offset - 1] === '$' && text[offset - 2] !== '\\'))) {
    return [[argsStart, span.start], [offset, offset]];
  }
  const close = marker === '\\(' ? ')' : '}';
  const open = marker === '\\(' ? '(' : '{';
  const stack: number[] = [];
  let nested = 0;
  for (let i = span.start + 1; i < offset; i++) {
    if (text.startsWith(marker, i) && !(marker === '{' && text[i + 1] === '{')) {
      stack.push(i + marker.length);
      i += marker.length - 1;
    } else if (marker === '{' && text[i] === '{' && text[i + 1] === '{') {
      i++;
    } else if (stack.length > 0 && text[i] === open) nested++;
    else if (stack.length > 0 && text[i] === close) {
      if (nested > 0) nested--;
      else stack.pop();
    }
  }
  if (stack.length === 0) return undefined;
  return [[argsStart, span.start], [stack[stack.length - 1], offset]];
}

/** A bracket still open at some offset: a call `f(` (with its name), a `[` or a `{`. */
export interface OpenBracket {
  name: string;
  open: number;
  kind: '(' | '[' | '{';
}

/** The brackets still open between `from` and `to` (`JSON.stringify(` → `stringify`). */
export function openCallees(ctx: ScanContext, from: number, to: number): OpenBracket[] {
  const text = ctx.text;
  const stack: OpenBracket[] = [];
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c === '"' || c === "'" || c === '`' || c === '/' || c === '#') {
      const skip = skipLiteral(ctx, i);
      if (skip > to) break;
      if (skip > i) {
        i = skip - 1;
        continue;
      }
    }
    if (c === '(') stack.push({ name: calleeAt(text, i), open: i, kind: '(' });
    else if (c === '[' || c === '{') stack.push({ name: '', open: i, kind: c });
    else if (c === ')' || c === ']' || c === '}') stack.pop();
  }
  return stack;
}

function calleeAt(text: string, paren: number): string {
  let j = paren;
  if (text[j - 1] === '!') j--;
  let s = j;
  while (s > 0 && s > j - 60 && /[\w$]/.test(text[s - 1])) s--;
  const name = text.slice(s, j);
  if (/^(?:if|while|for|switch|return|and|or|not|in|elif|when|catch|foreach|array)$/.test(name)) {
    return name === 'array' ? 'array' : '';
  }
  return name;
}

/** True when the expression `[start, end)` inside log arguments is logged as a value of `kind`. */
export function isLoggedValue(ctx: ScanContext, argsStart: number, start: number, end: number, kind: ValueKind): boolean {
  const ranges = codeRanges(ctx, start, argsStart);
  if (!ranges) return false;
  const open: OpenBracket[] = [];
  for (const [from, to] of ranges) open.push(...openCallees(ctx, from, to));
  if (open.some((b) => b.kind === '(' && calleeVerdict(b.name, kind) !== 'pass')) return false;
  if (!valueUseBefore(ctx, argsStart, start) || !valueUseAfter(ctx, start, end, kind)) return false;
  // `JSON.stringify(req.body).length`: what the wrapping calls' results are used for.
  for (let i = open.length - 1; i >= 0 && open[i].kind === '(' && open[i].name !== ''; i--) {
    const close = matchClose(ctx, open[i].open, 2000);
    if (close >= ctx.text.length || !valueUseAfter(ctx, open[i].open, close + 1, kind)) return false;
  }
  return true;
}

function valueUseBefore(ctx: ScanContext, argsStart: number, start: number): boolean {
  const before = ctx.text.slice(Math.max(argsStart, start - 30), start);
  if (/!\s*$|\btypeof\s+$|\bnot\s+$|\bif\s+$|\bunless\s+$|\bin\s+$|\binstanceof\s+$/.test(before)) return false;
  // A Ruby symbol (`:password`) is a name, not the value.
  if (/(?:^|[^:]):$/.test(before) && ctx.language === 'ruby') return false;
  return true;
}

export function valueUseAfter(ctx: ScanContext, start: number, end: number, kind: ValueKind): boolean {
  const text = ctx.text;
  const rest = text.slice(end, end + 60);
  // PHP's `.` concatenates; its members are `->`.
  const member = (ctx.language === 'php' ? /^\s*(?:->|\?->)\s*([A-Za-z_$][\w$]*)/ : /^\s*(?:\?\.|\.|->|&\.)\s*([A-Za-z_$][\w$]*[?!]?)/).exec(rest);
  if (member) {
    const name = member[1].toLowerCase();
    if (KEEP_MEMBERS.has(name)) return true;
    return kind === 'body' && TRUNCATE.has(name);
  }
  if (/^\s*\[/.test(rest)) return kind === 'body' && /^\s*\[\s*-?\d*\s*(?::\s*-?\d*\s*\]|\.\.)/.test(rest);
  if (/^\s*\(/.test(rest)) return false;
  if (/^\s*(?:[=!]==?|[<>]=?(?![>=-])|&&|\?(?![.?:])|\b(?:is|in|and|instanceof)\b)/.test(rest)) return false;
  const before = text.slice(Math.max(0, start - 20), start);
  // Object or hash key (`{ body: x }`, `password: x`), keyword argument (`body=x`).
  const interpolated = ctx.regionAt(start) === 'string';
  if (!interpolated && /^\s*:(?![:=])/.test(rest) && /(?:^|[{,(\n])\s*$/.test(before)) return false;
  if (/^=>/.test(rest.trimStart()) && ctx.language !== 'php') return false;
  if (/^\s*=(?![=>~])/.test(rest)) return false;
  return true;
}

/**
 * Start of the line of `offset`, looking back at most `max` characters (`lastIndexOf` over a
 * 100 kB minified line for every match would make a rule quadratic).
 */
export function nearLineStart(text: string, offset: number, max = 400): number {
  const from = Math.max(0, offset - max);
  const nl = text.slice(from, offset).lastIndexOf('\n');
  return nl >= 0 ? from + nl + 1 : from;
}

/** Test and spec files: their log lines never reach production logs (documented choice). */
export function isTestPath(path: string): boolean {
  return /(?:^|\/)(?:tests?|__tests__|__mocks__|spec|specs|testdata)\/|\.(?:test|spec)\.[cm]?[jt]sx?$|_test\.(?:go|py|rb|php)$|(?:^|\/)test_[^/]*\.py$|_spec\.rb$|[A-Za-z]Tests?\.(?:java|kt|cs|php|scala|swift)$|(?:^|\/)conftest\.py$/.test(
    path,
  );
}
