import { tokenRule } from './tokenRule';

/** Linear API key: a provider-format secret (see docs/rules/secrets/linear-api-key.md). */
export default tokenRule({
  id: 'secrets/linear-api-key',
  title: 'Linear API key',
  description:
    'A Linear personal API key reads and edits every issue, project and comment the user can see: your roadmap, incidents and customer names.',
  pattern: /\b(lin_(?:api|oauth)_[A-Za-z0-9]{40,64})\b/g,
  keywords: ['lin_api_', 'lin_oauth_'],
  keywordIn: { before: 0, after: 75 },
  minEntropy: 3.5,
  envName: 'LINEAR_API_KEY',
  bad: [
    {
      path: 'scripts/triage.ts',
      text: "const linear = new LinearClient({ apiKey: 'lin_api_Hx4x1E6b7LeI96w8LegFbSfvTurGq6gHR5Vn3bz1' });\n",
      fixed: 'const linear = new LinearClient({ apiKey: process.env.API_KEY });\n',
    },
  ],
  good: [
    {
      path: 'scripts/triage.ts',
      text: 'const linear = new LinearClient({ apiKey: process.env.LINEAR_API_KEY });\n',
    },
  ],
});
