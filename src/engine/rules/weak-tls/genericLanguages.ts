import type { LanguageId } from '../../types';

/**
 * Where the `weak-tls/generic-*` rules look: config formats and code. Not Markdown, HTML or
 * plain text (prose), and not nginx/Apache/HAProxy directives, which have their own rules.
 */
export const GENERIC_LANGUAGES: LanguageId[] = [
  'yaml', 'json', 'toml', 'ini', 'properties', 'dotenv', 'terraform', 'xml', 'nginx', 'shell', 'dockerfile',
  'javascript', 'typescript', 'python', 'go', 'java', 'kotlin', 'scala', 'csharp', 'ruby', 'php', 'rust',
  'swift', 'c', 'powershell',
];

/** `http.sslVerify` → `httpsslverify`: keys compared without case and separators. */
export function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * Plain-text files are read only when their name says config: dotfiles (`.npmrc`, `.yarnrc`,
 * `.gitconfig`, `.wgetrc`, `.curlrc`) and `*.cnf`, `*.cf`, `*.ovpn`, `*rc` files.
 */
export function isConfigText(path: string, language: string): boolean {
  return language !== 'text' || /(?:^|\/)\.[^/]+$|\.(?:cnf|cf|ovpn|rc)$|rc$/i.test(path);
}
