import { tokenRule } from './tokenRule';

/** New Relic API or license key: a provider-format secret (see docs/rules/secrets/new-relic-key.md). */
export default tokenRule({
  id: 'secrets/new-relic-key',
  title: 'New Relic API or license key',
  description:
    'A New Relic user API key queries all telemetry of the account (NerdGraph); license and insert keys send data into it, which allows poisoning dashboards and alerts.',
  pattern: /\b(NRAK-[A-Z0-9]{27}|NRII-[A-Za-z0-9_-]{32}|[A-Fa-f0-9]{36}NRAL)\b/g,
  keywords: ['nrak-', 'nrii-', 'nral'],
  keywordIn: { before: 36, after: 40 },
  minEntropy: 3,
  envName: 'NEW_RELIC_LICENSE_KEY',
  bad: [
    {
      path: 'newrelic.yml',
      text: 'common: &default_settings\n  license_key: 5cfc1729722d4ef76c2728ca70dac903b40cNRAL\n',
    },
    {
      path: 'scripts/query.js',
      text: "const NEW_RELIC_API_KEY = 'NRAK-JZMFF74RP2SPLSCSA0281QK357R';\n",
      fixed: 'const NEW_RELIC_API_KEY = process.env.NEW_RELIC_API_KEY;\n',
    },
  ],
  good: [
    {
      path: 'newrelic.yml',
      text: `common: &default_settings\n  license_key: '<%= ENV["NEW_RELIC_LICENSE_KEY"] %>'\n`,
    },
  ],
});
