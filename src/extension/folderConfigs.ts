import ignore from 'ignore';
import * as vscode from 'vscode';
import {
  BASELINE_FILE,
  CONFIG_FILE,
  defaultConfig,
  parseBaseline,
  parseConfig,
  type AuditReadyConfig,
} from '../engine';
import { rangeInText } from './convert';
import { effectiveConfig, relativeTo } from './effectiveConfig';
import { DIAGNOSTIC_SOURCE } from './ids';
import type { Settings } from './settings';

/** What a scan of a file in a folder needs: the effective config and the baseline. */
export interface FolderState {
  folder: vscode.WorkspaceFolder | undefined;
  config: AuditReadyConfig;
  baseline: ReadonlySet<string>;
  /** Whether the folder's root `.gitignore` ignores a folder-relative path (as the CLI skips it). */
  isGitignored(relPath: string): boolean;
}

const NOT_IGNORED = (): boolean => false;

/**
 * Per-folder `.auditready.jsonc` and baseline, read through `workspace.fs` (so virtual
 * workspaces work), cached until the files, the settings or the workspace trust change.
 * Problems in a config file are shown as diagnostics on it.
 */
export class FolderConfigs implements vscode.Disposable {
  private readonly cache = new Map<string, Promise<FolderState>>();
  private readonly problems = vscode.languages.createDiagnosticCollection('auditReady.config');
  private readonly emitter = new vscode.EventEmitter<vscode.WorkspaceFolder | undefined>();
  private readonly disposables: vscode.Disposable[] = [this.problems, this.emitter];

  /** Fires when a folder's config or baseline changed (undefined: every folder). */
  readonly onDidChange = this.emitter.event;

  constructor(private readonly settings: () => Settings) {
    const watcher = vscode.workspace.createFileSystemWatcher(
      `**/{${CONFIG_FILE},${BASELINE_FILE},.gitignore}`,
    );
    const changed = (uri: vscode.Uri): void =>
      this.invalidate(vscode.workspace.getWorkspaceFolder(uri));
    this.disposables.push(
      watcher,
      watcher.onDidChange(changed),
      watcher.onDidCreate(changed),
      watcher.onDidDelete(changed),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.invalidate(undefined)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.invalidate(undefined)),
    );
  }

  /** The state for the folder holding `uri` (files outside every folder get the defaults). */
  forUri(uri: vscode.Uri): Promise<FolderState> {
    return this.forFolder(vscode.workspace.getWorkspaceFolder(uri));
  }

  forFolder(folder: vscode.WorkspaceFolder | undefined): Promise<FolderState> {
    const key = folder?.uri.toString() ?? '';
    let state = this.cache.get(key);
    if (!state) {
      state = this.load(folder);
      this.cache.set(key, state);
    }
    return state;
  }

  /** Forget cached state and tell listeners to re-scan. */
  invalidate(folder: vscode.WorkspaceFolder | undefined): void {
    if (folder) this.cache.delete(folder.uri.toString());
    else this.cache.clear();
    this.emitter.fire(folder);
  }

  /** Shows the problems of a config file's (possibly unsaved) text as diagnostics on it. */
  publishProblems(uri: vscode.Uri, text: string | undefined): void {
    if (text === undefined) {
      this.problems.delete(uri);
      return;
    }
    const diagnostics = parseConfig(text).problems.map((p) => {
      const d = new vscode.Diagnostic(
        rangeInText(text, p.offset, p.length),
        p.message,
        vscode.DiagnosticSeverity.Warning,
      );
      d.source = DIAGNOSTIC_SOURCE;
      return d;
    });
    this.problems.set(uri, diagnostics);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private async load(folder: vscode.WorkspaceFolder | undefined): Promise<FolderState> {
    const trusted = vscode.workspace.isTrusted;
    if (!folder) {
      const config = effectiveConfig(defaultConfig(), this.settings(), trusted);
      return { folder, config, baseline: new Set(), isGitignored: NOT_IGNORED };
    }
    const configUri = vscode.Uri.joinPath(folder.uri, CONFIG_FILE);
    const configText = await readText(configUri);
    this.publishProblems(configUri, configText);
    const file = configText === undefined ? defaultConfig() : parseConfig(configText).config;
    const baselineText = trusted
      ? await readText(vscode.Uri.joinPath(folder.uri, BASELINE_FILE))
      : undefined;
    const baseline =
      baselineText === undefined ? new Set<string>() : parseBaseline(baselineText).fingerprints;
    // Restricted Mode: a workspace's own .gitignore must not hide files from the scan either.
    const gitignore = trusted
      ? await readText(vscode.Uri.joinPath(folder.uri, '.gitignore'))
      : undefined;
    const matcher = gitignore === undefined ? undefined : ignore().add(gitignore);
    const isGitignored = matcher ? (rel: string): boolean => matcher.ignores(rel) : NOT_IGNORED;
    return {
      folder,
      config: effectiveConfig(file, this.settings(), trusted),
      baseline,
      isGitignored,
    };
  }
}

/** A file's text, or undefined when it does not exist or cannot be read. */
export async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

/** The path the engine sees for a file: folder-relative, or the file name outside a folder. */
export function enginePath(uri: vscode.Uri, folder: vscode.WorkspaceFolder | undefined): string {
  const rel = folder ? relativeTo(folder.uri.path, uri.path) : undefined;
  return rel ?? uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
