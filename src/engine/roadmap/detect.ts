import { hashHex } from '../hash';
import { isPlaceholder } from '../heuristics';
import type { EvidenceKey } from './model';

/** Dependency manifests and server configs that can show evidence. */
const EVIDENCE_FILE =
  /(?:^|\/)(?:package\.json|requirements[^/]*\.txt|pyproject\.toml|Pipfile|setup\.py|go\.mod|pom\.xml|build\.gradle(?:\.kts)?|Gemfile|composer\.json|[^/]+\.csproj|nginx[^/]*\.conf|[^/]*\.nginx|haproxy[^/]*\.cfg|Caddyfile|traefik[^/]*\.ya?ml|settings\.py|Program\.cs|Startup\.cs)$/;

export function isEvidenceFile(path: string): boolean {
  return EVIDENCE_FILE.test(path);
}

/** Library or directive → evidence key. Names are matched as whole tokens in the file. */
const SIGNS: readonly { key: EvidenceKey; name: string; pattern: RegExp }[] = [
  ...lib('request-logging', ['morgan', 'pino-http', 'express-winston', 'express-pino-logger', 'koa-logger', '@fastify/request-logger', 'lograge', 'django-request-logging', 'flask-log-request-id', 'asgi-logger', 'logbook-spring-boot-starter', 'Serilog.AspNetCore', 'github.com/gin-contrib/logger', 'github.com/go-chi/httplog']),
  { key: 'request-logging', name: 'nginx access_log', pattern: /^\s*access_log\s+(?!off)\S/m },
  { key: 'request-logging', name: 'ASP.NET HTTP logging', pattern: /\bUseHttpLogging\s*\(/ },
  ...lib('rate-limiting', ['express-rate-limit', 'rate-limiter-flexible', 'express-slow-down', '@nestjs/throttler', 'koa-ratelimit', '@fastify/rate-limit', 'slowapi', 'flask-limiter', 'Flask-Limiter', 'django-ratelimit', 'rack-attack', 'golang.org/x/time', 'github.com/ulule/limiter', 'github.com/go-chi/httprate', 'github.com/didip/tollbooth', 'bucket4j', 'resilience4j-ratelimiter', 'AspNetCoreRateLimit']),
  { key: 'rate-limiting', name: 'nginx limit_req', pattern: /^\s*limit_req(?:_zone)?\s/m },
  { key: 'rate-limiting', name: 'ASP.NET rate limiter', pattern: /\bAddRateLimiter\s*\(/ },
  { key: 'rate-limiting', name: 'HAProxy stick-table rate limit', pattern: /http-request\s+(?:deny|track-sc\d)\b[^\n]{0,200}(?:sc_http_req_rate|sc\d_http_req_rate)/ },
  ...lib('secret-manager', ['@aws-sdk/client-secrets-manager', '@aws-sdk/client-ssm', '@google-cloud/secret-manager', '@azure/keyvault-secrets', 'node-vault', '@1password/connect', '@infisical/sdk', '@dopplerhq/node-sdk', 'hvac', 'google-cloud-secret-manager', 'azure-keyvault-secrets', 'github.com/hashicorp/vault/api', 'cloud.google.com/go/secretmanager', 'github.com/aws/aws-sdk-go-v2/service/secretsmanager', 'spring-cloud-starter-vault-config', 'spring-cloud-aws-secrets-manager-config', 'Azure.Security.KeyVault.Secrets', 'AWSSDK.SecretsManager', 'aws-sdk-secretsmanager', 'vault']),
];

function lib(key: EvidenceKey, names: string[]): { key: EvidenceKey; name: string; pattern: RegExp }[] {
  return names.map((name) => ({
    key,
    name,
    pattern: new RegExp(`(?:^|["'\\s/=:<>\\[(])${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(?:$|["'\\s@=<>~\\],;)/:^])`, 'm'),
  }));
}

/** What evidence a manifest or server config shows, with a human-readable source. */
export function detectEvidence(path: string, text: string): { key: EvidenceKey; source: string }[] {
  const out: { key: EvidenceKey; source: string }[] = [];
  const file = path.slice(path.lastIndexOf('/') + 1);
  for (const sign of SIGNS) {
    if (sign.name === 'vault' && !/Gemfile$|requirements/.test(file)) continue;
    if (sign.pattern.test(text)) out.push({ key: sign.key, source: `${sign.name} (${path})` });
  }
  return out;
}

const ENV_NAME = '(prod|production|staging|stage|dev|development|test|qa|uat|preprod|sandbox)';
const ENV_FILE: readonly RegExp[] = [
  new RegExp(`(?:^|/)\\.env\\.${ENV_NAME}$`, 'i'),
  new RegExp(`(?:^|/)config/${ENV_NAME}\\.(?:json|ya?ml|toml|js|ts)$`, 'i'),
  new RegExp(`(?:^|/)application-${ENV_NAME}\\.(?:ya?ml|properties)$`, 'i'),
  new RegExp(`(?:^|/)appsettings\\.${ENV_NAME}\\.json$`, 'i'),
  new RegExp(`(?:^|/)settings/${ENV_NAME}\\.py$`, 'i'),
  new RegExp(`(?:^|/)(?:values-)?${ENV_NAME}\\.(?:tfvars|ya?ml)$`, 'i'),
];

/** The environment a config file belongs to (`production`, `staging`…), if its name says so. */
export function environmentOf(path: string): string | undefined {
  for (const re of ENV_FILE) {
    const m = re.exec(path);
    if (m) return normaliseEnv(m[1].toLowerCase());
  }
  return undefined;
}

function normaliseEnv(e: string): string {
  if (e === 'prod') return 'production';
  if (e === 'dev') return 'development';
  if (e === 'stage') return 'staging';
  return e;
}

const CREDENTIAL =
  /^[ \t]*["']?([A-Za-z0-9_.-]{0,40}(?:password|passwd|secret|token|api[_-]?key|apikey|private[_-]?key|access[_-]?key|credential|dsn)[A-Za-z0-9_.-]{0,40})["']?[ \t]*[:=][ \t]*["']?([^"'\s#,}]{6,300})/gim;

/** Hashes of credential-like values in a config file, by key. Values never leave this function. */
export function credentialHashes(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let m: RegExpExecArray | null;
  CREDENTIAL.lastIndex = 0;
  while ((m = CREDENTIAL.exec(text)) !== null) {
    const value = m[2];
    if (isPlaceholder(value) || /\$\{|\$\(|%\(|\{\{/.test(value)) continue;
    out.set(m[1], hashHex(value, 16));
  }
  return out;
}

/** Pairs of environment files sharing a credential value, described without the value. */
export function sharedCredentials(files: readonly { path: string; env: string; hashes: Map<string, string> }[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < files.length; i++) {
    for (let j = i + 1; j < files.length; j++) {
      const a = files[i];
      const b = files[j];
      if (a.env === b.env) continue;
      const bValues = new Map([...b.hashes].map(([k, h]) => [h, k]));
      for (const [key, h] of a.hashes) {
        const other = bValues.get(h);
        if (other) out.push(`${key} in ${a.path} and ${other} in ${b.path}`);
      }
    }
  }
  return out;
}
