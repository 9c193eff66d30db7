import { GENERIC_LANGUAGES, isConfigText } from './genericLanguages';
import { replaceFix, tlsRule } from './tlsRule';
import { findOldVersionSettings, OLD_TOKEN_WORDS } from './versionSettings';

/**
 * Old protocol versions in settings of any config format or code: Spring
 * `server.ssl.enabled-protocols`, Kafka `ssl.enabled.protocols`, ingress-nginx `ssl-protocols`,
 * Tomcat `sslEnabledProtocols`, Azure `min_tls_version = "TLS1_0"`, GCP `TLS_1_0`, Traefik
 * `VersionTLS10`, Envoy `TLSv1_0`, Vault/Consul `tls10`, OpenVPN `tls-version-min 1.0`.
 */
export default tlsRule({
  id: 'weak-tls/generic-old-tls-version',
  title: 'Configuration allows SSL or TLS 1.0/1.1',
  description:
    'A minimum TLS version of 1.0 or 1.1, or a protocol list that includes SSLv3, TLSv1 or TLSv1.1, lets clients negotiate protocols deprecated by RFC 8996 and open to downgrade and padding attacks. Cloud consoles, Spring, Kafka, ingress controllers and proxies all have such a setting; auditors check every one for TLS 1.2 as the floor.',
  remediation: 'Set the minimum to TLS 1.2 in that setting\'s own spelling (`TLSv1.2`, `TLS1_2`, `TLS_1_2`, `1.2`, `VersionTLS12`) and remove older entries from protocol lists.',
  severity: 'warning',
  confidence: 'medium',
  cwe: ['CWE-326', 'CWE-327'],
  // Every old token and every key of the numeric form contains one of these.
  keywords: ['tls', 'ssl'],
  languages: [...GENERIC_LANGUAGES, 'text'],
  patterns: [
    {
      // Numeric versions need a key that says TLS: `min_tls_version = "1.0"`, `tls-version-min 1.1`.
      // Terraform aligns `=` across a block, so the gap before it can be wide.
      re: /(?<![\w.-])(?:[\w.-]{0,60}[._-])?(?:min(?:imum)?[-_.]?(?:tls|ssl)[-_.]?(?:protocol[-_.]?)?version|(?:tls|ssl)[-_.]?(?:version[-_.]?)?min(?:imum)?(?:[-_.]?version)?|minimal[-_.]?tls[-_.]?version(?:[-_.]?enforced)?)["']?[ \t]{0,40}(?::|=(?!=)|\s)[ \t]{0,40}(["']?)(1\.[01])\1(?![\w.])/i,
      // The value is 1.0 or 1.1, at most ~220 characters after the key's start.
      near: { anchor: /1\.[01]/g, before: 230, after: 4, literals: { words: ['1.0', '1.1'], longest: 3 } },
      group: 2,
      message: (h) => `TLS minimum ${h.value} allows a deprecated protocol: set it to 1.2.`,
      fixes: (h) => [replaceFix('Raise the minimum to 1.2', h.start, h.end, '1.2', true)],
    },
    {
      // Rust: reqwest `tls::Version::TLS_1_0`, native-tls `Protocol::Tlsv10`/`Sslv3`.
      re: /\b(?:tls::)?Version::TLS_1_[01]\b|\bProtocol::(?:Sslv3|Tlsv10|Tlsv11)\b/,
      requires: ['version::tls_1_', 'protocol::'],
      region: 'code',
      message: (h) => (h.ctx.language === 'rust' ? `${h.value} allows a deprecated protocol: use TLS 1.2 as the minimum.` : undefined),
    },
    {
      // Azure Cosmos DB spells TLS 1.0 as a bare `Tls` (`minimal_tls_version = "Tls"`, ARM `minimalTlsVersion`).
      re: /\b(?:minimal_tls_version|minimalTlsVersion)["']?[ \t]{0,40}[:=][ \t]{0,40}["'](Tls)["']/,
      requires: ['minimal_tls_version', 'minimaltlsversion'],
      group: 1,
      message: 'Cosmos DB minimal TLS version "Tls" is TLS 1.0: set it to Tls12.',
      fixes: (h) => [replaceFix('Raise the minimum to Tls12', h.start, h.end, 'Tls12', true)],
    },
    {
      // Azure Application Gateway predefined policies that allow TLS 1.0/1.1.
      re: /\bAppGwSslPolicy(?:20150501|20170401)(?![\w])/,
      requires: ['appgwsslpolicy'],
      message: (h) => `${h.value} accepts TLS 1.0/1.1: use AppGwSslPolicy20220101 (or 20170401S).`,
      fixes: (h) => [replaceFix('Use AppGwSslPolicy20220101', h.start, h.end, 'AppGwSslPolicy20220101', true)],
    },
  ],
  // findOldVersionSettings tries its old-version tokens only at these.
  anchors: OLD_TOKEN_WORDS,
  postProcess: (matches, ctx) => (isConfigText(ctx.path, ctx.language) ? [...matches, ...findOldVersionSettings(ctx)] : []),
  bad: [
    { path: 'src/client.rs', text: 'Client::builder().min_tls_version(reqwest::tls::Version::TLS_1_0).build()\n' },
    {
      path: 'src/main/resources/application.properties',
      text: 'server.port=8443\nserver.ssl.enabled=true\nserver.ssl.enabled-protocols=TLSv1,TLSv1.1,TLSv1.2\n',
      fixed: 'server.port=8443\nserver.ssl.enabled=true\nserver.ssl.enabled-protocols=TLSv1.2\n',
      count: 1,
    },
    {
      path: 'src/main/resources/application.yml',
      text: 'server:\n  ssl:\n    enabled-protocols:\n      - TLSv1.1\n      - TLSv1.2\n',
    },
    {
      path: 'infra/storage.tf',
      text: 'resource "azurerm_storage_account" "main" {\n  name                     = "acmeprod"\n  min_tls_version          = "TLS1_0"\n}\n',
      fixed: 'resource "azurerm_storage_account" "main" {\n  name                     = "acmeprod"\n  min_tls_version          = "TLS1_2"\n}\n',
    },
    {
      path: 'infra/app.tf',
      text: 'site_config {\n  always_on           = true\n  minimum_tls_version = "1.0"\n}\n',
      fixed: 'site_config {\n  always_on           = true\n  minimum_tls_version = "1.2"\n}\n',
    },
    {
      path: 'infra/lb.tf',
      text: 'resource "google_compute_ssl_policy" "web" {\n  name            = "web"\n  profile         = "MODERN"\n  min_tls_version = "TLS_1_0"\n}\n',
      fixed: 'resource "google_compute_ssl_policy" "web" {\n  name            = "web"\n  profile         = "MODERN"\n  min_tls_version = "TLS_1_2"\n}\n',
    },
    {
      path: 'k8s/ingress-nginx-configmap.yaml',
      text: 'kind: ConfigMap\ndata:\n  ssl-protocols: "TLSv1 TLSv1.1 TLSv1.2"\n',
      fixed: 'kind: ConfigMap\ndata:\n  ssl-protocols: "TLSv1.2"\n',
    },
    { path: 'traefik/dynamic.yml', text: 'tls:\n  options:\n    default:\n      minVersion: VersionTLS10\n', fixed: 'tls:\n  options:\n    default:\n      minVersion: VersionTLS12\n' },
    { path: 'conf/server.xml', text: '<Connector port="8443" SSLEnabled="true" sslEnabledProtocols="TLSv1,TLSv1.1,TLSv1.2" />\n' },
    {
      path: 'infra/sql.tf',
      text: 'resource "azurerm_mssql_server" "main" {\n  version                       = "12.0"\n  minimum_tls_version           = "1.0"\n}\n',
      fixed: 'resource "azurerm_mssql_server" "main" {\n  version                       = "12.0"\n  minimum_tls_version           = "1.2"\n}\n',
    },
    { path: 'src/main/resources/application.properties', text: 'spring.rabbitmq.ssl.enabled=true\nspring.rabbitmq.ssl.algorithm=TLSv1\n' },
    {
      path: 'infra/cosmos.tf',
      text: 'resource "azurerm_cosmosdb_account" "main" {\n  minimal_tls_version = "Tls"\n}\n',
      fixed: 'resource "azurerm_cosmosdb_account" "main" {\n  minimal_tls_version = "Tls12"\n}\n',
    },
  ],
  good: [
    { path: 'src/main/resources/application.properties', text: 'server.ssl.enabled-protocols=TLSv1.2,TLSv1.3\n' },
    { path: 'infra/storage.tf', text: 'min_tls_version = "TLS1_2"\n' },
    { path: 'infra/cosmos.tf', text: 'minimal_tls_version = "Tls12"\n' },
    { path: 'config/app.yaml', text: 'description: "We dropped TLSv1 and TLSv1.1 in 2023"\nversion: 1.0\n' },
    { path: 'config/app.yaml', text: '# ssl-protocols: TLSv1 TLSv1.1\nssl-protocols: TLSv1.2 TLSv1.3\n' },
    { path: 'package.json', text: '{ "name": "tls1-client", "version": "1.0.0" }\n' },
    { path: 'config/openssl.yaml', text: 'ssl_options: "-TLSv1 -TLSv1.1 !SSLv3"\n' },
    { path: 'src/tls/validate.js', text: "const BANNED_PROTOCOLS = ['SSLv3', 'TLSv1', 'TLSv1.1'];\nif (BANNED_PROTOCOLS.includes(opts.minVersion)) throw new Error('old TLS');\n" },
    { path: 'src/main/java/com/acme/Tls.java', text: 'private static final Set<String> DISALLOWED_PROTOCOLS = Set.of("SSLv3", "TLSv1", "TLSv1.1");\n' },
    { path: 'conf/java.security', text: 'jdk.tls.disabledAlgorithms=SSLv3, TLSv1, TLSv1.1, RC4, DES, MD5withRSA\n' },
  ],
});
