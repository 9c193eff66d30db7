import * as vscode from 'vscode';
import { isoDate } from '../../engine';
import {
  CHECKLIST_FILE,
  evaluateRoadmap,
  planToday,
  readinessScore,
  type ChecklistState,
  type Evidence,
} from '../../engine/roadmap';
import type { HistoryScanResult } from '../../node/history/historyScan';
import { loadChecklist, saveChecklist, whoAmI } from '../../node/checklistFile';
import { collectEvidence } from '../../node/evidence';
import { countByFamily, type Readiness } from '../../node/readiness';
import { logError } from '../log';
import type { FindingsStore } from '../store';

const RECOMPUTE_DELAY_MS = 400;
/** Workspace-state key of the last history scan. */
const HISTORY_KEY = 'auditReady.lastHistoryScan';

interface SavedHistory {
  folder: string;
  at: string;
  result: HistoryScanResult;
}
/** After files change on disk the evidence is gathered again (a walk of the folder): wait longer. */
const FILES_DELAY_MS = 1500;

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
  /** What the files showed last time (manifests, configs, policies, git state), per folder. */
  private files: { folder: string; evidence: Evidence } | undefined;
  /** Bumped whenever the files may have changed; evidence gathered across a bump is not kept. */
  private filesGeneration = 0;
  /** The last checklist error told to the user, so a malformed file is reported once. */
  private reportedError: string | undefined;

  /**
   * @param memory the window's workspace state: the last history scan is kept there (masked
   * values and hashes only, never in the repository) so the history item stays decided after
   * a reload without running git again.
   */
  constructor(
    private readonly store: FindingsStore,
    private readonly memory?: vscode.Memento,
  ) {
    this.history = this.restoreHistory();
    const filesChanged = (): void => {
      this.invalidateFiles();
      this.schedule(FILES_DELAY_MS);
    };
    this.disposables.push(
      store.onDidChange(() => this.schedule()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.invalidateFiles();
        this.schedule(0);
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        this.invalidateFiles();
        this.schedule(0);
      }),
    );
    // The checklist and the policies decide items directly: re-read them at once.
    const checklist = vscode.workspace.createFileSystemWatcher(`**/${CHECKLIST_FILE}`);
    const anyFile = vscode.workspace.createFileSystemWatcher('**/*');
    this.disposables.push(
      checklist,
      checklist.onDidChange(() => this.schedule()),
      checklist.onDidCreate(() => this.schedule()),
      checklist.onDidDelete(() => this.schedule()),
      anyFile,
      anyFile.onDidChange((u) => isEvidenceInput(u) && filesChanged()),
      anyFile.onDidCreate((u) => isEvidenceInput(u) && filesChanged()),
      anyFile.onDidDelete((u) => isEvidenceInput(u) && filesChanged()),
      // A save in the editor is certain; file watchers can miss changes in a just-created folder.
      vscode.workspace.onDidSaveTextDocument((d) => isEvidenceInput(d.uri) && filesChanged()),
    );
  }

  /**
   * Forgets what the files showed, so the next refresh gathers the evidence again: called on
   * file changes, and by commands that write evidence themselves (policies, the questionnaire)
   * before they refresh, so they never wait for the file watcher.
   */
  invalidateFiles(): void {
    this.files = undefined;
    this.filesGeneration++;
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
    const scanned = this.store
      .scanInfo()
      .some((s) => s.folder.toString() === folder.uri.toString());
    const mine = this.store.all().filter((f) => f.uri.toString().startsWith(prefix));
    try {
      const root = folder.uri.fsPath;
      const checklist = await loadChecklist(root);
      const findings = scanned ? countByFamily(mine) : undefined;
      const history = this.historySummary(checklist.state.rotated);
      // Findings change as you type; the files behind the other evidence only when saved.
      let files = this.files?.folder === root ? this.files.evidence : undefined;
      if (!files) {
        const generation = this.filesGeneration;
        files = await collectEvidence(root, { untrusted: !vscode.workspace.isTrusted });
        // A file changed while it was gathered: use it for this round, but do not keep it.
        if (generation === this.filesGeneration) this.files = { folder: root, evidence: files };
        else this.schedule(0);
      }
      const evidence: Evidence = { ...files, findings, history };
      const results = evaluateRoadmap(evidence, checklist.state);
      const today = isoDate(new Date());
      const plan = checklist.state.planStart
        ? planToday(results, checklist.state.planStart, today)
        : undefined;
      const readiness: Readiness = { results, evidence, checklist, plan };
      this.snapshot = { ...readiness, folder, score: readinessScore(results), scanned };
      this.reportChecklistError(folder, checklist.error);
    } catch (err) {
      logError('Evaluating the audit-readiness checklist failed', err);
    }
    this.emitter.fire();
  }

  /** Says once (per distinct problem) that checklist.json cannot be used, and offers to open it. */
  private reportChecklistError(folder: vscode.WorkspaceFolder, error: string | undefined): void {
    if (error === this.reportedError) return;
    this.reportedError = error;
    if (!error) return;
    logError('Audit-readiness checklist', error);
    const open = 'Open File';
    void vscode.window
      .showErrorMessage(
        `Audit Ready: ${error} Its attestations are not counted until it is fixed.`,
        open,
      )
      .then(
        (c) => c && vscode.window.showTextDocument(vscode.Uri.joinPath(folder.uri, CHECKLIST_FILE)),
      );
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

  async setHistory(result: HistoryScanResult | undefined): Promise<void> {
    this.history = result;
    const folder = this.folder();
    if (folder) {
      const saved: SavedHistory | undefined = result && {
        folder: folder.uri.toString(),
        at: new Date().toISOString(),
        result,
      };
      await this.memory?.update(HISTORY_KEY, saved);
    }
    return this.refresh();
  }

  /** The history scan saved by an earlier window of this workspace, noted with its date. */
  private restoreHistory(): HistoryScanResult | undefined {
    const saved = this.memory?.get<SavedHistory>(HISTORY_KEY);
    if (!saved || saved.folder !== this.folder()?.uri.toString()) return undefined;
    const when = saved.at.slice(0, 16).replace('T', ' ');
    return {
      ...saved.result,
      notes: [
        ...saved.result.notes,
        `From the history scan of ${when} UTC: run "Scan Git History" for newer commits.`,
      ],
    };
  }

  /**
   * Changes `.auditready/checklist.json` of the folder: re-reads it, applies `change` with the
   * current user's name, writes atomically, recomputes. Refuses (and says why) when the file is
   * malformed. Returns false when nothing was written.
   */
  async update(
    change: (state: ChecklistState, who: string, now: string) => ChecklistState,
  ): Promise<boolean> {
    const folder = this.folder();
    if (!folder) {
      void vscode.window.showWarningMessage('Audit Ready: open a folder to keep a checklist.');
      return false;
    }
    const loaded = await loadChecklist(folder.uri.fsPath);
    if (!loaded.writable) {
      const open = 'Open File';
      void vscode.window
        .showErrorMessage(
          `Audit Ready: ${loaded.error ?? `${CHECKLIST_FILE} cannot be used`}`,
          open,
        )
        .then(
          (c) =>
            c && vscode.window.showTextDocument(vscode.Uri.joinPath(folder.uri, CHECKLIST_FILE)),
        );
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

/**
 * Whether a changed file can change the gathered evidence: not the checklist (watched on its
 * own), not git's internals, dependencies or Audit Ready's own output.
 */
function isEvidenceInput(uri: vscode.Uri): boolean {
  return !/\/(?:\.git|node_modules|\.auditready)\//.test(uri.path);
}
