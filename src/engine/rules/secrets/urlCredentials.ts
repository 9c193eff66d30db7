import type { ScanContext } from '../../context';
import { isPlaceholder, isSafeHost } from '../../heuristics';
import type { Severity } from '../../types';
import { isDefaultPassword, looksFake } from './util';

/** `scheme://user:password@host…` split into its parts, with offsets into the text. */
export interface UrlCredential {
  url: string;
  start: number;
  end: number;
  scheme: string;
  user: string;
  password: string;
  host: string;
}

/**
 * Builds the regex for URLs with userinfo for the given scheme alternation. User and password
 * classes exclude the delimiters, so each repeat is bounded and cannot re-match.
 */
export function userinfoUrlRegex(schemes: string): RegExp {
  return new RegExp(
    `(?<![A-Za-z0-9+.-])(${schemes}):\\/\\/([^\\s:@\\/'"\`<>{}()\\[\\]]{0,64}):([^\\s@\\/'"\`<>]{1,128})@([A-Za-z0-9._-]{1,253})([^\\s'"\`<>]{0,300})`,
    'gi',
  );
}

/**
 * The URL credentials matched by `re` (from `userinfoUrlRegex`), in text order, at most `limit`.
 * `maxScheme`: every scheme of `re` is made of `[A-Za-z0-9+.-]` characters only and at most this
 * long. Then only `://` followed by a userinfo that reaches an `@` can start a match (found from
 * the `@`s, far rarer than `://`), and only at the start of the run of scheme characters before
 * it (the regex's look-behind): a sticky copy of `re` is tried there alone. The same matches as
 * a global search, without trying the regex at every position of the text.
 */
export function* urlCredentials(ctx: ScanContext, re: RegExp, limit = 50, maxScheme?: number): Generator<UrlCredential> {
  let n = 0;
  if (maxScheme === undefined) {
    const r = new RegExp(re.source, re.flags);
    let m: RegExpExecArray | null;
    while ((m = r.exec(ctx.text)) !== null && n < limit) {
      n++;
      yield toCredential(m);
    }
    return;
  }
  const text = ctx.text;
  const sticky = stickyCopy(re);
  let searched = 0;
  for (let at = text.indexOf('@'); at >= 0 && n < limit; at = text.indexOf('@', at + 1)) {
    const sep = separatorBefore(text, at);
    if (sep < 0) continue;
    // Back over the scheme run, at most one character past the longest scheme (a longer run
    // cannot be a scheme: its start is the only place the look-behind allows).
    let start = sep;
    while (start > 0 && sep - start <= maxScheme && isSchemeChar(text.charCodeAt(start - 1))) start--;
    if (start < searched || start === sep || sep - start > maxScheme) continue;
    sticky.lastIndex = start;
    const m = sticky.exec(text);
    if (m === null) continue;
    searched = m.index + m[0].length;
    n++;
    yield toCredential(m);
  }
}

/**
 * The `://` whose userinfo ends at the `@` at `at`, or -1. The userinfo (at most 64 + 1 + 128
 * characters) holds no `@`, white space, `/`, quote or angle bracket, so it starts right after the
 * first of those found going back. Non-ASCII characters (some are white space) are passed over:
 * the regex decides.
 */
function separatorBefore(text: string, at: number): number {
  const min = Math.max(0, at - 200);
  for (let i = at - 1; i >= min; i--) {
    const c = text.charCodeAt(i);
    if (c === 47) return i >= 2 && text.charCodeAt(i - 1) === 47 && text.charCodeAt(i - 2) === 58 ? i - 2 : -1;
    if (c === 64 || c === 32 || (c >= 9 && c <= 13) || c === 34 || c === 39 || c === 96 || c === 60 || c === 62) return -1;
  }
  return -1;
}

function toCredential(m: RegExpExecArray): UrlCredential {
  const url = m[0].replace(/[.,;)\]}]+$/, '');
  return { url, start: m.index, end: m.index + url.length, scheme: m[1].toLowerCase(), user: m[2], password: m[3], host: m[4] };
}

const stickyCopies = new WeakMap<RegExp, RegExp>();

function stickyCopy(re: RegExp): RegExp {
  let s = stickyCopies.get(re);
  if (!s) {
    s = new RegExp(re.source, `${re.flags.replace('g', '')}y`);
    stickyCopies.set(re, s);
  }
  return s;
}

/** `[A-Za-z0-9+.-]`: the characters of a URL scheme (and of `userinfoUrlRegex`'s look-behind). */
export function isSchemeChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 43 || c === 46 || c === 45;
}

/** Passwords that are placeholders, references or templates, not credentials. */
export function isPlaceholderPassword(password: string): boolean {
  let p = password;
  try {
    p = decodeURIComponent(password);
  } catch {
    // keep the raw form
  }
  if (isPlaceholder(p) || looksFake(p)) return true;
  return /^[$%]|\$\{|\{\{|%\(|%[sd]|\*{3,}|^<|^\[|^:|^pass(?:word)?\d{0,3}$|^pwd$|^secret$|^x+$/i.test(p);
}

/** A host of a local or containerised development setup (`localhost`, `db`, `postgres`). */
export function isLocalHost(host: string): boolean {
  return isSafeHost(host) || !host.includes('.');
}

/**
 * Whether a URL credential should be reported, and at which severity: placeholders are not,
 * local development defaults (`postgres:postgres@localhost`) are not, other local hosts are a
 * warning, everything else an error.
 */
export function judgeUrlCredential(c: UrlCredential): Severity | undefined {
  if (c.password.length < 4 || isPlaceholderPassword(c.password)) return undefined;
  if (/example|\.invalid$|\.test$/i.test(c.host)) return undefined;
  const local = isLocalHost(c.host);
  if (isDefaultPassword(c.password, c.user) && local) return undefined;
  return local ? 'warning' : 'error';
}
