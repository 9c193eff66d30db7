import { tokenRule } from './tokenRule';

/** Microsoft Teams webhook URL: a provider-format secret (see docs/rules/secrets/teams-webhook.md). */
export default tokenRule({
  id: 'secrets/teams-webhook',
  title: 'Microsoft Teams webhook URL',
  description:
    'A Teams incoming-webhook (or Power Automate workflow) URL lets anyone post cards into the channel, an easy way to phish your team from inside a trusted tool.',
  pattern: /(https:\/\/[a-z0-9-]{1,60}\.webhook\.office\.com\/webhookb2\/[A-Za-z0-9@\/-]{60,300}|https:\/\/[a-z0-9.-]{1,80}\.logic\.azure\.com(?::443)?\/workflows\/[0-9a-f]{32}\/triggers\/[A-Za-z0-9_\/]{1,60}\?[^\s"'<>]{0,300}?sig=[A-Za-z0-9_%-]{20,100})/g,
  keywords: ['webhook.office.com', 'logic.azure.com'],
  minEntropy: 3,
  envName: 'TEAMS_WEBHOOK_URL',
  bad: [
    {
      path: 'src/alert.ts',
      text: "const teamsWebhookUrl = 'https://acme.webhook.office.com/webhookb2/995b77fd-5139-c212-d05c-5f931c7ce2a6@aacd02c1-62a5-032d-dc3b-0eaba8db89f3/IncomingWebhook/83cc3a14c37a1d2a57479ca3479302b0/2e2b053e-22d2-27d5-08ec-1f77f4075173';\n",
      fixed: 'const teamsWebhookUrl = process.env.TEAMS_WEBHOOK_URL;\n',
    },
  ],
  good: [
    {
      path: 'src/alert.ts',
      text: 'const teamsWebhookUrl = process.env.TEAMS_WEBHOOK_URL;\n',
    },
  ],
});
