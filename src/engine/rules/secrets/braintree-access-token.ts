import { tokenRule } from './tokenRule';

/** PayPal Braintree access token: a provider-format secret (see docs/rules/secrets/braintree-access-token.md). */
export default tokenRule({
  id: 'secrets/braintree-access-token',
  title: 'PayPal Braintree access token',
  description:
    'A Braintree (PayPal) access token processes payments and reads transaction data for the merchant account. Sandbox tokens are reported as warnings.',
  pattern: /\b(access_token\$(?:production|sandbox)\$[0-9a-z]{16}\$[0-9a-f]{32})\b/g,
  keywords: ['access_token$'],
  keywordIn: { before: 0, after: 80 },
  minEntropy: 3,
  envName: 'BRAINTREE_ACCESS_TOKEN',
  severityOf(value) {
    return value.includes('$sandbox$') ? 'warning' : undefined;
  },
  bad: [
    {
      path: 'src/paypal.js',
      text: "const gateway = new braintree.BraintreeGateway({ accessToken: 'access_token$production$o1sj46ygyryld34z$0f969437626bda6cb818c2ab40711a51' });\n",
      fixed: 'const gateway = new braintree.BraintreeGateway({ accessToken: process.env.ACCESS_TOKEN });\n',
    },
  ],
  good: [
    {
      path: 'src/paypal.js',
      text: 'const gateway = new braintree.BraintreeGateway({ accessToken: process.env.BRAINTREE_ACCESS_TOKEN });\n',
    },
  ],
});
