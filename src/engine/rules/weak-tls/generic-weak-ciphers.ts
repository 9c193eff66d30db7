import type { ScanContext } from '../../context';
import type { RuleMatch } from '../../types';
import { GENERIC_LANGUAGES, isConfigText } from './genericLanguages';
import { replaceFix, tlsRule, type TlsHit } from './tlsRule';
import { isWeakSuiteName, modernCipherList, weakCiphers } from './tlsValues';

/** Lines that name weak suites in order to refuse them. */
const DENY_CONTEXT = /disabled|exclude|blacklist|blocklist|denylist|deny|insecure|weak|forbidden|banned|reject|remove|unsafe|==|!=|\bcase\b/i;

/** A key that holds a cipher list, and its separator (`:`, `=`, `=>`, `(`, `,`). */
const CIPHER_KEY = String.raw`(?<![\w.-])(?:[\w.-]{0,60}[._-])?(?:ciphers?|cipher[-_.]?suites?|cipher[-_.]?list|ciphersuites|set_?ciphers|setCiphers|ssl[-_]?cipher)["']?\s{0,10}(?::|=>|=(?!=)|\(|,)\s{0,10}`;
/** Every CIPHER_KEY holds "cipher"; the list after it is at most ~9,100 characters long. */
const NEAR_CIPHER_KEY = { anchor: /cipher/gi, before: 70, after: 9200 };

function listMessage(h: TlsHit): string | undefined {
  const weak = weakCiphers(h.value);
  return weak.length > 0 ? `Cipher list enables weak suites (${weak.slice(0, 4).join(', ')}): use a modern list.` : undefined;
}

function listFix(h: TlsHit) {
  return [replaceFix("Use Mozilla's intermediate cipher list", h.start, h.end, modernCipherList(h.value))];
}

/**
 * True when the IANA name sits in a deny list or a comparison: the current line, or the
 * declaration line of the list it is in (`var weakSuites = map[uint16]bool{`).
 */
function denied(h: TlsHit): boolean {
  const before = h.ctx.text.slice(Math.max(0, h.start - 400), h.start);
  const opener = Math.max(before.lastIndexOf('{'), before.lastIndexOf('['), before.lastIndexOf('('));
  const own = before.slice(before.lastIndexOf('\n') + 1);
  const decl = opener >= 0 ? before.slice(before.lastIndexOf('\n', opener) + 1, opener + 1) : '';
  return DENY_CONTEXT.test(own) || DENY_CONTEXT.test(decl);
}

/** One finding per line for IANA names: `{TLS_RSA_WITH_RC4_128_SHA, TLS_RSA_WITH_3DES_EDE_CBC_SHA}`. */
function mergePerLine(matches: RuleMatch[], ctx: ScanContext): RuleMatch[] {
  const out: RuleMatch[] = [];
  for (const m of matches.sort((a, b) => a.start - b.start)) {
    const prev = out[out.length - 1];
    const iana = m.value !== undefined && /^(?:TLS|SSL)_/.test(m.value);
    if (prev && iana && prev.value !== undefined && /^(?:TLS|SSL)_/.test(prev.value) && !ctx.text.slice(prev.end, m.start).includes('\n')) {
      prev.end = m.end;
      prev.value = ctx.text.slice(prev.start, prev.end);
      continue;
    }
    out.push(m);
  }
  return out;
}

/**
 * Weak cipher suites outside nginx/Apache/HAProxy: OpenSSL cipher strings assigned to a
 * cipher key (Node `ciphers:`, Python `set_ciphers()`, Spring `server.ssl.ciphers`, PHP
 * `CURLOPT_SSL_CIPHER_LIST`, ingress `ssl-ciphers`, Tomcat `ciphers=`) and IANA suite names
 * (`TLS_RSA_WITH_RC4_128_SHA`) in Go, Java, .NET and config.
 */
