import * as path from 'node:path';
import { BASELINE_FILE, isoDate, serializeBaseline } from '../../engine';
import { writeFileAtomic } from '../../node/atomicWrite';
import type { Command } from '../command';
import { EXIT, FatalError, type CliIo } from '../io';
import { resolveTarget, runScan } from '../scanTarget';

async function baseline(
  io: CliIo,
  positionals: string[],
  output?: string,
  config?: string,
): Promise<number> {
  const target = await resolveTarget(io, positionals);
  if (target.paths) throw new FatalError('baseline takes a folder, not files');
  // The new baseline replaces the old one, so the old one must not hide anything now.
  const { report } = await runScan(io, target, { noBaseline: true, configFile: config });
  const entries = report.findings
    .filter((f) => !f.suppressed)
    .map((f) => ({ fingerprint: f.fingerprint, ruleId: f.ruleId, path: f.path }));
  const file = output
    ? path.resolve(io.cwd, output)
    : path.join(target.root, ...BASELINE_FILE.split('/'));
  await writeFileAtomic(file, serializeBaseline(entries, isoDate(new Date()))).catch(
    (err: Error) => {
      throw new FatalError(`cannot write ${file}: ${err.message}`);
    },
  );
  const shown = path.relative(io.cwd, file).split(path.sep).join('/') || file;
  io.stdout.write(
    `Wrote ${shown}: ${entries.length} finding${entries.length === 1 ? '' : 's'} accepted. ` +
      'Commit it; later scans report only new findings.\n',
  );
  return EXIT.clean;
}

export const baselineCommand: Command = {
  name: 'baseline',
  summary: `accept today's findings: write ${BASELINE_FILE}`,
  usage: 'audit-ready baseline [PATH] [--output FILE] [--config FILE]',
  description: `Scans PATH (default: the current folder) and writes every current finding's fingerprint to
${BASELINE_FILE} (or FILE). Later scans hide those findings and report only new ones.
Fingerprints hash the rule, the path and the value (no line numbers, no values), so edits
elsewhere in a file do not churn the baseline. Secrets in it still need rotating.`,
  options: { output: { type: 'string', short: 'o' }, config: { type: 'string', short: 'c' } },
  optionHelp: [
    ['-o, --output FILE', `write to FILE instead of PATH/${BASELINE_FILE}`],
    ['-c, --config FILE', 'use FILE instead of PATH/.auditready.jsonc'],
  ],
  run: ({ io, values, positionals }) =>
    baseline(
      io,
      positionals,
      typeof values.output === 'string' ? values.output : undefined,
      typeof values.config === 'string' ? values.config : undefined,
    ),
};
