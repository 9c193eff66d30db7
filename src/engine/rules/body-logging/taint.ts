import type { ScanContext } from '../../context';
import { execInWindows, unionWindows, windowsNear } from '../../windows';
import { calleeVerdict, nearLineStart, valueUseAfter, type ValueKind } from './exprContext';
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
  /** Lower-case literals one of which the source always contains: it only runs where one occurs. */
  hint?: string[];
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
  /**
   * The regex is `^`-anchored (`m` flag) and a match never spans lines up to its hint: it is
   * tried only at the start of the lines holding a hint (a sticky search there), not over the text.
   */
  line?: boolean;
  /**
   * Words (lower-case) one of which every match holds, at most `before` characters after the
   * match start; the match ends at most `after` + 256 characters after the word's end (the
   * look-around margin of `execInWindows`). The regex then runs only in windows around the
   * words' offsets (from the keyword pass) instead of over the whole text.
   */
  near?: {
    words: readonly string[];
    before: number;
    after: number;
    /** Only occurrences for which this holds can be in a match (e.g. the exact case, a `(` before). */
    keep?: (text: string, at: number) => boolean;
  };
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
/** At most this many tainted variables per file: enough for real code, bounded on generated files. */
const MAX_TAINTS = 200;

interface Found {
  name: string;
  at: number;
  declEnd: number;
  scopeAt: number;
  kind: ValueKind;
  what: string;
}

const compiled = new WeakMap<RegExp, RegExp>();

/** `re` with the `g` flag (compiled once per pattern). */
function global(re: RegExp): RegExp {
  let g = compiled.get(re);
  if (!g) {
    g = re.flags.includes('g') ? re : new RegExp(re.source, `${re.flags}g`);
    compiled.set(re, g);
  }
  return g;
}

const assignedCache = new WeakMap<RegExp, RegExp>();

/** `<assignment><pass-through wrappers>$`: the assignment a source is the value of. */
function assignedBefore(assign: RegExp): RegExp {
  let re = assignedCache.get(assign);
  if (!re) {
    const wrappers = '((?:await\\s+|new\\s+|\\(\\s*|\\*\\s*|&\\s*|\\(string\\)\\s*|[\\w$.\\\\:>-]{1,60}(?:<[\\w<>, ?]{0,40}>)?\\s*\\(\\s*)*)$';
    re = new RegExp(assign.source + wrappers, assign.flags.replace('g', ''));
    assignedCache.set(assign, re);
  }
  return re;
}

/** Every hint literal of a spec's sources and parameters (and of extra sources, e.g. sinks): gates. */
export function taintHints(spec: TaintSpec | undefined, extra: readonly Source[] = []): string[] {
  return [...new Set([...(spec?.params ?? []), ...(spec?.sources ?? []), ...extra].flatMap((s) => s.hint ?? []))];
}

/**
 * False when none of the source's hint literals occurs in the text (the regex cannot match).
 * The hints are the rule's gates: the keyword pass answers (a hint that is absent would
 * otherwise cost a whole scan of the text for every source that names it).
 */
export function hinted(ctx: ScanContext, src: Source): boolean {
  return src.hint === undefined || src.hint.some((h) => ctx.saw(h));
}

const windowCache = new WeakMap<ScanContext, Map<string, [number, number][]>>();

/**
 * Windows around the source's hint literals: every match contains one, so the source regex (which
 * starts with look-behinds irregexp cannot skip ahead on) runs only there. Undefined (search the
 * whole text) without hints or when lower-casing changes the text's length (only U+0130 does).
 * The hints' offsets come from the keyword pass (they are the rule's anchors); the windows are
 * those of `windowsNear(lower, /hint1|hint2|…/g, 160, 240)`: the alternation's matches are
 * replayed from the offsets (leftmost, then first hint, not overlapping the previous match).
 * Sources with the same hints share them (cached per text).
 */
