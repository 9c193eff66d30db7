import type { ScanContext } from '../../context';
import { METADATA_TITLE, presenceFix, replaceArgument } from './fixHelpers';
import { requestRule, type Hit } from './requestRule';
import { CRED_FIELD, CRED_FIELD_CAMEL, CRED_FIELD_WHAT } from './requestFields';
import type { ParamSource, Source } from './taint';

/**
 * JavaScript/TypeScript: `console.*`, pino, winston, bunyan, `req.log`, `debug()` writing
 * `req.body` (Express), `ctx.request.body` (Koa), `request.body` (Fastify), `event.body`
 * (Lambda), `await request.json()` (fetch/Next.js), or Authorization/Cookie headers.
 */

/** Not a member of something else, but a spread (`{ ...req.body }`) is the whole value. */
const START = '(?<![\\w$]|(?<!\\.\\.)\\.)';
const REQ = `${START}(?:req|request|ctx\\.request|ctx\\.req|c\\.req|context\\.req(?:uest)?)`;
const HDR_REQ = `${START}(?:req|request|ctx\\.request|ctx\\.req|ctx|c\\.req|event|evt)`;
const CRED_HEADER = '(?:proxy-)?authorization|cookie|set-cookie|x-api-key|x-auth-token|x-access-token|api-key';

const BODY: Source[] = [
  { re: new RegExp(`${REQ}\\.(?:body|rawBody|raw_body|payload)(?![\\w$])`, 'g'), kind: 'body', what: 'Request body', hint: ['.body', '.payload', '.rawbody', '.raw_body'] },
  { re: /(?<![\w$.])(?:event|evt)\.body(?![\w$])/g, kind: 'body', what: 'Request body', hint: ['.body'] },
  {
    re: /(?<![\w$.])(?:await\s+)?(?:req|request|c\.req)(?:\.clone\(\s*\))?\.(?:json|text|formData|arrayBuffer|blob|parseBody)\(\s*\)/g,
    kind: 'body',
    what: 'Request body',
    hint: ['.json(', '.text(', '.formdata(', '.arraybuffer(', '.blob(', '.parsebody('],
  },
];

/**
 * A credential field of the request. Tracked through variables only (`pw = …`, then `log(pw)`):
 * logged directly, `generic-credential-in-log` reports it by its name.
 */
const FIELDS: Source[] = [
  {
    // `req.body.password`, `req.body['api_key']`: a credential under the variable's own name.
    re: new RegExp(`${REQ}\\.(?:body|query)(?:\\??\\.(?:${CRED_FIELD_CAMEL}|${CRED_FIELD})(?![\\w$])|\\[\\s{0,2}(['"\`])(?:${CRED_FIELD_CAMEL}|${CRED_FIELD})\\1\\s{0,2}\\])`, 'g'),
    kind: 'credential',
    what: CRED_FIELD_WHAT,
    hint: ['.body', '.query'],
  },
];