export default tlsRule({
  id: 'weak-tls/generic-weak-ciphers',
  title: 'Weak TLS cipher suites enabled',
  description:
    'RC4, DES and 3DES, NULL (no encryption), EXPORT (40/56-bit), MD5 and anonymous (unauthenticated) cipher suites can be broken or skip server authentication (RC4 biases, SWEET32, FREAK, Logjam). Enabling any of them lets an attacker steer a connection onto it.',
  remediation: "Use Mozilla's intermediate list (ECDHE/DHE with AES-GCM or ChaCha20-Poly1305), or leave the library default.",
  severity: 'warning',
  confidence: 'medium',
  cwe: ['CWE-327'],
  keywords: ['cipher', '_with_'],
  languages: [...GENERIC_LANGUAGES, 'text'],
  patterns: [
    {
      re: new RegExp(`${CIPHER_KEY}(["'\`])([^"'\`\n]{3,1000})\\1`, 'i'),
      group: 2,
      near: NEAR_CIPHER_KEY,
      message: listMessage,
      fixes: listFix,
    },
    {
      re: new RegExp(`${CIPHER_KEY}([^\\s"'\`#;,)]{3,1000}(?:,[^\\s"'\`#;,)]{3,200}){0,40})`, 'i'),
      group: 1,
      near: NEAR_CIPHER_KEY,
      message: listMessage,
      fixes: listFix,
    },
    {
      re: /\b((?:TLS|SSL)_[A-Za-z0-9]{1,12}(?:_[A-Za-z0-9]{1,12}){0,4}_WITH_[A-Za-z0-9_]{1,40})\b/,
      message: (h) =>
        isWeakSuiteName(h.value) && !denied(h)
          ? `${h.value} is a weak cipher suite: remove it and use ECDHE with AES-GCM or ChaCha20.`
          : undefined,
    },
  ],
  postProcess: (matches, ctx) => (isConfigText(ctx.path, ctx.language) ? mergePerLine(matches, ctx) : []),
  bad: [
    {
      path: 'src/server.ts',
      text: "const server = tls.createServer({\n  key,\n  cert,\n  ciphers: 'ECDHE-RSA-AES128-GCM-SHA256:RC4-SHA:DES-CBC3-SHA',\n});\n",
      count: 1,
    },
    { path: 'app/tls.py', text: "ctx = ssl.create_default_context()\nctx.set_ciphers('DES-CBC3-SHA:RC4-MD5')\n" },
    {
      path: 'internal/server/tls.go',
      text: 'cfg := &tls.Config{\n\tCipherSuites: []uint16{tls.TLS_RSA_WITH_RC4_128_SHA, tls.TLS_RSA_WITH_3DES_EDE_CBC_SHA},\n}\n',
      count: 1,
    },
    { path: 'src/main/resources/application.properties', text: 'server.ssl.ciphers=TLS_RSA_WITH_3DES_EDE_CBC_SHA,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256\n', count: 1 },
    { path: 'k8s/ingress.yaml', text: 'metadata:\n  annotations:\n    nginx.ingress.kubernetes.io/ssl-ciphers: "ALL:!aNULL:RC4:3DES"\n' },
    { path: 'src/Legacy.php', text: "curl_setopt($ch, CURLOPT_SSL_CIPHER_LIST, 'RC4-SHA');\n" },
  ],
  good: [
    { path: 'src/server.ts', text: "tls.createServer({ ciphers: 'HIGH:!aNULL:!eNULL:!RC4:!3DES:!MD5' });\n" },
    { path: 'internal/tls/deny.go', text: 'var insecure = map[uint16]bool{tls.TLS_RSA_WITH_RC4_128_SHA: true}\n' },
    { path: 'internal/server/tls.go', text: 'cfg := &tls.Config{CipherSuites: []uint16{tls.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256}}\n' },
    { path: 'config/app.yaml', text: '# ciphers: RC4-SHA  (removed)\nciphers: ECDHE-RSA-AES128-GCM-SHA256\n' },
    { path: 'src/docs.ts', text: "const cipherHelp = 'Which ciphers are used?';\n" },
  ],
});
