import { tokenRule } from './tokenRule';
import { nameBefore } from './util';

/** Auth0 client secret: a provider-format secret (see docs/rules/secrets/auth0-client-secret.md). */
export default tokenRule({
  id: 'secrets/auth0-client-secret',
  title: 'Auth0 client secret',
  description:
    'An Auth0 application client secret mints tokens for that application; for a Management API (machine-to-machine) client it manages every user of the tenant.',
  pattern: /(?<![A-Za-z0-9_-])([A-Za-z0-9_-]{64})(?![A-Za-z0-9_-])/g,
  keywords: ['auth0'],
  minEntropy: 4,
  envName: 'AUTH0_CLIENT_SECRET',
  validate(_value, ctx, index) {
    return /client[_-]?secret|clientsecret/i.test(nameBefore(ctx, index) ?? '');
  },
  bad: [
    {
      path: 'src/auth.ts',
      text: "const auth0 = new ManagementClient({\n  domain: 'acme.eu.auth0.com',\n  clientSecret: 'HSRhD1UwRMJyPKoWO04UnlAvtVwdgySboJBqVk3tjw0G7rboChJ_EUJhVtrAhL0X',\n});\n",
      fixed: "const auth0 = new ManagementClient({\n  domain: 'acme.eu.auth0.com',\n  clientSecret: process.env.CLIENT_SECRET,\n});\n",
    },
  ],
  good: [
    {
      path: 'src/auth.ts',
      text: "const auth0 = new ManagementClient({\n  domain: 'acme.eu.auth0.com',\n  clientSecret: process.env.AUTH0_CLIENT_SECRET,\n});\n",
    },
  ],
});
