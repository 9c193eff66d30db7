import { tokenRule } from './tokenRule';

/** Doppler token: a provider-format secret (see docs/rules/secrets/doppler-token.md). */
export default tokenRule({
  id: 'secrets/doppler-token',
  title: 'Doppler token',
  description:
    'A Doppler token reads the secrets of a config (service token) or of every project the user can access (personal token): a key to all other keys.',
  pattern: /(?<![A-Za-z0-9_.-])(dp\.(?:pt|ct|sa|scim|audit)\.[A-Za-z0-9]{40,44}|dp\.st\.(?:[a-z0-9_-]{2,35}\.)?[A-Za-z0-9]{40,44})\b/g,
  keywords: ['dp.st.', 'dp.pt.', 'dp.ct.', 'dp.sa.', 'dp.scim.', 'dp.audit.'],
  keywordIn: { before: 0, after: 100 },
  minEntropy: 3.5,
  envName: 'DOPPLER_TOKEN',
  bad: [
    {
      path: 'Dockerfile',
      text: 'ENV DOPPLER_TOKEN=dp.st.prd.vz0fxKH2MgtnYu2DTu5YBqcqmpvm6aD3rPLr2xsm\n',
      fixed: 'ENV DOPPLER_TOKEN=${DOPPLER_TOKEN}\n',
    },
  ],
  good: [
    {
      path: 'Dockerfile',
      text: 'ARG DOPPLER_TOKEN\nRUN --mount=type=secret,id=doppler doppler run -- npm run build\n',
    },
  ],
});
