import { tokenRule } from './tokenRule';

/** Stripe secret (`sk_`), restricted (`rk_`) and webhook signing (`whsec_`) keys. Test-mode keys are reported as warnings. */
export default tokenRule({
  id: 'secrets/stripe-secret-key',
  title: 'Stripe secret key',
  description:
    'A Stripe live secret or restricted key can create charges, issue refunds and payouts and read every customer and payment of the account. A webhook signing secret lets anyone forge Stripe events to your backend. Test-mode keys cannot move money but expose test data and account configuration.',
  pattern: /(?<![A-Za-z0-9_])((?:sk|rk)_(?:live|test)_[0-9a-zA-Z]{20,247}|whsec_[A-Za-z0-9+/=]{32,100})(?![0-9A-Za-z])/g,
  keywords: ['sk_live_', 'rk_live_', 'sk_test_', 'rk_test_', 'whsec_'],
  keywordIn: { before: 0, after: 280 },
  minEntropy: 3.5,
  envName: 'STRIPE_SECRET_KEY',
  /** Stripe's own documentation keys appear in countless tutorials. */
  validate(value) {
    return !/^sk_test_(?:4eC39HqLyjWDarjtT1zdp7dc|BQokikJOvBiI2HlWgH4olfQ2|51)/.test(value);
  },
  severityOf(value) {
    return /^[sr]k_test_/.test(value) ? 'warning' : undefined;
  },
  messageOf(value) {
    return /^[sr]k_test_/.test(value)
      ? 'Stripe test-mode key hardcoded: it cannot move money but exposes test data and account settings; read it from the environment.'
      : undefined;
  },
  bad: [
    {
      path: 'src/billing.ts',
      text: "const stripe = new Stripe('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');\n",
      fixed: 'const stripe = new Stripe(process.env.STRIPE_SECRET_KEY);\n',
    },
    {
      path: 'app/billing.rb',
      text: 'Stripe.api_key = "rk_live_KoBVpZKEhAdAG7SnkNSh1Lg0"\n',
      fixed: 'Stripe.api_key = ENV["API_KEY"]\n',
    },
    {
      path: 'tests/billing.test.ts',
      text: "process.env.STRIPE_KEY ??= 'sk_test_0HtFHOG55s4zTh4nprCOocAV';\n",
    },
    {
      path: 'webhooks.py',
      text: 'endpoint_secret = "whsec_DkzjufFvzOZXiYrpC31rHK1lWHJEZnPF"\n',
    },
  ],
  good: [
    {
      path: 'src/billing.ts',
      text: 'const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);\n',
    },
    {
      path: 'src/checkout.ts',
      text: "const stripe = loadStripe('pk_live_YKMZwfeOZqa8FW7KZeqdQYIF');\n",
    },
    {
      path: 'docs/stripe.md',
      text: '`sk_test_4eC39HqLyjWDarjtT1zdp7dc` is the key from the Stripe docs.\n',
    },
  ],
});
