import { around, type TlsHit, tlsRule } from './tlsRule';
import { flipFix } from './tlsFixes';

/** `verify=False` also switches off JWT signature checks (PyJWT 1.x): not a TLS setting. */
function isTlsVerify(h: TlsHit): string | undefined {
  const context = around(h.ctx, h.start, h.end, 160, 0);
  if (/jwt|jws|decode\s*\([^()\n]{0,120}$|signature|gpg|hmac/i.test(context)) return undefined;
  return 'TLS certificate verification is disabled (verify=False): any server certificate is accepted. Remove it, or pass a CA bundle path.';
}

/**
 * Python HTTP clients with certificate verification off: requests/httpx `verify=False`,
 * `session.verify = False`, aiohttp `verify_ssl=False` / `ssl=False`.
 */
export default tlsRule({
  id: 'weak-tls/python-verify-false',
  title: 'Python HTTP client certificate verification disabled',
  description:
    '`verify=False` (requests, httpx) and `ssl=False` / `verify_ssl=False` (aiohttp) make the client accept any certificate, so anyone on the network path can impersonate the server and read credentials and data. Silencing `InsecureRequestWarning` with `urllib3.disable_warnings()` hides the same problem.',
  remediation: 'Use `verify=True` (the default) or `verify="/path/to/ca-bundle.pem"` for a private CA.',
  severity: 'error',
  cwe: ['CWE-295'],
  keywords: ['verify', 'ssl=false', 'ssl = false'],
  languages: ['python'],
  patterns: [
    {
      re: /(?:\.|\b)(verify)\s{0,10}=\s{0,10}(False)\b/,
      region: 'code',
      message: isTlsVerify,
      fixes: (h) => flipFix('Turn certificate verification back on (verify=True)', h.m.indices![2][0], h.m.indices![2][1], 'False'),
    },
    {
      re: /\b(verify_ssl)\s{0,10}=\s{0,10}(False)\b/,
      region: 'code',
      message: 'aiohttp certificate verification is disabled (verify_ssl=False): any server certificate is accepted.',
      fixes: (h) => flipFix('Turn certificate verification back on', h.m.indices![2][0], h.m.indices![2][1], 'False'),
    },
    {
      re: /\bssl\s{0,10}=\s{0,10}False\b/,
      region: 'code',
      message: (h) =>
        /aiohttp/.test(h.ctx.text)
          ? 'aiohttp certificate verification is disabled (ssl=False): any server certificate is accepted. Remove it.'
          : undefined,
    },
  ],
  bad: [
    {
      path: 'app/billing.py',
      text: 'import requests\n\nresp = requests.post(\n    f"{BASE}/charges",\n    json=payload,\n    timeout=10,\n    verify=False,\n)\n',
      fixed: 'import requests\n\nresp = requests.post(\n    f"{BASE}/charges",\n    json=payload,\n    timeout=10,\n    verify=True,\n)\n',
    },
    { path: 'app/client.py', text: 'session = requests.Session()\nsession.verify = False\n', count: 1 },
    { path: 'app/client.py', text: 'async with httpx.AsyncClient(verify=False, timeout=5) as client:\n    r = await client.get(url)\n' },
    {
      path: 'app/fetch.py',
      text: 'import aiohttp\n\nasync def fetch(url):\n    async with aiohttp.ClientSession() as s:\n        async with s.get(url, ssl=False) as r:\n            return await r.json()\n',
    },
  ],
  good: [
    { path: 'app/billing.py', text: 'resp = requests.post(url, json=payload, verify=True)\n' },
    { path: 'app/billing.py', text: 'resp = requests.get(url, verify="/etc/ssl/certs/internal-ca.pem")\n' },
    { path: 'app/auth.py', text: 'claims = jwt.decode(token, key, verify=False)\n' },
    { path: 'scripts/smoke.py', text: 'requests.get("https://localhost:8443/health", verify=False, timeout=2)\n' },
    { path: 'app/billing.py', text: '# verify=False was removed in PR 412\nresp = requests.get(url)\n' },
    { path: 'app/db.py', text: 'engine = create_engine(url, connect_args={"ssl": False})\nssl = False\n' },
  ],
});
