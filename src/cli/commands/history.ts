import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ALL_RULES } from '../../engine';
import type { ReportInput } from '../../engine/report';
import { loadFolderConfig } from '../../node/config';
import { writeFileAtomic } from '../../node/atomicWrite';
import type { Command, OptionValues } from '../command';
import { historyReportFinding, historyText, readRotations, runHistory } from '../historyFindings';
import { EXIT, FatalError, UsageError, VERSION, type CliIo } from '../io';
import { reporterFor } from '../reporters';
import { resolveTarget } from '../scanTarget';
import type { HistoryScanOptions } from '../../node/history/historyScan';

const str = (v: OptionValues[string]): string | undefined => (typeof v === 'string' ? v : undefined);

/** Reads `--since`, `--max-commits`, `--ref`, `--no-cache` (shared with `scan --history`). */
export function historyOptions(values: OptionValues, configHistory?: { maxCommits: number; since?: string; refs: string[] }): HistoryScanOptions {
  const max = str(values['max-commits']);
  const maxCommits = max === undefined ? configHistory?.maxCommits : Number(max);
  if (maxCommits !== undefined && (!Number.isInteger(maxCommits) || maxCommits <= 0)) {
    throw new UsageError(`--max-commits must be a positive whole number, got "${max}"`);
  }
  const refs = Array.isArray(values.ref) ? values.ref : configHistory?.refs;
  return {
    since: str(values.since) ?? configHistory?.since,
    maxCommits,
    refs: refs && refs.length > 0 ? refs : undefined,
    cacheDir: values['no-cache'] === true ? false : undefined,
  };
}

export const HISTORY_OPTIONS = {
  since: { type: 'string' },
  'max-commits': { type: 'string' },
  ref: { type: 'string', multiple: true },
  'no-cache': { type: 'boolean' },
} as const;

export const HISTORY_OPTION_HELP: [string, string][] = [
  ['--since DATE', 'only commits after DATE (e.g. 2024-01-01, "6 months ago")'],
  ['--max-commits N', 'at most N commits, newest first (default: history.maxCommits, 10000)'],
  ['--ref REF', 'scan REF instead of every branch and tag (repeatable)'],
  ['--no-cache', 'rescan every commit (the cache lives in the user cache folder, never the repo)'],
];

async function history(io: CliIo, values: OptionValues, positionals: string[]): Promise<number> {
  const format = str(values.format) ?? 'text';
  if (format !== 'text' && !reporterFor(format)) throw new UsageError('--format must be text, json or sarif');
  const target = await resolveTarget(io, positionals);
  if (target.paths) throw new UsageError('history takes a folder, not files');
  const { config } = await loadFolderConfig(target.root);
  const result = await runHistory(io, target.root, { ...historyOptions(values, config.history), config });
  const rotated = await readRotations(target.root, io);
  let rendered: string;
  if (format === 'text') rendered = historyText(result, rotated);
  else {
    const report: ReportInput = {
      toolVersion: VERSION,
      findings: result.findings.map((f) => historyReportFinding(f, rotated[f.fingerprint])),
      rules: ALL_RULES.filter((r) => r.family === 'secrets'),
      filesScanned: 0,
      bytesScanned: 0,
      durationMs: result.durationMs,
      skipped: [],
      srcRootUri: `${pathToFileURL(target.root).href.replace(/\/?$/, '/')}`,
    };
    rendered = reporterFor(format)!.render(report, { color: false, showSkipped: false });
  }
  const output = str(values.output);
  if (output) {
    await writeFileAtomic(path.resolve(io.cwd, output), rendered).catch((e: Error) => {
      throw new FatalError(`cannot write ${output}: ${e.message}`);
    });
  } else io.stdout.write(rendered);
  const open = result.findings.filter((f) => !rotated[f.fingerprint]).length;
  return open > 0 && values['fail-on'] !== 'none' ? EXIT.findings : EXIT.clean;
}

export const historyCommand: Command = {
  name: 'history',
  summary: 'find secrets that were ever committed to git, even if they are gone now',
  usage: 'audit-ready history [PATH] [options]',
  description: `Reads the git history of PATH (default: the current folder) with git itself and scans the
lines each commit added with the secrets/ rules. Each distinct secret is reported once, with
the commit that introduced it, whether it is still present at HEAD, and the branches that
contain it. A committed secret must be rotated; rewriting history is optional and never done
by this tool. Secrets attested as rotated in .auditready/checklist.json do not fail the run.`,
  options: { format: { type: 'string', short: 'f' }, output: { type: 'string', short: 'o' }, 'fail-on': { type: 'string' }, ...HISTORY_OPTIONS },
  optionHelp: [
    ['-f, --format FORMAT', 'text (default), json or sarif'],
    ['-o, --output FILE', 'write the report to FILE instead of stdout'],
    ['--fail-on none', 'exit 0 even when unrotated secrets are found'],
    ...HISTORY_OPTION_HELP,
  ],
  run: ({ io, values, positionals }) => history(io, values, positionals),
};
