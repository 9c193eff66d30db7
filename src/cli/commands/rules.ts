import { ALL_RULES, FAMILIES, FAMILY_INFO } from '../../engine';
import { ruleHelpUri } from '../../engine/report';
import type { Command } from '../command';
import { EXIT, UsageError, useColor, style, type CliIo } from '../io';

function listRules(io: CliIo, format: string): number {
  if (format === 'json') {
    const rules = ALL_RULES.map((r) => ({
      id: r.id,
      family: r.family,
      title: r.title,
      severity: r.severity,
      confidence: r.confidence,
      cwe: r.cwe,
      helpUri: ruleHelpUri(r.id),
    }));
    io.stdout.write(`${JSON.stringify(rules, null, 2)}\n`);
    return EXIT.clean;
  }
  if (format !== 'text') throw new UsageError('--format must be text or json');
  const s = style(useColor(io));
  const width = Math.max(...ALL_RULES.map((r) => r.id.length), 10) + 2;
  const out: string[] = [];
  for (const family of FAMILIES) {
    const rules = ALL_RULES.filter((r) => r.family === family);
    out.push(
      s.bold(
        `${FAMILY_INFO[family].title} (${family}/, ${rules.length} rule${rules.length === 1 ? '' : 's'})`,
      ),
    );
    for (const r of rules) out.push(`  ${r.id.padEnd(width)}${r.severity.padEnd(9)}${r.title}`);
    out.push('');
  }
  out.push(`${ALL_RULES.length} rules. Docs: docs/rules/<rule id>.md`);
  io.stdout.write(`${out.join('\n')}\n`);
  return EXIT.clean;
}

export const rulesCommand: Command = {
  name: 'rules',
  summary: 'list the rule catalogue',
  usage: 'audit-ready rules [--format text|json]',
  description: 'Lists every rule by family: id, default severity and title.',
  options: { format: { type: 'string', short: 'f' } },
  optionHelp: [['-f, --format FORMAT', 'text (default) or json']],
  run: async ({ io, values }) =>
    listRules(io, typeof values.format === 'string' ? values.format : 'text'),
};
