import { tokenRule } from './tokenRule';

/** Anthropic API key: a provider-format secret (see docs/rules/secrets/anthropic-api-key.md). */
export default tokenRule({
  id: 'secrets/anthropic-api-key',
  title: 'Anthropic API key',
  description:
    'An Anthropic API key runs Claude models billed to your organisation; admin keys manage its members and keys.',
  pattern: /(?<![A-Za-z0-9_-])(sk-ant-(?:api|admin|oat|sid)\d{2}-[A-Za-z0-9_-]{32,150})(?![A-Za-z0-9_-])/g,
  keywords: ['sk-ant-'],
  keywordIn: { before: 0, after: 170 },
  minEntropy: 3.5,
  envName: 'ANTHROPIC_API_KEY',
  bad: [
    {
      path: 'src/claude.ts',
      text: "const anthropic = new Anthropic({ apiKey: 'sk-ant-api03-Ssgt64AgwKLYd9Tt6ZMCo1-Al6nVkB2ciWs_-3F9a1UvCk4d14SZDj7ykBnXr_AQ2JG8Esmv89nb_0DcSihycMLzXcHdpAA' });\n",
      fixed: 'const anthropic = new Anthropic({ apiKey: process.env.API_KEY });\n',
    },
  ],
  good: [
    {
      path: 'src/claude.ts',
      text: 'const anthropic = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });\n',
    },
  ],
});
