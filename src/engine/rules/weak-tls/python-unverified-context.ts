import { replaceFix, tlsRule, type TlsHit } from './tlsRule';
import { flipFix } from './tlsFixes';

const NOT_COMPARED = /(?:==|!=|\bis(?:\s+not)?|\bin)\s*$/;

/** Drops `x == ssl.CERT_NONE` and similar reads: only assignments weaken a context. */
function assigned(message: string) {
  return (h: TlsHit): string | undefined =>
    NOT_COMPARED.test(h.ctx.text.slice(Math.max(0, h.start - 40), h.start).replace(/(?:ssl\.)?$/, '')) ? undefined : message;
}

/**
 * The `ssl` module told not to verify: `ssl._create_unverified_context()`, `CERT_NONE`,
 * `check_hostname = False`, urllib3 `cert_reqs='CERT_NONE'` / `assert_hostname=False`.
 */
export default tlsRule({
  id: 'weak-tls/python-unverified-context',
  title: 'Python SSL context without certificate or host name verification',
  description:
    'An SSL context created with `ssl._create_unverified_context()`, `verify_mode = ssl.CERT_NONE` or `check_hostname = False` accepts any certificate or a certificate for any host. The connection is encrypted but not authenticated, so it can be intercepted.',
  remediation: 'Use `ssl.create_default_context()` (verifies certificates and host names); load a private CA with `cafile=`.',
  severity: 'error',
  cwe: ['CWE-295', 'CWE-297'],
  keywords: ['_create_unverified_context', 'cert_none', 'check_hostname', 'assert_hostname', 'opt_x_tls_require_cert', 'tls_insecure_set'],
  languages: ['python'],
  patterns: [
    {
      re: /\b(ssl\.)?_create_unverified_context\b(\(\))?/,
      region: 'code',
      message: 'ssl._create_unverified_context() skips certificate and host name checks: use ssl.create_default_context().',
      fixes: (h) => {
        const call = h.m[2] !== undefined || !/^\s*\(/.test(h.ctx.text.slice(h.end, h.end + 20));
        if (h.m[1] === undefined || !call) return [];
        return [replaceFix('Use ssl.create_default_context()', h.start, h.start + h.m[0].length - (h.m[2]?.length ?? 0), 'ssl.create_default_context')];
      },
    },
    {
      re: /\b(?:ssl\.)?(CERT_NONE)\b/,
      group: 1,
      region: 'code',
      message: assigned('CERT_NONE disables certificate verification: any certificate is accepted. Use CERT_REQUIRED.'),
      fixes: (h) => [replaceFix('Require a valid certificate (CERT_REQUIRED)', h.start, h.end, 'CERT_REQUIRED')],
    },
    {
      re: /(['"])CERT_NONE\1/,
      message: (h) =>
        /cert_reqs['"]?\s{0,5}[:=]\s{0,5}$/.test(h.ctx.text.slice(Math.max(0, h.start - 40), h.start))
          ? "cert_reqs='CERT_NONE' disables certificate verification: use 'CERT_REQUIRED'."
          : undefined,
      fixes: (h) => [replaceFix("Require a valid certificate ('CERT_REQUIRED')", h.start + 1, h.end - 1, 'CERT_REQUIRED')],
    },
    {
      // paho-mqtt: `client.tls_insecure_set(True)` skips host name verification.
      re: /\btls_insecure_set\s{0,5}\(\s{0,5}True\s{0,5}\)/,
      region: 'code',
      message: 'tls_insecure_set(True) skips host name verification of the MQTT broker: remove it.',
    },
    {
      // python-ldap: `ldap.set_option(ldap.OPT_X_TLS_REQUIRE_CERT, ldap.OPT_X_TLS_NEVER)`.
      re: /\bOPT_X_TLS_REQUIRE_CERT\s{0,5},\s{0,5}(?:ldap\.)?(OPT_X_TLS_(?:NEVER|ALLOW))\b/,
      region: 'code',
      message: (h) => `LDAP ${h.m[1]} accepts any server certificate: use OPT_X_TLS_DEMAND.`,
      fixes: (h) => [replaceFix('Demand a valid certificate', h.m.indices![1][0], h.m.indices![1][1], 'OPT_X_TLS_DEMAND', true)],
    },
    {
      re: /\b(check_hostname|assert_hostname)\s{0,10}=\s{0,10}(False)\b/,
      region: 'code',
      message: (h) => `${h.m[1]} = False accepts a certificate issued for any host name: remove it.`,
      fixes: (h) =>
        // Python refuses check_hostname=True together with CERT_NONE: only flip when CERT_NONE is absent.
        /CERT_NONE/.test(h.ctx.text) ? [] : flipFix('Turn host name verification back on', h.m.indices![2][0], h.m.indices![2][1], 'False'),
    },
  ],
  bad: [
    {
      path: 'scripts/sync.py',
      text: 'import ssl, urllib.request\n\nctx = ssl._create_unverified_context()\ndata = urllib.request.urlopen(url, context=ctx).read()\n',
      fixed: 'import ssl, urllib.request\n\nctx = ssl.create_default_context()\ndata = urllib.request.urlopen(url, context=ctx).read()\n',
    },
    { path: 'app/__init__.py', text: 'import ssl\nssl._create_default_https_context = ssl._create_unverified_context\n' },
    {
      path: 'app/mq.py',
      text: 'ctx = ssl.create_default_context()\nctx.check_hostname = False\nctx.verify_mode = ssl.CERT_NONE\n',
      count: 2,
    },
    {
      path: 'app/cache.py',
      text: 'r = redis.Redis(host=host, ssl=True, ssl_cert_reqs=ssl.CERT_NONE)\n',
      fixed: 'r = redis.Redis(host=host, ssl=True, ssl_cert_reqs=ssl.CERT_REQUIRED)\n',
    },
    { path: 'app/pool.py', text: "pool = urllib3.PoolManager(cert_reqs='CERT_NONE')\n" },
  ],
  good: [
    { path: 'app/mq.py', text: 'ctx = ssl.create_default_context(cafile=CA)\nctx.check_hostname = True\nctx.verify_mode = ssl.CERT_REQUIRED\n' },
    { path: 'app/mq.py', text: 'if ctx.verify_mode == ssl.CERT_NONE:\n    raise RuntimeError("insecure context")\n' },
    { path: 'app/mq.py', text: '# never use ssl._create_unverified_context() here\n' },
  ],
});
