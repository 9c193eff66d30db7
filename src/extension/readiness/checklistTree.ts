import * as vscode from 'vscode';
import type { HistoryFinding } from '../../engine';
import { CHECKLIST_FILE, type ChecklistState, type ItemResult } from '../../engine/roadmap';
import type { StoredFinding } from '../convert';
import { Cmd } from '../ids';
import type { FindingsStore } from '../store';
import { historyTreeItem } from '../history/historyItem';
import type { ReadinessService } from './readinessService';
import {
  buildPhases,
  checkboxOf,
  itemContext,
  itemTooltip,
  STATUS_ICON,
  type PhaseModel,
} from './treeModel';

/** A node of the "Audit Readiness" tree. */
export type ChecklistNode =
  | { kind: 'phase'; model: PhaseModel }
  | { kind: 'group'; phase: string; title: string; items: ItemResult[] }
  | { kind: 'item'; result: ItemResult }
  | { kind: 'finding'; finding: StoredFinding }
  | { kind: 'history'; finding: HistoryFinding; rotated?: ChecklistState['rotated'][string] }
  | { kind: 'note'; id: string; text: string; error?: boolean };

/** Failing items list at most this many findings; the Findings view has them all. */
const MAX_FINDINGS = 100;

/** An item's tree node (also used by the 30-day plan view). */
export function itemTreeItem(
  r: ItemResult,
  collapsible: boolean,
  idPrefix = 'item',
): vscode.TreeItem {
  const t = new vscode.TreeItem(
    r.item.title,
    collapsible ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
  );
  const icon = STATUS_ICON[r.status];
  t.id = `${idPrefix}:${r.item.id}`;
  t.description = r.evidence;
  t.tooltip = itemTooltip(r);
  t.iconPath = new vscode.ThemeIcon(
    icon.icon,
    icon.color ? new vscode.ThemeColor(icon.color) : undefined,
  );
  t.contextValue = itemContext(r);
  t.accessibilityInformation = { label: `${r.item.title}: ${icon.label}. ${r.evidence}` };
  const box = checkboxOf(r);
  if (box) {
    t.checkboxState = {
      state:
        box === 'checked'
          ? vscode.TreeItemCheckboxState.Checked
          : vscode.TreeItemCheckboxState.Unchecked,
      tooltip:
        box === 'checked'
          ? 'Attested — uncheck to remove the attestation'
          : 'Check to attest (asks for a note)',
    };
  }
  return t;
}

/**
 * Phases → (Controls: groups →) items → the findings or history secrets that decide them.
 * Reads the service's snapshot and the store; nothing is computed here.
 */
export class ChecklistTreeProvider implements vscode.TreeDataProvider<ChecklistNode> {
  private readonly emitter = new vscode.EventEmitter<ChecklistNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private phases: PhaseModel[] = [];

  constructor(
    private readonly service: ReadinessService,
    private readonly store: FindingsStore,
  ) {}

  /** Rebuilds the phase list from the current snapshot and redraws. */
  refresh(): void {
    this.phases = this.service.snapshot ? buildPhases(this.service.snapshot.results) : [];
    this.emitter.fire(undefined);
  }

  /** Empty (so the welcome view shows) until a workspace or history scan ran, in a trusted window. */
  private showing(): boolean {
    const s = this.service.snapshot;
    if (!s) return false;
    return s.scanned || !!this.service.history || !vscode.workspace.isTrusted;
  }

  getChildren(node?: ChecklistNode): ChecklistNode[] {
    if (!node) {
      if (!this.showing()) return [];
      const phases = this.phases.map((model): ChecklistNode => ({ kind: 'phase', model }));
      const error = this.service.snapshot?.checklist.error;
      return error
        ? [{ kind: 'note', id: 'checklist-error', text: error, error: true }, ...phases]
        : phases;
    }
    if (node.kind === 'phase') {
      return [
        ...node.model.items.map((result): ChecklistNode => ({ kind: 'item', result })),
        ...node.model.groups.map((g): ChecklistNode => ({
          kind: 'group',
          phase: node.model.phase,
          title: g.title,
          items: g.items,
        })),
      ];
    }
    if (node.kind === 'group') return node.items.map((result) => ({ kind: 'item', result }));
    if (node.kind === 'item') return this.itemChildren(node.result);
    return [];
  }

  private itemChildren(r: ItemResult): ChecklistNode[] {
    const check = r.item.check;
    if (check.kind === 'findings' && r.status === 'failing') {
      const folder = this.service.snapshot?.folder.uri.toString().replace(/\/?$/, '/') ?? '';
      const all = this.store
        .byFamily(check.family)
        .filter((f) => !f.suppressed && f.uri.toString().startsWith(folder));
      const nodes: ChecklistNode[] = all
        .slice(0, MAX_FINDINGS)
        .map((finding) => ({ kind: 'finding', finding }));
      if (all.length > MAX_FINDINGS) {
        nodes.push({
          kind: 'note',
          id: `more:${r.item.id}`,
          text: `${all.length - MAX_FINDINGS} more in the Findings view`,
        });
      }
      return nodes;
    }
    const history = this.service.history;
    if (check.kind === 'history' && history) {
      const rotated = this.service.snapshot?.checklist.state.rotated ?? {};
      return [
        ...history.notes.map((text, i): ChecklistNode => ({
          kind: 'note',
          id: `history-note:${i}`,
          text,
        })),
        ...history.findings.map((finding): ChecklistNode => ({
          kind: 'history',
          finding,
          rotated: rotated[finding.fingerprint],
        })),
      ];
    }
    return [];
  }

  private checklistUri(): vscode.Uri | undefined {
    const folder = this.service.snapshot?.folder.uri;
    return folder && vscode.Uri.joinPath(folder, ...CHECKLIST_FILE.split('/'));
  }

  getTreeItem(node: ChecklistNode): vscode.TreeItem {
    switch (node.kind) {
      case 'phase': {
        const m = node.model;
        const t = new vscode.TreeItem(m.title, vscode.TreeItemCollapsibleState.Expanded);
        t.id = `phase:${m.phase}`;
        t.description = `${m.done}/${m.applicable} done${m.failing ? ` · ${m.failing} failing` : ''}`;
        t.contextValue = 'phase';
        return t;
      }
      case 'group': {
        const t = new vscode.TreeItem(node.title, vscode.TreeItemCollapsibleState.Expanded);
        t.id = `group:${node.phase}:${node.title}`;
        t.contextValue = 'group';
        return t;
      }
      case 'item':
        return itemTreeItem(node.result, this.itemChildren(node.result).length > 0);
      case 'finding': {
        const f = node.finding;
        const t = new vscode.TreeItem(f.message, vscode.TreeItemCollapsibleState.None);
        t.description = `${f.relPath}:${f.range.start.line + 1}`;
        t.tooltip = `${f.ruleId}\n${f.message}\n${f.display}`;
        t.iconPath = new vscode.ThemeIcon(f.severity === 'error' ? 'error' : 'warning');
        t.contextValue = 'finding';
        t.command = { title: 'Reveal', command: Cmd.revealFinding, arguments: [f.uri, f.range] };
        return t;
      }
      case 'history':
        return historyTreeItem(node.finding, node.rotated);
      case 'note': {
        const t = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
        t.id = node.id;
        t.iconPath = node.error
          ? new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'))
          : new vscode.ThemeIcon('info');
        t.tooltip = node.text;
        if (node.error)
          t.command = { title: 'Open', command: 'vscode.open', arguments: [this.checklistUri()] };
        return t;
      }
    }
  }
}
