import { tokenRule } from './tokenRule';
import { windowAround } from './util';

/** HashiCorp Vault token: a provider-format secret (see docs/rules/secrets/vault-token.md). */
export default tokenRule({
  id: 'secrets/vault-token',
  title: 'HashiCorp Vault token',
  description:
    'A Vault token reads every secret its policies allow — often database passwords, cloud credentials and signing keys for the whole platform.',
  pattern: /(?<![A-Za-z0-9_.-])(hv[sb]\.[A-Za-z0-9_-]{24,300}|s\.[A-Za-z0-9]{24})(?![A-Za-z0-9_.-])/g,
  keywords: ['hvs.', 'hvb.', 'vault_token', 'x-vault-token'],
  minEntropy: 3.5,
  envName: 'VAULT_TOKEN',
  /** Legacy "s." tokens are short and loose: only with a Vault name nearby and a digit in them. */
  validate(value, ctx, index) {
    if (!value.startsWith('s.')) return true;
    return /\d/.test(value) && /vault/i.test(windowAround(ctx, index, index + value.length, 120));
  },
  bad: [
    {
      path: 'scripts/secrets.sh',
      text: 'export VAULT_TOKEN=hvs.CAESIsw1dHrLHHFkSZrOeOklYE1qzY8is_x23m5znyshOAtFBEYMCxn77aF_YtAURBxGK1nqKDW1XXYDUN8rcHi9Zh2_7YE\n',
    },
  ],
  good: [
    {
      path: 'scripts/secrets.sh',
      text: 'export VAULT_TOKEN="$(vault login -token-only -method=oidc)"\n',
    },
  ],
});
