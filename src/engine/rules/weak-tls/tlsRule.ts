import type { ScanContext } from '../../context';
import { defineRule, type Rule, type RuleExample } from '../../rule';
import type { Confidence, Fix, LanguageId, RuleMatch, Severity } from '../../types';
import { execInWindows } from '../../windows';

/** One regex hit as a pattern's callbacks see it. */
export interface TlsHit {
  ctx: ScanContext;
  m: RegExpExecArray;
  /** Offsets of the flagged span (the pattern's `group`, or the whole match). */
  start: number;
  end: number;
  value: string;
}

/** One way a weak TLS setting is written. A rule has one or more of these. */
export interface TlsPattern {
  /** Linear regex (bounded repeats); `g` and `d` are added. */
  re: RegExp;
  /** Capture group that is the flagged span (default: the whole match). */
  group?: number;
  /** Capture group whose start `region` is checked at (default: the match start). */
  regionGroup?: number;
  /**
   * Where the match's first character must sit. `code`: outside strings and comments (code
   * settings such as `verify=False`); `notComment` (default): code or a string literal (config
   * values, shell commands inside YAML or package.json strings).
   */
  region?: 'code' | 'notComment';
  /** The message, or a function that returns it — or `undefined` to drop the hit. */
  message: string | ((hit: TlsHit) => string | undefined);
  /** Overrides the rule's severity for this pattern. */
  severity?: Severity;
  fixes?: (hit: TlsHit) => Fix[];
  /**
   * A context word every match contains, as a global regex, with how far before it a match may
   * start and how far after it a match may end: the pattern then runs only in windows around
   * its occurrences (loose patterns are costly to try at every position of a long document).
   */
  near?: Near;
  /**
   * Lower-case literals one of which every match contains (case-insensitively): the pattern is
   * skipped on texts without any (gates of the rule, answered by the keyword pass, instead of
   * trying the regex at every position).
   */
  requires?: readonly string[];
  /** The pattern reports only in files whose path matches (its message is undefined elsewhere). */
  paths?: RegExp;
}

/** See `TlsPattern.near`. */
export interface Near {
  anchor: RegExp;
  before: number;
  after: number;
  /**
   * Optional: lower-case literals one of which every anchor match contains, and the longest
   * anchor match. The literals are the rule's `anchors` (their offsets come from the keyword
   * pass); the anchor regex then runs only right around them instead of at every position. Its
   * matches, and so the windows, are the same.
   */
  literals?: { words: readonly string[]; longest: number };
}

/** What a `weak-tls/` rule declares; `tlsRule` supplies the detector loop. */
export interface TlsRuleSpec {
  id: string;
  title: string;
  description: string;
  remediation: string;
  severity: Severity;
  confidence?: Confidence;
  cwe: string[];
  keywords: string[];
  languages: LanguageId[];
  patterns: TlsPattern[];
  /** Literals whose offsets `postProcess` reads through `ctx.anchors()` (added to the rule's anchors). */
  anchors?: string[];
  /** Runs on the rule's matches before overlaps are dropped (e.g. to merge hits on one line). */
  postProcess?: (matches: RuleMatch[], ctx: ScanContext) => RuleMatch[];
  good: RuleExample[];
  bad: RuleExample[];
}

