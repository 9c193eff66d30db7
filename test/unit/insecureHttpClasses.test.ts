import * as assert from 'node:assert/strict';
import { scanText } from '../../src/engine';

/**
 * One line per class of case the `insecure-http/` family must get right: what is flagged
 * (`flag: n` findings) and the decoy classes of DESIGN.md that must stay quiet (`flag: 0`).
 * Short on purpose; realistic whole files live in test/fixtures/insecure-http/.
 */
interface Case {
  name: string;
  path: string;
  text: string;
  flag: number;
}

// One case per line reads as a table.
// prettier-ignore
const FLAGGED: Case[] = [
  { name: 'env default with http fallback', path: 'src/config.ts', text: "export const API = process.env.API_URL || 'http://api.acme-cloud.io';\n", flag: 1 },
  { name: 'Feign client url', path: 'src/main/java/Tax.java', text: '@FeignClient(name = "tax", url = "http://tax.acme-cloud.io")\n', flag: 1 },
  { name: 'Spring @Value default', path: 'src/main/java/P.java', text: '@Value("${partner.url:http://api.partner-hub.com}")\n', flag: 1 },
  { name: 'Gradle repository', path: 'build.gradle', text: 'repositories {\n  maven { url "http://repo.acme-cloud.io/maven2" }\n}\n', flag: 1 },
  { name: 'Gemfile source', path: 'Gemfile', text: 'source "http://rubygems.org"\ngem "rails"\n', flag: 1 },
  { name: 'PHP redirect to http', path: 'public/login.php', text: "<?php header('Location: http://www.acme-cloud.io/login');\n", flag: 1 },
  { name: 'htaccess redirect to http', path: '.htaccess', text: 'RewriteRule ^(.*)$ http://www.acme-cloud.io/$1 [R=301,L]\n', flag: 1 },
  { name: 'public IP with port', path: 'deploy.sh', text: 'curl -X POST http://52.14.77.9:8080/deploy\n', flag: 1 },
  { name: 'WCF endpoint', path: 'App.config', text: '<endpoint address="http://soap.partner-hub.com/Quote.svc" binding="basicHttpBinding"/>\n', flag: 1 },
  { name: 'CORS origin over http', path: 'src/app.ts', text: "app.use(cors({ origin: ['http://app.acme-cloud.io', 'https://app.acme-cloud.io'] }));\n", flag: 1 },
  { name: 'OpenAPI server', path: 'openapi.yaml', text: 'servers:\n  - url: http://api.acme-cloud.io/v1\n    description: Production\n', flag: 1 },
  { name: 'Terraform module source', path: 'main.tf', text: 'module "vpc" {\n  source = "http://modules.acme-cloud.io/vpc.zip"\n}\n', flag: 1 },
  { name: 'PowerShell download', path: 'setup.ps1', text: 'Invoke-WebRequest -Uri "http://downloads.vendor-tools.com/agent.msi" -OutFile agent.msi\n', flag: 1 },
  { name: '.npmrc registry', path: '.npmrc', text: 'registry=http://registry.acme-cloud.io/npm/\n', flag: 1 },
  { name: 'Rails redirect to an http site', path: 'config/routes.rb', text: 'get "/blog", to: redirect("http://blog.acme-cloud.io")\n', flag: 1 },
  { name: 'Ansible download', path: 'playbook.yml', text: '- get_url:\n    url: http://downloads.vendor-tools.com/agent.deb\n    dest: /tmp/a.deb\n', flag: 1 },
  { name: 'iOS ATS off and an http API in Info.plist', path: 'Info.plist', text: '<dict>\n  <key>NSAllowsArbitraryLoads</key>\n  <true/>\n  <key>API</key><string>http://api.acme-cloud.io</string>\n</dict>\n', flag: 2 },
  { name: 'Flask secure cookie off', path: 'app/config.py', text: 'app.config["SESSION_COOKIE_SECURE"] = False\n', flag: 1 },
  { name: 'helmet HSTS off', path: 'src/app.ts', text: 'app.use(helmet({ hsts: false }));\n', flag: 1 },
  { name: 'OpenAPI document under spec/', path: 'spec/openapi.yaml', text: 'servers:\n  - url: http://api.acme-cloud.io/v1\n', flag: 1 },
  { name: 'Java public constant', path: 'src/main/java/Api.java', text: 'public static final String API = "http://api.acme-cloud.io/v1";\n', flag: 1 },
  { name: 'C# public const', path: 'Api.cs', text: 'public const string Endpoint = "http://api.acme-cloud.io/v1";\n', flag: 1 },
  { name: 'PHP property next to $id', path: 'a.php', text: '<?php $id = 5; $url = "http://api.acme-cloud.io/users/";\n', flag: 1 },
  { name: 'Java properties object', path: 'src/main/java/Cfg.java', text: 'props.setProperty("partner.url", "http://api.partner-hub.com");\n', flag: 1 },
  { name: 'plain WebSocket', path: 'src/feed.ts', text: "const ws = new WebSocket('ws://realtime.acme-cloud.io/feed');\n", flag: 1 },
  { name: 'nginx return to http host', path: 'site.conf', text: 'location /old { return 301 http://legacy.acme-cloud.io$request_uri; }\n', flag: 1 },
];

