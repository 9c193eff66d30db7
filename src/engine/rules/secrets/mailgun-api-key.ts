import { tokenRule } from './tokenRule';
import { windowAround } from './util';

/** Mailgun API key: a provider-format secret (see docs/rules/secrets/mailgun-api-key.md). */
export default tokenRule({
  id: 'secrets/mailgun-api-key',
  title: 'Mailgun API key',
  description:
    'A Mailgun private API key sends email from your domains and reads logs, routes and mailing lists.',
  pattern: /\b(key-[0-9a-f]{32}|[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8})\b/g,
  keywords: ['key-', 'mailgun'],
  // `key-…` starts at its prefix; the hex format needs Mailgun named within 300 characters.
  around: [
    { words: ['key-'], before: 0, after: 40 },
    { words: ['mailgun', 'mg_', 'mg-'], before: 360, after: 360 },
  ],
  minEntropy: 3,
  envName: 'MAILGUN_API_KEY',
  /** The newer key format (hex-hex-hex) is only Mailgun's when Mailgun is named nearby. */
  validate(value, ctx, index) {
    return value.startsWith('key-') || /mailgun|\bmg[_-]/i.test(windowAround(ctx, index, index + value.length, 300));
  },
  bad: [
    {
      path: 'src/mail.js',
      text: "const mg = mailgun.client({ username: 'api', key: 'key-533394d772fea2f4fd3202e1ef66565b' });\n",
      fixed: "const mg = mailgun.client({ username: 'api', key: process.env.KEY });\n",
    },
    {
      path: 'config/mail.yml',
      text: 'mailgun:\n  api_key: addd9fe17ad81feb52c5edeb0dc5988e-8aec2865-f0a28c85\n',
    },
  ],
  good: [
    {
      path: 'src/mail.js',
      text: "const mg = mailgun.client({ username: 'api', key: process.env.MAILGUN_API_KEY });\n",
    },
    {
      path: 'src/ids.js',
      text: "const traceId = 'd328ee1e0806d5605f7cf0b7b493f19a-c9ef2af5-b16d0cd1';\n",
    },
  ],
});
