import { tokenRule } from './tokenRule';

/** Notion integration token: a provider-format secret (see docs/rules/secrets/notion-token.md). */
export default tokenRule({
  id: 'secrets/notion-token',
  title: 'Notion integration token',
  description:
    'A Notion integration token reads and edits every page and database shared with the integration: specs, meeting notes, customer lists.',
  pattern: /(?<![A-Za-z0-9_])(ntn_\d{11}[A-Za-z0-9]{35}|secret_[A-Za-z0-9]{43})\b/g,
  keywords: ['ntn_', 'secret_'],
  keywordIn: { before: 0, after: 55 },
  minEntropy: 4,
  envName: 'NOTION_TOKEN',
  bad: [
    {
      path: 'sync.py',
      text: 'notion = Client(auth="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")\n',
      fixed: 'import os\nnotion = Client(auth=os.environ["NOTION_TOKEN"])\n',
    },
    {
      path: 'src/notion.ts',
      text: "const notion = new Client({ auth: 'secret_v0wBzuoOUzL8iLz5oC1Pz7ZQB9fE7hSQoEXN7D5dt12' });\n",
    },
  ],
  good: [
    { path: 'sync.py', text: 'notion = Client(auth=os.environ["NOTION_TOKEN"])\n' },
  ],
});