function hintWindows(ctx: ScanContext, src: Source): [number, number][] | undefined {
  if (src.hint === undefined || src.hint.length === 0) return undefined;
  let byHints = windowCache.get(ctx);
  if (!byHints) {
    byHints = new Map();
    windowCache.set(ctx, byHints);
  }
  const key = src.hint.join('\n');
  let windows = byHints.get(key);
  if (!windows) {
    // U+0130 changes the length when lower-cased (then the whole text is searched, as always);
    // U+212A (the Kelvin sign) lower-cases to `k`, which the keyword pass does not see: then the
    // lower-cased text is searched as before, so that the windows stay exactly the same.
    if (hasOddCase(ctx)) {
      if (ctx.text.includes('\u0130')) return undefined;
      windows = windowsNear(ctx.lower, hintAlternation(src.hint), BEFORE, AFTER);
    } else {
      windows = hintMatchWindows(ctx, src.hint);
    }
    byHints.set(key, windows);
  }
  return windows;
}

const oddCase = new WeakMap<ScanContext, boolean>();

/** Whether the text holds U+0130 or U+212A, the two characters lower-casing maps onto ASCII. */
function hasOddCase(ctx: ScanContext): boolean {
  let odd = oddCase.get(ctx);
  if (odd === undefined) {
    odd = /[\u0130\u212a]/.test(ctx.text);
    oddCase.set(ctx, odd);
  }
  return odd;
}

const alternations = new Map<string, RegExp>();

/** `/hint1|hint2|…/g`, the regex the windows were first searched with. */
function hintAlternation(hints: readonly string[]): RegExp {
  const key = hints.join('\n');
  let re = alternations.get(key);
  if (!re) {
    re = new RegExp(hints.map((h) => h.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
    alternations.set(key, re);
  }
  return re;
}

/** A source expression reaches at most this far before and after its hint. */
const BEFORE = 160;
const AFTER = 240;

function hintMatchWindows(ctx: ScanContext, hints: readonly string[]): [number, number][] {
  // (offset, hint index) of every occurrence, in offset order, then hint order.
  const occurrences: number[] = [];
  hints.forEach((h, k) => {
    const starts = ctx.anchors(h);
    for (let i = 0; i < starts.length; i++) occurrences.push(starts[i], k);
  });
  const order = Array.from({ length: occurrences.length / 2 }, (_, i) => i).sort(
    (x, y) => occurrences[2 * x] - occurrences[2 * y] || occurrences[2 * x + 1] - occurrences[2 * y + 1],
  );
  const n = ctx.text.length;
  const windows: [number, number][] = [];
  let searched = 0;
  for (const i of order) {
    const at = occurrences[2 * i];
    if (at < searched) continue;
    const end = at + hints[occurrences[2 * i + 1]].length;
    searched = end;
    const start = Math.max(0, at - BEFORE);
    const stop = Math.min(n, end + AFTER);
    const last = windows[windows.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], stop);
    else windows.push([start, stop]);
  }
  return windows;
}

/** The literals whose offsets are read: source hints, line parameters' hints, parameters' near words. */
export function sourceHints(spec: TaintSpec): string[] {
  const params = spec.params ?? [];
  return [
    ...new Set([
      ...[...spec.sources, ...params.filter((p) => p.line)].flatMap((s) => s.hint ?? []),
      ...params.flatMap((p) => p.near?.words ?? []),
    ]),
  ];
}

const stickyCache = new WeakMap<RegExp, RegExp>();

function isLineBreak(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}

/** The matches of a parameter's regex, in text order (see `ParamSource.line`). */
function* paramMatches(ctx: ScanContext, p: ParamSource): Generator<RegExpExecArray> {
  const text = ctx.text;
  if (p.line && p.hint) {
    let sticky = stickyCache.get(p.re);
    if (!sticky) {
      sticky = new RegExp(p.re.source, `${p.re.flags.replace('g', '')}y`);
      stickyCache.set(p.re, sticky);
    }
    const offsets: number[] = [];
    for (const h of p.hint) {
      const starts = ctx.anchors(h);
      for (let i = 0; i < starts.length; i++) offsets.push(starts[i]);
    }
    offsets.sort((a, b) => a - b);
    // Each line holding a hint once, in order (each line's text is walked once: linear). Lines
    // as `^` sees them: after \n, \r, U+2028 or U+2029.
    let lineEnd = -1;
    for (const at of offsets) {
      if (at < lineEnd) continue;
      let start = at;
      while (start > 0 && !isLineBreak(text.charCodeAt(start - 1))) start--;
      lineEnd = at;
      while (lineEnd < text.length && !isLineBreak(text.charCodeAt(lineEnd))) lineEnd++;
      sticky.lastIndex = start;
      const m = sticky.exec(text);
      if (m) yield m;
    }
    return;
  }
  if (p.near && !text.includes('\u0130')) {
    const raw: [number, number][] = [];
    for (const w of p.near.words) {
      const starts = ctx.anchors(w);
      for (let i = 0; i < starts.length; i++) {
        if (p.near.keep && !p.near.keep(text, starts[i])) continue;
        raw.push([Math.max(0, starts[i] - p.near.before), Math.min(text.length, starts[i] + w.length + p.near.after)]);
      }
    }
    const windows = unionWindows([raw]);
    const matches: RegExpExecArray[] = [];
    execInWindows(global(p.re), text, windows, (m) => {
      matches.push(m);
    });
    yield* matches;
    return;
  }
  const pre = global(p.re);
  pre.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = pre.exec(text)) !== null) yield m;
}

