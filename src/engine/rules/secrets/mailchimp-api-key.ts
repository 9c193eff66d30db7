import { tokenRule } from './tokenRule';

/** Mailchimp API key: a provider-format secret (see docs/rules/secrets/mailchimp-api-key.md). */
export default tokenRule({
  id: 'secrets/mailchimp-api-key',
  title: 'Mailchimp API key',
  description:
    'A Mailchimp API key reads and exports your audience (customer emails and personal data) and sends campaigns from your account.',
  pattern: /\b([0-9a-f]{32}-us\d{1,2})\b/g,
  around: [{ words: ['-us'], before: 33, after: 6 }],
  keywords: ['-us'],
  minEntropy: 3,
  envName: 'MAILCHIMP_API_KEY',
  bad: [
    {
      path: 'newsletter.py',
      text: 'client.set_config({"api_key": "9ce755c5dec88bd144a1afb1433f98c6-us14", "server": "us6"})\n',
    },
  ],
  good: [
    {
      path: 'newsletter.py',
      text: 'client.set_config({"api_key": os.environ["MAILCHIMP_API_KEY"], "server": "us6"})\n',
    },
  ],
});
