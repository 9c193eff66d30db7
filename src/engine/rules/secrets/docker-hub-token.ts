import { tokenRule } from './tokenRule';

/** Docker Hub access token: a provider-format secret (see docs/rules/secrets/docker-hub-token.md). */
export default tokenRule({
  id: 'secrets/docker-hub-token',
  title: 'Docker Hub access token',
  description:
    'A Docker Hub personal or organisation access token pushes images under your name: a poisoned image is then pulled by every deployment that trusts it.',
  pattern: /(?<![A-Za-z0-9_-])(dckr_(?:pat|oat)_[A-Za-z0-9_-]{27,60})(?![A-Za-z0-9_-])/g,
  keywords: ['dckr_pat_', 'dckr_oat_'],
  keywordIn: { before: 0, after: 70 },
  minEntropy: 3.5,
  envName: 'DOCKERHUB_TOKEN',
  bad: [
    {
      path: 'scripts/push.sh',
      text: 'echo "dckr_pat_8RiUetHSG4VeSF72enlmIcAzxPp" | docker login -u acme --password-stdin\n',
    },
  ],
  good: [
    {
      path: 'scripts/push.sh',
      text: 'echo "$DOCKERHUB_TOKEN" | docker login -u acme --password-stdin\n',
    },
  ],
});
