import type { LanguageId, Region } from './types';

/**
 * A light lexer: it does not parse, it only tells string literals and comments apart from
 * code, well enough for a rule to ask "is this URL in a string?" or "is this key in a comment?".
 */
interface Syntax {
  line: string[];
  block: [string, string][];
  quotes: string[];
  /** Python-style triple-quoted strings. */
  triple?: boolean;
  /** `#` (or `;`) only starts a comment at line start or after white space (shell, YAML). */
  commentNeedsSpace?: boolean;
  /** A quote only opens a string after a delimiter (YAML `key: 'x'`, not `don't`). */
  quoteNeedsBoundary?: boolean;
  /** Markdown: prose is treated as comment, fenced and inline code as code. */
  markdown?: boolean;
}

const C_LIKE: Syntax = { line: ['//'], block: [['/*', '*/']], quotes: ['"', "'", '`'] };
const HASH_CODE: Syntax = { line: ['#'], block: [], quotes: ['"', "'"] };
const HASH_CONFIG: Syntax = {
  line: ['#'],
  block: [],
  quotes: ['"', "'"],
  commentNeedsSpace: true,
  quoteNeedsBoundary: true,
};

const SYNTAX: Record<LanguageId, Syntax> = {
  javascript: C_LIKE,
  typescript: C_LIKE,
  java: C_LIKE,
  kotlin: { ...C_LIKE, triple: true },
  csharp: C_LIKE,
  go: C_LIKE,
  rust: C_LIKE,
  c: C_LIKE,
  swift: { ...C_LIKE, triple: true },
  scala: { ...C_LIKE, triple: true },
  php: { line: ['//', '#'], block: [['/*', '*/']], quotes: ['"', "'"] },
  python: { ...HASH_CODE, triple: true },
  ruby: { line: ['#'], block: [['=begin', '=end']], quotes: ['"', "'", '`'] },
  shell: { ...HASH_CONFIG, quotes: ['"', "'", '`'] },
  powershell: { line: ['#'], block: [['<#', '#>']], quotes: ['"', "'"] },
  yaml: HASH_CONFIG,
  toml: HASH_CONFIG,
  dotenv: HASH_CONFIG,
  dockerfile: HASH_CONFIG,
  nginx: HASH_CONFIG,
  apache: HASH_CONFIG,
  haproxy: HASH_CONFIG,
  properties: { ...HASH_CONFIG, line: ['#', '!'] },
  ini: { ...HASH_CONFIG, line: ['#', ';'] },
  terraform: { line: ['#', '//'], block: [['/*', '*/']], quotes: ['"'] },
  json: { line: ['//'], block: [['/*', '*/']], quotes: ['"'] },
  sql: { line: ['--', '#'], block: [['/*', '*/']], quotes: ["'", '"'] },
  xml: { line: [], block: [['<!--', '-->']], quotes: ['"', "'"], quoteNeedsBoundary: true },
  html: { line: [], block: [['<!--', '-->']], quotes: ['"', "'"], quoteNeedsBoundary: true },
  markdown: { line: [], block: [['<!--', '-->']], quotes: [], markdown: true },
  text: { line: [], block: [], quotes: [] },
};

/** Sorted, non-overlapping spans of strings and comments; everything else is code. */
export interface Spans {
  starts: number[];
  ends: number[];
  kinds: Region[];
}

const BOUNDARY = new Set([' ', '\t', '\n', '\r', ':', '=', '[', '{', ',', '(', '-']);

function startsAt(text: string, i: number, token: string): boolean {
  return text.startsWith(token, i);
}

const CANDIDATES = new Map<Syntax, RegExp>();

/** A global regex matching any character that can start a comment or a string in `syntax`. */
function candidateRegex(syntax: Syntax): RegExp {
  let re = CANDIDATES.get(syntax);
  if (re === undefined) {
    const firsts = new Set(
      [...syntax.line, ...syntax.block.map(([open]) => open), ...syntax.quotes].map((t) => t[0]),
    );
    const cls = [...firsts].map((c) => c.replace(/[\\\]^-]/g, '\\$&')).join('');
    re = new RegExp(cls.length > 0 ? `[${cls}]` : '[^\\s\\S]', 'g');
    CANDIDATES.set(syntax, re);
  }
  return re;
}

