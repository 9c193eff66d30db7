import type { ScanContext } from '../../context';
import { defineRule, type Rule, type RuleExample } from '../../rule';
import type { Fix, LanguageId, RuleMatch } from '../../types';
import { isLoggedValue, isTestPath, type ValueKind } from './exprContext';
import { findLogCalls, type LogCall } from './logCalls';
import { findTaints, hinted, sourceHints, taintHints, type Source, type Taint, type TaintSpec } from './taint';

/**
 * The shape of every per-language `body-logging/` rule: expressions that *are* a request body
 * or credential (sinks), variables that hold one (taints), and log calls that write either.
 */

/** A logged value found in a log call. */
export interface Hit {
  call: LogCall;
  start: number;
  end: number;
  kind: ValueKind;
  what: string;
  /** The sink's match (undefined for a tainted variable). */
  match?: RegExpExecArray;
}

export interface RequestRuleSpec {
  id: string;
  title: string;
  description: string;
  remediation: string;
  languages: LanguageId[];
  keywords: string[];
  cwe?: string[];
  /** Expressions that are a body or credential (global regexes, with their own lookbehind). */
  sinks: Source[];
  /** Variables assigned from a sink (or a declared body parameter). */
  taint?: TaintSpec;
  /** The preferred fix for one hit, where it is certainly correct. */
  fix?: (ctx: ScanContext, hit: Hit) => Fix | undefined;
  good: RuleExample[];
  bad: RuleExample[];
}

/** A file with more findings than this is generated or pathological: report the first ones. */
export const MAX_FINDINGS = 50;

export function messageFor(kind: ValueKind, what: string, expr: string): string {
  const shown = expr.length > 60 ? `${expr.slice(0, 57)}...` : expr;
  return kind === 'credential'
    ? `${what} written to a log (${shown}): it is a credential — log whether it is present, never its value.`
    : `${what} written to a log (${shown}): log the method, path, status or length instead.`;
}

/** Builds a rule from a spec: finds hits, turns them into matches with severity and fixes. */
export function requestRule(spec: RequestRuleSpec): Rule {
  return defineRule({
    id: spec.id,
    family: 'body-logging',
    title: spec.title,
    description: spec.description,
    remediation: spec.remediation,
    severity: 'warning',
    confidence: 'high',
    cwe: spec.cwe ?? ['CWE-532'],
    keywords: spec.keywords,
    // Hints answered by the keyword pass: presence (gates), and the offsets of the sources' ones.
    ...(taintHints(spec.taint, spec.sinks).length > 0 ? { gates: taintHints(spec.taint, spec.sinks) } : {}),
    ...(spec.taint && sourceHints(spec.taint).length > 0 ? { anchors: sourceHints(spec.taint) } : {}),
    languages: spec.languages,
    good: spec.good,
    bad: spec.bad,
    detect(ctx) {
      if (isTestPath(ctx.path)) return [];
      const calls = findLogCalls(ctx);
      if (calls.length === 0) return [];
      const taints = spec.taint ? groupByName(findTaints(ctx, spec.taint)) : new Map<string, Taint[]>();
      // A sink whose hints the file lacks cannot match in any call.
      const sinks = spec.sinks.filter((s) => hinted(ctx, s));
      const out: RuleMatch[] = [];
      const seen = new Set<number>();
      for (const call of calls) {
        if (out.length >= MAX_FINDINGS) break;
        const hits = sinks.length > 0 ? sinkHits(ctx, call, sinks) : [];
        if (taints.size > 0) hits.push(...taintHits(ctx, call, taints));
        for (const hit of hits) {
          if (seen.has(hit.start) || out.length >= MAX_FINDINGS) continue;
          seen.add(hit.start);
          const expr = ctx.text.slice(hit.start, hit.end);
          const fix = spec.fix?.(ctx, hit);
          out.push({
            start: hit.start,
            end: hit.end,
            value: expr,
            message: messageFor(hit.kind, hit.what, expr),
            severity: hit.kind === 'credential' ? 'error' : 'warning',
            fixes: fix ? [fix] : [],
          });
        }
      }
      return out;
    },
  });
}

function sinkHits(ctx: ScanContext, call: LogCall, sinks: Source[]): Hit[] {
  const hits: Hit[] = [];
  const args = ctx.text.slice(call.argsStart, call.argsEnd);
  for (const sink of sinks) {
    const re = sink.re;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(args)) !== null) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const start = call.argsStart + m.index;
      const end = start + m[0].length;
      if (!isLoggedValue(ctx, call.argsStart, start, end, sink.kind)) continue;
      hits.push({ call, start, end, kind: sink.kind, what: sink.what, match: m });
    }
  }
  return hits;
}

function groupByName(taints: Taint[]): Map<string, Taint[]> {
  const map = new Map<string, Taint[]>();
  for (const t of taints) {
    const list = map.get(t.name) ?? [];
    list.push(t);
    map.set(t.name, list);
  }
  return map;
}

/** The latest taint of a name declared before `at` (list sorted by `at`). */
function latestBefore(list: Taint[], at: number): Taint | undefined {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].at < at) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? list[lo - 1] : undefined;
}

function taintHits(ctx: ScanContext, call: LogCall, taints: Map<string, Taint[]>): Hit[] {
  const hits: Hit[] = [];
  const args = ctx.text.slice(call.argsStart, call.argsEnd);
  for (const [name, list] of taints) {
    if (!args.includes(name)) continue;
    const t = latestBefore(list, call.start);
    if (!t || t.scopeEnd <= call.start) continue;
    const escaped = name.replace(/[$]/g, '\\$');
    const jsLike = ctx.language === 'javascript' || ctx.language === 'typescript';
    // A spread (`{ ...payload }`) writes the whole value; any other `.name` is a member.
    const behind = name.startsWith('$') ? '(?<![\\w$])' : jsLike ? '(?<![\\w$>@]|::)(?<!(?<!\\.\\.)\\.)' : '(?<![\\w.>@]|::)';
    const re = new RegExp(`${behind}${escaped}(?![\\w$])`, 'g');
    let m: RegExpExecArray | null;
    while ((m = re.exec(args)) !== null) {
      const start = call.argsStart + m.index;
      const end = start + name.length;
      if (!isLoggedValue(ctx, call.argsStart, start, end, t.kind)) continue;
      hits.push({ call, start, end, kind: t.kind, what: t.what });
    }
  }
  return hits;
}
