import { tokenRule } from './tokenRule';

/** Sentry auth token or secret DSN: a provider-format secret (see docs/rules/secrets/sentry-credential.md). */
export default tokenRule({
  id: 'secrets/sentry-credential',
  title: 'Sentry auth token or secret DSN',
  description:
    'A Sentry auth token reads every event of the organisation (stack traces, request data, user details) and manages projects; a DSN with its secret part lets anyone flood or poison the project.',
  pattern: /(https?:\/\/[0-9a-f]{32}:[0-9a-f]{32}@[A-Za-z0-9.-]{1,100}(?::\d{1,5})?\/\d{1,12}|\bsntrys_eyJ[A-Za-z0-9+/=]{40,400}_[A-Za-z0-9+/]{43}|\bsntryu_[a-f0-9]{64})/g,
  keywords: ['sntrys_', 'sntryu_', 'sentry'],
  minEntropy: 3,
  envName: 'SENTRY_AUTH_TOKEN',
  bad: [
    {
      path: 'settings.py',
      text: 'sentry_sdk.init(dsn="https://4beecee058221ba72e2314b720ab0ac9:250d42138e3961615cfe783b2549694f@o051909.ingest.sentry.io/8966091")\n',
    },
    {
      path: '.sentryclirc',
      text: '[auth]\ntoken=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\n',
    },
  ],
  good: [
    {
      path: 'src/sentry.ts',
      text: "Sentry.init({ dsn: 'https://4aeb13dc998156f6d9082c62d80b9e1b@o989310.ingest.sentry.io/6916292' });\n",
    },
    { path: 'src/sentry.ts', text: 'Sentry.init({ dsn: process.env.SENTRY_DSN });\n' },
  ],
});
