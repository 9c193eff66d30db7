import { tokenRule } from './tokenRule';
import { textBefore } from './util';

/** Postmark server or account token: a provider-format secret (see docs/rules/secrets/postmark-token.md). */
export default tokenRule({
  id: 'secrets/postmark-token',
  title: 'Postmark server or account token',
  description:
    'A Postmark server token sends email as your domain; an account token manages every server, domain and sender signature of the account.',
  pattern: /\b([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b/g,
  keywords: ['postmark'],
  minEntropy: 3,
  envName: 'POSTMARK_SERVER_TOKEN',
  /** A UUID is a Postmark token only when Postmark is named on its line. */
  validate(_value, ctx, index) {
    return /postmark/i.test(textBefore(ctx, index, 120));
  },
  bad: [
    {
      path: 'src/mail.ts',
      text: "const client = new postmark.ServerClient('eb444868-447d-51ec-44d0-04152e5c6217');\n",
      fixed: 'const client = new postmark.ServerClient(process.env.POSTMARK_SERVER_TOKEN);\n',
    },
  ],
  good: [
    {
      path: 'src/mail.ts',
      text: 'const client = new postmark.ServerClient(process.env.POSTMARK_SERVER_TOKEN);\n',
    },
    {
      path: 'src/mail.ts',
      text: "// postmark templates\nconst templateUuid = '37a6bd48-13c6-fd75-fd63-91860bca2871';\n",
    },
  ],
});
