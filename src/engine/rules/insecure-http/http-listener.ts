import type { ScanContext } from '../../context';
import { defineRule } from '../../rule';
import type { RuleMatch } from '../../types';
import { blockEnd, MAX_MATCHES, stripComments } from './blocks';
import { isQuietHost } from './hosts';

/**
 * `insecure-http/http-listener`: a web server or load balancer that serves a public site on
 * port 80 without redirecting to HTTPS — nginx `server` blocks, Apache `<VirtualHost *:80>`,
 * HAProxy frontends. Port 80 that only redirects (`return 301 https://…`, `Redirect`,
 * `redirect scheme https`) is the correct setup and is not flagged.
 */

/** A redirect to HTTPS anywhere in the block (often inside `location /` or an `if`). */
const REDIRECTS =
  /\breturn\s+30[1278]\s+["']?https:|\brewrite\s+\S+\s+["']?https:|\bRedirect(?:Permanent|Match)?\b[^\n]{0,300}https:|\bRewriteRule\b[^\n]{0,300}https:|\bredirect\s+(?:scheme\s+https|location\s+https:|prefix\s+https:)|\bhttp-request\s+redirect\s+scheme\s+https|\breturn\s+(?:444|403|404)\b/i;
/** A block that serves content rather than only answering ACME challenges or health checks. */
const SERVES =
  /\b(?:location|root|proxy_pass|fastcgi_pass|uwsgi_pass|grpc_pass|try_files|alias|index|DocumentRoot|ProxyPass|WSGIScriptAlias|default_backend|use_backend)\b/;

/** Public evidence: a dotted server name that is not loopback, reserved or internal. */
function hasPublicName(block: string, directive: RegExp): boolean {
  const m = directive.exec(block);
  if (!m) return false;
  return m[1].split(/\s+/).some((n) => {
    const name = n.replace(/^[*.~]+/, '').replace(/;$/, '');
    return (
      /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i.test(name) &&
      !/^\d+(?:\.\d+){3}$/.test(name) &&
      !isQuietHost(name)
    );
  });
}

function nginx(ctx: ScanContext, out: RuleMatch[]): void {
  const re = /(^|[\s;{}])server\s*\{/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(ctx.text)) !== null && out.length < MAX_MATCHES) {
    const open = m.index + m[0].length - 1;
    if (ctx.isComment(open)) continue;
    const end = blockEnd(ctx.text, open);
    const block = stripComments(ctx.text.slice(open, end));
    // nginx `server` blocks do not nest: continue after this one (keeps the scan linear).
    re.lastIndex = Math.max(open + 1, end);
    if (
      REDIRECTS.test(block) ||
      !SERVES.test(block) ||
      !hasPublicName(block, /\bserver_name\s+([^;]{1,500});/)
    )
      continue;
    const listen =
      /\blisten\s+((?:\[[0-9a-f:]{0,40}\]:|[\w.-]{1,64}:)?80)(?:\s+(?!ssl\b)[\w=]{1,32}){0,6}\s*;/gi;
    let l: RegExpExecArray | null;
    while ((l = listen.exec(block)) !== null) {
      const address = l[1].slice(0, -3).replace(/^\[|\]$/g, '');
      if (address && isQuietHost(address) && address !== '0.0.0.0' && address !== '::') continue;
      // One finding per block: `listen 80` and `listen [::]:80` are the same issue.
      out.push(match(open + l.index, l[0].length, l[0].replace(/\s*;$/, '')));
      break;
    }
  }
}

function apache(ctx: ScanContext, out: RuleMatch[]): void {
  const re = /<VirtualHost\s[^>]{0,200}>/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(ctx.text)) !== null && out.length < MAX_MATCHES) {
    const close = ctx.text.indexOf('</VirtualHost>', m.index);
    if (close < 0) return;
    re.lastIndex = close;
    if (!/:80\b/.test(m[0]) || ctx.isComment(m.index)) continue;
    const block = stripComments(ctx.text.slice(m.index, close));
    if (
      REDIRECTS.test(block) ||
      !SERVES.test(block) ||
      !hasPublicName(block, /\bServer(?:Name|Alias)\s+([^\n]{1,500})/i)
    )
      continue;
    out.push(match(m.index, m[0].length, m[0]));
  }
}

