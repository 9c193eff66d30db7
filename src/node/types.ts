import type { AuditReadyConfig, ConfigProblem, Finding } from '../engine';

/** A finding with 0-based line/column (computed with engine/position.ts in the worker). */
export interface LocatedFinding extends Finding {
  /** Folder-relative, forward slashes. */
  path: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface FileScanResult {
  path: string;
  findings: LocatedFinding[];
  error?: string;
}

export type SkipReason =
  | 'gitignored'
  | 'excluded'
  | 'binary'
  | 'too-large'
  | 'lock-file'
  | 'minified'
  | 'generated'
  | 'vendored'
  | 'unreadable'
  | 'symlink-loop'
  | 'invalid-utf8';

/** A file (or, with a trailing slash, a whole folder) that was not scanned, and why. */
export interface SkippedFile {
  path: string;
  reason: SkipReason;
  detail?: string;
}

export interface FolderScanOptions {
  /** Default: loaded from `<root>/.auditready.jsonc`. */
  config?: AuditReadyConfig;
  /** Fingerprints accepted by the baseline. */
  baseline?: ReadonlySet<string>;
  /** Default: min(4, cpus), in-thread for small scans; 0 = scan in this thread. */
  workers?: number;
  /**
   * Start the default workers before listing the files, so they load (and compile the rules)
   * while the folder is walked; they are stopped if the scan turns out small. Only with the
   * default `workers` and no `paths` (the CLI's whole-folder scans).
   */
  prespawnWorkers?: boolean;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  /** Streamed as files finish (every scanned file, with or without findings). */
  onFile?: (result: FileScanResult) => void;
  includeSuppressed?: boolean;
  /** Only these folder-relative files (incremental rescans, pre-commit). */
  paths?: string[];
  /** YYYY-MM-DD for suppression expiry. */
  today?: string;
  /**
   * Whether `git` may be run to list files (default true). Pass false in an untrusted
   * workspace: a repository's config can make git execute commands.
   */
  useGit?: boolean;
}

export interface FolderScanResult {
  root: string;
  /** Files with findings or errors only, sorted by path. */
  files: FileScanResult[];
  skipped: SkippedFile[];
  filesScanned: number;
  bytesScanned: number;
  durationMs: number;
  configProblems: ConfigProblem[];
  cancelled: boolean;
}

/** What a worker (or the in-thread scanner) needs besides the paths. */
export interface ScanJobSettings {
  root: string;
  config: AuditReadyConfig;
  baseline: string[];
  includeSuppressed: boolean;
  today?: string;
}

/** The outcome of one file: scanned (with its size) or skipped. */
export type FileOutcome =
  | { kind: 'scanned'; result: FileScanResult; bytes: number }
  | { kind: 'skipped'; skipped: SkippedFile };
