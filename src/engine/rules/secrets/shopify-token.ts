import { tokenRule } from './tokenRule';

/** Shopify access token or shared secret: a provider-format secret (see docs/rules/secrets/shopify-token.md). */
export default tokenRule({
  id: 'secrets/shopify-token',
  title: 'Shopify access token or shared secret',
  description:
    "Shopify Admin API access tokens and app shared secrets read and change a store's products, orders and customers.",
  pattern: /\b(shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32})\b/g,
  keywords: ['shpat_', 'shpca_', 'shppa_', 'shpss_'],
  keywordIn: { before: 0, after: 40 },
  minEntropy: 3,
  envName: 'SHOPIFY_ACCESS_TOKEN',
  bad: [
    {
      path: 'app/shop.rb',
      text: 'SHOPIFY_TOKEN = "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"\n',
      fixed: 'SHOPIFY_TOKEN = ENV["SHOPIFY_TOKEN"]\n',
    },
  ],
  good: [
    { path: 'app/shop.rb', text: 'SHOPIFY_TOKEN = ENV.fetch("SHOPIFY_TOKEN")\n' },
  ],
});
