/**
 * Core types of the engine. The engine is pure: text in, findings out, 0-based offsets.
 * Nothing here knows about VS Code, files on disk or processes.
 */

/** The four risk families; a rule id is `<family>/<rule>`. */
export type Family = 'secrets' | 'insecure-http' | 'weak-tls' | 'body-logging';

export const FAMILIES: readonly Family[] = ['secrets', 'insecure-http', 'weak-tls', 'body-logging'];

export type Severity = 'error' | 'warning' | 'info';

export type Confidence = 'high' | 'medium' | 'low';

/**
 * Languages and config formats the engine tells apart. Decided from the file name
 * (see `language.ts`), so the CLI and the editor agree.
 */
export type LanguageId =
  | 'javascript'
  | 'typescript'
  | 'python'
  | 'go'
  | 'java'
  | 'kotlin'
  | 'csharp'
  | 'ruby'
  | 'php'
  | 'rust'
  | 'c'
  | 'swift'
  | 'scala'
  | 'shell'
  | 'powershell'
  | 'yaml'
  | 'json'
  | 'toml'
  | 'ini'
  | 'properties'
  | 'xml'
  | 'html'
  | 'markdown'
  | 'dockerfile'
  | 'dotenv'
  | 'nginx'
  | 'apache'
  | 'haproxy'
  | 'terraform'
  | 'sql'
  | 'text';

/** Where an offset sits, as far as the light lexer can tell. */
export type Region = 'code' | 'string' | 'comment';

/** A replacement of `[start, end)` in the scanned text by `newText`. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/**
 * A fix computed by the engine. The adapter applies `edits` to the scanned document as one
 * edit; when `env` is set it also appends `env.name=env.value` to the workspace's `.env`
 * (choosing another name if that one exists, and renaming it in `edits`' new text).
 */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The one fix an editor should apply when the user asks for "the" fix. */
  preferred?: boolean;
  /** Safe to apply unattended in "fix all in file". */
  fixAll?: boolean;
  /** Secret → environment variable: the value moves to `.env`. Never serialised in reports. */
  env?: { name: string; value: string };
  /** Something the user must still do, shown after applying (e.g. rotate the credential). */
  note?: string;
}

/** What a rule's detector reports; the engine turns it into a `Finding`. */
export interface RuleMatch {
  /** 0-based offsets of the flagged span in the scanned text. */
  start: number;
  end: number;
  /**
   * The offending value (a secret, a URL, a setting). Used for the fingerprint and the
   * allowlist, masked before display when the rule's family is `secrets`.
   */
  value?: string;
  /** One-line message; must not contain a raw secret (the engine masks it again anyway). */
  message?: string;
  /** Overrides the rule's default severity for this match (e.g. credentials in logs). */
  severity?: Severity;
  fixes?: Fix[];
}

/** A finding as reported to every consumer (editor, CLI, reports). */
export interface Finding {
  ruleId: string;
  family: Family;
  severity: Severity;
  /** One line: the risk and the fix. Secret values are masked. */
  message: string;
  start: number;
  end: number;
  /** Display form of the value: masked for secrets, the URL or setting otherwise. */
  display: string;
  /** Line-independent: hash of rule + path + value. Stable across edits above it. */
  fingerprint: string;
  /** Hash of the value alone (for allowlisting a secret wherever it appears). */
  valueHash: string;
  /** The roadmap item this finding blocks. */
  roadmapItem: string;
  fixes: Fix[];
  /** Set when a suppression, the baseline or the allowlist hides it (reported on request). */
  suppressed?: { kind: 'inline' | 'baseline' | 'allowlist'; reason?: string };
}
