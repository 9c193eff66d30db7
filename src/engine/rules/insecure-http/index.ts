import type { Rule } from '../../rule';

/** Every `insecure-http/` rule. */
export const INSECURE_HTTP_RULES: Rule[] = [];