const HAPROXY_SECTION =
  /^[ \t]*(frontend|backend|listen|defaults|global|resolvers|peers|userlist|program|cache)\b[^\n]*$/gm;

function haproxy(ctx: ScanContext, out: RuleMatch[]): void {
  const heads: { kind: string; end: number; start: number }[] = [];
  HAPROXY_SECTION.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = HAPROXY_SECTION.exec(ctx.text)) !== null)
    heads.push({ kind: m[1], start: m.index, end: m.index + m[0].length });
  heads.forEach((h, i) => {
    if ((h.kind !== 'frontend' && h.kind !== 'listen') || out.length >= MAX_MATCHES) return;
    const until = i + 1 < heads.length ? heads[i + 1].start : ctx.text.length;
    const section = stripComments(ctx.text.slice(h.end, until));
    if (REDIRECTS.test(section) || !SERVES.test(section)) return;
    const bind = /^[ \t]*bind[ \t]+(?:\*|0\.0\.0\.0|::|\[::\])?:80\b(?![^\n]*\bssl\b)[^\n]*/gm;
    let b: RegExpExecArray | null;
    while ((b = bind.exec(section)) !== null) {
      const start = h.end + b.index + b[0].length - b[0].trimStart().length;
      out.push(match(start, b[0].trim().length, b[0].trim()));
    }
  });
}

function match(start: number, length: number, value: string): RuleMatch {
  return {
    start,
    end: start + length,
    value,
    message:
      'This site is served over plain HTTP on port 80 without a redirect to HTTPS. Redirect port 80 to https:// (and send HSTS).',
  };
}

export default defineRule({
  id: 'insecure-http/http-listener',
  family: 'insecure-http',
  title: 'Public site served over plain HTTP (no HTTPS redirect)',
  description:
    'A public host name is served on port 80 and the configuration does not redirect to HTTPS. Visitors who type the bare domain or follow an old link use plain HTTP: their cookies and form posts can be read, and the page can be altered on the way.',
  remediation:
    'Make port 80 only redirect: `return 301 https://$host$request_uri;` (nginx), `Redirect permanent / https://…` (Apache), `redirect scheme https` (HAProxy).',
  severity: 'warning',
  confidence: 'medium',
  cwe: ['CWE-319'],
  keywords: [
    'server_name',
    '<virtualhost',
    'bind *:80',
    'bind :80',
    'bind 0.0.0.0:80',
    'bind [::]:80',
  ],
  languages: ['nginx', 'apache', 'haproxy'],
  detect(ctx) {
    const out: RuleMatch[] = [];
    if (ctx.language === 'haproxy') haproxy(ctx, out);
    else {
      nginx(ctx, out);
      apache(ctx, out);
    }
    return out;
  },
  bad: [
    {
      path: 'deploy/nginx/site.conf',
      text: 'server {\n    listen 80;\n    server_name shop.acme-cloud.io;\n    root /var/www/shop;\n    location / { try_files $uri /index.html; }\n}\n',
      count: 1,
    },
    {
      path: 'deploy/httpd.conf',
      text: '<VirtualHost *:80>\n  ServerName www.acme-cloud.io\n  DocumentRoot /var/www/html\n</VirtualHost>\n',
    },
    {
      path: 'deploy/haproxy.cfg',
      text: 'frontend web\n    bind *:80\n    default_backend app\n\nbackend app\n    server a1 10.0.0.5:8080 check\n',
    },
  ],
  good: [
    {
      path: 'deploy/nginx/site.conf',
      text: 'server {\n    listen 80;\n    server_name shop.acme-cloud.io;\n    location / { return 301 https://$host$request_uri; }\n}\nserver {\n    listen 80;\n    server_name localhost;\n    location / { root /srv; }\n}\n',
    },
    {
      path: 'deploy/httpd.conf',
      text: '<VirtualHost *:80>\n  ServerName www.acme-cloud.io\n  Redirect permanent / https://www.acme-cloud.io/\n</VirtualHost>\n',
    },
    {
      path: 'deploy/haproxy.cfg',
      text: 'frontend web\n    bind *:80\n    bind *:443 ssl crt /etc/haproxy/acme.pem\n    http-request redirect scheme https unless { ssl_fc }\n    default_backend app\n',
    },
  ],
});
