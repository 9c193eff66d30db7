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
export function findHttpUrls(text: string): HttpUrl[] {
  const out: HttpUrl[] = [];
  URL_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = URL_RE.exec(text)) !== null) {
    const start = m.index;
    if (start > 0 && /[A-Za-z0-9]/.test(text[start - 1])) continue;
    const schemeEnd = start + m[0].length;
    AUTHORITY.lastIndex = schemeEnd;
    const a = AUTHORITY.exec(text);
    if (!a) continue;
    const host = a[1];
    const hostEnd = schemeEnd + a[0].length;
    const next = text.slice(hostEnd, hostEnd + 2);
    if (!AFTER_HOST.test(next) || next.startsWith('#{')) continue;
    if (!isValidHost(host)) continue;
    REST.lastIndex = hostEnd;
    const rest = REST.exec(text)?.[0] ?? '';
    let end = hostEnd + rest.length;
    while (end > hostEnd && /[.,;:!?)\]}*]/.test(text[end - 1])) end--;
    const url = text.slice(start, end);
    const path = /^(?::\d{1,5})?([^?#]*)/.exec(text.slice(hostEnd, end))?.[1] ?? '';
    out.push({ start, end, url, host, path });
    // An `http://` inside this URL is a parameter of it: skip ahead (keeps the scan linear).
    URL_RE.lastIndex = Math.max(URL_RE.lastIndex, end);
  }
  return out;
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
  if (isQuietHost(u.host) || isPlaceholderHost(u.host) || isIdentifierUrl(u.host, u.path))
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
  for (const u of findHttpUrls(ctx.text)) {
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
