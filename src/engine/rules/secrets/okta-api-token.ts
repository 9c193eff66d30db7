import { tokenRule } from './tokenRule';
import { textBefore } from './util';

/** Okta API token: a provider-format secret (see docs/rules/secrets/okta-api-token.md). */
export default tokenRule({
  id: 'secrets/okta-api-token',
  title: 'Okta API token',
  description:
    "An Okta API token acts with its creator's admin rights: create users, reset MFA, change sign-on policies — the keys to every app behind your SSO.",
  pattern: /\b(00[A-Za-z0-9_-]{40})(?![A-Za-z0-9_-])/g,
  keywords: ['okta', 'ssws'],
  minEntropy: 3.5,
  envName: 'OKTA_API_TOKEN',
  validate(_value, ctx, index) {
    return /okta|ssws/i.test(textBefore(ctx, index, 120));
  },
  bad: [
    {
      path: 'scripts/users.py',
      text: 'OKTA_API_TOKEN = "00lF-eHFSAG3olQgtDbrGwdnCa7__FLUe80eAVStld"\n',
      fixed: 'import os\nOKTA_API_TOKEN = os.environ["OKTA_API_TOKEN"]\n',
    },
    {
      path: 'scripts/users.sh',
      text: 'curl -H "Authorization: SSWS 00lF-eHFSAG3olQgtDbrGwdnCa7__FLUe80eAVStld" https://acme.okta.com/api/v1/users\n',
    },
  ],
  good: [
    { path: 'scripts/users.py', text: 'OKTA_API_TOKEN = os.environ["OKTA_API_TOKEN"]\n' },
  ],
});
