import { tokenRule } from './tokenRule';

/** Google OAuth client secret: a provider-format secret (see docs/rules/secrets/google-oauth-client-secret.md). */
export default tokenRule({
  id: 'secrets/google-oauth-client-secret',
  title: 'Google OAuth client secret',
  description:
    `A Google OAuth client secret lets anyone run your "Sign in with Google" client: impersonate your app on the consent screen and exchange authorization codes for users' tokens.`,
  pattern: /\b(GOCSPX-[A-Za-z0-9_-]{28})(?![A-Za-z0-9_-])/g,
  keywords: ['gocspx-'],
  keywordIn: { before: 0, after: 40 },
  minEntropy: 3.5,
  envName: 'GOOGLE_CLIENT_SECRET',
  bad: [
    {
      path: 'src/auth.ts',
      text: "GoogleProvider({ clientId: 'acme.apps.googleusercontent.com', clientSecret: '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' });\n",
      fixed: "GoogleProvider({ clientId: 'acme.apps.googleusercontent.com', clientSecret: process.env.CLIENT_SECRET });\n",
    },
  ],
  good: [
    {
      path: 'src/auth.ts',
      text: 'GoogleProvider({ clientId: process.env.GOOGLE_CLIENT_ID, clientSecret: process.env.GOOGLE_CLIENT_SECRET });\n',
    },
  ],
});
