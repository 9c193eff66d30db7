import type { ScanContext } from '../../context';

/**
 * Start of the line containing `offset`, looking back at most `max` characters: per-URL work
 * must not rescan a 100 kB minified line (that would be quadratic).
 */
export function lineStartNear(text: string, offset: number, max = 400): number {
  const floor = Math.max(0, offset - max);
  for (let i = offset - 1; i >= floor; i--) if (text.charCodeAt(i) === 10) return i + 1;
  return floor;
}

/** The run of non-delimiter characters just before `offset` (at most `max`). */
export function tokenBefore(text: string, offset: number, max = 300): string {
  const floor = Math.max(0, offset - max);
  let i = offset;
  while (i > floor && !TOKEN_DELIMITERS.has(text[i - 1])) i--;
  return text.slice(i, offset);
}
const TOKEN_DELIMITERS = new Set([
  ' ',
  '\t',
  '\n',
  '\r',
  '"',
  "'",
  '`',
  '<',
  '>',
  '(',
  ')',
  ',',
  '[',
  ']',
]);

/**
 * Context tests for `http://` URLs: the line (or element) around a URL tells a namespace, a
 * prefix check, package metadata, prose or a test fixture apart from an endpoint.
 * Each takes `before`, the text from the line start to the URL.
 */