/** Lexes `text` into string and comment spans for `language`. Linear in the text's length. */
export function lex(text: string, language: LanguageId): Spans {
  const syntax = SYNTAX[language];
  if (syntax.markdown) return lexMarkdown(text);
  const spans: Spans = { starts: [], ends: [], kinds: [] };
  const push = (s: number, e: number, k: Region): void => {
    spans.starts.push(s);
    spans.ends.push(e);
    spans.kinds.push(k);
  };
  const n = text.length;
  const next = candidateRegex(syntax);
  let i = 0;
  while (i < n) {
    // Jump to the next character that can open a comment or a string; everything in between
    // is code. Same decisions as stepping one character at a time, several times faster.
    next.lastIndex = i;
    const hit = next.exec(text);
    if (hit === null) break;
    i = hit.index;
    const ch = text[i];
    const prev = i === 0 ? '\n' : text[i - 1];
    let matched = false;
    for (const token of syntax.line) {
      if (ch === token[0] && startsAt(text, i, token)) {
        if (syntax.commentNeedsSpace && !/\s/.test(prev)) continue;
        let e = text.indexOf('\n', i);
        if (e < 0) e = n;
        push(i, e, 'comment');
        i = e;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    for (const [open, close] of syntax.block) {
      if (ch === open[0] && startsAt(text, i, open)) {
        const found = text.indexOf(close, i + open.length);
        const e = found < 0 ? n : found + close.length;
        push(i, e, 'comment');
        i = e;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    if (syntax.quotes.includes(ch) && (!syntax.quoteNeedsBoundary || BOUNDARY.has(prev))) {
      const e = stringEnd(text, i, syntax);
      push(i, e, 'string');
      i = e;
      continue;
    }
    i++;
  }
  return spans;
}

/** End (exclusive) of the string literal opening at `i`. Unterminated strings end at the line. */
function stringEnd(text: string, i: number, syntax: Syntax): number {
  const q = text[i];
  const n = text.length;
  if (syntax.triple && startsAt(text, i, q + q + q)) {
    const found = text.indexOf(q + q + q, i + 3);
    return found < 0 ? n : found + 3;
  }
  const multiline = q === '`';
  const quote = q.charCodeAt(0);
  let j = i + 1;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (c === 92 /* \ */) {
      j += 2;
      continue;
    }
    if (c === quote) return j + 1;
    if (c === 10 /* \n */ && !multiline) return j;
    j++;
  }
  return n;
}

/** Markdown: prose counts as comment; fenced blocks and inline code spans as code. */
function lexMarkdown(text: string): Spans {
  const spans: Spans = { starts: [], ends: [], kinds: [] };
  const fence = /^ {0,3}(```|~~~)[^\n]*$/gm;
  let proseStart = 0;
  let open: RegExpExecArray | null;
  while ((open = fence.exec(text)) !== null) {
    const close = new RegExp(`^ {0,3}${open[1]}\\s*$`, 'gm');
    close.lastIndex = open.index + open[0].length;
    const end = close.exec(text);
    pushProse(spans, text, proseStart, open.index);
    const blockEnd = end ? end.index + end[0].length : text.length;
    proseStart = blockEnd;
    fence.lastIndex = blockEnd;
  }
  pushProse(spans, text, proseStart, text.length);
  return spans;
}

function pushProse(spans: Spans, text: string, from: number, to: number): void {
  if (to <= from) return;
  const code = /`[^`\n]+`/g;
  code.lastIndex = from;
  let cursor = from;
  let m: RegExpExecArray | null;
  while ((m = code.exec(text)) !== null && m.index < to) {
    if (m.index > cursor) addSpan(spans, cursor, m.index, 'comment');
    cursor = m.index + m[0].length;
  }
  if (cursor < to) addSpan(spans, cursor, to, 'comment');
}

function addSpan(spans: Spans, s: number, e: number, k: Region): void {
  spans.starts.push(s);
  spans.ends.push(e);
  spans.kinds.push(k);
}

/** The region of `offset` in `spans` (binary search). */
export function regionIn(spans: Spans, offset: number): Region {
  let lo = 0;
  let hi = spans.starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans.starts[mid] > offset) hi = mid - 1;
    else if (spans.ends[mid] <= offset) lo = mid + 1;
    else return spans.kinds[mid];
  }
  return 'code';
}

/** The span (start, end) of the string or comment containing `offset`, if any. */
export function spanAt(spans: Spans, offset: number): { start: number; end: number } | undefined {
  let lo = 0;
  let hi = spans.starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans.starts[mid] > offset) hi = mid - 1;
    else if (spans.ends[mid] <= offset) lo = mid + 1;
    else return { start: spans.starts[mid], end: spans.ends[mid] };
  }
  return undefined;
}

/** The comment syntax to write a suppression comment in `language`. */
export function lineCommentFor(language: LanguageId): { open: string; close: string } {
  const syntax = SYNTAX[language];
  if (syntax.line.length > 0) return { open: syntax.line[0], close: '' };
  if (syntax.block.length > 0) return { open: syntax.block[0][0], close: syntax.block[0][1] };
  return { open: '#', close: '' };
}
