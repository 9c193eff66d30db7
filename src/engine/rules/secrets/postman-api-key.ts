import { tokenRule } from './tokenRule';

/** Postman API key: a provider-format secret (see docs/rules/secrets/postman-api-key.md). */
export default tokenRule({
  id: 'secrets/postman-api-key',
  title: 'Postman API key',
  description:
    'A Postman API key reads your workspaces, collections and environments — which typically hold more API keys and passwords.',
  pattern: /\b(PMAK-[a-f0-9]{24}-[a-f0-9]{34})\b/gi,
  keywords: ['pmak-'],
  keywordIn: { before: 0, after: 70 },
  minEntropy: 3,
  envName: 'POSTMAN_API_KEY',
  bad: [
    {
      path: 'ci/postman.sh',
      text: 'newman run "https://api.getpostman.com/collections/1?apikey=PMAK-4ff9ea8f2699c1c86302a3ea-1858fef4d4e2b2b427c179ee7947507314"\n',
    },
  ],
  good: [
    {
      path: 'ci/postman.sh',
      text: 'newman run "https://api.getpostman.com/collections/1?apikey=$POSTMAN_API_KEY"\n',
    },
  ],
});
