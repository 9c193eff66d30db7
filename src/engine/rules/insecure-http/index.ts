import type { Rule } from '../../rule';
import cloudHttpListener from './cloud-http-listener';
import httpListener from './http-listener';
import httpUrl from './http-url';
import httpUrlConfig from './http-url-config';
import httpsNotEnforced from './https-not-enforced';
import plainHttpServer from './plain-http-server';
import proxyPassHttp from './proxy-pass-http';

/** Every `insecure-http/` rule. */
export const INSECURE_HTTP_RULES: Rule[] = [
  httpUrl,
  httpUrlConfig,
  proxyPassHttp,
  httpListener,
  plainHttpServer,
  httpsNotEnforced,
  cloudHttpListener,
];
