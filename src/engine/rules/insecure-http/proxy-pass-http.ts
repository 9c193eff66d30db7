import type { ScanContext } from '../../context';
import { defineRule } from '../../rule';
import type { RuleMatch } from '../../types';
import { MAX_MATCHES } from './blocks';
import { isPlaceholderHost, isPrivateIp, isQuietHost } from './hosts';
import { httpUrlsIn, httpsFix, textBefore, URL_ANCHORS } from './urlCore';

/** `proxy_pass http://…` (nginx) or `ProxyPass /path http://…` / `ProxyPassMatch` (Apache). */
const DIRECTIVE = /^\s*(?:proxy_pass|ProxyPass(?:Match)?\s+\S{1,512})\s+$/i;

/** Names declared by `upstream NAME {` in this file: backends the proxy balances over. */
function upstreamNames(text: string): Set<string> {
  const names = new Set<string>();
  const re = /^[ \t]*upstream[ \t]+([\w.-]{1,128})[ \t]*\{/gm;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) names.add(m[1].toLowerCase());
  return names;
}

/**
 * Only a backend across the internet is a finding: TLS terminated at the proxy with a
 * private backend (loopback, upstream group, service name, private address) is the normal,
 * accepted design of a reverse proxy.
 */
function isPublicBackend(host: string, upstreams: Set<string>): boolean {
  const h = host.toLowerCase();
  return !isQuietHost(h) && !isPrivateIp(h) && !isPlaceholderHost(h) && !upstreams.has(h);
}

function detect(ctx: ScanContext): RuleMatch[] {
  const out: RuleMatch[] = [];
  let upstreams: Set<string> | undefined;
  for (const u of httpUrlsIn(ctx)) {
    if (out.length >= MAX_MATCHES) break;
    if (!/^http/i.test(u.url)) continue;
    if (ctx.isComment(u.start) || !DIRECTIVE.test(textBefore(ctx, u.start))) continue;
    upstreams ??= upstreamNames(ctx.text);
    if (!isPublicBackend(u.host, upstreams)) continue;
    out.push({
      start: u.start,
      end: u.end,
      value: u.url,
      message: `Reverse proxy forwards to ${u.host} over plain HTTP: requests, cookies and tokens cross the network unencrypted. Use https://.`,
      fixes: httpsFix(
        u,
        'nginx: also set `proxy_ssl_server_name on;` and `proxy_ssl_verify on;` so the backend certificate is checked.',
      ),
    });
  }
  return out;
}

/**
 * `insecure-http/proxy-pass-http`: an nginx or Apache reverse proxy that forwards decrypted
 * client traffic to a public backend over plain HTTP.
 */
export default defineRule({
  id: 'insecure-http/proxy-pass-http',
  family: 'insecure-http',
  title: 'Reverse proxy to a public backend over plain HTTP',
  description:
    'The proxy terminates TLS from the client, then forwards the decrypted request — cookies, tokens, personal data — over plain HTTP to a backend on another network. The user sees a padlock while the second hop is readable by anyone on the path.',
  remediation:
    'Proxy to https:// and verify the backend certificate (proxy_ssl_verify on; SSLProxyVerify require).',
  severity: 'warning',
  confidence: 'high',
  cwe: ['CWE-319'],
  keywords: ['http://'],
  anchors: URL_ANCHORS,
  languages: ['nginx', 'apache'],
  detect,
  bad: [
    {
      path: 'deploy/nginx.conf',
      text: 'location /legacy/ {\n    proxy_pass http://legacy.partner-billing.com/;\n}\n',
      fixed: 'location /legacy/ {\n    proxy_pass https://legacy.partner-billing.com/;\n}\n',
    },
    {
      path: 'deploy/httpd.conf',
      text: '<VirtualHost *:443>\n  ProxyPass /crm http://crm.salesdesk-partner.com/\n  ProxyPassReverse /crm http://crm.salesdesk-partner.com/\n</VirtualHost>\n',
      count: 1,
    },
  ],
  good: [
    {
      path: 'deploy/nginx.conf',
      text: 'upstream api_backend { server 10.0.1.10:8080; }\nserver {\n  location / { proxy_pass http://api_backend; }\n  location /a/ { proxy_pass http://127.0.0.1:4000; }\n  location /b/ { proxy_pass http://10.0.2.30:8081; }\n  location /c/ { proxy_pass http://admin:9000; }\n  location /d/ { proxy_pass http://$backend; }\n  # proxy_pass http://old.partner.com;\n}\n',
    },
    {
      path: 'deploy/httpd.conf',
      text: 'ProxyPass /app http://127.0.0.1:8080/\nProxyPass /svc http://orders.prod.svc.cluster.local/\n',
    },
  ],
});
