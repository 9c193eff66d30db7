import { tokenRule } from './tokenRule';

/** Mapbox secret token: a provider-format secret (see docs/rules/secrets/mapbox-secret-token.md). */
export default tokenRule({
  id: 'secrets/mapbox-secret-token',
  title: 'Mapbox secret token',
  description:
    'A Mapbox secret token (sk.) manages styles, tilesets and tokens of the account and downloads SDKs; public tokens (pk.) are meant for clients.',
  pattern: /(?<![A-Za-z0-9_.-])(sk\.eyJ[A-Za-z0-9_-]{50,300}\.[A-Za-z0-9_-]{20,30})(?![A-Za-z0-9_-])/g,
  keywords: ['sk.eyj'],
  keywordIn: { before: 0, after: 360 },
  minEntropy: 3.5,
  envName: 'MAPBOX_SECRET_TOKEN',
  bad: [
    {
      path: 'gradle.properties',
      text: 'MAPBOX_DOWNLOADS_TOKEN=sk.eyJ1PwgL0NKz32wac9B8SpqN8bJ1ZLq4Pz27jUkTTPgkBe5tTOGUcYLLIi94QmBvsXxolTlbG6.JisLHib-_lhozaZgkATcIl\n',
      fixed: 'MAPBOX_DOWNLOADS_TOKEN=${MAPBOX_DOWNLOADS_TOKEN}\n',
    },
  ],
  good: [
    {
      path: 'src/map.ts',
      text: "mapboxgl.accessToken = 'pk.eyJ1CIe0i3NslPDqldYz1B8a0S1UQ3nR1icZPfofqh2BoIVUUmLgt3JbCn9cjfqN.5bCWF41TSPSLWKuv1nNHRE';\n",
    },
  ],
});
