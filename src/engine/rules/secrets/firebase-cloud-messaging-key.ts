import { tokenRule } from './tokenRule';

/** Firebase Cloud Messaging server key: a provider-format secret (see docs/rules/secrets/firebase-cloud-messaging-key.md). */
export default tokenRule({
  id: 'secrets/firebase-cloud-messaging-key',
  title: 'Firebase Cloud Messaging server key',
  description:
    'A legacy FCM server key sends push notifications to every installed copy of your app — a direct phishing channel to your users.',
  pattern: /(?<![A-Za-z0-9_-])(AAAA[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{134})(?![A-Za-z0-9_-])/g,
  keywords: [':apa91b'],
  keywordIn: { before: 11, after: 150 },
  minEntropy: 3.5,
  envName: 'FCM_SERVER_KEY',
  bad: [
    {
      path: 'push.py',
      text: 'FCM_SERVER_KEY = "AAAAz2L0ihZ:APA91bUccugCFCEMnNsmfjgTuSicar6w2ajd2qgVqj3-PmRQjT5oZlKFdAICWwTAQiX9lA0HZoMinmoHTazozwWjlLPTBOwdD3mi9Wl_vWDVMp3c4O7PyyLGVVwxFGe5Km8pSqSDaXuf"\n',
      fixed: 'import os\nFCM_SERVER_KEY = os.environ["FCM_SERVER_KEY"]\n',
    },
  ],
  good: [
    { path: 'push.py', text: 'FCM_SERVER_KEY = os.environ["FCM_SERVER_KEY"]\n' },
  ],
});
