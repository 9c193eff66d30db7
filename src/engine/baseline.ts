/**
 * The baseline (`.auditready/baseline.json`) accepts today's findings so only new ones
 * surface. Entries hold line-independent fingerprints (rule + path + value hash), so edits
 * elsewhere in a file do not churn it. No values are stored, only hashes.
 */
export const BASELINE_FILE = '.auditready/baseline.json';

export interface BaselineEntry {
  fingerprint: string;
  ruleId: string;
  path: string;
}

export interface Baseline {
  version: 1;
  created: string;
  findings: BaselineEntry[];
}

/** Parses a baseline; a broken file yields an error message and an empty set, never a throw. */
export function parseBaseline(text: string): { fingerprints: Set<string>; error?: string } {
  try {
    const data = JSON.parse(text) as Partial<Baseline>;
    if (!data || !Array.isArray(data.findings)) {
      return { fingerprints: new Set(), error: 'baseline has no "findings" list' };
    }
    const fps = data.findings
      .map((f) => (f && typeof f.fingerprint === 'string' ? f.fingerprint : ''))
      .filter((f) => f.length > 0);
    return { fingerprints: new Set(fps) };
  } catch (err) {
    return { fingerprints: new Set(), error: `baseline is not valid JSON (${(err as Error).message})` };
  }
}

/** Serialises a baseline with stable order and formatting (diff-friendly). */
export function serializeBaseline(entries: readonly BaselineEntry[], created: string): string {
  const seen = new Set<string>();
  const findings = [...entries]
    .filter((e) => (seen.has(e.fingerprint) ? false : (seen.add(e.fingerprint), true)))
    .sort((a, b) => a.path.localeCompare(b.path) || a.ruleId.localeCompare(b.ruleId) || a.fingerprint.localeCompare(b.fingerprint))
    .map((e) => ({ fingerprint: e.fingerprint, ruleId: e.ruleId, path: e.path }));
  const baseline: Baseline = { version: 1, created, findings };
  return `${JSON.stringify(baseline, null, 2)}\n`;
}
