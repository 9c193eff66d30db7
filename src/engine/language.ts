import type { LanguageId } from './types';

const BY_EXTENSION: Record<string, LanguageId> = {
  js: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  jsx: 'javascript',
  ts: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  tsx: 'typescript',
  vue: 'javascript',
  svelte: 'javascript',
  py: 'python',
  pyw: 'python',
  go: 'go',
  java: 'java',
  kt: 'kotlin',
  kts: 'kotlin',
  groovy: 'java',
  gradle: 'java',
  cs: 'csharp',
  rb: 'ruby',
  rake: 'ruby',
  gemspec: 'ruby',
  erb: 'ruby',
  php: 'php',
  rs: 'rust',
  c: 'c',
  h: 'c',
  cc: 'c',
  cpp: 'c',
  hpp: 'c',
  swift: 'swift',
  scala: 'scala',
  sh: 'shell',
  bash: 'shell',
  zsh: 'shell',
  ps1: 'powershell',
  yml: 'yaml',
  yaml: 'yaml',
  json: 'json',
  jsonc: 'json',
  json5: 'json',
  toml: 'toml',
  ini: 'ini',
  cfg: 'ini',
  conf: 'nginx',
  properties: 'properties',
  xml: 'xml',
  csproj: 'xml',
  config: 'xml',
  plist: 'xml',
  svg: 'xml',
  html: 'html',
  htm: 'html',
  md: 'markdown',
  markdown: 'markdown',
  mdx: 'markdown',
  tf: 'terraform',
  tfvars: 'terraform',
  hcl: 'terraform',
  sql: 'sql',
  env: 'dotenv',
  dockerfile: 'dockerfile',
  cfgx: 'ini',
  cnf: 'ini',
  ipynb: 'json',
  txt: 'text',
};

function basename(path: string): string {
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return path.slice(slash + 1);
}

/**
 * The language of a file, from its name alone (so the CLI and the editor agree).
 * `.env`, `.env.production`, `Dockerfile.dev`, `nginx.conf`, `httpd.conf`, `haproxy.cfg`.
 */
export function languageOf(path: string): LanguageId {
  const name = basename(path).toLowerCase();
  if (name === '.env' || name.startsWith('.env.') || name.endsWith('.env')) return 'dotenv';
  if (name === 'dockerfile' || name.startsWith('dockerfile.') || name.endsWith('.dockerfile')) {
    return 'dockerfile';
  }
  if (name === 'containerfile') return 'dockerfile';
  if (name.includes('haproxy') && (name.endsWith('.cfg') || name.endsWith('.conf'))) return 'haproxy';
  if (/^(httpd|apache2?|ssl)\.conf$/.test(name) || name === '.htaccess') return 'apache';
  if (/(^|[-_.])(vhost|site|virtualhost)[-_.]?.*\.conf$/.test(name) && name.includes('apache')) {
    return 'apache';
  }
  if (name === 'gemfile' || name === 'rakefile') return 'ruby';
  if (name === 'makefile' || name === 'procfile') return 'shell';
  if (name === 'jenkinsfile') return 'java';
  // INI-style dotfiles of package and cloud tools, and AWS-style `credentials` files.
  if (/^\.(?:pypirc|s3cfg|boto|gitconfig|my\.cnf)$/.test(name) || /^(?:[\w-]{1,30}[-_])?credentials$/.test(name)) return 'ini';
  const dot = name.lastIndexOf('.');
  if (dot < 0) return 'text';
  return BY_EXTENSION[name.slice(dot + 1)] ?? 'text';
}

/** Map a VS Code language id to ours, falling back to the file name. */
export function languageFromEditor(editorLanguageId: string, path: string): LanguageId {
  const map: Record<string, LanguageId> = {
    javascriptreact: 'javascript',
    typescriptreact: 'typescript',
    shellscript: 'shell',
    dockerfile: 'dockerfile',
    jsonc: 'json',
    dotenv: 'dotenv',
  };
  const byName = languageOf(path);
  if (byName !== 'text') return byName;
  if (editorLanguageId in map) return map[editorLanguageId];
  return (Object.values(BY_EXTENSION) as string[]).includes(editorLanguageId)
    ? (editorLanguageId as LanguageId)
    : 'text';
}

/** Config formats: unquoted values are values (a URL there is "called"), not code. */
export const CONFIG_LANGUAGES: ReadonlySet<LanguageId> = new Set<LanguageId>([
  'yaml',
  'json',
  'toml',
  'ini',
  'properties',
  'dotenv',
  'nginx',
  'apache',
  'haproxy',
  'terraform',
  'xml',
  'dockerfile',
  'shell',
]);
