import { tokenRule } from './tokenRule';

/** GitHub tokens: classic PATs (`ghp_`), OAuth (`gho_`), user-to-server (`ghu_`), server-to-server (`ghs_`), refresh (`ghr_`). */
export default tokenRule({
  id: 'secrets/github-token',
  title: 'GitHub token',
  description:
    'A GitHub personal access, OAuth or app token grants access to your repositories, often with write rights. Anyone who reads the code, a log or a copy of the repository can act as you on GitHub.',
  pattern: /\b(gh[pousr]_[A-Za-z0-9]{36,251})\b/g,
  keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'],
  minEntropy: 3.5,
  envName: 'GITHUB_TOKEN',
  bad: [
    {
      path: 'src/github.ts',
      text: 'const octokit = new Octokit({ auth: "ghp_Zk3q8VbN2mX7pL4wR9tY1uC6eH0sJ5aD8fGz" });\n',
      fixed: 'const octokit = new Octokit({ auth: process.env.GITHUB_TOKEN });\n',
    },
    { path: 'deploy.py', text: 'TOKEN = "ghs_4Fq9ZrT2bXk7WmN1pL8vC3yH6sJ0dA5eG2uQ"\n' },
  ],
  good: [
    { path: 'src/github.ts', text: 'const octokit = new Octokit({ auth: process.env.GITHUB_TOKEN });\n' },
    { path: 'README.md', text: 'Set `GITHUB_TOKEN` to a token like ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n' },
  ],
});
