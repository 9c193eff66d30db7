import { envVarFix } from '../../fixes';
import { defineRule } from '../../rule';
import { execAt } from '../../windows';
import type { RuleMatch } from '../../types';
import { decodeJwt, type DecodedJwt } from './jwtClaims';
import { MAX_MATCHES_PER_RULE } from './tokenRule';
import { isTestPath } from './util';

const JWT = /(?<![A-Za-z0-9_-])(eyJ[A-Za-z0-9_-]{10,500}\.eyJ[A-Za-z0-9_-]{10,4000}\.[A-Za-z0-9_-]{16,700})(?![A-Za-z0-9_-])/g;
const JWT_AT = new RegExp(JWT.source, 'y');
const DAY = 86_400;

/** Claims that mark a token issued to a program (API key, service account), not a user session. */
const SERVICE_CLAIMS = /^(?:scope|scopes|scp|permissions|roles?|client_id|azp|api_key|apikey|key_id|token_type|type|grant_type|service|account|org_id|project_id|tenant|tid|appid)$/;

/**
 * JWTs that are credentials: signed (not `alg: none`), not expired, not the jwt.io sample,
 * and either long-lived (no `exp`, or valid for more than 30 days) or carrying service claims.
 * In test files only the latter count. Supabase service-role keys have their own rule.
 */
export default defineRule({
  id: 'secrets/jwt-credential',
  family: 'secrets',
  title: 'JSON Web Token credential',
  description:
    'A signed JWT is a bearer credential: whoever holds it is authenticated as its subject until it expires. Long-lived tokens and API keys in JWT form (service accounts, integrations) stay valid for months or forever.',
  remediation: 'Revoke or expire the token (rotate the signing key or the API key it represents) and load it from the environment.',
  severity: 'error',
  confidence: 'medium',
  cwe: ['CWE-798'],
  keywords: ['eyj'],
  anchors: ['eyj'],
  languages: 'all',
  detect(ctx) {
    const out: RuleMatch[] = [];
    const now = Math.floor(Date.now() / 1000);
    // A token starts at an `eyJ` the keyword pass saw: the pattern is tried stuck there only.
    execAt(JWT_AT, ctx.text, ctx.anchors('eyj'), (m) => {
      if (out.length >= MAX_MATCHES_PER_RULE) return false;
      const token = m[1];
      const jwt = decodeJwt(token);
      if (!jwt || !isCredential(jwt, now, isTestPath(ctx.path))) return;
      const start = m.index;
      const end = start + token.length;
      const lifetime = typeof jwt.payload.exp === 'number' ? 'long-lived' : 'never expires';
      out.push({
        start,
        end,
        value: token,
        message: `Signed JWT credential (${lifetime}) hardcoded: revoke it and read it from the environment.`,
        fixes: envVarFix(ctx, start, end, token, 'API_TOKEN'),
      });
    });
    return out;
  },
  bad: [
    {
      path: 'src/api.ts',
      text: "const apiToken = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtYmlsbGluZyIsInNjb3BlIjoiaW52b2ljZXM6d3JpdGUiLCJpYXQiOjE3MDAwMDAwMDB9.Yk3nR9vQ2xL7pT4wZ8mB1cF6hJ0sD5gA3eU9iO2kPq8';\n",
      fixed: 'const apiToken = process.env.API_TOKEN;\n',
    },
    {
      path: 'scripts/sync.py',
      text: 'headers = {"Authorization": "Bearer eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJhY21lIiwiY2xpZW50X2lkIjoiZXRsIiwiaWF0IjoxNzAwMDAwMDAwfQ.c2lnbmF0dXJlX2J5dGVzX2hlcmVfMTIzNDU2Nzg5MA"}\n',
    },
  ],
  good: [
    {
      path: 'README.md',
      text: 'Example: eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c\n',
    },
    {
      path: 'src/expired.ts',
      text: "const old = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyLTQyIiwiZXhwIjoxNjAwMDAwMDAwfQ.Yk3nR9vQ2xL7pT4wZ8mB1cF6hJ0sD5gA3eU9iO2kPq8';\n",
    },
    {
      path: 'src/unsigned.ts',
      text: "const t = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJzdmMtYmlsbGluZyIsInNjb3BlIjoiYWRtaW4ifQ.AAAAAAAAAAAAAAAAAAAAAA';\n",
    },
    {
      path: 'src/supabase.ts',
      text: "const anonKey = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJyb2xlIjoiYW5vbiIsImlzcyI6InN1cGFiYXNlIn0.Yk3nR9vQ2xL7pT4wZ8mB1cF6hJ0sD5gA3eU9iO2kPq8';\n",
    },
  ],
});

function isCredential(jwt: DecodedJwt, now: number, inTest: boolean): boolean {
  const { header, payload, signature } = jwt;
  if (typeof header.alg !== 'string' || header.alg.toLowerCase() === 'none' || signature.length < 16) return false;
  if (/^(.)\1+$/.test(signature)) return false;
  if (payload.sub === '1234567890' || payload.name === 'John Doe') return false;
  if (payload.role === 'anon' || payload.role === 'service_role') return false;
  const exp = typeof payload.exp === 'number' ? payload.exp : undefined;
  if (exp !== undefined && exp < now) return false;
  const service = Object.keys(payload).some((k) => SERVICE_CLAIMS.test(k));
  if (inTest) return service && exp === undefined;
  if (service) return true;
  const iat = typeof payload.iat === 'number' ? payload.iat : now;
  return exp === undefined || exp - iat > 30 * DAY;
}
