import type { ScanContext } from '../../context';
import type { Fix, RuleMatch } from '../../types';
import { normalizeKey } from './genericLanguages';
import { isRejectionTest, lineEndNear, lineStartNear, MAX_MATCHES_PER_RULE, replaceFix } from './tlsRule';
import { isModernVersion, isOldVersion, raiseVersion } from './tlsValues';

/** Old-version tokens, not preceded by `-`/`!` (removal in OpenSSL/Apache-style lists) or a word. */
const OLD_TOKEN =
  /(?<![\w.!-])((?:Version)?(?:SSL(?:v|_)?(?:[23](?:\.0)?|30)|TLS(?:v|_)?1(?:[._]?[01])?(?:_2016)?))(?!\w|\.\d)/gi;
const OLD_TOKEN_AT = new RegExp(OLD_TOKEN.source, 'iy');
/**
 * Every OLD_TOKEN match holds one of these where its `SSL`/`TLS` starts (at most one per
 * offset): the offsets the tokens are tried at (the rule's anchors).
 */
export const OLD_TOKEN_WORDS = ['sslv2', 'sslv3', 'ssl_2', 'ssl_3', 'ssl2', 'ssl3', 'tlsv1', 'tls_1', 'tls1'];
/** `Version`, the optional start of an old token. */
const VERSION_PREFIX = /version/iy;

/**
 * The matches of OLD_TOKEN, in text order, tried only where they can start: at each OLD_TOKEN_WORDS
 * (offsets from the keyword pass: the rule's anchors) or at a `Version` right before one, with
 * a sticky copy. Every match starts at one of these, so they are those of a global search.
 */
export function* oldTokens(ctx: ScanContext): Generator<RegExpExecArray> {
  const text = ctx.text;
  const offsets: number[] = [];
  for (const word of OLD_TOKEN_WORDS) {
    const starts = ctx.anchors(word);
    for (let i = 0; i < starts.length; i++) offsets.push(starts[i]);
  }
  offsets.sort((a, b) => a - b);
  let searched = 0;
  const tryAt = (start: number): RegExpExecArray | null => {
    if (start < searched) return null;
    OLD_TOKEN_AT.lastIndex = start;
    const m = OLD_TOKEN_AT.exec(text);
    if (m) searched = m.index + m[0].length;
    return m;
  };
  for (const at of offsets) {
    // (`n`/`N` just before: the cheap half of the `Version` check.)
    if (at >= 7 && (text.charCodeAt(at - 1) | 32) === 110) {
      VERSION_PREFIX.lastIndex = at - 7;
      if (VERSION_PREFIX.test(text)) {
        const m = tryAt(at - 7);
        if (m) {
          yield m;
          continue;
        }
      }
    }
    const m = tryAt(at);
    if (m) yield m;
  }
}

/** Keys that hold a protocol version or list. */
const VERSION_KEY = /protocol|version|^(?:tls|ssl)|(?:min|max)(?:tls|ssl)?ver|tlsmin|tlsmax|sslmin|sslmax|(?:ssl|tls)algorithm/;
const PROSE_KEY = /description|name|comment|title|label|message|summary|help|doc|note|text|reason|url|host|path|file/;
/**
 * Keys of lists that refuse protocols (`BANNED_PROTOCOLS = ['SSLv3', 'TLSv1']`,
 * `jdk.tls.disabledAlgorithms=SSLv3, TLSv1`): naming an old version there is the protection.
 */
const DENY_KEY = /disabl|exclud|blacklist|blocklist|denylist|deny|denied|disallow|insecure|weak|forbid|banned|blocked|reject|remov|unsafe|deprecat|unsupported|obsolete|refuse|prohibit|notallowed|invalid/;

/** The setting an old token belongs to: its key, where the key starts, and the value's line. */
interface Setting {
  key: string;
  keyStart: number;
}

