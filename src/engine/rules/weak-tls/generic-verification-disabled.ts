import { around, tlsRule, type TlsHit } from './tlsRule';
import { flipFix } from './tlsFixes';
import { GENERIC_LANGUAGES, isConfigText, normalizeKey } from './genericLanguages';
import { isBareVerify, verificationOff } from './verificationKeys';

/** Words one of which every verification key contains (`ssl_verify`, `insecure_skip_verify`, …). */
const KEY_WORD = String.raw`verif|insecure|strict[-_]?ssl|validate[-_]?(?:(?:server|peer|ssl|tls)[-_]?)?cert|check[-_]?hostname|check[-_]?certificate|reject[-_]?unauthorized|trust[-_]?all|self[-_]?signed|ignore[-_]?(?:ssl|tls|cert)|accept[-_]?(?:any|all|invalid|self)|cert[-_]?reqs|allow[-_]?(?:invalid|unverified|all)|(?:ssl|tls)[-_]?(?:validate|insecure|accept)|cert[-_]?validation|reqcert|insecure|trust[-_]?server|disable[-_]?tls`;
/**
 * Literals one of which every KEY_WORD match holds, and its longest match (`validate-server-cert`):
 * the key words are then looked for only around them.
 */
const KEY_LITERALS = {
  words: ['verif', 'insecure', 'strictssl', 'strict_ssl', 'strict-ssl', 'validate', 'validation', 'hostname', 'certificate', 'unauthorized', 'trust', 'signed', 'ignore', 'accept', 'reqs', 'allow', 'reqcert', 'disable'],
  longest: 24,
};
/** pip configuration and requirements files, where `trusted-host` is read. */
const PIP_FILES = /(?:^|\/)pip\.(?:conf|ini)$|\.(?:ini|cfg)$|(?:^|\/)(?:requirements|constraints)[^/]{0,40}\.(?:txt|in)$/;
const CURLRC = /(?:^|\/)[._]curlrc$/;
/** `key = value`: a key holding a KEY_WORD, then a short bare or quoted value. */
const SETTING = new RegExp(String.raw`(?<![\w.-])(?:-D|--)?((?=[A-Za-z_])[\w.-]{0,40}?(?:` + KEY_WORD + String.raw`)[\w.-]{0,40})(["']?)\]?\s{0,10}(?::|=>|=(?!=)|\s|\()\s{0,10}(["']?)(:?(?:ssl\.)?[A-Za-z0-9_]{1,24})\3(?![\w.-])`, 'i');

