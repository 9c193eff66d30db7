import { tokenRule } from './tokenRule';

/** Square access token or OAuth secret: a provider-format secret (see docs/rules/secrets/square-token.md). */
export default tokenRule({
  id: 'secrets/square-token',
  title: 'Square access token or OAuth secret',
  description:
    'A Square access token takes payments, issues refunds and reads customer and order data of the seller account; the OAuth application secret mints tokens for every seller connected to your app.',
  pattern: /(?<![A-Za-z0-9_-])(EAAA[A-Za-z0-9_-]{60}|sq0atp-[A-Za-z0-9_-]{22}|sq0csp-[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/g,
  keywords: ['eaaa', 'sq0atp-', 'sq0csp-'],
  keywordIn: { before: 0, after: 70 },
  minEntropy: 3.5,
  envName: 'SQUARE_ACCESS_TOKEN',
  bad: [
    {
      path: 'src/payments.ts',
      text: "const client = new Client({ accessToken: 'EAAAY_kat-MS1a3grWKHeOudWGy5zkLlia8LZxVH08-mtXmyzI3cEuv6a9gfVT5Z' });\n",
      fixed: 'const client = new Client({ accessToken: process.env.ACCESS_TOKEN });\n',
    },
    {
      path: 'config/square.yml',
      text: 'oauth:\n  application_secret: sq0csp-69f-VQhY_uFRn06PL2MyLVcN3WPStowtcp6WUbKSt0d\n',
    },
  ],
  good: [
    {
      path: 'src/payments.ts',
      text: 'const client = new Client({ accessToken: process.env.SQUARE_ACCESS_TOKEN });\n',
    },
  ],
});
