import * as vscode from 'vscode';
import { registerGitContent } from '../history/gitContent';
import {
  markRotated,
  scanHistoryCommand,
  showCommit,
  showGuidance,
} from '../history/historyCommands';
import type { StatusBar } from '../statusBar';
import type { FindingsStore } from '../store';
import { ChecklistTreeProvider, type ChecklistNode } from './checklistTree';
import { draftAnswers, exportEvidence, generatePolicies } from './documents';
import { CHECKLIST_VIEW_ID, PLAN_VIEW_ID, ReadinessCmd } from './ids';
import {
  attestItem,
  clearAttestation,
  markNotApplicable,
  showEvidence,
  startPlan,
  type ItemArg,
} from './itemCommands';
import { openItemDocs, registerItemDocs } from './itemDocs';
import { PlanTreeProvider } from './planTree';
import { ReadinessService } from './readinessService';
import { failingCount, scoreText } from './treeModel';

/** What the readiness side of the extension exposes (to the API and the integration tests). */
export interface ReadinessApi {
  service: ReadinessService;
  checklistTree: ChecklistTreeProvider;
  checklistView: vscode.TreeView<ChecklistNode>;
  planTree: PlanTreeProvider;
}

/** Checking a box attests (asks for a note); unchecking removes the attestation (asks first). */
function onCheckbox(service: ReadinessService, tree: ChecklistTreeProvider) {
  return async (e: vscode.TreeCheckboxChangeEvent<ChecklistNode>): Promise<void> => {
    for (const [node, state] of e.items) {
      if (node.kind !== 'item') continue;
      const done =
        state === vscode.TreeItemCheckboxState.Checked
          ? await attestItem(service, node)
          : await clearAttestation(service, node);
      if (!done) tree.refresh(); // Put the box back as it was.
    }
  };
}

function registerCommands(
  context: vscode.ExtensionContext,
  service: ReadinessService,
  store: FindingsStore,
): vscode.Disposable {
  const version = String(context.extension.packageJSON.version ?? '0.0.0');
  const cacheDir = context.globalStorageUri.fsPath;
  const reg = vscode.commands.registerCommand;
  return vscode.Disposable.from(
    reg(ReadinessCmd.refreshChecklist, () => {
      // "Refresh" re-reads everything, the files behind the evidence included.
      service.invalidateFiles();
      return service.refresh();
    }),
    reg(ReadinessCmd.attestItem, (arg: ItemArg) => attestItem(service, arg)),
    reg(ReadinessCmd.markNotApplicable, (arg: ItemArg) => markNotApplicable(service, arg)),
    reg(ReadinessCmd.clearAttestation, (arg: ItemArg) => clearAttestation(service, arg)),
    reg(ReadinessCmd.showEvidence, (arg: ItemArg) => showEvidence(service, store, arg)),
    reg(ReadinessCmd.openItemDocs, (arg: ItemArg) => {
      const id =
        typeof arg === 'string' ? arg : arg && 'result' in arg ? arg.result.item.id : arg?.itemId;
      return id ? openItemDocs(id) : undefined;
    }),
    reg(ReadinessCmd.startPlan, (arg?: { confirmed?: boolean }) => startPlan(service, arg)),
    reg(ReadinessCmd.generatePolicies, () => generatePolicies(service)),
    reg(ReadinessCmd.draftQuestionnaire, (arg?: { overwrite?: boolean }) =>
      draftAnswers(service, arg),
    ),
    reg(ReadinessCmd.exportEvidence, (arg?: { dir?: string }) =>
      exportEvidence(service, store, version, arg),
    ),
    reg(ReadinessCmd.scanHistory, () => scanHistoryCommand(service, cacheDir)),
    reg(ReadinessCmd.showCommit, (arg: unknown) => showCommit(service, arg)),
    reg(ReadinessCmd.markRotated, (arg: unknown, note?: string) => markRotated(service, arg, note)),
    reg(ReadinessCmd.historyGuidance, (arg: unknown) => showGuidance(arg)),
  );
}

/**
 * The "Audit Readiness" and "30-Day Plan" views, their commands, the history scan and the
 * readiness score in the status bar. Everything registered is disposed with the extension.
 */
export function registerReadiness(
  context: vscode.ExtensionContext,
  store: FindingsStore,
  statusBar: StatusBar,
): { api: ReadinessApi; disposable: vscode.Disposable } {
  const service = new ReadinessService(store, context.workspaceState);
  const checklistTree = new ChecklistTreeProvider(service, store);
  const planTree = new PlanTreeProvider(service);
  const checklistView = vscode.window.createTreeView(CHECKLIST_VIEW_ID, {
    treeDataProvider: checklistTree,
    showCollapseAll: true,
    manageCheckboxStateManually: true,
  });
  const planView = vscode.window.createTreeView(PLAN_VIEW_ID, { treeDataProvider: planTree });
  const update = (): void => {
    checklistTree.refresh();
    planTree.refresh();
    const snap = service.snapshot;
    const failing = snap ? failingCount(snap.results) : 0;
    checklistView.description = snap ? scoreText(snap.score, failing) : undefined;
    checklistView.badge =
      failing > 0
        ? {
            value: failing,
            tooltip: `${failing} audit-readiness item${failing === 1 ? '' : 's'} failing`,
          }
        : undefined;
    const plan = snap?.plan;
    planView.description = plan
      ? plan.day > 30
        ? 'finished'
        : `day ${Math.max(plan.day, 0)} of 30`
      : undefined;
    statusBar.setReadinessScore(snap ? snap.score / 100 : undefined);
  };
  const disposable = vscode.Disposable.from(
    service,
    checklistView,
    planView,
    service.onDidChange(update),
    checklistView.onDidChangeCheckboxState(onCheckbox(service, checklistTree)),
    registerItemDocs(service),
    registerGitContent(),
    registerCommands(context, service, store),
  );
  service.schedule(0);
  return { api: { service, checklistTree, checklistView, planTree }, disposable };
}
