import {
  countReport,
  scrub,
  sortFindings,
  TOOL_NAME,
  type ReportCounts,
  type ReportInput,
} from './types';

/** Version of the JSON report's shape; bumped on any incompatible change. */
export const JSON_SCHEMA_VERSION = 1;

/** One finding in the JSON report. Lines and columns are 1-based; no raw secret, no fix values. */
export interface JsonFinding {
  ruleId: string;
  family: string;
  severity: string;
  message: string;
  path: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Masked for secrets. */
  display: string;
  fingerprint: string;
  roadmapItem: string;
  fixes: { title: string; preferred: boolean; note?: string }[];
  suppressed?: { kind: string; reason?: string };
  properties?: Record<string, string | number | boolean>;
}

export interface JsonReport {
  schemaVersion: number;
  tool: { name: string; version: string };
  summary: ReportCounts & {
    filesScanned: number;
    bytesScanned: number;
    durationMs: number;
    cancelled: boolean;
  };
  findings: JsonFinding[];
  skipped: { path: string; reason: string; detail?: string }[];
  configProblems: { file: string; line: number; column: number; message: string }[];
}

/**
 * The JSON report: a stable schema for scripts. Fixes keep their title and note only —
 * edits and `env` values (the raw secret) are never serialised.
 */
export function buildJsonReport(input: ReportInput): JsonReport {
  return {
    schemaVersion: JSON_SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: input.toolVersion },
    summary: {
      ...countReport(input),
      filesScanned: input.filesScanned,
      bytesScanned: input.bytesScanned,
      durationMs: Math.round(input.durationMs),
      cancelled: input.cancelled ?? false,
    },
    findings: sortFindings(input.findings).map((f) => ({
      ruleId: f.ruleId,
      family: f.family,
      severity: f.severity,
      message: scrub(f.message, f),
      path: f.path,
      line: f.line + 1,
      column: f.column + 1,
      endLine: f.endLine + 1,
      endColumn: f.endColumn + 1,
      display: f.display,
      fingerprint: f.fingerprint,
      roadmapItem: f.roadmapItem,
      fixes: f.fixes.map((x) => ({
        title: scrub(x.title, f),
        preferred: x.preferred ?? false,
        ...(x.note ? { note: x.note } : {}),
      })),
      ...(f.suppressed ? { suppressed: { ...f.suppressed } } : {}),
      ...(f.properties ? { properties: { ...f.properties } } : {}),
    })),
    skipped: input.skipped.map((s) => ({
      path: s.path,
      reason: s.reason,
      ...(s.detail ? { detail: s.detail } : {}),
    })),
    configProblems: [...(input.configProblems ?? [])],
  };
}
