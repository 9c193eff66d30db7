import { entropy } from '../../heuristics';
import { defineRule } from '../../rule';
import type { RuleMatch } from '../../types';
import { execInWindows, windowsAround } from '../../windows';
import type { ScanContext } from '../../context';
import { MAX_MATCHES_PER_RULE } from './tokenRule';
import { isPlaceholderPassword } from './urlCredentials';
import { decodeBase64, isDefaultPassword } from './util';

/** `Authorization: Basic …` / `Bearer …` with a literal credential, in headers, code and curl. */
const HEADER =
  /authorization["'`]?\]?(?:\s{0,3}[:=,]|[ \t]{1,3}(?=["']))\s{0,3}(?:["'`]\s{0,3})?(basic|bearer|token)\s{1,3}([A-Za-z0-9._~+/=-]{8,1200})/gi;
/**
 * Header values built by a client API from a literal: C# `new AuthenticationHeaderValue("Bearer", "…")`,
 * Spring `headers.setBearerAuth("…")`, reqwest `.bearer_auth("…")`. Group 1 or 2 is the scheme, 3 the value.
 */
const HEADER_CALL =
  /\b(?:AuthenticationHeaderValue\(\s{0,3}["'](basic|bearer)["']\s{0,3},|(?:set|with)?(bearer)_?auth\s{0,2}\()\s{0,3}@?["']([A-Za-z0-9._~+/=-]{8,1200})["']/gi;
/** API-key headers written inline (`curl -H "X-Api-Key: …"`, `"Private-Token: …"`); group 1 is the value. */
const KEY_HEADER =
  /["'](?:x-api-key|api-key|apikey|x-auth-token|x-access-token|x-api-token|private-token|x-functions-key|ocp-apim-subscription-key)\s{0,2}:\s{0,2}([A-Za-z0-9._~+/=-]{16,400})["']/gi;
/** Kubernetes `kubernetes.io/dockerconfigjson` Secrets: base64 of a Docker config.json. */
const DOCKERCONFIGJSON = /\.docker(?:configjson|cfg)["']?\s{0,3}:\s{0,3}["']?([A-Za-z0-9+/]{20,20000}={0,2})/g;
/** `curl -u user:password` and friends. */
const CURL_USER = /\b(?:curl|wget|http)\b[^\n]{0,200}?\s(?:-u|--user)[ =]{1,3}["']?([^\s:"'$]{1,64}):([^\s"'$]{1,128})/g;
/** Docker `config.json`: `"auths": { "registry": { "auth": "<base64 user:password>" } }`. */
const DOCKER_AUTH = /"auth"\s{0,4}:\s{0,4}"([A-Za-z0-9+/]{8,400}={0,2})"/g;
/**
 * Where each pattern can match, by the literal it contains: a match starts at most `before`
 * characters before the literal and ends at most `after` characters after it.
 */
const ANCHORS = {
  header: { words: ['authorization'], before: 0, after: 1300 },
  call: { words: ['authenticationheadervalue', 'bearerauth', 'bearer_auth'], before: 4, after: 1300 },
  keyHeader: { words: ['api-key', 'apikey', '-token', 'functions-key', 'subscription-key'], before: 12, after: 460 },
  curl: { words: ['-u', '--user'], before: 220, after: 210 },
};

function windowsAt(ctx: ScanContext, a: { words: string[]; before: number; after: number }): [number, number][] {
  return windowsAround(ctx.anchorsOf(a.words), a.before, a.after, ctx.text.length);
}

/** Tokens that other rules report more precisely (JWTs and provider prefixes). */
const OWN_RULE = /^(?:eyJ|gh[pousr]_|github_pat_|glpat-|xox[a-z]-|sk-|sk_live_|npm_|SG\.|hf_|dckr_)/;

/**
 * Hardcoded `Authorization` header values: Basic credentials (decoded to check there is a real
 * password), opaque Bearer tokens with enough entropy, and `curl -u user:password`.
 */
export default defineRule({
  id: 'secrets/authorization-header',
  family: 'secrets',
  title: 'Hardcoded Authorization header or basic-auth credentials',
  description:
    'An Authorization header written into code or scripts (Basic user:password, or a Bearer token) is a working login for the API it targets, for as long as the credential lives.',
  remediation: 'Build the header from credentials read from the environment or a secret manager, and rotate them.',
  severity: 'error',
  confidence: 'medium',
  cwe: ['CWE-798', 'CWE-522'],
  keywords: ['api-key', 'apikey', '-token:', 'functions-key', 'subscription-key', 'authorization', 'authenticationheadervalue', 'bearerauth', 'bearer_auth', '.dockerconfigjson', '.dockercfg', ' -u ', '--user', '"auths"'],
  anchors: [...new Set(Object.values(ANCHORS).flatMap((a) => a.words))],
  languages: 'all',
  detect(ctx) {
    const out: RuleMatch[] = [];
    // Each pattern runs only in windows at its own literal (recorded by the keyword pass).
    const at = (name: keyof typeof ANCHORS): [number, number][] => windowsAt(ctx, ANCHORS[name]);
    const re = new RegExp(HEADER.source, 'gi');
    execInWindows(re, ctx.text, at('header'), (m) => {
      if (out.length >= MAX_MATCHES_PER_RULE) return false;
      const scheme = m[1].toLowerCase();
      const value = m[2];
      const start = m.index + m[0].length - value.length;
      if (scheme === 'basic' ? !isBasicCredential(value) : !isOpaqueToken(value)) return;
      out.push({
        start,
        end: start + value.length,
        value,
        message:
          scheme === 'basic'
            ? 'Basic-auth credentials hardcoded in an Authorization header (base64 is not encryption): read them from the environment and change the password.'
            : 'Bearer token hardcoded in an Authorization header: read it from the environment and revoke this one.',
      });
    });
    const call = new RegExp(HEADER_CALL.source, 'gi');
    execInWindows(call, ctx.text, at('call'), (m) => {
      if (out.length >= MAX_MATCHES_PER_RULE) return false;
      const scheme = (m[1] ?? m[2]).toLowerCase();
      const value = m[3];
      if (scheme === 'basic' ? !isBasicCredential(value) : !isOpaqueToken(value)) return;
      const start = m.index + m[0].lastIndexOf(value);
      out.push({
        start,
        end: start + value.length,
        value,
        message: 'Credential hardcoded in an Authorization header built by the HTTP client: read it from the environment and revoke this one.',
      });
    });
    const keyHeader = new RegExp(KEY_HEADER.source, 'gi');
    execInWindows(keyHeader, ctx.text, at('keyHeader'), (m) => {
      if (out.length >= MAX_MATCHES_PER_RULE) return false;
      const value = m[1];
      if (!isOpaqueToken(value)) return;
      const start = m.index + m[0].lastIndexOf(value);
      out.push({
        start,
        end: start + value.length,
        value,
        message: 'API key hardcoded in a request header: read it from the environment and revoke this one.',
      });
    });
    let m: RegExpExecArray | null;
    const kube = new RegExp(DOCKERCONFIGJSON.source, 'g');
    const kubeSecret = ctx.saw('.dockerconfigjson') || ctx.saw('.dockercfg');
    while (kubeSecret && (m = kube.exec(ctx.text)) !== null && out.length < MAX_MATCHES_PER_RULE) {
      const decoded = decodeBase64(m[1]) ?? '';
      const auth = new RegExp(DOCKER_AUTH.source, 'g').exec(decoded);
      const password = /"password"\s{0,4}:\s{0,4}"([^"]{4,200})"/.exec(decoded)?.[1];
      if (!(auth && isBasicCredential(auth[1])) && !(password && !isPlaceholderPassword(password))) continue;
      const start = m.index + m[0].length - m[1].length;
      out.push({
        start,
        end: start + m[1].length,
        value: m[1],
        message: 'Registry credentials in a Kubernetes dockerconfigjson Secret (base64 is not encryption): use a sealed or external secret, and change the password.',
      });
    }
    if (ctx.saw('"auths"')) {
      const docker = new RegExp(DOCKER_AUTH.source, 'g');
      while ((m = docker.exec(ctx.text)) !== null && out.length < MAX_MATCHES_PER_RULE) {
        if (!isBasicCredential(m[1])) continue;
        const start = m.index + m[0].length - m[1].length - 1;
        out.push({
          start,
          end: start + m[1].length,
          value: m[1],
          message: 'Registry credentials in a Docker config (base64 user:password): use a credential helper, and change the password.',
        });
      }
    }
    const curl = new RegExp(CURL_USER.source, 'g');
    execInWindows(curl, ctx.text, at('curl'), (m) => {
      if (out.length >= MAX_MATCHES_PER_RULE) return false;
      const [, user, password] = m;
      if (isPlaceholderPassword(password) || isDefaultPassword(password, user)) return;
      const start = m.index + m[0].length - password.length;
      out.push({
        start,
        end: start + password.length,
        value: password,
        message: 'Password passed on a command line (-u user:password): read it from the environment or a netrc file, and change it.',
      });
    });
    return out;
  },
  bad: [
    { path: 'src/client.ts', text: "const headers = { Authorization: 'Basic YXBpLXVzZXI6UjN2UTh4TDJwWjltSw==' };\n" },
    { path: 'scripts/export.sh', text: 'curl -H "Authorization: Bearer 7fK2mX9qL4pR8vZ3wY6tB1nH5jD0sA" https://api.acme.io/export\n' },
    { path: 'scripts/backup.sh', text: 'curl -u backup:Bk7xQ2pLz9 https://files.acme.io/upload -T dump.sql\n' },
    { path: 'client.py', text: 'session.headers["Authorization"] = "Token 9d8f7a6b5c4e3d2f1a0b9c8d7e6f5a4b"\n' },
    { path: 'ci/docker-config.json', text: '{ "auths": { "registry.acme.io": { "auth": "Y2k6RGs3eFEycEx6OW1L" } } }\n' },
    { path: 'scripts/rates.sh', text: 'curl -H "x-api-key: Xlyg7kQ2xPz7mLw3Nd9Rt5Vb1Hj8Yu4G" https://api.partner.io/v1/rates\n' },
    { path: 'deploy/nginx/site.conf', text: 'location /legacy/ {\n  proxy_set_header Authorization "Basic c3ZjLWV4cG9ydDpRN3hLMnBMejltUnQ=";\n}\n' },
    { path: 'Services/Mailer.cs', text: 'http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "7fK2mX9qL4pR8vZ3wY6tB1nH5jD0sA");\n' },
    { path: 'src/main/java/Client.java', text: 'headers.setBearerAuth("9d8f7a6b5c4e3d2f1a0b9c8d7e6f5a4bQx");\n' },
    {
      path: 'k8s/registry.yaml',
      text: 'type: kubernetes.io/dockerconfigjson\ndata:\n  .dockerconfigjson: eyJhdXRocyI6eyJnaGNyLmlvIjp7ImF1dGgiOiJZMms2UkdzM2VGRXljRXg2T1cxTCJ9fX0=\n',
    },
  ],
  good: [
    { path: 'src/client.ts', text: "const headers = { Authorization: `Bearer ${token}` };\n" },
    { path: 'src/client.ts', text: "const auth = 'Basic ' + btoa(`${user}:${password}`);\n" },
    { path: 'docs/api.md', text: 'curl -H "Authorization: Bearer YOUR_API_TOKEN" https://api.acme.io\n' },
    { path: 'scripts/dev.sh', text: 'curl -u admin:admin http://localhost:8080/api\ncurl -u "$USER:$PASS" https://api.acme.io\n' },
    { path: 'tests/auth.test.ts', text: "expect(header).toBe('Basic dXNlcjpwYXNzd29yZA==');\n" },
    { path: 'Services/Mailer.cs', text: 'http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);\n' },
    { path: 'deploy/nginx/site.conf', text: 'proxy_set_header Authorization $http_authorization;\n' },
    { path: 'scripts/rates.sh', text: 'curl -H "X-Api-Key: $PARTNER_KEY" https://api.partner.io/v1/rates\n' },
  ],
});

/** Basic credentials decode to `user:password` with a real-looking password. */
function isBasicCredential(b64: string): boolean {
  const decoded = decodeBase64(b64.replace(/=+$/, ''));
  if (!decoded || !/^[\x20-\x7e]+$/.test(decoded)) return false;
  const colon = decoded.indexOf(':');
  if (colon < 0) return false;
  const user = decoded.slice(0, colon);
  const password = decoded.slice(colon + 1);
  return password.length >= 4 && !isPlaceholderPassword(password) && !isDefaultPassword(password, user);
}

function isOpaqueToken(token: string): boolean {
  if (OWN_RULE.test(token) || isPlaceholderPassword(token)) return false;
  return token.length >= 20 && entropy(token) >= 3.5 && /\d/.test(token) && /[A-Za-z]/.test(token);
}
