import type * as Sarif from 'sarif';
import type { RuleMeta } from '../rule';
import { ruleById } from '../rules';
import type { Severity } from '../types';
import {
  REPO_URL,
  ruleHelpUri,
  scrub,
  sortFindings,
  type ReportFinding,
  type ReportInput,
} from './types';

const SARIF_SCHEMA =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
/** Key of our fingerprint in `partialFingerprints`; versioned so a new scheme gets a new key. */
export const FINGERPRINT_KEY = 'auditReady/v1';

/** SARIF levels for our severities. */
export function sarifLevel(severity: Severity): Sarif.ReportingConfiguration.level {
  return severity === 'info' ? 'note' : severity;
}

/** GitHub code scanning ranks alerts by `security-severity` (0–10). */
const SECURITY_SEVERITY: Record<Severity, string> = { error: '8.0', warning: '5.0', info: '2.0' };

function ruleDescriptor(rule: RuleMeta): Sarif.ReportingDescriptor {
  return {
    id: rule.id,
    name: rule.id
      .split(/[/-]/)
      .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
      .join(''),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.description },
    help: {
      text: rule.remediation,
      markdown: `${rule.remediation}\n\n[Documentation](${ruleHelpUri(rule.id)})`,
    },
    helpUri: ruleHelpUri(rule.id),
    defaultConfiguration: { level: sarifLevel(rule.severity) },
    properties: {
      tags: ['security', rule.family, ...rule.cwe.map((c) => `external/cwe/${c.toLowerCase()}`)],
      family: rule.family,
      cwe: [...rule.cwe],
      precision:
        rule.confidence === 'high' ? 'high' : rule.confidence === 'medium' ? 'medium' : 'low',
      'security-severity': SECURITY_SEVERITY[rule.severity],
    },
  };
}

function suppressionsOf(f: ReportFinding): Sarif.Suppression[] | undefined {
  if (!f.suppressed) return undefined;
  const kind: Sarif.Suppression.kind = f.suppressed.kind === 'inline' ? 'inSource' : 'external';
  const justification =
    f.suppressed.reason ??
    `${f.suppressed.kind} (${f.suppressed.kind === 'baseline' ? '.auditready/baseline.json' : '.auditready.jsonc allow'})`;
  return [{ kind, status: 'accepted', justification }];
}

/** A relative URI reference for a folder-relative path (`#`, `?`, spaces and non-ASCII escaped). */
export function relativeUri(relPath: string): string {
  return relPath.split('/').map(encodeURIComponent).join('/');
}

function result(f: ReportFinding, ruleIndex: number): Sarif.Result {
  const out: Sarif.Result = {
    ruleId: f.ruleId,
    level: sarifLevel(f.severity),
    message: { text: scrub(f.message, f) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: relativeUri(f.path), uriBaseId: '%SRCROOT%' },
          region: {
            startLine: f.line + 1,
            startColumn: f.column + 1,
            endLine: f.endLine + 1,
            endColumn: f.endColumn + 1,
          },
        },
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
    properties: {
      family: f.family,
      roadmapItem: f.roadmapItem,
      value: f.display,
      ...(f.properties ?? {}),
    },
  };
  if (ruleIndex >= 0) out.ruleIndex = ruleIndex;
  const suppressions = suppressionsOf(f);
  if (suppressions) out.suppressions = suppressions;
  return out;
}

/**
 * Builds a SARIF 2.1.0 log: one run, `tool.driver.rules` for the rules that ran (plus any a
 * finding names), results with `<family>/<rule>` ids, 1-based regions relative to
 * `%SRCROOT%` (the scanned folder), and our line-independent fingerprint.
 */
export function buildSarif(input: ReportInput): Sarif.Log {
  const ran = new Map(input.rules.map((r) => [r.id, r] as const));
  for (const f of input.findings) {
    const rule = ran.has(f.ruleId) ? undefined : ruleById(f.ruleId);
    if (rule) ran.set(rule.id, rule);
  }
  const rules = [...ran.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const run: Sarif.Run = {
    tool: {
      driver: {
        name: 'Audit Ready',
        fullName: 'Audit Ready security scanner',
        version: input.toolVersion,
        semanticVersion: input.toolVersion,
        informationUri: REPO_URL,
        rules: rules.map(ruleDescriptor),
      },
    },
    automationDetails: { id: 'audit-ready/' },
    columnKind: 'utf16CodeUnits',
    results: sortFindings(input.findings).map((f) => result(f, index.get(f.ruleId) ?? -1)),
    invocations: [{ executionSuccessful: !input.cancelled }],
  };
  if (input.srcRootUri) run.originalUriBaseIds = { '%SRCROOT%': { uri: input.srcRootUri } };
  return { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] };
}
