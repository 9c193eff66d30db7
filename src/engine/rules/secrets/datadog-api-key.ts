import { tokenRule } from './tokenRule';
import { nameBefore, textBefore, windowAround } from './util';

/** Datadog API or application key: a provider-format secret (see docs/rules/secrets/datadog-api-key.md). */
export default tokenRule({
  id: 'secrets/datadog-api-key',
  title: 'Datadog API or application key',
  description:
    'A Datadog API key submits metrics, logs and events to your account; an application key reads dashboards, monitors and logs — which often contain customer data.',
  pattern: /\b([0-9a-f]{40}|[0-9a-f]{32})\b/g,
  keywords: ['datadog', 'dd_api_key', 'dd_app_key', 'dd_application_key', 'dd-api-key', 'dd-application-key'],
  minEntropy: 3,
  envName: 'DD_API_KEY',
  /** Hex keys are Datadog's only under a Datadog name, or an api/app key name in a Datadog file. */
  validate(value, ctx, index) {
    if (/(?:dd|datadog)[_.-]?(?:api|app|application)[_.-]?key/i.test(textBefore(ctx, index, 120))) return true;
    const name = nameBefore(ctx, index) ?? '';
    return /(?:api|app|application)[_-]?key/i.test(name) && /datadog/i.test(windowAround(ctx, index, index + value.length, 400));
  },
  bad: [
    {
      path: 'datadog.yaml',
      text: 'api_key: ef86acaf57bf3312f7c890294d3d0fdb\nsite: datadoghq.eu\n',
    },
    {
      path: 'src/metrics.py',
      text: 'from datadog import initialize\noptions = {"api_key": "ef86acaf57bf3312f7c890294d3d0fdb", "app_key": "5a4c93a19c507a5cad777e71a297c4e9695d0faf"}\n',
      count: 2,
    },
    {
      path: 'src/tracing.ts',
      text: "const DD_API_KEY = 'ef86acaf57bf3312f7c890294d3d0fdb';\n",
      fixed: 'const DD_API_KEY = process.env.DD_API_KEY;\n',
    },
  ],
  good: [
    { path: 'datadog.yaml', text: 'api_key: ${DD_API_KEY}\nsite: datadoghq.eu\n' },
    { path: 'src/cache.py', text: 'cache_key = "ec79bd7e2d966b9867ab163ece7c91b0"\n' },
  ],
});
