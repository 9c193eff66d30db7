import { tokenRule } from './tokenRule';

/** PyPI upload token: a provider-format secret (see docs/rules/secrets/pypi-token.md). */
export default tokenRule({
  id: 'secrets/pypi-token',
  title: 'PyPI upload token',
  description:
    "A PyPI API token uploads new releases of your packages (or every package of the account): a supply-chain attacker's favourite credential.",
  pattern: /(?<![A-Za-z0-9_-])(pypi-(?:AgEIcHlwaS5vcmc|AgENdGVzdC5weXBpLm9yZw)[A-Za-z0-9_-]{50,1000})(?![A-Za-z0-9_-])/g,
  keywords: ['pypi-ageichlwas5vcmc', 'pypi-agendgvzdc5wexbplm9yzw'],
  keywordIn: { before: 0, after: 1050 },
  minEntropy: 3.5,
  envName: 'PYPI_TOKEN',
  bad: [
    {
      path: '.pypirc',
      text: '[pypi]\nusername = __token__\npassword = pypi-AgEIcHlwaS5vcmcMLXtQ5arGQ_trImhn15jYaL1YEUfpzNxrC56qsP_z44ovHMySNxExSXuL705ZYyIH-gAWs\n',
    },
  ],
  good: [
    { path: '.pypirc', text: '[pypi]\nusername = __token__\npassword = ${PYPI_TOKEN}\n' },
  ],
});
