import type { Rule } from '../rule';
import { BODY_LOGGING_RULES } from './body-logging';
import { INSECURE_HTTP_RULES } from './insecure-http';
import { SECRETS_RULES } from './secrets';
import { WEAK_TLS_RULES } from './weak-tls';

/** The whole catalogue, one file per rule under `rules/<family>/`. */
export const ALL_RULES: readonly Rule[] = [
  ...SECRETS_RULES,
  ...INSECURE_HTTP_RULES,
  ...WEAK_TLS_RULES,
  ...BODY_LOGGING_RULES,
];

export function ruleById(id: string): Rule | undefined {
  return ALL_RULES.find((r) => r.id === id);
}
