import { defineRule } from '../../rule';
import type { RuleMatch } from '../../types';
import { calledUrls, httpsFix, URL_ANCHORS } from './urlCore';

/**
 * `insecure-http/http-url`: an `http://` endpoint in a string literal of source code (an API
 * base URL, a webhook, a download, a script or form target in HTML). Comments, docstrings,
 * namespaces, prefix checks, prose, tests and loopback/reserved/internal hosts are not flagged.
 */
export default defineRule({
  id: 'insecure-http/http-url',
  family: 'insecure-http',
  title: 'Plain-HTTP URL in code',
  description:
    'The code calls or links to an endpoint over plain http://. Everything sent or received — tokens, cookies, personal data, downloaded code — can be read and changed by anyone on the network path (Wi-Fi, ISP, cloud neighbours). Auditors ask for encryption in transit everywhere.',
  remediation: 'Use https:// (the server must offer TLS; most do).',
  severity: 'warning',
  confidence: 'high',
  cwe: ['CWE-319'],
  keywords: ['http://', 'ws://'],
  anchors: URL_ANCHORS,
  languages: [
    'javascript',
    'typescript',
    'python',
    'go',
    'java',
    'kotlin',
    'csharp',
    'ruby',
    'php',
    'rust',
    'c',
    'swift',
    'scala',
    'powershell',
    'html',
    'sql',
  ],
  detect(ctx) {
    return calledUrls(ctx).map((u): RuleMatch => ({
      start: u.start,
      end: u.end,
      value: u.url,
      message: `Plain-HTTP URL ${u.url}: traffic to ${u.host} is unencrypted. Use ${u.url.toLowerCase().startsWith('ws') ? 'wss' : 'https'}://.`,
      fixes: httpsFix(u),
    }));
  },
  bad: [
    {
      path: 'src/billing/client.ts',
      text: 'const api = axios.create({ baseURL: "http://api.paymentsco.io/v2", timeout: 5000 });\n',
      fixed:
        'const api = axios.create({ baseURL: "https://api.paymentsco.io/v2", timeout: 5000 });\n',
    },
    {
      path: 'app/services/geo.py',
      text: 'GEO_URL = "http://ip-api.com/json/"\nresp = requests.get(f"{GEO_URL}{ip}", timeout=3)\n',
      fixed:
        'GEO_URL = "https://ip-api.com/json/"\nresp = requests.get(f"{GEO_URL}{ip}", timeout=3)\n',
    },
    {
      path: 'internal/notify/webhook.go',
      text: 'req, _ := http.NewRequest("POST", "http://hooks.partner-crm.com/v1/events", body)\n',
      count: 1,
    },
    {
      path: 'src/realtime.ts',
      text: "const socket = new WebSocket('ws://realtime.acme-cloud.io/feed');\n",
      fixed: "const socket = new WebSocket('wss://realtime.acme-cloud.io/feed');\n",
    },
    {
      path: 'db/seeds/002_webhooks.sql',
      text: "INSERT INTO webhooks (name, url) VALUES ('erp', 'http://erp.acme-corp.com/hooks/orders');\n",
    },
    {
      path: 'src/main/java/com/acme/Inventory.java',
      text: 'private static final String BASE = "http://10.0.4.12:8080/inventory";\n',
    },
  ],
  good: [
    {
      path: 'src/dev.ts',
      text: 'const api = "http://localhost:3000/api"; // see http://docs.acme.io\n',
    },
    {
      path: 'src/svg.ts',
      text: 'const el = document.createElementNS("http://www.w3.org/2000/svg", "path");\n',
    },
    {
      path: 'src/url.ts',
      text: 'if (!url.startsWith("http://") && !url.startsWith("https://")) url = `http://${host}`;\n',
    },
    {
      path: 'app/client.py',
      text: 'BASE = "https://api.paymentsco.io/v2"\nURL = "http://api.example.com/v1"\n',
    },
    {
      path: 'db/migrations/007_roles.sql',
      text: "-- see http://www.postgresql.org/docs/current/sql-createrole.html\nINSERT INTO posts (body) VALUES ('We moved the docs to http://docs.acme-corp.com last year');\nINSERT INTO partners (name, homepage) VALUES ('Shipfast', 'http://www.shipfast-partner.com');\n",
    },
    {
      path: 'oauth2client/client.py',
      text: "post_data['grant_type'] = 'http://oauth.net/grant_type/device/1.0'\nHELP = 'See the [docs](http://docs.acme-corp.com/cli) for details'\n",
    },
    {
      path: 'graphs/clustering.py',
      text: 'def average_clustering(G):\n    r\"\"\"Average clustering.\n\n    .. [1] http://jponnela.com/web_documents/a9.pdf\n    \"\"\"\n    NS_GEXF = "http://www.gexf.net/1.2draft"\n',
    },
    {
      path: 'src/App.java',
      text: 'factory.setFeature("http://xml.org/sax/features/external-general-entities", false);\n',
    },
  ],
});
