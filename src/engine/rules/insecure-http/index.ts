import type { Rule } from '../../rule';
import httpListener from './http-listener';
import httpUrl from './http-url';
import httpUrlConfig from './http-url-config';
import proxyPassHttp from './proxy-pass-http';

/** Every `insecure-http/` rule. */
export const INSECURE_HTTP_RULES: Rule[] = [httpUrl, httpUrlConfig, proxyPassHttp, httpListener];
