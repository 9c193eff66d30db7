import type { ScanContext } from '../../context';
import { defineRule } from '../../rule';
import type { RuleMatch } from '../../types';
import { isLoggedValue, isTestPath } from './exprContext';
import { matchClose } from './logCalls';
import { MAX_FINDINGS } from './requestRule';

/**
 * morgan (Express request logger): a custom token that returns the request body, headers or
 * cookies (`morgan.token('body', req => JSON.stringify(req.body))`), or a format that logs
 * `:body` or `:req[authorization]`. Every request line then carries the payload.
 */

const TOKEN = /(?<![\w$])morgan\.token\(\s{0,2}(['"`])([\w-]{1,40})\1\s{0,2},/g;
const BODY_IN_TOKEN = /(?<![\w$.])(?:req|request)\.(?:body|rawBody)(?![\w$])/g;
const CRED_IN_TOKEN =
  /(?<![\w$.])(?:req|request)\.(?:headers(?:\.(?:authorization|cookie)|\[\s{0,2}(['"])(?:authorization|cookie|x-api-key)\1\s{0,2}\])?|cookies|get\(\s{0,2}(['"])(?:authorization|cookie)\2\s{0,2}\))(?![\w$])/gi;
const FORMAT_TOKEN = /:(?:req\[(?:authorization|cookie|x-api-key)\]|(?:req-|request-|raw-)?body|payload)(?![\w-])/gi;

interface TokenDef {
  name: string;
  start: number;
  end: number;
}

/** Custom token definitions, with the span of their callback. */
function tokenDefs(ctx: ScanContext): TokenDef[] {
  const defs: TokenDef[] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(ctx.text)) !== null && defs.length < MAX_FINDINGS) {
    if (ctx.regionAt(m.index) !== 'code') continue;
    const open = m.index + m[0].indexOf('(');
    defs.push({ name: m[2], start: m.index + m[0].length, end: matchClose(ctx, open, 2000) });
  }
  return defs;
}

function defMatches(ctx: ScanContext, def: TokenDef): RuleMatch[] {
  const out: RuleMatch[] = [];
  const slice = ctx.text.slice(def.start, def.end);
  for (const [re, credential] of [[BODY_IN_TOKEN, false], [CRED_IN_TOKEN, true]] as const) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(slice)) !== null) {
      const start = def.start + m.index;
      const kind = credential ? 'credential' : 'body';
      if (!isLoggedValue(ctx, def.start, start, start + m[0].length, kind)) continue;
      out.push({
        start,
        end: start + m[0].length,
        value: m[0],
        message: credential
          ? `morgan token ':${def.name}' logs a credential header (${m[0]}) on every request: remove it.`
          : `morgan token ':${def.name}' logs the request body (${m[0]}) on every request: log :method :url :status :res[content-length] instead.`,
        severity: credential ? 'error' : 'warning',
      });
    }
  }
  return out;
}

/** `body-logging/morgan-body-token`. */
export default defineRule({
  id: 'body-logging/morgan-body-token',
  family: 'body-logging',
  title: 'morgan logs the request body or a credential header',
  description:
    'A morgan custom token returns the request body, headers or cookies, or a morgan format includes :body or :req[authorization]. morgan writes a line for every request, so every password, token and personal detail sent to the API ends up in the access log.',
  remediation:
    "Use a format of request metadata only (':method :url :status :res[content-length] - :response-time ms') and drop body and credential tokens.",
  severity: 'warning',
  confidence: 'high',
  cwe: ['CWE-532'],
  keywords: ['morgan'],
  languages: ['javascript', 'typescript'],
  detect(ctx) {
    if (isTestPath(ctx.path)) return [];
    const defs = tokenDefs(ctx);
    const out = defs.flatMap((d) => defMatches(ctx, d));
    const defined = new Set(defs.map((d) => d.name.toLowerCase()));
    FORMAT_TOKEN.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = FORMAT_TOKEN.exec(ctx.text)) !== null && out.length < MAX_FINDINGS) {
      if (ctx.regionAt(m.index) !== 'string') continue;
      const token = m[0].slice(1).toLowerCase();
      const credential = token.startsWith('req[');
      // A token defined in this file is judged by its definition above.
      if (!credential && defined.has(token)) continue;
      out.push({
        start: m.index,
        end: m.index + m[0].length,
        value: m[0],
        message: credential
          ? `morgan format logs ${m[0]} on every request: it is a credential — remove it from the format.`
          : `morgan format logs ${m[0]} on every request: use request metadata (:method :url :status) instead.`,
        severity: credential ? 'error' : 'warning',
      });
    }
    return out;
  },
  bad: [
    {
      path: 'src/middleware/logging.ts',
      text: "morgan.token('body', (req: Request) => JSON.stringify(req.body));\napp.use(morgan(':method :url :status :body'));\n",
      count: 1,
    },
    { path: 'src/app.js', text: "app.use(morgan(':method :url :status :req[authorization]'));\n" },
    { path: 'src/app.js', text: "const morgan = require('morgan');\napp.use(morgan(':method :url :body'));\n" },
  ],
  good: [
    { path: 'src/app.js', text: "app.use(morgan(':method :url :status :res[content-length] - :response-time ms'));\n" },
    { path: 'src/app.js', text: "morgan.token('id', (req) => req.id);\nmorgan.token('size', (req) => String(req.body.length));\n" },
    { path: 'src/app.js', text: "// morgan.token('body', req => JSON.stringify(req.body))\napp.use(morgan('combined'));\n" },
  ],
});
