import type { ScanContext } from '../../context';
import { METADATA_TITLE, presenceFix, replaceAllArguments } from './fixHelpers';
import { requestRule, type Hit } from './requestRule';
import { CRED_FIELD, CRED_FIELD_WHAT } from './requestFields';
import type { Source } from './taint';

/**
 * Python: `logging`/`logger.*`/`print` writing `request.data`, `request.get_data()`,
 * `request.json` (Flask), `request.body` (Django), `await request.body()`/`request.json()`
 * (FastAPI/Starlette), `event["body"]` (Lambda), or Authorization/Cookie headers.
 */

const REQ = '(?<![\\w.])(?:self\\.)?(?:request|req|flask\\.request)';
const CRED_HEADER = '(?:proxy-)?authorization|cookie|x-api-key|x-auth-token|x-access-token|api-key';
const BODY_WHAT = 'Request body';
/**
 * Hints: literals one of which every match of a source holds (lower-case), `request.<member>`
 * or `req.<member>`: the sources then run only around them (`request.method` wakes none).
 */
const reqHint = (...members: string[]): string[] => members.flatMap((m) => [`request.${m}`, `req.${m}`]);
const EVENT_HINT = ['event[', 'event.get('];
const HEADERS_WHAT = 'All request headers (Authorization and Cookie included)';

