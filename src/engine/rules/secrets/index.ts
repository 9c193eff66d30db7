import type { Rule } from '../../rule';
import ageSecretKey from './age-secret-key';
import aiPlatformKey from './ai-platform-key';
import algoliaAdminKey from './algolia-admin-key';
import anthropicApiKey from './anthropic-api-key';
import atlassianApiToken from './atlassian-api-token';
import auth0ClientSecret from './auth0-client-secret';
import authorizationHeader from './authorization-header';
import awsAccessKeyId from './aws-access-key-id';
import awsSecretAccessKey from './aws-secret-access-key';
import azureAdClientSecret from './azure-ad-client-secret';
import azureSasToken from './azure-sas-token';
import azureStorageKey from './azure-storage-key';
import basicAuthUrl from './basic-auth-url';
import cliPassword from './cli-password';
import braintreeAccessToken from './braintree-access-token';
import cloudflareApiToken from './cloudflare-api-token';
import connectionStringPassword from './connection-string-password';
import databaseUrlPassword from './database-url-password';
import datadogApiKey from './datadog-api-key';
import digitaloceanToken from './digitalocean-token';
import discordBotToken from './discord-bot-token';
import discordWebhook from './discord-webhook';
import dockerHubToken from './docker-hub-token';
import dopplerToken from './doppler-token';
import firebaseCloudMessagingKey from './firebase-cloud-messaging-key';
import gcpApiKey from './gcp-api-key';
import gcpServiceAccountKey from './gcp-service-account-key';
import genericDotenvSecret from './generic-dotenv-secret';
import genericSecret from './generic-secret';
import githubToken from './github-token';
import gitlabToken from './gitlab-token';
import googleOauthAccessToken from './google-oauth-access-token';
import launchdarklySdkKey from './launchdarkly-sdk-key';
import railsMasterKey from './rails-master-key';
import signingKeyArgument from './signing-key-argument';
import googleOauthClientSecret from './google-oauth-client-secret';
import grafanaToken from './grafana-token';
import herokuApiKey from './heroku-api-key';
import huggingfaceToken from './huggingface-token';
import infrastructurePlatformToken from './infrastructure-platform-token';
import jwtCredential from './jwt-credential';
import linearApiKey from './linear-api-key';
import mailchimpApiKey from './mailchimp-api-key';
import mailgunApiKey from './mailgun-api-key';
import mapboxSecretToken from './mapbox-secret-token';
import newRelicKey from './new-relic-key';
import notionToken from './notion-token';
import npmToken from './npm-token';
import oktaApiToken from './okta-api-token';
import openaiApiKey from './openai-api-key';
import passwordArgument from './password-argument';
import postmanApiKey from './postman-api-key';
import postmarkToken from './postmark-token';
import privateKey from './private-key';
import pypiToken from './pypi-token';
import rubygemsApiKey from './rubygems-api-key';
import sendgridApiKey from './sendgrid-api-key';
import sentryCredential from './sentry-credential';
import shopifyToken from './shopify-token';
import slackToken from './slack-token';
import sqlPassword from './sql-password';
import slackWebhook from './slack-webhook';
import squareToken from './square-token';
import stripeSecretKey from './stripe-secret-key';
import supabaseServiceKey from './supabase-service-key';
import teamsWebhook from './teams-webhook';
import telegramBotToken from './telegram-bot-token';
import twilioCredentials from './twilio-credentials';
import vaultToken from './vault-token';

/**
 * Keywords of other rules that contain one of ours. The scan's keyword pre-filter is one
 * left-to-right regex pass, in which a longer keyword ("password=") consumes a shorter one
 * ("passw") at the same position; registering our rules under those longer keywords too keeps
 * them running whatever else is in the catalogue.
 */
const OTHER_FAMILIES_KEYWORDS = [
  'password', 'passwd', 'secretkey', 'access_key', 'api_key', 'app_key', 'private_key', 'signing_key',
  'http://', 'aws_lb_listener', 'aws_alb_listener', 'npm_config_strict_ssl', 'ssl=false', 'ssl = false',
  'verify =>', 'authorization', 'x-api-key', 'api-key', 'client_secret', 'auth_token', 'access_token',
];

function withOverlappingKeywords(rules: Rule[]): Rule[] {
  const all = new Set<string>([...rules.flatMap((r) => r.keywords), ...OTHER_FAMILIES_KEYWORDS]);
  for (const rule of rules) {
    const extra = [...all].filter((k) => !rule.keywords.includes(k) && rule.keywords.some((mine) => k.includes(mine)));
    rule.keywords = [...rule.keywords, ...extra];
  }
  return rules;
}

/**
 * Every `secrets/` rule, in the order they run: provider formats first, then key blocks,
 * JWTs and credentials in URLs and headers, then the generic rules they shadow.
 */
export const SECRETS_RULES: Rule[] = withOverlappingKeywords([
  awsAccessKeyId,
  awsSecretAccessKey,
  gcpServiceAccountKey,
  gcpApiKey,
  azureStorageKey,
  azureSasToken,
  azureAdClientSecret,
  githubToken,
  gitlabToken,
  atlassianApiToken,
  slackToken,
  slackWebhook,
  discordBotToken,
  discordWebhook,
  telegramBotToken,
  teamsWebhook,
  stripeSecretKey,
  squareToken,
  braintreeAccessToken,
  shopifyToken,
  sendgridApiKey,
  mailgunApiKey,
  mailchimpApiKey,
  twilioCredentials,
  postmarkToken,
  openaiApiKey,
  anthropicApiKey,
  huggingfaceToken,
  aiPlatformKey,
  npmToken,
  pypiToken,
  dockerHubToken,
  rubygemsApiKey,
  linearApiKey,
  notionToken,
  datadogApiKey,
  newRelicKey,
  sentryCredential,
  herokuApiKey,
  digitaloceanToken,
  cloudflareApiToken,
  firebaseCloudMessagingKey,
  supabaseServiceKey,
  dopplerToken,
  vaultToken,
  oktaApiToken,
  auth0ClientSecret,
  algoliaAdminKey,
  mapboxSecretToken,
  postmanApiKey,
  grafanaToken,
  infrastructurePlatformToken,
  googleOauthClientSecret,
  googleOauthAccessToken,
  railsMasterKey,
  launchdarklySdkKey,
  signingKeyArgument,
  ageSecretKey,
  privateKey,
  jwtCredential,
  databaseUrlPassword,
  connectionStringPassword,
  basicAuthUrl,
  authorizationHeader,
  cliPassword,
  sqlPassword,
  passwordArgument,
  genericSecret,
  genericDotenvSecret,
]);
