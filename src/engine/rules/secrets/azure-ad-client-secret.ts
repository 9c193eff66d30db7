import { tokenRule } from './tokenRule';

/** Microsoft Entra ID (Azure AD) client secret: a provider-format secret (see docs/rules/secrets/azure-ad-client-secret.md). */
export default tokenRule({
  id: 'secrets/azure-ad-client-secret',
  title: 'Microsoft Entra ID (Azure AD) client secret',
  description:
    'An Entra ID application client secret lets anyone obtain tokens as that app registration, with every API permission (Graph, Azure Resource Manager) granted to it.',
  pattern: /(?<![A-Za-z0-9_~.-])([A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34})(?![A-Za-z0-9_~.-])/g,
  keywords: ['q~'],
  keywordIn: { before: 4, after: 40 },
  minEntropy: 3,
  envName: 'AZURE_CLIENT_SECRET',
  bad: [
    {
      path: 'src/graph.ts',
      text: "const clientSecret = 'V1r8Q~EPv2EWT2Gyef9wjXuAQ45F7yDDepwOI9QD';\n",
      fixed: 'const clientSecret = process.env.CLIENT_SECRET;\n',
    },
  ],
  good: [
    { path: 'src/graph.ts', text: 'const clientSecret = process.env.AZURE_CLIENT_SECRET;\n' },
  ],
});
