import { tokenRule } from './tokenRule';

/** Google OAuth access token: a provider-format secret (see docs/rules/secrets/google-oauth-access-token.md). */
export default tokenRule({
  id: 'secrets/google-oauth-access-token',
  title: 'Google OAuth access token',
  description:
    'A Google OAuth access token (`ya29.…`) calls Google APIs (Drive, Gmail, Cloud, BigQuery) as the user or service account it was issued to, with every scope it was granted, until it expires; one pasted into code or a notebook usually sits next to the refresh token or key that mints more.',
  pattern: /\b(ya29\.[A-Za-z0-9_-]{30,2048})(?![A-Za-z0-9_-])/g,
  keywords: ['ya29.'],
  keywordIn: { before: 0, after: 2060 },
  minEntropy: 3.5,
  envName: 'GOOGLE_ACCESS_TOKEN',
  bad: [
    {
      path: 'notebooks/export.py',
      text: 'creds = Credentials(token="ya29.a0AfB_byC7kQ2xPz7mLw3Nd9Rt5Vb1Hj8Yu4Ge6Fs0Kp2Ma7Xc3Zq9Wn5Et1Ry8Ui4Oo6")\n',
    },
  ],
  good: [
    { path: 'notebooks/export.py', text: 'creds = Credentials(token=os.environ["GOOGLE_ACCESS_TOKEN"])\n' },
    { path: 'docs/auth.md', text: 'Access tokens start with `ya29.` and expire after an hour.\n' },
  ],
});