const TEST_PATH = /(?:^|\/)(?:tests?|__tests__|spec|specs|testdata)\/|[._-](?:test|spec)\.[a-z]+$|(?:^|\/)test_[^/]*\.py$|_test\.go$|Tests?\.(?:java|cs|kt)$/i;
const REJECTION =
  /toThrow|rejects\b|\.throws\b|assertRaises|pytest\.raises|assertThrows|to\.throw|should\.throw|expect\s*\{|Assert\.Throws|raise_error|expectException/;

/**
 * True when the hit sits in a test that asserts the weak setting is refused (e.g.
 * `expect(() => connect({ minVersion: 'TLSv1' })).toThrow()`): that code proves the
 * protection works, it does not weaken anything.
 */
export function isRejectionTest(ctx: ScanContext, start: number): boolean {
  if (!TEST_PATH.test(ctx.path)) return false;
  const from = Math.max(0, start - 240);
  return REJECTION.test(ctx.text.slice(from, start + 240));
}

/** Search commands (`grep -rn "verify=False" src/` in a lint step) name the weak setting to refuse it. */
const SEARCH_COMMAND =
  /(?:^|[\s"'(!|;&])(?:grep|egrep|fgrep|rg|ag|ack|findstr|Select-String|git[ \t]{1,5}grep)[ \t](?:"[^"\n]{0,300}"|'[^'\n]{0,300}'|[^|;&\n"']){0,300}(?:"[^"\n]{0,300}|'[^'\n]{0,300})?$/;
