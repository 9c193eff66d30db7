import * as vscode from 'vscode';
import { FAMILY_INFO, FAMILIES, isoDate } from '../engine';
import { scanFolder, type FileScanResult, type FolderScanResult } from '../node';
import { locateFromScan, type StoredFinding } from './convert';
import type { FolderConfigs } from './folderConfigs';
import type { FindingCounts, FindingsStore } from './store';

/** What a workspace scan did, for the summary message and the tests. */
export interface WorkspaceScanSummary {
  filesScanned: number;
  skippedFolders: string[];
  cancelled: boolean;
  counts: FindingCounts;
}

/** "3 hardcoded secrets, 2 plain HTTP" style summary of counts per family. */
export function summaryText(s: WorkspaceScanSummary): string {
  const c = s.counts;
  const parts = FAMILIES.filter((f) => c.byFamily[f] > 0).map(
    (f) => `${FAMILY_INFO[f].title}: ${c.byFamily[f]}`,
  );
  const head = s.cancelled ? 'Audit Ready scan cancelled' : 'Audit Ready scan finished';
  const found =
    c.total === 0
      ? 'no findings'
      : `${c.total} finding${c.total === 1 ? '' : 's'} in ${c.files} file${c.files === 1 ? '' : 's'} (${parts.join(', ')})`;
  return `${head}: ${found}; ${s.filesScanned} files scanned.`;
}

type ScanAllResult = WorkspaceScanSummary & { tooLarge: boolean };

/** One `scanAll` call: aborted by a newer one (`successor`), by the user, or by `cancel()`. */
interface ScanRun {
  controller: AbortController;
  /** The result of the scan that took over from this one, if one did. */
  successor?: Promise<ScanAllResult>;
}

/**
 * Whole-folder scans through the node layer (worker threads, the CLI's ignore rules), feeding
 * the store's scanned layer as files finish. One scan at a time: a new one cancels the old, and
 * the old call then reports the new one's result (a config change or the automatic scan on
 * open must not turn a "Scan Workspace" the user started into "cancelled").
 */
export class WorkspaceScanner implements vscode.Disposable {
  private running: ScanRun | undefined;

  constructor(
    private readonly store: FindingsStore,
    private readonly configs: FolderConfigs,
  ) {}

  /** Folders a scan can read with Node (virtual folders are scanned file by file when open). */
  static diskFolders(): vscode.WorkspaceFolder[] {
    return (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
  }

  /**
   * Scans every folder on disk. `maxFiles` aborts (before scanning anything) when the
   * workspace has more files, for the automatic scan on open.
   */
  scanAll(
    progress: vscode.Progress<{ message?: string; increment?: number }>,
    token: vscode.CancellationToken,
    maxFiles = Number.POSITIVE_INFINITY,
  ): Promise<ScanAllResult> {
    const previous = this.running;
    const run: ScanRun = { controller: new AbortController() };
    this.running = run;
    const result = this.runScan(run, progress, token, maxFiles);
    if (previous) {
      previous.successor = result;
      previous.controller.abort();
    }
    return result;
  }

  private async runScan(
    run: ScanRun,
    progress: vscode.Progress<{ message?: string; increment?: number }>,
    token: vscode.CancellationToken,
    maxFiles: number,
  ): Promise<ScanAllResult> {
    const { controller } = run;
    const cancel = token.onCancellationRequested(() => controller.abort());
    const summary = {
      filesScanned: 0,
      skippedFolders: [] as string[],
      cancelled: false,
      tooLarge: false,
    };
    try {
      const folders = WorkspaceScanner.diskFolders();
      summary.skippedFolders = (vscode.workspace.workspaceFolders ?? [])
        .filter((f) => !folders.includes(f))
        .map((f) => f.name);
      for (const folder of folders) {
        if (controller.signal.aborted) break;
        let last = 0;
        const result = await this.scanFolder(folder, controller.signal, (done, total) => {
          if (total > maxFiles) {
            summary.tooLarge = true;
            controller.abort();
            return;
          }
          const pct = total === 0 ? 0 : (100 * done) / total / folders.length;
          progress.report({
            message: `${folder.name}: ${done}/${total} files`,
            increment: pct - last,
          });
          last = pct;
        });
        summary.filesScanned += result.filesScanned;
        if (!result.cancelled) {
          this.store.markScanned({
            folder: folder.uri,
            finishedAt: new Date(),
            filesScanned: result.filesScanned,
            cancelled: false,
          });
        }
      }
      summary.cancelled = controller.signal.aborted;
    } finally {
      cancel.dispose();
      if (this.running === run) this.running = undefined;
    }
    // Taken over by a newer scan (not cancelled by the user): that scan's result is this one's.
    if (summary.cancelled && run.successor && !token.isCancellationRequested) {
      progress.report({ message: 'restarted (configuration changed)' });
      return run.successor;
    }
    return { ...summary, counts: this.store.counts() };
  }

  /** Re-scans some folder-relative files of a folder (file watcher, after edits on disk). */
  async rescanPaths(folder: vscode.WorkspaceFolder, paths: string[]): Promise<void> {
    const seen = new Set<string>();
    await this.scanFolder(folder, undefined, undefined, paths, seen);
    // Files now skipped or gone have no results: clear what they showed before.
    const cleared = paths
      .filter((p) => !seen.has(p))
      .map((p) => [vscode.Uri.joinPath(folder.uri, p), [] as StoredFinding[]] as const);
    this.store.setScanned(cleared);
  }

  /** Stops the running scan, if any (its results so far stay). */
  cancel(): void {
    this.running?.controller.abort();
  }

  dispose(): void {
    this.cancel();
  }

  private async scanFolder(
    folder: vscode.WorkspaceFolder,
    signal: AbortSignal | undefined,
    onProgress: ((done: number, total: number) => void) | undefined,
    paths?: string[],
    seen?: Set<string>,
  ): Promise<FolderScanResult> {
    const state = await this.configs.forFolder(folder);
    if (!paths) this.store.clearFolder(folder.uri);
    let batch: Array<readonly [vscode.Uri, StoredFinding[]]> = [];
    let flushed = Date.now();
    const flush = (): void => {
      this.store.setScanned(batch);
      batch = [];
      flushed = Date.now();
    };
    const onFile = (r: FileScanResult): void => {
      seen?.add(r.path);
      const uri = vscode.Uri.joinPath(folder.uri, r.path);
      batch.push([uri, locateFromScan(uri, r.path, r.findings)]);
      // Batches keep the Problems panel moving without one event per file.
      if (Date.now() - flushed > 250) flush();
    };
    try {
      return await scanFolder(folder.uri.fsPath, {
        config: state.config,
        baseline: state.baseline,
        signal,
        onProgress,
        onFile,
        paths,
        today: isoDate(new Date()),
        useGit: vscode.workspace.isTrusted,
      });
    } finally {
      flush();
    }
  }
}
