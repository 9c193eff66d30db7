import { tokenRule } from './tokenRule';

/** Slack token: a provider-format secret (see docs/rules/secrets/slack-token.md). */
export default tokenRule({
  id: 'secrets/slack-token',
  title: 'Slack token',
  description:
    'Slack bot, user, app-level and configuration tokens read and post messages, list channels and users, and download files in your workspace: a leaked token exposes internal conversations.',
  pattern: /(?<![A-Za-z0-9_-])(xox[bpaoers]-(?:\d-)?[0-9A-Za-z-]{10,250}|xoxe\.xox[bp]-\d-[A-Za-z0-9]{100,200}|xapp-\d-[A-Z0-9]{8,14}-\d{8,16}-[a-z0-9]{32,80})(?![A-Za-z0-9-])/g,
  keywords: ['xoxb-', 'xoxp-', 'xoxa-', 'xoxo-', 'xoxe', 'xoxr-', 'xoxs-', 'xapp-'],
  keywordIn: { before: 0, after: 280 },
  minEntropy: 3,
  envName: 'SLACK_BOT_TOKEN',
  /** Real tokens carry numeric team/user ids; prose like "xoxb-your-token-here" does not. */
  validate(value) {
    return /\d{6,}/.test(value);
  },
  bad: [
    {
      path: 'src/slack.ts',
      text: "const app = new App({ token: 'xoxb-695969150548-8338529203628-ACZusXt7fUxfaDQTkCeJN8ML' });\n",
      fixed: 'const app = new App({ token: process.env.TOKEN });\n',
    },
    {
      path: 'bot.py',
      text: 'client = WebClient(token="xoxp-006825132524-702379347960-1869407460867-84292e8f6f4c36aace1ca8719b4f708c")\n',
    },
    {
      path: '.env.production',
      text: 'SLACK_APP_TOKEN=xapp-1-AUHRLBJ71FK-1302375175592-4b36669aed1e3a5cb36389813234ae10b67aa43c0cf52a7de7f4105a0f984b15\n',
    },
  ],
  good: [
    {
      path: 'src/slack.ts',
      text: 'const app = new App({ token: process.env.SLACK_BOT_TOKEN });\n',
    },
    {
      path: 'README.md',
      text: 'Paste your bot token (it starts with `xoxb-your-token`) into `.env`.\n',
    },
  ],
});
