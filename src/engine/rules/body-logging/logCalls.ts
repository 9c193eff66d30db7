import type { ScanContext } from '../../context';
import { execInWindows, unionWindows } from '../../windows';
import type { LanguageId } from '../../types';

/**
 * Finding log calls: the call heads of each language's loggers, and their argument spans.
 * Every `body-logging/` rule looks only inside these arguments, so a request body that is
 * saved, validated or returned is never reported — only one that is written to a log.
 */

/** One log call, e.g. `logger.info("x", req.body)`. Offsets are 0-based. */
export interface LogCall {
  /** Start of the callee (receiver chain included). */
  start: number;
  /** Arguments span: inside the parentheses, or to the end of a paren-less Ruby call. */
  argsStart: number;
  argsEnd: number;
  /** Callee text, e.g. `logger.info`, `print`, `Log::info`. */
  callee: string;
}

interface HeadSpec {
  /** Method names called on a logger-like receiver (case-sensitive alternation). */
  methods: string;
  /** Bare function names (`print`, `error_log`), not preceded by `.`, `->` or `::`. */
  bare?: string;
  /** Extra receiver segments (lower-case) counted as loggers in this language. */
  receivers?: string[];
  /** Ruby: calls without parentheses. */
  parenless?: boolean;
  /** Rust: macros (`info!(`). */
  bang?: boolean;
}

const JS: HeadSpec = {
  methods: 'log|info|warn|warning|error|debug|trace|fatal|verbose|silly|http|notice|crit|critical|emerg|alert|dir|table|child|write',
  bare: 'debug|log|dbg',
  // `process.stdout.write(…)` is what a container's log collector reads.
  receivers: ['stdout', 'stderr'],
};
const HEADS: Partial<Record<LanguageId, HeadSpec>> = {
  javascript: JS,
  typescript: JS,
  python: {
    methods: 'debug|info|warning|warn|error|exception|critical|fatal|log|msg|bind|opt|success|pprint|pp|write',
    bare: 'print|pprint|pp',
    // `pprint.pprint(…)`, `sys.stderr.write(…)`.
    receivers: ['pprint', 'stdout', 'stderr'],
  },
  go: {
    methods:
      'Print|Printf|Println|Fatal|Fatalf|Fatalln|Panic|Panicf|Panicln|Debug|Debugf|Debugw|Debugln|Info|Infof|Infow|Infoln|Warn|Warnf|Warnw|Warnln|Warning|Warningf|Error|Errorf|Errorw|Errorln|Trace|Tracef|Fprint|Fprintf|Fprintln|WithField|WithFields|With|Str|Bytes|RawJSON|Interface|Msg|Msgf|Any|Log|Logf|DebugContext|InfoContext|WarnContext|ErrorContext',
    bare: 'println|print',
    receivers: ['fmt', 'l', 'lg', 'sugar', 's'],
  },
  java: {
    // `d|i|w|e|v|wtf`: android.util.Log and Timber.
    methods: 'trace|debug|info|warn|warning|error|fatal|severe|fine|finer|finest|log|println|print|printf|d|i|w|e|v|wtf',
    bare: 'println|print',
    receivers: ['out', 'err', 'timber'],
  },
  csharp: {
    methods:
      'LogTrace|LogDebug|LogInformation|LogWarning|LogError|LogCritical|Log|Information|Debug|Warning|Error|Fatal|Verbose|Write|WriteLine|Info|Warn|Trace|TraceInformation|TraceWarning|TraceError',
    receivers: ['console', 'debug', 'trace'],
  },
  ruby: {
    methods: 'debug|info|warn|error|fatal|unknown|add',
    bare: 'puts|pp|p|print|warn|ap',
    parenless: true,
  },
  php: {
    methods: 'debug|info|notice|warning|warn|error|critical|alert|emergency|log|addDebug|addInfo|addWarning|addError|write',
    bare: 'error_log|print_r|var_dump|var_export|syslog|logger|debug_zval_dump|file_put_contents|fwrite',
  },
  rust: { methods: 'x^', bare: 'println|eprintln|print|eprint|dbg|trace|debug|info|warn|error', bang: true },
  swift: {
    methods: 'debug|info|notice|warning|error|fault|critical|log|trace',
    bare: 'print|debugPrint|NSLog|os_log',
  },
};
HEADS.kotlin = HEADS.java;
HEADS.scala = HEADS.java;

