import * as vscode from 'vscode';
import { relativeTo } from './effectiveConfig';
import type { Settings } from './settings';
import type { FindingsStore } from './store';
import type { WorkspaceScanner } from './workspaceScan';

const DELAY_MS = 300;

/**
 * Incremental rescans: files created or changed on disk (git checkout, a formatter, another
 * tool) in a folder that has had a workspace scan are re-scanned in small batches; deleted
 * files lose their findings. Off in Restricted Mode and when `auditReady.watchFiles` is off.
 */
export function registerFileWatcher(
  scanner: WorkspaceScanner,
  store: FindingsStore,
  settings: () => Settings,
): vscode.Disposable {
  const pending = new Map<string, { folder: vscode.WorkspaceFolder; paths: Set<string> }>();
  let timer: NodeJS.Timeout | undefined;
  const flush = async (): Promise<void> => {
    timer = undefined;
    const jobs = [...pending.values()];
    pending.clear();
    for (const job of jobs) await scanner.rescanPaths(job.folder, [...job.paths]);
  };
  const queue = (uri: vscode.Uri): void => {
    const s = settings();
    if (!s.enable || !s.watchFiles || !vscode.workspace.isTrusted || uri.scheme !== 'file') return;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder || !store.scanInfo().some((i) => i.folder.toString() === folder.uri.toString()))
      return;
    const rel = relativeTo(folder.uri.path, uri.path);
    if (
      !rel ||
      rel.startsWith('.git/') ||
      rel.includes('/node_modules/') ||
      rel.startsWith('node_modules/')
    )
      return;
    const key = folder.uri.toString();
    const entry = pending.get(key) ?? { folder, paths: new Set<string>() };
    entry.paths.add(rel);
    pending.set(key, entry);
    timer ??= setTimeout(() => void flush(), DELAY_MS);
  };
  const watcher = vscode.workspace.createFileSystemWatcher('**/*');
  return vscode.Disposable.from(
    watcher,
    watcher.onDidCreate(queue),
    watcher.onDidChange(queue),
    watcher.onDidDelete((uri) => store.setScanned([[uri, []]])),
    { dispose: () => clearTimeout(timer) },
  );
}
