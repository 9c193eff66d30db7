import type { ScanContext } from '../../context';
import { METADATA_TITLE, replaceAllArguments } from './fixHelpers';
import { requestRule, type Hit } from './requestRule';
import { CRED_FIELD, CRED_FIELD_WHAT } from './requestFields';
import type { Source } from './taint';

/**
 * Ruby (Rails, Sinatra, Rack): `Rails.logger.*`, `logger.*`, `puts`/`p`/`pp` writing all
 * `params`, `request.body.read`, `request.raw_post`, or the Authorization/Cookie headers.
 * A single field (`params[:id]`) is not the body; `params[:password]` is reported by
 * `generic-credential-in-log`.
 */

const CRED_HEADER = '(?:HTTP_)?(?:AUTHORIZATION|COOKIE|X[-_]API[-_]KEY|X[-_]AUTH[-_]TOKEN)|(?:Proxy-)?Authorization|Cookie';

const BODY: Source[] = [
  { re: /(?<![\w.@:$])params(?![\w?!:])/g, kind: 'body', what: 'All request parameters' },
  {
    re: /(?<![\w.@:$])request\.(?:raw_post|body|params|parameters|request_parameters|POST)(?![\w?!])/g,
    kind: 'body',
    what: 'Request body',
    hint: ['request.raw_post', 'request.body', 'request.params', 'request.parameters', 'request.request_parameters', 'request.post'],
  },
];

/**
 * A credential field of the request. Tracked through variables only (`pw = …`, then `log(pw)`):
 * logged directly, `generic-credential-in-log` reports it by its name.
 */
const FIELDS: Source[] = [
  {
    // `params[:password]`, `params[:user][:password]`, `params.dig(:user, :token)`.
    re: new RegExp(`(?<![\\w.@:$])params(?:\\[\\s{0,2}:\\w{1,40}\\s{0,2}\\]){0,3}\\[\\s{0,2}(?::${CRED_FIELD}|(['"])${CRED_FIELD}\\1)\\s{0,2}\\]|(?<![\\w.@:$])params\\.(?:dig|fetch)\\([^()\\n]{0,80}:${CRED_FIELD}\\s{0,2}\\)`, 'g'),
    kind: 'credential',
    what: CRED_FIELD_WHAT,
  },
];

const CREDENTIAL: Source[] = [
  {
    re: new RegExp(`(?<![\\w.@:$])request\\.(?:headers|env)\\[\\s{0,2}(['"])(?:${CRED_HEADER})\\1\\s{0,2}\\]`, 'gi'),
    kind: 'credential',
    what: 'Authorization or Cookie header',
    hint: ['request.headers[', 'request.env['],
  },
  { re: /(?<![\w.@:$])request\.authorization(?![\w?!])/g, kind: 'credential', what: 'Authorization header', hint: ['request.authorization'] },
  {
    re: /(?<![\w.@:$])request\.(?:headers|env)(?![\w?!])/g,
    kind: 'credential',
    what: 'All request headers (Authorization and Cookie included)',
    hint: ['request.headers', 'request.env'],
  },
  { re: /(?<![\w.@:$])(?:request\.)?cookies(?![\w?!:])/g, kind: 'credential', what: 'Request cookies' },
];

function fix(ctx: ScanContext, hit: Hit) {
  if (hit.kind !== 'body' || !hit.match) return undefined;
  const args = '"#{request.request_method} #{request.path}"';
  return replaceAllArguments(ctx, hit, args, METADATA_TITLE);
}

/** `body-logging/ruby-request-logged`. */
export default requestRule({
  id: 'body-logging/ruby-request-logged',
  title: 'Request body or credential header logged (Ruby)',
  description:
    'A Rails.logger, logger, puts or p call writes all request params, the raw body (request.body.read, request.raw_post), all request headers, cookies or the Authorization header. Rails filters parameters only in its own request log lines, not in what you log yourself: passwords, tokens and personal data end up in the log files.',
  remediation:
    'Log request.request_method, request.path, the status and the ids you need; log whether a credential is present, never its value.',
  languages: ['ruby'],
  keywords: ['params', 'request', 'cookies'],
  sinks: [...BODY, ...CREDENTIAL],
  taint: {
    assign: /^[ \t]*(@?[a-z_]\w{0,40})\s*=(?![=~>])\s*/gm,
    sources: [...BODY, ...CREDENTIAL, ...FIELDS],
  },
  fix,
  bad: [
    { path: 'app/controllers/sessions_controller.rb', text: 'pw = params[:user][:password]\nRails.logger.info("login #{pw}")\n' },
    {
      path: 'app/controllers/webhooks_controller.rb',
      text: 'def create\n  Rails.logger.debug(params.inspect)\n  head :ok\nend\n',
      fixed: 'def create\n  Rails.logger.debug("#{request.request_method} #{request.path}")\n  head :ok\nend\n',
    },
    {
      path: 'app/controllers/webhooks_controller.rb',
      text: 'def shopify\n  Rails.logger.info("Shopify webhook: #{request.raw_post}")\nend\n',
    },
    { path: 'app.rb', text: "post '/hook' do\n  payload = request.body.read\n  logger.info payload\nend\n" },
    { path: 'app/controllers/api_controller.rb', text: "logger.debug \"auth: #{request.headers['Authorization']}\"\n" },
  ],
  good: [
    { path: 'app/controllers/users_controller.rb', text: 'Rails.logger.info "Updating user #{params[:id]}"\n' },
    { path: 'app/controllers/users_controller.rb', text: "logger.info 'params received'\nlogger.info \"#{request.method} #{request.path}\"\n" },
    { path: 'app/controllers/users_controller.rb', text: '# Rails.logger.debug params.inspect\nlogger.info params.except(:password).keys.inspect\n' },
    { path: 'spec/requests/users_spec.rb', text: 'puts params.inspect\n' },
  ],
});
