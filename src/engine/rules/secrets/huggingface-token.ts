import { tokenRule } from './tokenRule';

/** Hugging Face access token: a provider-format secret (see docs/rules/secrets/huggingface-token.md). */
export default tokenRule({
  id: 'secrets/huggingface-token',
  title: 'Hugging Face access token',
  description:
    'A Hugging Face token reads (and with write scope, overwrites) your private models, datasets and Spaces, and bills inference to your account.',
  pattern: /\b((?:hf_|api_org_)[A-Za-z]{34})\b/g,
  keywords: ['hf_', 'api_org_'],
  keywordIn: { before: 0, after: 45 },
  minEntropy: 3.5,
  envName: 'HF_TOKEN',
  bad: [
    {
      path: 'train.py',
      text: 'login(token="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")\n',
      fixed: 'import os\nlogin(token=os.environ["TOKEN"])\n',
    },
  ],
  good: [
    { path: 'train.py', text: 'login(token=os.environ["HF_TOKEN"])\n' },
  ],
});
