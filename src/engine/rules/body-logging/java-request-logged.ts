import { requestRule } from './requestRule';
import type { Source } from './taint';

/**
 * Java/Kotlin (Servlet, Spring): SLF4J/Log4j/JUL loggers and `System.out` writing a request
 * body (`getBody()`, `getReader()`, `getInputStream()`, `ContentCachingRequestWrapper`
 * content), a `@RequestBody` parameter, or the Authorization/Cookie headers.
 */

const REQ =
  '(?<![\\w.])(?:request|req|httpRequest|httpServletRequest|servletRequest|wrapper|requestWrapper|cachedRequest|wrappedRequest|cachingRequest|contentCachingRequest)';
/** Receivers of `getBody()` that are requests (not responses, e-mails or templates). */
const BODY_RECEIVER = '(?<![\\w.])(?![A-Za-z_]{0,30}[rR]esp)\\w{0,30}(?:[rR]eq|[eE]ntity|[wW]ebhook|[pP]ayload|[iI]nbound|[iI]ncoming)\\w{0,30}';
const CRED_HEADER = '"(?:(?:Proxy-)?Authorization|Cookie|X-Api-Key|X-Auth-Token)"|HttpHeaders\\.(?:AUTHORIZATION|COOKIE|PROXY_AUTHORIZATION)';
const BODY_WHAT = 'Request body';

