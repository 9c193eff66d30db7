import * as vscode from 'vscode';
import { lineStarts, toPosition, type Finding, type Severity } from '../engine';
import { ROADMAP } from '../engine/roadmap';
import { DIAGNOSTIC_SOURCE } from './ids';

/**
 * The one place where engine offsets (0-based, UTF-16) become editor ranges and findings
 * become diagnostics. The engine never sees a `Range`; nothing else calls `positionAt`.
 */

/** The part of `vscode.TextDocument` the conversion needs (a fake one drives the benchmark). */
export interface OffsetDocument {
  readonly uri: vscode.Uri;
  positionAt(offset: number): vscode.Position;
}

/** A finding located in a file of the workspace: what the store holds. */
export interface StoredFinding extends Finding {
  uri: vscode.Uri;
  range: vscode.Range;
  /** Folder-relative path with forward slashes (or the file name outside a folder). */
  relPath: string;
}

/** What the node layer's workspace scan reports: 0-based lines and columns. */
export interface LineColumnFinding extends Finding {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Findings from a scan of a document's text, located with the document's own `positionAt`. */
export function locateInDocument(
  doc: OffsetDocument,
  relPath: string,
  findings: readonly Finding[],
): StoredFinding[] {
  return findings.map((f) => ({
    ...f,
    uri: doc.uri,
    relPath,
    range: new vscode.Range(doc.positionAt(f.start), doc.positionAt(f.end)),
  }));
}

/** Findings from a workspace scan (the file is not open): lines and columns as reported. */
export function locateFromScan(
  uri: vscode.Uri,
  relPath: string,
  findings: readonly LineColumnFinding[],
): StoredFinding[] {
  return findings.map((f) => ({
    ...f,
    uri,
    relPath,
    range: new vscode.Range(f.line, f.column, f.endLine, f.endColumn),
  }));
}

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export function toDiagnosticSeverity(severity: Severity): vscode.DiagnosticSeverity {
  return SEVERITY[severity];
}

const PHASE_NAMES: Record<string, string> = {
  foundation: 'Foundation',
  visibility: 'Visibility',
  controls: 'Controls',
  documentation: 'Documentation',
  questionnaire: 'Questionnaire',
};

/**
 * The checklist's own title of a roadmap item, with its phase, as the sidebar shows it:
 * `foundation.no-hardcoded-credentials` → "Foundation: No hardcoded credentials in source".
 * An id the roadmap does not know is made readable from its words.
 */
export function roadmapItemTitle(id: string): string {
  const [phase, item] = id.includes('.') ? id.split('.', 2) : ['', id];
  const known = ROADMAP.find((i) => i.id === id);
  const title = known?.title ?? item.replace(/-/g, ' ').replace(/\bhttps\b/i, 'HTTPS');
  const phaseName = PHASE_NAMES[known?.phase ?? phase] ?? (phase ? `${phase[0].toUpperCase()}${phase.slice(1)}` : '');
  return phaseName ? `${phaseName}: ${title}` : title;
}

/**
 * A diagnostic for a finding: rule id linked to its docs page, severity, the engine's one-line
 * message (values already masked) and the roadmap item it blocks as related information.
 */
export function toDiagnostic(
  f: StoredFinding,
  docsUri: (ruleId: string) => vscode.Uri,
): vscode.Diagnostic {
  const d = new vscode.Diagnostic(f.range, f.message, SEVERITY[f.severity]);
  d.source = DIAGNOSTIC_SOURCE;
  d.code = { value: f.ruleId, target: docsUri(f.ruleId) };
  d.relatedInformation = [
    new vscode.DiagnosticRelatedInformation(
      new vscode.Location(f.uri, f.range),
      `Blocks the audit-readiness item "${roadmapItemTitle(f.roadmapItem)}"`,
    ),
  ];
  return d;
}

/** Whether a diagnostic (e.g. from a code-action context) is the one built for `f`. */
export function isDiagnosticOf(d: vscode.Diagnostic, f: StoredFinding): boolean {
  const code = typeof d.code === 'object' ? d.code.value : d.code;
  return d.source === DIAGNOSTIC_SOURCE && code === f.ruleId && d.range.isEqual(f.range);
}

/** A range in a text that is not open in an editor (a config file read from disk). */
export function rangeInText(text: string, offset: number, length: number): vscode.Range {
  const starts = lineStarts(text);
  const a = toPosition(starts, offset);
  const b = toPosition(starts, Math.min(text.length, offset + length));
  return new vscode.Range(a.line, a.character, b.line, b.character);
}
