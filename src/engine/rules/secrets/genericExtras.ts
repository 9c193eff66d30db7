import type { ScanContext } from '../../context';
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
export const EXTRA_GATES = ['env(', 'environ.get', 'fetch(', 'getordefault(', 'variable(', 'process.env', 'alue"', "alue'", 'alue:', 'buildconfigfield', 'resvalue'];

/** Extra assignments for the generic rule; `fallback` marks env-lookup defaults (judged more strictly). */
export function extraAssignments(ctx: ScanContext, limit = 100): (Assignment & { fallback?: boolean })[] {
  const out: (Assignment & { fallback?: boolean })[] = [];
  const text = ctx.text;
  const add = (name: string, nameStart: number, value: string, valueStart: number, fallback = false): void => {
    if (out.length < limit) out.push({ name, nameStart, value, valueStart, valueEnd: valueStart + value.length, quoted: true, fallback });
  };
  let m: RegExpExecArray | null;
  // Cheap literal checks first: most files have no environment lookup at all.
  const gates = [
    ctx.saw('env(') || ctx.saw('environ.get') || ctx.saw('fetch(') || ctx.saw('getordefault(') || ctx.saw('variable('),
    ctx.saw('process.env'),
  ];
  for (const [i, pattern] of FALLBACKS.entries()) {
    if (!gates[i]) continue;
    const re = new RegExp(pattern.source, 'g');
    while ((m = re.exec(text)) !== null && out.length < limit) {
      const groups = m.slice(1);
      const value = groups[groups.length - 1];
      const name = groups.slice(0, -2).find((g) => g !== undefined) ?? '';
      add(name, m.index, value, m.index + m[0].lastIndexOf(value), true);
    }
  }
  if (ctx.isConfig || ctx.language === 'csharp' || ctx.language === 'javascript' || ctx.language === 'typescript') {
    const re = new RegExp(BARE_KEY.source, 'g');
    while ((m = re.exec(text)) !== null && out.length < limit) {
      // Unquoted values are data only in config files (`[api]` + `key = …` in INI/TOML/YAML).
      if (m[2] === '' && !ctx.isConfig) continue;
      const section = text.slice(Math.max(0, m.index - 160), m.index);
      if (!SECRET_SECTION.test(section)) continue;
      add(section.match(/([A-Za-z_]\w{1,40})["']?\s{0,2}[:=]\s{0,2}\{[^{}]{0,150}$/)?.[1]?.concat('_key') ?? 'secret_key', m.index, m[3], m.index + m[0].lastIndexOf(m[3]), true);
    }
  }
  const pairs: [RegExp, boolean][] = [
    [NAME_VALUE, ctx.saw('alue"') || ctx.saw("alue'") || ctx.saw('alue:')],
    [GRADLE_FIELD, ctx.saw('buildconfigfield') || ctx.saw('resvalue')],
  ];
  for (const [pattern, gate] of pairs) {
    if (!gate) continue;
    const re = new RegExp(pattern.source, 'g');
    while ((m = re.exec(text)) !== null && out.length < limit) add(m[1], m.index + m[0].indexOf(m[1]), m[2], m.index + m[0].lastIndexOf(m[2]));
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
