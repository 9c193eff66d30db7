import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadFolderConfig } from './config';
import { scanWithWorkers, spawnWorkers } from './pool';
import type {
  FileOutcome,
  FileScanResult,
  FolderScanOptions,
  FolderScanResult,
  ScanJobSettings,
} from './types';
import { listFiles } from './walk';

export type {
  FileScanResult,
  FolderScanOptions,
  FolderScanResult,
  LocatedFinding,
  SkippedFile,
  SkipReason,
} from './types';

/** Below this many files, starting workers costs more than it saves. */
const IN_THREAD_MAX_FILES = 64;

/** Default worker count: min(4, cpus). */
export function defaultWorkers(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

/**
 * Scans a folder: lists its files (git or a .gitignore-aware walk), skips what should not be
 * scanned (each with a reason), and scans the rest on worker threads. Streams results via
 * `onFile`/`onProgress`; cancelled through `signal` (the result then says `cancelled`).
 * Never throws for a file; only an unusable root rejects.
 */
export async function scanFolder(
  rootPath: string,
  options: FolderScanOptions = {},
): Promise<FolderScanResult> {
  const started = performance.now();
  const root = path.resolve(rootPath);
  let config = options.config;
  let configProblems: FolderScanResult['configProblems'] = [];
  if (!config) {
    const loaded = await loadFolderConfig(root);
    config = loaded.config;
    configProblems = loaded.problems;
  }
  const settings: ScanJobSettings = {
    root,
    config,
    baseline: [...(options.baseline ?? [])],
    includeSuppressed: options.includeSuppressed ?? false,
    today: options.today,
  };
  // Workers boot (load the engine, compile the rules) while the folder is walked.
  const prespawned =
    options.prespawnWorkers && options.workers === undefined && !options.paths ? spawnWorkers(settings, defaultWorkers()) : [];
  let listing: Awaited<ReturnType<typeof listFiles>>;
  try {
    listing = await listFiles(root, config, { useGit: options.useGit, paths: options.paths });
  } catch (err) {
    for (const p of prespawned) void p.worker.terminate();
    throw err;
  }
  const result: FolderScanResult = {
    root,
    files: [],
    skipped: listing.skipped,
    filesScanned: 0,
    bytesScanned: 0,
    durationMs: 0,
    configProblems,
    cancelled: false,
  };
  const total = listing.files.length;
  let done = 0;
  const onOutcome = (outcome: FileOutcome): void => {
    done++;
    if (outcome.kind === 'skipped') result.skipped.push(outcome.skipped);
    else {
      result.filesScanned++;
      result.bytesScanned += outcome.bytes;
      if (outcome.result.findings.length > 0 || outcome.result.error)
        result.files.push(outcome.result);
      options.onFile?.(outcome.result);
    }
    options.onProgress?.(done, total);
  };
  const workers = options.workers ?? (total <= IN_THREAD_MAX_FILES ? 0 : defaultWorkers());
  const completed = await scanWithWorkers(listing.files, settings, {
    workers,
    signal: options.signal,
    onOutcome,
    prespawned,
  });
  result.cancelled = !completed;
  result.files.sort((a, b) => compare(a.path, b.path));
  result.skipped.sort((a, b) => compare(a.path, b.path));
  result.durationMs = performance.now() - started;
  return result;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Every finding of a scan, in path then position order. */
export function allFindings(result: Pick<FolderScanResult, 'files'>): FileScanResult['findings'] {
  return result.files.flatMap((f) => f.findings);
}
