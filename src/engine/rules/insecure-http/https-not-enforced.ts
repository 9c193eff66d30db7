import type { ScanContext } from '../../context';
import { defineRule } from '../../rule';
import type { LanguageId, RuleMatch } from '../../types';
import { MAX_MATCHES } from './blocks';
import { isTestPath } from './urlContext';

/**
 * `insecure-http/https-not-enforced`: framework and platform settings that explicitly turn
 * HTTPS enforcement off or allow cleartext — Django, Rails, Spring Boot, ASP.NET JWT metadata,
 * Kubernetes ingress-nginx, Android and iOS app transport settings.
 */

interface Setting {
  languages: readonly LanguageId[];
  re: RegExp;
  message: string;
  /** Files where the setting is expected (development/test environments). */
  skipPath?: RegExp;
}

/** Development, test and local settings files, where HTTPS is legitimately off. */
const DEV_FILE = /(?:^|[/_.-])(?:dev|development|local|test|testing|ci|debug)(?:[/_.-]|$)/i;

const SPRING_MESSAGE =
  'Spring Boot serves plain HTTP (server.ssl.enabled=false). Enable TLS or terminate it in front of the app.';

const SETTINGS: readonly Setting[] = [
  {
    languages: ['python'],
    re: /(?:^[ \t]*|\[["'])(?:SECURE_SSL_REDIRECT|SESSION_COOKIE_SECURE|CSRF_COOKIE_SECURE|REMEMBER_COOKIE_SECURE)(?:["']\])?[ \t]*=[ \t]*False\b/gm,
    message:
      'Django/Flask HTTPS enforcement is off: requests and cookies may travel over plain HTTP. Set it to True in production settings.',
    skipPath: DEV_FILE,
  },
  {
    languages: ['python'],
    re: /\bTalisman\([^)\n]{0,200}force_https\s*=\s*False/g,
    message: 'Flask-Talisman is told not to force HTTPS. Remove force_https=False.',
    skipPath: DEV_FILE,
  },
  {
    languages: ['ruby'],
    re: /\bconfig\.force_ssl[ \t]*=[ \t]*false\b/g,
    message:
      'Rails force_ssl is off: no HTTPS redirect, no HSTS, no secure cookies. Set config.force_ssl = true in production.',
    skipPath: DEV_FILE,
  },
  {
    languages: ['properties', 'yaml', 'dotenv'],
    re: /\b(?:server\.ssl\.enabled|security\.require-ssl|SERVER_SSL_ENABLED)[ \t]*[=:][ \t]*["']?false\b/gi,
    message: SPRING_MESSAGE,
    skipPath: DEV_FILE,
  },
  {
    languages: ['csharp'],
    re: /\bRequireHttpsMetadata\s*=\s*false\b/g,
    message:
      'JWT/OpenID metadata may be fetched over plain HTTP (RequireHttpsMetadata = false): a network attacker can swap the signing keys.',
    skipPath: DEV_FILE,
  },
  {
    languages: ['yaml', 'json'],
    re: /nginx\.ingress\.kubernetes\.io\/(?:force-)?ssl-redirect["']?\s*:\s*["']?false\b["']?/g,
    message:
      'The ingress serves plain HTTP instead of redirecting to HTTPS. Remove ssl-redirect: "false".',
  },
  {
    languages: ['javascript', 'typescript'],
    re: /\b(?:hsts|strictTransportSecurity)\s*:\s*false\b/g,
    message:
      'HSTS is turned off in helmet: browsers may keep using plain HTTP. Remove hsts: false.',
    skipPath: DEV_FILE,
  },
  {
    languages: ['xml'],
    re: /\b(?:android:usesCleartextTraffic|cleartextTrafficPermitted)\s*=\s*"true"/g,
    message:
      'The Android app allows cleartext HTTP traffic. Set it to false and use https:// endpoints.',
  },
  {
    languages: ['xml'],
    re: /<key>NSAllowsArbitraryLoads<\/key>\s{0,200}<true\s*\/>/g,
    message:
      'App Transport Security is disabled (NSAllowsArbitraryLoads): the iOS app may load plain HTTP. Remove it or scope exceptions to one domain.',
  },
];

/** The nearest line above `offset` indented less than `indent` (the YAML parent key). */
function yamlParent(
  text: string,
  offset: number,
  indent: number,
): { key: string; indent: number } | undefined {
  const lines = text
    .slice(Math.max(0, offset - 4000), offset)
    .split('\n')
    .reverse();
  for (const line of lines) {
    const m = /^([ \t]*)([\w.-]{1,64}):/.exec(line);
    if (m && m[1].length < indent) return { key: m[2], indent: m[1].length };
  }
  return undefined;
}

/** Spring YAML: `server:` › `ssl:` › `enabled: false` (nested form of `server.ssl.enabled`). */
function springYaml(ctx: ScanContext, out: RuleMatch[]): void {
  const re =
    /^([ \t]*)ssl:[ \t]*\n(?:\1[ \t]+[\w-]{1,64}:[^\n]{0,200}\n){0,20}?\1[ \t]+(enabled:[ \t]*false)\b/gm;
  let m: RegExpExecArray | null;
  while ((m = re.exec(ctx.text)) !== null) {
    const parent = yamlParent(ctx.text, m.index, m[1].length);
    // Top-level `server:` only: `management.server.ssl` is the internal actuator port.
    if (parent?.key !== 'server' || parent.indent !== 0) continue;
    const start = m.index + m[0].length - m[2].length;
    out.push({ start, end: start + m[2].length, value: m[2], message: SPRING_MESSAGE });
  }
}

function detect(ctx: ScanContext): RuleMatch[] {
  if (isTestPath(ctx.path)) return [];
  const out: RuleMatch[] = [];
  for (const s of SETTINGS) {
    if (!s.languages.includes(ctx.language) || s.skipPath?.test(ctx.path)) continue;
    const re = new RegExp(s.re.source, s.re.flags);
    let m: RegExpExecArray | null;
    while ((m = re.exec(ctx.text)) !== null) {
      const start = m.index + m[0].length - m[0].trimStart().length;
      if (ctx.isComment(start)) continue;
      if (out.length >= MAX_MATCHES) break;
      out.push({
        start,
        end: m.index + m[0].length,
        value: m[0].trim().replace(/\s+/g, ' '),
        message: s.message,
      });
    }
  }
  if (ctx.language === 'yaml' && !DEV_FILE.test(ctx.path)) springYaml(ctx, out);
  return out.sort((a, b) => a.start - b.start);
}

export default defineRule({
  id: 'insecure-http/https-not-enforced',
  family: 'insecure-http',
  title: 'HTTPS enforcement turned off',
  description:
    'A framework or platform setting explicitly disables HTTPS enforcement or allows cleartext HTTP (Django SECURE_SSL_REDIRECT, Rails force_ssl, Spring server.ssl.enabled, ingress ssl-redirect, Android cleartext traffic, iOS App Transport Security). Users and apps then talk plain HTTP without noticing.',
  remediation:
    'Turn the enforcement back on in production configuration; keep exceptions in development-only files.',
  severity: 'warning',
  confidence: 'high',
  cwe: ['CWE-319'],
  keywords: [
    'hsts: false',
    'hsts:false',
    'stricttransportsecurity: false',
    'secure_ssl_redirect',
    'cookie_secure',
    'force_https',
    'force_ssl',
    'ssl.enabled',
    'require-ssl',
    'ssl_enabled',
    'requirehttpsmetadata',
    'ssl-redirect',
    'cleartext',
    'nsallowsarbitraryloads',
    'enabled: false',
  ],
  languages: [
    'python',
    'ruby',
    'properties',
    'yaml',
    'dotenv',
    'csharp',
    'json',
    'xml',
    'javascript',
    'typescript',
  ],
  detect,
  bad: [
    {
      path: 'backoffice/settings/production.py',
      text: 'DEBUG = False\nSECURE_SSL_REDIRECT = False\n',
      count: 1,
    },
    {
      path: 'config/environments/production.rb',
      text: 'Rails.application.configure do\n  config.force_ssl = false\nend\n',
    },
    {
      path: 'src/main/resources/application.properties',
      text: 'server.port=8443\nserver.ssl.enabled=false\n',
    },
    {
      path: 'src/main/resources/application.yml',
      text: 'server:\n  port: 8443\n  ssl:\n    key-store: classpath:keystore.p12\n    enabled: false\n',
      count: 1,
    },
    {
      path: 'k8s/ingress.yaml',
      text: 'metadata:\n  annotations:\n    nginx.ingress.kubernetes.io/ssl-redirect: "false"\n',
    },
    {
      path: 'app/src/main/AndroidManifest.xml',
      text: '<application android:usesCleartextTraffic="true" android:label="Acme">\n',
    },
  ],
  good: [
    {
      path: 'backoffice/settings/production.py',
      text: 'SECURE_SSL_REDIRECT = True\n# SECURE_SSL_REDIRECT = False\n',
    },
    {
      path: 'backoffice/settings/dev.py',
      text: 'SECURE_SSL_REDIRECT = False\nSESSION_COOKIE_SECURE = False\n',
    },
    { path: 'config/environments/development.rb', text: '  config.force_ssl = false\n' },
    {
      path: 'src/main/resources/application.yml',
      text: 'spring:\n  ssl:\n    bundle:\n      enabled: false\nmanagement:\n  ssl:\n    enabled: false\n',
    },
    {
      path: 'app/src/main/AndroidManifest.xml',
      text: '<application android:usesCleartextTraffic="false">\n',
    },
  ],
});