const CREDENTIAL: Source[] = [
  {
    re: new RegExp(
      `${HDR_REQ}\\.headers(?:\\??\\.(?:authorization|cookie)|\\[\\s{0,2}(['"\`])(?:${CRED_HEADER})\\1\\s{0,2}\\])`,
      'gi',
    ),
    kind: 'credential',
    what: 'Authorization or Cookie header',
    hint: ['headers'],
  },
  {
    re: new RegExp(`${HDR_REQ}\\.(?:get|header|getHeader|headers\\.get)\\(\\s{0,2}(['"\`])(?:${CRED_HEADER})\\1\\s{0,2}\\)`, 'gi'),
    kind: 'credential',
    what: 'Authorization or Cookie header',
    hint: ['authorization', 'cookie', 'api-key', 'auth-token', 'access-token'],
  },
  {
    re: new RegExp(`${HDR_REQ}\\.headers(?![\\w$])`, 'g'),
    kind: 'credential',
    what: 'All request headers (Authorization and Cookie included)',
    hint: ['headers'],
  },
  {
    re: /(?<![\w$.])(?:req|request|ctx)\.(?:cookies|signedCookies)(?![\w$])/g,
    kind: 'credential',
    what: 'Request cookies',
    hint: ['cookies'],
  },
  {
    // Koa `ctx.cookies.get('session')`, Next.js `req.cookies.get('token')` / `cookies().get(…)`.
    re: /(?<![\w$.])(?:(?:req|request|ctx)\.cookies|cookies\(\s{0,2}\))\.get\(\s{0,2}(['"`])[\w.-]{1,60}\1\s{0,2}\)/g,
    kind: 'credential',
    what: 'Session cookie',
    hint: ['cookies'],
  },
];

/** `const { body } = req`, `const { body: raw, headers } = event`. */
function destructured(keys: RegExp): (m: RegExpExecArray) => string[] {
  return (m) =>
    m[1]
      .split(',')
      .map((part) => /^\s*([\w$]+)\s*(?::\s*([\w$]+))?\s*(?:=[^,]*)?$/.exec(part))
      .filter((p): p is RegExpExecArray => p !== null && keys.test(p[1]))
      .map((p) => p[2] ?? p[1]);
}

const DESTRUCTURE = /(?:const|let|var)\s{0,4}\{([^{}]{1,200})\}\s*=\s*(?:await\s+)?(?:req|request|event|ctx\.request|c\.req)\s*(?:[;\n)]|$)/g;

/** `let body = ''` (or `[]`) filled by `req.on('data', chunk => body += chunk)`. */
function accumulated(m: RegExpExecArray, ctx: ScanContext): string[] {
  const name = m[1];
  const esc = name.replace(/\$/g, '\\$');
  const fill = new RegExp(`(?<![\\w$.])${esc}\\s*(?:\\+=\\s*chunk|\\.push\\(\\s*chunk)`);
  return /\.on\(\s{0,2}['"]data['"]/.test(ctx.text.slice(m.index, m.index + 3000)) && fill.test(ctx.text.slice(m.index, m.index + 3000))
    ? [name]
    : [];
}

/**
 * AWS Lambda handlers (`exports.handler = async (event) =>`, `export async function
 * handler(event)`, any `(event, context)`): the whole event carries the body and every header.
 * The match runs to the end of the parameter list, so the scope is the function body.
 */
const LAMBDA_EVENT =
  /(?:(?:\b(?:exports|module\.exports)\.handler|\b(?:const|let|var)\s{1,5}handler)\s{0,5}(?::\s{0,5}[\w$<>, .]{1,60})?=\s{0,5}(?:async\s{1,5})?(?:function\s{0,5}[\w$]{0,40}\s{0,5})?\(\s{0,5}|\bfunction\s{1,5}handler\s{0,5}\(\s{0,5}|\(\s{0,5}(?=event\s{0,5}(?::[^,()]{1,80})?,\s{0,5}_?context\b))(event)\b[^()]{0,200}\)/g;

const OPEN_PAREN = /\(\s{0,5}$/;

const LAMBDA_HINTS = ['statuscode', 'apigateway', 'aws-lambda', 'lambda', 'serverless', 'sqsevent', 's3event'];

/** A `handler(event)` without `context` is a Lambda only in a file that says so (not a DOM handler). */
function lambdaEvent(m: RegExpExecArray, ctx: ScanContext): string[] {
  if (/context/.test(m[0])) return [m[1]];
  return LAMBDA_HINTS.some((h) => ctx.lower.includes(h)) ? [m[1]] : [];
}

const PARAMS: ParamSource[] = [
  {
    re: LAMBDA_EVENT,
    kind: 'body',
    what: 'Lambda event (request body and headers)',
    nextBlock: true,
    names: lambdaEvent,
    hint: ['(event'],
    // Its group 1 `event` (exactly so, after `(` and at most five spaces) is at most ~175
    // characters after the match start; the match ends at most ~210 characters after it.
    near: { words: ['event'], before: 200, after: 0, keep: (text, at) => text.startsWith('event', at) && OPEN_PAREN.test(text.slice(Math.max(0, at - 6), at)) },
  },
  // NestJS: `@Body() dto: CreateUserDto`, `@Headers('authorization') auth`, `@Headers() headers`.
  { re: /@Body\(\s*\)\s*(?:private\s+|readonly\s+)*([A-Za-z_$][\w$]{0,40})/g, kind: 'body', what: 'Request body (@Body() object)', nextBlock: true, hint: ['@body('] },
  {
    re: /@Headers\(\s*(['"])(?:authorization|cookie|x-api-key)\1\s*\)\s*([A-Za-z_$][\w$]{0,40})/gi,
    kind: 'credential',
    what: 'Authorization or Cookie header',
    nextBlock: true,
    names: (m) => [m[2]],
    hint: ['@headers('],
  },
  { re: /@Headers\(\s*\)\s*([A-Za-z_$][\w$]{0,40})/g, kind: 'credential', what: 'All request headers (Authorization and Cookie included)', nextBlock: true, hint: ['@headers('] },
  { re: DESTRUCTURE, kind: 'body', what: 'Request body', names: destructured(/^(?:body|rawBody|payload)$/), hint: ['} ='] },
  {
    re: DESTRUCTURE,
    kind: 'credential',
    what: 'All request headers (Authorization and Cookie included)',
    names: destructured(/^headers$/),
    hint: ['} ='],
  },
  { re: /(?:let|var)\s+([A-Za-z_$][\w$]{0,40})\s*=\s*(?:''|""|``|\[\])/g, kind: 'body', what: 'Request body', names: accumulated, hint: ['chunk'] },
];

/** Request metadata in the idiom of the framework the sink belongs to. */
function metadataFor(expr: string): string {
  const e = expr.replace(/^await\s+/, '');
  if (/^ctx\./.test(e)) return '{ method: ctx.method, path: ctx.path }';
  if (/^(?:event|evt)\./.test(e)) return `{ method: ${e.split('.')[0]}.httpMethod, path: ${e.split('.')[0]}.path }`;
  if (/^c\.req\./.test(e)) return '{ method: c.req.method, path: c.req.path }';
  if (/^context\.req(?:uest)?\./.test(e)) {
    const r = /^context\.req(?:uest)?/.exec(e)![0];
    return `{ method: ${r}.method, path: ${r}.path }`;
  }
  if (/^request\./.test(e)) return '{ method: request.method, url: request.url }';
  return '{ method: req.method, path: req.path }';
}

function fix(ctx: ScanContext, hit: Hit) {
  if (!hit.match) return undefined;
  const expr = ctx.text.slice(hit.start, hit.end);
  if (hit.kind === 'body') return replaceArgument(ctx, hit, metadataFor(expr), METADATA_TITLE);
  if (/headers(?![\w$])$/.test(expr) || /cookies$/i.test(expr)) return undefined;
  return presenceFix(ctx, hit, (e) => `Boolean(${e})`);
}

/** `body-logging/js-request-logged`. */
export default requestRule({
  id: 'body-logging/js-request-logged',
  title: 'Request body or credential header logged (JavaScript/TypeScript)',
  description:
    'A console or logger call (console.*, pino, winston, bunyan, req.log, debug) writes the request body, the whole headers object, cookies or the Authorization header. Bodies carry passwords, tokens and personal data; headers carry bearer tokens and session cookies. Logs are kept for months, copied to third-party services and read by many people — an auditor treats credentials and personal data in logs as a leak.',
  remediation:
    'Log request metadata (method, path, status, length, request id) instead; log whether a credential is present, never its value.',
  languages: ['javascript', 'typescript'],
  keywords: ['.body', 'headers', '@body(', 'cookies', 'authorization', '.json()', '.text()', 'payload', 'rawbody', 'chunk', '(event'],
  sinks: [...BODY, ...CREDENTIAL],
  taint: {
    assign: /(?<![\w$.])([A-Za-z_$][\w$]{0,40})\s*(?::\s*[\w$<>[\]|.]{1,40}\s*)?=(?![=>])\s*/g,
    sources: [...BODY, ...CREDENTIAL, ...FIELDS],
    params: PARAMS,
  },
  fix,
  bad: [
    { path: 'src/worker.ts', text: 'console.log(await request.clone().text());\n' },
    { path: 'src/app.js', text: "process.stdout.write(JSON.stringify(req.body) + '\\n');\n" },
    { path: 'src/app.js', text: 'console.log({ ...req.body });\n' },
    { path: 'src/login.js', text: 'const pw = req.body.password;\nconsole.log(`login ${req.body.email} ${pw}`);\n' },
    { path: 'src/session.js', text: "console.log('cookies', ctx.cookies.get('session'));\n" },
    { path: 'src/handler.js', text: "exports.handler = async (event, context) => {\n  console.log('Received event:', JSON.stringify(event, null, 2));\n  return { statusCode: 200 };\n};\n" },
    {
      path: 'src/handler.ts',
      text: "export const handler = async (event: { body: string }) => {\n  console.log('Received event:', JSON.stringify(event, null, 2));\n  return { statusCode: 200 };\n};\n",
    },
    {
      path: 'src/routes/login.js',
      text: "app.post('/login', (req, res) => {\n  console.log(req.body);\n  res.sendStatus(204);\n});\n",
      fixed:
        "app.post('/login', (req, res) => {\n  console.log({ method: req.method, path: req.path });\n  res.sendStatus(204);\n});\n",
    },
    {
      path: 'src/app.ts',
      text: "logger.info('incoming request', JSON.stringify(req.body, null, 2));\n",
      fixed: "logger.info('incoming request', { method: req.method, path: req.path });\n",
    },
    {
      path: 'src/auth.ts',
      text: "req.log.debug(`auth header: ${req.headers.authorization}`);\n",
      fixed: "req.log.debug(`auth header: ${Boolean(req.headers.authorization)}`);\n",
    },
    { path: 'src/handler.ts', text: 'export const handler = async (event) => {\n  log.info({ body: event.body });\n};\n' },
    {
      path: 'src/webhook.js',
      text: "let raw = '';\nreq.on('data', (chunk) => { raw += chunk; });\nreq.on('end', () => {\n  console.log('webhook', raw);\n});\n",
    },
  ],
  good: [
    { path: 'src/app.js', text: 'res.write(JSON.stringify(req.body));\nfs.writeFileSync(file, req.body);\n' },
    { path: 'src/ui.js', text: 'function handler(event) {\n  console.log(event);\n}\nwindow.addEventListener(\'resize\', handler);\n' },
    { path: 'src/ui.js', text: "button.addEventListener('click', (event) => {\n  console.log('clicked', event);\n});\n" },
    {
      path: 'src/handler.js',
      text: "exports.handler = async (event) => {\n  console.log('records', event.Records.length, event.httpMethod, event.path);\n};\n",
    },
    { path: 'src/app.js', text: 'console.log(req.method, req.path, res.statusCode, req.body.length);\n' },
    { path: 'src/app.js', text: "logger.info('Request body received');\nlogger.debug({ body: redact(req.body) });\n" },
    { path: 'src/app.js', text: "// console.log(req.body)\nif (!req.headers.authorization) logger.warn('missing token');\n" },
    { path: 'test/app.test.js', text: 'console.log(req.body);\n' },
    { path: 'src/app.js', text: "logger.info('saved user', { id: req.body.userId, hasAuth: !!req.headers.authorization });\n" },
  ],
});
