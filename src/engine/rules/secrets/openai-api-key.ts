import { tokenRule } from './tokenRule';

/** OpenAI API key: a provider-format secret (see docs/rules/secrets/openai-api-key.md). */
export default tokenRule({
  id: 'secrets/openai-api-key',
  title: 'OpenAI API key',
  description:
    'An OpenAI API key runs models billed to your organisation and, for project and admin keys, reads your files, assistants and fine-tunes.',
  pattern: /(?<![A-Za-z0-9_-])(sk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,250}|sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20})(?![A-Za-z0-9_-])/g,
  keywords: ['sk-proj-', 'sk-svcacct-', 'sk-admin-', 't3blbkfj'],
  keywordIn: { before: 23, after: 280 },
  minEntropy: 3.5,
  envName: 'OPENAI_API_KEY',
  bad: [
    {
      path: 'app/llm.py',
      text: 'client = OpenAI(api_key="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")\n',
      fixed: 'import os\nclient = OpenAI(api_key=os.environ["API_KEY"])\n',
    },
    {
      path: 'src/ai.ts',
      text: "const openai = new OpenAI({ apiKey: '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' });\n",
    },
  ],
  good: [
    {
      path: 'src/ai.ts',
      text: 'const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });\n',
    },
    { path: 'README.md', text: 'export OPENAI_API_KEY=sk-proj-...\n' },
  ],
});