/** Scans back from `from` over `[\w.-]` (at most 80 characters): the identifier ending there. */
function identifierBefore(text: string, from: number, floor: number): { name: string; start: number } | undefined {
  let end = from;
  while (end > floor && /["'\]\s]/.test(text[end - 1]) && from - end < 12) end--;
  let start = end;
  while (start > floor && end - start < 80 && /[\w.\-/]/.test(text[start - 1])) start--;
  if (start === end) return undefined;
  const name = text.slice(start, end).replace(/^.*\//, '');
  return name.length > 0 ? { name, start: end - name.length } : undefined;
}

/** The key on the token's own line: nearest `key:`/`key=` before it, or the first word (`key value`). */
function sameLineKey(ctx: ScanContext, at: number): Setting | undefined {
  const text = ctx.text;
  const floor = lineStartNear(text, at, 300).at;
  let sep = -1;
  for (let i = at - 1; i >= floor; i--) {
    const c = text[i];
    if (c === ':' || c === '=') {
      sep = i;
      break;
    }
  }
  if (sep >= 0) {
    const prev = text[sep - 1];
    if (text[sep] === '=' && (text[sep + 1] === '=' || prev === '=' || prev === '!' || prev === '<' || prev === '>')) return undefined;
    let s = sep;
    if (text[sep] === '=' && text[sep + 1] === '>') s = sep;
    const id = identifierBefore(text, s, floor);
    return id ? { key: id.name, keyStart: id.start } : undefined;
  }
  const m = /^[ \t]*(?:export[ \t]+|set[ \t]+|ENV[ \t]+)?([A-Za-z_][\w.-]{0,80})[ \t]+/.exec(text.slice(floor, at));
  return m ? { key: m[1], keyStart: floor + m[0].indexOf(m[1]) } : undefined;
}

/** YAML sequence item (`- TLSv1`): the key of the block it belongs to, up to 12 lines above. */
function sequenceKey(ctx: ScanContext, at: number): Setting | undefined {
  const start = lineStartNear(ctx.text, at, 40);
  if (!start.exact || !/^[ \t]*-[ \t]*["']?$/.test(ctx.text.slice(start.at, at))) return undefined;
  let ls = start.at;
  for (let n = 0; n < 12 && ls > 0; n++) {
    const prev = lineStartNear(ctx.text, ls - 1, 300);
    if (!prev.exact) return undefined;
    const prevStart = prev.at;
    const line = ctx.text.slice(prevStart, ls - 1);
    ls = prevStart;
    if (/^[ \t]*-/.test(line) || line.trim() === '') continue;
    const m = /^[ \t]*["']?([A-Za-z_][\w.-]{0,80})["']?[ \t]*:[ \t]*$/.exec(line);
    return m ? { key: m[1], keyStart: prevStart + line.indexOf(m[1]) } : undefined;
  }
  return undefined;
}

/** The setting governing the old-version token at `at`, if its key is about protocols. */
export function settingOf(ctx: ScanContext, at: number): Setting | undefined {
  const s = sequenceKey(ctx, at) ?? sameLineKey(ctx, at);
  if (!s) return undefined;
  const key = normalizeKey(s.key);
  return VERSION_KEY.test(key) && !PROSE_KEY.test(key) && !DENY_KEY.test(key) ? s : undefined;
}

/** Replaces a one-line value: a single token is raised, a list loses its old entries. */
function versionFix(ctx: ScanContext, first: number, last: number, tokenEnd: number): Fix[] {
  const s = lineStartNear(ctx.text, first, 300);
  const e = lineEndNear(ctx.text, first, 300);
  if (!s.exact || !e.exact || e.at < last) return [];
  const ls = s.at;
  const le = e.at;
  const line = ctx.text.slice(ls, le);
  const m = /^(.*?[:=(\[{]\s*|^\s*[\w.-]+\s+)(["'`]?)([\w. ,:+_-]+?)\2\s*[,;)\]}]?\s*(?:#.*)?\r?$/.exec(line);
  if (!m) return [];
  const valueStart = ls + m[1].length + m[2].length;
  const value = m[3];
  if (valueStart > first || valueStart + value.length < tokenEnd) return [];
  const items = value.split(/([,\s:+]+)/);
  const tokens = items.filter((_, i) => i % 2 === 0);
  if (!tokens.every((t) => isOldVersion(t) || isModernVersion(t))) return [];
  if (tokens.length === 1) {
    const to = raiseVersion(tokens[0]);
    return to ? [replaceFix(`Raise to ${to}`, valueStart, valueStart + value.length, to, true)] : [];
  }
  const kept = tokens.filter(isModernVersion);
  const sep = items[1] ?? ',';
  const to = kept.length > 0 ? kept.join(sep) : raiseVersion(tokens[0]);
  return to ? [replaceFix(`Allow only ${to}`, valueStart, valueStart + value.length, to, true)] : [];
}

/**
 * Old protocol versions in key/value settings of any format: each setting is reported once,
 * spanning its old tokens (`enabled-protocols: TLSv1,TLSv1.1,TLSv1.2`).
 */
export function findOldVersionSettings(ctx: ScanContext): RuleMatch[] {
  const groups = new Map<number, { first: number; last: number; lastEnd: number; tokens: string[] }>();
  for (const m of oldTokens(ctx)) {
    if (groups.size >= MAX_MATCHES_PER_RULE) break;
    const at = m.index;
    if (ctx.regionAt(at) === 'comment') continue;
    const setting = settingOf(ctx, at);
    if (!setting || ctx.regionAt(setting.keyStart) === 'comment') continue;
    const g = groups.get(setting.keyStart);
    if (g) {
      g.last = at;
      g.lastEnd = at + m[0].length;
      g.tokens.push(m[0]);
    } else {
      groups.set(setting.keyStart, { first: at, last: at, lastEnd: at + m[0].length, tokens: [m[0]] });
    }
  }
  const out: RuleMatch[] = [];
  for (const g of groups.values()) {
    if (isRejectionTest(ctx, g.first)) continue;
    out.push({
      start: g.first,
      end: g.lastEnd,
      value: ctx.text.slice(g.first, g.lastEnd),
      message: `${g.tokens.join(', ')} enables a deprecated protocol (SSL/TLS 1.0/1.1): allow TLS 1.2 and newer only.`,
      fixes: versionFix(ctx, g.first, g.last, g.lastEnd),
    });
  }
  return out;
}
