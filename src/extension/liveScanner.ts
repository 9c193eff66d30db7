import * as vscode from 'vscode';
import { CONFIG_FILE, isoDate } from '../engine';
import { enginePath, type FolderConfigs } from './folderConfigs';
import type { StoredFinding } from './convert';
import type { IncrementalState } from './incremental';
import { logError } from './log';
import { scanDocument } from './scanDocument';
import type { Settings } from './settings';
import type { FindingsStore } from './store';

/** Schemes of editor-internal documents that are never scanned. */
const SKIPPED_SCHEMES = new Set([
  'output',
  'git',
  'gitfs',
  'vscode-scm',
  'debug',
  'comment',
  'vscode-settings',
]);

/**
 * Live diagnostics: scans open documents on open, on change (debounced) and on save, and puts
 * the results in the store's live layer. On save the results also replace the scanned layer,
 * since the file on disk now holds that text.
 */
export class LiveScanner implements vscode.Disposable {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Per open document: the version its findings belong to, and the state for windowed rescans. */
  private readonly docs = new Map<
    string,
    { version: number; findings: StoredFinding[]; incremental?: IncrementalState }
  >();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly store: FindingsStore,
    private readonly configs: FolderConfigs,
    private readonly settings: () => Settings,
  ) {
    const w = vscode.workspace;
    this.disposables.push(
      w.onDidOpenTextDocument((d) => this.settings().scanOnOpen && void this.scan(d)),
      w.onDidChangeTextDocument((e) => this.onChange(e)),
      w.onDidSaveTextDocument((d) => this.settings().scanOnSave && void this.scan(d, true)),
      w.onDidCloseTextDocument((d) => this.onClose(d)),
      configs.onDidChange(() => this.scanAllOpen()),
    );
  }

  /** Scans every open document now (activation, settings or config changes). */
  scanAllOpen(): void {
    for (const doc of vscode.workspace.textDocuments) void this.scan(doc);
  }

  /** The findings of a document if they belong to its current version (for code actions). */
  current(doc: vscode.TextDocument): readonly StoredFinding[] | undefined {
    const entry = this.docs.get(doc.uri.toString());
    return entry && entry.version === doc.version ? entry.findings : undefined;
  }

  /**
   * Scans one document now; resolves when its findings are in the store. `incrementally`:
   * re-scan only around the lines edited since the last scan (large documents while typing).
   */
  async scan(doc: vscode.TextDocument, saved = false, incrementally = false): Promise<void> {
    if (SKIPPED_SCHEMES.has(doc.uri.scheme)) return;
    if (doc.uri.path.endsWith(`/${CONFIG_FILE}`)) {
      this.configs.publishProblems(doc.uri, doc.getText());
      return;
    }
    if (!this.settings().enable) return;
    const state = await this.configs.forUri(doc.uri);
    if (doc.isClosed) return;
    const relPath = enginePath(doc.uri, state.folder);
    const key = doc.uri.toString();
    const previous = incrementally ? this.docs.get(key)?.incremental : undefined;
    let scanned: ReturnType<typeof scanDocument>;
    try {
      scanned = scanDocument(doc, relPath, state, isoDate(new Date()), previous);
    } catch (err) {
      // A failing rule must not stop live diagnostics for every other file.
      logError(`Scan of ${relPath} failed`, err);
      return;
    }
    const { findings, incremental } = scanned;
    this.docs.set(key, { version: doc.version, findings, incremental });
    this.store.setLive(doc.uri, findings);
    if (saved && !doc.isDirty) this.store.setScanned([[doc.uri, findings]]);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    for (const d of this.disposables) d.dispose();
  }

  private onChange(e: vscode.TextDocumentChangeEvent): void {
    const settings = this.settings();
    if (e.contentChanges.length === 0) return;
    const isConfig = e.document.uri.path.endsWith(`/${CONFIG_FILE}`);
    if (!isConfig && (!settings.scanOnType || !settings.enable)) return;
    const key = e.document.uri.toString();
    // Edits are tracked on every event, so offsets of kept findings stay right until the rescan.
    const incremental = this.docs.get(key)?.incremental;
    incremental?.applyChanges(e.contentChanges);
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.scan(e.document, false, incremental !== undefined);
      }, settings.debounceMs),
    );
  }

  private onClose(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.docs.delete(key);
    this.store.clearLive(doc.uri);
    // An unsaved config file's problems go away with it; the saved file's come from disk.
    if (doc.uri.path.endsWith(`/${CONFIG_FILE}`)) {
      const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
      this.configs.invalidate(folder);
    }
  }
}
