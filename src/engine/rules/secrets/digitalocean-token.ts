import { tokenRule } from './tokenRule';

/** DigitalOcean token: a provider-format secret (see docs/rules/secrets/digitalocean-token.md). */
export default tokenRule({
  id: 'secrets/digitalocean-token',
  title: 'DigitalOcean token',
  description:
    'A DigitalOcean personal access or OAuth token creates and destroys droplets, databases and Kubernetes clusters of the team, and reads their credentials.',
  pattern: /\b(do[opr]_v1_[a-f0-9]{64})\b/g,
  keywords: ['dop_v1_', 'doo_v1_', 'dor_v1_'],
  keywordIn: { before: 0, after: 75 },
  minEntropy: 3,
  envName: 'DIGITALOCEAN_TOKEN',
  bad: [
    {
      path: 'infra/main.tf',
      text: 'provider "digitalocean" {\n  token = "dop_v1_8fa49c5976da5ac56d47c76c7c576f2023965c6037f93e5e6cd924244d3e78b4"\n}\n',
      fixed: 'provider "digitalocean" {\n  token = var.token\n}\n',
    },
  ],
  good: [
    { path: 'infra/main.tf', text: 'provider "digitalocean" {\n  token = var.do_token\n}\n' },
  ],
});