/** Tainted variables of the file, in text order. */
export function findTaints(ctx: ScanContext, spec: TaintSpec): Taint[] {
  const found: Found[] = [];
  for (const p of spec.params ?? []) {
    if (!hinted(ctx, p)) continue;
    for (const m of paramMatches(ctx, p)) {
      if (found.length >= MAX_TAINTS) break;
      if (ctx.regionAt(m.index) !== 'code') continue;
      const names = p.names ? p.names(m, ctx) : m[1] ? [m[1]] : [];
      const brace = p.nextBlock ? ctx.text.indexOf('{', m.index + m[0].length) : m.index;
      if (brace < 0) continue;
      for (const name of names) {
        found.push({ name, at: m.index, declEnd: m.index + m[0].length, scopeAt: p.nextBlock ? brace + 1 : m.index, kind: p.kind, what: p.what });
      }
    }
  }
  for (const src of spec.sources) {
    if (!hinted(ctx, src)) continue;
    execInWindows(global(src.re), ctx.text, hintWindows(ctx, src), (m) => {
      const f = assignmentOf(ctx, spec.assign, m.index, m.index + m[0].length, src);
      if (f) found.push(f);
      return found.length < MAX_TAINTS;
    });
  }
  // One more round: variables assigned from a tainted one (`reader` → `body`, `body` → `text`).
  for (const t of found.slice(0, 50)) {
    const re = new RegExp(`(?<![\\w$.])${t.name.replace(/\$/g, '\\$')}(?![\\w$])`, 'g');
    re.lastIndex = t.declEnd;
    let m: RegExpExecArray | null;
    while ((m = re.exec(ctx.text)) !== null && m.index < t.at + WINDOW && found.length < MAX_TAINTS) {
      const f = assignmentOf(ctx, spec.assign, m.index, m.index + m[0].length, t);
      if (f && f.name !== t.name) found.push(f);
    }
  }
  found.sort((x, y) => x.at - y.at);
  const ends = scopeEnds(ctx, found.map((f) => f.scopeAt));
  const reassigned = new Map<string, number[]>();
  return found.map((f, i) => ({
    name: f.name,
    at: f.at,
    kind: f.kind,
    what: f.what,
    scopeEnd: Math.min(ends[i], nextAssignment(ctx, reassigned, f.name, f.declEnd), f.at + WINDOW),
  }));
}