// prettier-ignore
const QUIET: Case[] = [
  { name: 'user-agent bot URL', path: 'crawler.go', text: 'const ua = "Mozilla/5.0 (compatible; AcmeBot/1.0; +http://www.acme-cloud.io/bot)"\n', flag: 0 },
  { name: 'regex in a string', path: 'a.py', text: 'm = re.match(r"http://api\\.acme-cloud\\.io/(.*)", url)\n', flag: 0 },
  { name: 'RegExp constructor', path: 'a.js', text: 'const re = new RegExp("^http://(www\\\\.)?acme-cloud\\\\.io");\n', flag: 0 },
  { name: 'printf host', path: 'a.go', text: 'u := fmt.Sprintf("http://%s:%d/api", host, port)\n', flag: 0 },
  { name: 'concatenated host', path: 'a.java', text: 'String u = "http://" + host + ":" + port + "/api";\n', flag: 0 },
  { name: 'Ruby interpolated host', path: 'a.rb', text: 'url = "http://#{host}/api"\n', flag: 0 },
  { name: 'Helm template host', path: 'templates/cm.yaml', text: 'url: "http://{{ .Values.host }}/api"\n', flag: 0 },
  { name: 'log message with URL', path: 'a.py', text: 'log.info("Server started, listening at http://api.acme-cloud.io")\n', flag: 0 },
  { name: 'comparison', path: 'a.ts', text: "if (origin === 'http://app.acme-cloud.io') deny();\n", flag: 0 },
  { name: 'JAXB namespace', path: 'Inv.cs', text: '[XmlRoot(Namespace = "http://invoices.acme-cloud.io/v1")]\n', flag: 0 },
  { name: 'SOAP envelope in a string', path: 'Soap.java', text: 'String env = "<soap:Envelope xmlns:soap=\\"http://soap.acme-cloud.io/envelope/\\">";\n', flag: 0 },
  { name: 'JSON schema ids', path: 'user.schema.json', text: '{ "$id": "http://acme-cloud.io/schemas/user.json", "$ref": "http://acme-cloud.io/schemas/base.json" }\n', flag: 0 },
  { name: 'JAXP property', path: 'a.java', text: 'f.setProperty("http://www.oracle.com/xml/jaxp/properties/entityExpansionLimit", "0");\n', flag: 0 },
  { name: 'JSON-LD', path: 'ld.ts', text: "const ld = { '@context': 'http://schema.org', '@type': 'Organization' };\n", flag: 0 },
  { name: 'OpenAPI terms', path: 'openapi.json', text: '{ "info": { "termsOfService": "http://acme-cloud.io/terms" } }\n', flag: 0 },
  { name: 'pyproject urls', path: 'pyproject.toml', text: '[project.urls]\nHomepage = "http://acme-cloud.io"\nRepository = "http://github.com/acme/x"\n', flag: 0 },
  { name: 'gemspec homepage', path: 'acme.gemspec', text: 'spec.homepage = "http://acme-cloud.io"\n', flag: 0 },
  { name: 'i18n prose', path: 'locales/en.json', text: '{ "help": "Visit http://help.acme-cloud.io for answers" }\n', flag: 0 },
  { name: 'YAML block prose', path: 'chart.yaml', text: 'description: |\n  Our API is at http://api.acme-cloud.io and redirects.\n', flag: 0 },
  { name: 'msw handlers in mocks/', path: 'src/mocks/handlers.ts', text: "http.get('http://api.acme-cloud.io/users', () => HttpResponse.json([]));\n", flag: 0 },
  { name: 'Jest test', path: 'src/client.test.ts', text: "expect(build()).toBe('http://api.acme-cloud.io/v1');\n", flag: 0 },
  { name: 'RSpec file', path: 'spec/services/client_spec_helper.rb', text: 'BASE = "http://api.acme-cloud.io"\n', flag: 0 },
  { name: 'Go test file', path: 'client_test.go', text: 'srv := "http://api.acme-cloud.io"\n', flag: 0 },
  { name: 'requirements comment', path: 'requirements.txt', text: '# mirror: http://pypi.acme-corp.io/simple\nrequests\n', flag: 0 },
  { name: 'Markdown code block', path: 'docs/API.md', text: '```bash\ncurl http://api.acme-cloud.io/v1\n```\n', flag: 0 },
  { name: 'plain text notes', path: 'NOTES.txt', text: 'old api http://api.acme-cloud.io\n', flag: 0 },
  { name: 'proxy agent', path: 'a.ts', text: "const agent = new HttpsProxyAgent('http://proxy.acme-cloud.io:3128');\n", flag: 0 },
  { name: 'curl --proxy', path: 'a.sh', text: 'curl --proxy http://proxy.acme-cloud.io:3128 https://api.acme-cloud.io\n', flag: 0 },
  { name: 'cloud metadata', path: 'a.py', text: 'requests.get("http://169.254.169.254/latest/api/token")\n', flag: 0 },
  { name: 'docker internal host', path: 'a.env', text: 'API=http://host.docker.internal:3000\n', flag: 0 },
  { name: 'Kestrel bind-all', path: 'Program.cs', text: 'builder.WebHost.UseUrls("http://*:5000", "http://+:5001");\n', flag: 0 },
  { name: 'OCSP responder', path: 'a.go', text: 'const ocsp = "http://ocsp.digicert.com"\n', flag: 0 },
  { name: 'license URL in code', path: 'a.ts', text: "const LICENSE = 'http://www.apache.org/licenses/LICENSE-2.0';\n", flag: 0 },
  { name: 'Python docstring', path: 'a.py', text: 'def f():\n    """\n    See:\n        http://docs.acme-cloud.io/f\n    """\n', flag: 0 },
  { name: 'Netlify redirect source', path: 'netlify.toml', text: '[[redirects]]\n  from = "http://acme-cloud.io/*"\n  to = "https://acme-cloud.io/:splat"\n', flag: 0 },
  { name: 'JSDoc block comment line', path: 'a.js', text: '/**\n * Client for http://api.acme-cloud.io\n */\n', flag: 0 },
  { name: 'YAML comment line inside a block', path: 'ci.yml', text: 'run: |\n  # fetch from http://mirror.acme-cloud.io if down\n  make\n', flag: 0 },
  { name: 'MSBuild package URL', path: 'Acme.csproj', text: '<PackageProjectUrl>http://github.com/acme/sdk</PackageProjectUrl>\n', flag: 0 },
  { name: 'loopback DNS names', path: 'a.ts', text: "const a = ['http://app.lvh.me:3000', 'http://x.127-0-0-1.nip.io', 'http://example.io'];\n", flag: 0 },
  { name: 'local WebSocket and news: scheme', path: 'a.ts', text: "connect('ws://localhost:8080'); open('news://x.acme-cloud.io');\n", flag: 0 },
  { name: 'helmet HSTS off in dev server', path: 'src/dev-server.ts', text: 'app.use(helmet({ hsts: false }));\n', flag: 0 },
  { name: 'Django redirect from env', path: 'settings.py', text: 'SECURE_SSL_REDIRECT = os.getenv("SSL_REDIRECT", "true") == "true"\n', flag: 0 },
  { name: 'CLI help example', path: 'cli.py', text: 'parser.add_argument("--url", help="API base, e.g. http://api.acme-cloud.io")\n', flag: 0 },
  { name: 'echo message', path: 'setup.sh', text: 'echo "Open http://acme-cloud.io/setup in your browser"\n', flag: 0 },
  { name: 'log message', path: 'a.go', text: 'log.Printf("calling %s", "http://api.acme-cloud.io")\n', flag: 0 },
  { name: 'Terraform description', path: 'main.tf', text: 'description = "Allow http://acme-cloud.io to call the API"\n', flag: 0 },
  { name: 'UI placeholder', path: 'Form.tsx', text: '<input placeholder="http://your-site.io" name="site" />\n', flag: 0 },
  { name: 'OpenAPI example', path: 'openapi.yaml', text: 'webhookUrl:\n  type: string\n  example: http://hooks.acme-cloud.io/x\n', flag: 0 },
  { name: 'Rust doc comment', path: 'a.rs', text: '/// Calls http://api.acme-cloud.io\nfn f() {}\n', flag: 0 },
];

describe('insecure-http classes of cases', () => {
  for (const c of [...FLAGGED, ...QUIET]) {
    it(`${c.flag > 0 ? 'flags' : 'stays quiet on'}: ${c.name}`, () => {
      const found = scanText(c.text, c.path, { today: '2026-01-01' }).filter(
        (f) => f.family === 'insecure-http',
      );
      assert.equal(found.length, c.flag, found.map((f) => `${f.ruleId} ${f.display}`).join('\n'));
    });
  }
});
