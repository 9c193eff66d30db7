import { requestRule } from './requestRule';
import { CRED_FIELD, CRED_FIELD_CAMEL, CRED_FIELD_WHAT } from './requestFields';
import type { Source } from './taint';

/**
 * Go: `log`, `fmt.Print*`, zap, logrus, zerolog and slog calls writing a body read from
 * `r.Body` (`body, _ := io.ReadAll(r.Body)`), a request dump with its body
 * (`httputil.DumpRequest(r, true)`), a decoded body (`json.NewDecoder(r.Body).Decode(&req)`,
 * gin `ShouldBindJSON(&req)`), or the Authorization/Cookie headers.
 */

const REQ = '(?<![\\w.])(?:r|req|request|httpReq|inReq|(?:c|ctx|e|context)\\.Request(?:\\(\\))?)';
const CRED_HEADER = '(?:Proxy-)?Authorization|Cookie|X-Api-Key|X-Auth-Token|X-Access-Token|Api-Key';
const BODY_WHAT = 'Request body';

const DUMP: Source = {
  re: /(?<![\w.])httputil\.DumpRequest(?:Out)?\(\s{0,2}[\w.()]{1,40}\s{0,2},\s{0,2}true\s{0,2}\)/g,
  kind: 'body',
  what: 'Request dump with body and headers',
};

/**
 * A credential field of the request. Tracked through variables only (`pw = …`, then `log(pw)`):
 * logged directly, `generic-credential-in-log` reports it by its name.
 */
const FIELDS: Source[] = [
  {
    // `r.FormValue("password")`, gin `c.PostForm("token")`, echo/fiber `c.FormValue("api_key")`.
    re: new RegExp(`(?<![\\w.])(?:r|req|request|c|ctx)\\.(?:FormValue|PostFormValue|PostForm|DefaultPostForm|Query|QueryParam|FormValue)\\(\\s{0,2}"(?:${CRED_FIELD}|${CRED_FIELD_CAMEL})"[^()]{0,40}\\)`, 'g'),
    kind: 'credential',
    what: CRED_FIELD_WHAT,
  },
];

const CREDENTIAL: Source[] = [
  {
    re: new RegExp(`${REQ}\\.Header\\.Get\\(\\s{0,2}"(?:${CRED_HEADER})"\\s{0,2}\\)`, 'gi'),
    kind: 'credential',
    what: 'Authorization or Cookie header',
  },
  {
    re: new RegExp(`${REQ}\\.Header\\[\\s{0,2}"(?:${CRED_HEADER})"\\s{0,2}\\]`, 'gi'),
    kind: 'credential',
    what: 'Authorization or Cookie header',
  },
  {
    re: new RegExp(`(?<![\\w.])(?:c|ctx)\\.(?:GetHeader|Get)\\(\\s{0,2}"(?:${CRED_HEADER})"\\s{0,2}\\)`, 'gi'),
    kind: 'credential',
    what: 'Authorization or Cookie header',
  },
  {
    re: new RegExp(`${REQ}\\.Header(?![\\w])`, 'g'),
    kind: 'credential',
    what: 'All request headers (Authorization and Cookie included)',
  },
  { re: new RegExp(`${REQ}\\.Cookies\\(\\)`, 'g'), kind: 'credential', what: 'Request cookies' },
];

/** Fiber `c.Body()`, fasthttp `ctx.PostBody()` / `ctx.Request.Body()`: the bytes themselves. */
const FRAMEWORK_BODY: Source = {
  re: /(?<![\w.])(?:c|ctx)\.(?:Body|PostBody|Request\.Body)\(\)/g,
  kind: 'body',
  what: BODY_WHAT,
};

const SOURCES: Source[] = [
  FRAMEWORK_BODY,
  { re: new RegExp(`${REQ}\\.Body(?![\\w])`, 'g'), kind: 'body', what: BODY_WHAT },
  { re: /(?<![\w.])(?:c|ctx)\.(?:GetRawData|Body)\(\)/g, kind: 'body', what: BODY_WHAT },
  { re: new RegExp(`${REQ}\\.(?:Form|PostForm)(?![\\w])`, 'g'), kind: 'body', what: BODY_WHAT },
  DUMP,
  ...CREDENTIAL,
];

