import { defineRule } from '../../rule';
import type { RuleMatch } from '../../types';
import { MAX_MATCHES_PER_RULE } from './tokenRule';

const BEGIN = /-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP |DH |SSH2 )?PRIVATE KEY(?: BLOCK)?)-----/g;
const PUTTY = /PuTTY-User-Key-File-\d: ?[\w-]{1,40}/g;
/** The private member of a JSON Web Key: `"d"` (RSA/EC/OKP private exponent or scalar) in an object with `"kty"`. */
const JWK_D = /"d"\s{0,4}:\s{0,4}"([A-Za-z0-9_-]{32,1400})"/g;
/** How far the END line may be from BEGIN: a 16k-bit RSA key in PEM is about 13 kB. */
const MAX_BLOCK = 16_000;

const GUIDANCE =
  'remove the file from the repository (git rm --cached, add it to .gitignore), load it from a secret store at runtime, and replace the key pair: it must be considered leaked.';

/**
 * Private key blocks (PEM, OpenSSH, PGP, PuTTY). Real keys have a body of base64; truncated
 * examples (`...`), templates and code that only tests for the header are not reported.
 */
export default defineRule({
  id: 'secrets/private-key',
  family: 'secrets',
  title: 'Private key',
  description:
    'A private key (TLS, SSH, JWT signing, PGP, code signing) lets whoever holds it impersonate your servers, log in to your machines, sign tokens your services trust or decrypt your traffic. A committed key is a leaked key.',
  remediation: 'Remove the key file from the repository, add it to .gitignore, and replace the key pair.',
  severity: 'error',
  confidence: 'high',
  cwe: ['CWE-321', 'CWE-798'],
  keywords: ['private key', 'putty-user-key-file', '"kty"'],
  languages: 'all',
  detect(ctx) {
    const out: RuleMatch[] = [];
    const re = new RegExp(BEGIN.source, 'g');
    // Kinds with no END marker after some offset: later BEGINs of that kind need no search.
    const noEndAfter = new Map<string, number>();
    let m: RegExpExecArray | null;
    while ((m = re.exec(ctx.text)) !== null && out.length < MAX_MATCHES_PER_RULE) {
      const kind = m[1];
      if ((noEndAfter.get(kind) ?? Infinity) <= m.index) continue;
      const endMarker = `-----END ${kind}-----`;
      const endAt = ctx.text.indexOf(endMarker, m.index + m[0].length);
      if (endAt < 0) noEndAfter.set(kind, m.index);
      if (endAt < 0 || endAt - m.index > MAX_BLOCK) continue;
      const body = ctx.text.slice(m.index + m[0].length, endAt);
      if (!hasKeyBody(body) || inServiceAccountJson(ctx.text, m.index)) continue;
      const end = endAt + endMarker.length;
      const encrypted = kind.startsWith('ENCRYPTED') || /Proc-Type:\s*4,ENCRYPTED/.test(body);
      out.push({
        start: m.index,
        end,
        value: ctx.text.slice(m.index, end),
        severity: encrypted ? 'warning' : undefined,
        message: encrypted
          ? `Encrypted private key committed (${kind.toLowerCase()}): it is only as safe as its passphrase; ${GUIDANCE}`
          : `Private key committed (${kind.toLowerCase()}): ${GUIDANCE}`,
      });
      re.lastIndex = end;
    }
    const putty = new RegExp(PUTTY.source, 'g');
    while ((m = putty.exec(ctx.text)) !== null && out.length < MAX_MATCHES_PER_RULE) {
      const linesAt = ctx.text.indexOf('Private-Lines:', m.index);
      if (linesAt < 0 || linesAt - m.index > MAX_BLOCK) continue;
      const end = Math.min(ctx.text.length, ctx.lineEnd(linesAt));
      out.push({ start: m.index, end, value: ctx.text.slice(m.index, end), message: `PuTTY private key committed: ${GUIDANCE}` });
    }
    if (ctx.text.includes('"kty"')) {
      const jwk = new RegExp(JWK_D.source, 'g');
      while ((m = jwk.exec(ctx.text)) !== null && out.length < MAX_MATCHES_PER_RULE) {
        const object = ctx.text.slice(Math.max(0, m.index - 1500), m.index);
        const open = object.lastIndexOf('{');
        if (open < 0 || !object.slice(open).includes('"kty"')) continue;
        const start = m.index + m[0].length - m[1].length - 1;
        out.push({ start, end: start + m[1].length, value: m[1], message: `Private JSON Web Key committed (its "d" member): ${GUIDANCE}` });
      }
    }
    return out;
  },
  bad: [
    { path: 'keys/signing-jwk.json', text: '{ "kty": "EC", "crv": "P-256", "x": "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU", "y": "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0", "d": "jpsQnnGQmL-YBIffH1136cLYqI7xA2wLqV5hWkZrEAM" }\n' },
    {
      path: 'deploy/id_rsa',
      text:
        '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\nVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK\nLxoS2tFczGkPLPgizskuemMghRniWaoLcyehkd3qqGElvW/VDL5AaWTg0nLVkjRo\n-----END RSA PRIVATE KEY-----\n',
      count: 1,
    },
    {
      path: 'src/jwt.ts',
      text:
        "const signingKey = `-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBkg4LVWM9nuwNSk3yByxZpYRTBnVJk5oc0ZkRkXkQ9ZoAoGCCqGSM49\nAwEHoUQDQgAEk2aH1R8pGWJq0M6c4XYW3y0Vdm9Y1yJvNtUe3uDc5pC7ABx9Yq4w\n-----END EC PRIVATE KEY-----`;\n",
    },
    {
      path: '.ssh/id_ed25519',
      text:
        '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\nQyNTUxOQAAACBq7R3Xf0q8wQpVbQ4oZ2hY9kL5mN3cT8jR6sU1vW0xYgAAAJgH2kF3B9pL\n-----END OPENSSH PRIVATE KEY-----\n',
    },
  ],
  good: [
    { path: 'keys/jwks.json', text: '{ "keys": [{ "kty": "RSA", "kid": "k1", "e": "AQAB", "n": "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw" }] }\n' },
    { path: 'src/keys.ts', text: "if (pem.startsWith('-----BEGIN RSA PRIVATE KEY-----')) return 'pkcs1';\n" },
    { path: 'README.md', text: '```\n-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----\n```\n' },
    { path: 'certs/server.crt', text: '-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBaMQswCQYDVQQGEwJJRTES\nMBAGA1UEChMJQmFsdGltb3JlMRMwEQYDVQQLEwpDeWJlclRydXN0MSIwIAYDVQQDExlC\n-----END CERTIFICATE-----\n' },
    { path: 'keys/deploy.pub', text: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGq7R3Xf0q8wQpVbQ4oZ2hY9kL5mN3cT8jR6sU1vW0xY deploy@acme\n' },
  ],
});

/** At least 64 base64 characters of body, and no ellipsis or template marker. */
function hasKeyBody(body: string): boolean {
  if (/\.\.\.|…|<[^>]{1,40}>|\{\{|\$\{|x{8,}|X{8,}/.test(body)) return false;
  let n = 0;
  for (let i = 0; i < body.length && n < 64; i++) {
    const c = body.charCodeAt(i);
    const b64 = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 43 || c === 47;
    if (b64 && !(c === 110 && body[i - 1] === '\\')) n++;
  }
  return n >= 64;
}

/** The `private_key` of a GCP service-account file is reported by `secrets/gcp-service-account-key`. */
function inServiceAccountJson(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 40), index);
  return /"private_key"\s{0,4}:\s{0,4}"$/.test(before) && /"type"\s{0,4}:\s{0,4}"service_account"/.test(text);
}
