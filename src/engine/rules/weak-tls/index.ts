import type { Rule } from '../../rule';
import apacheSslCipherSuite from './apache-ssl-cipher-suite';
import apacheSslProtocol from './apache-ssl-protocol';
import apacheSslProxyVerify from './apache-ssl-proxy-verify';
import awsTlsPolicy from './aws-tls-policy';
import csharpCertificateValidation from './csharp-certificate-validation';
import csharpSslProtocols from './csharp-ssl-protocols';
import envVerificationDisabled from './env-verification-disabled';
import genericOldTlsVersion from './generic-old-tls-version';
import genericVerificationDisabled from './generic-verification-disabled';
import genericWeakCiphers from './generic-weak-ciphers';
import goInsecureSkipVerify from './go-insecure-skip-verify';
import goTlsVersion from './go-tls-version';
import haproxyTls from './haproxy-tls';
import haproxyVerifyNone from './haproxy-verify-none';
import javaHostnameVerifier from './java-hostname-verifier';
import javaTlsVersion from './java-tls-version';
import javaTrustAllCertificates from './java-trust-all-certificates';
import jvmSslProperties from './jvm-ssl-properties';
import nginxProxySslVerify from './nginx-proxy-ssl-verify';
import nginxSslCiphers from './nginx-ssl-ciphers';
import nginxSslProtocols from './nginx-ssl-protocols';
import nodeCheckServerIdentity from './node-check-server-identity';
import nodeRejectUnauthorized from './node-reject-unauthorized';
import nodeTlsVersion from './node-tls-version';
import phpSslVerify from './php-ssl-verify';
import phpTlsVersion from './php-tls-version';
import pythonTlsVersion from './python-tls-version';
import pythonUnverifiedContext from './python-unverified-context';
import pythonVerifyFalse from './python-verify-false';
import rubyTlsVersion from './ruby-tls-version';
import rubyVerifyNone from './ruby-verify-none';
import shellInsecureFlags from './shell-insecure-flags';
import shellOldProtocolFlags from './shell-old-protocol-flags';

/**
 * The scan's keyword pre-filter reports one keyword per position, the longest: where
 * `insecure-skip-tls-verify` matches, `verify` and `insecure` are not reported. So each rule
 * also gets the family's longer keywords that contain one of its own.
 */
function withContainingKeywords(rules: Rule[]): Rule[] {
  const all = [...new Set(rules.flatMap((r) => r.keywords))];
  return rules.map((r) => {
    const extra = all.filter((k) => !r.keywords.includes(k) && r.keywords.some((own) => k.includes(own)));
    return extra.length === 0 ? r : { ...r, keywords: [...r.keywords, ...extra] };
  });
}

/**
 * Every `weak-tls/` rule. Specific rules (per language or config) come first; the
 * `generic-*` ones catch the same classes in other formats and are shadowed by a specific
 * rule on an overlapping span (see `scan.ts`).
 */
export const WEAK_TLS_RULES: Rule[] = withContainingKeywords([
  nodeRejectUnauthorized,
  nodeCheckServerIdentity,
  nodeTlsVersion,
  pythonVerifyFalse,
  pythonUnverifiedContext,
  pythonTlsVersion,
  goInsecureSkipVerify,
  goTlsVersion,
  javaTrustAllCertificates,
  jvmSslProperties,
  javaHostnameVerifier,
  javaTlsVersion,
  csharpCertificateValidation,
  csharpSslProtocols,
  rubyVerifyNone,
  rubyTlsVersion,
  phpSslVerify,
  phpTlsVersion,
  envVerificationDisabled,
  shellInsecureFlags,
  shellOldProtocolFlags,
  nginxSslProtocols,
  nginxSslCiphers,
  nginxProxySslVerify,
  apacheSslProtocol,
  apacheSslCipherSuite,
  apacheSslProxyVerify,
  haproxyTls,
  haproxyVerifyNone,
  awsTlsPolicy,
  genericVerificationDisabled,
  genericOldTlsVersion,
  genericWeakCiphers,
]);
