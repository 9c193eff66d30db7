import type { Rule } from '../../rule';
import httpUrl from './http-url';
import httpUrlConfig from './http-url-config';

/** Every `insecure-http/` rule. */
export const INSECURE_HTTP_RULES: Rule[] = [httpUrl, httpUrlConfig];
