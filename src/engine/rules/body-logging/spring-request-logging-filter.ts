import { defineRule } from '../../rule';
import type { Fix, RuleMatch } from '../../types';
import { isTestPath } from './exprContext';
import { MAX_FINDINGS } from './requestRule';

/**
 * Spring's `CommonsRequestLoggingFilter` / `AbstractRequestLoggingFilter` with
 * `setIncludePayload(true)` (bodies) or `setIncludeHeaders(true)` (every header, Authorization
 * and Cookie included, unless a header predicate filters them), in Java, Kotlin or XML bean
 * config, and `spring.mvc.log-request-details=true` in application properties/YAML.
 */

const SETTER = /(?<![\w$])(?:\.?set(Include(?:Payload|Headers))\(\s{0,2}(true)\s{0,2}\)|\b(?:is)?(include(?:Payload|Headers))\s{0,2}=\s{0,2}(true)\b)/gi;
const XML_PROPERTY = /<property\s{1,8}name\s{0,2}=\s{0,2}"(include(?:Payload|Headers))"\s{1,8}value\s{0,2}=\s{0,2}"(true)"/g;
const DETAILS = /\b(?:spring\.(?:mvc|codec)\.)?log-request-details\s{0,2}[:=]\s{0,2}["']?(true)\b/g;

function finding(start: number, end: number, value: string, kind: 'payload' | 'headers' | 'details', fix?: Fix): RuleMatch {
  const message =
    kind === 'payload'
      ? 'Request logging filter writes request bodies to the log: set includePayload to false.'
      : kind === 'headers'
        ? 'Request logging filter writes every header, Authorization and Cookie included: turn includeHeaders off or set a header predicate that drops them.'
        : 'log-request-details logs request parameters and headers (potentially sensitive) at DEBUG/TRACE: turn it off outside local development.';
  return { start, end, value, message, severity: kind === 'headers' ? 'error' : 'warning', fixes: fix ? [fix] : [] };
}

function falseFix(start: number, end: number, what: string): Fix {
  return { title: `Stop logging request ${what} (true → false)`, edits: [{ start, end, newText: 'false' }], preferred: true, fixAll: true };
}

/** `body-logging/spring-request-logging-filter`. */
export default defineRule({
  id: 'body-logging/spring-request-logging-filter',
  family: 'body-logging',
  title: 'Spring request logging filter logs bodies or headers',
  description:
    "CommonsRequestLoggingFilter (or any AbstractRequestLoggingFilter) with includePayload logs every request body, and with includeHeaders every header — Authorization and Cookie included — for every request. spring.mvc.log-request-details does the same for parameters and headers at DEBUG level. Passwords, tokens and personal data end up in the logs.",
  remediation:
    'Set includePayload and includeHeaders to false (keep includeQueryString/includeClientInfo if needed), or set a header predicate that drops Authorization and Cookie; keep log-request-details off outside local development.',
  severity: 'warning',
  confidence: 'high',
  cwe: ['CWE-532'],
  keywords: ['includepayload', 'includeheaders', 'log-request-details'],
  languages: ['java', 'kotlin', 'scala', 'xml', 'properties', 'yaml'],
  detect(ctx) {
    if (isTestPath(ctx.path)) return [];
    const out: RuleMatch[] = [];
    const predicate = /setHeaderPredicate|headerPredicate/.test(ctx.text);
    const code = ctx.language === 'java' || ctx.language === 'kotlin' || ctx.language === 'scala';
    const re = code ? SETTER : ctx.language === 'xml' ? XML_PROPERTY : DETAILS;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(ctx.text)) !== null && out.length < MAX_FINDINGS) {
      if (ctx.regionAt(m.index) === 'comment') continue;
      const bool = m.index + m[0].lastIndexOf('true');
      if (re === DETAILS) {
        out.push(finding(m.index, m.index + m[0].length, m[0], 'details', falseFix(bool, bool + 4, 'details')));
        continue;
      }
      if (code && ctx.regionAt(m.index) !== 'code') continue;
      const prop = (m[1] ?? m[3]).toLowerCase();
      const headers = prop === 'includeheaders';
      if (headers && predicate) continue;
      const kind = headers ? 'headers' : 'payload';
      out.push(finding(m.index, m.index + m[0].length, m[0].replace(/^\./, ''), kind, falseFix(bool, bool + 4, headers ? 'headers' : 'bodies')));
    }
    return out;
  },
  bad: [
    {
      path: 'src/main/java/com/acme/LoggingConfig.java',
      text: 'CommonsRequestLoggingFilter filter = new CommonsRequestLoggingFilter();\nfilter.setIncludePayload(true);\nfilter.setMaxPayloadLength(10000);\n',
      fixed:
        'CommonsRequestLoggingFilter filter = new CommonsRequestLoggingFilter();\nfilter.setIncludePayload(false);\nfilter.setMaxPayloadLength(10000);\n',
    },
    {
      path: 'src/main/kotlin/com/acme/LoggingConfig.kt',
      text: 'val filter = CommonsRequestLoggingFilter().apply {\n    setIncludeHeaders(true)\n    setIncludeQueryString(true)\n}\n',
    },
    { path: 'src/main/resources/application.properties', text: 'spring.mvc.log-request-details=true\n' },
    {
      path: 'src/main/resources/beans.xml',
      text: '<bean class="org.springframework.web.filter.CommonsRequestLoggingFilter">\n  <property name="includePayload" value="true"/>\n</bean>\n',
    },
  ],
  good: [
    {
      path: 'src/main/java/com/acme/LoggingConfig.java',
      text: 'filter.setIncludeQueryString(true);\nfilter.setIncludePayload(false);\nfilter.setIncludeClientInfo(true);\n',
    },
    {
      path: 'src/main/java/com/acme/LoggingConfig.java',
      text: 'filter.setIncludeHeaders(true);\nfilter.setHeaderPredicate(h -> !h.equalsIgnoreCase("authorization"));\n',
    },
    { path: 'src/main/resources/application.properties', text: '# spring.mvc.log-request-details=true\nspring.mvc.log-request-details=false\n' },
  ],
});