function judge(h: TlsHit): string | undefined {
  if (!isConfigText(h.ctx.path, h.ctx.language)) return undefined;
  const key = normalizeKey(h.m[1]);
  const value = h.m[4].replace(/^:?(?:ssl\.)?/i, '');
  const before = h.ctx.text.slice(Math.max(0, h.start - 20), h.start);
  if (/(?:==|!=|\bif\s*\(?\s*)$/.test(before)) return undefined;
  let how = verificationOff(key, value, h.ctx.language);
  if (!how && isBareVerify(key, value) && /(?:ssl|tls)["']?\s{0,5}[:={]/i.test(around(h.ctx, h.start, h.end, 200, 0))) how = 'off';
  if (!how) return undefined;
  // In code a quoted boolean is a message or a key name, not a setting (`'verify_ssl: false is
  // banned'`); quoted modes, URL query parameters (`?sslaccept=accept_invalid_certs`) and
  // connection-string options (`;TrustServerCertificate=True`) are settings.
  const inCode = h.ctx.regionAt(h.m.indices![4][0]) === 'code';
  if (!h.ctx.isConfig && !inCode && how === 'off' && !/[?&;]\s*$/.test(before)) return undefined;
  return `${h.m[1]} = ${value} turns TLS certificate verification off: any certificate is accepted. Turn it back on and trust a private CA explicitly.`;
}

/**
 * Config keys (and code constants) that switch certificate or host name verification off:
 * `ssl_verify: false`, `insecure_skip_verify: true` (Prometheus, Grafana, Traefik, Helm,
 * kubeconfig `insecure-skip-tls-verify`), `validate_certs: no` (Ansible), `strict-ssl=false`
 * (.npmrc), `sslVerify = false` (.gitconfig), `ssl.verification_mode: none` (Elastic),
 * Kafka's empty `ssl.endpoint.identification.algorithm`.
 */
export default tlsRule({
  id: 'weak-tls/generic-verification-disabled',
  title: 'TLS verification disabled in configuration',
  description:
    'A setting such as `ssl_verify: false`, `insecure_skip_verify: true`, `insecure-skip-tls-verify: true`, `validate_certs: no` or `strict-ssl=false` makes the client accept any certificate, so anyone on the network path can impersonate the server. In shared config it silently applies to every environment.',
  remediation: 'Turn verification back on; if the server uses a private CA, configure that CA (`ca_file`, `certificate-authority`, `cafile`) instead.',
  severity: 'error',
  confidence: 'medium',
  cwe: ['CWE-295'],
  keywords: ['verif', 'insecure', 'strict-ssl', 'strict_ssl', 'strictssl', 'validate_certs', 'validate-certs', 'validatecert', 'check_hostname', 'checkhostname', 'check-hostname', 'check_certificate', 'check-certificate', 'checkcertificate', 'reject_unauthorized', 'rejectunauthorized', 'trust_all', 'trustall', 'trust-all', 'self_signed', 'selfsigned', 'self-signed', 'ignore_ssl', 'ignoressl', 'ignore-ssl', 'ignore_cert', 'ignorecert', 'acceptany', 'accept_any', 'invalidcert', 'invalid_cert', 'endpoint.identification.algorithm', 'cert_reqs', 'certreqs', 'allowinvalid', 'allow_invalid', 'allowunverified', 'allow_unverified', 'sslvalidate', 'tlsinsecure', 'tls_insecure', 'sslaccept', 'cert_validation', 'reqcert', 'allowall', 'allow_all', 'trustservercertificate', 'trust_server', 'nonvalidatingfactory', 'verify_none', 'validate-server', 'validate_server', 'validateserver', 'trusted-host', 'trusted_host', 'disable-tls', 'disable_tls', 'disabletls', 'validate-peer', 'validate_peer', 'validatepeer'],
  languages: [...GENERIC_LANGUAGES, 'text'],
  patterns: [
    {
      // pip.conf / pip.ini `[global]`: `trusted-host = pypi.internal` skips that host's certificate.
      // requirements.txt / constraints.txt: a `--trusted-host pypi.internal` line.
      re: /^[ \t]*(?:--)?trusted[-_]host(?:[ \t]{0,10}[=:][ \t]{0,10}|[ \t]{1,10})[\w.:-]{2,200}/m,
      severity: 'warning',
      paths: PIP_FILES,
      message: (h) => (PIP_FILES.test(h.ctx.path) ? 'trusted-host makes pip install from that host without verifying its certificate: remove it.' : undefined),
    },
    {
      re: SETTING,
      regionGroup: 4,
      // The key holds one of these words, at most 43 characters into the match; the value
      // ends at most ~110 characters after it.
      near: {
        anchor: new RegExp(KEY_WORD, 'gi'),
        before: 45,
        after: 130,
        literals: KEY_LITERALS,
      },
      message: judge,
      fixes: (h) => flipFix('Turn verification back on', h.m.indices![4][0], h.m.indices![4][1], h.m[4]),
    },
    {
      // Builder and setter calls: reqwest `.danger_accept_invalid_certs(true)`,
      // `.setSslVerifyPeer(false)`, `.with_insecure_skip_verify(true)`. A bare `.verify(false)` is not one.
      re: /\.((?:set_?|with_?)?[A-Za-z_]\w{0,60})\s{0,5}\(\s{0,5}(true|false|True|False)\s{0,5}\)/,
      region: 'code',
      near: { anchor: new RegExp(KEY_WORD, 'gi'), before: 70, after: 90, literals: KEY_LITERALS },
      message: (h) => {
        const key = normalizeKey(h.m[1].replace(/^(?:set|with)_?/i, ''));
        return verificationOff(key, h.m[2], h.ctx.language) === 'off'
          ? `${h.m[1]}(${h.m[2]}) turns TLS certificate verification off: any certificate is accepted. Remove it and trust a private CA explicitly.`
          : undefined;
      },
      fixes: (h) => flipFix('Turn verification back on', h.m.indices![2][0], h.m.indices![2][1], h.m[2]),
    },
    {
      re: /\bssl\.endpoint\.identification\.algorithm["']?[ \t]{0,10}[=:][ \t]{0,10}(?:""|''|(?=\r?\n|$))/m,
      requires: ['ssl.endpoint.identification.algorithm'],
      message: 'An empty ssl.endpoint.identification.algorithm turns Kafka host name verification off: set it to https.',
    },
    {
      // PostgreSQL JDBC `sslfactory=org.postgresql.ssl.NonValidatingFactory`.
      re: /\b(?:org\.postgresql\.ssl\.)?NonValidatingFactory\b/,
      requires: ['nonvalidatingfactory'],
      message: 'NonValidatingFactory makes the PostgreSQL driver accept any server certificate: use sslmode=verify-full.',
    },
    {
      // `.curlrc`: a bare `insecure` / `-k` line applies to every curl run.
      re: /^[ \t]*(?:-k|--insecure|insecure)[ \t]*$/m,
      paths: CURLRC,
      message: (h) => (CURLRC.test(h.ctx.path) ? `${h.value.trim()} in .curlrc makes every curl call skip certificate verification: remove it.` : undefined),
    },
  ],
  bad: [
    {
      path: 'src/client.rs',
      text: 'let client = reqwest::Client::builder()\n    .danger_accept_invalid_certs(true)\n    .build()?;\n',
      fixed: 'let client = reqwest::Client::builder()\n    .danger_accept_invalid_certs(false)\n    .build()?;\n',
    },
    { path: '.pip/pip.conf', text: '[global]\nindex-url = https://pypi.internal.acme.io/simple\ntrusted-host = pypi.internal.acme.io\n' },
    { path: 'requirements.txt', text: '--index-url https://pypi.internal.acme.io/simple\n--trusted-host pypi.internal.acme.io\nrequests==2.32.3\n' },
    { path: 'ansible.cfg', text: '[galaxy]\nignore_certs = True\n' },
    { path: 'composer.json', text: '{\n  "config": { "disable-tls": true }\n}\n' },
    {
      path: 'monitoring/prometheus.yml',
      text: 'scrape_configs:\n  - job_name: api\n    scheme: https\n    tls_config:\n      insecure_skip_verify: true\n',
      fixed: 'scrape_configs:\n  - job_name: api\n    scheme: https\n    tls_config:\n      insecure_skip_verify: false\n',
    },
    {
      path: 'deploy/kubeconfig.yaml',
      text: 'clusters:\n- cluster:\n    server: https://k8s.acme.io:6443\n    insecure-skip-tls-verify: true\n  name: prod\n',
    },
    { path: 'ansible/roles/app/tasks/main.yml', text: '- name: Fetch artifact\n  get_url:\n    url: https://artifacts.acme.io/app.tgz\n    dest: /opt/app.tgz\n    validate_certs: no\n' },
    { path: '.npmrc', text: 'registry=https://npm.acme.io/\nstrict-ssl=false\n', fixed: 'registry=https://npm.acme.io/\nstrict-ssl=true\n' },
    { path: 'config/elasticsearch.yml', text: 'xpack.security.transport.ssl.verification_mode: none\n' },
    { path: 'config/kafka.properties', text: 'security.protocol=SSL\nssl.endpoint.identification.algorithm=\n' },
    { path: 'config/settings.py', text: 'VERIFY_SSL = False\nAPI_URL = "https://api.acme.io"\n' },
    { path: 'terraform/providers.tf', text: 'provider "vault" {\n  address         = "https://vault.acme.io"\n  skip_tls_verify = true\n}\n' },
    {
      path: 'src/main/resources/application.properties',
      text: 'spring.rabbitmq.ssl.enabled=true\nspring.rabbitmq.ssl.validate-server-certificate=false\n',
      fixed: 'spring.rabbitmq.ssl.enabled=true\nspring.rabbitmq.ssl.validate-server-certificate=true\n',
    },
  ],
  good: [
    { path: 'src/auth.ts', text: 'const ok = jwt.verify(token, key).verify(false);\nuser.setEmailVerified(false);\n' },
    {
      path: 'semgrep/tls.yml',
      text: 'rules:\n  - id: node-reject-unauthorized\n    message: rejectUnauthorized false disables verification\n    pattern: "{..., rejectUnauthorized: false, ...}"\n  - id: go-skip\n    pattern: "tls.Config{..., InsecureSkipVerify: true, ...}"\n',
    },
    { path: '.github/workflows/lint.yml', text: 'run: |\n  ! grep -rnE "rejectUnauthorized: false|verify=False|InsecureSkipVerify: true" src/\n' },
    { path: 'monitoring/prometheus.yml', text: '    tls_config:\n      insecure_skip_verify: false\n      ca_file: /etc/prom/ca.pem\n' },
    { path: 'config/app.yaml', text: 'email:\n  verify_signups: false\n  verification_required: true\n' },
    { path: 'config/app.yaml', text: '# insecure_skip_verify: true  (never)\nssl_verify: true\n' },
    { path: 'src/check.ts', text: 'if (config.sslVerify == false) throw new Error("refusing to start");\n' },
    { path: 'config/app.yaml', text: 'verify: false\nretries: 3\n' },
  ],
});