/** The variable a source at `[start, end)` is assigned to (through pass-through wrappers). */
function assignmentOf(
  ctx: ScanContext,
  assign: RegExp,
  start: number,
  end: number,
  src: Pick<Source, 'kind' | 'what'>,
): Found | undefined {
  if (ctx.regionAt(start) !== 'code') return undefined;
  // First what follows the source (cheap, and most sources are used, not assigned: `params[:id]`).
  if (!afterSource(ctx, start, end, src.kind)) return undefined;
  let from = nearLineStart(ctx.text, start, 200);
  let before = ctx.text.slice(from, start);
  // The assignment is in the same statement: after the last `;`, `{` or `}`.
  const cut = Math.max(before.lastIndexOf(';'), before.lastIndexOf('{'), before.lastIndexOf('}'));
  if (cut >= 0) {
    from += cut + 1;
    before = before.slice(cut + 1);
  }
  if (!before.includes('=')) return undefined;
  const m = assignedBefore(assign).exec(before);
  if (!m || !m[1]) return undefined;
  const wrappers = m[m.length - 1] ?? '';
  for (const w of wrappers.matchAll(/([\w$.\\:>-]{1,60})(?:<[\w<>, ?]{0,40}>)?\s*\(/g)) {
    const segs = w[1].split(/\.|->|::|\\/);
    if (calleeVerdict(segs[segs.length - 1], 'body') !== 'pass') return undefined;
  }
  const at = from + m.index;
  return { name: m[1], at, declEnd: start, scopeAt: at, kind: src.kind, what: src.what };
}

/** The next assignment to `name` after `after` (offsets found once per name). */
function nextAssignment(ctx: ScanContext, cache: Map<string, number[]>, name: string, after: number): number {
  let offsets = cache.get(name);
  if (!offsets) {
    offsets = [];
    const esc = name.replace(/\$/g, '\\$');
    const re = new RegExp(`(?<![\\w$.])${esc}\\s*(?:,\\s*[\\w$]{1,40}\\s*)?(?::=|=(?![=>~]))`, 'g');
    let m: RegExpExecArray | null;
    while ((m = re.exec(ctx.text)) !== null) offsets.push(m.index);
    cache.set(name, offsets);
  }
  let lo = 0;
  let hi = offsets.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid] <= after) lo = mid + 1;
    else hi = mid;
  }
  return lo < offsets.length ? offsets[lo] : Number.MAX_SAFE_INTEGER;
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
  // Offsets placed in an open block and not yet resolved (the scan stops when none are left).
  let pending = 0;
  let q = 0;
  // Only literal openers and braces matter: jump from one to the next (a regex search) instead
  // of stepping through every character. Offsets passed over are placed in the block open there.
  const next = /["'`/#{}]/g;
  for (let i = 0; i < text.length; ) {
    next.lastIndex = i;
    const hit = next.exec(text);
    const at = hit === null ? text.length : hit.index;
    while (q < order.length && order[q][0] <= at) {
      if (stack.length > 0) {
        stack[stack.length - 1].push(order[q][1]);
        pending++;
      }
      q++;
    }
    if (hit === null || (q === order.length && pending === 0)) break;
    i = at;
    const c = text[i];
    if (c === '"' || c === "'" || c === '`' || c === '/' || c === '#') {
      const skip = skipLiteral(ctx, i);
      if (skip > i) {
        i = skip;
        continue;
      }
    }
    if (c === '{') stack.push([]);
    else if (c === '}') {
      const closed = stack.pop() ?? [];
      for (const idx of closed) res[idx] = i;
      pending -= closed.length;
    }
    i++;
  }
  return res;
}

function indentScopeEnd(ctx: ScanContext, offset: number): number {
  const text = ctx.text;
  const lineStart = nearLineStart(text, offset);
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
