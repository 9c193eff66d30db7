import { tokenRule } from './tokenRule';

/** Discord webhook URL: a provider-format secret (see docs/rules/secrets/discord-webhook.md). */
export default tokenRule({
  id: 'secrets/discord-webhook',
  title: 'Discord webhook URL',
  description:
    'A Discord webhook URL lets anyone post (and with the token, edit or delete the webhook) in the channel it belongs to, under any name and avatar.',
  pattern: /(https:\/\/(?:ptb\.|canary\.)?discord(?:app)?\.com\/api\/(?:v\d{1,2}\/)?webhooks\/\d{17,20}\/[A-Za-z0-9_-]{60,70})/g,
  keywords: ['discord'],
  minEntropy: 3,
  envName: 'DISCORD_WEBHOOK_URL',
  bad: [
    {
      path: 'alerts.py',
      text: 'DISCORD_WEBHOOK_URL = "https://discord.com/api/webhooks/3944265043022375871/P8UlT83HoT3SOOfWMx7N3y5PpW8UkBqV8xz7jFDz7GzLCVf82j4Ub69MOd7w_U0_GIew"\n',
      fixed: 'import os\nDISCORD_WEBHOOK_URL = os.environ["DISCORD_WEBHOOK_URL"]\n',
    },
  ],
  good: [
    {
      path: 'alerts.py',
      text: 'requests.post(os.environ["DISCORD_WEBHOOK_URL"], json=payload)\n',
    },
  ],
});
