import type { Family, Finding, Severity } from '../types';
import type { RuleMeta } from '../rule';
import { redact } from '../mask';

/** The project's home; rule documentation lives under `docs/rules/` there. */
export const REPO_URL = 'https://github.com/audit-ready/audit-ready';
export const TOOL_NAME = 'audit-ready';

/** Link to a rule's documentation page (`docs/rules/<family>/<rule>.md`). */
export function ruleHelpUri(ruleId: string): string {
  return `${REPO_URL}/blob/main/docs/rules/${ruleId}.md`;
}

/**
 * A finding placed in a file: 0-based line/column like the node layer's `LocatedFinding`
 * (reports convert to 1-based). `properties` carries extras such as a history finding's
 * commit, author, date and inHead; they go into SARIF `properties` and the JSON as they are.
 */
export interface ReportFinding extends Finding {
  path: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  properties?: Record<string, string | number | boolean>;
}

/** A file or folder that was not scanned. */
export interface ReportSkip {
  path: string;
  reason: string;
  detail?: string;
}

/** A config problem already placed (1-based line/column) in its file. */
export interface ReportProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** Everything a report is built from; pure data, so builders are deterministic. */
export interface ReportInput {
  toolVersion: string;
  findings: readonly ReportFinding[];
  /** Rules that ran (SARIF `tool.driver.rules`). */
  rules: readonly RuleMeta[];
  filesScanned: number;
  bytesScanned: number;
  durationMs: number;
  skipped: readonly ReportSkip[];
  configProblems?: readonly ReportProblem[];
  /** `file://` URI of the scanned folder (SARIF `originalUriBaseIds`), ending in `/`. */
  srcRootUri?: string;
  cancelled?: boolean;
}

/** Counts for summary lines. */
export interface ReportCounts {
  /** Findings not suppressed. */
  total: number;
  suppressed: number;
  bySeverity: Record<Severity, number>;
  byFamily: Record<Family, number>;
  skippedByReason: Record<string, number>;
}

/** Counts of the (unsuppressed) findings per severity and family, and of skips per reason. */
export function countReport(input: Pick<ReportInput, 'findings' | 'skipped'>): ReportCounts {
  const counts: ReportCounts = {
    total: 0,
    suppressed: 0,
    bySeverity: { error: 0, warning: 0, info: 0 },
    byFamily: { secrets: 0, 'insecure-http': 0, 'weak-tls': 0, 'body-logging': 0 },
    skippedByReason: {},
  };
  for (const f of input.findings) {
    if (f.suppressed) {
      counts.suppressed++;
      continue;
    }
    counts.total++;
    counts.bySeverity[f.severity]++;
    counts.byFamily[f.family]++;
  }
  for (const s of input.skipped)
    counts.skippedByReason[s.reason] = (counts.skippedByReason[s.reason] ?? 0) + 1;
  return counts;
}

/** Findings in report order: path, then position, then rule. */
export function sortFindings<T extends ReportFinding>(findings: readonly T[]): T[] {
  return [...findings].sort(
    (a, b) =>
      (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
}

/**
 * Last line of defence before text leaves the tool: any raw secret a fix carries (`env.value`)
 * is masked wherever it might have been quoted (messages, fix titles).
 */
export function scrub(text: string, finding: Pick<ReportFinding, 'fixes'>): string {
  let out = text;
  for (const fix of finding.fixes) if (fix.env?.value) out = redact(out, fix.env.value);
  return out;
}