const LOGGER_SEGMENT =
  /^[@$_]*(?:[a-z0-9_]{0,30}log(?:ger)?(?:service|svc|client)?|logs|logging|console|winston|pino|bunyan|signale|consola|logrus|zap|slog|zerolog|structlog|loguru|timber|serilog|monolog|log4js|npmlog)$/;
const NOT_LOGGER = /^[@$_]*(?:catalog|dialog|blog|backlog|changelog|prolog|epilog|datalog|weblog|math)$/;

/** `std = logging.getLogger(…)`, `const audit = pino()`, `l := zap.NewProduction()`: a logger named freely. */
const LOGGER_DECL =
  /(?<![\w$.])([$@]?[A-Za-z_][\w$]{0,40})\s{0,4}(?::\s{0,4}[\w.<>]{1,60}\s{0,4})?(?::=|=)\s{0,4}(?:new\s+)?[\w$.\\:]{0,80}?(?:getLogger|get_logger|getLog|createLogger|pino|bunyan|Logger|NewProduction|NewDevelopment|NewExample|Sugar|logrus\.New|log\.New|slog\.New|zerolog\.New|zap\.New)\s{0,2}[(<]/g;
const LOGGER_FACTORY = /getLogger|get_logger|getLog|createLogger|pino|bunyan|Logger|NewProduction|NewDevelopment|NewExample|Sugar|\.New\b/g;
/** `ILogger<Foo> audit;`, `Logger audit =`: typed logger fields and parameters. */
const LOGGER_TYPED = /(?:ILogger(?:<[\w.]{1,60}>)?|Logger|ILog)\s+(_?[A-Za-z]\w{0,40})\s*[;=,)]/g;

/** Literals one of which a file declaring a logger holds (answered by the keyword pass). */
export const FACTORY_GATES = ['logger', 'getlog', 'get_log', 'pino', 'bunyan', 'sugar', '.new('];
/** Where a `LOGGER_FACTORY` match can start, case aside (every alternative starts with one). */
export const FACTORY_ANCHORS = ['logger', 'getlog', 'get_logger', 'createlogger', 'pino', 'bunyan', 'newproduction', 'newdevelopment', 'newexample', 'sugar', '.new'];
const LOGGER_FACTORY_AT = new RegExp(LOGGER_FACTORY.source, 'y');

/** `windowsNear(text, LOGGER_FACTORY, 210, 30)`, from the anchors (the same windows or wider). */
function factoryWindows(ctx: ScanContext): [number, number][] {
  const n = ctx.text.length;
  const raw: [number, number][] = [];
  for (const word of FACTORY_ANCHORS) {
    const starts = ctx.anchors(word);
    for (let i = 0; i < starts.length; i++) {
      LOGGER_FACTORY_AT.lastIndex = starts[i];
      const m = LOGGER_FACTORY_AT.exec(ctx.text);
      if (m) raw.push([Math.max(0, m.index - 210), Math.min(n, m.index + m[0].length + 30)]);
    }
  }
  return unionWindows([raw]);
}

/** Names of loggers declared in the file (lower-case, without `$`/`@`). */
function declaredLoggers(ctx: ScanContext): Set<string> {
  const names = new Set<string>();
  if (!FACTORY_GATES.some((g) => ctx.saw(g))) return names;
  // The declaration regex starts at every identifier; run it only near a logger factory name
  // (its match starts at most ~200 characters before the name), found at the keyword pass's
  // offsets for the names (the factory pattern stuck to each, keeping its exact case).
  const windows = factoryWindows(ctx);
  for (const [re, w] of [[LOGGER_DECL, windows], [LOGGER_TYPED, undefined]] as const) {
    execInWindows(re, ctx.text, w, (m) => {
      names.add(m[1].replace(/^[$@]+/, '').toLowerCase());
      return names.size < 50;
    });
  }
  return names;
}

const headCache = new Map<LanguageId, RegExp>();

function headRegex(lang: LanguageId, spec: HeadSpec): RegExp {
  let re = headCache.get(lang);
  if (!re) {
    const open = spec.bang ? '!\\s{0,3}\\(' : spec.parenless ? '(?=[\\s(])' : '\\s{0,3}\\(';
    const method = `(?:\\?\\.|\\.|->|::|&\\.)\\s{0,3}(${spec.methods})${spec.parenless ? '\\b' : ''}${open}`;
    const behind = spec.bang ? '(?<![\\w$.])' : '(?<![\\w$.>:\\\\@])';
    const bare = spec.bare ? `|${behind}(${spec.bare})${spec.parenless ? '\\b' : ''}${open}` : '';
    re = new RegExp(method + bare, 'g');
    headCache.set(lang, re);
  }
  return re;
}