/** Namespace and schema declarations, on the same line before the URL. */
const NAMESPACE_BEFORE =
  /xmlns|namespace|schemaLocation|DOCTYPE|createElementNS|setAttributeNS|getAttributeNS|hasAttributeNS|removeAttributeNS|getElementsByTagNameNS|lookupPrefix|isDefaultNamespace|\$(?:schema|id|ref)["']?\s*[:=]\s*["']?$|["']@(?:context|vocab|type|id)["']?\s*:\s*["']?$|@context|\bnsmap\b|(?:^|[\W_])(?:ns|nsuri|ns_uri)["']?\s*[=:]|(?:^|[^\w])ns_\w{1,30}["']?\s*[=:]|_ns["']?\s*[=:]|itemtype|\brdf:|\bowl:|XNamespace|ClaimTypes|register_namespace|XMLConstants|\bxsi:|SOAPAction/i;

/** A DOCTYPE whose system id is on a later line: `<!DOCTYPE x PUBLIC "…"\n "http://…">`. */
function insideDoctype(ctx: ScanContext, offset: number): boolean {
  const window = ctx.text.slice(Math.max(0, offset - 400), offset);
  const open = window.lastIndexOf('<!DOCTYPE');
  return open >= 0 && !window.slice(open).includes('>');
}

export function isNamespaceContext(ctx: ScanContext, offset: number, before: string): boolean {
  return NAMESPACE_BEFORE.test(before) || insideDoctype(ctx, offset);
}

/**
 * `http://…` as an argument of a string test or rewrite (`startsWith`, `replace`,
 * `strings.HasPrefix(u, …)`, `re.sub`), or in a comparison: the code inspects URLs, it does not
 * call this one. Also test assertions and HTTP mocks, whose URLs are expectations.
 */
const CHECK_CALL =
  /\b(?:startsWith|startswith|start_with\?|endsWith|endswith|HasPrefix|HasSuffix|hasPrefix|StartsWith|EndsWith|TrimPrefix|TrimLeft|strip_prefix|removeprefix|lstrip|indexOf|lastIndexOf|IndexOf|includes|contains|Contains|match|matches|test|search|replace|replaceAll|Replace|ReplaceAll|sub|gsub|split|index|find|preg_match|preg_replace|str_replace|str_starts_with|strpos|stripos)\s*\(\s*(?:[\w.$]{1,64}\s*,\s*){0,2}$/;
const COMPARISON = /(?:===?|!==?|\bis\b|\bin\b|\beq\b|\bne\b)\s*[(]?\s*$|\bcase\s+$|\bwhen\s+$/;
const ASSERTION =
  /\b(?:expect|assert\w*|Assert\.\w+|assertThat|XCTAssert\w*|should|toBe|toEqual|toMatch|toContain|toHaveBeenCalledWith|toHaveBeenLastCalledWith|must_equal|refute\w*|nock|fetchMock|responses\.add|requests_mock|httpretty|stub_request)\b/;

export function isPrefixCheck(before: string): boolean {
  const code = before.replace(/(?:\b[rRbBfFuU]{1,2}|[@$])?["'`]$/, '');
  return CHECK_CALL.test(code) || COMPARISON.test(code) || ASSERTION.test(before);
}

/** Package and document metadata: homepages, licenses, repositories, docs links. */
const METADATA_KEY =
  /(?:^|[\s{,"'.[(])["']?(?:homepage(?:_ur[il])?|home_page|home-page|license\w*|docs?(?:[_-]?(?:ur[il]|link|page))?|documentation(?:[_-]?ur[il])?|(?:source_code|changelog|bug_tracker|wiki|mailing_list|funding)_uri|project_urls|download_url|funding|authors?(?:_?url)?|maintainers?|organization_?url|organizationUrl|changelog|website|vcs-browser|vcs-git|help[_-]?url|info[_-]?url|terms\w*|privacy\w*|support[_-]?url|runbook[_-]?url|image\.(?:url|source|documentation))["']?\s*(?:[:=]|=>)\s*["']?$/i;
/** Keys whose values are text for people: descriptions, labels, help, examples, placeholders. */
const TEXT_KEY =
  /(?:^|[\s{,"'.[(])["']?(?:description|desc|summary|title|label|comment|help|help_?text|message|msg|hint|tooltip|placeholder|notes?|examples?|caption)["']?\s*(?:[:=]|=>)\s*["']?$/i;
/** Redirect rules match incoming URLs with `from`: a pattern, not a call (Netlify, Vercel). */
const MATCH_KEY = /(?:^|[\s{,"'])["']?from["']?\s*[:=]\s*["']?$/;
/** The same in MSBuild/NuGet/Maven XML elements, and sitemap `<loc>` entries (a list of pages). */
const METADATA_TAG =
  /<(?:Package\w{0,20}Url|RepositoryUrl|projectUrl|licenseUrl|iconUrl|homepage|organizationUrl|loc)>\s*$/i;
/** Package manifests, where `url`/`repository`/`bugs` describe the package, not an endpoint. */
const MANIFEST =
  /(?:^|\/)(?:package\.json|bower\.json|component\.json|composer\.json|setup\.py|setup\.cfg|pyproject\.toml|Cargo\.toml|[^/]+\.gemspec|[^/]+\.nuspec|[^/]+\.podspec|pubspec\.yaml|plugin\.xml|AndroidManifest\.xml)$/i;
const MANIFEST_KEY =
  /(?:^|[\s{,"'.[(])["']?(?:url|repository|bugs|issues|source|sources|home|git|download_url|web|homepage|email)["']?\s*(?:[:=]|=>)\s*["']?$/i;
/** A person in a manifest: `"Jane Doe <jane@acme.io> (http://jane.dev)"` (author, contributors). */
const PERSON_BEFORE = /["'][^"'\n<>()]{1,60}(?:<{1,2}[^<>\s]{1,100}>)?\s{0,3}\($/;
/** pom.xml: `<url>` means a download location only inside these elements. */
const POM_DOWNLOAD = /<(repository|pluginRepository|snapshotRepository|mirror|downloadUrl)>/;
const POM_META =
  /<(license|organization|developer|contributor|scm|issueManagement|ciManagement|mailingList|project|site)>/;

export function isMetadataValue(ctx: ScanContext, offset: number, before: string): boolean {
  const key = beforeLiteral(ctx, offset, before);
  if (METADATA_KEY.test(key) || TEXT_KEY.test(key) || MATCH_KEY.test(key)) return true;
  if (METADATA_TAG.test(before)) return true;
  if (/^\s*(?:LABEL|MAINTAINER)\b/i.test(before) && ctx.language === 'dockerfile') return true;
  if (MANIFEST.test(ctx.path) && (MANIFEST_KEY.test(key) || PERSON_BEFORE.test(before))) return true;
  if (/(?:^|\/)pom\.xml$/i.test(ctx.path) && /<url>\s*$/.test(before)) {
    const window = ctx.text.slice(Math.max(0, offset - 600), offset);
    const lastDownload = lastMatchIndex(window, POM_DOWNLOAD);
    const lastMeta = lastMatchIndex(window, POM_META);
    return lastDownload < 0 || lastMeta > lastDownload;
  }
  return false;
}

function lastMatchIndex(text: string, re: RegExp): number {
  const g = new RegExp(re.source, 'g');
  let last = -1;
  let m: RegExpExecArray | null;
  while ((m = g.exec(text)) !== null) last = m.index;
  return last;
}

/** Commands before a URL: `curl -fsSL http://…` is a call even after several words. */
const COMMAND =
  /\b(?:curl|wget|fetch|get|post|put|patch|delete|head|git|pip|pip3|npm|yarn|apt|apt-get|apk|yum|dnf|brew|go|docker|helm|kubectl|install|add|clone|download|connect|request|invoke-webrequest|invoke-restmethod|iwr|irm|http|https|url|uri|endpoint|src|href|action|baseurl|proxy_pass)\b/i;

/** Words that introduce a reference link: `"See http://…"`, `"Docs: http://…"`. */
const LEAD_IN =
  /(?:^|[\s(])(?:see|visit|open|read|docs?|documentation|cf\.?|details|info|more|check|consult|refer to|learn more|about|e\.g\.,?|i\.e\.,?|eg|example|like|such as)[:.]?\s+$/i;

/**
 * A literal that is the message (or the argument after a format string) of a print, log, echo
 * or error call: text for people, which may mention a URL, not the endpoint the code calls.
 */
const MESSAGE_CALL =
  /(?:\b(?:console\.\w+|print|println|printf|puts|echo|alert|fmt\.\w*Print\w*|\w*Errorf|log\.\w+|logger\.\w+|logging\.\w+|LOG(?:GER)?\.\w+|Log\.\w+|Console\.Write\w*|System\.(?:out|err)\.print\w*|warn|die|raise\s+\w+|throw\s+new\s+\w+|new\s+\w*(?:Error|Exception))\s*\(?\s*(?:"[^"\n]{0,200}"\s*,\s*|'[^'\n]{0,200}'\s*,\s*)?(?:[rRfFbB]{1,2}|[@$])?["'`]?)$/;

/** The text before the literal (or value) holding `offset`, ending with its opening quote. */
function beforeLiteral(ctx: ScanContext, offset: number, before: string): string {
  const lit = ctx.regionAt(offset) === 'string' ? ctx.enclosing(offset) : undefined;
  if (!lit) return before;
  return ctx.text.slice(lineStartNear(ctx.text, lit.start, 200), lit.start + 1);
}

/**
 * A URL inside a sentence (`"Docs are at http://…"`, `description: see http://…`): the text
 * in the same literal or value before it ends with two or more plain words and no command.
 */
export function isProse(ctx: ScanContext, offset: number, before: string): boolean {
  if (MESSAGE_CALL.test(beforeLiteral(ctx, offset, before))) return true;
  // Markdown `[text](http://…)` and reStructuredText `` `text <http://…>`_ `` links are for people.
  if (/\]\($|`[^`\n]{1,200}<$/.test(before)) return true;
  if (isYamlBlockText(ctx, offset)) return true;
  let lead = before;
  const lit = ctx.regionAt(offset) === 'string' ? ctx.enclosing(offset) : undefined;
  if (lit) lead = ctx.text.slice(Math.max(lit.start + 1, offset - 200), offset);
  else
    lead = lead
      .replace(/^\s*(?:-\s+)?[\w.$@-]{1,128}\s*[:=]\s*/, '')
      .replace(/^\s*<[\w:.-]{1,64}[^>]{0,200}>/, '');
  if (LEAD_IN.test(lead)) return true;
  const words = /(?:^|\s)([A-Za-z][a-z']{0,30}[,:]?\s+[A-Za-z][a-z']{0,30}[,:]?)\s+$/.exec(lead);
  if (!words) return false;
  return !COMMAND.test(lead.slice(Math.max(0, lead.length - 60)));
}

/** Keys whose block scalars (`key: |` + indented lines) are text for people. */
const YAML_TEXT_BLOCK =
  /^(\s*)(?:-\s+)?["']?[\w.-]*(?:description|desc|help|help_?text|summary|notes?|message|text|comment|details|usage|examples?|doc|docs)["']?\s*:\s*[|>][-+]?\d?\s*$/i;

/**
 * A YAML line inside the block scalar of a text key (`help_text: |`, `description: >-`): its
 * URLs are links in prose. Looks back at most 40 lines / 4,000 characters.
 */
function isYamlBlockText(ctx: ScanContext, offset: number): boolean {
  if (ctx.language !== 'yaml') return false;
  const start = lineStartNear(ctx.text, offset);
  const indent = /^[ \t]*/.exec(ctx.text.slice(start, offset))?.[0].length ?? 0;
  const window = ctx.text.slice(Math.max(0, start - 4000), Math.max(0, start - 1));
  const lines = window.split('\n').slice(-40).reverse();
  for (const line of lines) {
    if (line.trim() === '') continue;
    const lead = /^[ \t]*/.exec(line)?.[0].length ?? 0;
    if (lead >= indent) continue;
    return YAML_TEXT_BLOCK.test(line);
  }
  return false;
}

/** Test sources and fixtures: their URLs are expectations and mocks, not calls in production. */
const TEST_PATH =
  /(?:^|\/)(?:tests?|__tests__|__mocks__|mocks?|stubs?|__fixtures__|testdata|test-data|fixtures|e2e|cypress|testing|playwright)\/|[._-](?:test|spec|tests|e2e|mock|mocks|stories)\.[a-z0-9]+$|_test\.go$|(?:^|\/)test_[^/]*\.py$|(?:^|\/)conftest\.py$|Tests?\.(?:java|kt|cs|swift|scala|php)$|_spec\.rb$|_test\.rb$/i;
/** `spec/` holds RSpec/Jasmine tests, but also OpenAPI specs, which are real configuration. */
const SPEC_DIR = /(?:^|\/)specs?\/(?:[^/]+\/)*[^/]+\.(?:rb|js|jsx|ts|tsx|py)$/i;

export function isTestPath(path: string): boolean {
  // Several rules ask about the same file in a row.
  if (path !== lastPath) {
    lastPath = path;
    lastIsTest = TEST_PATH.test(path) || SPEC_DIR.test(path);
  }
  return lastIsTest;
}

let lastPath: string | undefined;
let lastIsTest = false;
