import * as vscode from 'vscode';
import { FAMILIES, FAMILY_INFO, type Family } from '../engine';
import type { StoredFinding } from './convert';
import { toDiagnosticSeverity } from './convert';
import { Cmd, FINDINGS_VIEW_ID } from './ids';
import type { FindingsStore } from './store';

/** A node of the Findings tree: a family, a file in it, or one finding. */
export type FindingsNode =
  | { kind: 'family'; family: Family }
  | { kind: 'file'; family: Family; uri: vscode.Uri }
  | { kind: 'finding'; finding: StoredFinding };

const SEVERITY_ICON: Record<vscode.DiagnosticSeverity, string> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'info',
  [vscode.DiagnosticSeverity.Hint]: 'info',
};

/** Family → file → finding; clicking a finding reveals it. Reads the store, nothing more. */
export class FindingsTreeProvider implements vscode.TreeDataProvider<FindingsNode> {
  private readonly emitter = new vscode.EventEmitter<FindingsNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;

  constructor(private readonly store: FindingsStore) {}

  refresh(): void {
    this.emitter.fire(undefined);
  }

  getChildren(node?: FindingsNode): FindingsNode[] {
    if (!node) {
      const counts = this.store.counts().byFamily;
      return FAMILIES.filter((f) => counts[f] > 0).map((family) => ({ kind: 'family', family }));
    }
    if (node.kind === 'family') {
      return this.store
        .files()
        .filter((uri) => this.store.get(uri).some((f) => f.family === node.family))
        .map((uri) => ({ kind: 'file', family: node.family, uri }));
    }
    if (node.kind === 'file') {
      return this.store
        .get(node.uri)
        .filter((f) => f.family === node.family)
        .map((finding) => ({ kind: 'finding', finding }));
    }
    return [];
  }

  getTreeItem(node: FindingsNode): vscode.TreeItem {
    if (node.kind === 'family') {
      const item = new vscode.TreeItem(
        FAMILY_INFO[node.family].title,
        vscode.TreeItemCollapsibleState.Expanded,
      );
      item.description = String(this.store.counts().byFamily[node.family]);
      item.contextValue = 'family';
      item.id = `family:${node.family}`;
      return item;
    }
    if (node.kind === 'file') {
      const item = new vscode.TreeItem(node.uri, vscode.TreeItemCollapsibleState.Expanded);
      const first = this.store.get(node.uri)[0];
      const dir = first?.relPath.includes('/')
        ? first.relPath.slice(0, first.relPath.lastIndexOf('/'))
        : '';
      // In a multi-root window the same path can exist in several folders: name the folder.
      const folder =
        (vscode.workspace.workspaceFolders?.length ?? 0) > 1
          ? vscode.workspace.getWorkspaceFolder(node.uri)
          : undefined;
      item.description = folder ? [folder.name, dir].filter(Boolean).join('/') : dir;
      item.contextValue = 'file';
      item.id = `file:${node.family}:${node.uri.toString()}`;
      return item;
    }
    const f = node.finding;
    const item = new vscode.TreeItem(f.message, vscode.TreeItemCollapsibleState.None);
    item.description = `${f.ruleId} · Ln ${f.range.start.line + 1}`;
    item.tooltip = `${f.message}\n${f.display}`;
    item.iconPath = new vscode.ThemeIcon(SEVERITY_ICON[toDiagnosticSeverity(f.severity)]);
    item.contextValue = 'finding';
    item.command = { title: 'Reveal', command: Cmd.revealFinding, arguments: [f.uri, f.range] };
    return item;
  }
}

/** The "Findings" view, with a badge of the total count, refreshed at most every 150 ms. */
export function registerFindingsTree(
  store: FindingsStore,
  provider = new FindingsTreeProvider(store),
): vscode.Disposable {
  const view = vscode.window.createTreeView(FINDINGS_VIEW_ID, {
    treeDataProvider: provider,
    showCollapseAll: true,
  });
  let timer: NodeJS.Timeout | undefined;
  const update = (): void => {
    timer = undefined;
    provider.refresh();
    const total = store.counts().total;
    view.badge = total > 0 ? { value: total, tooltip: `${total} Audit Ready findings` } : undefined;
  };
  const listener = store.onDidChange(() => {
    timer ??= setTimeout(update, 150);
  });
  update();
  return vscode.Disposable.from(view, listener, { dispose: () => clearTimeout(timer) });
}
