import type { ScanContext } from '../../context';
import type { Fix } from '../../types';
import { lineEndNear, lineStartNear, replaceFix } from './tlsRule';
import { flipBoolean } from './tlsValues';

/**
 * Turns a boolean back (`false` → `true`, `0` → `1`, `off` → `on`) in its own spelling.
 * Safe for "fix all": it only touches the value token.
 */
export function flipFix(title: string, start: number, end: number, value: string): Fix[] {
  const flipped = flipBoolean(value);
  return flipped === undefined ? [] : [replaceFix(title, start, end, flipped, true)];
}

/**
 * Deletes the whole line of `[start, end)` when that line holds nothing else than the flagged
 * setting (`lineRe` matches the trimmed line), so removing it cannot take other code along.
 */
export function deleteLineFix(ctx: ScanContext, start: number, lineRe: RegExp, title: string): Fix[] {
  const s = lineStartNear(ctx.text, start);
  const e = lineEndNear(ctx.text, start);
  if (!s.exact || !e.exact) return [];
  const ls = s.at;
  const le = e.at;
  if (!lineRe.test(ctx.text.slice(ls, le).trim())) return [];
  const end = le < ctx.text.length ? le + 1 : le;
  return [{ title, edits: [{ start: ls, end, newText: '' }], preferred: true, fixAll: false }];
}

/**
 * Removes an object property / initializer member `[start, end)` together with its comma
 * (`{ a: 1, x: y }`, `{ x: y, a: 1 }`, or a line of its own), or returns `[]` when the
 * surroundings are not a plain comma-separated member list.
 */
export function removeMemberFix(ctx: ScanContext, start: number, end: number, title: string): Fix[] {
  const text = ctx.text;
  const after = /^[ \t]*,[ \t]*(?:\r?\n[ \t]*)?/.exec(text.slice(end, end + 200));
  const before = /,[ \t]*(?:\r?\n[ \t]*)?$/.exec(text.slice(Math.max(0, start - 200), start));
  const ls = lineStartNear(text, start);
  const le = lineEndNear(text, end);
  const ownLine = ls.exact && le.exact && text.slice(ls.at, start).trim() === '';
  if (after) {
    const s = ownLine ? ls.at : start;
    const e = ownLine ? le.at + 1 : end + after[0].length;
    return [{ title, edits: [{ start: s, end: Math.min(e, text.length), newText: '' }], preferred: true }];
  }
  if (before && /^\s*[}\])]/.test(text.slice(end, end + 200))) {
    return [{ title, edits: [{ start: start - before[0].length, end, newText: '' }], preferred: true }];
  }
  return [];
}
