import type { ScanContext } from '../../context';
import { calleeVerdict, valueUseAfter, type ValueKind } from './exprContext';
import { skipLiteral } from './logCalls';

/**
 * Variables that hold a request body or a credential header: `body, _ := io.ReadAll(r.Body)`,
 * `const payload = JSON.stringify(req.body)`, `$raw = file_get_contents('php://input')`, a
 * Spring `@RequestBody` parameter. A later log call that writes the variable, in the same
 * block (braces) or function (indentation), logs the body.
 */

/** An expression that yields a body or credential (global regex, matched at one position). */
export interface Source {
  re: RegExp;
  kind: ValueKind;
  /** Shown in the message: "request body", "Authorization header". */
  what: string;
}

/** A declaration whose group 1 names a variable bound to a body (`@RequestBody Foo foo`). */
export interface ParamSource extends Source {
  /** The name is scoped to the next `{ … }` block (a method body), not the enclosing one. */
  nextBlock?: boolean;
  /** Names bound by a match (default: group 1), e.g. from a destructuring pattern. */
  names?: (m: RegExpExecArray, ctx: ScanContext) => string[];
}

export interface TaintSpec {
  /** Global regex of an assignment; group 1 = variable name; the match ends where the value starts. */
  assign: RegExp;
  sources: Source[];
  params?: ParamSource[];
}

export interface Taint {
  name: string;
  at: number;
  scopeEnd: number;
  kind: ValueKind;
  what: string;
}

const WINDOW = 12000;

/** Tainted variables of the file, in text order. */
export function findTaints(ctx: ScanContext, spec: TaintSpec): Taint[] {
  const assigns: { name: string; at: number; rhs: number }[] = [];
  const re = new RegExp(spec.assign.source, spec.assign.flags.includes('g') ? spec.assign.flags : `${spec.assign.flags}g`);
  let m: RegExpExecArray | null;
  while ((m = re.exec(ctx.text)) !== null) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    if (ctx.regionAt(m.index + m[0].indexOf(m[1])) !== 'code') continue;
    assigns.push({ name: m[1], at: m.index, rhs: m.index + m[0].length });
  }
  const found: { name: string; at: number; declEnd: number; scopeAt: number; kind: ValueKind; what: string }[] = [];
  const live: Taint[] = [];
  for (const p of spec.params ?? []) {
    const pre = new RegExp(p.re.source, p.re.flags.includes('g') ? p.re.flags : `${p.re.flags}g`);
    while ((m = pre.exec(ctx.text)) !== null) {
      if (ctx.regionAt(m.index) !== 'code') continue;
      const names = p.names ? p.names(m, ctx) : m[1] ? [m[1]] : [];
      const brace = p.nextBlock ? ctx.text.indexOf('{', m.index + m[0].length) : m.index;
      if (brace < 0) continue;
      for (const name of names) {
        found.push({ name, at: m.index, declEnd: m.index + m[0].length, scopeAt: p.nextBlock ? brace + 1 : m.index, kind: p.kind, what: p.what });
        live.push({ name, at: m.index, scopeEnd: m.index + WINDOW, kind: p.kind, what: p.what });
      }
    }
  }
  for (const a of assigns) {
    const src = sourceAt(ctx, a.rhs, spec.sources, live);
    if (src) {
      found.push({ name: a.name, at: a.at, declEnd: a.at, scopeAt: a.at, kind: src.kind, what: src.what });
      live.push({ name: a.name, at: a.at, scopeEnd: a.at + WINDOW, kind: src.kind, what: src.what });
    }
  }
  found.sort((x, y) => x.at - y.at);
  const ends = scopeEnds(ctx, found.map((f) => f.scopeAt));
  const reassigned = new Map<string, number[]>();
  for (const a of assigns) {
    const list = reassigned.get(a.name) ?? [];
    list.push(a.at);
    reassigned.set(a.name, list);
  }
  return found.map((f, i) => ({
    name: f.name,
    at: f.at,
    kind: f.kind,
    what: f.what,
    scopeEnd: Math.min(ends[i], nextAssignment(reassigned.get(f.name), f.declEnd), f.at + WINDOW),
  }));
}

function nextAssignment(offsets: number[] | undefined, at: number): number {
  if (!offsets) return Number.MAX_SAFE_INTEGER;
  let lo = 0;
  let hi = offsets.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid] <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo < offsets.length ? offsets[lo] : Number.MAX_SAFE_INTEGER;
}

