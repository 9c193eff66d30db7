import type { ScanContext } from '../../context';
import type { Fix, LanguageId } from '../../types';
import { isIdentifierUrl, isPlaceholderHost, isQuietHost, isValidHost } from './hosts';
import {
  isMetadataValue,
  isNamespaceContext,
  isPrefixCheck,
  isProse,
  isTestPath,
  lineStartNear,
  tokenBefore,
} from './urlContext';

/** An `http://` URL found in the text, with its parsed host and path. */
export interface HttpUrl {
  start: number;
  end: number;
  url: string;
  host: string;
  path: string;
}

/**
 * `http://`, and `ws://` (plain WebSocket: the same cleartext risk, fixed the same way).
 * Every repeat below is bounded, so the scan stays linear on long runs of URL characters.
 */
const URL_RE = /(?:http|ws):\/\//gi;
const AUTHORITY =
  /(?:[^\s/?#@"'`<>\\]{1,256}@)?(\[[0-9A-Fa-f:.]{2,64}\]|[^\s/?#:"'`<>\\,;()[\]{}|$%+*^=]{0,253})/y;
const REST = /[^\s"'`<>\\{}$|^]{0,2048}/y;
/**
 * What may follow a complete host: a port, path, query, fragment, the end of the value, or a
 * template that builds the path (`http://api.acme.io$request_uri`, `…io${path}`). A template
 * in the host itself (`http://${host}`, `http://api.#{domain}`) leaves an invalid host.
 */
const AFTER_HOST = /^(?:$|[/:?#\s"'`<>\\,;)\]}|${%])/;

/**
 * Every syntactically complete `http://host…` URL in `text`. URLs whose host is a template
 * (`http://${host}`, `http://%s`, `"http://" + host`), a regex or empty are left out: the
 * scheme alone is a prefix being built or checked, not an endpoint.
 */
export function findHttpUrls(text: string, schemes?: readonly SchemeAt[]): HttpUrl[] {
  const out: HttpUrl[] = [];
  URL_RE.lastIndex = 0;
  let k = 0;
  let skipTo = 0;
  for (;;) {
    // The next `http://`/`ws://`: from the given offsets, or from the regex.
    let start: number;
    let schemeLength: number;
    if (schemes) {
      while (k < schemes.length && schemes[k].at < skipTo) k++;
      if (k >= schemes.length) break;
      start = schemes[k].at;
      schemeLength = schemes[k].length;
      k++;
    } else {
      const m = URL_RE.exec(text);
      if (m === null) break;
      start = m.index;
      schemeLength = m[0].length;
    }
    if (start > 0 && isAlnum(text.charCodeAt(start - 1))) continue;
    const schemeEnd = start + schemeLength;
    AUTHORITY.lastIndex = schemeEnd;
    const a = AUTHORITY.exec(text);
    if (!a) continue;
    const host = a[1];
    const hostEnd = schemeEnd + a[0].length;
    const next = text.slice(hostEnd, hostEnd + 2);
    if (!AFTER_HOST.test(next) || next.startsWith('#{')) continue;
    if (!memo(validHosts, host, isValidHost)) continue;
    REST.lastIndex = hostEnd;
    const rest = REST.exec(text)?.[0] ?? '';
    let end = hostEnd + rest.length;
    while (end > hostEnd && TRAILING.has(text.charCodeAt(end - 1))) end--;
    const url = text.slice(start, end);
    const path = /^(?::\d{1,5})?([^?#]*)/.exec(text.slice(hostEnd, end))?.[1] ?? '';
    out.push({ start, end, url, host, path });
    // An `http://` inside this URL is a parameter of it: skip ahead (keeps the scan linear).
    URL_RE.lastIndex = Math.max(URL_RE.lastIndex, end);
    skipTo = Math.max(skipTo, end);
  }
  return out;
}

/** Where an `http://` or `ws://` starts, and its length (7 or 5). */
export interface SchemeAt {
  at: number;
  length: number;
}

/**
 * Verdicts on host names, which repeat (`localhost`, a service's own API host): the checks are
 * pure, so each host is judged once (the maps are emptied when they grow large).
 */
const validHosts = new Map<string, boolean>();
const quietHosts = new Map<string, boolean>();

function memo(cache: Map<string, boolean>, host: string, judge: (host: string) => boolean): boolean {
  let verdict = cache.get(host);
  if (verdict === undefined) {
    if (cache.size >= 4096) cache.clear();
    verdict = judge(host);
    cache.set(host, verdict);
  }
  return verdict;
}

/** Characters trimmed from a URL's end: `.,;:!?)]}*`. */
const TRAILING = new Set([...'.,;:!?)]}*'].map((c) => c.charCodeAt(0)));

function isAlnum(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

/** The literals whose offsets `httpUrlsIn` reads: rules that call it declare them as anchors. */
export const URL_ANCHORS = ['http://', 'ws://'];

const urlCache = new WeakMap<ScanContext, HttpUrl[]>();

/**
 * `findHttpUrls(ctx.text)`, once per text (the URL rules share it), from the keyword pass's
 * offsets of `http://` and `ws://` instead of a regex over the text. The offsets are those of
 * the regex `(?:http|ws):\/\/`gi (neither literal can overlap itself or the other).
 */
export function httpUrlsIn(ctx: ScanContext): HttpUrl[] {
  let urls = urlCache.get(ctx);
  if (!urls) {
    const http = ctx.anchors('http://');
    const ws = ctx.anchors('ws://');
    const schemes: SchemeAt[] = [];
    for (let i = 0, j = 0; i < http.length || j < ws.length; ) {
      if (j >= ws.length || (i < http.length && http[i] < ws[j])) schemes.push({ at: http[i++], length: 7 });
      else schemes.push({ at: ws[j++], length: 5 });
    }
    urls = findHttpUrls(ctx.text, schemes);
    urlCache.set(ctx, urls);
  }
  return urls;
}

/** The preferred fix: `http://` → `https://` (`ws://` → `wss://`), safe for "fix all". */
export function httpsFix(u: HttpUrl, note?: string): Fix[] {
  const ws = /^ws/i.test(u.url);
  return [
    {
      title: ws ? 'Use wss://' : 'Use https://',
      edits: [{ start: u.start, end: u.start + (ws ? 5 : 7), newText: ws ? 'wss://' : 'https://' }],
      preferred: true,
      fixAll: true,
      note,
    },
  ];
}

/**
 * Plain-text files that are configuration: package-index and registry settings. The lexer
 * sees no comments in `text`, so `#` lines are recognised here.
 */
const CONFIG_TEXT =
  /(?:^|\/)(?:requirements[\w.-]{0,40}\.txt|constraints[\w.-]{0,40}\.txt|\.npmrc|\.yarnrc|\.pypirc|\.condarc|\.gemrc|\.curlrc|\.wgetrc|\.gitmodules)$/i;

/** Stylesheets: the browser fetches `url(…)` and `@import` targets (mixed content), nothing else. */
const STYLESHEET = /\.(?:css|scss|sass|less|styl)$/i;
const STYLESHEET_FETCH = /(?:\burl\(\s{0,4}|@import\s{1,4}(?:url\(\s{0,4})?)["']?$/i;

export function isConfigText(path: string): boolean {
  return CONFIG_TEXT.test(path) || STYLESHEET.test(path);
}

const SLASH_COMMENTS = new Set<LanguageId>([
  'javascript',
  'typescript',
  'java',
  'kotlin',
  'csharp',
  'go',
  'rust',
  'c',
  'swift',
  'scala',
  'php',
  'terraform',
  'json',
]);
const HASH_COMMENTS = new Set<LanguageId>([
  'python',
  'ruby',
  'shell',
  'powershell',
  'yaml',
  'toml',
  'dotenv',
  'dockerfile',
  'nginx',
  'apache',
  'haproxy',
  'properties',
  'ini',
  'php',
  'terraform',
]);

/**
 * A line that starts with a comment marker (`//`, `/*`, ` * `, `#`): decided without lexing the
 * file, which is most of the cost on code whose only `http://` URLs are in license headers
 * and doc comments. Same answer as the lexer except inside multi-line strings, where such
 * lines are documentation too.
 */
function lineIsComment(ctx: ScanContext, u: HttpUrl): boolean {
  const lead = ctx.text.slice(lineStartNear(ctx.text, u.start), u.start).trimStart();
  if (SLASH_COMMENTS.has(ctx.language) && /^(?:\/\/|\/\*|\*(?:\s|$))/.test(lead)) return true;
  return HASH_COMMENTS.has(ctx.language) && /^#(?!\{)/.test(lead);
}

/** True when the URL is in a comment, or in code where only string literals count. */
function wrongRegion(ctx: ScanContext, u: HttpUrl): boolean {
  const region = ctx.regionAt(u.start);
  if (region === 'comment') return true;
  if (region === 'string') return false;
  if (ctx.language === 'text') {
    const start = lineStartNear(ctx.text, u.start);
    const lead = ctx.text.slice(start, u.start);
    if (STYLESHEET.test(ctx.path)) return !STYLESHEET_FETCH.test(lead);
    return !isConfigText(ctx.path) || /^\s*[#;]/.test(lead);
  }
  return !ctx.isConfig;
}

/**
 * SQL: string literals are mostly data (homepages, avatars, article bodies); a URL there is an
 * endpoint only in a statement about one (`INSERT INTO webhooks (name, url) …`).
 */
const SQL_ENDPOINT = /webhook|callback|endpoint|\b(?:api|base|service|notify|hook)_?ur[il]\b|\bur[il]\b/i;
const SQL_DATA = /homepage|website|avatar|image|logo|photo|picture|thumbnail|\blink\b|profile/i;
function isSqlData(ctx: ScanContext, u: HttpUrl): boolean {
  if (ctx.language !== 'sql') return false;
  const statement = ctx.text.slice(Math.max(0, u.start - 300), u.start);
  const from = Math.max(statement.lastIndexOf(';'), 0);
  const s = statement.slice(from);
  return !SQL_ENDPOINT.test(s) || SQL_DATA.test(s);
}

/** A Python docstring (a triple-quoted string that is a statement of its own): documentation. */
function isDocString(ctx: ScanContext, u: HttpUrl): boolean {
  if (ctx.language !== 'python') return false;
  const lit = ctx.enclosing(u.start);
  if (!lit || !/^(?:[rRuUbB]{0,2})?("""|''')/.test(ctx.text.slice(lit.start, lit.start + 3)))
    return false;
  // The literal may start at its quotes or at its prefix (`r"""…`, common in scientific code).
  return /^\s*[rRuUbBfF]{0,2}$/.test(ctx.text.slice(lineStartNear(ctx.text, lit.start), lit.start));
}

/** An `http://` inside another URL (`https://a/?next=http://b`) is a parameter, not a call. */
function isEmbedded(ctx: ScanContext, u: HttpUrl): boolean {
  const token = tokenBefore(ctx.text, u.start);
  // User-agent strings name their bot page: `(compatible; Googlebot/2.1; +http://…)`.
  if (token === '+') return true;
  return token.includes('://') || /%3a%2f%2f/i.test(token) || /[?&][\w.-]{1,64}=$/.test(token);
}

/**
 * Proxies are addressed with http:// even when they tunnel HTTPS (`HTTPS_PROXY=http://…`);
 * reverse-proxy directives (`proxy_pass`) have their own rule.
 */
const PROXY_BEFORE =
  /^\s*Proxy\w{0,30}\s+\S{1,512}\s+$|proxy[\w.-]{0,40}["']?\s{0,8}(?:[:=]|=>|\s)\s{0,8}["']?$|ProxyAgent\(\s{0,8}["']?$|--proxy(?:=|\s+)["']?$|\bproxy(?:_?url)?\s*\(\s*["']?$/i;

/** The text from the start of the line where the URL's literal (or value) begins, to the URL. */
export function textBefore(ctx: ScanContext, offset: number): string {
  const lit = ctx.regionAt(offset) === 'string' ? ctx.enclosing(offset) : undefined;
  const from = lineStartNear(ctx.text, lit ? lit.start : offset);
  return ctx.text.slice(Math.max(from, offset - 200), offset);
}

/**
 * The shared decision of both URL rules: is this `http://` URL something the software calls
 * or serves? Returns false for every DESIGN.md decoy class.
 */
export function isCalledUrl(ctx: ScanContext, u: HttpUrl): boolean {
  if (memo(quietHosts, u.host, isQuietHost) || isPlaceholderHost(u.host) || isIdentifierUrl(u.host, u.path))
    return false;
  if (lineIsComment(ctx, u) || wrongRegion(ctx, u) || isDocString(ctx, u) || isEmbedded(ctx, u))
    return false;
  if (isSqlData(ctx, u)) return false;
  const before = textBefore(ctx, u.start);
  if (isNamespaceContext(ctx, u.start, before) || PROXY_BEFORE.test(before)) return false;
  if (isPrefixCheck(before) || isMetadataValue(ctx, u.start, before)) return false;
  if (isProse(ctx, u.start, before)) return false;
  return true;
}

/**
 * Caps that keep pathological input (a minified bundle, a data file with thousands of URLs on
 * one line) linear and the report readable; real files stay far below them.
 */
const MAX_PER_LINE = 40;
const MAX_PER_FILE = 500;

/** Findings of a URL rule: every called URL, unless the whole file is a test. */
export function calledUrls(ctx: ScanContext): HttpUrl[] {
  if (isTestPath(ctx.path)) return [];
  const out: HttpUrl[] = [];
  let lineEnd = -1;
  let onLine = 0;
  for (const u of httpUrlsIn(ctx)) {
    if (u.start > lineEnd) {
      lineEnd = ctx.text.indexOf('\n', u.start);
      if (lineEnd < 0) lineEnd = ctx.text.length;
      onLine = 0;
    }
    if (++onLine > MAX_PER_LINE) continue;
    if (!isCalledUrl(ctx, u)) continue;
    out.push(u);
    if (out.length >= MAX_PER_FILE) break;
  }
  return out;
}
