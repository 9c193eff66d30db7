import * as vscode from 'vscode';
import { registerCodeActions } from './codeActions';
import { registerCommands, type CommandDeps } from './commands';
import { registerDiagnostics } from './diagnostics';
import { registerFileWatcher } from './fileWatcher';
import { FindingsTreeProvider, registerFindingsTree } from './findingsTree';
import { registerFixCommands } from './fixCommands';
import { FolderConfigs } from './folderConfigs';
import { registerHover } from './hover';
import { Cmd } from './ids';
import { LiveScanner } from './liveScanner';
import { logError, logInfo, registerLog } from './log';
import { normaliseSettings, SETTINGS_SECTION, type SettingKey, type Settings } from './settings';
import { registerReadiness, type ReadinessApi } from './readiness';
import { StatusBar } from './statusBar';
import { FindingsStore } from './store';
import { summaryText, WorkspaceScanner } from './workspaceScan';

/** What `activate` returns: the hub for the checklist views and the integration tests. */
export interface AuditReadyApi {
  store: FindingsStore;
  statusBar: StatusBar;
  /** The Findings view's data (family → file → finding). */
  findingsTree: FindingsTreeProvider;
  /** The audit-readiness checklist, the 30-day plan and the history scan (issues #5, #6). */
  readiness: ReadinessApi;
  /** Milliseconds `activate` took (goal: under 50). */
  activationMs: number;
}

const AUTO_SCAN_DELAY_MS = 500;

/** Settings, re-read only when they change. */
function settingsReader(): { get: () => Settings; refresh: () => void } {
  const read = (): Settings => {
    const c = vscode.workspace.getConfiguration(SETTINGS_SECTION);
    return normaliseSettings((key: SettingKey) => c.get(key));
  };
  let current = read();
  return { get: () => current, refresh: () => (current = read()) };
}

/**
 * The automatic workspace scan (on open, and after config or settings changes once a scan ran):
 * in the background, trusted workspaces only, and skipped for workspaces over the size limit.
 */
async function backgroundScan(deps: CommandDeps, settings: () => Settings): Promise<void> {
  const s = settings();
  if (!s.enable || !vscode.workspace.isTrusted || WorkspaceScanner.diskFolders().length === 0)
    return;
  try {
    const summary = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'Audit Ready: scanning' },
      (p, token) => deps.scanner.scanAll(p, token, s.autoScanMaxFiles),
    );
    logInfo(summaryText(summary));
    if (!summary.tooLarge) return;
    const choice = await vscode.window.showInformationMessage(
      `Audit Ready did not scan this workspace automatically: it has more than ${s.autoScanMaxFiles} files (auditReady.autoScanMaxFiles). Open files are still scanned.`,
      'Scan Workspace',
    );
    if (choice) await vscode.commands.executeCommand(Cmd.scanWorkspace);
  } catch (err) {
    logError('Workspace scan failed', err);
  }
}

/** Re-scans (debounced) when settings, a config file, the baseline or the trust change. */
function registerRescans(
  deps: CommandDeps,
  settings: { get: () => Settings; refresh: () => void },
  status: StatusBar,
): vscode.Disposable {
  let timer: NodeJS.Timeout | undefined;
  const rescanWorkspace = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (deps.store.scanInfo().length > 0 || settings.get().scanWorkspaceOnOpen)
        void backgroundScan(deps, settings.get);
    }, 300);
  };
  return vscode.Disposable.from(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(SETTINGS_SECTION)) return;
      settings.refresh();
      status.setVisible(settings.get().enable);
      if (!settings.get().enable) deps.store.clear();
      deps.configs.invalidate(undefined);
    }),
    deps.configs.onDidChange(rescanWorkspace),
    { dispose: () => clearTimeout(timer) },
  );
}

export function activate(context: vscode.ExtensionContext): AuditReadyApi {
  const started = performance.now();
  context.subscriptions.push(registerLog());
  const settings = settingsReader();
  const store = new FindingsStore();
  const configs = new FolderConfigs(settings.get);
  const live = new LiveScanner(store, configs, settings.get);
  const scanner = new WorkspaceScanner(store, configs);
  const statusBar = new StatusBar(store);
  statusBar.setVisible(settings.get().enable);
  const deps: CommandDeps = { store, configs, live, scanner };
  const findingsTree = new FindingsTreeProvider(store);
  context.subscriptions.push(
    store,
    configs,
    live,
    scanner,
    statusBar,
    registerDiagnostics(store, context.extensionUri),
    registerHover(store),
    registerCodeActions(configs, live),
    registerCommands(deps),
    registerFixCommands(configs, context.extensionUri),
    registerFindingsTree(store, findingsTree),
    registerFileWatcher(scanner, store, settings.get),
    registerRescans(deps, settings, statusBar),
  );
  const readiness = registerReadiness(context, store, statusBar);
  context.subscriptions.push(readiness.disposable);
  // Deferred so activation stays fast: open files first, then the workspace in the background.
  const deferred = setTimeout(() => {
    live.scanAllOpen();
    if (settings.get().scanWorkspaceOnOpen) void backgroundScan(deps, settings.get);
  }, AUTO_SCAN_DELAY_MS);
  context.subscriptions.push({ dispose: () => clearTimeout(deferred) });
  const activationMs = performance.now() - started;
  logInfo(`Activated in ${activationMs.toFixed(1)} ms`);
  return { store, statusBar, findingsTree, readiness: readiness.api, activationMs };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
