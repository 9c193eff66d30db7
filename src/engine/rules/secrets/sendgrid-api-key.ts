import { tokenRule } from './tokenRule';

/** SendGrid API key: a provider-format secret (see docs/rules/secrets/sendgrid-api-key.md). */
export default tokenRule({
  id: 'secrets/sendgrid-api-key',
  title: 'SendGrid API key',
  description:
    'A SendGrid API key sends email as your domain (ideal for phishing your own customers) and, with full access, reads contacts and changes account settings.',
  pattern: /(?<![A-Za-z0-9_.-])(SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/g,
  keywords: ['sg.'],
  keywordIn: { before: 0, after: 75 },
  minEntropy: 3.5,
  envName: 'SENDGRID_API_KEY',
  bad: [
    {
      path: 'mailer.py',
      text: 'sg = SendGridAPIClient("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")\n',
      fixed: 'import os\nsg = SendGridAPIClient(os.environ["SENDGRID_API_KEY"])\n',
    },
    {
      path: 'src/mail.ts',
      text: "sgMail.setApiKey('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');\n",
    },
  ],
  good: [
    { path: 'src/mail.ts', text: 'sgMail.setApiKey(process.env.SENDGRID_API_KEY);\n' },
  ],
});
