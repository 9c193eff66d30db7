import { tokenRule } from './tokenRule';
import { nameBefore, textBefore } from './util';

/** Algolia admin or write API key: a provider-format secret (see docs/rules/secrets/algolia-admin-key.md). */
export default tokenRule({
  id: 'secrets/algolia-admin-key',
  title: 'Algolia admin or write API key',
  description:
    'An Algolia admin (or write) API key deletes and rewrites your search indices and reads their records; only the search-only key may ship to browsers.',
  pattern: /\b([a-f0-9]{32})\b/g,
  keywords: ['algolia'],
  minEntropy: 3,
  envName: 'ALGOLIA_ADMIN_KEY',
  /** Only admin/write keys: the search-only key is public by design. */
  validate(_value, ctx, index) {
    const name = nameBefore(ctx, index) ?? '';
    if (/search|public/i.test(name)) return false;
    return /admin|write/i.test(name) || (/algolia/i.test(textBefore(ctx, index, 120)) && /api[_-]?key/i.test(name));
  },
  bad: [
    {
      path: 'scripts/reindex.js',
      text: "const ALGOLIA_ADMIN_KEY = 'd0a744a556c395025b715b7cc24b2852';\nconst client = algoliasearch('APPID1234', ALGOLIA_ADMIN_KEY);\n",
      fixed: "const ALGOLIA_ADMIN_KEY = process.env.ALGOLIA_ADMIN_KEY;\nconst client = algoliasearch('APPID1234', ALGOLIA_ADMIN_KEY);\n",
    },
  ],
  good: [
    {
      path: 'src/search.js',
      text: "// algolia search-only key, public by design\nconst ALGOLIA_SEARCH_KEY = 'cee8c6e4a3fd77fe311131a76a3709de';\n",
    },
  ],
});
