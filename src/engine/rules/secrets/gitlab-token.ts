import { tokenRule } from './tokenRule';

/** GitLab token: a provider-format secret (see docs/rules/secrets/gitlab-token.md). */
export default tokenRule({
  id: 'secrets/gitlab-token',
  title: 'GitLab token',
  description:
    'GitLab personal, project, group, deploy, runner, CI job, feed and OAuth-application tokens give API, repository, registry or runner access to your GitLab instance.',
  pattern: /(?<![A-Za-z0-9_-])(glpat-[A-Za-z0-9_-]{20,300}(?:\.[0-9a-z]{9})?|gl(?:dt|ft|soat|ffct)-[A-Za-z0-9_-]{20}|glrt-[A-Za-z0-9_-]{20,300}|glptt-[0-9a-f]{40}|glcbt-[0-9a-zA-Z]{1,5}_[0-9a-zA-Z_-]{20}|glimt-[A-Za-z0-9_-]{25}|glagent-[A-Za-z0-9_-]{50}|gloas-[A-Za-z0-9_-]{64}|GR1348941[A-Za-z0-9_-]{20})(?![A-Za-z0-9_-])/g,
  keywords: ['glpat-', 'gldt-', 'glft-', 'glsoat-', 'glffct-', 'glrt-', 'glptt-', 'glcbt-', 'glimt-', 'glagent-', 'gloas-', 'gr1348941'],
  keywordIn: { before: 0, after: 320 },
  minEntropy: 3,
  envName: 'GITLAB_TOKEN',
  bad: [
    {
      path: 'scripts/release.js',
      text: "const gitlabToken = 'glpat-5f28lu6-A4tvfMuFU70f';\n",
      fixed: 'const gitlabToken = process.env.GITLAB_TOKEN;\n',
    },
    {
      path: 'config.toml',
      text: '[[runners]]\n  url = "https://gitlab.acme.io"\n  token = "glrt-Yzz1wUsw2JFvvwRo2N3G"\n',
    },
    {
      path: 'register.sh',
      text: 'gitlab-runner register --registration-token GR1348941AE-FR0yUpooAtuXRzQPn\n',
    },
  ],
  good: [
    { path: 'scripts/release.js', text: 'const gitlabToken = process.env.GITLAB_TOKEN;\n' },
    {
      path: '.gitlab-ci.yml',
      text: 'release:\n  script: curl --header "PRIVATE-TOKEN: $GITLAB_TOKEN" "$CI_API_V4_URL/projects"\n',
    },
  ],
});
