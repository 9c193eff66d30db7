import type { Rule } from '../../rule';
import githubToken from './github-token';

/** Every `secrets/` rule, in the order they run (specific formats before generic ones). */
export const SECRETS_RULES: Rule[] = [githubToken];
