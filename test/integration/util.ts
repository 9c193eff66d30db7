/**
 * Helpers for suites that run inside the real VS Code host. Workbench state (markers, code
 * actions, views) arrives asynchronously, so tests poll for it with a deadline instead of sleeping.
 */
import * as vscode from 'vscode';

/** The extension under test, as `publisher.name` from package.json. */
export const EXTENSION_ID = 'audit-ready.audit-ready';

export interface WaitOptions {
  /** Give up after this many milliseconds (default 10 000). */
  timeout?: number;
  /** Poll every this many milliseconds (default 50). */
  interval?: number;
  /** Said in the error when the deadline passes. */
  message?: string;
}

/**
 * Calls `probe` until it returns a value other than `undefined`, `null` or `false` and returns
 * that value. A probe that throws counts as "not yet"; the last error is reported at the deadline.
 */
export async function waitFor<T>(
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  options: WaitOptions = {},
): Promise<T> {
  const timeout = options.timeout ?? 10_000;
  const deadline = Date.now() + timeout;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== null && value !== false) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() >= deadline) {
      const why = lastError instanceof Error ? `; last error: ${lastError.message}` : '';
      throw new Error(`${options.message ?? 'condition not met'} within ${timeout} ms${why}`);
    }
    await new Promise((resolve) => setTimeout(resolve, options.interval ?? 50));
  }
}

/** The extension, activated (waits for `onStartupFinished` rather than forcing activation). */
export async function activeExtension(timeout = 20_000): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not installed in this host`);
  await waitFor(() => ext.isActive, { timeout, message: `${EXTENSION_ID} to activate` });
  // isActive is also true after a failed activation; activate() then rejects with the cause.
  await ext.activate();
  return ext;
}

/** The first workspace folder: a fresh copy of the suite's fixture workspace. */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('this suite needs a workspace folder (see test/integration/README.md)');
  return folder.uri;
}

/** A file of the workspace, by its path relative to the workspace root. */
export function workspaceFile(relativePath: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relativePath.split('/'));
}

/**
 * Waits until the window's `.code-workspace` file has given the extension host at least `count`
 * folders. On a loaded machine the browser workbench can fail to read that file while the
 * window starts (the window then opens with no folder and keeps it so); it re-reads the file
 * when it changes, so after half the deadline the file is written again, unchanged.
 */
export async function workspaceFolders(
  count: number,
  timeout = 60_000,
): Promise<readonly vscode.WorkspaceFolder[]> {
  const loaded = (): readonly vscode.WorkspaceFolder[] | false => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    return folders.length >= count && folders;
  };
  const message = `${count} workspace folders from ${vscode.workspace.workspaceFile?.path}`;
  try {
    return await waitFor(loaded, { timeout: timeout / 2, message });
  } catch {
    const file = vscode.workspace.workspaceFile;
    if (!file || file.scheme === 'untitled') throw new Error(`${message}: no workspace file is open`);
    console.log(`[util] no folders after ${timeout / 2000} s: writing ${file.path} again`);
    await vscode.workspace.fs.writeFile(file, await vscode.workspace.fs.readFile(file));
    return waitFor(loaded, { timeout: timeout / 2, message });
  }
}

/** The workspace folder called `name` (multi-root workspaces; see the fixture's .code-workspace). */
export function workspaceFolder(name: string): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.name === name);
  if (!folder) {
    const names = (vscode.workspace.workspaceFolders ?? []).map((f) => f.name).join(', ');
    throw new Error(`no workspace folder "${name}" (folders: ${names || 'none'})`);
  }
  return folder;
}

/** A file of the workspace folder called `folderName`, by its path relative to that folder. */
export function folderFile(folderName: string, relativePath: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder(folderName).uri, ...relativePath.split('/'));
}

/** Writes a file into the workspace (creating folders) and returns its URI. */
export async function writeWorkspaceFile(relativePath: string, text: string): Promise<vscode.Uri> {
  const uri = workspaceFile(relativePath);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

/** Opens a workspace file in an editor. */
export async function openFile(relativePath: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceFile(relativePath));
  return vscode.window.showTextDocument(doc);
}

/** The extension's diagnostics for a file (those with source "Audit Ready"). */
export function auditDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Audit Ready');
}

/** Waits until the file's Audit Ready diagnostics satisfy `accept`, and returns them. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  options: WaitOptions = {},
): Promise<vscode.Diagnostic[]> {
  return waitFor(
    () => {
      const diagnostics = auditDiagnostics(uri);
      return accept(diagnostics) && diagnostics;
    },
    { message: `diagnostics of ${vscode.workspace.asRelativePath(uri)}`, ...options },
  );
}

/**
 * The code actions offered at `range`, retried until `accept` is satisfied: the provider sees
 * markers only after they reach the workbench, and the command may reject with `Canceled`.
 */
export function waitForCodeActions(
  uri: vscode.Uri,
  range: vscode.Range,
  accept: (actions: vscode.CodeAction[]) => boolean,
  options: WaitOptions = {},
): Promise<vscode.CodeAction[]> {
  return waitFor(
    async () => {
      const actions =
        (await vscode.commands.executeCommand<vscode.CodeAction[]>(
          'vscode.executeCodeActionProvider',
          uri,
          range,
        )) ?? [];
      return accept(actions) && actions;
    },
    { message: `code actions at ${vscode.workspace.asRelativePath(uri)}:${range.start.line + 1}`, ...options },
  );
}
