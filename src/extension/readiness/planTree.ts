import * as vscode from 'vscode';
import type { ItemResult } from '../../engine/roadmap';
import { itemTreeItem } from './checklistTree';
import type { ReadinessService } from './readinessService';
import { planModel } from './treeModel';

/** A node of the "30-Day Plan" view. */
export type PlanNode =
  | { kind: 'day'; text: string; start: string }
  | { kind: 'section'; title: string; items: ItemResult[]; id: 'today' | 'overdue' }
  | { kind: 'item'; result: ItemResult; section: string };

/**
 * "Day N of 30", what is still open in today's window, and what is overdue. Empty before the
 * plan starts, so the welcome view offers "Start the 30-day plan".
 */
export class PlanTreeProvider implements vscode.TreeDataProvider<PlanNode> {
  private readonly emitter = new vscode.EventEmitter<PlanNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;

  constructor(private readonly service: ReadinessService) {}

  refresh(): void {
    this.emitter.fire(undefined);
  }

  getChildren(node?: PlanNode): PlanNode[] {
    const plan = this.service.snapshot?.plan;
    if (!plan) return [];
    const m = planModel(plan);
    if (!node) {
      const nodes: PlanNode[] = [{ kind: 'day', text: m.heading, start: plan.start }];
      nodes.push({
        kind: 'section',
        id: 'today',
        title: m.today.length ? "Today's focus" : "Today's focus: nothing open",
        items: m.today,
      });
      if (m.overdue.length)
        nodes.push({ kind: 'section', id: 'overdue', title: 'Overdue', items: m.overdue });
      return nodes;
    }
    if (node.kind === 'section')
      return node.items.map((result) => ({ kind: 'item', result, section: node.id }));
    return [];
  }

  getTreeItem(node: PlanNode): vscode.TreeItem {
    if (node.kind === 'day') {
      const t = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
      t.id = 'plan:day';
      t.description = `started ${node.start}`;
      t.iconPath = new vscode.ThemeIcon('calendar');
      return t;
    }
    if (node.kind === 'section') {
      const t = new vscode.TreeItem(
        node.title,
        node.items.length
          ? vscode.TreeItemCollapsibleState.Expanded
          : vscode.TreeItemCollapsibleState.None,
      );
      t.id = `plan:${node.id}`;
      t.description = node.items.length ? String(node.items.length) : '';
      t.iconPath = new vscode.ThemeIcon(node.id === 'overdue' ? 'warning' : 'target');
      return t;
    }
    const t = itemTreeItem(node.result, false, `plan-${node.section}`);
    t.description = `days ${node.result.item.days[0]}–${node.result.item.days[1]} · ${node.result.evidence}`;
    return t;
  }
}
