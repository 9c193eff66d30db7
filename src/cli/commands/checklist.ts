import { checklistMarkdown, checklistText, readinessScore } from '../../engine/roadmap';
import type { Command, OptionValues } from '../command';
import { EXIT, UsageError, type CliIo } from '../io';
import { runReadiness } from '../readinessRun';
import { HISTORY_OPTION_HELP, HISTORY_OPTIONS } from './history';

const FORMATS = ['text', 'json', 'markdown'];

async function checklist(io: CliIo, values: OptionValues, positionals: string[]): Promise<number> {
  const format = typeof values.format === 'string' ? values.format : 'text';
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  const { readiness } = await runReadiness(io, values, positionals);
  const { results, plan } = readiness;
  if (format === 'json') {
    const json = {
      score: readinessScore(results),
      plan: plan ? { day: plan.day, start: plan.start, focus: plan.focus.map((r) => r.item.id), overdue: plan.overdue.map((r) => r.item.id) } : null,
      items: results.map((r) => ({
        id: r.item.id,
        phase: r.item.phase,
        ...(r.item.group ? { group: r.item.group } : {}),
        title: r.item.title,
        status: r.status,
        evidence: r.evidence,
        attestable: r.attestable,
        ...(r.attestation ? { attestation: r.attestation } : {}),
      })),
    };
    io.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  } else if (format === 'markdown') {
    io.stdout.write(`# Audit readiness\n\n${checklistMarkdown(results)}`);
  } else {
    io.stdout.write(checklistText(results));
    if (plan) {
      io.stdout.write(`30-day plan: day ${plan.day}. Today's focus:\n${plan.focus.map((r) => `  - ${r.item.title} (${r.status})`).join('\n') || '  nothing open in this window'}\n`);
    }
  }
  return EXIT.clean;
}

export const checklistCommand: Command = {
  name: 'checklist',
  summary: 'print the audit-readiness checklist, decided from evidence and attestations',
  usage: 'audit-ready checklist [PATH] [--format text|json|markdown] [--history]',
  description: `Scans PATH (default: the current folder), gathers the evidence the tool can see (findings,
request-logging and rate-limiting middleware, secret-manager SDKs, per-environment configs,
policy documents) and reads the people's attestations from .auditready/checklist.json, then
prints every roadmap item with its status: passing, failing, attested, n/a or to do.`,
  options: { format: { type: 'string', short: 'f' }, history: { type: 'boolean' }, ...HISTORY_OPTIONS },
  optionHelp: [
    ['-f, --format FORMAT', 'text (default), json or markdown'],
    ['--history', 'also scan git history for the "no credentials in history" item'],
    ...HISTORY_OPTION_HELP,
  ],
  run: ({ io, values, positionals }) => checklist(io, values, positionals),
};
