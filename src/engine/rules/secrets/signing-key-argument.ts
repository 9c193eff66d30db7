import { envVarFix } from '../../fixes';
import { defineRule } from '../../rule';
import type { RuleMatch } from '../../types';
import { isSecretValue } from './genericValue';
import { MAX_MATCHES_PER_RULE } from './tokenRule';
import { isTestPath } from './util';

/**
 * Calls whose `arg`-th argument (1-based) is a signing, MAC or encryption key: JWT libraries
 * (`jwt.sign(payload, key)`, `JWT.encode(payload, key, 'HS256')`, `Algorithm.HMAC256(key)`),
 * HMAC and cipher constructors in Node, Python, Go, Java, C#, Ruby and PHP.
 */
const CALLS: { re: RegExp; arg: number }[] = [
  { re: /\b(?:jwt|JWT|jws|Jwt)(?:\.|::)(?:sign|verify|encode|decode)\s{0,2}\(/g, arg: 2 },
  { re: /\bcreate(?:Hmac|Cipheriv|Decipheriv)\s{0,2}\(/g, arg: 2 },
  { re: /\b(?:hmac\.new|Fernet|AES\.new|AESGCM|ChaCha20Poly1305|Algorithm\.HMAC(?:256|384|512)|hmacShaKeyFor|SecretKeySpec|SymmetricSecurityKey|HMACSHA(?:256|384|512)|SignedString)\s{0,2}\(/g, arg: 1 },
  { re: /\b(?:hmac\.New|HMAC\.(?:hexdigest|digest|base64digest)|signWith)\s{0,2}\(/g, arg: 2 },
  { re: /\bhash_hmac\s{0,2}\(/g, arg: 3 },
];

/**
 * A literal key as written in an argument, bare or wrapped in the byte conversion of its
 * language: `"k"`, `b"k"`, `[]byte("k")`, `"k".getBytes(…)`, `Encoding.UTF8.GetBytes("k")`,
 * `Buffer.from("k")`, `"k".encode()`. Group 1 is the prefix, group 3 the key.
 */
const KEY_LITERAL =
  /^\s{0,4}((?:\[\]byte\(|Buffer\.from\(|Encoding\.\w{1,10}\.GetBytes\(|bytes\(|str\.encode\()?\s{0,2}[bB]?)(["'`])([^"'`\n\\]{8,400})\2/;

/**
 * `secrets/signing-key-argument`: a literal key passed straight to a JWT, HMAC or cipher API.
 * Whoever reads it can forge tokens and webhook signatures or decrypt the data.
 */
export default defineRule({
  id: 'secrets/signing-key-argument',
  family: 'secrets',
  title: 'Hardcoded signing or encryption key',
  description:
    'A key written as the argument of a JWT, HMAC or cipher call lets everyone who can read the repository forge session tokens and webhook signatures your services trust, or decrypt the data it protects.',
  remediation: 'Pass a key read from the environment or a secret manager, and replace this one (tokens signed with it stay valid until it changes).',
  severity: 'error',
  confidence: 'medium',
  cwe: ['CWE-798', 'CWE-321'],
  keywords: ['jwt.', 'jwt::', 'jws.', 'createhmac', 'createcipheriv', 'createdecipheriv', 'hmac.new', 'fernet(', 'aes.new', 'aesgcm', 'chacha20poly1305', 'algorithm.hmac', 'hmacshakeyfor', 'secretkeyspec', 'symmetricsecuritykey', 'hmacsha', 'signedstring', 'hmac.hexdigest', 'hmac.digest', 'hmac.base64digest', 'signwith', 'hash_hmac'],
  languages: ['javascript', 'typescript', 'python', 'go', 'java', 'kotlin', 'csharp', 'ruby', 'php', 'scala', 'swift', 'rust'],
  detect(ctx) {
    if (isTestPath(ctx.path)) return [];
    const out: RuleMatch[] = [];
    for (const { re, arg } of CALLS) {
      const calls = new RegExp(re.source, 'g');
      let m: RegExpExecArray | null;
      while ((m = calls.exec(ctx.text)) !== null && out.length < MAX_MATCHES_PER_RULE) {
        const a = argumentAt(ctx.text, m.index + m[0].length, arg);
        const k = a && KEY_LITERAL.exec(a.text);
        if (!a || !k) continue;
        const value = k[3];
        const start = a.start + k.index + k[0].length - value.length - 1;
        if (ctx.regionAt(start) !== 'string' || !isSecretValue(value, 'key', 'signing_key')) continue;
        if (out.some((f) => f.start === start)) continue;
        out.push({
          start,
          end: start + value.length,
          value,
          message: 'Signing or encryption key hardcoded as a call argument: read it from the environment or a secret manager, and replace it.',
          fixes: /[bB]$/.test(k[1]) ? [] : envVarFix(ctx, start, start + value.length, value, 'SIGNING_KEY'),
        });
      }
    }
    return out;
  },
  bad: [
    { path: 'src/auth.js', text: "const token = jwt.sign({ sub: user.id }, 'q8Lz2XkP9vR4mW7tB1yN6cH3', { expiresIn: '1h' });\n" },
    { path: 'app/auth.py', text: 'token = jwt.encode(claims, "Kp9vR4mW7tB1yN6cH3q8Lz2X", algorithm="HS256")\n' },
    { path: 'app/hooks.py', text: 'sig = hmac.new(b"3f9c2e7a1b8d4f6e0a5c9b2d7e1f4a8c", body, hashlib.sha256).hexdigest()\n' },
    { path: 'src/hooks.ts', text: "const sig = crypto.createHmac('sha256', 'a8Kq2LmX9vR4tZ7wB1yN6cH3').update(raw).digest('hex');\n" },
    { path: 'Auth/Jwt.cs', text: 'var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("Zx8Lq2Kp9vR4mW7tB1yN6cH3jF5gD0sA"));\n' },
    { path: 'internal/auth/jwt.go', text: 'return token.SignedString([]byte("Bg6FkP9vR4mW7tB1yN6cH3q8"))\n' },
    { path: 'src/main/java/Tokens.java', text: 'Algorithm alg = Algorithm.HMAC256("Jv7Lq2Kp9vR4mW7tB1yN6cH3");\n' },
    { path: 'lib/tokens.rb', text: "JWT.encode(payload, 'Rb9vR4mW7tB1yN6cH3q8Lz2X', 'HS256')\n" },
    { path: 'src/Webhook.php', text: "$sig = hash_hmac('sha256', $payload, 'Ph9vR4mW7tB1yN6cH3q8Lz2X');\n" },
  ],
  good: [
    { path: 'src/auth.js', text: "const token = jwt.sign({ sub: user.id }, process.env.JWT_SECRET, { expiresIn: '1h' });\njwt.verify(token, 'shhhhh');\n" },
    { path: 'app/auth.py', text: 'token = jwt.encode(claims, settings.SECRET_KEY, algorithm="HS256")\ndata = jwt.decode(token, "secret", algorithms=["HS256"])\n' },
    { path: 'src/hooks.ts', text: "const digest = crypto.createHash('sha256').update(raw).digest('hex');\nconst mac = crypto.createHmac('sha256', secret);\n" },
    { path: 'tests/test_auth.py', text: 'token = jwt.encode(claims, "Kp9vR4mW7tB1yN6cH3q8Lz2X", algorithm="HS256")\n' },
    { path: 'src/jwt.ts', text: "const parts = jwt.decode(token, { complete: true });\n" },
  ],
});

/** The text and offset of the `n`th top-level argument after an opening parenthesis (bounded). */
function argumentAt(text: string, from: number, n: number): { start: number; text: string } | undefined {
  let depth = 0;
  let index = 1;
  let argStart = from;
  const limit = Math.min(text.length, from + 600);
  for (let i = from; i < limit; i++) {
    const c = text[i];
    if (c === '"' || c === "'" || c === '`') {
      let close = i + 1;
      while (close < limit && text[close] !== c && text[close] !== '\n') close += text[close] === '\\' ? 2 : 1;
      if (close >= limit || text[close] !== c) return undefined;
      i = close;
      continue;
    }
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      if (depth-- === 0) return index === n ? { start: argStart, text: text.slice(argStart, i) } : undefined;
    } else if (c === ',' && depth === 0) {
      if (index === n) return { start: argStart, text: text.slice(argStart, i) };
      index++;
      argStart = i + 1;
    }
  }
  return undefined;
}
