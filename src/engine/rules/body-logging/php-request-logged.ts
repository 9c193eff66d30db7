import type { ScanContext } from '../../context';
import { METADATA_TITLE, replaceArgument } from './fixHelpers';
import { requestRule, type Hit } from './requestRule';
import { CRED_FIELD, CRED_FIELD_CAMEL, CRED_FIELD_WHAT } from './requestFields';
import type { Source } from './taint';

/**
 * PHP (plain, Laravel, Symfony, PSR-7): `error_log`, `print_r`, `var_dump`, `Log::*`,
 * `$logger->*` writing `file_get_contents('php://input')`, `$_POST`/`$_REQUEST`,
 * `$request->all()`, `getallheaders()` or the Authorization header.
 */

const CRED_SERVER = 'HTTP_AUTHORIZATION|PHP_AUTH_PW|HTTP_COOKIE|HTTP_X_API_KEY|REDIRECT_HTTP_AUTHORIZATION';
const BODY_WHAT = 'Request body';

const BODY: Source[] = [
  { re: /(?<![\w$>])file_get_contents\(\s{0,2}(['"])php:\/\/input\1\s{0,2}\)/g, kind: 'body', what: 'Raw request body' },
  { re: /(?<![\w$])\$_(?:POST|REQUEST|FILES)(?![\w[])/g, kind: 'body', what: BODY_WHAT },
  {
    re: /(?<![\w$])\$(?:request|req)->(?:all|getContent|post|input|json|toArray|getParsedBody|getBody|request->all)\(\s*\)/g,
    kind: 'body',
    what: BODY_WHAT,
  },
  {
    // The whole Laravel/Symfony request (`Log::debug($request)`): its string form is the raw
    // HTTP request, headers and body included.
    re: /(?<![\w$])\$(?:request|req)(?![\w$\[]|\s{0,3}(?:->|=|\?->))/g,
    kind: 'body',
    what: 'Whole request (headers and body)',
  },
];

/**
 * A credential field of the request. Tracked through variables only (`pw = …`, then `log(pw)`):
 * logged directly, `generic-credential-in-log` reports it by its name.
 */
const FIELDS: Source[] = [
  {
    // `$_POST['password']`, `$request->input('token')`, Laravel `$request->password`.
    re: new RegExp(
      `(?<![\\w$])(?:\\$_(?:POST|REQUEST|GET)\\[\\s{0,2}(['"])${CRED_FIELD}\\1\\s{0,2}\\]|\\$(?:request|req)->(?:input|get|post|query)\\(\\s{0,2}(['"])(?:${CRED_FIELD}|${CRED_FIELD_CAMEL})\\2[^()]{0,40}\\)|\\$(?:request|req)->${CRED_FIELD}(?![\\w(]))`,
      'g',
    ),
    kind: 'credential',
    what: CRED_FIELD_WHAT,
  },
];

const CREDENTIAL: Source[] = [
  { re: new RegExp(`(?<![\\w$])\\$_SERVER\\[\\s{0,2}(['"])(?:${CRED_SERVER})\\1\\s{0,2}\\]`, 'g'), kind: 'credential', what: 'Authorization header' },
  {
    re: /(?<![\w$])\$(?:request|req)->(?:header|headers->get)\(\s{0,2}(['"])(?:authorization|cookie|x-api-key)\1\s{0,2}\)/gi,
    kind: 'credential',
    what: 'Authorization or Cookie header',
  },
  { re: /(?<![\w$])\$(?:request|req)->bearerToken\(\s*\)/g, kind: 'credential', what: 'Bearer token' },
  {
    re: /(?<![\w$>])(?:getallheaders|apache_request_headers)\(\s*\)|(?<![\w$])\$(?:request|req)->headers(?:->all\(\s*\))?(?![\w-])|(?<![\w$])\$_SERVER(?![\w[])/g,
    kind: 'credential',
    what: 'All request headers (Authorization and Cookie included)',
  },
  { re: /(?<![\w$])\$_COOKIE(?![\w[])/g, kind: 'credential', what: 'Request cookies' },
];

function fix(ctx: ScanContext, hit: Hit) {
  if (hit.kind !== 'body' || !hit.match) return undefined;
  const expr = ctx.text.slice(hit.start, hit.end);
  const laravel = /^\$(?:request|req)(?:->|$)/.exec(expr);
  const r = laravel ? laravel[0].replace(/->$/, '') : '';
  const method = laravel ? `${r}->method()` : "$_SERVER['REQUEST_METHOD']";
  const path = laravel ? `${r}->path()` : "parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH)";
  const first = ctx.text.slice(hit.call.argsStart, hit.start).trim() === '' || /^(?:print_r|json_encode|var_export)\(\s*$/.test(ctx.text.slice(hit.call.argsStart, hit.start).trim());
  const logger = /::|->/.test(hit.call.callee) || hit.call.callee === 'logger';
  if (first) return replaceArgument(ctx, hit, `${method} . ' ' . ${path}`, METADATA_TITLE);
  if (logger) return replaceArgument(ctx, hit, `['method' => ${method}, 'path' => ${path}]`, METADATA_TITLE);
  return undefined;
}

/** `body-logging/php-request-logged`. */
export default requestRule({
  id: 'body-logging/php-request-logged',
  title: 'Request body or credential header logged (PHP)',
  description:
    "An error_log, print_r, var_dump, Log:: or PSR-3 logger call writes the raw body (php://input), $_POST/$_REQUEST, $request->all(), all request headers or the Authorization header. Bodies carry passwords, card data and personal data; headers carry bearer tokens and session cookies; logs are kept, shipped and read widely.",
  remediation: 'Log the method, path, status and content length instead; log whether a credential is present, never its value.',
  languages: ['php'],
  keywords: ['php://input', '$_post', '$_request', '$request->', '$req->', '$request)', '$request,', 'getallheaders', 'apache_request_headers', '$_server', '$_cookie', '$_files'],
  sinks: [...BODY, ...CREDENTIAL],
  taint: {
    assign: /(\$\w{1,40})\s*=(?![=>])\s*/g,
    sources: [...BODY, ...CREDENTIAL, ...FIELDS],
  },
  fix,
  bad: [
    {
      path: 'app/Http/Controllers/SignupController.php',
      text: "<?php\nfunction store(Request $request) {\n    \\Log::debug($request);\n}\n",
      fixed: "<?php\nfunction store(Request $request) {\n    \\Log::debug($request->method() . ' ' . $request->path());\n}\n",
    },
    { path: 'src/login.php', text: "<?php\n$pw = $_POST['password'];\nerror_log('login ' . $_POST['email'] . ' ' . $pw);\n" },
    {
      path: 'public/webhook.php',
      text: "<?php\nerror_log(file_get_contents('php://input'));\n",
      fixed: "<?php\nerror_log($_SERVER['REQUEST_METHOD'] . ' ' . parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH));\n",
    },
    { path: 'public/checkout.php', text: "<?php\n$raw = file_get_contents('php://input');\nerror_log('checkout payload: ' . $raw);\n" },
    { path: 'public/checkout.php', text: '<?php\nerror_log(print_r($_POST, true));\n' },
    {
      path: 'app/Http/Controllers/OrderController.php',
      text: "<?php\nLog::info('order request', $request->all());\n",
      fixed: "<?php\nLog::info('order request', ['method' => $request->method(), 'path' => $request->path()]);\n",
    },
    { path: 'public/api.php', text: "<?php\nerror_log('auth: ' . $_SERVER['HTTP_AUTHORIZATION']);\n" },
  ],
  good: [
    { path: 'app/Http/Controllers/SignupController.php', text: "<?php\nLog::info('signup', ['id' => $request->id, 'requestId' => $requestId]);\n" },
    { path: 'public/webhook.php', text: "<?php\n$raw = file_get_contents('php://input');\nerror_log('webhook bytes: ' . strlen($raw));\n" },
    { path: 'public/login.php', text: "<?php\nerror_log('Login failed: invalid password');\nerror_log('user ' . $_POST['email']);\n" },
    { path: 'public/save.php', text: "<?php\nfile_put_contents('/var/data/upload.json', file_get_contents('php://input'));\n" },
    { path: 'app/Http/Controllers/UserController.php', text: "<?php\nLog::info('user update', $request->except(['password']));\n" },
  ],
});
