import type { ScanContext } from '../../context';
import { defineRule } from '../../rule';
import type { LanguageId, RuleMatch } from '../../types';
import { isTestPath } from './exprContext';
import { MAX_FINDINGS } from './requestRule';

/**
 * HTTP logging middleware told to write whole requests: Faraday `response :logger, …,
 * bodies: true`, OkHttp `HttpLoggingInterceptor.Level.BODY`, Feign `Logger.Level.FULL` /
 * `loggerLevel: full`, Ktor `LogLevel.ALL`/`BODY`, Apache HttpClient wire logging at DEBUG,
 * Python `HTTPConnection.debuglevel = 1`, resty `SetDebug(true)`, express-winston
 * `requestWhitelist` with `body`, Guzzle `MessageFormatter::DEBUG`. No single log call names the
 * body: the setting logs every one. (Spring `log-request-details` is spring-request-logging-filter's.)
 */

interface Setting {
  re: RegExp;
  what: string;
  /**
   * Runs only where the file holds one literal (lower-case) of each group: the regex needs them
   * (or the setting only applies with them). Gates of the rule, answered by the keyword pass.
   */
  needs: string[][];
}

const SETTINGS: Setting[] = [
  {
    re: /\bresponse\s{0,5}\(?\s{0,5}:logger\b[^\n]{0,120}?\bbodies:\s{0,5}(?:true\b|\{[^}\n]{0,60}?\brequest:\s{0,5}true\b)/g,
    what: 'Faraday logger with bodies: true',
    needs: [['bodies:']],
  },
  { re: /\b(?:HttpLoggingInterceptor\.)?Level\.BODY\b/g, what: 'OkHttp HttpLoggingInterceptor at Level.BODY', needs: [['httplogginginterceptor'], ['level.body']] },
  { re: /\b(?:feign\.)?Logger\.Level\.FULL\b/g, what: 'Feign Logger.Level.FULL', needs: [['logger.level.full']] },
  { re: /\bloggerLevel["']?\s{0,5}[:=]\s{0,5}["']?(?:full|FULL)\b/g, what: 'Feign loggerLevel full', needs: [['loggerlevel']] },
  { re: /\blevel\s{0,5}=\s{0,5}LogLevel\.(?:ALL|BODY)\b/g, what: 'Ktor client Logging at LogLevel.ALL/BODY', needs: [['install(logging'], ['loglevel.']] },
  {
    re: /\b(?:org\.apache\.http\.wire|org\.apache\.hc\.client5\.http\.wire|httpclient\.wire(?:\.content)?)["']?\s{0,5}[:=]\s{0,5}["']?(?:DEBUG|TRACE|ALL|debug|trace|all)\b/g,
    what: 'Apache HttpClient wire logging at DEBUG',
    needs: [['.wire']],
  },
  { re: /\bHTTPConnection\.debuglevel\s{0,5}=\s{0,5}[1-9]/g, what: 'http.client debuglevel (prints whole requests)', needs: [['httpconnection.debuglevel']] },
  { re: /\.SetDebug\(\s{0,5}true\s{0,5}\)/g, what: 'resty SetDebug(true) (logs whole requests)', needs: [['resty'], ['.setdebug(']] },
  {
    re: /\brequestWhitelist(?:\.push\(\s{0,5}|["']?\s{0,5}:\s{0,5}\[[^\]\n]{0,120}?)["']body["']/g,
    what: 'express-winston requestWhitelist with body',
    needs: [['requestwhitelist']],
  },
  { re: /\bMessageFormatter::DEBUG\b|\{req_body\}/g, what: 'Guzzle MessageFormatter with request bodies', needs: [['messageformatter::debug', '{req_body}']] },
];

/** `if (BuildConfig.DEBUG)` / `isDebug` just before: only debug builds log bodies. */
function debugOnly(ctx: ScanContext, at: number): boolean {
  const before = ctx.text.slice(Math.max(0, at - 160), at);
  return /\bBuildConfig\.DEBUG\b|\bisDebug(?:Build)?\b|\bkDebugMode\b/.test(before);
}

const LANGUAGES: LanguageId[] = [
  'ruby', 'java', 'kotlin', 'scala', 'python', 'go', 'javascript', 'typescript', 'php', 'yaml', 'properties', 'xml', 'json',
];

/** `body-logging/http-client-body-logging`. */
export default defineRule({
  id: 'body-logging/http-client-body-logging',
  family: 'body-logging',
  title: 'HTTP logging middleware writes whole requests (bodies and headers)',
  description:
    'An HTTP client or server logging middleware is configured to log full requests: OkHttp Level.BODY, Feign FULL, Faraday bodies: true, Ktor LogLevel.ALL, Apache HttpClient wire logging, http.client debuglevel, resty debug mode, express-winston with body, Guzzle DEBUG format. Every request body and Authorization header then reaches the log, with passwords, tokens and personal data.',
  remediation:
    'Log request lines and status only (OkHttp Level.BASIC, Feign BASIC, Faraday bodies: false, wire logging off) and redact Authorization and Cookie headers.',
  severity: 'warning',
  confidence: 'high',
  cwe: ['CWE-532'],
  keywords: [
    'bodies', 'level.body', 'level.full', 'loggerlevel', '.wire',
    'debuglevel', 'setdebug', 'requestwhitelist', 'messageformatter::debug', '{req_body}', 'loglevel.',
  ],
  languages: LANGUAGES,
  gates: [...new Set(SETTINGS.flatMap((s) => s.needs.flat()))],
  detect(ctx) {
    if (isTestPath(ctx.path)) return [];
    const out: RuleMatch[] = [];
    for (const s of SETTINGS) {
      if (!s.needs.every((group) => group.some((literal) => ctx.saw(literal)))) continue;
      s.re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = s.re.exec(ctx.text)) !== null && out.length < MAX_FINDINGS) {
        if (ctx.regionAt(m.index) === 'comment' || debugOnly(ctx, m.index)) continue;
        // In code a setting is code, not text in a string (`"Level.BODY"` in a message).
        if (!ctx.isConfig && ctx.regionAt(m.index) !== 'code' && !/requestWhitelist|req_body/.test(m[0])) continue;
        out.push({
          start: m.index,
          end: m.index + m[0].length,
          value: m[0],
          message: `${s.what}: every request body and Authorization header is written to the log. Log the request line and status only.`,
          severity: 'warning',
        });
      }
    }
    return out;
  },
  bad: [
    {
      path: 'lib/partner_client.rb',
      text: 'Faraday.new(url: base) do |f|\n  f.response :logger, Rails.logger, bodies: true\nend\n',
    },
    {
      path: 'app/src/main/java/com/acme/Api.kt',
      text: 'val logging = HttpLoggingInterceptor().apply { level = HttpLoggingInterceptor.Level.BODY }\n',
    },
    { path: 'src/main/java/com/acme/FeignConfig.java', text: '@Bean\nLogger.Level feignLoggerLevel() {\n    return Logger.Level.FULL;\n}\n' },
    { path: 'src/main/resources/application.yml', text: 'feign:\n  client:\n    config:\n      default:\n        loggerLevel: full\n' },
    { path: 'src/main/resources/application.properties', text: 'logging.level.org.apache.http.wire=DEBUG\n' },
    { path: 'app/debug.py', text: 'import http.client\nhttp.client.HTTPConnection.debuglevel = 1\n' },
    { path: 'server/app.js', text: "app.use(expressWinston.logger({ winstonInstance: log, requestWhitelist: ['url', 'method', 'body'] }));\n" },
  ],
  good: [
    { path: 'lib/partner_client.rb', text: 'Faraday.new(url: base) do |f|\n  f.response :logger, Rails.logger, headers: false, bodies: false\nend\n' },
    { path: 'app/src/main/java/com/acme/Api.kt', text: 'val logging = HttpLoggingInterceptor().apply { level = HttpLoggingInterceptor.Level.BASIC }\n' },
    {
      path: 'app/src/main/java/com/acme/Api.kt',
      text: 'val logging = HttpLoggingInterceptor().apply {\n  level = if (BuildConfig.DEBUG) HttpLoggingInterceptor.Level.BODY else HttpLoggingInterceptor.Level.NONE\n}\n',
    },
    { path: 'src/main/java/com/acme/FeignConfig.java', text: 'return Logger.Level.BASIC; // not Logger.Level.FULL: bodies carry card data\n' },
    { path: 'src/main/resources/application.properties', text: 'logging.level.org.apache.http.wire=WARN\n' },
  ],
});
