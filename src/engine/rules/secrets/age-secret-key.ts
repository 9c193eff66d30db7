import { tokenRule } from './tokenRule';

/** age / SOPS secret key: a provider-format secret (see docs/rules/secrets/age-secret-key.md). */
export default tokenRule({
  id: 'secrets/age-secret-key',
  title: 'age / SOPS secret key',
  description:
    'An age secret key decrypts every file encrypted to it — typically the SOPS-encrypted secrets of the whole repository.',
  pattern: /\b(AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})\b/g,
  keywords: ['age-secret-key-1'],
  keywordIn: { before: 0, after: 80 },
  minEntropy: 3.5,
  envName: 'SOPS_AGE_KEY',
  bad: [
    {
      path: 'keys.txt',
      text: '# created: 2026-01-05T10:00:00Z\n# public key: age1tsxnt7cdveqsgxq9da7anj460du87pz6gzkug3z875kyncargdv69kmuza\nAGE-SECRET-KEY-1GPPK2CRA7J96NZ8U7A2W9QNJ3NYZH2ZUMPQ97G8MHQQKR66P0YRZNPKZ4U\n',
    },
  ],
  good: [
    {
      path: '.sops.yaml',
      text: 'creation_rules:\n  - age: age1vz86agcmz4mf2lecmqj8rj04a67rlhm4mmserfvvukty0rzzyq3dep2qr0\n',
    },
  ],
});