/** YAML/TOML keys whose value is prose or a linter pattern (semgrep `pattern:`), not a setting. */
const TEXT_KEY =
  /^[ \t]*-?[ \t]*["']?(name|description|message|msg|title|summary|help|comment|note|text|reason|pattern(?:-[a-z-]{1,20})?|regex|fix)["']?[ \t]*:[ \t]*([^\n]*)$/;

/**
 * True when the hit only names a weak setting: as the argument of a search command, as a
 * linter rule's pattern, or inside prose under a `name:`/`description:`/`message:` key
 * (`- name: Refuse curl -k in scripts`). A key/value pair or flow mapping is never prose.
 */
export function isMentionOnly(ctx: ScanContext, start: number): boolean {
  const prefix = linePrefix(ctx.text, start, 400);
  if (SEARCH_COMMAND.test(prefix)) return true;
  if (ctx.language !== 'yaml' && ctx.language !== 'toml') return false;
  const m = TEXT_KEY.exec(prefix);
  if (!m) return false;
  if (/^(?:pattern|regex|fix)/.test(m[1])) return true;
  const value = (m[2] + ctx.text.slice(start, lineEndNear(ctx.text, start, 300).at)).replace(/^["']|["']\s*$/g, '');
  return value.trim().split(/\s+/).length >= 3 && !/[:=]\s|[{}[\]]/.test(value);
}

const LOOPBACK = /(?:\/\/|@|[\s"'(=,])(?:localhost|127(?:\.\d{1,3}){3}|\[::1\]|[\w-]{1,63}\.localhost)(?=[:/\s"'),]|$)/i;
const LOCAL_TEST_SERVER = /httptest\.New(?:TLS|Unstarted)Server|\.StartTLS\(\)|localhost|127\.0\.0\.1|\[::1\]/;
const localTestFiles = new WeakMap<ScanContext, boolean>();

/**
 * True when disabled verification only concerns the local machine: the hit's line names a
 * loopback host (`curl -k https://localhost:8443/healthz`), or it sits in a test file that
 * talks to a local TLS test server (`httptest.NewTLSServer`). Nobody can intercept loopback.
 */
export function isLoopbackOnly(ctx: ScanContext, start: number): boolean {
  const line = ctx.text.slice(lineStartNear(ctx.text, start, 300).at, lineEndNear(ctx.text, start, 300).at);
  if (LOOPBACK.test(line)) return true;
  if (!TEST_PATH.test(ctx.path)) return false;
  let local = localTestFiles.get(ctx);
  if (local === undefined) {
    local = LOCAL_TEST_SERVER.test(ctx.text);
    localTestFiles.set(ctx, local);
  }
  return local;
}

/** A single replacement fix. `fixAll` marks it safe for "fix all in file". */
export function replaceFix(title: string, start: number, end: number, newText: string, fixAll = false): Fix {
  return { title, edits: [{ start, end, newText }], preferred: true, fixAll };
}

/**
 * Start of the line holding `offset`, looking back at most `max` characters; `exact` is false
 * when the line is longer (minified or adversarial input: never scan a whole long line per hit).
 */
export function lineStartNear(text: string, offset: number, max = 400): { at: number; exact: boolean } {
  const floor = Math.max(0, offset - max);
  for (let i = offset - 1; i >= floor; i--) if (text[i] === '\n') return { at: i + 1, exact: true };
  return { at: floor, exact: floor === 0 };
}

/** End of the line holding `offset` (before `\n`), looking ahead at most `max` characters. */
export function lineEndNear(text: string, offset: number, max = 400): { at: number; exact: boolean } {
  const ceil = Math.min(text.length, offset + max);
  for (let i = offset; i < ceil; i++) if (text[i] === '\n') return { at: i, exact: true };
  return { at: ceil, exact: ceil === text.length };
}

/** The line's text before `offset`, at most `max` characters. */
export function linePrefix(text: string, offset: number, max = 400): string {
  return text.slice(lineStartNear(text, offset, max).at, offset);
}

/** The text of `[start - before, end + after)`, clamped: bounded context for a hit. */
export function around(ctx: ScanContext, start: number, end: number, before: number, after: number): string {
  return ctx.text.slice(Math.max(0, start - before), Math.min(ctx.text.length, end + after));
}

function flagsOf(re: RegExp): string {
  let f = re.flags;
  if (!f.includes('g')) f += 'g';
  if (!f.includes('d')) f += 'd';
  return f;
}

/**
 * At most this many matches per rule and text: past it a file is generated or adversarial, and
 * more findings of one rule help nobody (the per-finding cost would dominate the scan).
 */
export const MAX_MATCHES_PER_RULE = 100;

const anchorCache = new WeakMap<ScanContext, Map<string, number[]>>();

/**
 * Start and end offsets (flat pairs) of the global matches of `near.anchor`, once per text and
 * anchor. With `near.literals`, the anchor runs only in windows around the literals' occurrences:
 * every match starts and ends inside one (it holds a literal and is at most `longest` long), so
 * the windowed search finds the same matches as the global one.
 */
/** Per `near`: its cache key and its anchor as a global regex (built once, not per text). */
const compiledAnchors = new WeakMap<Near, { key: string; re: RegExp }>();

function anchorMatches(ctx: ScanContext, near: Near): number[] {
  let byAnchor = anchorCache.get(ctx);
  if (!byAnchor) {
    byAnchor = new Map();
    anchorCache.set(ctx, byAnchor);
  }
  let compiled = compiledAnchors.get(near);
  if (!compiled) {
    compiled = {
      key: `${near.anchor.source}/${near.anchor.flags}/${near.literals?.words.join('|') ?? ''}`,
      re: new RegExp(near.anchor.source, near.anchor.flags.includes('g') ? near.anchor.flags : `${near.anchor.flags}g`),
    };
    compiledAnchors.set(near, compiled);
  }
  const { key, re } = compiled;
  let found = byAnchor.get(key);
  if (found) return found;
  found = [];
  const text = ctx.text;
  let windows: [number, number][] | undefined;
  if (near.literals) {
    const reach = near.literals.longest;
    const raw: [number, number][] = [];
    for (const word of near.literals.words) {
      const starts = ctx.anchors(word);
      for (let j = 0; j < starts.length; j++) {
        const i = starts[j];
        raw.push([Math.max(0, i - reach), Math.min(text.length, i + reach)]);
      }
    }
    raw.sort((a, b) => a[0] - b[0]);
    windows = [];
    for (const w of raw) {
      const last = windows[windows.length - 1];
      if (last && w[0] <= last[1]) last[1] = Math.max(last[1], w[1]);
      else windows.push(w);
    }
  }
  const pairs = found;
  execInWindows(re, text, windows, (m) => {
    pairs.push(m.index, m.index + m[0].length);
  });
  byAnchor.set(key, found);
  return found;
}

/** `windowsNear(ctx.text, near.anchor, near.before, near.after)`, from the cached anchor matches. */
function nearWindows(ctx: ScanContext, near: Near): [number, number][] {
  const pairs = anchorMatches(ctx, near);
  const n = ctx.text.length;
  const windows: [number, number][] = [];
  for (let i = 0; i < pairs.length; i += 2) {
    const start = Math.max(0, pairs[i] - near.before);
    const end = Math.min(n, pairs[i + 1] + near.after);
    const last = windows[windows.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else windows.push([start, end]);
  }
  return windows;
}

/** Per pattern: its regex with the `g` and `d` flags (built once; `execInWindows` resets it). */
const compiledPatterns = new WeakMap<TlsPattern, RegExp>();

function collect(pattern: TlsPattern, ctx: ScanContext, out: RuleMatch[], ruleSeverity: Severity): void {
  if (pattern.paths && !pattern.paths.test(ctx.path)) return;
  if (pattern.requires !== undefined && !pattern.requires.some((literal) => ctx.saw(literal))) return;
  const verification = (pattern.severity ?? ruleSeverity) === 'error';
  const windows = pattern.near ? nearWindows(ctx, pattern.near) : undefined;
  if (windows !== undefined && windows.length === 0) return;
  let re = compiledPatterns.get(pattern);
  if (!re) {
    re = new RegExp(pattern.re.source, flagsOf(pattern.re));
    compiledPatterns.set(pattern, re);
  }
  execInWindows(re, ctx.text, windows, (m) => {
    if (out.length >= MAX_MATCHES_PER_RULE) return false;
    if (m[0].length === 0) return;
    const span = m.indices?.[pattern.group ?? 0] ?? m.indices?.[0];
    if (!span) return;
    const at = pattern.regionGroup !== undefined ? m.indices?.[pattern.regionGroup]?.[0] : m.index;
    const region = ctx.regionAt(at ?? m.index);
    if (region === 'comment' || (pattern.region === 'code' && region !== 'code')) return;
    const hit: TlsHit = { ctx, m, start: span[0], end: span[1], value: ctx.text.slice(span[0], span[1]) };
    const message = typeof pattern.message === 'string' ? pattern.message : pattern.message(hit);
    if (message === undefined || isRejectionTest(ctx, hit.start) || isMentionOnly(ctx, hit.start)) return;
    if (verification && isLoopbackOnly(ctx, hit.start)) return;
    out.push({
      start: hit.start,
      end: hit.end,
      value: hit.value,
      message,
      severity: pattern.severity,
      fixes: pattern.fixes ? pattern.fixes(hit) : [],
    });
  });
}

/** Keeps the first (longest) of overlapping matches, in offset order. */
export function dropOverlaps(matches: RuleMatch[]): RuleMatch[] {
  matches.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: RuleMatch[] = [];
  for (const x of matches) if (kept.length === 0 || x.start >= kept[kept.length - 1].end) kept.push(x);
  return kept;
}

/** A `weak-tls/` rule made of regex patterns; overlapping hits of one rule are reported once. */
export function tlsRule(spec: TlsRuleSpec): Rule {
  const { patterns, postProcess, anchors: extraAnchors, ...meta } = spec;
  const anchors = [...new Set([...patterns.flatMap((p) => p.near?.literals?.words ?? []), ...(extraAnchors ?? [])])];
  const gates = [...new Set(patterns.flatMap((p) => p.requires ?? []))];
  return defineRule({
    ...meta,
    ...(anchors.length > 0 ? { anchors } : {}),
    ...(gates.length > 0 ? { gates } : {}),
    family: 'weak-tls',
    confidence: spec.confidence ?? 'high',
    detect(ctx) {
      const out: RuleMatch[] = [];
      for (const p of patterns) collect(p, ctx, out, spec.severity);
      return dropOverlaps(postProcess ? postProcess(out, ctx) : out);
    },
  });
}
