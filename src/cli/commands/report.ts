import * as path from 'node:path';
import { buildSarif } from '../../engine/report';
import { draftQuestionnaire, evidenceReportMarkdown, serializeChecklist } from '../../engine/roadmap';
import { writeEvidencePackage } from '../../node/evidencePackage';
import type { Command, OptionValues } from '../command';
import { EXIT, FatalError, type CliIo } from '../io';
import { runReadiness } from '../readinessRun';
import { HISTORY_OPTION_HELP, HISTORY_OPTIONS } from './history';

async function report(io: CliIo, values: OptionValues, positionals: string[]): Promise<number> {
  const { root, readiness, report: scan, today } = await runReadiness(io, values, positionals);
  const outDir = path.resolve(io.cwd, typeof values.output === 'string' ? values.output : 'audit-ready-evidence');
  const ev = readiness.evidence;
  const markdown = evidenceReportMarkdown({
    project: path.basename(root),
    date: today,
    results: readiness.results,
    findings: ev.findings,
    history: ev.history,
    plan: readiness.plan,
  });
  const folder = await writeEvidencePackage(outDir, today, {
    'report.md': markdown,
    'findings.sarif': `${JSON.stringify(buildSarif(scan), null, 2)}\n`,
    'checklist.json': serializeChecklist(readiness.checklist.state),
    'questionnaire-answers.md': draftQuestionnaire(readiness.results, today),
  }).catch((e: Error) => {
    throw new FatalError(`cannot write the evidence package in ${outDir}: ${e.message}`);
  });
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
