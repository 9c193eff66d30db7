import { tokenRule } from './tokenRule';

/** Slack incoming webhook URL: a provider-format secret (see docs/rules/secrets/slack-webhook.md). */
export default tokenRule({
  id: 'secrets/slack-webhook',
  title: 'Slack incoming webhook URL',
  description:
    'A Slack incoming-webhook URL is a bearer credential: anyone holding it can post messages into your channel, which makes it a ready-made phishing channel to your team.',
  pattern: /(https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9_/+-]{20,120})/g,
  keywords: ['hooks.slack.com'],
  minEntropy: 3,
  envName: 'SLACK_WEBHOOK_URL',
  bad: [
    {
      path: 'src/notify.ts',
      text: "const SLACK_WEBHOOK_URL = 'https://hooks.slack.com/services/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';\n",
      fixed: 'const SLACK_WEBHOOK_URL = process.env.SLACK_WEBHOOK_URL;\n',
    },
    {
      path: 'alertmanager.yml',
      text: 'receivers:\n  - name: ops\n    slack_configs:\n      - api_url: https://hooks.slack.com/services/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\n',
    },
  ],
  good: [
    {
      path: 'README.md',
      text: 'Set SLACK_WEBHOOK_URL to https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX\n',
    },
    {
      path: 'src/notify.ts',
      text: "await fetch(process.env.SLACK_WEBHOOK_URL!, { method: 'POST', body });\n",
    },
  ],
});
