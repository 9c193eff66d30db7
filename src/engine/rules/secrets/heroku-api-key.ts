import { tokenRule } from './tokenRule';
import { textBefore } from './util';

/** Heroku API key: a provider-format secret (see docs/rules/secrets/heroku-api-key.md). */
export default tokenRule({
  id: 'secrets/heroku-api-key',
  title: 'Heroku API key',
  description:
    'A Heroku API key controls every app the user can reach: config vars (with all their secrets), deploys, add-ons and databases.',
  pattern: /\b(HRKU-[A-Za-z0-9_-]{58,64})(?![A-Za-z0-9_-])|\b([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b/g,
  keywords: ['hrku-', 'heroku'],
  minEntropy: 3,
  envName: 'HEROKU_API_KEY',
  /** Legacy keys are UUIDs: only under a Heroku key/token name. */
  validate(value, ctx, index) {
    return value.startsWith('HRKU-') || /heroku[\w.-]{0,30}(?:api|key|token|auth)/i.test(textBefore(ctx, index, 120));
  },
  bad: [
    {
      path: '.github/workflows/deploy.yml',
      text: 'env:\n  HEROKU_API_KEY: d23827d5-a403-60e3-07d3-b78e858a2cca\n',
      fixed: 'env:\n  HEROKU_API_KEY: ${HEROKU_API_KEY}\n',
    },
    {
      path: 'deploy.sh',
      text: 'export HEROKU_API_KEY=HRKU-AArPHM-yFaNfNQyaLzLgdFfocXz2idickwh-M8gBig2df3p_J_dTyEEC4vGg\n',
    },
  ],
  good: [
    {
      path: '.github/workflows/deploy.yml',
      text: 'env:\n  HEROKU_API_KEY: ${{ secrets.HEROKU_API_KEY }}\n',
    },
    {
      path: 'app.json',
      text: '{ "heroku_app_id": "4ff7b383-660b-3522-f486-7db9939adeda" }\n',
    },
  ],
});