const callCache = new WeakMap<ScanContext, LogCall[]>();

/** Every log call in the file (cached per scan context; shared by all rules of the family). */
export function findLogCalls(ctx: ScanContext): LogCall[] {
  const cached = callCache.get(ctx);
  if (cached) return cached;
  const spec = HEADS[ctx.language];
  const calls: LogCall[] = [];
  if (spec) {
    // The declared loggers are looked for (two more passes over the text) only when a call's
    // receiver is not a logger by its name alone.
    let declared: Set<string> | undefined;
    const loggers = (): Set<string> => (declared ??= declaredLoggers(ctx));
    const verdicts = new Map<string, boolean>();
    const re = headRegex(ctx.language, spec);
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(ctx.text)) !== null) {
      const call = toCall(ctx, spec, m, loggers, verdicts);
      if (call) calls.push(call);
    }
  }
  callCache.set(ctx, calls);
  return calls;
}

function toCall(
  ctx: ScanContext,
  spec: HeadSpec,
  m: RegExpExecArray,
  loggers: () => Set<string>,
  verdicts: Map<string, boolean>,
): LogCall | undefined {
  if (ctx.regionAt(m.index) !== 'code') return undefined;
  const end = m.index + m[0].length;
  let start = m.index;
  if (m[1] !== undefined) {
    const chain = receiverBefore(ctx.text, m.index);
    // Receivers repeat (`logger`, `this.log`): one verdict per receiver and method per file.
    const key = `${m[1]} ${chain.text}`;
    let logger = verdicts.get(key);
    if (logger === undefined) {
      logger = isLoggerChain(chain.text, spec, m[1], loggers);
      verdicts.set(key, logger);
    }
    if (!logger) return undefined;
    start = chain.start;
  } else if (spec.parenless && ctx.language === 'ruby' && !statementStart(ctx.text, m.index)) {
    return undefined;
  }
  // The callee without the `(`, `!` and spaces the head ends with.
  let calleeEnd = end;
  while (calleeEnd > start) {
    const c = ctx.text.charCodeAt(calleeEnd - 1);
    if (c === 40 || c === 33 || isSpace(c)) calleeEnd--;
    else break;
  }
  const callee = ctx.text.slice(start, calleeEnd);
  // Go's fmt.Fprint* to a ResponseWriter answers the request; only stderr/stdout or a log is logging.
  // (Only Go's heads end in Fprint, only PHP's are file_put_contents/fwrite.)
  if (ctx.language === 'go' && /\bFprint(?:f|ln)?$/.test(callee) && !/^\s{0,4}(?:os\.Std(?:err|out)|\w{0,20}[lL]og\w{0,20})\s{0,4},/.test(ctx.text.slice(end, end + 60))) {
    return undefined;
  }
  // PHP writes to a file: only a log file or stderr/stdout counts as logging.
  if (ctx.language === 'php' && /^(?:file_put_contents|fwrite)$/.test(callee) && !/^[^,]{0,80}(?:log|std(?:err|out))/i.test(ctx.text.slice(end, end + 90))) {
    return undefined;
  }
  const paren = ctx.text[end - 1] === '(';
  if (paren) {
    const close = matchClose(ctx, end - 1, 3000);
    return { start, argsStart: end, argsEnd: close, callee };
  }
  if (ctx.text[end] === '(' || /^\s{0,3}\(/.test(ctx.text.slice(end, end + 4))) {
    const open = ctx.text.indexOf('(', end);
    return { start, argsStart: open + 1, argsEnd: matchClose(ctx, open, 3000), callee };
  }
  return { start, argsStart: end, argsEnd: statementEnd(ctx, end, 500), callee };
}

/** Ruby bare `puts`/`p`: only at the start of a statement, not `x.p` or `p = 1`. */
function statementStart(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 40), at);
  if (!/(?:^|[\n;{|]|\bdo|\bthen|\belse)\s*$/.test(before) && at > 0 && !/^\s*$/.test(before)) return false;
  return !/^\w+\s*=[^=]/.test(text.slice(at, at + 40));
}

/** `[\w$@\\.]`: characters of a receiver chain's names. */
function isChainChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36 || c === 64 || c === 92 || c === 46;
}

