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

export function* urlCredentials(ctx: ScanContext, re: RegExp, limit = 50): Generator<UrlCredential> {
  const r = new RegExp(re.source, re.flags);
  let m: RegExpExecArray | null;
  let n = 0;
  while ((m = r.exec(ctx.text)) !== null && n < limit) {
    const url = m[0].replace(/[.,;)\]}]+$/, '');
    n++;
    yield { url, start: m.index, end: m.index + url.length, scheme: m[1].toLowerCase(), user: m[2], password: m[3], host: m[4] };
  }
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
