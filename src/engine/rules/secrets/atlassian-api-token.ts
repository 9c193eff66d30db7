import { tokenRule } from './tokenRule';

/** Atlassian (Jira, Confluence, Bitbucket) API token: a provider-format secret (see docs/rules/secrets/atlassian-api-token.md). */
export default tokenRule({
  id: 'secrets/atlassian-api-token',
  title: 'Atlassian (Jira, Confluence, Bitbucket) API token',
  description:
    "An Atlassian API token or Bitbucket app password acts as its user in Jira, Confluence and Bitbucket: issues, pages and repositories, with that user's permissions.",
  pattern: /(?<![A-Za-z0-9_.-])(ATATT3[A-Za-z0-9_=-]{150,250}|ATBB[A-Za-z0-9_=.-]{32,40})(?![A-Za-z0-9_=.-])/g,
  keywords: ['atatt3', 'atbb'],
  keywordIn: { before: 0, after: 280 },
  minEntropy: 3.5,
  envName: 'ATLASSIAN_API_TOKEN',
  bad: [
    {
      path: 'tools/jira.py',
      text: 'JIRA_API_TOKEN = "ATATT359VS4dWOT_6YKNZZsAz_JpmH7Bx686qv10P5N6Q9K0uqc5gB4YnIHDbpQacfgqyujUNk-KRUar8Ukkov3c4_ssB49JmfOh850kNqsjoBdli-ZMauHYNJD2JEJ8gDze0rRCLrf1uZ-nnSrY6Nb6JCmtyP028G0Z0mZdg1zZvTjeyYzvYznIXG8h7EUH"\n',
      fixed: 'import os\nJIRA_API_TOKEN = os.environ["JIRA_API_TOKEN"]\n',
    },
    {
      path: 'bitbucket-pipelines.yml',
      text: 'script:\n  - git push https://deploy:ATBBkao24ymIsdz8VaSJOnxSjP7QtyrnQQ2y@bitbucket.org/acme/app.git\n',
    },
  ],
  good: [
    { path: 'tools/jira.py', text: 'JIRA_API_TOKEN = os.environ["JIRA_API_TOKEN"]\n' },
  ],
});
