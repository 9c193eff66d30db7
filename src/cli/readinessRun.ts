import * as path from 'node:path';
import { isoDate } from '../engine';
import type { ReportInput } from '../engine/report';
import type { Evidence } from '../engine/roadmap';
import { computeReadiness, countByFamily, type Readiness } from '../node/readiness';
import { historyReportFinding, readRotations, runHistory } from './historyFindings';
import type { OptionValues } from './command';
import { historyOptions } from './commands/history';
import { loadFolderConfig } from '../node/config';
import type { CliIo } from './io';
import { resolveTarget, runScan } from './scanTarget';

/** Scan (and optionally the history), then evaluate the roadmap: shared by checklist and report. */
export async function runReadiness(
  io: CliIo,
  values: OptionValues,
  positionals: string[],
): Promise<{ root: string; readiness: Readiness; report: ReportInput; today: string }> {
  const target = await resolveTarget(io, positionals);
  const root = target.root;
  const { report } = await runScan(io, { root });
  const today = isoDate(new Date());
  let history: Evidence['history'];
  let findings = report.findings;
  if (values.history === true) {
    const { config } = await loadFolderConfig(root);
    const result = await runHistory(io, root, { ...historyOptions(values, config.history), config });
    const rotated = await readRotations(root, io);
    history = {
      secrets: result.findings.length,
      unrotated: result.findings.filter((f) => !rotated[f.fingerprint]).length,
      partial: result.shallow,
    };
    findings = [...findings, ...result.findings.filter((f) => !f.inHead).map((f) => historyReportFinding(f, rotated[f.fingerprint]))];
  }
  const readiness = await computeReadiness(root, { findings: countByFamily(report.findings), history, today });
  if (readiness.checklist.error) io.stderr.write(`warning: ${readiness.checklist.error}\n`);
  return { root: path.resolve(root), readiness, report: { ...report, findings }, today };
}
