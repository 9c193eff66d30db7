import { tokenRule } from './tokenRule';
import { textBefore } from './util';

/** Cloudflare API token or key: a provider-format secret (see docs/rules/secrets/cloudflare-api-token.md). */
export default tokenRule({
  id: 'secrets/cloudflare-api-token',
  title: 'Cloudflare API token or key',
  description:
    'A Cloudflare API token or global API key edits DNS, firewall and Workers of your zones: enough to redirect your domain or disable its protections.',
  pattern: /\b(v1\.0-[0-9a-f]{24}-[0-9a-f]{146})\b|(?<![A-Za-z0-9_-])([A-Za-z0-9_-]{40}|[0-9a-f]{37})(?![A-Za-z0-9_-])/g,
  keywords: ['cloudflare', 'cf_api', 'cf-api', 'cf_auth', 'x-auth-key', 'v1.0-'],
  minEntropy: 3.5,
  envName: 'CLOUDFLARE_API_TOKEN',
  /** Loose formats: only under a Cloudflare name on the same line. */
  validate(value, ctx, index) {
    if (value.startsWith('v1.0-')) return true;
    return /cloudflare|\bcf[_-]?(?:api|auth)[_-]?(?:token|key)|x-auth-key/i.test(textBefore(ctx, index, 120)) && /\d/.test(value);
  },
  bad: [
    {
      path: '.github/workflows/deploy.yml',
      text: 'env:\n  CLOUDFLARE_API_TOKEN: FIj7qSLXSxcOfS2T8xGPWR-OiwV0NkZko5kC_zU9\n',
      fixed: 'env:\n  CLOUDFLARE_API_TOKEN: ${CLOUDFLARE_API_TOKEN}\n',
    },
    {
      path: 'wrangler.sh',
      text: 'export CF_API_TOKEN="FIj7qSLXSxcOfS2T8xGPWR-OiwV0NkZko5kC_zU9"\n',
    },
  ],
  good: [
    {
      path: '.github/workflows/deploy.yml',
      text: 'env:\n  CLOUDFLARE_API_TOKEN: ${{ secrets.CLOUDFLARE_API_TOKEN }}\n',
    },
    {
      path: 'src/ids.ts',
      text: "const commitSha = 'e7a046a616342ebf292103fbb7bd3aa261bf4672';\n",
    },
  ],
});
