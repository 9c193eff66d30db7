import * as fs from 'node:fs/promises';
import * as path from 'node:path';
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
export async function writeEvidencePackage(dir: string, date: string, files: EvidencePackageFiles): Promise<string> {
  const folder = await newDatedFolder(dir, date);
  for (const [name, text] of Object.entries(files)) await writeFileAtomic(path.join(folder, name), text);
  return folder;
}