/** `\s` of JavaScript regexes, for one UTF-16 code unit. */
export function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** The receiver chain before a `.method(`: `this.logger`, `logrus.WithFields(x)`, `$this->log`. */
function receiverBefore(text: string, sep: number): { start: number; text: string } {
  let i = sep;
  const min = Math.max(0, sep - 200);
  while (i > min) {
    const c = text[i - 1];
    if (isChainChar(text.charCodeAt(i - 1))) i--;
    else if (c === '?' && text[i] === '.') i--;
    else if (c === '>' && text[i - 2] === '-') i -= 2;
    else if (c === ':' && text[i - 2] === ':') i -= 2;
    else if (c === '&' && text[i] === '.') i--;
    else if (c === ')' || c === ']') {
      const open = matchOpenBackward(text, i - 1, min);
      if (open < 0) break;
      i = open;
    } else if (isSpace(text.charCodeAt(i - 1)) && text[i] === '.') {
      while (i > min && isSpace(text.charCodeAt(i - 1))) i--;
    } else break;
  }
  return { start: i, text: text.slice(i, sep) };
}

function matchOpenBackward(text: string, close: number, min: number): number {
  let depth = 0;
  for (let j = close; j >= min; j--) {
    const c = text[j];
    if (c === ')' || c === ']' || c === '}') depth++;
    else if (c === '(' || c === '[' || c === '{') {
      depth--;
      if (depth === 0) return j;
    }
  }
  return -1;
}

function isLoggerChain(chain: string, spec: HeadSpec, method: string, loggers: () => Set<string>): boolean {
  const bare = chain.replace(/\([^()]{0,200}\)|\[[^[\]]{0,200}\]/g, '');
  const segments = bare.toLowerCase().split(/\?\.|&\.|\.|->|::|\\/).filter((s) => s.length > 0);
  if (segments.length === 0) return false;
  const last = segments[segments.length - 1];
  if (last === 'fmt') return /^(?:Print|Fprint)/.test(method);
  if (last === 'out' || last === 'err') return segments[segments.length - 2] === 'system';
  const extra = spec.receivers ?? [];
  if (segments.some((s) => (LOGGER_SEGMENT.test(s) && !NOT_LOGGER.test(s)) || extra.includes(s.replace(/^[@$_]+/, '')))) {
    return true;
  }
  const declared = loggers();
  return declared.size > 0 && segments.some((s) => declared.has(s.replace(/^[@$]+/, '')));
}

/**
 * Index of the bracket closing the one at `open`, skipping strings and comments; when it is
 * not found within `cap` characters, the end of the search window.
 */
export function matchClose(ctx: ScanContext, open: number, cap: number): number {
  const text = ctx.text;
  const limit = Math.min(text.length, open + cap);
  let depth = 0;
  for (let i = open; i < limit; i++) {
    const c = text[i];
    if (c === '"' || c === "'" || c === '`' || c === '/' || c === '#') {
      const skip = skipLiteral(ctx, i);
      if (skip > i) {
        i = skip - 1;
        continue;
      }
    }
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return limit;
}

/** End of the string or comment starting exactly at `i`, or `i` when none starts there. */
export function skipLiteral(ctx: ScanContext, i: number): number {
  if (ctx.regionAt(i) === 'code') return i;
  const span = ctx.enclosing(i);
  return span && span.start === i ? span.end : i;
}

/** End of a paren-less statement: the line end (or `;`) outside brackets, continuing after `,`/`\`. */
function statementEnd(ctx: ScanContext, from: number, cap: number): number {
  const text = ctx.text;
  const limit = Math.min(text.length, from + cap);
  let depth = 0;
  for (let i = from; i < limit; i++) {
    const c = text[i];
    const skip = c === '"' || c === "'" || c === '`' || c === '#' ? skipLiteral(ctx, i) : i;
    if (skip > i) {
      i = skip - 1;
      continue;
    }
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      if (depth === 0) return i;
      depth--;
    } else if ((c === '\n' || c === ';') && depth === 0) {
      if (c === '\n' && /[,\\+]\s*$/.test(text.slice(Math.max(from, i - 20), i))) continue;
      return i;
    }
  }
  return limit;
}

/** Top-level comma-separated arguments of a call, trimmed, as offset spans. */
export function splitArgs(ctx: ScanContext, call: LogCall): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const text = ctx.text;
  let depth = 0;
  let from = call.argsStart;
  const push = (s: number, e: number): void => {
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) out.push({ start: s, end: e });
  };
  for (let i = call.argsStart; i < call.argsEnd; i++) {
    const c = text[i];
    const skip = c === '"' || c === "'" || c === '`' || c === '/' || c === '#' ? skipLiteral(ctx, i) : i;
    if (skip > i) {
      i = skip - 1;
      continue;
    }
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) {
      push(from, i);
      from = i + 1;
    }
  }
  push(from, call.argsEnd);
  return out;
}
