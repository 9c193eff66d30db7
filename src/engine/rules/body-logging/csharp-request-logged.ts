import { requestRule } from './requestRule';
import type { Source } from './taint';

/**
 * C# (ASP.NET Core): `ILogger` (`_logger.LogInformation`), Serilog `Log.*`, `Console` and
 * `Debug` writing a body read from `Request.Body` (`await reader.ReadToEndAsync()`), a
 * `[FromBody]` model, `Request.Form`, or the Authorization/Cookie headers.
 */

const REQ =
  '(?<![\\w.])(?:(?:(?:HttpContext|context|ctx|httpContext|Context|_?httpContextAccessor\\.HttpContext!?)\\.)?Request|request|req|httpRequest)';
/**
 * Hints: literals one of which every match of a source holds (lower-case), `request.<member>`
 * or `req.<member>` (`HttpContext.Request.Body`, `httpRequest.Form`): the sources run only there.
 */
const reqHint = (...members: string[]): string[] => members.flatMap((m) => [`request.${m}`, `req.${m}`]);
const CRED_HEADER = '"(?:(?:Proxy-)?Authorization|Cookie|X-Api-Key|X-Auth-Token)"|HeaderNames\\.(?:Authorization|Cookie|ProxyAuthorization)';

const BODY: Source[] = [
  { re: new RegExp(`${REQ}\\.(?:Body|BodyReader)(?![\\w])`, 'g'), kind: 'body', what: 'Request body', hint: reqHint('body') },
  { re: new RegExp(`${REQ}\\.Form(?![\\w])`, 'g'), kind: 'body', what: 'Request form body', hint: reqHint('form') },
  {
    // Read in place: `await new StreamReader(Request.Body).ReadToEndAsync()`.
    re: new RegExp(`(?<![\\w.])new\\s{1,5}StreamReader\\(\\s{0,2}${REQ}\\.Body(?![\\w])[^()]{0,80}\\)\\s{0,2}\\.ReadToEnd(?:Async)?\\(\\)`, 'g'),
    kind: 'body',
    what: 'Request body',
    hint: reqHint('body'),
  },
];

const CREDENTIAL: Source[] = [
  {
    re: new RegExp(`${REQ}\\.Headers(?:\\[\\s{0,2}(?:${CRED_HEADER})\\s{0,2}\\]|\\.(?:Authorization|Cookie)(?![\\w]))`, 'gi'),
    kind: 'credential',
    what: 'Authorization or Cookie header',
    hint: reqHint('headers'),
  },
  {
    re: new RegExp(`${REQ}\\.Headers(?![\\w])`, 'g'),
    kind: 'credential',
    what: 'All request headers (Authorization and Cookie included)',
    hint: reqHint('headers'),
  },
  { re: new RegExp(`${REQ}\\.Cookies(?![\\w])`, 'g'), kind: 'credential', what: 'Request cookies', hint: reqHint('cookies') },
];

/** `body-logging/csharp-request-logged`. */
export default requestRule({
  id: 'body-logging/csharp-request-logged',
  title: 'Request body or credential header logged (C#)',
  description:
    'An ILogger, Serilog, Console or Debug call writes a request body read from Request.Body, a [FromBody] model, Request.Form, all request headers or the Authorization header. Bodies carry passwords and personal data, headers carry bearer tokens and cookies; logs are kept, shipped and read widely.',
  remediation:
    'Log Request.Method, Request.Path, the status code and Request.ContentLength instead; log whether a credential is present, never its value.',
  languages: ['csharp'],
  keywords: ['request', 'frombody', 'readtoend'],
  // `Request.Body` itself is a Stream (its log text is the type name): only read bodies are sinks.
  sinks: [...BODY.slice(1), ...CREDENTIAL],
  taint: {
    assign: /(?<![\w.])(?:(?:var|string|byte\[\]|[A-Z][\w.]{0,40}(?:<[\w<>, ?]{0,60}>)?\??)\s+)?([a-z_]\w{0,40})\s*=(?![=>])\s*/g,
    sources: [...BODY, ...CREDENTIAL],
    params: [
      {
        re: /\[FromBody\]\s+(?:[\w.<>?[\]]{1,60}\s+)(\w{1,40})\s*[,)]/g,
        kind: 'body',
        what: 'Request body ([FromBody] model)',
        nextBlock: true,
      },
      {
        re: /\[FromHeader\(\s{0,2}Name\s*=\s*"(?:Authorization|Cookie)"\s{0,2}\)\]\s+(?:[\w.<>?]{1,40}\s+)(\w{1,40})\s*[,)]/g,
        kind: 'credential',
        what: 'Authorization header',
        nextBlock: true,
      },
    ],
  },
  bad: [
    { path: 'Controllers/RawController.cs', text: 'Console.WriteLine(await new StreamReader(Request.Body).ReadToEndAsync());\n' },
    {
      path: 'Notifications/EmailWebhook.cs',
      text: 'using var reader = new StreamReader(Request.Body);\nvar body = await reader.ReadToEndAsync();\n_logger.LogInformation("Inbound email webhook: {Body}", body);\n',
    },
    {
      path: 'Controllers/AuthController.cs',
      text: '_logger.LogDebug("Authorization: {Auth}", Request.Headers["Authorization"]);\n',
    },
    {
      path: 'Controllers/OrdersController.cs',
      text: 'public IActionResult Create([FromBody] OrderDto order)\n{\n    _logger.LogInformation("Order {@Order}", order);\n    return Ok();\n}\n',
    },
  ],
  good: [
    {
      path: 'Controllers/OrdersController.cs',
      text: '_logger.LogInformation("{Method} {Path} {Length}", Request.Method, Request.Path, Request.ContentLength);\n',
    },
    {
      path: 'Controllers/AuthController.cs',
      text: 'if (string.IsNullOrEmpty(Request.Headers["Authorization"]))\n{\n    _logger.LogWarning("Missing token");\n}\n',
    },
    {
      path: 'Controllers/OrdersController.cs',
      text: 'public IActionResult Create([FromBody] OrderDto order)\n{\n    _logger.LogInformation("Order for {Customer}", order.CustomerId);\n    return Ok();\n}\n',
    },
  ],
});
