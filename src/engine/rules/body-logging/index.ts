import type { Rule } from '../../rule';
import { FACTORY_ANCHORS, FACTORY_GATES } from './logCalls';
import aspnetHttpLoggingBody from './aspnet-http-logging-body';
import csharpRequestLogged from './csharp-request-logged';
import genericCredentialInLog from './generic-credential-in-log';
import goRequestLogged from './go-request-logged';
import httpClientBodyLogging from './http-client-body-logging';
import javaRequestLogged from './java-request-logged';
import jsRequestLogged from './js-request-logged';
import morganBodyToken from './morgan-body-token';
import phpRequestLogged from './php-request-logged';
import pythonRequestLogged from './python-request-logged';
import rubyRequestLogged from './ruby-request-logged';
import springRequestLoggingFilter from './spring-request-logging-filter';

/**
 * Every `body-logging/` rule. Language rules report bodies and credential headers; the
 * generic credential rule (by name) comes last and is shadowed by them on the same span.
 */
const RULES: Rule[] = [
  jsRequestLogged,
  morganBodyToken,
  pythonRequestLogged,
  goRequestLogged,
  javaRequestLogged,
  springRequestLoggingFilter,
  csharpRequestLogged,
  aspnetHttpLoggingBody,
  httpClientBodyLogging,
  rubyRequestLogged,
  phpRequestLogged,
  genericCredentialInLog,
];

/**
 * Every rule reads log calls, whose receivers may be loggers declared in the file: the literals
 * `findLogCalls` asks the keyword pass about are registered with each rule.
 */
export const BODY_LOGGING_RULES: Rule[] = RULES.map((r) => ({
  ...r,
  anchors: [...(r.anchors ?? []), ...FACTORY_ANCHORS],
  gates: [...(r.gates ?? []), ...FACTORY_GATES],
}));
