import type { ScanContext } from '../../context';
import { execAt, execInWindows, windowsAround } from '../../windows';
import type { Assignment } from './assignment';

/**
 * Assignment shapes that the operator-based scan in `assignment.ts` does not see, each found
 * by one bounded regex: literal fallbacks of environment lookups, Terraform variable defaults,
 * legacy Dockerfile `ENV NAME value`, `{"name": N, "value": v}` pairs, Gradle `buildConfigField`, XML `<entry key="password">value</entry>`, and a bare
 * `"Key": "…"` (or unquoted `key = …` in config) inside a secret-ish section (`"Jwt": { "Key": … }`, `[api]`).
 */
const FALLBACKS: RegExp[] = [
  // os.getenv("NAME", "v"), os.environ.get("NAME", "v"), ENV.fetch("NAME", "v"), env('NAME', 'v'), getOrDefault("NAME", "v")
  /\b(?:getenv|environ\.get|fetch|env|getOrDefault|GetEnvironmentVariable)\(\s{0,4}["']([A-Za-z_][\w.]{0,80})["']\s{0,4},\s{0,4}(["'])([^"'\n]{8,200})\2\s{0,4}\)/g,
  // process.env.NAME || "v", process.env["NAME"] ?? 'v'
  /process\.env(?:\.([A-Za-z_]\w{0,80})|\[["']([A-Za-z_]\w{0,80})["']\])\s{0,4}(?:\|\||\?\?)\s{0,4}(["'`])([^"'`\n]{8,200})\3/g,
];
const TF_VARIABLE = /variable\s{1,4}"([A-Za-z_][\w-]{0,80})"\s{0,4}\{([^{}]{0,600})\}/g;
const TF_DEFAULT = /\bdefault\s{0,4}=\s{0,4}"([^"\n]{1,200})"/;
const DOCKER_ENV = /^[ \t]{0,8}(?:ENV|ARG)[ \t]{1,8}([A-Za-z_]\w{0,80})[ \t]{1,8}([^\s=][^\n]{0,300}?)[ \t]*$/gm;
/** A bare `"Key": "…"` is a secret only inside a secret-ish section (`"Jwt": { "Key": … }`). */
const BARE_KEY = /(?<![\w.-])(["']?)(?:Key|key|KEY|Secret|secret)\1[ \t]{0,8}[:=][ \t]{0,8}(["']?)([A-Za-z0-9+/=_.-]{20,200})\2(?![\w+/=.-])/g;
const BARE_KEY_AT = new RegExp(BARE_KEY.source, 'y');
const SECRET_SECTION = /jwt|secret|token|signing|encrypt|hmac|crypto|api|auth|license/i;
/** `{"name": "DB_PASSWORD", "value": "…"}`: ECS task definitions, Postman/Insomnia variables (`key`/`value`). */
const NAME_VALUE =
  /["']?(?:name|Name|key|Key)["']?\s{0,2}:\s{0,2}["']([A-Za-z_][\w.-]{0,80})["']\s{0,2},\s{0,40}["']?(?:value|Value)["']?\s{0,2}:\s{0,2}["']([^"'\n]{1,300})["']/g;
/** Gradle `buildConfigField "String", "API_SECRET", "\"v\""` and `resValue "string", "name", "v"`. */
const GRADLE_FIELD =
  /\b(?:buildConfigField|resValue)\s{0,4}\(?\s{0,4}["'][\w.]{1,40}["']\s{0,4},\s{0,4}["']([A-Za-z_]\w{0,80})["']\s{0,4},\s{0,4}["'](?:\\["'])?([^"'\\\n]{1,300})(?:\\["'])?["']/g;
/** SQL seed rows: `INSERT INTO t (name, api_key) VALUES ('x', 'v')` — columns matched to values by position. */
const SQL_INSERT = /\bINSERT\s{1,4}INTO\s{1,4}[\w."`\[\]]{1,80}\s{0,4}\(([^()\n]{1,400})\)\s{0,4}VALUES\s{0,4}\(([^()\n]{1,800})\)/gi;
const XML_ENTRY = /<(\w{1,20})\s{1,4}(?:key|name)\s{0,2}=\s{0,2}"([A-Za-z_][\w.-]{0,80})"\s{0,4}>([^<\n]{1,200})<\/\1>/g;

/** The literals `extraAssignments` checks before running its patterns (a rule's `gates`). */
export const EXTRA_GATES = ['alue"', "alue'", 'alue:', 'buildconfigfield', 'resvalue'];
/** Call names of environment lookups: `FALLBACKS[0]` matches start at most 14 characters before one. */
const FALLBACK_ANCHORS = ['env(', 'environ.get', 'fetch(', 'getordefault(', 'variable('];
const FALLBACKS_AT = FALLBACKS.map((re) => new RegExp(re.source, 'y'));
/** How far before each call-name anchor a `FALLBACKS[0]` match can start. */
const LOOKUP_BACK: Record<string, number[]> = { 'env(': [3, 0], 'environ.get': [0], 'fetch(': [0], 'getordefault(': [0], 'variable(': [14] };

/** Where `FALLBACKS[0]` can start, ascending and distinct. */
function lookupStarts(ctx: ScanContext): number[] {
  const out: number[] = [];
  for (const word of FALLBACK_ANCHORS) {
    const starts = ctx.anchors(word);
    for (let i = 0; i < starts.length; i++) for (const back of LOOKUP_BACK[word]) if (starts[i] >= back) out.push(starts[i] - back);
  }
  if (out.length < 2) return out;
  // Ascending and distinct: a numeric sort of a typed copy, then one pass dropping repeats.
  const sorted = Int32Array.from(out).sort();
  const distinct = [sorted[0]];
  for (let i = 1; i < sorted.length; i++) if (sorted[i] !== sorted[i - 1]) distinct.push(sorted[i]);
  return distinct;
}

/** Offsets `extraAssignments` reads (a rule's `anchors`); it also reads `key` and `secret`. */
export const EXTRA_ANCHORS = [...FALLBACK_ANCHORS, 'process.env', 'value'];

/**
 * The `value` words that follow a comma as `NAME_VALUE` requires (`", value` / `, "Value"`, with
 * up to 40 blanks between): in YAML `value:` starts a line, and the pattern need not run there.
 */
function afterComma(text: string, starts: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let k = 0; k < starts.length; k++) {
    let i = starts[k] - 1;
    if (text[i] === '"' || text[i] === "'") i--;
    for (let n = 0; n < 40 && i >= 0 && /\s/.test(text[i]); n++) i--;
    if (text[i] === ',') out.push(starts[k]);
  }
  return out;
}

/**
 * Where `BARE_KEY` could first start for the word `key`/`secret` at `at`: at the quote before it,
 * or at the word, which must stand alone (no `[\w.-]` before it) and be followed by a quote, a
 * blank, `:` or `=`. -1 otherwise. Most occurrences (`apiKey`, `secretKeyRef`, `keys`) fail these character tests.
 */
function bareWordStart(text: string, at: number): number {
  const c = text.charCodeAt(at);
  const len = c === 107 || c === 75 ? 3 : 6; // k/K: key, else secret
  const after = text.charCodeAt(at + len);
  if (!(after === 34 || after === 39 || after === 32 || after === 9 || after === 58 || after === 61)) return -1;
  const isWordChar = (c: number): boolean =>
    (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c === 45;
  const before = text.charCodeAt(at - 1);
  if (before === 34 || before === 39) return isWordChar(text.charCodeAt(at - 2)) ? at : at - 1;
  return isWordChar(before) ? -1 : at;
}

/** Extra assignments for the generic rule; `fallback` marks env-lookup defaults (judged more strictly). */
export function extraAssignments(ctx: ScanContext, limit = 100): (Assignment & { fallback?: boolean })[] {
  const out: (Assignment & { fallback?: boolean })[] = [];
  const text = ctx.text;
  const add = (name: string, nameStart: number, value: string, valueStart: number, fallback = false): void => {
    if (out.length < limit) out.push({ name, nameStart, value, valueStart, valueEnd: valueStart + value.length, quoted: true, fallback });
  };
  let m: RegExpExecArray | null;
  // Environment lookups are tried stuck to where they can start: at their call names (anchors of
  // the keyword pass; `getenv(` 3 characters before `env(`, `GetEnvironmentVariable(` 14 before
  // `variable(`) and at `process.env`, in text order, skipping what a match already covered.
  for (const [i, starts] of [lookupStarts(ctx), ctx.anchors('process.env')].entries()) {
    execAt(FALLBACKS_AT[i], text, starts, (found) => {
      if (out.length >= limit) return false;
      const groups = found.slice(1);
      const value = groups[groups.length - 1];
      const name = groups.slice(0, -2).find((g) => g !== undefined) ?? '';
      add(name, found.index, value, found.index + found[0].lastIndexOf(value), true);
    });
  }
  if (ctx.isConfig || ctx.language === 'csharp' || ctx.language === 'javascript' || ctx.language === 'typescript') {
    // A bare `key`/`secret` name: tried only where the keyword pass saw the word standing alone,
    // with the pattern stuck to it (an optional quote before).
    const re = BARE_KEY_AT;
    const words = ctx.anchorsOf(['key', 'secret']);
    let lastEnd = -1;
    for (let i = 0; i < words.length && out.length < limit; i++) {
      if (words[i] < lastEnd) continue; // inside the value of the last match
      const at = bareWordStart(text, words[i]);
      if (at < 0) continue;
      re.lastIndex = at;
      m = re.exec(text);
      // `"key=…`: no closing quote, so the match (if any) starts at the word itself.
      if (m === null && at < words[i]) {
        re.lastIndex = words[i];
        m = re.exec(text);
      }
      if (m === null) continue;
      lastEnd = m.index + m[0].length;
      // Unquoted values are data only in config files (`[api]` + `key = …` in INI/TOML/YAML).
      if (m[2] === '' && !ctx.isConfig) continue;
      const section = text.slice(Math.max(0, m.index - 160), m.index);
      if (!SECRET_SECTION.test(section)) continue;
      add(section.match(/([A-Za-z_]\w{1,40})["']?\s{0,2}[:=]\s{0,2}\{[^{}]{0,150}$/)?.[1]?.concat('_key') ?? 'secret_key', m.index, m[3], m.index + m[0].lastIndexOf(m[3]), true);
    }
  }
  // `{"name": N, "value": v}`: only in windows at the `value` words the keyword pass saw (a match
  // holds one, at most ~150 characters after its start); Gradle fields when their call occurs.
  const pairs: [RegExp, [number, number][] | undefined][] = [
    [NAME_VALUE, ctx.saw('alue"') || ctx.saw("alue'") || ctx.saw('alue:') ? windowsAround(afterComma(text, ctx.anchors('value')), 150, 330, text.length) : []],
    [GRADLE_FIELD, ctx.saw('buildconfigfield') || ctx.saw('resvalue') ? undefined : []],
  ];
  for (const [pattern, windows] of pairs) {
    if (windows?.length === 0) continue;
    execInWindows(new RegExp(pattern.source, 'g'), text, windows, (m) => {
      if (out.length >= limit) return false;
      add(m[1], m.index + m[0].indexOf(m[1]), m[2], m.index + m[0].lastIndexOf(m[2]));
    });
  }
  if (ctx.language === 'sql') {
    const re = new RegExp(SQL_INSERT.source, 'gi');
    while ((m = re.exec(text)) !== null && out.length < limit) {
      const columns = m[1].split(',').map((c) => c.trim().replace(/^["`[]|["`\]]$/g, ''));
      const valuesAt = m.index + m[0].lastIndexOf(m[2]);
      let i = 0;
      for (const v of m[2].matchAll(/\s*(?:'((?:[^'\n]|'')*)'|[^,'\s]*)\s*(?:,|$)/g)) {
        if (i >= columns.length || v[0] === '') break;
        if (v[1] !== undefined && v[1].length > 0) add(columns[i], m.index, v[1], valuesAt + (v.index ?? 0) + v[0].indexOf("'") + 1);
        i++;
      }
    }
  }
  if (ctx.language === 'terraform') {
    const re = new RegExp(TF_VARIABLE.source, 'g');
    while ((m = re.exec(text)) !== null && out.length < limit) {
      const d = TF_DEFAULT.exec(m[2]);
      if (d) add(m[1], m.index, d[1], m.index + m[0].indexOf(m[2]) + d.index + d[0].lastIndexOf(d[1]));
    }
  }
  if (ctx.language === 'dockerfile') {
    const re = new RegExp(DOCKER_ENV.source, 'gm');
    while ((m = re.exec(text)) !== null && out.length < limit) {
      const value = m[2].replace(/^(["'])(.*)\1$/, '$2');
      add(m[1], m.index, value, m.index + m[0].lastIndexOf(value));
    }
  }
  if (ctx.language === 'xml' || ctx.language === 'html') {
    const re = new RegExp(XML_ENTRY.source, 'g');
    while ((m = re.exec(text)) !== null && out.length < limit) add(m[2], m.index, m[3], m.index + m[0].lastIndexOf(m[3]));
  }
  return out;
}
