import type { ScanContext } from './context';
import type { Fix, LanguageId } from './types';

/** The expression that reads environment variable `name` in `language`, if there is one. */
export function envLookup(language: LanguageId, name: string): string | undefined {
  switch (language) {
    case 'javascript':
    case 'typescript':
      return `process.env.${name}`;
    case 'python':
      return `os.environ["${name}"]`;
    case 'go':
      return `os.Getenv("${name}")`;
    case 'java':
    case 'kotlin':
    case 'scala':
      return `System.getenv("${name}")`;
    case 'csharp':
      return `Environment.GetEnvironmentVariable("${name}")`;
    case 'ruby':
      return `ENV["${name}"]`;
    case 'php':
      return `getenv('${name}')`;
    case 'rust':
      return `std::env::var("${name}").unwrap_or_default()`;
    case 'shell':
    case 'yaml':
    case 'dockerfile':
    case 'properties':
      return `\${${name}}`;
    case 'terraform':
      return `var.${name.toLowerCase()}`;
    default:
      return undefined;
  }
}

/**
 * An environment-variable name from the identifier a secret was assigned to
 * (`stripeSecretKey` → `STRIPE_SECRET_KEY`), or `fallback` when there is none.
 */
export function envNameFrom(identifier: string | undefined, fallback: string): string {
  const base = (identifier ?? '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
  const name = base.length >= 2 ? base : fallback;
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

/** The identifier a value at `offset` is assigned to on its line (`key = "…"`, `key: …`). */
export function assignedName(ctx: ScanContext, offset: number): string | undefined {
  // Bounded look-back: a 100 kB single-line file with many candidates must stay linear.
  const window = ctx.text.slice(Math.max(0, offset - 200), offset);
  const before = window.slice(window.lastIndexOf('\n') + 1);
  // Find the operator first, then walk back over the identifier: an end-anchored regex with a
  // leading identifier run would retry from every start position (quadratic in the window).
  const op = /(?::=|=>|=|:)\s*["'`]?\s*$/.exec(before);
  if (!op) return undefined;
  let i = op.index;
  while (i > 0 && /\s/.test(before[i - 1])) i--;
  if (i > 0 && /["'\]]/.test(before[i - 1])) i--;
  const end = i;
  while (i > 0 && /[A-Za-z0-9_.-]/.test(before[i - 1])) i--;
  const ident = before.slice(i, end).replace(/^[^A-Za-z_]+/, '');
  if (ident.length === 0) return undefined;
  const parts = ident.split('.');
  return parts[parts.length - 1];
}

export const ROTATE_NOTE =
  'Rotate this credential now: once committed, it must be considered leaked.';

/**
 * Secret → environment variable. `start`/`end` cover the value; when the value sits in a
 * string literal the whole literal (quotes included) is replaced by the lookup expression.
 * Returns no fix where an env lookup makes no sense (a `.env` file, JSON, a key file).
 */
export function envVarFix(
  ctx: ScanContext,
  start: number,
  end: number,
  value: string,
  fallbackName: string,
): Fix[] {
  const assigned = assignedName(ctx, start);
  const descriptive = assigned && /key|token|secret|passw|pwd|credential|dsn|webhook|conn|url/i.test(assigned);
  const name = envNameFrom(descriptive ? assigned : undefined, fallbackName);
  const lookup = envLookup(ctx.language, name);
  if (!lookup) return [];
  let s = start;
  let e = end;
  const literal = ctx.enclosing(start);
  const inString = ctx.regionAt(start) === 'string' && literal !== undefined;
  if (inString) {
    // Only replace the literal when the secret is the whole literal; otherwise the lookup
    // would swallow surrounding text (e.g. a URL with an embedded password).
    const inner = ctx.text.slice(literal.start + 1, literal.end - 1);
    if (inner !== value) return [];
    s = literal.start;
    e = literal.end;
  } else if (!ctx.isConfig) {
    return [];
  }
  const edits = [{ start: s, end: e, newText: lookup }];
  if (ctx.language === 'python' && !hasPythonOsImport(ctx.text)) {
    edits.push({ start: pythonImportOffset(ctx.text), end: pythonImportOffset(ctx.text), newText: 'import os\n' });
  }
  // Go: only where "os" is already imported; adding an import needs a parser.
  if (ctx.language === 'go' && !/"os"/.test(ctx.text)) return [];
  return [
    {
      title: `Move the secret to .env as ${name} and read it from the environment`,
      edits,
      env: { name, value },
      preferred: true,
      fixAll: false,
      note: ROTATE_NOTE,
    },
  ];
}

const osImportCache = new Map<string, boolean>();

/** Whether a Python text imports `os`; memoised for the last text (many fixes per file). */
function hasPythonOsImport(text: string): boolean {
  const cached = osImportCache.get(text);
  if (cached !== undefined) return cached;
  const found = /^\s*(?:import os\b|from os import)/m.test(text);
  osImportCache.clear();
  osImportCache.set(text, found);
  return found;
}

/** Where to insert `import os` in a Python file: after a shebang, encoding line and docstring. */
function pythonImportOffset(text: string): number {
  const m = /^(?:#![^\n]*\n)?(?:#[^\n]*coding[^\n]*\n)?(?:\s*(?:"""[\s\S]*?"""|'''[\s\S]*?''')[^\n]*\n)?(?:from __future__[^\n]*\n)*/.exec(text);
  return m ? m[0].length : 0;
}