const BODY: Source[] = [
  { re: new RegExp(`${REQ}\\.(?:data|json|body|form|values|POST|stream|raw_post_data)(?![\\w(])`, 'g'), kind: 'body', what: BODY_WHAT, hint: reqHint('data', 'json', 'body', 'form', 'values', 'post', 'stream', 'raw_post_data') },
  { re: new RegExp(`${REQ}\\.(?:get_data|get_json)\\([^()]{0,60}\\)`, 'g'), kind: 'body', what: BODY_WHAT, hint: reqHint('get_data(', 'get_json(') },
  {
    re: new RegExp(`(?<![\\w.])(?:await\\s+)?(?:self\\.)?(?:request|req)\\.(?:body|json|form|stream|text|read|post)\\(\\s*\\)`, 'g'),
    kind: 'body',
    what: BODY_WHAT,
  },
  // (No hint for the `await` form above: `await\s+` may reach any distance before `request.`.)
  { re: /(?<![\w.])event(?:\[\s{0,2}(['"])body\1\s{0,2}\]|\.get\(\s{0,2}(['"])body\2\s{0,2}\))/g, kind: 'body', what: BODY_WHAT, hint: EVENT_HINT },
];

/** The headers of a request, a Lambda/API Gateway event included (`event["headers"]`). */
const HEADERS = `(?:${REQ}\\.headers|(?<![\\w.])event(?:\\[\\s{0,2}(['"])headers\\1\\s{0,2}\\]|\\.get\\(\\s{0,2}(['"])headers\\2[^()]{0,20}\\)))`;

/**
 * A credential field of the request. Tracked through variables only (`pw = …`, then `log(pw)`):
 * logged directly, `generic-credential-in-log` reports it by its name.
 */
const FIELDS: Source[] = [
  {
    re: new RegExp(
      `${REQ}\\.(?:form|json|data|POST|GET|values|args|query_params)(?:\\[\\s{0,2}(['"])${CRED_FIELD}\\1\\s{0,2}\\]|\\.get\\(\\s{0,2}(['"])${CRED_FIELD}\\2[^()]{0,40}\\))`,
      'g',
    ),
    kind: 'credential',
    what: CRED_FIELD_WHAT,
    // `request.GET` only as `request.GET[…]` / `request.GET.get(…)` (`request.get` is a common call).
    hint: [...reqHint('form', 'json', 'data', 'post', 'values', 'args', 'query_params'), ...reqHint('get[', 'get.get(')],
  },
];

const CREDENTIAL: Source[] = [
  {
    re: new RegExp(
      `${HEADERS}(?:\\[\\s{0,2}(['"])(?:${CRED_HEADER})\\3\\s{0,2}\\]|\\.get\\(\\s{0,2}(['"])(?:${CRED_HEADER})\\4[^()]{0,40}\\))`,
      'gi',
    ),
    kind: 'credential',
    what: 'Authorization or Cookie header',
    hint: [...reqHint('headers'), ...EVENT_HINT],
  },
  {
    re: new RegExp(`${REQ}\\.META(?:\\[\\s{0,2}(['"])HTTP_(?:AUTHORIZATION|COOKIE|X_API_KEY)\\1\\s{0,2}\\]|\\.get\\(\\s{0,2}(['"])HTTP_(?:AUTHORIZATION|COOKIE|X_API_KEY)\\2[^()]{0,40}\\))`, 'g'),
    kind: 'credential',
    what: 'Authorization or Cookie header',
    hint: reqHint('meta'),
  },
  { re: new RegExp(`${REQ}\\.authorization(?![\\w(])`, 'g'), kind: 'credential', what: 'Authorization header', hint: reqHint('authorization') },
  { re: new RegExp(`${REQ}\\.(?:headers|META)(?![\\w(])`, 'g'), kind: 'credential', what: HEADERS_WHAT, hint: reqHint('headers', 'meta') },
  { re: /(?<![\w.])event(?:\[\s{0,2}(['"])headers\1\s{0,2}\]|\.get\(\s{0,2}(['"])headers\2\s{0,2}\))/g, kind: 'credential', what: HEADERS_WHAT, hint: EVENT_HINT },
  { re: new RegExp(`${REQ}\\.(?:cookies|COOKIES)(?![\\w(])`, 'g'), kind: 'credential', what: 'Request cookies', hint: reqHint('cookies') },
];

function fix(ctx: ScanContext, hit: Hit) {
  if (!hit.match) return undefined;
  const expr = ctx.text.slice(hit.start, hit.end);
  if (hit.kind === 'credential') {
    return /headers$|META$|cookies$|COOKIES$|\]$/.test(expr) && !/\['/.test(expr) && !/\["/.test(expr)
      ? undefined
      : presenceFix(ctx, hit, (e) => `bool(${e})`);
  }
  const req = /(?:self\.)?(?:request|req)/.exec(expr.replace(/^await\s+/, ''))?.[0];
  if (!req || /^event/.test(expr)) return undefined;
  // Starlette/FastAPI requests expose the path as request.url.path; Flask and Django as request.path.
  const path = /\(\s*\)$/.test(expr) && !/get_data|get_json/.test(expr) ? `${req}.url.path` : `${req}.path`;
  const isPrint = /^p?print$|^pp$/.test(hit.call.callee);
  const args = isPrint ? `${req}.method, ${path}` : `"%s %s", ${req}.method, ${path}`;
  return replaceAllArguments(ctx, hit, args, METADATA_TITLE);
}

/** `body-logging/python-request-logged`. */
export default requestRule({
  id: 'body-logging/python-request-logged',
  title: 'Request body or credential header logged (Python)',
  description:
    'A logging or print call writes the request body (Flask request.data/get_data()/json, Django request.body/POST, FastAPI await request.body()/json(), a Lambda event body), all request headers, cookies or the Authorization header. Bodies carry passwords and personal data, headers carry bearer tokens and session cookies, and logs are kept, shipped and read widely.',
  remediation: 'Log request.method, request.path, the status and the content length instead; log whether a credential is present, never its value.',
  languages: ['python'],
  keywords: ['request', 'event[', 'event, context', 'event,context'],
  sinks: [...BODY, ...CREDENTIAL],
  taint: {
    assign: /^[ \t]*([A-Za-z_]\w{0,40})\s*(?::\s*[\w[\], .|]{1,40})?=(?!=)\s*/gm,
    sources: [...BODY, ...CREDENTIAL, ...FIELDS],
    params: [
      {
        // AWS Lambda / Cloud Functions `def handler(event, context)`: the whole event is the
        // request (body, headers with Authorization and Cookie) or the raw message payload.
        re: /^[ \t]*(?:async[ \t]+)?def[ \t]+\w{1,60}\([ \t]*(event)[ \t]*(?::[^,()\n]{1,60})?,[ \t]*(?:context|ctx|_context|lambda_context)\b/gm,
        kind: 'body',
        what: 'Lambda event (request body and headers)',
        hint: ['event'],
        line: true,
      },
    ],
  },
  fix,
  bad: [
    { path: 'app/views.py', text: 'pprint.pprint(request.json)\nsys.stderr.write(request.data.decode())\n', count: 2 },
    {
      path: 'app/views.py',
      text: '@app.post("/webhook")\ndef webhook():\n    logger.info(request.data)\n    return "", 204\n',
      fixed: '@app.post("/webhook")\ndef webhook():\n    logger.info("%s %s", request.method, request.path)\n    return "", 204\n',
    },
    {
      path: 'app/api.py',
      text: '@app.post("/ingest")\nasync def ingest(request: Request):\n    body = await request.body()\n    logger.info("ingest body=%s", body)\n',
    },
    {
      path: 'app/api.py',
      text: 'print(await request.json())\n',
      fixed: 'print(request.method, request.url.path)\n',
    },
    { path: 'app/auth.py', text: 'log.debug(f"auth={request.headers[\'Authorization\']}")\n' },
    { path: 'app/debug.py', text: 'logger.info("headers: %s", dict(request.headers))\n' },
    { path: 'app/auth.py', text: 'pw = request.form["password"]\nlogger.info("user=%s pw=%s", request.form["username"], pw)\n' },
    {
      path: 'lambdas/ingest.py',
      text: 'def handler(event, context):\n    logger.info("received event: %s", json.dumps(event))\n    return {"statusCode": 202}\n',
    },
    {
      path: 'lambdas/ingest.py',
      text: 'def handler(event, context):\n    auth = event["headers"].get("authorization")\n    logger.debug("authorization header: %s", auth)\n',
    },
  ],
  good: [
    { path: 'app/views.py', text: 'logger.info("%s %s %s", request.method, request.path, len(request.data))\n' },
    { path: 'app/views.py', text: 'logger.info("Request body received")\nlogger.debug("ua=%s", request.headers.get("User-Agent"))\n' },
    { path: 'app/views.py', text: '# logger.info(request.data)\nif not request.headers.get("Authorization"):\n    logger.warning("missing token")\n' },
    { path: 'tests/test_views.py', text: 'print(request.data)\n' },
    { path: 'app/views.py', text: 'data = request.get_json()\nuser = create_user(data)\nlogger.info("created %s", user.id)\n' },
    {
      path: 'lambdas/ingest.py',
      text: 'def handler(event, context):\n    logger.info("%s %s", event["httpMethod"], event["path"])\n    logger.info("records: %d", len(event["Records"]))\n    auth = event["headers"].get("authorization")\n    logger.debug("auth present: %s", auth is not None)\n',
    },
    { path: 'app/handlers.py', text: 'def on_click(event):\n    logger.debug("clicked %s", event)\n' },
  ],
});
