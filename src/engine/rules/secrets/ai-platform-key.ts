import { tokenRule } from './tokenRule';

/** AI platform API key (Groq, Replicate, Perplexity, xAI): a provider-format secret (see docs/rules/secrets/ai-platform-key.md). */
export default tokenRule({
  id: 'secrets/ai-platform-key',
  title: 'AI platform API key (Groq, Replicate, Perplexity, xAI)',
  description:
    'API keys of AI inference platforms run models billed to your account and, on some, read your deployments and uploaded data.',
  pattern: /(?<![A-Za-z0-9_-])(gsk_[A-Za-z0-9]{52}|r8_[A-Za-z0-9]{37}|pplx-[A-Za-z0-9]{48}|xai-[A-Za-z0-9]{80})\b/g,
  keywords: ['gsk_', 'r8_', 'pplx-', 'xai-'],
  keywordIn: { before: 0, after: 90 },
  minEntropy: 3.5,
  envName: 'AI_API_KEY',
  bad: [
    {
      path: 'llm.py',
      text: 'client = Groq(api_key="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")\n',
    },
    {
      path: 'src/images.ts',
      text: "const replicate = new Replicate({ auth: 'r8_HemhycMJrWvUU2XmBHObsZIQwGJn2wDrlnvId' });\n",
    },
    {
      path: 'search.py',
      text: 'PERPLEXITY_API_KEY = "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"\n',
      fixed: 'import os\nPERPLEXITY_API_KEY = os.environ["PERPLEXITY_API_KEY"]\n',
    },
  ],
  good: [
    { path: 'llm.py', text: 'client = Groq(api_key=os.environ["GROQ_API_KEY"])\n' },
  ],
});
