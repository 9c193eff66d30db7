import { tokenRule } from './tokenRule';
import { windowAround } from './util';

/** Google API key: a provider-format secret (see docs/rules/secrets/gcp-api-key.md). */
export default tokenRule({
  id: 'secrets/gcp-api-key',
  title: 'Google API key',
  description:
    'A Google API key (AIza…) bills its project for every call made with it. Unrestricted keys are abused for Maps, Gemini and other paid APIs. Firebase web configs are not reported: those keys are public by design.',
  pattern: /\b(AIza[0-9A-Za-z_-]{35})(?![0-9A-Za-z_-])/g,
  keywords: ['aiza'],
  keywordIn: { before: 0, after: 45 },
  minEntropy: 3.5,
  envName: 'GOOGLE_API_KEY',
  /** Firebase web config keys are public by design (protected by security rules, not secrecy). */
  validate(_value, ctx, index) {
    return !/authDomain|firebaseapp\.com|firebaseConfig|messagingSenderId/i.test(windowAround(ctx, index, index + 39, 400));
  },
  bad: [
    {
      path: 'src/maps.ts',
      text: "const mapsApiKey = 'AIza5HXCiMtZcUHBfP-iRFz9uPUv_fZSEAG8t3-';\n",
      fixed: 'const mapsApiKey = process.env.MAPS_API_KEY;\n',
    },
    {
      path: 'gemini.py',
      text: 'genai.configure(api_key="AIzaiPzqFx1W4e2PsCYSOlCger_wOCGhpCN1m-5")\n',
    },
  ],
  good: [
    { path: 'src/maps.ts', text: 'const mapsApiKey = process.env.MAPS_API_KEY;\n' },
    {
      path: 'src/firebase.ts',
      text: "const firebaseConfig = {\n  apiKey: 'AIzaSyD9kQ2xLm7pR4tZ8wB1yN6cH5jD0sA2eU9',\n  authDomain: 'acme-prod.firebaseapp.com',\n};\n",
    },
    {
      path: 'src/maps.ts',
      text: "const mapsApiKey = 'AIzaSyXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX';\n",
    },
  ],
});
