import * as vscode from 'vscode';
import { isoDate } from '../../engine';
import { CHECKLIST_FILE, readinessScore, type ChecklistState, type Evidence } from '../../engine/roadmap';
import type { HistoryScanResult } from '../../node/history/historyScan';
import { loadChecklist, saveChecklist, whoAmI } from '../../node/checklistFile';
import { computeReadiness, countByFamily, type Readiness } from '../../node/readiness';
import { logError } from '../log';
import type { FindingsStore } from '../store';

const RECOMPUTE_DELAY_MS = 400;

/** The readiness model of the window's folder, recomputed when its inputs change. */
export interface ReadinessSnapshot extends Readiness {
  folder: vscode.WorkspaceFolder;
  score: number;
  /** A workspace scan of the folder completed (before that, findings items are "to do"). */
  scanned: boolean;
}

/**
 * Holds the roadmap's evaluation for the (first, on-disk) workspace folder. Recomputed off the
 * UI path — debounced on findings changes, and on edits of `.auditready/checklist.json` — so
 * the trees only read `snapshot`. Writes to the checklist go through `update`, which refuses
 * to touch a malformed file.
 */
export class ReadinessService implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  snapshot: ReadinessSnapshot | undefined;
  /** The last history scan of the folder (set by the history command). */
  history: HistoryScanResult | undefined;

  constructor(private readonly store: FindingsStore) {
    this.disposables.push(
      store.onDidChange(() => this.schedule()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.schedule(0)),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.schedule(0)),
    );
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${CHECKLIST_FILE}`);
    const docs = vscode.workspace.createFileSystemWatcher('**/docs/security/*.md');
    for (const w of [watcher, docs]) {
      this.disposables.push(w, w.onDidChange(() => this.schedule()), w.onDidCreate(() => this.schedule()), w.onDidDelete(() => this.schedule()));
    }
  }

  /** The folder the checklist describes: the first workspace folder on disk. */
  folder(): vscode.WorkspaceFolder | undefined {
    return vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file');
  }

  /** Recomputes after `delay` ms, coalescing bursts (a workspace scan streams results). */
  schedule(delay = RECOMPUTE_DELAY_MS): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), delay);
  }

  /** Recomputes now; resolves when the snapshot is current. */
  async refresh(): Promise<void> {
    clearTimeout(this.timer);
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.compute().finally(() => (this.running = undefined));
    await this.running;
    if (this.again) {
      this.again = false;
      await this.refresh();
    }
  }

  private async compute(): Promise<void> {
    const folder = this.folder();
    if (!folder) {
      this.snapshot = undefined;
      this.emitter.fire();
      return;
    }
    const prefix = folder.uri.toString().replace(/\/?$/, '/');
    const scanned = this.store.scanInfo().some((s) => s.folder.toString() === folder.uri.toString());
    const mine = this.store.all().filter((f) => f.uri.toString().startsWith(prefix));
    try {
      const readiness = await computeReadiness(folder.uri.fsPath, {
        findings: scanned ? countByFamily(mine) : undefined,
        history: this.historySummary((await loadChecklist(folder.uri.fsPath)).state.rotated),
        untrusted: !vscode.workspace.isTrusted,
        today: isoDate(new Date()),
      });
      this.snapshot = { ...readiness, folder, score: readinessScore(readiness.results), scanned };
    } catch (err) {
      logError('Evaluating the audit-readiness checklist failed', err);
    }
    this.emitter.fire();
  }

  /** What the roadmap needs from the last history scan, given the rotation attestations. */
  historySummary(rotated: ChecklistState['rotated']): Evidence['history'] {
    if (!this.history) return undefined;
    return {
      secrets: this.history.findings.length,
      unrotated: this.history.findings.filter((f) => !rotated[f.fingerprint]).length,
      partial: this.history.shallow,
    };
  }

  setHistory(result: HistoryScanResult | undefined): Promise<void> {
    this.history = result;
    return this.refresh();
  }

  /**
   * Changes `.auditready/checklist.json` of the folder: re-reads it, applies `change` with the
   * current user's name, writes atomically, recomputes. Refuses (and says why) when the file is
   * malformed. Returns false when nothing was written.
   */
  async update(change: (state: ChecklistState, who: string, now: string) => ChecklistState): Promise<boolean> {
    const folder = this.folder();
    if (!folder) {
      void vscode.window.showWarningMessage('Audit Ready: open a folder to keep a checklist.');
      return false;
    }
    const loaded = await loadChecklist(folder.uri.fsPath);
    if (!loaded.writable) {
      const open = 'Open File';
      void vscode.window
        .showErrorMessage(`Audit Ready: ${loaded.error ?? `${CHECKLIST_FILE} cannot be used`}`, open)
        .then((c) => c && vscode.window.showTextDocument(vscode.Uri.joinPath(folder.uri, CHECKLIST_FILE)));
      return false;
    }
    const who = await whoAmI(folder.uri.fsPath, vscode.workspace.isTrusted);
    await saveChecklist(folder.uri.fsPath, change(loaded.state, who, isoDate(new Date())));
    await this.refresh();
    return true;
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
    this.emitter.dispose();
  }
}
