import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { HistoryFinding } from '../engine/history';
import type { ReportFinding } from '../engine/report';
import type { ChecklistState } from '../engine/roadmap';
import { writeFileAtomic } from './atomicWrite';

/** The four files of an evidence package, already rendered (values masked by their builders). */
export interface EvidencePackageFiles {
  'report.md': string;
  'findings.sarif': string;
  'checklist.json': string;
  'questionnaire-answers.md': string;
}

/**
 * Creates `audit-ready-evidence-<date>` (or `-2`, `-3`… when it exists) under `dir`: a new
 * folder every time, so an earlier package is never overwritten.
 */
export async function newDatedFolder(dir: string, date: string): Promise<string> {
  await fs.mkdir(dir, { recursive: true });
  for (let n = 1; n < 100; n++) {
    const folder = path.join(dir, `audit-ready-evidence-${date}${n > 1 ? `-${n}` : ''}`);
    try {
      await fs.mkdir(folder);
      return folder;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  throw new Error(`too many evidence folders for ${date} in ${dir}`);
}

/** Writes the package into a new dated folder under `dir` and returns the folder. */
export async function writeEvidencePackage(
  dir: string,
  date: string,
  files: EvidencePackageFiles,
): Promise<string> {
  const folder = await newDatedFolder(dir, date);
  for (const [name, text] of Object.entries(files))
    await writeFileAtomic(path.join(folder, name), text);
  return folder;
}

/**
 * A history secret as a SARIF row (masked value; `properties.commit`, `author`, `date`,
 * `inHead`), suppressed as "rotated" once a person marked it so. Same shape as the CLI's
 * `scan --history` results, so CI and the extension export the same package.
 */
export function historyReportFinding(
  f: HistoryFinding,
  rotated?: ChecklistState['rotated'][string],
): ReportFinding {
  const where = f.inHead ? 'still in HEAD' : 'only in history';
  const o = f.introduced;
  return {
    ruleId: f.ruleId,
    family: 'secrets',
    severity: f.severity,
    message: `${f.message} Committed in ${o.commit.slice(0, 10)} (${where}): rotate it first.`,
    start: 0,
    end: 0,
    display: f.display,
    fingerprint: f.fingerprint,
    valueHash: f.valueHash,
    roadmapItem: 'foundation.no-credentials-in-history',
    fixes: [],
    path: o.path,
    line: o.line,
    column: 0,
    endLine: o.line,
    endColumn: 0,
    ...(rotated
      ? {
          suppressed: {
            kind: 'allowlist' as const,
            reason: `rotated (${rotated.by}, ${rotated.at})`,
          },
        }
      : {}),
    properties: {
      commit: o.commit,
      author: o.author,
      date: o.date,
      subject: o.subject,
      inHead: f.inHead ?? false,
      occurrences: f.occurrences,
      ...(f.refs ? { refs: f.refs.join(', ') } : {}),
    },
  };
}
