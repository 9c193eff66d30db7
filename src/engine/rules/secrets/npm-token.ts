import { tokenRule } from './tokenRule';

/** npm access token: a provider-format secret (see docs/rules/secrets/npm-token.md). */
export default tokenRule({
  id: 'secrets/npm-token',
  title: 'npm access token',
  description:
    "An npm token publishes packages as you: a leaked automation token is the classic way malware ends up in a popular package and in your customers' builds.",
  // `.npmrc` keys stand at a line start or after the registry's `:` (`//host/:_authToken=`);
  // `key_password=…` in code is not one.
  pattern: /\b(npm_[A-Za-z0-9]{36})\b|(?:(?<=:)|(?<![^\n]))_(?:auth(?:Token)?|password)\s{0,2}=\s{0,2}["']?([A-Za-z0-9+/=_.:-]{16,300})/g,
  keywords: ['npm_', '_authtoken', '_auth=', '_password='],
  // Matches start at `npm_`, `_auth` or `_password` (whatever follows: `_auth =` too).
  around: [{ words: ['npm_', '_auth', '_password'], before: 0, after: 340 }],
  minEntropy: 3,
  envName: 'NPM_TOKEN',
  bad: [
    {
      path: '.npmrc',
      text: '//registry.npmjs.org/:_authToken=npm_icd5dLzRSOmgnN3vOSLtQRoLJi5KRH4EyUgv\n',
    },
    {
      path: 'packages/cli/.npmrc',
      text: '//npm.pkg.github.com/:_authToken=c11888e3-c5ae-3ba5-ea1f-34302f686be9\n',
    },
    {
      path: 'scripts/publish.js',
      text: "const NPM_TOKEN = 'npm_icd5dLzRSOmgnN3vOSLtQRoLJi5KRH4EyUgv';\n",
      fixed: 'const NPM_TOKEN = process.env.NPM_TOKEN;\n',
    },
  ],
  good: [
    { path: '.npmrc', text: '//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n' },
    { path: '.npmrc', text: 'registry=https://registry.npmjs.org/\nsave-exact=true\n' },
    { path: 'connectionpool.py', text: 'conn = self.ConnectionCls(key_password=self.key_password, cert_file=self.cert_file)\n' },
  ],
});
