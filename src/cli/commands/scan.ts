import type { Severity } from '../../engine';
import type { ReportFinding } from '../../engine/report';
import { writeFileAtomic } from '../../node/atomicWrite';
import type { Command, OptionValues } from '../command';
import { EXIT, FatalError, UsageError, useColor, type CliIo } from '../io';
import { reporterFor, REPORTERS } from '../reporters';
import { resolveTarget, runScan } from '../scanTarget';
import { loadFolderConfig } from '../../node/config';
import { historyReportFinding, readRotations, runHistory } from '../historyFindings';
import { HISTORY_OPTION_HELP, HISTORY_OPTIONS, historyOptions } from './history';
import * as path from 'node:path';

const FAIL_LEVELS = ['error', 'warning', 'info', 'none'] as const;
type FailOn = (typeof FAIL_LEVELS)[number];
const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** Whether a finding makes the run fail under `--fail-on` (suppressed ones never do). */
export function failsOn(
  f: Pick<ReportFinding, 'severity' | 'suppressed'>,
  failOn: FailOn,
): boolean {
  return failOn !== 'none' && !f.suppressed && RANK[f.severity] >= RANK[failOn];
}

function stringOpt(values: OptionValues, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}

/** Parses `--workers N` (a tuning knob for benchmarks and tests). */
function workersOpt(values: OptionValues): number | undefined {
  const raw = stringOpt(values, 'workers');
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0)
    throw new UsageError(`--workers must be a whole number ≥ 0, got "${raw}"`);
  return n;
}

async function scan(io: CliIo, values: OptionValues, positionals: string[]): Promise<number> {
  const format = stringOpt(values, 'format') ?? 'text';
  const reporter = reporterFor(format);
  if (!reporter)
    throw new UsageError(`--format must be one of ${REPORTERS.map((r) => r.format).join(', ')}`);
  const failOn = (stringOpt(values, 'fail-on') ?? 'error') as FailOn;
  if (!FAIL_LEVELS.includes(failOn))
    throw new UsageError(`--fail-on must be one of ${FAIL_LEVELS.join(', ')}`);
  const target = await resolveTarget(io, positionals, values.staged === true);
  const { report } = await runScan(io, target, {
    configFile: stringOpt(values, 'config'),
    baselineFile: stringOpt(values, 'baseline'),
    noBaseline: values['no-baseline'] === true,
    includeSuppressed: values['include-suppressed'] === true,
    workers: workersOpt(values),
  });
  if (values.history === true) {
    if (target.paths) throw new UsageError('--history scans a folder, not a list of files');
    const { config } = await loadFolderConfig(target.root);
    const result = await runHistory(io, target.root, { ...historyOptions(values, config.history), config });
    const rotated = await readRotations(target.root, io);
    const historyOnly = result.findings.filter((f) => !f.inHead).map((f) => historyReportFinding(f, rotated[f.fingerprint]));
    report.findings = [...report.findings, ...historyOnly];
  }
  const output = stringOpt(values, 'output');
  const rendered = reporter.render(report, {
    color: output === undefined && format === 'text' && useColor(io),
    showSkipped: values['show-skipped'] === true,
  });
  if (output) {
    const file = path.resolve(io.cwd, output);
    await writeFileAtomic(file, rendered).catch((err: Error) => {
      throw new FatalError(`cannot write ${output}: ${err.message}`);
    });
    const open = report.findings.filter((f) => !f.suppressed).length;
    io.stderr.write(
      `audit-ready: wrote ${format} report to ${output} (${open} finding${open === 1 ? '' : 's'})\n`,
    );
  } else {
    io.stdout.write(rendered);
  }
  return report.findings.some((f) => failsOn(f, failOn)) ? EXIT.findings : EXIT.clean;
}

export const scanCommand: Command = {
  name: 'scan',
  summary: 'scan a folder (default: the current one) or files, and report findings',
  usage: 'audit-ready scan [PATH | FILE...] [options]',
  description: `Scans PATH (default: the current folder) for hardcoded secrets, plain http:// URLs, weak TLS
settings and request bodies or credentials in logs. Inside a git repository the files come
from git (so .gitignore is honoured); elsewhere .gitignore files are read directly. Vendored
folders, lock files, binaries, minified and generated files and files over maxFileSize are
skipped, each for a stated reason (--show-skipped). Give files instead of a folder to scan
just those (pre-commit), or --staged for the files staged in git.
Settings come from .auditready.jsonc in PATH; .auditready/baseline.json, if present, hides
the findings it accepts. Secret values are always masked.`,
  options: {
    format: { type: 'string', short: 'f' },
    output: { type: 'string', short: 'o' },
    'fail-on': { type: 'string' },
    baseline: { type: 'string' },
    'no-baseline': { type: 'boolean' },
    config: { type: 'string', short: 'c' },
    'show-skipped': { type: 'boolean' },
    'include-suppressed': { type: 'boolean' },
    staged: { type: 'boolean' },
    workers: { type: 'string' },
    history: { type: 'boolean' },
    ...HISTORY_OPTIONS,
  },
  optionHelp: [
    ['-f, --format FORMAT', 'text (default), json or sarif'],
    ['-o, --output FILE', 'write the report to FILE instead of stdout'],
    [
      '--fail-on LEVEL',
      'exit 1 on findings at or above LEVEL: error (default), warning, info, none',
    ],
    [
      '--baseline FILE',
      'accept the findings in FILE (default: .auditready/baseline.json if present)',
    ],
    ['--no-baseline', 'ignore any baseline'],
    ['-c, --config FILE', 'use FILE instead of PATH/.auditready.jsonc'],
    ['--show-skipped', 'list every skipped file and why (text format)'],
    ['--include-suppressed', 'also report suppressed, baselined and allowlisted findings (marked)'],
    ['--staged', 'scan the files staged in git (for a pre-commit hook)'],
    ['--workers N', 'worker threads (default: up to 4; 0 = scan in the main thread)'],
    ['--history', 'also report secrets found only in git history (with commit, author, date)'],
    ...HISTORY_OPTION_HELP,
  ],
  run: ({ io, values, positionals }) => scan(io, values, positionals),
};
