import * as vscode from 'vscode';
import { FAMILIES, type Family, type Severity } from '../engine';
import type { StoredFinding } from './convert';

/** Which uris changed; `all` when the whole store was replaced or cleared. */
export interface FindingsChange {
  uris: readonly vscode.Uri[];
  all: boolean;
}

/** Counts for the status bar, the summary message and the sidebar badge. */
export interface FindingCounts {
  total: number;
  files: number;
  bySeverity: Record<Severity, number>;
  byFamily: Record<Family, number>;
}

/** What the last workspace scan of a folder did (the sidebar shows a welcome view before one). */
export interface FolderScanInfo {
  folder: vscode.Uri;
  finishedAt: Date;
  filesScanned: number;
  cancelled: boolean;
}

/**
 * The findings hub, one per window. Two layers per file: `scanned` (workspace scan, disk
 * contents) and `live` (an open document, its current text). An open document's live results
 * win; closing it drops the live layer and the scanned one shows again. Diagnostics, code
 * actions, hovers, the status bar and the trees read from here and listen to `onDidChange`.
 */
export class FindingsStore implements vscode.Disposable {
  private readonly live = new Map<string, StoredFinding[]>();
  private readonly scanned = new Map<string, StoredFinding[]>();
  private readonly uris = new Map<string, vscode.Uri>();
  private readonly scans = new Map<string, FolderScanInfo>();
  private readonly emitter = new vscode.EventEmitter<FindingsChange>();

  /** Fires after findings of some files (or all) changed. */
  readonly onDidChange = this.emitter.event;

  /** Results of scanning an open document's current text. */
  setLive(uri: vscode.Uri, findings: StoredFinding[]): void {
    this.put(this.live, uri, findings);
    this.emitter.fire({ uris: [uri], all: false });
  }

  /** The document closed: fall back to what the workspace scan found in the file on disk. */
  clearLive(uri: vscode.Uri): void {
    if (this.live.delete(uri.toString())) this.emitter.fire({ uris: [uri], all: false });
  }

  /** Results of scanning files on disk (workspace scan, watcher, save). */
  setScanned(entries: ReadonlyArray<readonly [vscode.Uri, StoredFinding[]]>): void {
    for (const [uri, findings] of entries) this.put(this.scanned, uri, findings);
    if (entries.length > 0) this.emitter.fire({ uris: entries.map(([u]) => u), all: false });
  }

  /** Drops scanned results under a folder (before a fresh scan of it, or when it is removed). */
  clearFolder(folder: vscode.Uri): void {
    const prefix = folder.toString().replace(/\/?$/, '/');
    const gone: vscode.Uri[] = [];
    for (const key of [...this.scanned.keys()]) {
      if (key.startsWith(prefix)) {
        this.scanned.delete(key);
        gone.push(this.uris.get(key) as vscode.Uri);
      }
    }
    this.scans.delete(folder.toString());
    if (gone.length > 0) this.emitter.fire({ uris: gone, all: false });
  }

  /** Forgets everything (the "Clear Findings" command, or the extension being disabled). */
  clear(): void {
    this.live.clear();
    this.scanned.clear();
    this.scans.clear();
    this.emitter.fire({ uris: [...this.uris.values()], all: true });
    this.uris.clear();
  }

  markScanned(info: FolderScanInfo): void {
    this.scans.set(info.folder.toString(), info);
    this.emitter.fire({ uris: [], all: false });
  }

  /** The last completed workspace scan per folder. */
  scanInfo(): FolderScanInfo[] {
    return [...this.scans.values()];
  }

  /** Findings currently shown for a file. */
  get(uri: vscode.Uri): readonly StoredFinding[] {
    const key = uri.toString();
    return this.live.get(key) ?? this.scanned.get(key) ?? [];
  }

  /** Files with at least one finding, sorted by path. */
  files(): vscode.Uri[] {
    return [...this.uris.values()]
      .filter((u) => this.get(u).length > 0)
      .sort((a, b) => a.toString().localeCompare(b.toString()));
  }

  /** Every finding in the window. */
  all(): StoredFinding[] {
    return this.files().flatMap((u) => this.get(u));
  }

  byFamily(family: Family): StoredFinding[] {
    return this.all().filter((f) => f.family === family);
  }

  counts(): FindingCounts {
    const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    const byFamily = Object.fromEntries(FAMILIES.map((f) => [f, 0])) as Record<Family, number>;
    let total = 0;
    let files = 0;
    for (const uri of this.uris.values()) {
      const list = this.get(uri);
      if (list.length > 0) files++;
      for (const f of list) {
        total++;
        bySeverity[f.severity]++;
        byFamily[f.family]++;
      }
    }
    return { total, files, bySeverity, byFamily };
  }

  dispose(): void {
    this.emitter.dispose();
  }

  private put(
    layer: Map<string, StoredFinding[]>,
    uri: vscode.Uri,
    findings: StoredFinding[],
  ): void {
    const key = uri.toString();
    this.uris.set(key, uri);
    layer.set(key, findings);
  }
}
