import { tokenRule } from './tokenRule';

/** LaunchDarkly server-side SDK key or API access token (see docs/rules/secrets/launchdarkly-sdk-key.md). */
export default tokenRule({
  id: 'secrets/launchdarkly-sdk-key',
  title: 'LaunchDarkly SDK key or API token',
  description:
    'A LaunchDarkly server-side SDK key (`sdk-…`) reads every flag rule and segment of its environment, including targeted user keys; an API access token (`api-…`) can change flags in production.',
  pattern: /\b((?:sdk|api)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![0-9a-f-])/g,
  keywords: ['sdk-', 'launchdarkly'],
  minEntropy: 3,
  envName: 'LAUNCHDARKLY_SDK_KEY',
  // `api-<uuid>` is also a common id shape; only near LaunchDarkly does it name the token.
  validate: (value, ctx, index) =>
    value.startsWith('sdk-') || /launchdarkly|ld_?api|ldclient/i.test(ctx.text.slice(Math.max(0, index - 300), index + 300)),
  bad: [
    {
      path: 'server/flags.js',
      text: "const ld = LaunchDarkly.init('sdk-7f3a9c2e-1b4d-4e6f-8a0c-5d2b9e7f1a3c');\n",
      fixed: 'const ld = LaunchDarkly.init(process.env.LAUNCHDARKLY_SDK_KEY);\n',
    },
  ],
  good: [
    { path: 'server/flags.js', text: 'const ld = LaunchDarkly.init(process.env.LAUNCHDARKLY_SDK_KEY);\n' },
    { path: 'src/routes.ts', text: "const route = 'api-7f3a9c2e-1b4d-4e6f-8a0c-5d2b9e7f1a3c';\n" },
  ],
});
