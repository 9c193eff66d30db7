import type { Rule } from '../../rule';

/** Every `weak-tls/` rule. */
export const WEAK_TLS_RULES: Rule[] = [];