/** `body-logging/go-request-logged`. */
export default requestRule({
  id: 'body-logging/go-request-logged',
  title: 'Request body or credential header logged (Go)',
  description:
    'A log, fmt, zap, logrus, zerolog or slog call writes a request body read from r.Body, a decoded request payload, a request dump made with its body (httputil.DumpRequest(r, true)), all request headers or the Authorization header. Bodies carry passwords and personal data, headers carry bearer tokens; logs are kept, shipped and read widely.',
  remediation:
    'Log r.Method, r.URL.Path, the status and len(body) instead; dump requests without their body and never log Authorization or Cookie values.',
  languages: ['go'],
  keywords: ['.body', 'dumprequest', '.header', 'getrawdata', 'bindjson', 'shouldbind', 'newdecoder', 'cookies', '.postform', 'readfrom', 'bodydump', 'postbody', 'formvalue', 'postform'],
  sinks: [DUMP, FRAMEWORK_BODY, ...CREDENTIAL],
  taint: {
    assign: /(?<![\w.])([A-Za-z_]\w{0,40})(?:\s*,\s*[A-Za-z_]\w{0,40})?\s*:?=(?!=)\s*/g,
    sources: [...SOURCES, ...FIELDS],
    params: [
      {
        re: new RegExp(`json\\.NewDecoder\\(\\s{0,2}${REQ}\\.Body\\s{0,2}\\)\\.Decode\\(\\s{0,2}&([A-Za-z_]\\w{0,40})\\s{0,2}\\)`, 'g'),
        kind: 'body',
        what: 'Decoded request body',
      },
      {
        re: new RegExp(`(?<![\\w.])([A-Za-z_]\\w{0,40})\\.ReadFrom\\(\\s{0,2}${REQ}\\.Body\\s{0,2}\\)`, 'g'),
        kind: 'body',
        what: 'Request body',
      },
      {
        re: /BodyDump\(\s{0,2}func\(\s{0,2}\w+\s+echo\.Context\s*,\s*(\w+)/g,
        kind: 'body',
        what: 'Request body',
        nextBlock: true,
      },
      {
        re: /(?<![\w.])(?:c|ctx)\.(?:ShouldBindJSON|BindJSON|ShouldBind|Bind|BodyParser|ShouldBindBodyWith)\(\s{0,2}&([A-Za-z_]\w{0,40})/g,
        kind: 'body',
        what: 'Decoded request body',
      },
    ],
  },
  bad: [
    { path: 'internal/api/fiber.go', text: 'func Hook(c *fiber.Ctx) error {\n\tlog.Println(string(c.Body()))\n\treturn nil\n}\n' },
    { path: 'internal/api/login.go', text: 'func Login(w http.ResponseWriter, r *http.Request) {\n\tpw := r.FormValue("password")\n\tlog.Printf("login %s %s", r.FormValue("email"), pw)\n}\n' },
    {
      path: 'services/webhook/main.go',
      text: 'func hook(w http.ResponseWriter, r *http.Request) {\n\tbody, err := io.ReadAll(r.Body)\n\tif err != nil {\n\t\treturn\n\t}\n\tlog.Printf("payload: %s", body)\n}\n',
    },
    {
      path: 'services/webhook/debug.go',
      text: 'func debug(r *http.Request) {\n\tdump, _ := httputil.DumpRequest(r, true)\n\tlog.Println(string(dump))\n}\n',
    },
    {
      path: 'services/api/auth.go',
      text: 'func auth(r *http.Request) {\n\tlogger.Info("auth", zap.String("header", r.Header.Get("Authorization")))\n}\n',
    },
    {
      path: 'services/api/login.go',
      text: 'func login(c *gin.Context) {\n\tvar req LoginRequest\n\tif err := c.ShouldBindJSON(&req); err != nil {\n\t\treturn\n\t}\n\tlogrus.WithField("req", req).Info("login")\n}\n',
    },
  ],
  good: [
    { path: 'internal/api/fiber.go', text: 'func Hook(c *fiber.Ctx) error {\n\tlog.Printf("%s %s %d bytes", c.Method(), c.Path(), len(c.Body()))\n\treturn nil\n}\n' },
    {
      path: 'services/webhook/main.go',
      text: 'func hook(w http.ResponseWriter, r *http.Request) {\n\tbody, _ := io.ReadAll(r.Body)\n\tlog.Printf("%s %s %d bytes", r.Method, r.URL.Path, len(body))\n}\n',
    },
    {
      path: 'services/webhook/client.go',
      text: 'func call() {\n\tresp, _ := http.Get(u)\n\tbody, _ := io.ReadAll(resp.Body)\n\tlog.Printf("upstream: %s", body)\n}\n',
    },
    { path: 'services/api/auth.go', text: 'if r.Header.Get("Authorization") == "" {\n\tlog.Println("missing token")\n}\n' },
    { path: 'services/api/debug.go', text: 'dump, _ := httputil.DumpRequest(r, false)\nlog.Printf("%q", r.UserAgent())\n' },
  ],
});
