import type { ScanContext } from '../../context';
import { defineRule } from '../../rule';
import type { LanguageId, RuleMatch } from '../../types';
import { MAX_MATCHES } from './blocks';
import { isTestPath } from './urlContext';

/**
 * `insecure-http/plain-http-server`: application code that serves plain HTTP on port 80, the
 * port browsers use — so the app itself faces users without TLS. Servers on other ports
 * (3000, 8000, 8080, `$PORT`) are not flagged: they almost always sit behind a TLS-terminating
 * load balancer or ingress, and flagging every `app.listen()` would be noise.
 */

interface ServerPattern {
  languages: readonly LanguageId[];
  /** Where the server starts on port 80. Bounded repeats only. */
  re: RegExp;
  /** Anywhere in the file: the app also serves TLS or only redirects, so port 80 is fine. */
  tls: RegExp;
}

const JS_TLS =
  /https\.createServer|createSecureServer|require\(\s*["'](?:node:)?https["']\s*\)|from\s+["'](?:node:)?https["']|redirect\([^)\n]{0,80}https:/;

const PATTERNS: readonly ServerPattern[] = [
  {
    languages: ['javascript', 'typescript'],
    re: /\.listen\(\s*(?:80|\{\s*port:\s*80)\s*[,)}]/g,
    tls: JS_TLS,
  },
  {
    languages: ['go'],
    re: /\bListenAndServe\(\s*"(?:0\.0\.0\.0)?:80"|\bAddr:\s*"(?:0\.0\.0\.0)?:80"/g,
    tls: /ListenAndServeTLS|ServeTLS|autocert|http\.Redirect\(|RedirectHandler|tls\.Listen|TLSConfig/,
  },
  {
    languages: ['python'],
    re: /\b(?:Threading)?HTTPServer\(\s*\(\s*["'](?:0\.0\.0\.0)?["']\s*,\s*80\s*\)|\b(?:app|application|uvicorn|web)\.(?:run|run_app)\([^)\n]{0,200}\bport\s*=\s*80\b/g,
    tls: /ssl_context|ssl_keyfile|ssl_certfile|wrap_socket|SSLContext|certfile=/,
  },
  {
    languages: ['java', 'kotlin'],
    re: /\bHttpServer\.create\(\s*(?:new\s+)?InetSocketAddress\(\s*(?:"[^"\n]{0,64}"\s*,\s*)?80\s*\)/g,
    tls: /HttpsServer|SSLContext/,
  },
  {
    languages: ['ruby'],
    re: /\bWEBrick::HTTPServer\.new\([^)\n]{0,200}Port\s*(?:=>|:)\s*80\b|^\s*set\s+:port,\s*80\b/gm,
    tls: /SSLEnable|ssl_bind|force_ssl/,
  },
  {
    languages: ['csharp'],
    re: /\.Listen(?:AnyIP|Localhost)?\((?:\s*IPAddress\.\w+\s*,)?\s*80\s*\)/g,
    tls: /UseHttps|UseHttpsRedirection/,
  },
];

function detect(ctx: ScanContext): RuleMatch[] {
  if (isTestPath(ctx.path)) return [];
  const out: RuleMatch[] = [];
  for (const p of PATTERNS) {
    if (!p.languages.includes(ctx.language)) continue;
    const re = new RegExp(p.re.source, p.re.flags);
    let m: RegExpExecArray | null;
    // The TLS evidence is looked for (over the whole file) only once a port-80 server is found.
    let tlsChecked = false;
    while ((m = re.exec(ctx.text)) !== null) {
      if (!tlsChecked) {
        if (p.tls.test(ctx.text)) break;
        tlsChecked = true;
      }
      const start = m.index + m[0].length - m[0].trimStart().length;
      if (ctx.regionAt(start) !== 'code') continue;
      if (out.length >= MAX_MATCHES) break;
      out.push({
        start,
        end: m.index + m[0].length,
        value: m[0].trim(),
        message:
          'The app serves plain HTTP on port 80. Serve HTTPS (or only redirect to it), or make sure a TLS-terminating proxy is the only thing that reaches it.',
      });
    }
  }
  return out;
}

export default defineRule({
  id: 'insecure-http/plain-http-server',
  family: 'insecure-http',
  title: 'App serves plain HTTP on port 80',
  description:
    'The application itself listens for plain HTTP on port 80, the port browsers use. Unless a TLS-terminating proxy is the only thing that can reach it, users talk to it unencrypted: sessions, logins and data can be read and changed in transit.',
  remediation:
    'Serve HTTPS (https.createServer, ListenAndServeTLS, ssl_context) or only redirect port 80 to HTTPS; or bind to an internal port behind your TLS proxy.',
  severity: 'info',
  confidence: 'medium',
  cwe: ['CWE-319'],
  keywords: [
    '.listen(80',
    'port: 80',
    'port:80',
    '":80"',
    'port=80',
    'port = 80',
    'port => 80',
    'httpserver',
    'set :port',
    'listenanyip',
    'ipaddress.any',
  ],
  languages: ['javascript', 'typescript', 'go', 'python', 'java', 'kotlin', 'ruby', 'csharp'],
  detect,
  bad: [
    {
      path: 'src/server.js',
      text: "const app = require('express')();\napp.listen(80, () => console.log('up'));\n",
      count: 1,
    },
    {
      path: 'cmd/web/main.go',
      text: 'func main() {\n\tlog.Fatal(http.ListenAndServe(":80", mux))\n}\n',
    },
    { path: 'serve.py', text: 'server = HTTPServer(("", 80), Handler)\nserver.serve_forever()\n' },
    { path: 'app.py', text: 'if __name__ == "__main__":\n    app.run(host="0.0.0.0", port=80)\n' },
  ],
  good: [
    { path: 'src/server.ts', text: 'app.listen(Number(process.env.PORT ?? 3000));\n' },
    { path: 'cmd/web/main.go', text: 'log.Fatal(http.ListenAndServe(":8080", nil))\n' },
    {
      path: 'cmd/web/main.go',
      text: 'go http.ListenAndServe(":80", http.HandlerFunc(redirect))\nlog.Fatal(srv.ListenAndServeTLS("cert.pem", "key.pem"))\n',
    },
    {
      path: 'app.py',
      text: 'app.run(host="0.0.0.0", port=80, ssl_context=("cert.pem", "key.pem"))\n',
    },
    { path: 'src/server.js', text: '// app.listen(80)\nconst msg = "app.listen(80)";\n' },
  ],
});
