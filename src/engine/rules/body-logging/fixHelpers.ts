import type { ScanContext } from '../../context';
import type { Fix } from '../../types';
import { splitArgs } from './logCalls';
import type { Hit } from './requestRule';

/**
 * Fixes of the family replace a logged body by request metadata. They are offered only when
 * the body is a whole argument of the log call — alone or inside pass-through wrappers
 * (`JSON.stringify(req.body, null, 2)`) — never inside a larger expression.
 */

const WRAPPER_PREFIX = /^(?:(?:new\s+|await\s+)?[\w$.:\\>-]{1,60}\(\s*)*(?:await\s+)?$/;

/** The top-level argument made of the hit alone (or wrapped), with its index among all. */
export function wholeArgument(
  ctx: ScanContext,
  hit: Hit,
): { start: number; end: number; index: number; count: number } | undefined {
  const args = splitArgs(ctx, hit.call);
  const index = args.findIndex((a) => a.start <= hit.start && hit.end <= a.end);
  if (index < 0) return undefined;
  const arg = args[index];
  const prefix = ctx.text.slice(arg.start, hit.start);
  if (!WRAPPER_PREFIX.test(prefix)) return undefined;
  const opened = (prefix.match(/\(/g) ?? []).length;
  let rest = ctx.text.slice(hit.end, arg.end);
  rest = rest.replace(/^(?:\s*(?:\.|->)\s*\w{1,30}(?:\(\s*(?:['"][\w-]{0,10}['"])?\s*\))?)*/, '');
  for (let i = 0; i < opened; i++) {
    const m = /^(?:\s*,\s*[^(),]{1,40}){0,3}\s*\)/.exec(rest);
    if (!m) return undefined;
    rest = rest.slice(m[0].length);
  }
  if (rest.trim() !== '') return undefined;
  return { ...arg, index, count: args.length };
}

/** Replace the argument holding the hit by `newText`. */
export function replaceArgument(ctx: ScanContext, hit: Hit, newText: string, title: string): Fix | undefined {
  const arg = wholeArgument(ctx, hit);
  if (!arg) return undefined;
  return { title, edits: [{ start: arg.start, end: arg.end, newText }], preferred: true, fixAll: true };
}

/** Replace all arguments by `newArgs`, only when the hit is the call's single argument. */
export function replaceAllArguments(ctx: ScanContext, hit: Hit, newArgs: string, title: string): Fix | undefined {
  const arg = wholeArgument(ctx, hit);
  if (!arg || arg.count !== 1) return undefined;
  return { title, edits: [{ start: arg.start, end: arg.end, newText: newArgs }], preferred: true, fixAll: true };
}

export const METADATA_TITLE = 'Log request metadata (method and path) instead of the body';

export const PRESENCE_TITLE = 'Log whether the credential is present, not its value';

/**
 * Wrap a credential that is a whole argument (or a whole `${…}`/`{…}` interpolation) in a
 * presence check, e.g. `Boolean(req.headers.authorization)`.
 */
export function presenceFix(ctx: ScanContext, hit: Hit, wrap: (expr: string) => string): Fix | undefined {
  const expr = ctx.text.slice(hit.start, hit.end);
  const arg = wholeArgument(ctx, hit);
  const whole = arg !== undefined && arg.start === hit.start && arg.end === hit.end;
  const before = ctx.text.slice(Math.max(0, hit.start - 2), hit.start);
  const interpolated = /(?:\$\{|[^{$#]\{)$/.test(before) && ctx.text[hit.end] === '}' && ctx.regionAt(hit.start) === 'string';
  if (!whole && !interpolated) return undefined;
  return {
    title: PRESENCE_TITLE,
    edits: [{ start: hit.start, end: hit.end, newText: wrap(expr) }],
    preferred: true,
    fixAll: true,
  };
}
