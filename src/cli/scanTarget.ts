import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ALL_RULES, lineStarts, ruleSetting, toPosition, type ConfigProblem } from '../engine';
import type { ReportInput, ReportProblem } from '../engine/report';
import { loadBaseline, loadConfigFile, loadFolderConfig } from '../node/config';
import { gitStagedFiles, gitTopLevel } from '../node/git';
import { allFindings, scanFolder, type FolderScanResult } from '../node/scanFolder';
import { FatalError, UsageError, VERSION, type CliIo } from './io';
import { startProgress } from './progress';

/** What to scan: a folder, or some files under a folder. */
export interface ScanTarget {
  root: string;
  paths?: string[];
}

/**
 * Resolves the command line's positionals: none → the current folder; one folder → that
 * folder; files → those files, relative to the current folder. `--staged` → git's staged files.
 */
export async function resolveTarget(
  io: CliIo,
  positionals: string[],
  staged = false,
): Promise<ScanTarget> {
  if (staged) {
    if (positionals.length > 0) throw new UsageError('--staged takes no PATH');
    const root = await gitTopLevel(io.cwd);
    if (!root) throw new FatalError('--staged needs a git repository (and git on PATH)');
    return { root, paths: (await gitStagedFiles(root)) ?? [] };
  }
  if (positionals.length === 0) return { root: io.cwd };
  const stats = await Promise.all(
    positionals.map(async (p) => {
      const abs = path.resolve(io.cwd, p);
      const stat = await fs.stat(abs).catch(() => undefined);
      if (!stat) throw new FatalError(`no such file or folder: ${p}`);
      return { abs, isDir: stat.isDirectory() };
    }),
  );
  if (stats.length === 1 && stats[0].isDir) return { root: stats[0].abs };
  if (stats.some((s) => s.isDir)) throw new UsageError('give one folder, or a list of files');
  const paths = stats.map((s) => path.relative(io.cwd, s.abs).split(path.sep).join('/'));
  if (paths.some((p) => p.startsWith('../') || path.isAbsolute(p))) {
    throw new UsageError('files must be inside the current folder (run from the repository root)');
  }
  return { root: io.cwd, paths };
}

export interface ScanRunOptions {
  configFile?: string;
  baselineFile?: string;
  /** Ignore any baseline (used when writing a new one). */
  noBaseline?: boolean;
  includeSuppressed?: boolean;
  workers?: number;
}

/** A finished scan and the report input built from it. */
export interface ScanOutcome {
  result: FolderScanResult;
  report: ReportInput;
}

/**
 * Loads config and baseline, scans with a progress line on a terminal, and converts the
 * result for the reporters. Config problems and a broken default baseline are warnings on
 * stderr; the scan goes on with what is valid.
 */
export async function runScan(
  io: CliIo,
  target: ScanTarget,
  opts: ScanRunOptions = {},
): Promise<ScanOutcome> {
  const rootStat = await fs.stat(target.root).catch(() => undefined);
  if (!rootStat?.isDirectory()) throw new FatalError(`not a folder: ${target.root}`);
  const loaded = opts.configFile
    ? await loadConfigFile(path.resolve(io.cwd, opts.configFile))
    : await loadFolderConfig(target.root);
  if (opts.configFile && loaded.text === undefined)
    throw new FatalError(loaded.problems[0]?.message ?? 'cannot read config');
  const problems = placeProblems(loaded.problems, loaded.path ?? '', loaded.text, io.cwd);
  for (const p of problems)
    io.stderr.write(`${p.file}:${p.line}:${p.column}: warning: ${p.message}\n`);
  let baseline = new Set<string>();
  if (!opts.noBaseline) {
    const file = opts.baselineFile ? path.resolve(io.cwd, opts.baselineFile) : undefined;
    const loadedBaseline = await loadBaseline(target.root, file);
    if (loadedBaseline.error && file) throw new FatalError(loadedBaseline.error);
    if (loadedBaseline.error) io.stderr.write(`warning: ${loadedBaseline.error} (ignored)\n`);
    baseline = loadedBaseline.fingerprints;
  }
  const progress = startProgress(io);
  const result = await scanFolder(target.root, {
    config: loaded.config,
    baseline,
    paths: target.paths,
    includeSuppressed: opts.includeSuppressed,
    workers: opts.workers,
    prespawnWorkers: true,
    onProgress: progress.update,
  });
  progress.done();
  result.configProblems = loaded.problems;
  const report: ReportInput = {
    toolVersion: VERSION,
    findings: allFindings(result),
    rules: ALL_RULES.filter((r) => ruleSetting(loaded.config, r.id) !== 'off'),
    filesScanned: result.filesScanned,
    bytesScanned: result.bytesScanned,
    durationMs: result.durationMs,
    skipped: result.skipped,
    configProblems: problems,
    srcRootUri: `${pathToFileURL(target.root).href.replace(/\/?$/, '/')}`,
    cancelled: result.cancelled,
  };
  for (const f of result.files)
    if (f.error) io.stderr.write(`warning: ${f.path}: scan failed: ${f.error}\n`);
  return { result, report };
}

/** Config problems as `file:line:column` (1-based), the file shown relative to the cwd. */
function placeProblems(
  problems: ConfigProblem[],
  file: string,
  text: string | undefined,
  cwd: string,
): ReportProblem[] {
  const starts = text ? lineStarts(text) : [0];
  const shown = file ? path.relative(cwd, file) || file : '.auditready.jsonc';
  return problems.map((p) => {
    const pos = toPosition(starts, p.offset);
    return {
      file: shown.split(path.sep).join('/'),
      line: pos.line + 1,
      column: pos.character + 1,
      message: p.message,
    };
  });
}
