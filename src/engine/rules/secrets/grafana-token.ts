import { tokenRule } from './tokenRule';

/** Grafana service-account or cloud token: a provider-format secret (see docs/rules/secrets/grafana-token.md). */
export default tokenRule({
  id: 'secrets/grafana-token',
  title: 'Grafana service-account or cloud token',
  description:
    'Grafana tokens read dashboards and data sources (and through them, your databases) or manage the Grafana Cloud stack.',
  pattern: /(?<![A-Za-z0-9_+/-])(glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}|glc_[A-Za-z0-9+/]{32,400}={0,3}|eyJrIjoi[A-Za-z0-9]{70,400}={0,3})(?![A-Za-z0-9+/=_])/g,
  keywords: ['glsa_', 'glc_', 'eyjrijoi'],
  keywordIn: { before: 0, after: 430 },
  minEntropy: 3.5,
  envName: 'GRAFANA_TOKEN',
  bad: [
    {
      path: 'provisioning/alloy.yaml',
      text: 'grafana_cloud:\n  token: glc_xZGWNrZPNaxNcnUIwTxjZBPkordLK4Krfq9kpJLMlG70OfWDQxWy3SszXq0l==\n',
    },
    {
      path: 'scripts/dash.py',
      text: 'GRAFANA_TOKEN = "glsa_09LlOzonP46Fso0P89hIebYj9QYW2tni_9578c6e8"\n',
      fixed: 'import os\nGRAFANA_TOKEN = os.environ["GRAFANA_TOKEN"]\n',
    },
  ],
  good: [
    { path: 'scripts/dash.py', text: 'GRAFANA_TOKEN = os.environ["GRAFANA_TOKEN"]\n' },
  ],
});
