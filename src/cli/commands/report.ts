import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { buildSarif } from '../../engine/report';
import { draftQuestionnaire, evidenceReportMarkdown, serializeChecklist } from '../../engine/roadmap';
import { writeFileAtomic } from '../../node/atomicWrite';
import type { Command, OptionValues } from '../command';
import { EXIT, FatalError, type CliIo } from '../io';
import { runReadiness } from '../readinessRun';
import { HISTORY_OPTION_HELP, HISTORY_OPTIONS } from './history';

/** A new dated folder under `dir`: never reuses (and so never overwrites) an existing one. */
async function newDatedFolder(dir: string, date: string): Promise<string> {
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
  throw new FatalError(`too many evidence folders for ${date} in ${dir}`);
}

async function report(io: CliIo, values: OptionValues, positionals: string[]): Promise<number> {
  const { root, readiness, report: scan, today } = await runReadiness(io, values, positionals);
  const outDir = path.resolve(io.cwd, typeof values.output === 'string' ? values.output : 'audit-ready-evidence');
  const folder = await newDatedFolder(outDir, today).catch((e: Error) => {
    throw new FatalError(`cannot create the evidence folder in ${outDir}: ${e.message}`);
  });
  const ev = readiness.evidence;
  const markdown = evidenceReportMarkdown({
    project: path.basename(root),
    date: today,
    results: readiness.results,
    findings: ev.findings,
    history: ev.history,
    plan: readiness.plan,
  });
  await writeFileAtomic(path.join(folder, 'report.md'), markdown);
  await writeFileAtomic(path.join(folder, 'findings.sarif'), `${JSON.stringify(buildSarif(scan), null, 2)}\n`);
  await writeFileAtomic(path.join(folder, 'checklist.json'), serializeChecklist(readiness.checklist.state));
  await writeFileAtomic(path.join(folder, 'questionnaire-answers.md'), draftQuestionnaire(readiness.results, today));
  io.stderr.write(`audit-ready: wrote the evidence package to ${path.relative(io.cwd, folder) || folder}\n`);
  io.stdout.write(`${folder}\n`);
  return EXIT.clean;
}

export const reportCommand: Command = {
  name: 'report',
  summary: 'export a dated evidence package (Markdown report, SARIF, attestations)',
  usage: 'audit-ready report [PATH] [--output DIR] [--history]',
  description: `Scans PATH (default: the current folder), evaluates the audit-readiness checklist and writes
a dated folder audit-ready-evidence-YYYY-MM-DD/ under DIR (default: ./audit-ready-evidence)
with report.md (checklist and findings summary), findings.sarif, checklist.json (the
attestations) and questionnaire-answers.md (a draft claiming only what the evidence shows).
Secret values are masked everywhere. An existing folder is never overwritten.`,
  options: { output: { type: 'string', short: 'o' }, history: { type: 'boolean' }, ...HISTORY_OPTIONS },
  optionHelp: [
    ['-o, --output DIR', 'where to create the dated folder (default: ./audit-ready-evidence)'],
    ['--history', 'also scan git history (findings only in history are added to the SARIF)'],
    ...HISTORY_OPTION_HELP,
  ],
  run: ({ io, values, positionals }) => report(io, values, positionals),
};
