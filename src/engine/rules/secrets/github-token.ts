import { tokenRule } from './tokenRule';

/** GitHub tokens: classic PATs (`ghp_`), fine-grained PATs (`github_pat_`), OAuth (`gho_`), user-to-server (`ghu_`), server-to-server (`ghs_`), refresh (`ghr_`). */
export default tokenRule({
  id: 'secrets/github-token',
  title: 'GitHub token',
  description:
    'A GitHub personal access (classic or fine-grained), OAuth or app token grants access to your repositories, often with write rights. Anyone who reads the code, a log or a copy of the repository can act as you on GitHub.',
  pattern: /(?<![A-Za-z0-9_])(gh[pousr]_[A-Za-z0-9]{36,251}|github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})\b/g,
  keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'],
  keywordIn: { before: 0, after: 280 },
  minEntropy: 3.5,
  envName: 'GITHUB_TOKEN',
  bad: [
    {
      path: 'src/github.ts',
      text: 'const octokit = new Octokit({ auth: "ghp_SfSJeL14SZZUGaOd6kLmO67fbQM7hRrTNZp7" });\n',
      fixed: 'const octokit = new Octokit({ auth: process.env.GITHUB_TOKEN });\n',
    },
    { path: 'deploy.py', text: 'TOKEN = "ghs_HKpSbfZrJRTavh0E8Vn5qjZ9RP9zyPxYD03x"\n' },
    {
      path: '.github/scripts/release.sh',
      text: 'curl -H "Authorization: token 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" https://api.github.com/user\n',
    },
  ],
  good: [
    {
      path: 'src/github.ts',
      text: 'const octokit = new Octokit({ auth: process.env.GITHUB_TOKEN });\n',
    },
    {
      path: 'README.md',
      text: 'Set `GITHUB_TOKEN` to a token like ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n',
    },
    {
      path: '.github/workflows/ci.yml',
      text: 'env:\n  GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}\n',
    },
  ],
});
