import * as vscode from 'vscode';
import { BASELINE_FILE, CONFIG_FILE, isoDate, serializeBaseline } from '../engine';
import { allFindings, scanFolder } from '../node';
import { CONFIG_TEMPLATE } from './configEdit';
import { readText, type FolderConfigs } from './folderConfigs';
import { writeText } from './fileWrites';
import { Cmd, VIEW_CONTAINER_ID } from './ids';
import type { LiveScanner } from './liveScanner';
import { logInfo } from './log';
import type { FindingsStore } from './store';
import { summaryText, type WorkspaceScanner, type WorkspaceScanSummary } from './workspaceScan';

/** What the palette commands work with. */
export interface CommandDeps {
  store: FindingsStore;
  configs: FolderConfigs;
  live: LiveScanner;
  scanner: WorkspaceScanner;
}

const RESTRICTED =
  'Restricted Mode: Audit Ready scans open files only. Trust this workspace to scan the whole workspace.';

/** "Audit Ready: Scan Workspace": cancellable progress, then a summary with per-family counts. */
export async function scanWorkspaceCommand(
  deps: CommandDeps,
): Promise<WorkspaceScanSummary | undefined> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showInformationMessage(RESTRICTED);
    return undefined;
  }
  const summary = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: 'Audit Ready: scanning workspace',
      cancellable: true,
    },
    (progress, token) => deps.scanner.scanAll(progress, token),
  );
  logInfo(summaryText(summary));
  const virtual =
    summary.skippedFolders.length > 0
      ? ` Open files only in ${summary.skippedFolders.join(', ')} (virtual).`
      : '';
  void vscode.window
    .showInformationMessage(summaryText(summary) + virtual, 'Open Sidebar')
    .then((choice) => {
      if (choice) void vscode.commands.executeCommand(Cmd.showSidebar);
    });
  return summary;
}

/** Picks the folder a per-folder command applies to (asks only in a multi-root window). */
async function pickFolder(placeHolder: string): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) return folders[0];
  const active = vscode.window.activeTextEditor?.document.uri;
  const current = active && vscode.workspace.getWorkspaceFolder(active);
  return current ?? vscode.window.showWorkspaceFolderPick({ placeHolder });
}

async function openConfiguration(): Promise<void> {
  const folder = await pickFolder('Open the configuration of which folder?');
  if (!folder) {
    void vscode.window.showInformationMessage(
      `Open a folder first: ${CONFIG_FILE} lives at a folder's root.`,
    );
    return;
  }
  const uri = vscode.Uri.joinPath(folder.uri, CONFIG_FILE);
  if ((await readText(uri)) === undefined) await writeText(uri, CONFIG_TEMPLATE);
  await vscode.window.showTextDocument(uri);
}

/** Accepts today's findings of a folder: later scans show only new ones. */
async function createBaseline(deps: CommandDeps): Promise<void> {
  const folder = await pickFolder('Create the baseline of which folder?');
  if (!folder || folder.uri.scheme !== 'file' || !vscode.workspace.isTrusted) {
    void vscode.window.showInformationMessage(
      'A baseline needs a trusted workspace folder on disk.',
    );
    return;
  }
  const uri = vscode.Uri.joinPath(folder.uri, BASELINE_FILE);
  if ((await readText(uri)) !== undefined) {
    const ok = await vscode.window.showWarningMessage(
      `Replace ${BASELINE_FILE}? Every current finding will be accepted.`,
      { modal: true },
      'Replace',
    );
    if (ok !== 'Replace') return;
  }
  const state = await deps.configs.forFolder(folder);
  const result = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: 'Audit Ready: creating baseline',
      cancellable: true,
    },
    (_p, token) => {
      const controller = new AbortController();
      token.onCancellationRequested(() => controller.abort());
      return scanFolder(folder.uri.fsPath, {
        config: state.config,
        signal: controller.signal,
        today: isoDate(new Date()),
      });
    },
  );
  if (result.cancelled) return;
  const entries = allFindings(result).map((f) => ({
    fingerprint: f.fingerprint,
    ruleId: f.ruleId,
    path: f.path,
  }));
  await writeText(uri, serializeBaseline(entries, isoDate(new Date())));
  deps.configs.invalidate(folder);
  void vscode.window.showInformationMessage(
    `Baseline created: ${entries.length} findings accepted in ${BASELINE_FILE}. Commit it.`,
  );
}

/** Registers the palette commands of the command table. */
export function registerCommands(deps: CommandDeps): vscode.Disposable {
  const r = vscode.commands.registerCommand;
  return vscode.Disposable.from(
    r(Cmd.scanWorkspace, () => scanWorkspaceCommand(deps)),
    r(Cmd.scanFile, async () => {
      const doc = vscode.window.activeTextEditor?.document;
      if (doc) await deps.live.scan(doc);
      else void vscode.window.showInformationMessage('Open a file to scan it.');
    }),
    r(Cmd.clearFindings, () => {
      deps.scanner.cancel();
      deps.store.clear();
    }),
    r(Cmd.openConfiguration, openConfiguration),
    r(Cmd.createBaseline, () => createBaseline(deps)),
    r(Cmd.showSidebar, () =>
      vscode.commands.executeCommand(`workbench.view.extension.${VIEW_CONTAINER_ID}`),
    ),
  );
}
