import { tokenRule } from './tokenRule';

/** Infrastructure platform token (Pulumi, Terraform Cloud, Databricks, PlanetScale): a provider-format secret (see docs/rules/secrets/infrastructure-platform-token.md). */
export default tokenRule({
  id: 'secrets/infrastructure-platform-token',
  title: 'Infrastructure platform token (Pulumi, Terraform Cloud, Databricks, PlanetScale)',
  description:
    'Tokens of infrastructure-as-code and data platforms read state files (which hold every other credential), run plans against your cloud accounts, or query production data.',
  pattern: /(?<![A-Za-z0-9_.-])(pul-[a-f0-9]{40}|[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70}|dapi[a-f0-9]{32}(?:-\d)?|pscale_(?:tkn|pw|oauth)_[A-Za-z0-9_=.-]{32,64})(?![A-Za-z0-9_=-])/g,
  keywords: ['pul-', 'atlasv1', 'dapi', 'pscale_'],
  keywordIn: { before: 15, after: 90 },
  minEntropy: 3,
  envName: 'PLATFORM_TOKEN',
  bad: [
    {
      path: 'ci/deploy.sh',
      text: 'export PULUMI_ACCESS_TOKEN=pul-13d02c3093f56eafa254c158b2e6261713999cee\n',
    },
    {
      path: '.terraformrc',
      text: 'credentials "app.terraform.io" {\n  token = "xU7CqhsXK9Kc7l.atlasv1.Qy7ZF5lf7sEw8pv3oUtRFsMcFAJzh95wZobYrULunKrtYrfXZCbqa20275JeF70BhRA"\n}\n',
    },
    {
      path: 'jobs/etl.py',
      text: 'DATABRICKS_TOKEN = "dapi686801190b4eee74a53d9e98af6d3c0e"\n',
      fixed: 'import os\nDATABRICKS_TOKEN = os.environ["DATABRICKS_TOKEN"]\n',
    },
    {
      path: 'src/db.ts',
      text: "const password = 'pscale_tkn_BSzG5SlJ98pe-hDIsGGPGuKIadWbieMjyuO1kS--7na';\n",
    },
  ],
  good: [
    { path: 'ci/deploy.sh', text: 'export PULUMI_ACCESS_TOKEN="$PULUMI_TOKEN_FROM_CI"\n' },
  ],
});
