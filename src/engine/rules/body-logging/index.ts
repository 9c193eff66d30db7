import type { Rule } from '../../rule';

/** Every `body-logging/` rule. */
export const BODY_LOGGING_RULES: Rule[] = [];