const BODY: Source[] = [
  { re: new RegExp(`${BODY_RECEIVER}\\.getBody\\(\\)`, 'g'), kind: 'body', what: BODY_WHAT },
  { re: new RegExp(`${REQ}\\.(?:getReader|getInputStream|getParameterMap)\\(\\)`, 'g'), kind: 'body', what: BODY_WHAT },
  { re: new RegExp(`${REQ}\\.(?:reader|inputStream)(?![\\w(])`, 'g'), kind: 'body', what: BODY_WHAT },
  {
    // Only ContentCaching*Wrapper has these: any receiver but a response wrapper (`wrapped`, `cached`).
    re: /(?<![\w.])(?![A-Za-z_]{0,30}[rR]esp)[A-Za-z_]\w{0,40}\.(?:getContentAsByteArray\(\)|getContentAsString\(\)|contentAsByteArray(?![\w(])|contentAsString(?![\w(]))/g,
    kind: 'body',
    what: BODY_WHAT,
  },
  {
    // Ktor: `call.receiveText()`, `call.receive<Order>()`.
    re: /(?<![\w.])call\.receive(?:Text|Parameters|Multipart|Channel|Stream)?(?:<[^<>\n]{1,60}>)?\(\)/g,
    kind: 'body',
    what: BODY_WHAT,
  },
];

const CREDENTIAL: Source[] = [
  {
    re: new RegExp(`${REQ}\\.(?:getHeader|getHeaders)\\(\\s{0,2}(?:${CRED_HEADER})\\s{0,2}\\)`, 'gi'),
    kind: 'credential',
    what: 'Authorization or Cookie header',
  },
  { re: new RegExp(`${REQ}\\.getCookies\\(\\)`, 'g'), kind: 'credential', what: 'Request cookies' },
  {
    re: new RegExp(`${REQ}\\.getHeaders\\(\\)`, 'g'),
    kind: 'credential',
    what: 'All request headers (Authorization and Cookie included)',
  },
];

/** `body-logging/java-request-logged`. */
export default requestRule({
  id: 'body-logging/java-request-logged',
  title: 'Request body or credential header logged (Java/Kotlin)',
  description:
    'A logger (SLF4J, Log4j, java.util.logging) or System.out call writes a request body — getBody(), getReader(), getInputStream(), a ContentCachingRequestWrapper buffer or a whole @RequestBody object — all headers, cookies or the Authorization header. Bodies and DTOs carry passwords and personal data, headers carry bearer tokens; logs are kept, shipped and read widely.',
  remediation:
    'Log request.getMethod(), request.getRequestURI(), the status and content length, or selected non-sensitive ids; log whether a credential is present, never its value.',
  languages: ['java', 'kotlin', 'scala'],
  keywords: ['getbody', 'getreader', 'getinputstream', 'getcontentas', 'requestbody', 'getheader', 'cookies', 'getparametermap', 'call.receive'],
  sinks: [...BODY, ...CREDENTIAL],
  taint: {
    assign:
      /(?<![\w.])(?:(?:final\s+)?(?:val|var|[A-Za-z_][\w.]{0,40}(?:<[\w<>, ?.]{0,60}>)?(?:\[\])?)\s+)?([a-z_]\w{0,40})(?:\s*:\s*[\w<>?.]{1,40})?\s*=(?![=>])\s*/g,
    sources: [...BODY, ...CREDENTIAL],
    params: [
      {
        re: /@RequestBody\s+(?:@\w+(?:\([^()]{0,80}\))?\s+)*(?:final\s+)?[\w.<>[\], ?]{1,80}?\s+(\w{1,40})\s*[,)]/g,
        kind: 'body',
        what: 'Request body (@RequestBody object)',
        nextBlock: true,
      },
      {
        re: /@RequestBody\s+(?:@\w+(?:\([^()]{0,80}\))?\s+)*(\w{1,40})\s*:/g,
        kind: 'body',
        what: 'Request body (@RequestBody object)',
        nextBlock: true,
      },
      {
        re: /@RequestHeader\(\s{0,2}(?:(?:value|name)\s*=\s*)?(?:"(?:Authorization|Cookie)"|HttpHeaders\.AUTHORIZATION)[^()]{0,60}\)\s+(?:final\s+)?(?:[\w.<>]{1,40}\s+)?(\w{1,40})\s*[,):]/g,
        kind: 'credential',
        what: 'Authorization header',
        nextBlock: true,
      },
      {
        re: /@RequestHeader\s+(?:(?:final\s+)?(?:Map<[^<>]{1,40}>|HttpHeaders|MultiValueMap<[^<>]{1,60}>)\s+(\w{1,40})|(\w{1,40})\s*:\s*(?:Map<[^<>]{1,40}>|HttpHeaders))/g,
        kind: 'credential',
        what: 'All request headers (Authorization and Cookie included)',
        nextBlock: true,
        names: (m) => [m[1] ?? m[2]],
      },
    ],
  },
  bad: [
    { path: 'src/main/kotlin/com/acme/Echo.kt', text: 'suspend fun echo(call: ApplicationCall) {\n    logger.info("body: ${call.receiveText()}")\n}\n' },
    {
      path: 'src/main/java/com/acme/PaymentClient.java',
      text: 'void charge(HttpEntity<String> request) {\n    log.debug("Charge request body: {}", request.getBody());\n}\n',
    },
    {
      path: 'src/main/java/com/acme/OrderController.java',
      text: '@PostMapping("/orders")\npublic Order create(@Valid @RequestBody OrderRequest order) {\n    log.info("Creating order {}", order);\n    return service.create(order);\n}\n',
    },
    {
      path: 'src/main/java/com/acme/AuditFilter.java',
      text: 'String body = request.getReader().lines().collect(Collectors.joining("\\n"));\nLOGGER.info("body=" + body);\n',
    },
    {
      path: 'src/main/java/com/acme/AuthFilter.java',
      text: 'logger.debug("Authorization: {}", request.getHeader(HttpHeaders.AUTHORIZATION));\n',
    },
    {
      path: 'src/main/java/com/acme/PayloadFilter.java',
      text: 'ContentCachingRequestWrapper wrapped = new ContentCachingRequestWrapper(request);\nchain.doFilter(wrapped, response);\nlog.debug("Request body: {}", new String(wrapped.getContentAsByteArray(), StandardCharsets.UTF_8));\n',
    },
  ],
  good: [
    {
      path: 'src/main/java/com/acme/OrderController.java',
      text: '@PostMapping("/orders")\npublic Order create(@RequestBody OrderRequest order) {\n    log.info("Creating order for customer {}", order.getCustomerId());\n    return service.create(order);\n}\n',
    },
    {
      path: 'src/main/java/com/acme/Client.java',
      text: 'ResponseEntity<String> response = rest.exchange(req, String.class);\nlog.debug("upstream replied {}", response.getStatusCode());\n',
    },
    { path: 'src/main/java/com/acme/AuthFilter.java', text: 'if (request.getHeader("Authorization") == null) {\n    log.warn("missing token");\n}\n' },
    { path: 'src/main/java/com/acme/Mail.java', text: 'log.info("Request body received: {} bytes", request.getContentLength());\n' },
    {
      path: 'src/main/java/com/acme/PayloadFilter.java',
      text: 'log.debug("Request size: {} bytes", wrapped.getContentAsByteArray().length);\nlog.trace("Response: {}", new String(responseWrapper.getContentAsByteArray()));\n',
    },
  ],
});