const PREFIX = /^(?:await\s+|new\s+|\(\s*|\*\s*|&\s*|\(string\)\s*|([\w$.\\:>-]{1,60}?)(?:<[\w<>, ]{0,40}>)?\s*\(\s*)/;

/** The source at `rhs` (after `await`, `new` and pass-through wrappers), if any. */
function sourceAt(ctx: ScanContext, rhs: number, sources: Source[], live: Taint[]): Pick<Source, 'kind' | 'what'> | undefined {
  const text = ctx.text;
  let pos = rhs;
  while (/[ \t]/.test(text[pos] ?? '')) pos++;
  for (let guard = 0; guard < 6; guard++) {
    const hit = matchAt(ctx, pos, sources, live);
    if (hit) return hit;
    const m = PREFIX.exec(text.slice(pos, pos + 120));
    if (!m) return undefined;
    if (m[1] !== undefined) {
      const segs = m[1].split(/\.|->|::|\\/);
      if (calleeVerdict(segs[segs.length - 1], 'body') !== 'pass') return undefined;
    }
    pos += m[0].length;
  }
  return undefined;
}

const stickyCache = new WeakMap<RegExp, RegExp>();

/** A sticky copy of `re`, to test a source at one position. */
export function sticky(re: RegExp): RegExp {
  let s = stickyCache.get(re);
  if (!s) {
    s = new RegExp(re.source, re.flags.replace(/[gy]/g, '').concat('y'));
    stickyCache.set(re, s);
  }
  return s;
}

function matchAt(ctx: ScanContext, pos: number, sources: Source[], live: Taint[]): Pick<Source, 'kind' | 'what'> | undefined {
  for (const s of sources) {
    const re = sticky(s.re);
    re.lastIndex = pos;
    const m = re.exec(ctx.text);
    if (m && afterSource(ctx, pos, pos + m[0].length, s.kind)) return s;
  }
  // The most recent taints only: enough for chains like reader → body, and linear on big files.
  for (const t of live.slice(-50)) {
    if (t.at >= pos || pos > t.scopeEnd) continue;
    if (ctx.text.startsWith(t.name, pos) && !/[\w$]/.test(ctx.text[pos + t.name.length] ?? '')) {
      if (afterSource(ctx, pos, pos + t.name.length, t.kind)) return t;
    }
  }
  return undefined;
}

/** After the source: closing parentheses (with simple extra arguments) and kept members only. */
function afterSource(ctx: ScanContext, start: number, end: number, kind: ValueKind): boolean {
  let e = end;
  const text = ctx.text;
  for (let i = 0; i < 4; i++) {
    const m = /^(?:\s*,\s*[^(),;\n]{1,40})?\s*\)/.exec(text.slice(e, e + 60));
    if (!m) break;
    e += m[0].length;
  }
  return valueUseAfter(ctx, start, e, kind);
}

/**
 * Where the scope of a name declared at each offset ends: the close of the innermost brace
 * block (C-like languages), or the next less-indented `def`/`class` (Python, Ruby).
 */
function scopeEnds(ctx: ScanContext, offsets: number[]): number[] {
  if (ctx.language === 'python' || ctx.language === 'ruby') return offsets.map((o) => indentScopeEnd(ctx, o));
  const order = offsets.map((o, i) => [o, i]).sort((a, b) => a[0] - b[0]);
  const res = offsets.map(() => ctx.text.length);
  const stack: number[][] = [];
  const text = ctx.text;
  let q = 0;
  for (let i = 0; i < text.length && q <= order.length; i++) {
    while (q < order.length && order[q][0] <= i) {
      if (stack.length > 0) stack[stack.length - 1].push(order[q][1]);
      q++;
    }
    if (q === order.length && stack.every((s) => s.length === 0)) break;
    const c = text[i];
    if (c === '"' || c === "'" || c === '`' || c === '/' || c === '#') {
      const skip = skipLiteral(ctx, i);
      if (skip > i) {
        i = skip - 1;
        continue;
      }
    }
    if (c === '{') stack.push([]);
    else if (c === '}') for (const idx of stack.pop() ?? []) res[idx] = i;
  }
  return res;
}

function indentScopeEnd(ctx: ScanContext, offset: number): number {
  const text = ctx.text;
  const lineStart = ctx.lineStart(offset);
  const indent = /^[ \t]*/.exec(text.slice(lineStart, lineStart + 200))![0].length;
  const limit = Math.min(text.length, offset + WINDOW);
  let i = ctx.lineEnd(offset) + 1;
  while (i < limit) {
    const end = ctx.lineEnd(i);
    const line = text.slice(i, Math.min(end, i + 200));
    const ind = /^[ \t]*/.exec(line)![0].length;
    const rest = line.slice(ind);
    if (rest.length > 0 && !rest.startsWith('#') && ind < indent) {
      if (ind === 0 || /^(?:def |async def |class |module |@)/.test(rest)) return i;
    }
    i = end + 1;
  }
  return limit;
}
