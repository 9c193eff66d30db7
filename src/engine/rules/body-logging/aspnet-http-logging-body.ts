import { defineRule } from '../../rule';
import type { Fix, RuleMatch } from '../../types';
import { isTestPath } from './exprContext';
import { MAX_FINDINGS } from './requestRule';

/**
 * ASP.NET Core HTTP logging (`AddHttpLogging`) configured to log request bodies
 * (`HttpLoggingFields.RequestBody`, `.Request`, `.All`), or told to log the Authorization or
 * Cookie header values (`RequestHeaders.Add("Authorization")`), which it redacts by default.
 */

const FIELDS = /(?<![\w.])HttpLoggingFields\.(RequestBody|Request|All)(?![\w])/g;
const HEADER_ADD = /\bRequestHeaders\.Add\(\s{0,2}(?:"(?:Authorization|Cookie|Proxy-Authorization)"|HeaderNames\.(?:Authorization|Cookie|ProxyAuthorization))\s{0,2}\)/gi;

const SAFE_FIELDS = 'HttpLoggingFields.RequestPropertiesAndHeaders';

/** Removes the body from a field expression, keeping the rest of a `|` combination. */
function fieldFix(text: string, start: number, end: number, field: string): Fix | undefined {
  const before = text.slice(Math.max(0, start - 40), start);
  const after = text.slice(end, end + 40);
  const title = 'Log request properties and headers without the body';
  if (field === 'RequestBody') {
    const pipeBefore = /\s*\|\s*$/.exec(before);
    if (pipeBefore) return { title, edits: [{ start: start - pipeBefore[0].length, end, newText: '' }], preferred: true, fixAll: true };
    const pipeAfter = /^\s*\|\s*/.exec(after);
    if (pipeAfter) return { title, edits: [{ start, end: end + pipeAfter[0].length, newText: '' }], preferred: true, fixAll: true };
    return { title, edits: [{ start, end, newText: SAFE_FIELDS }], preferred: true, fixAll: true };
  }
  const newText =
    field === 'All' ? `${SAFE_FIELDS} | HttpLoggingFields.ResponsePropertiesAndHeaders` : SAFE_FIELDS;
  return { title, edits: [{ start, end, newText }], preferred: true, fixAll: true };
}

/** `body-logging/aspnet-http-logging-body`. */
export default defineRule({
  id: 'body-logging/aspnet-http-logging-body',
  family: 'body-logging',
  title: 'ASP.NET Core HTTP logging logs request bodies or credential headers',
  description:
    'AddHttpLogging with HttpLoggingFields.RequestBody (or Request, or All) writes every request body — passwords, tokens, personal data — to the log. Adding Authorization or Cookie to RequestHeaders turns off the redaction ASP.NET Core applies to them by default.',
  remediation:
    'Log HttpLoggingFields.RequestPropertiesAndHeaders (and response properties) only, and keep Authorization and Cookie out of RequestHeaders.',
  severity: 'warning',
  confidence: 'high',
  cwe: ['CWE-532'],
  keywords: ['httploggingfields', 'requestheaders.add'],
  languages: ['csharp'],
  detect(ctx) {
    if (isTestPath(ctx.path)) return [];
    const out: RuleMatch[] = [];
    FIELDS.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = FIELDS.exec(ctx.text)) !== null && out.length < MAX_FINDINGS) {
      if (ctx.regionAt(m.index) !== 'code') continue;
      const end = m.index + m[0].length;
      // `fields & ~HttpLoggingFields.RequestBody` removes the body: that is the fix, not the risk.
      if (/~\s*\(?\s*$/.test(ctx.text.slice(Math.max(0, m.index - 4), m.index))) continue;
      const statement = ctx.text.slice(end, end + 200).split(';')[0];
      if (m[1] !== 'RequestBody' && /~\s*\(?\s*HttpLoggingFields\.RequestBody/.test(statement)) continue;
      const fix = fieldFix(ctx.text, m.index, end, m[1]);
      out.push({
        start: m.index,
        end,
        value: m[0],
        message: `HTTP logging with ${m[0]} writes request bodies to the log: log properties and headers only.`,
        severity: 'warning',
        fixes: fix ? [fix] : [],
      });
    }
    HEADER_ADD.lastIndex = 0;
    while ((m = HEADER_ADD.exec(ctx.text)) !== null && out.length < MAX_FINDINGS) {
      if (ctx.regionAt(m.index) !== 'code') continue;
      out.push({
        start: m.index,
        end: m.index + m[0].length,
        value: m[0],
        message: `${m[0]} makes HTTP logging write a credential header in clear text: remove it.`,
        severity: 'error',
      });
    }
    return out;
  },
  bad: [
    {
      path: 'Program.cs',
      text: 'builder.Services.AddHttpLogging(o =>\n{\n    o.LoggingFields = HttpLoggingFields.All;\n});\n',
      fixed:
        'builder.Services.AddHttpLogging(o =>\n{\n    o.LoggingFields = HttpLoggingFields.RequestPropertiesAndHeaders | HttpLoggingFields.ResponsePropertiesAndHeaders;\n});\n',
    },
    {
      path: 'Program.cs',
      text: 'o.LoggingFields = HttpLoggingFields.RequestPropertiesAndHeaders | HttpLoggingFields.RequestBody;\n',
      fixed: 'o.LoggingFields = HttpLoggingFields.RequestPropertiesAndHeaders;\n',
    },
    { path: 'Program.cs', text: 'o.RequestHeaders.Add("Authorization");\n' },
  ],
  good: [
    {
      path: 'Program.cs',
      text: 'o.LoggingFields = HttpLoggingFields.RequestPropertiesAndHeaders | HttpLoggingFields.ResponseStatusCode;\no.RequestHeaders.Add("X-Request-Id");\n',
    },
    { path: 'Program.cs', text: '// o.LoggingFields = HttpLoggingFields.All;\no.LoggingFields = HttpLoggingFields.All & ~HttpLoggingFields.RequestBody & ~HttpLoggingFields.ResponseBody;\n' },
  ],
});
