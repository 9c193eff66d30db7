import { defineRule } from '../../rule';
import type { RuleMatch } from '../../types';
import { calledUrls, httpsFix, isConfigText, URL_ANCHORS } from './urlCore';

/**
 * `insecure-http/http-url-config`: an `http://` endpoint as a config value — `.env`, YAML
 * (compose, Kubernetes, CI, OpenAPI `servers`), JSON, TOML, INI, `.properties`, XML values,
 * Terraform, Dockerfile `ENV`/`ARG`/`ADD`/`RUN curl`, shell scripts, nginx `return`/`rewrite`.
 * Unquoted values count; comments, namespaces, proxies (`HTTPS_PROXY=http://…`) and
 * loopback/reserved/internal hosts do not. `proxy_pass` has its own rule.
 */
export default defineRule({
  id: 'insecure-http/http-url-config',
  family: 'insecure-http',
  title: 'Plain-HTTP URL in configuration',
  description:
    'A configuration value points software at an endpoint over plain http:// (an API, a webhook, a package registry, a download). Whatever travels over it — credentials, personal data, packages you then execute — can be read and altered in transit.',
  remediation: 'Use https:// in the value (and in every environment that overrides it).',
  severity: 'warning',
  confidence: 'high',
  cwe: ['CWE-319'],
  keywords: ['http://', 'ws://'],
  anchors: URL_ANCHORS,
  languages: [
    'yaml',
    'json',
    'toml',
    'ini',
    'properties',
    'dotenv',
    'xml',
    'terraform',
    'dockerfile',
    'shell',
    'nginx',
    'apache',
    'haproxy',
    'text',
  ],
  detect(ctx) {
    if (ctx.language === 'text' && !isConfigText(ctx.path)) return [];
    return calledUrls(ctx).map((u): RuleMatch => ({
      start: u.start,
      end: u.end,
      value: u.url,
      message: `Plain-HTTP URL ${u.url} in configuration: traffic to ${u.host} is unencrypted. Use ${u.url.toLowerCase().startsWith('ws') ? 'wss' : 'https'}://.`,
      fixes: httpsFix(u),
    }));
  },
  bad: [
    {
      path: 'requirements.txt',
      text: '--index-url http://pypi.acme-corp.io/simple\nrequests==2.32.3\n',
      fixed: '--index-url https://pypi.acme-corp.io/simple\nrequests==2.32.3\n',
    },
    {
      path: 'web/src/styles/main.css',
      text: '@import url("http://fonts.acme-cdn.com/css?family=Inter");\n.logo { background: url(http://cdn.acme-static.com/logo.png); }\n',
      count: 2,
    },
    {
      path: 'notebooks/churn.ipynb',
      text: '{"cells": [{"cell_type": "code", "source": [\n  "df = pd.read_csv(\\"http://exports.acme-analytics.com/churn.csv\\")\\n"\n]}]}\n',
    },
    {
      path: '.env.production',
      text: 'NODE_ENV=production\nPAYMENTS_API_URL=http://api.paymentsco.io/v2\n',
      fixed: 'NODE_ENV=production\nPAYMENTS_API_URL=https://api.paymentsco.io/v2\n',
    },
    {
      path: 'k8s/deployment.yaml',
      text: 'env:\n  - name: WEBHOOK_URL\n    value: "http://hooks.partner-crm.com/v1/events"\n',
      fixed: 'env:\n  - name: WEBHOOK_URL\n    value: "https://hooks.partner-crm.com/v1/events"\n',
    },
    {
      path: 'src/main/resources/application.properties',
      text: 'search.endpoint=http://search.acme-corp.io:9200\n',
      count: 1,
    },
    {
      path: 'Dockerfile',
      text: 'FROM node:20-slim\nRUN curl -fsSL http://deb.nodesource.com/setup_20.x | bash -\n',
      fixed: 'FROM node:20-slim\nRUN curl -fsSL https://deb.nodesource.com/setup_20.x | bash -\n',
    },
  ],
  good: [
    {
      path: 'surface/redis/create.yaml',
      text: 'help_text: |\n  Redis configs, see\n  http://redis.io/topics/config. Currently supported:\ndescription: >-\n  Read the [guide](http://cloud.acme-docs.com/guide) first.\n',
    },
    {
      path: 'src/main/resources/application.properties',
      text: 'billing.docs-url=http://docs.acme-finance.com/billing\nops.runbook-url=http://wiki.acme.io/runbooks/billing\n',
    },
    {
      path: 'infra/s3.tf',
      text: 'grant {\n  type = "Group"\n  uri  = "http://acs.amazonaws.com/groups/s3/LogDelivery"\n}\n',
    },
    {
      path: 'package.json',
      text: '{\n  "contributors": [\n    "Jane Doe <jane@acme.io> (http://jane-doe.dev)",\n    { "name": "Bob", "web": "http://bob.dev" }\n  ]\n}\n',
    },
    {
      path: 'web/src/styles/main.css',
      text: '/* Palette from http://colors.acme-design.com */\n.a::after { content: "http://acme.io"; }\n',
    },
    {
      path: 'docker-compose.yml',
      text: 'environment:\n  - API_URL=http://api:8080\n  - HTTPS_PROXY=http://proxy.corp.acme.com:3128\n',
    },
    {
      path: 'config.yaml',
      text: '# docs: http://docs.acme.io\nurl: http://localhost:8080\nother: http://dev.acme.test\n',
    },
    { path: 'notes.txt', text: 'The old API was at http://api.paymentsco.io/v1\n' },
    {
      path: 'requirements.txt',
      text: '# mirror: http://pypi.acme-corp.io/simple\nrequests==2.32.3\n',
    },
    {
      path: 'pom.xml',
      text: '<project xmlns="http://maven.apache.org/POM/4.0.0"\n  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n',
    },
    {
      path: 'schema.json',
      text: '{ "$schema": "http://json-schema.org/draft-07/schema#", "type": "object" }\n',
    },
  ],
});
